"""Pages as a crawler keeps them: one line per document, `<date time>，正文：` in front, the headline
run into the body (`原标题：…` or bare), datelines and bylines at the start, photo credits in the
middle, and the site's credits, footers and advertisements at the end.

`read_crawled(text)` recognises the layout and cuts the line into segments with their spans:
the structure a page lost when it was flattened is found again from the words that mark it,
never from a fixed position. Everything that is not body text is accounted for (metadata,
byline, caption, or dropped with a flag).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .credits import KNOWN_DATELINE, KNOWN_OUTLET, OUTLET, parse_chain, parse_dateline, parse_reporter_run
from .lines import OPENERS
from .metadata import Byline, parse_date
from .model import Flag, Span
from .pagedata import BRACKET_CAPTION, BREADCRUMB, ORIGINAL_TITLE_END, header_chain
from .runin import SPACE_RUN, headline_length, lead_opener, outlet_start
from .scenes import scene_caption
from .text import CJK

# `2023-08-18 21:50，正文：`, `发表时间：2023-08-07 06:12，正文：`, `来源：羊城晚报 | 2023年08月18日，正文：`
CRAWL_PREFIX = re.compile(r"^(?P<meta>[^\n，]{0,160}?)[，,]\s*正文\s*[:：]\s*")
_NO_PREFIX = re.compile(r"(?P<meta>)\s*")
_SHORT_YEAR = re.compile(r"(?<!\d)(?P<y>\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_PREFIX_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<source>[^|｜\s，,]{2,20})")

_SENTENCE_END = "。！？!?…"


@dataclass
class Segment:
    kind: str  # "text", "caption", "byline", "dropped", "original_title", "headline"
    start: int
    end: int
    byline: Byline | None = None
    flag: str | None = None
    page_data: bool = False  # a byline of the site's own page data (its date is the page's)
    glued: bool = False  # text that runs on in the next text segment (an advertisement stood between)


@dataclass
class CrawledPage:
    published: dt.date | None
    source: str | None
    title: str | None
    title_span: Span | None
    segments: list[Segment] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    consumed: list[tuple[str, Span]] = field(default_factory=list)


def read_crawled(text: str) -> CrawledPage | None:
    match = CRAWL_PREFIX.match(text)
    if match is None and not re.search(r"[\r\n\u2028\u2029]", text.strip()) and len(text.strip()) >= 200:
        # A crawler's document without its `<date>，正文：`: one long line, read the same way.
        match = _NO_PREFIX.match(text)
    if not match or "\n" in text[: match.end()]:
        return None
    meta = match["meta"]
    published = parse_date(meta)
    if published is None:
        short = _SHORT_YEAR.search(meta)
        if short:
            published = parse_date(f"20{short['y']}-{short['m']}-{short['d']}")
    source = _PREFIX_SOURCE.search(meta)
    page = CrawledPage(published=published, source=source["source"] if source else None, title=None, title_span=None)
    page.consumed.append(("metadata", (0, match.end())))
    pos = match.end()
    end = len(text.rstrip())
    pos += len(text[pos:end]) - len(text[pos:end].lstrip())
    crumbs = BREADCRUMB.match(text, pos, end)
    if crumbs:
        page.consumed.append(("metadata", (pos, crumbs.end())))
        pos = crumbs.end()
        pos += len(text[pos:end]) - len(text[pos:end].lstrip())
    page_data = []
    preamble = header_chain(text, pos, end)  # `发布时间:… 来源:大众网 作者:王振 责任编辑:赵敏 <headline>…`
    if preamble:
        page_data.append(Segment("byline", pos, pos + preamble[1], byline=preamble[0], page_data=True))
        pos += preamble[1]
    original = re.match(r"原标题\s*[:：]\s*", text[pos:end])
    if original:
        page.consumed.append(("metadata", (pos, pos + original.end())))
        pos += original.end()
        length = headline_length(text[pos:end], sure=True)
    else:
        length = headline_length(text[pos:end], sure=False)
    if length:
        title = text[pos: pos + length].strip().rstrip("■□● ◆")
        if bar := re.search(r"\s*[|｜]$", title):
            # `…谎话被揭穿北京日报客户端 | 记者 …`: the outlet before the bar is the credit's
            cut = outlet_start(title, bar.start())
            if cut is not None:
                page.source = page.source or title[cut:bar.start()].lstrip("【（([")
                page.consumed.append(("byline", (pos + cut, pos + length)))
            title = title[:cut if cut is not None else bar.start()].rstrip()
        page.title, page.title_span = title, (pos, pos + len(title))
        pos += length
        spaces = len(text[pos:end]) - len(text[pos:end].lstrip())
        if text.startswith(title, pos + spaces) and pos + spaces + len(title) <= end:
            # the headline printed again (a plain test: a pattern per page would crowd out the compiled ones)
            page.consumed.append(("title", (pos, pos + spaces + len(title))))
            pos += spaces + len(title)
        # `…慰问活动作者：朝阳来源：中国视窗为进一步弘扬…`: the credits run on into the lead, whose
        # first words end them.
        if not preamble and (lead := lead_opener(text, pos, min(end, pos + 60))) is not None \
                and (credits := header_chain(text, pos, lead)):
            page_data.append(Segment("byline", pos, pos + credits[1], byline=credits[0], page_data=True))
            pos += credits[1]
    else:
        # A crawled page that starts with its lead printed no headline (13 of the 30 annotated
        # real documents): a fact of the source, noted on the article, not a doubt to decide.
        page.flags.append(Flag("headline_not_printed", text[pos: pos + 30], (pos, pos)))
    page.segments = body_segments(text, pos, end, titled=bool(length))
    page.segments[:0] = page_data
    for segment in page.segments:
        if segment.kind == "headline" and page.title is None:
            page.title, page.title_span = text[segment.start:segment.end].strip(), (segment.start, segment.end)
            page.flags = [f for f in page.flags if f.kind != "headline_not_printed"]
            page.consumed.append(("title", (segment.start, segment.end)))
        if segment.kind == "original_title":
            if page.title is None:
                title = ORIGINAL_TITLE_END.match(text, segment.start, segment.end)
                page.title, page.title_span = title["title"].strip(), title.span("title")
                page.flags = [f for f in page.flags if f.kind != "headline_not_printed"]
            page.consumed.append(("metadata", (segment.start, segment.end)))
    page.segments = [segment for segment in page.segments if segment.kind not in ("original_title", "headline")]
    printed = next((s.byline.published for s in page.segments if s.page_data and s.byline.published), None)
    page.published = printed or page.published  # the page's own 发布时间, not when it was crawled
    return page


# ---------------------------------------------------------------------------------------------
# The body

# Parenthesised photo credits: `（王亚忠 摄）`, `（通讯员供图）`, `（图源：网络）`, `(图片由通讯员提供)`.
_CREDIT_BRACKET = re.compile(r"[（(]\s*[^（()）。，]{0,32}?(?:摄|供图|图源[:：]?[^（()）]{0,12}|图片由[^（()）]{1,20}提供|来源网络|资料图"
                             r"|(?:来源[:：])?(?:网络|报道|视频|网传视频)截图)\s*[)）]")
# Bare credits after a caption's last word: `观影现场。杨鸣摄`, `聆听红色故事 通讯员供图`, `南方日报 图`.
_CREDIT_BARE = re.compile(
    rf"(?:(?<=[。\s])(?:[{CJK}]{{2,8}}?(?:网|报|台|社|新闻)\s?)?(?:(?:本报)?记者\s?)?[{CJK}]{{2,3}}\s?摄(?![入影像取氏制录])"
    rf"|(?<=[。\s”])(?:(?:通讯员|本报记者|记者|受访者|[{CJK}]{{2,12}}?(?:医院|中心|报社|报|网))\s)?[^。！？\s，“”（）()]{{0,20}}供图"
    rf"|(?<=[。\s])(?:资料图|网络截图|视频截图|图片来源于网络|图源网络|网络图片)(?=[\s{CJK}“\d]|$)(?!显示|中|上)"
    rf"|(?<=[。\s])图\s?[/／]\s?[{CJK}]{{2,10}}?(?:资料图|供图)"  # `。图/新华社资料图报道称…`
    rf"|图片来源\s*[/:：]\s*(?:网传)?(?:视频)?(?:截图|网络)|图片来源(?:\s*[/:：]\s*|\s+)[^\s。，（）]{{2,8}}?(?:报|网|社|台|新闻)"
    rf"|图源\s*[:：]\s*(?:网传)?(?:视频)?(?:截图|网络)|图源\s*[:：]\s*[^\s。，（）]{{2,8}}?(?:报|网|社|台|新闻)|(?<=[。\s])[{CJK}]{{2,6}}\s图(?=[{CJK}“])"
    rf"|(?<=[。\s])视觉中国\s?图)"
)
_AD_WORDS = re.compile(
    r"扫码|二维码|点击下方|小程序|关注我|点赞|在看|商务合作|报料|下载“|福利|优惠|\d折|订阅|关注.{0,8}(?:公众号|视频号|抖音号)"
    r"|分享给|转发给|欢迎关注|了解更多"
)
# Furniture at the end of a page, from a marker to the end.
_FOOTER_MARKS = re.compile(
    r"返回搜狐|(?<![\u4e00-\u9fff])声明\s*[:：]|声明\s*[:：]\s*(?=转载|本文|本网|本站|文章|凡)|主管部门\s*[:：]|【?版权说明|【?版权声明|【?免责声明|本网（平台）所刊载|如遇作品内容|新闻线索报料|(?:原文|本文)链接\s*[:：]|"
    r"[*＊]?\s*转载请注明|“转载请注明|商务合作电话|【原标题】|发布日期\s*[:：]|所属分类|往期回顾|分享让更多人看到|"
    r"获取(?:更多|最新)?资讯|设为星标|点亮和持续关注|别忘了点赞|版权所有|推荐阅读|相关阅读|延伸阅读|未经(?:书面)?(?:授权|许可)|上一篇\s*[:：]|下一篇\s*[:：]|Copyright|©|【打印本页】|【关闭窗口】"
    r"|【(?:新闻)?多看点】|新闻多(?:看|一)点(?=\s*[■●◆【])|【(?:相关|热点|精彩|往期)(?:新闻|阅读|链接|推荐|回顾)】"
    # `（版权归原作者所有，如有侵权请联系删除）`, `本文中图片、文字、音视频等版权归…`, `【投稿、区域合作请私信…】`
    r"|[（(]?版权归原作者|本文中?(?:的)?(?:图片|文字|图文)、|【投稿"
)
# What a page's video player or share bar leaves in the text; its pictures' numbers (`。图1图2仁济医院…`).
_PLAYER_JUNK = re.compile(r"(?<=[。！？])(?:图\d{1,2}){2,}(?=[\u4e00-\u9fff“])|广告\s[^。×]{2,80}?\s?×|全文共\s*\d+\s*字，\s*阅读(?:大约|大概|约)?需要?\s*\d+\s*分钟|点击边框调出视频工具条|点击播放|视频加载中[.。…]*|您的浏览器不支持(?:video|视频)[^。]{0,20}")
_THE_END = re.compile(r"(?<![A-Za-z])(?:THE\s?)?END(?![A-Za-z])")  # a post's `THE END`, its credits after it
_END_JUNK = re.compile(r"(?:[（(]完[)）]|" + _THE_END.pattern + r"|【(?:打印|关闭|收藏|返回顶部)[^】]{0,4}】|(?<=[。！？”」])[A-Za-z]{1,3}|↓+|[＋+]|\s)+$")
_TIP_OFF = re.compile(r"【(?:爆料|报料)】[^【】。]{0,40}$")  # `…编辑任卓【爆料】请联系记者微信：…`, between credits
_RELATED = re.compile(r"(?:\s*●[^●]{2,60})+$")


def body_segments(text: str, start: int, end: int, titled: bool = True) -> list[Segment]:
    """`titled`: a headline was found before `start`; else a sentence standing alone before the
    dispatch may be the headline, not a photo's caption."""
    segments: list[Segment] = []
    start = _captions_before_dispatch(text, start, end, segments, titled)
    start = _lead(text, start, end, segments)
    tail: list[Segment] = []
    end = _peel_tail(text, start, end, tail)
    pos = start
    for caption in _captions(text, start, end):
        _text_segments(text, pos, caption.start, segments)
        segments.append(caption)
        pos = caption.end
    _text_segments(text, pos, end, segments)
    return segments + list(reversed(tail))


