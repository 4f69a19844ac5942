"""A headline a crawler ran into the body of its page (`原标题：…` or bare): where it stops, from the
words that open a lead, a dispatch or a byline, a quote, the body repeating it, or an outlet's
name before its dispatch. Used by articles/parsing/crawled.py; pure text, no Django."""

from __future__ import annotations

import re

from .credits import KNOWN_DATELINE, KNOWN_OUTLET, parse_dateline, parse_reporter_run
from .text import CJK

# Where a headline run into the body stops: the body's first words.
_OPENER = (
    r"(?:[继自于从]?\d{1,2}月 ?\d{1,2}[日至\-—~、]|[自从](?:19|20)\d{2}年(?!\d{1,2}月)|[继自于从]\d{1,2}月(?:初|中旬|下旬|上旬|底|以来)|随着|炎炎夏日|盛夏时节|酷暑时节|金秋时节|寒冬时节|岁末年初|\d{1,2}月(?:初|中旬|下旬|上旬|底)|(?:19|20)\d{2}年\d{1,2}月|\d{1,2}日[，,上下凌晚中早]"
    r"|近日|日前|近期|最近[，,]|上周末|上个?周[一二三四五六日末]|在[^，。“”！？、]{2,12}(?:过程|期间)中[，,]|(?<![也还又时])正值|家住|近年来|近段时间|连日来|(?:今年|去年|年初|暑假|寒假|入夏|入冬|入汛|开学|进入\d{1,2}月)以来|昨天|昨日|今天|今日|当地时间|事发|当天|当晚|当日|此前|据[^，。]{0,14}(?:消息|报道|通报|介绍)"
    r"|据[^，。“”]{2,20}[，,](?=\d{1,2}月|近日|日前|昨|今|当地时间)"  # `据浙江大学医学院附属第一医院，8月7日上午`
    r"|《[^《》“”]{2,12}》(?=\d{1,2}月\d{1,2}日(?:报道|消息|讯|电))"  # `…“六宗罪”！《河北青年报》8月9日报道，`
    r"|在[^，。“”]{2,30}(?:之际|前夕)[，,]"  # `在中国人民解放军第96个建军节到来之际，`
    r"|第[\d一二三四五六七八九十]{1,3}个[^，。“”！？]{2,16}(?:之际|前夕)[，,]"  # `第六个中国医师节到来之际，`
    r"|记者从|记者获悉|记者了解到|为(?:进一步|切实|全面|大力|了|提升|推进|深入|帮助|普及|加强|做好|庆祝|表彰|积极|更好|有效|"
    r"满足|迎接|弘扬|落实|确保|营造|丰富|纪念|提高|深化|增强|推动|持续|不断|充分|助力|关爱|传递|保障|将优质))"
)
_BYLINE_START = (
    rf"(?:[（(][^（()）]{{0,24}}(?:记者|通讯员)|(?:{KNOWN_OUTLET})?(?:全媒体|融媒体|首席|见习|特约|实习)?(?:记者|通讯员)[\s：:]"
    rf"|(?<=[|｜]\s)(?:作者|记者|文|来源)\s|互动编辑\s|(?:发布时间|发稿时间|发布日期)\s*[:：]|作者\s*[:：][{CJK}]{{2,4}}(?:来源|编辑)\s*[:：]|【[{CJK}]{{2,10}}(?:讯|电|微特稿|特稿)】"
    rf"|(?:{KNOWN_OUTLET})(?:全媒体|融媒体)?记者[{CJK}]{{2,3}}|来源\s*[:：]|本文转自\s*[:：【]|【?编者按"
    rf"|[（(][{CJK}]{{2,10}}?(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日(?:讯|电)[)）])"  # `(知消2023年8月17日讯)`
)
_SPEECH = r"“[^”]{0,60}[，。！？!?](?:[^”]{0,60}”|[^”]*$)"  # closed, or still open where the headline's search stops
# A paragraph break the crawler kept as a run of spaces.
SPACE_RUN = re.compile(r"[^\S\r\n]{2,}")  # any spaces: `\u2003` (em) as often as `\u3000`

# `…一台手术解决62岁的丁女士腰腿疼痛两年`: an age run into the word before it opens the lead (only
# after `原标题：`: a headline of its own may hold one, `七年后38岁的儿子竟也确诊了胃癌！`)
_AGE_OPENER = r"(?<=[\u4e00-\u9fff])\d{1,3}岁的"


_LEAD_OPENER = re.compile(_OPENER)