def _captions_before_dispatch(text: str, start: int, end: int, out: list[Segment], titled: bool = True) -> int:
    """`启动仪式现场。副市长…正式运营。红网时刻常德7月26日讯（记者 …）是里程碑…`: a page that prints
    its photos' captions (short sentences, no credit) before the dispatch that opens the story; or
    one caption closed by its credit (`…团队与患者合影  通讯员供图荆楚网讯（…）`, `视频画面截图  海外网8月4日电`)."""
    at = start + len(text[start:end]) - len(text[start:end].lstrip())
    if bare := _BARE_SCREENSHOT.match(text, at, end):
        out.append(Segment("caption", at, bare.end()))  # `视频截图重庆秀山县中医院食堂…`: the page's first picture
        return bare.end()
    credits = [m for m in (*_CREDIT_BRACKET.finditer(text, at, min(end, at + 90)), *_CREDIT_BARE.finditer(text, at, min(end, at + 90)))
               if m.start() > at]
    # A caption that is its own credit: `视频画面截图`, `活动现场四川新闻网-首屏新闻成都8月4日讯（记者 陈淋）`
    credits += [m for m in (_LEADING_SCREENSHOT.match(text, at, end), _LEADING_SCENE.match(text, at, end)) if m]
    for credit in sorted(credits, key=lambda m: m.end()):
        after = credit.end() + len(text[credit.end():end]) - len(text[credit.end():end].lstrip())
        dispatch = parse_dateline(text[after:end])
        caption = text[at:credit.start()].strip().rstrip("。")
        if dispatch and (dispatch[0].authors or KNOWN_DATELINE.match(text, after)) and len(caption) <= 50 \
                and not re.search(r"[。【】]|广告", caption):
            out.append(Segment("caption", at, credit.end()))
            return after
    sentence_starts = [start]
    for index in range(start, min(end, start + 200)):
        if text[index] in "。！":
            at = index + 1
            dispatch = parse_dateline(text[at:end])
            if dispatch and (dispatch[0].authors or KNOWN_DATELINE.match(text, at)):
                captions = [(a, b) for a, b in zip(sentence_starts, sentence_starts[1:] + [at])]
                if len(captions) > 4 or any(not 4 <= b - a <= 60 or text.count("，", a, b) > 1 for a, b in captions):
                    return start
                if not titled and len(captions) == 1 and _HEADLINE_SENTENCE.fullmatch(text, start, at):
                    # `汝城开展“党建+…”义诊活动。红网时刻新闻8月18日讯（…）` on a page that printed no
                    # headline above: a headline that tells what happened, not a photo's scene
                    out.append(Segment("headline", start, at - 1))
                    return at
                out.extend(Segment("caption", a, b) for a, b in captions)
                return at
            sentence_starts.append(at)
    return start


# A headline's sentence: an event at a place or body (`…卫生院举行`, `…在长沙举办`, `汝城开展…活动`),
# not a photo's scene (`授牌现场`, `医生与患者家属交流`, `应征青年列队等候参加体检项目`).
_HEADLINE_SENTENCE = re.compile(
    rf"(?=[^。]{{12,60}}。$)(?![^。]*(?:现场|合影|掠影|剪影|留影|截图|效果图|供图|摄)。$)"
    rf"[^。]*(?:医院|卫生院|保健院|中心|[{CJK}]{{2}}(?:开展|举行|举办|召开|启动|入选|荣获|获评|揭牌|开业|签约|上线))[^。]*。")
_LEADING_SCENE = re.compile(rf"[{CJK}]{{2,8}}(?:现场|合影|掠影|剪影)")
_BARE_SCREENSHOT = re.compile(rf"(?:视频|网络|网传视频)截图(?=[{CJK}“])")
_LEADING_SCREENSHOT = re.compile(rf"[{CJK}《][^。！？，,\s]{{1,19}}截图(?=\s)")
_LEAD_EDITOR = re.compile(rf"(?:互动编辑|责任编辑|编辑)\s*[:：]?\s*(?P<name>[{CJK}]{{2,3}}?)(?=\d|[{CJK}]{{2}}[，,]|近日|日前|据)")