def lead_opener(text: str, pos: int, end: int) -> int | None:
    """Where the first words that open a lead (`为进一步`, `近日`, `8月7日`) stand in text[pos:end]."""
    match = _LEAD_OPENER.search(text, pos, end)
    return match.start() if match else None


def _first_boundary(head: str, minimum: int, sure: bool = False) -> tuple[int, str] | None:
    found = []
    for kind, pattern in (("space", SPACE_RUN.pattern), ("dateline", KNOWN_DATELINE.pattern),
                          ("byline", _BYLINE_START), ("opener", _OPENER + (f"|{_AGE_OPENER}" if sure else "")),
                          ("speech", _SPEECH), ("ellipsis", r"(?<=…)(?=[^…”])")):
        for match in re.finditer(pattern, head):
            at = match.start()
            if at >= minimum and (kind == "speech" or head.count("“", 0, at) <= head.count("”", 0, at)):
                # Not inside quotes: `…启用 患者“当天入院、当天手术…”` holds no lead's 当天.
                found.append((at, kind))
                break
    return min(found) if found else None


def _repeat_length(head: str) -> int | None:
    """`标题标题正文…`: the headline printed twice in a row."""
    for length in range(4, min(len(head) // 2, 80) + 1):
        rest = head[length:].lstrip()
        if rest.startswith(head[:length]) and not head[:length].endswith(" "):
            return length
    return None


def _reappears(region: str, rest: str, size: int) -> int | None:
    """The start of the first `size`-character piece of `region` that the body repeats."""
    for start in range(0, len(region) - size + 1):
        piece = region[start:start + size]
        if re.search(r"[，,。\s]", piece):
            continue
        if piece in rest:
            return start
    return None


_PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西",
              "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
              "青海", "宁夏", "新疆")
_PROVINCIAL_DISPATCH = re.compile(rf"(?:{'|'.join(_PROVINCES)})(?:新闻网|网|日报|晚报|卫视)讯$")


def headline_length(text: str, *, sure: bool) -> int | None:
    """How many characters at the start of `text` are a headline run into the body.

    `sure`: the page said `原标题：`, so some headline is there; otherwise a headline is taken only
    on evidence (a dateline or byline after it, or the body repeating it), never a cut sentence.
    """
    length = _headline_length(text, sure=sure)
    if length and text[:length].rstrip().endswith(("，", ",")) and (again := _opening_again(text, length)):
        # `内蒙古再报告2例鼠疫，密接者均已隔离管控内蒙古锡林郭勒盟…发布通知公告，8月12日，`: no headline
        # ends on a comma; the lead began where the headline's first words stand again
        return again
    return length


def _headline_length(text: str, *, sure: bool) -> int | None:
    stop = len(text)
    for mark in "。；;":
        at = text.find(mark)
        if at != -1:
            stop = min(stop, at)
    head = text[: min(stop, 120)]
    repeat = _repeat_length(head if stop < len(text) else text[:240])
    if repeat and repeat <= 80:
        return repeat
    rest = text[:20000]
    if not sure and (parse_dateline(text) or parse_reporter_run(text) or re.match(r"[（(【]", text)):
        return None
    if sure:
        for match in re.finditer(r"[？?！!]+", head[:64]):
            # `20天减重20斤！三伏天小伙为了“救命”奔跑！20天减重20斤24岁小伙…`: the body opens
            # with the headline's first words, right after its last cry
            if match.end() >= 8 and head.startswith(head[:5], match.end()):
                return match.end()
        arrow = head.find("→", 6, 64)
        if arrow != -1:
            return arrow + 1  # `提醒！…做好居家消毒很重要→现下部分地方…`: a post's arrow ends its headline
    # A bracketed label opens the headline (`【通知】8月13日在…义诊`): its words are the headline's.
    label = re.match(r"[【\[［][^】\]］]{1,8}[】\]］]", head)
    boundary = _first_boundary(head, (4 if sure else 6) + (label.end() if label else 0), sure)
    if boundary:
        at, kind = boundary
        if kind == "opener" and (dated := re.match(r"\d{1,2}月\d{1,2}日(?:讯|电)", head[at:])):
            # `…红旗手南海网海口3月5日讯（记者…）`: the date is a dispatch's, after its outlet and place
            start = outlet_start(head, at + dated.end())
            if start is not None:
                at, kind = start, "dateline"
        if kind == "opener" and at >= 6 and head[at - 1] in " \u3000\u00a0" and _plausible_headline(head[:at]):
            return at  # `…目前还在治疗 8月12日，在安徽池州`: the space is the paragraph break the page lost
        if kind == "byline" and head[:at].rstrip().endswith("讯"):
            # `…患者就医更省心广西新闻网讯（记者…）`: a known outlet's dispatch is the body's
            end = len(head[:at].rstrip())
            starts = [k for k in range(max(4, end - 16), end - 2)
                      if (m := KNOWN_DATELINE.match(head, k)) and m.end("kind") == end]
            if not starts and (provincial := _PROVINCIAL_DISPATCH.search(head, 0, end)) and provincial.start() >= 4:
                starts = [provincial.start()]  # `广西新闻网讯`, `四川日报讯`
            if not starts and (spaced := re.search(rf"(?<=\s)[{CJK}]{{2,10}}讯$", head[:end])) and spaced.start() >= 6:
                starts = [spaced.start()]  # `…新燕“衔”来新希望 阳光讯（记者…）`: any outlet, after a space
            if not starts and (outlet := outlet_start(head, end)) is not None:
                starts = [outlet]  # `…看“名医”客家新闻网讯（记者…）`, `…海南省人民医院…南海网海口3月5日讯（…）`
            if starts:
                at = starts[0]
        elif kind == "byline" and re.match(r"(?:全媒体|融媒体|首席|见习|特约|实习)?记者", head[at:]):
            # `…致一人重伤鲁中晨报记者 赵鹏飞`: the reporter's paper ends the headline too, and so
            # does a paper before its app (`…男子获刑三年大河报·豫视频记者 王晓宇`)
            app = _APP_AFTER_DOT.search(head, 0, at)
            paper = outlet_start(head, app.start()) if app else None
            outlet = paper if paper is not None and paper >= 4 else outlet_start(head, at)
            if outlet is not None:
                at = outlet
        candidate = head[:at]
        if sure and kind == "opener" and head[at - 1] in _DANGLING and (again := _opening_again(head, at)):
            # `…步履维艰英国英格兰地区的初级医生从当地时间8月11日…`: no headline ends in 从; the lead
            # began before, where it names again what the headline opened with
            return again
        if sure:
            if at > 64:
                # No headline runs that long: it ended at its last ？/！/… before that.
                ends = [m.end() for m in re.finditer(r"[？?！!]+|…+|→", head[:64]) if m.end() >= 6]
                if ends:
                    return ends[-1]
            return at
        if _plausible_headline(candidate) and (
            kind in ("dateline", "byline", "space") or _reappears(candidate, rest[at:], min(8, len(candidate))) is not None
            # `…全身二度烧伤！8月12日，云南大理。`: a cry, then the lead's date
            or kind == "opener" and len(candidate) >= 8 and re.search(r"[！!？?]$", candidate)
        ):
            return at
        if kind == "opener" and _YEAR_DATE.match(head, at) and _plausible_headline(candidate, longest=90) \
                and re.search(r"[：:！!？?]", candidate):
            # `…学生家长悲痛发声：被送医院5小时无人出面…“天亮了”2023年7月23日下午，`: a headline in two
            # parts, then a lead that opens with the full date
            return at
        if kind == "speech" and _plausible_headline(candidate) and re.search(r"[！!？?：:]", candidate) \
                and not re.search(r"[“”]", candidate) and not re.search(r"[:：]\s*$", candidate) \
                and not re.match(r"(?:来源|作者|编辑|记者|通讯员|文|图)\s*[:：]", candidate):
            # `男孩打瞎女童眼睛后续！镇领导：督促对方…拿出来“经过镇领导协调，…”`: a headline in two parts,
            # then a quote that opens the lead.
            return at
        if kind != "speech":
            return None
    # A headline that ends in ？ or ！: kept when the body repeats it (or the line after it).
    for match in re.finditer(r"[？?！!]+", head):
        at = match.end()
        if at < 6 or at >= len(head):
            continue
        candidate = head[:at]
        if not _plausible_headline(candidate) and not sure:
            continue
        if _reappears(candidate, rest[at:], min(8, len(candidate) - 1)) is not None:
            return at
        follow = re.match(r"[^，,。！？!?“”]{8,40}", head[at:])
        if follow:
            piece = _reappears(follow.group(0), rest[at + len(follow.group(0)):], 8)
            if piece == 0:
                tail = re.match(r"[^，,。！？!?]*", rest[at:]).end()
                end = at + _repeated_prefix(rest[at: at + tail], rest[at + tail:])
                if end - at >= 8:
                    return end
        if sure:
            return at
    if not sure:
        return None
    prefix = _repeated_prefix(head, rest[len(head):])
    if prefix >= 6:
        return prefix
    if len(head) <= 40:
        return len(head)
    # `湖南“启明行动”：…“视”界奥秘湖南省妇女儿童活动中心与…`: the lead names the province the headline
    # opened with again
    return _opening_again(head, min(len(head), 64), last=False) if head.startswith(_PROVINCES) else None


# Words a headline does not end on: the lead's opener cut its sentence after them.
_DANGLING = "从自于在对向将把被与和及的"


def _opening_again(head: str, at: int, last: bool = True) -> int | None:
    """The last (or first) place before `at` past a headline's length where the headline's first
    two characters stand again: where a lead that names the same subject began."""
    opening = head[:2]
    if not re.fullmatch(f"[{CJK}]{{2}}", opening):
        return None
    found = head.rfind(opening, 6, at) if last else head.find(opening, 8, at)
    return found if found != -1 else None


_APP_AFTER_DOT = re.compile(rf"(?<=报)·[{CJK}]{{1,6}}$")
_OUTLET_WORDS = ("广播电视台", "电视台", "广播电台", "新闻网", "客户端", "视频", "都市报", "日报", "晚报", "晨报", "早报", "商报",
                 "时报", "新闻", "融媒", "网", "报", "台")
_OUTLET_TAIL = re.compile(
    rf"(?P<name>[{CJK}]{{2,8}}?)(?P<word>{'|'.join(_OUTLET_WORDS)})(?P<place>[{CJK}]{{0,4}}?)"
    r"(?:\d{1,2}月\d{1,2}日)?(?:讯|电|消息)?"
)


def outlet_start(head: str, end: int, floor: int = 5) -> int | None:
    """Where an outlet that no list knows begins in a headline run into its dispatch or reporter
    (`…看“名医”客家新闻网讯`, `…重伤鲁中晨报`): the shortest name of two or more characters
    before an outlet's word that reaches `end`, not cutting a word (`包头|新闻网`, not `头新闻|网`;
    `鲁中|晨报`, not `中晨|报`)."""
    starts = []
    for start in range(end - 3, max(floor, end - 18), -1):
        match = _OUTLET_TAIL.fullmatch(head, start, end)
        if match is None or any(word in match["name"] for word in ("新闻", "网", "报")):
            continue
        joined = match["name"] + match["word"]
        if not any(len(word) > len(match["word"]) and joined.endswith(word) for word in _OUTLET_WORDS):
            starts.append(start)  # not `…电视|台`, cut from the `广播电视台` it ends
    # A name after a mark or a bracket is the whole name (`■解放军报`, not `■解|放军报`); the
    # bracket opens the credit (`…享年90岁【环球时报驻日本特约记者…】`).
    marked = [start for start in starts if not re.match(f"[{CJK}]", head[start - 1]) and end - start <= 12
              and len(_OUTLET_TAIL.fullmatch(head, start, end)["name"]) <= 4]
    # A name that opens with a province is whole from there (`北京城市副中心报`, not `中心报`).
    placed = [start for start in starts if head.startswith(_PROVINCES, start)]
    start = marked[0] if marked else placed[0] if placed else starts[0] if starts else None
    if start is not None and head[start - 1] in "-－—·/／" and (first := outlet_start(head, start - 1, floor=-1)) is not None:
        start = first  # `四川新闻网-首屏新闻成都8月4日讯`: a site and its channel
    if start is not None and head[start - 1] in "【（([":
        start -= 1
    return start


def _repeated_prefix(region: str, rest: str) -> int:
    length = 0
    while length < len(region) and region[: length + 1] in rest:
        length += 1
    return length


_YEAR_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def _plausible_headline(candidate: str, longest: int = 64) -> bool:
    candidate = candidate.strip()
    return (
        6 <= len(candidate) <= longest
        and candidate.count("，") + candidate.count(",") <= 2
        and not re.match(_OPENER, candidate)
        and not re.match(r"广告\s", candidate)  # `广告 牛股来了！`: an advertisement before the story
        and not re.search(r"[。；;]", candidate)
        and candidate.count("“") == candidate.count("”")
        and not _POSITION_IN_PHOTO.search(candidate)  # `李萍主任（右三）团队与患者合影`: a photo's caption
        and not candidate.startswith("据")  # `据“清廉西安”微信公众号8月12日消息`: the lead's attribution
    )


_POSITION_IN_PHOTO = re.compile(r"[（(](?:左|右|中|前排|后排|前|后)[一二三四五六七八九十\d]*[)）]|合影$")