_SOURCE_CREDIT = re.compile(rf"来源\s*[:：|｜丨]\s*(?P<source>{OUTLET}(?:[-－—·][{CJK}]{{2,8}})?)")
_AD_SOURCE = re.compile(rf"\s*来源\s*[:：]\s*(?P<source>{KNOWN_OUTLET}|{OUTLET})")
_REPRINTED_FROM = re.compile(r"(?:本文)?转自\s*[:：]?\s*【(?P<source>[^【】\s]{2,20})】\s*[；;，,。]?")
_FEATURE_TITLE = re.compile(r"\s*题\s*[:：]\s*")
_BRACKETED_DATED_DISPATCH = re.compile(rf"[（(](?P<outlet>[{CJK}]{{2,10}}?)(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日(?:讯|电)[)）]")
_BRACKETED_DISPATCH = re.compile(rf"【(?P<outlet>[{CJK}]{{2,8}}?)(?:讯|电|微特稿|特稿)】")
_ANY_DISPATCH = re.compile(rf"(?P<outlet>[{CJK}]{{2,8}})讯\s*(?P<bracket>[（(][^（()）]{{2,60}}[)）])")


def _lead(text: str, pos: int, end: int, out: list[Segment]) -> int:
    """Datelines, bracketed bylines, reporter runs and `来源：` at the start of the body."""
    for _ in range(4):
        skip = len(text[pos:end]) - len(text[pos:end].lstrip())
        at = pos + skip
        found = None
        bracket = re.match(r"[（(【](?P<body>[^（()）【】]{2,60})[)）】]", text[at:end])
        if bracket:
            byline = parse_chain(bracket.group(0)) or _bracket_reporters(bracket["body"])
            if byline:
                found = (byline, bracket.end())
        if not found:
            found = parse_dateline(text[at:end])
        if not found:
            found = parse_reporter_run(text[at:end])
        page_data = False
        if not found:
            found = header_chain(text, at, end)
            page_data = found is not None
        if not found and (dated := _BRACKETED_DATED_DISPATCH.match(text, at, end)):
            found = (Byline(source=dated["outlet"], source_rank=1), dated.end() - at)  # `(知消2023年8月17日讯)`
        if not found and (bracketed := _BRACKETED_DISPATCH.match(text, at, end)):
            found = (Byline(source=bracketed["outlet"], source_rank=1), bracketed.end() - at)  # `【新华社微特稿】`
        if not found and (dispatch := _ANY_DISPATCH.match(text, at, end)):
            # `阳光讯（记者 郑亚雷）`: an outlet no list knows, told by the byline after its 讯.
            byline = parse_chain(dispatch["bracket"]) or _bracket_reporters(dispatch["bracket"][1:-1])
            if byline:
                byline.source, byline.source_rank = byline.source or dispatch["outlet"], 1
                found = (byline, dispatch.end() - at)
        if not found and (reprinted := _REPRINTED_FROM.match(text, at, end)):
            found = (Byline(source=reprinted["source"], source_rank=2), reprinted.end() - at)  # `本文转自【央视新闻客户端】；`
        if not found:
            source = _SOURCE_CREDIT.match(text, at, end)
            if source:
                found = (Byline(source=source["source"], source_rank=2), source.end() - at)
        if not found and (editor := _LEAD_EDITOR.match(text, at, end)):
            found = (Byline(editors=[editor["name"]]), editor.end() - at)  # `互动编辑 卢红8月3日，…`
        if not found:
            return pos
        byline, length = found
        out.append(Segment("byline", at, at + length, byline=byline, page_data=page_data))
        pos = at + length
        if (label := _FEATURE_TITLE.match(text, pos, end)) and (size := headline_length(text[label.end():end], sure=True)):
            # `中新社拉萨7月29日电 题：班禅：保护传承…文化中新社记者 江飞波`: a wire feature's headline
            out.append(Segment("byline", pos, label.end(), byline=Byline()))
            out.append(Segment("headline", label.end(), label.end() + size))
            pos = label.end() + size
    return pos


def _bracket_reporters(body: str) -> Byline | None:
    run = parse_reporter_run(body.strip())
    if run and run[1] >= len(body.strip()) - 1:
        return run[0]
    return None


def _peel_tail(text: str, start: int, end: int, out: list[Segment]) -> int:
    """Take credits, footers, related links and advertisements off the end, last first."""
    for _ in range(24):
        while end > start and text[end - 1].isspace():
            end -= 1
        region = text[start:end]
        junk = _END_JUNK.search(region)
        if junk and junk.start() < len(region):
            out.append(Segment("dropped", start + junk.start(), end, flag="dropped_boilerplate"))
            end = start + junk.start()
            continue
        original = ORIGINAL_TITLE_END.search(region)
        if original:
            out.append(Segment("original_title", start + original.start(), end))
            end = start + original.start()
            continue
        related = _RELATED.search(region)
        if related:
            out.append(Segment("dropped", start + related.start(), end, flag="dropped_navigation"))
            end = start + related.start()
            continue
        tip_off = _TIP_OFF.search(region)
        if tip_off:
            out.append(Segment("dropped", start + tip_off.start(), end, flag="dropped_boilerplate"))
            end = start + tip_off.start()
            continue
        # Furniture follows the article: a marker in its first half is the article's own word.
        window = max(len(region) // 2, len(region) - 600)
        marks = [m for m in _FOOTER_MARKS.finditer(region, window)]
        if marks:
            # The last first: credits may stand between two pieces of furniture.
            last = marks[-1].start()
            out.append(Segment("dropped", start + last, end, flag="dropped_boilerplate"))
            end = start + last
            continue
        chain = _credit_chain(text, start, end)
        if chain:
            out.append(chain)
            end = chain.start
            continue
        advert = _advert(text, start, end)
        if advert:
            out.extend(advert)
            end = advert[-1].start
            continue
        break
    return end


def _credit_chain(text: str, start: int, end: int) -> Segment | None:
    lower = max(start, end - 160)
    candidates = [lower] if lower == start else []
    candidates += [i + 1 for i in range(lower, end - 1) if text[i] in _SENTENCE_END + "”」）)】"]
    candidates += [i for i in range(lower, end) if text[i] in "（(【" and i not in candidates]
    candidates += [m.end() for m in _THE_END.finditer(text, lower, end)]
    # `…海南省人民医院来源：新闻夜航`: a source credit glued to the words before it, if it names an
    # outlet (not `来源：印度iPhone手机起火`, a related headline).
    glued = {match.start() for match in _GLUED_SOURCE.finditer(text, lower, end)}
    for at in sorted(set(candidates) | glued):
        if at >= end:
            continue
        byline = parse_chain(text[at:end])
        if byline and (at not in glued or at in candidates or _OUTLET_NAME.search(byline.source or "")
                       or byline.authors or byline.editors  # `…落网。来源：南海公安见习编辑：乐丹娜`
                       or _SECOND_KEY.search(text, at + 3, end)):  # `来源：北京清华长庚医院流程编辑：tf028`
            return Segment("byline", at, end, byline=byline)
    return None


_GLUED_SOURCE = re.compile(r"(?<!资料)(?:本文)?来源\s*[:：]")
_SECOND_KEY = re.compile(r"(?:编辑|责编|审核|校对|记者|通讯员|作者)\s*[:：]")
_OUTLET_NAME = re.compile(rf"^[{CJK}]{{2,12}}(?:报|网|台|社|新闻|客户端|发布|融媒|杂志|频道|新闻夜航)$")


def _advert(text: str, start: int, end: int) -> list[Segment] | None:
    """Trailing sentences that sell, ask for likes or subscriptions."""
    found: list[Segment] = []
    while end > start:
        body = text[start:end]
        cut = max((body.rfind(m, 0, len(body) - 1) for m in _SENTENCE_END), default=-1)
        sentence_start = start + cut + 1 if cut >= 0 else start
        sentence = text[sentence_start:end]
        if not _AD_WORDS.search(sentence):
            break
        source = _AD_SOURCE.match(sentence)
        if source:
            found.append(Segment("dropped", sentence_start + source.end(), end, flag="dropped_advertisement"))
            found.append(Segment("byline", sentence_start, sentence_start + source.end(),
                                 byline=Byline(source=source["source"], source_rank=2)))
            return found
        found.append(Segment("dropped", sentence_start, end, flag="dropped_advertisement"))
        end = sentence_start
    return found or None


# A screenshot's caption the page ran in between two sentences, with no credit after it
# (`…东院。搜狐千里眼报道截图25日，…`); not one the next sentence reads from (`视频截图显示，…`).
_SCREENSHOT = re.compile(rf"(?:(?<=[。！？”）)])|▲\s*)[{CJK}《][^。！？，,、“”（）()\s：:/／]{{1,19}}?截图(?=[^，,。、：:显中的上\s（(])"
                         # or a line of its own between the page's lost breaks: `湘雅三医院官网截图`
                         rf"|(?<=\s\s)[{CJK}《][^。！？，,、“”（）()\s：:/／]{{1,19}}?截图(?=\s\s)")
# A sentence's attribution before a caption: `（据8月14日央广网）`.
_ATTRIBUTION = re.compile(r"\s*[（(]据[^（()）]{2,24}[)）]\s*")


def _captions(text: str, start: int, end: int):
    """Photo captions inside the run of text: a short phrase after a sentence end, closed by a
    photo credit, or opened by ▲."""
    pos = start
    for bracketed in BRACKET_CAPTION.finditer(text, start, end):
        yield Segment("caption", bracketed.start(), bracketed.end())
        pos = bracketed.end()
    for credit in sorted(list(_CREDIT_BRACKET.finditer(text, start, end)) + list(_CREDIT_BARE.finditer(text, start, end))
                         + list(_SCREENSHOT.finditer(text, start, end)), key=lambda m: m.start()):
        if credit.start() < pos:
            continue
        if credit.re is _SCREENSHOT:
            yield Segment("caption", credit.start(), credit.end())
            pos = credit.end()
            continue
        if text[credit.start() - 1] == "。" and credit.group(0).startswith(("图/", "图／", "图 /")):
            # `…的案例。图/新华社资料图报道称`: a credit after a full stop names no caption
            yield Segment("dropped", credit.start(), credit.end(), flag="dropped_photo_credit")
            pos = credit.end()
            continue
        before = text[pos: credit.start()]
        cut = max(before.rstrip(" \u3000\u00a0\t。").rfind(m) for m in _SENTENCE_END + "”▲")
        cap_start = pos + cut + 1 if cut >= 0 else pos
        if cut >= 0 and text[cap_start - 1] == "”" and text[cap_start:credit.start()].strip(" \u3000\u00a0\t。"):
            # `。“送医送药进乡村”义诊活动。王津淼供图`: the quote is the caption's own, not the sentence's before it
            opened = text.rfind("“", pos, cap_start - 1)
            ended = max(text.rfind(m, pos, cap_start - 1) for m in _SENTENCE_END)
            if opened > ended:
                cap_start = opened
        if attributed := _ATTRIBUTION.match(text, cap_start, credit.start()):
            # `…100套住房。（据8月14日央广网）云南省第一人民医院原院长王天朝（图源：澎湃新闻）`
            cap_start = attributed.end()
        caption = text[cap_start: credit.start()].strip()
        if not 2 <= len(caption.rstrip("。")) <= 50 or caption.count("，") > 1 or caption.count("“") != caption.count("”"):
            # A credit with no caption before it: a credit line, kept out of the body.
            yield Segment("dropped", credit.start(), credit.end(), flag="dropped_photo_credit")
            pos = credit.end()
            continue
        yield Segment("caption", cap_start, credit.end())
        pos = credit.end()


# A section's heading run in between two sentences: `…缺血断裂的表现。”儿童脊髓损伤的第一大原因近年来，“下腰瘫”…`,
# `…正在核实相关情况。9人联名举报信此次被举报的…`: a phrase without a comma after a sentence's end,
# then a lead's opening words and their comma (or a list's first number).
_RUN_IN_HEADING = re.compile(
    rf"(?<=[。！？”])(?!{'|'.join(OPENERS)}|[“”])(?P<heading>[{CJK}“”0-9A-Za-z：:？?]{{4,30}}?)"
    rf"(?<![是的了在和与及对将把被从向也都就还又已要会能可该其根依数证占收以格于自至到即：:0-9])"
    rf"(?=(?:近年来|近日|日前|今年以来|近期)，|(?:为便于|经专家)[^。，“”]{{0,20}}，|据[^。，]{{0,14}}，|[1１][.、．](?!\d)"
    rf"|(?<=[^年时间\d]{{6}})\d{{1,2}}月\d{{1,2}}日[，,])"  # `…警方通报：2人被采取刑事强制措施7月26日，湖南…`
    # `…监察调查。陈晓恒简历陈晓恒，男，汉族`, `…No.1医生收入的金字塔医生收入的分化，`: the paragraph
    # opens with a numbered heading's first words, or with the name whose record the heading is
    # (a sentence's own words recur: `齐齐哈尔市第34中学位于齐齐哈尔市…`)
    rf"|(?<=[。！？”])(?P<repeated>(?:No\.\s?|0)\d(?P<first>[{CJK}]{{4}})[{CJK}“”0-9A-Za-z：:？?]{{1,26}}?(?=(?P=first))"
    rf"|(?P<name>[{CJK}]{{2,3}})(?:简历|简介)(?=(?P=name)[，,]))"
    # `…卷入舆情风波。“医疗反腐任重而道远”近日，一场…`: a quoted subhead before a lead's time word
    rf"|(?<=[。！？])(?P<quoted>“[^“”。！？，,]{{4,20}}”)(?=(?:近年来|近日|日前|今年以来|近期)，)"
)
_BRACKET_HEADING = re.compile(r"(?<=[。！？”\s·])(?<!广告 )【(?P<heading>(?![^【】]*(?:推荐|评论|阅读|广告))[^【】:：\d]{2,8})】")


def _text_segments(text: str, start: int, end: int, out: list[Segment]) -> None:
    for junk in _PLAYER_JUNK.finditer(text, start, end):
        heading = _heading_before(text, start, junk)
        _text_segments(text, start, heading, out)
        if heading < junk.start():
            out.append(Segment("text", heading, junk.start()))
        elif out and out[-1].kind == "text" and out[-1].end == junk.start() \
                and text[junk.start() - 1] not in _SENTENCE_END + "”":
            out[-1].glued = True  # `…感谢高媛广告 … ×“高媛护士，…`: the sentence goes on after the advertisement
        out.append(Segment("dropped", junk.start(), junk.end(), flag="dropped_player_text"))
        start = junk.end()
    pos = start
    for run in SPACE_RUN.finditer(text, start, end):
        _paragraphs(text, pos, run.start(), out)
        pos = _scene(text, run, end, out)
    _paragraphs(text, pos, end, out)


def _scene(text: str, run, end: int, out: list[Segment]) -> int:
    """After a break that follows a sentence's end, a photo's caption with no credit
    (articles/parsing/scenes.py): kept as a caption; where the paragraph goes on after it."""
    if text[run.start() - 1] not in _SENTENCE_END + "”":
        return run.end()
    following = SPACE_RUN.search(text, run.end(), end)
    paragraph_end = following.start() if following else end
    caption_end = scene_caption(text, run.end(), paragraph_end, alone=following is not None)
    if caption_end is None:
        return run.end()
    out.append(Segment("caption", run.end(), caption_end))
    return caption_end


def _heading_before(text: str, start: int, junk) -> int:
    """Where a heading run in before an advertisement starts (`…仍在进行中。全美今年大规模枪击事件已达400起
    广告 … ×据美国枪支暴力档案网站数据，`: read as if the advertisement were not there), else its start."""
    opening = max(text.rfind(mark, start, junk.start()) for mark in "。！？”") + 1
    if opening <= start:
        return junk.start()
    joined = text[opening - 1:junk.start()] + text[junk.end():junk.end() + 40]
    match = _RUN_IN_HEADING.match(joined, 1)
    return opening if match and match["heading"] and match.end() == junk.start() - opening + 1 else junk.start()


def _paragraphs(text: str, start: int, end: int, out: list[Segment]) -> None:
    """The text between two kept breaks, cut where a heading was run in."""
    headings = sorted([*_RUN_IN_HEADING.finditer(text, start, end), *_BRACKET_HEADING.finditer(text, start, end)],
                      key=lambda m: m.start())
    for heading in headings:
        words = heading["heading"] or heading["repeated"] or heading["quoted"]
        if heading.start() < start or re.search(r"(?:说|表示|介绍|指出|认为|记者|来源|编辑|推荐|评论)", words) \
                or re.search(r"\d{1,2}月\d{1,2}日", words):
            continue
        if text[start:heading.start()].strip():
            out.append(Segment("text", start, heading.start()))
        out.append(Segment("text", heading.start(), heading.end()))
        start = heading.end()
    if text[start:end].strip():
        out.append(Segment("text", start, end))
