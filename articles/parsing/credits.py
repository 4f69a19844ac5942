"""Credits as crawled pages run them into the text: datelines (`中新网北京8月1日电`), reporter runs
(`极目新闻记者 曹洋通讯员 谢靖`), and the chains of roles a page prints after the last sentence
(`来源：极目新闻编辑：罗华二审：熊瑛`, `（责任编辑：许朝）`, `文/北京青年报记者 温婧编辑/田野`).

Each reader takes text and returns what it found with how much text it took, or None; nothing
here guesses: a chain is accepted only when every part of it is a role, a name or an outlet.
"""

from __future__ import annotations

import re

from .metadata import TIME_WORDS, Byline
from .personnames import SURNAMES_1, SURNAMES_2
from .text import CJK

# Outlets the genre names most often; a name not listed still reads when it ends in an outlet
# word (网, 报, 社 …), but a listed one also tells where a dateline begins when a headline runs
# into it (`…培训中新网黑龙江新闻8月14日电`).
KNOWN_OUTLETS = (
    "中新网", "中新社", "新华社", "新华网", "人民网", "人民日报", "央广网", "央视新闻", "光明网", "中国网", "中国新闻网",
    "红网时刻", "红网", "荆楚网", "湖北日报网", "湖北日报", "扬子晚报网", "扬子晚报", "新民晚报", "新京报", "现代快报",
    "深圳新闻网", "东方网", "中原网", "中国山东网", "四川新闻网", "三湘都市报", "三秦都市报", "中国青年报", "中国教育报",
    "楚天都市报", "武汉晚报", "扬州网", "南都", "华声在线", "极目新闻", "封面新闻", "澎湃新闻", "大众网", "大众日报",
    "齐鲁网", "齐鲁晚报", "北青网", "北京青年报", "北京日报", "潇湘晨报", "长江日报", "每日经济新闻", "界面新闻", "健康报",
    "上观新闻", "潮新闻", "浙江在线", "南方网", "南方日报", "金羊网", "羊城晚报", "健康时报", "经济日报", "中国日报",
    "环球时报", "环球网", "海外网", "正观新闻", "大河报", "大河网", "映象网", "顶端新闻", "河南日报", "上游新闻", "华龙网",
    "新黄河", "闪电新闻", "九派新闻", "红星新闻", "川观新闻", "天眼新闻", "多彩贵州网", "云南网", "新湖南", "中国经济网",
    "中国发展网", "中国网财经", "金台资讯", "第一财经", "财联社", "证券时报", "中国证券报", "法治日报", "检察日报", "工人日报",
    "农民日报", "科技日报", "光明日报", "解放日报", "文汇报", "新华日报", "浙江日报", "四川日报", "重庆日报", "贵州日报",
    "湖南日报", "河北日报", "安徽日报", "福建日报", "江西日报", "广西日报", "海南日报", "辽宁日报", "吉林日报", "黑龙江日报",
    "甘肃日报", "宁夏日报", "青海日报", "新疆日报", "西藏日报", "内蒙古日报", "山西日报", "陕西日报", "天津日报", "兰州日报",
    "沈阳日报", "哈尔滨日报", "南京日报", "杭州日报", "广州日报", "深圳特区报", "深圳商报", "晶报", "信网", "本报", "本网",
    "本刊", "本台", "南方+", "央视财经", "央视网",
)
KNOWN_OUTLET = "(?:" + "|".join(sorted(map(re.escape, KNOWN_OUTLETS), key=len, reverse=True)) + ")"
OUTLET_WORD = r"(?:网|报社|报|社|台|(?:融媒体)?(?:新闻|传媒)中心|融媒体中心|新闻|客户端|在线|时刻|频道|视频|融媒|发布)"
_KNOWN = "|".join(sorted(map(re.escape, KNOWN_OUTLETS), key=len, reverse=True))
# An outlet: a known one, or up to six characters ending in an outlet word, with an optional
# second name (`荆楚网（湖北日报网）`, `三秦都市报-三秦网`, `扬子晚报/紫牛新闻`).
OUTLET = (
    rf"(?:(?:{_KNOWN})|[{CJK}]{{1,6}}?{OUTLET_WORD})"
    rf"(?:[（(][{CJK}]{{2,10}}[)）]|(?:[-－—·/／][ \u3000]?)?(?:(?:{_KNOWN})|[{CJK}]{{1,6}}?{OUTLET_WORD})"
    # a paper's app after its name, whatever the app is called: `齐鲁晚报·齐鲁壹点记者`
    rf"|·[{CJK}]{{2,6}}?(?=(?:全媒体|融媒体|首席|见习)?记者))?"
)
_DATE = r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日"
# `中新网北京8月1日电 (张三)`, `荆楚网（湖北日报网）讯（通讯员 吴欢）`, `东方网7月31日消息：`, `本报讯`.
DATELINE = re.compile(
    rf"(?!近日|日前|昨日|今日|今天|昨天|目前|当日|此前)(?P<outlet>{OUTLET})(?P<place>[-－—·]?[{CJK}]{{0,8}}?)(?P<date>{_DATE})?(?P<kind>讯|电|消息)"
    rf"(?=\s*[（(【：:]|\s|[{CJK}“\d])"
)
KNOWN_DATELINE = re.compile(
    rf"(?P<outlet>(?:{_KNOWN})(?:[（(][{CJK}]{{2,10}}[)）]|[-－—·/／][{CJK}]{{2,10}}?{OUTLET_WORD})?)"
    rf"(?P<place>[-－—·]?[{CJK}]{{0,8}}?)(?P<date>{_DATE})?(?P<kind>讯|电|消息)(?=\s*[（(【：:]|\s|[{CJK}“\d])"
)

_OUTLET_RE = re.compile(OUTLET)
_OUTLET_PLACE_NAME = re.compile(rf"(?P<outlet>{_KNOWN})[-－—][{CJK}]{{2,6}}[-－—](?P<name>[{CJK}]{{2,3}})")
_KNOWN_OUTLET_RE = re.compile(KNOWN_OUTLET)
_OUTLET_ONLY = re.compile(rf"(?P<outlet>{OUTLET})(?:全媒体|融媒体)?")
_NAME_THEN_KNOWN_OUTLET = re.compile(rf"(?P<names>[{CJK}]{{2,4}})(?P<outlet>(?:{_KNOWN})(?:[-－—·/／][ \u3000]?{OUTLET})?)")
_OUTLET_PROGRAMME = re.compile(rf"(?P<outlet>{OUTLET})《[^《》]{{2,20}}》")
_OUTLET_SLASH_NAMES = re.compile(rf"(?P<outlet>{OUTLET})\s*[/／]\s*(?P<names>[^/／]+)")
_STATIONED = re.compile(rf"(?:全媒体|融媒体|驻[{CJK}]{{1,6}})$")
_ACCOUNT = re.compile(rf"[{CJK}]{{2,8}}")
_DEPARTMENT_THEN_NAME = re.compile(rf"[{CJK}]{{4,12}}\s+(?P<name>[{CJK}]{{2,4}})")
_OUTLET_AT_END = re.compile(rf"(?:^|\s)(?P<outlet>{OUTLET}(?:全媒体|融媒体)?)$")
# A name of two to four characters, or a Uyghur, Kazakh or Tibetan name in its parts (`阿不都热合曼·买买提`).
NAME = rf"(?:[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|[{CJK}][{CJK}·]{{1,3}})"
# Characters that never stand in a Chinese name in a credit: particles and verbs of a sentence.
_NOT_IN_NAME = set("的了是在对把被从到说称表示获悉这那我你他她它们也都就还又已将")
AUTHOR_KEYS = ("见习记者", "实习记者", "特约记者", "特约作者", "供稿", "首席记者", "主任记者", "高级记者", "全媒体记者", "融媒体记者", "记者", "通讯员", "实习生", "作者",
               "采写", "撰文", "文字", "摄影", "摄像", "文/图", "图/文", "整理", "文", "图")
# Credits kept out of the body whose people are neither authors nor editors of the article.
OTHER_KEYS = ("编译", "翻译", "制图", "设计", "出品", "策划", "统筹", "视频制作", "视频剪辑", "剪辑", "后期")
# One-character keys read only with a separator after them (`文/张三`, `图：李四`): bare, they are
# words of a sentence or the first character of a name (`文丹`).
_SHORT_KEYS = ("文", "图")
EDITOR_KEYS = ("见习编辑", "实习编辑", "微编", "流程编辑", "值班编辑", "责任编辑", "责编", "编辑", "审核", "复审", "终审", "审签", "审发", "监制", "主编",
               "一审", "二审", "三审", "编审", "编校", "校对")
SOURCE_KEYS = ("本文来源", "来源", "转自", "稿源")
_KEYS = sorted(set(AUTHOR_KEYS + EDITOR_KEYS + SOURCE_KEYS + OTHER_KEYS) - set(_SHORT_KEYS), key=len, reverse=True)
_KEY_SPLIT = re.compile(
    "(" + "|".join(re.escape(k) for k in _KEYS) + r")\s*[:：|｜/／]?\s*|(" + "|".join(_SHORT_KEYS) + r")\s*[:：|｜/／]\s*"
)
_ORG_THEN_WRITER = re.compile(rf"[{CJK}]{{2,20}}(?:医院|卫生院|中心|科|部|办|处|委员会|局)\s+(?P<names>[{CJK}]{{2,4}}(?:[\s、][{CJK}]{{2,4}}){{0,2}})")
_LEADING_UNITS = re.compile(rf"^(?:[{CJK}]{{2,16}}?(?:局|委|党委|医院|卫生院|中心|科室|科|部|办|站|所|处)\s+)+(?=[{CJK}])")
_CODE = re.compile(r"^[A-Za-z]{1,3}\d{2,4}$")
_EDITOR_CODE = re.compile(r"_[A-Za-z]{1,4}\d{2,6}$")
_ORG_CREDIT = re.compile(rf"^[{CJK}（）()]{{2,20}}\s?(?:供稿|供图|提供)$")
_SUFFIX_CREDIT = re.compile(rf"^(?P<names>[{CJK}]{{2,4}}(?:[\s、，,]+[{CJK}]{{2,4}}){{0,3}})\s*(?:图/文|文/图|图文|文图|文·图)$")


def split_glued_names(run: str) -> list[str] | None:
    """Two names a page printed without a space (`欧俏妤杨冰钰`, `秦璐朱文青`): five or six characters
    that split one way only into two names of two or three, each opening with a family name."""
    if not 5 <= len(run) <= 6 or not re.fullmatch(f"[{CJK}]+", run):
        return None
    if run.startswith(SURNAMES_2) or any(ch in _NOT_IN_NAME for ch in run) or re.search(OUTLET_WORD, run):
        return None  # `海外网张霓`: an outlet and a name
    splits = [[run[:at], run[at:]] for at in (2, 3) if 2 <= len(run) - at <= 3
              and run[0] in SURNAMES_1 and run[at] in SURNAMES_1]
    return splits[0] if len(splits) == 1 else None


def clean_names(value: str) -> list[str] | None:
    """Names separated by spaces, 、 or commas; None when any part is not a name (a sentence)."""
    parts = [p for p in re.split(r"[\s、，,；;]+", value.strip()) if p]
    names = []
    for part in parts:
        if _CODE.match(part):
            continue
        part = _EDITOR_CODE.sub("", part)  # `陈思_NF5619`: a portal's code for its editor
        if part.endswith("报道") and len(part) <= 6 or part.startswith("发自") and 3 <= len(part) <= 8:
            continue  # `（记者 帅才 程济安 长沙报道）`, `刘嫚 发自北京`: where the report was filed, not a name
        if (glued := split_glued_names(part)) is not None:
            names += glued
            continue
        if not re.fullmatch(NAME, part) or any(ch in _NOT_IN_NAME for ch in part) or re.search(OUTLET_WORD + "$", part) \
                or part in TIME_WORDS:
            return None  # `记者近日获悉`: a sentence, not a credit
        names.append(part)
    return names


def outlet_of(value: str) -> str | None:
    """The first outlet of a `来源` value: `九派新闻综合芒果都市、澎湃新闻` → 九派新闻."""
    if re.search(r"[，,。！？!?]", value):
        return None  # a sentence, not a list of outlets
    # (`鹤岭日报（第2版）`, `鹤岭发布（微信公众号）`: the outlet, then its page or its kind)
    value = re.sub(r"[（(](?:第?\s*[A-Z]?\d{1,3}\s*版|[^（()）]{0,6}(?:公众号|客户端|微博|视频号|抖音号|网站|官网))[)）]$", "", value.strip())
    value = re.split(r"综合|[、；;\s_]|整理", value.strip(" “”\"'【】[]（）()"))[0]  # `扬州网_扬州民生`: the site, then its channel
    value = re.sub(r"[”“\"]?微信公众号$|[”“\"]?公众号$|[”“\"]", "", value)
    if value.count("（") + value.count("(") > value.count("）") + value.count(")"):
        value = re.split(r"[（(]", value)[0]  # `新华社（记者 张三）` cut at its space: the outlet before the bracket
    if not 2 <= len(value) <= 20 or re.search(r"[。！？]", value) or value in ("网络", "网传", "受访者"):
        return None
    return value


def split_outlet_suffix(value: str) -> tuple[str, str]:
    """`顾燕 扬子晚报/紫牛新闻` → (`顾燕`, `扬子晚报/紫牛新闻`): names, then the outlet of the next key."""
    glued = _NAME_THEN_KNOWN_OUTLET.fullmatch(value.strip())
    if glued and clean_names(glued["names"]):
        return glued["names"], glued["outlet"]  # `龚晓霞扬子晚报/ 紫牛新闻`: a name, then a known outlet glued on
    match = _OUTLET_AT_END.search(value)
    if match:
        return value[: match.start()].strip(), match["outlet"]
    match = _OUTLET_ONLY.fullmatch(value.strip())
    if match:
        return "", match["outlet"]
    return value, ""


_REPRINT_KEYS = ("本文转自", "转自", "转载自")


def parse_chain(text: str) -> Byline | None:
    """A run of credits and nothing else: every key's value must be names, a code or an outlet."""
    inner = text.strip()
    bracketed = False
    while inner[:1] in "（(【[［" and inner[-1:] in "）)】]］" and not re.search(r"[（()）【】\[\]［］]", inner[1:-1]):
        inner, bracketed = inner[1:-1].strip(), True
    if not inner or re.search(r"[（()）【】]", inner):
        return None
    if bracketed and _ORG_CREDIT.match(inner):
        return Byline(credit=inner)  # `(垫江县人民医院供稿)`
    if bracketed and (suffixed := _SUFFIX_CREDIT.match(inner)) and (names := clean_names(_LEADING_UNITS.sub("", suffixed["names"]))):
        return Byline(authors=names)  # `（王天定 图/文）`: the names, then what they did (`（肝胆外科 陆佳 文/图）`: its writer's department first)
    parts = _KEY_SPLIT.split(inner)
    # The split has two groups (long keys, short keys): one of each pair is None.
    parts = [parts[0]] + [p for i, p in enumerate(parts[1:]) if not (i % 3 < 2 and p is None)]
    prefix, pairs = parts[0].strip(" /／|｜"), list(zip(parts[1::2], parts[2::2]))
    result = Byline()
    if not pairs:
        # `（殷振兴 王亚忠）`, `(中国新闻网)`, `(垫江县人民医院供稿)`: only when bracketed.
        if not bracketed:
            return None
        names = clean_names(_LEADING_UNITS.sub("", inner))  # `（党委宣传部 孙悦）`: the office, then its writer
        if names:
            return Byline(authors=names)
        if signed := _outlet_and_name(inner):
            return signed  # `（海外网张霓）`: the outlet's reporter signs the story
        if programme := _OUTLET_PROGRAMME.fullmatch(inner):
            return Byline(source=programme["outlet"], source_rank=1)  # `(央视财经《经济信息联播》)`
        outlet = re.fullmatch(OUTLET, inner)
        # A bracketed outlet alone is as often a photo's credit as the article's: the weakest source.
        return Byline(source=inner, source_rank=-2) if outlet else None
    if prefix and (signed := _OUTLET_SLASH_NAMES.fullmatch(prefix)) \
            and (names := clean_names(signed["names"])):
        result.source, result.authors = signed["outlet"], names  # `江苏广电融媒体新闻中心/王雪彤编辑/徐玮琪`
    elif prefix and (writer := _ORG_THEN_WRITER.fullmatch(prefix)) and (names := clean_names(writer["names"])):
        result.authors = names  # `（宁川市中心医院 马骁 图/何婷）`: the hospital's writer, then the photographer
    elif prefix:
        # `沈阳日报、沈报全媒体主任记者 尚志文`: the outlets the reporter writes for, the first named
        # `环球时报驻日本特约记者`: where the outlet's reporter is stationed is no part of its name
        outlets = [_STATIONED.sub("", part) for part in prefix.split("、")]
        if not all(_OUTLET_RE.fullmatch(outlet) for outlet in outlets) and not (
                pairs[0][0] == "特约作者" and _ACCOUNT.fullmatch(prefix)):  # `湖南医聊特约作者：`, an account's
            return None
        result.source = outlets[0]
    reprinted_by = False  # the source so far is the one a reprint was taken from
    for index, (key, value) in enumerate(pairs):
        value = value.strip(" /／|｜;；")
        following = index + 1 < len(pairs)
        if key in SOURCE_KEYS:
            outlet = outlet_of(value)
            if outlet is None:
                return None
            if result.source_rank < 2 or reprinted_by and key not in _REPRINT_KEYS:
                # `转自：江西省儿童医院来源：南昌晚报`: the account that passed it on, then the paper
                result.source, result.source_rank = outlet, 2
            reprinted_by = key in _REPRINT_KEYS
            continue
        names_part, next_outlet = split_outlet_suffix(value) if following else (value, "")
        if next_outlet and not result.source and key not in EDITOR_KEYS:
            result.source = re.sub(r"(?:全媒体|融媒体)$", "", next_outlet)
        if key == "供稿" and (department := _DEPARTMENT_THEN_NAME.fullmatch(names_part.strip())):
            names_part = department["name"]  # `供稿：院前急救 张永健`: a department, then the writer
        names = clean_names(names_part)
        if names is None and key not in EDITOR_KEYS and key not in OTHER_KEYS:
            # `通讯员：湖南旺旺医院超声科 黄正飞`, `供稿：湘乡市卫健局 三金`: where the writer works, then the name
            names = clean_names(_ORG_BEFORE_NAME.sub("", names_part, count=1))
        if names is None and not following and key in _REPORTER_KEYS and (signed := _name_and_outlet(names_part)):
            names = signed.authors  # `记者：姚晓鹏中阳融媒`: the last name, then its outlet
            result.source = result.source or signed.source
        if names is None and key in EDITOR_KEYS and _INITIALS.fullmatch(names_part.strip()):
            names = [names_part.strip()]  # `（编辑YH）`: an editor who signs with initials
        if names is None:
            return None
        if not names and not next_outlet and not (key in EDITOR_KEYS and _CODE.match(value)) and value \
                and not value.endswith("报道"):  # `（中国青年网编译报道）`
            return None
        if key in OTHER_KEYS:
            result.credit = result.credit or key
            continue
        target = result.editors if key in EDITOR_KEYS else result.authors
        target += [n for n in names if n not in target]
    if not (result.authors or result.editors or result.source or result.credit):
        return None
    return result


_ORG_BEFORE_NAME = re.compile(rf"^[{CJK}]{{2,16}}?(?:局|委|医院|卫生院|中心|科室|科|部|办|站|所)\s+(?=[{CJK}]{{2,4}}$)")
_INITIALS = re.compile(r"[A-Z]{1,4}")
_REPORTER_KEYS = {key for key in AUTHOR_KEYS if key.endswith(("记者", "通讯员", "作者"))}


def _outlet_and_name(value: str) -> Byline | None:
    """`海外网张霓`, `海外网 张霓`: an outlet, then one name of two or three characters."""
    if placed := _OUTLET_PLACE_NAME.fullmatch(value.strip()):
        return Byline(source=placed["outlet"], authors=[placed["name"]])  # `（海外网-巴黎-鲁佳）`
    if " " in value.strip():
        outlet, name = value.strip().rsplit(None, 1)
        return Byline(source=outlet, authors=[name]) if _OUTLET_RE.fullmatch(outlet) and clean_names(name) else None
    for size in (3, 2):
        # Glued, only a known outlet tells where the name begins (`新华社微特稿` is no reporter's)
        outlet, name = value[:-size], value[-size:]
        if _KNOWN_OUTLET_RE.fullmatch(outlet) and clean_names(name) and not name.endswith(("稿", "讯", "电")):
            return Byline(source=outlet, authors=[name])
    return None


def _name_and_outlet(value: str) -> Byline | None:
    """`姚晓鹏中阳融媒`: a name of three characters (else two), then an outlet of three or more."""
    for size in (3, 2):
        name, outlet = value[:size], value[size:].lstrip()
        if len(outlet) >= 3 and _OUTLET_RE.fullmatch(outlet) and clean_names(name) and "医院" not in outlet and "官网" not in outlet:
            return Byline(source=outlet, authors=[name])
    return None


_REPORTER_KEY = r"(?:全媒体|融媒体|首席|见习|特约|实习)?(?:记者|通讯员|实习生)"
_RUN_NAME = re.compile(rf"[{CJK}]{{2,3}}")
# `极目新闻记者 曹洋通讯员 谢靖 赵江波实习生 魏伊琳65岁的…`: roles and names, then the body.
REPORTER_RUN = re.compile(rf"(?P<outlet>{OUTLET}(?:全媒体|融媒体)?)?(?:\s*[|｜]\s*|(?<=[{CJK}])[ \u3000](?=\S))?(?={_REPORTER_KEY})")


_REPORTER_WORDS = {"通讯员", "记者", "实习生", "摄影"}


def parse_reporter_run(text: str) -> tuple[Byline, int] | None:
    """Reporter credits at the start of `text`, run into the body; returns them and their length."""
    match = REPORTER_RUN.match(text)
    if not match:
        return None
    pos = match.end()
    result = Byline(source=re.sub(r"(?:全媒体|融媒体)$", "", match["outlet"]) if match["outlet"] else None)
    key_re = re.compile(rf"[\s，,、]*{_REPORTER_KEY}\s*[:：]?\s*")  # `记者张华，通讯员刘琪莎…`
    while True:
        key = key_re.match(text, pos)
        if not key:
            break
        pos = key.end()
        taken = 0
        while True:
            name = _cut_run_name(text, pos, listed=taken > 0 and "、" in text[pos - 1:pos])
            if not name:
                break
            result.authors.append(name)
            taken += 1
            pos += len(name)
            sep = re.match(r"[ \u3000、，,]+", text[pos:])
            if sep and _cut_run_name(text, pos + sep.end(), listed="、" in sep.group(0)) and not key_re.match(text, pos):
                pos += sep.end()
                continue
            break
        if not taken:
            return None
    if not result.authors:
        return None
    if said := re.match(r"\s*(?:报道|报导)\s*[:：]\s*", text[pos:]):
        pos += said.end()  # `…通讯员刘琪莎、杨慧勤报道：随着…`: the credit's last word
    return result, pos


def _cut_run_name(text: str, pos: int, listed: bool = False) -> str | None:
    """A 2–3 character name at `pos`: the third character is kept unless a role word, a
    sentence particle or a non-Chinese character starts there. `listed`: after another name and
    a `、`, where `…报道` ends the names, not a place's."""
    match = _RUN_NAME.match(text, pos)
    if not match:
        return None
    name = match.group(0)
    if name in _REPORTER_WORDS:
        return None
    if any(ch in _NOT_IN_NAME for ch in name[:2]) or name[:2] in TIME_WORDS or name.startswith(("供图", "摄影", "摄")) \
            or not listed and re.match(rf"[{CJK}]{{1,4}}(?:报道|报导)", text[pos:pos + 6]):
        return None  # `东营报道`: where the report comes from, no name
    if len(name) == 3 and (name[2] in _NOT_IN_NAME or re.match(_REPORTER_KEY, text[pos + 2:]) or
                           text.startswith(("记者", "通讯", "实习", "见习", "摄影", "编辑"), pos + 2)
                           or text[pos + 2:pos + 4] in TIME_WORDS):  # `记者 张奇近日，…`: the lead's first word
        name = name[:2]
    elif len(name) == 3 and re.match(rf"[{CJK}][“「]", text[pos + 3:pos + 5]) and text[pos + 3] not in _NOT_IN_NAME \
            and not text.startswith(("报道", "报导"), pos + 2):
        name = text[pos:pos + 4]  # `贡桑拉姆“藏医药文化…`: a four-character name, then the lead's quote
    return name


def parse_dateline(text: str, *, known_only: bool = False) -> tuple[Byline, int] | None:
    """A dateline at the start of `text` with the byline bracketed after it."""
    match = (KNOWN_DATELINE if known_only else DATELINE).match(text)
    if not match:
        return None
    outlet = match["outlet"]
    if match["place"] in ("网", "报") and not match["date"]:
        outlet += match["place"]  # `广西新闻网讯`: the outlet's own last character, read as a place
    source = None if outlet in ("本报", "本网", "本刊", "本台") else re.sub(r"[（(].*$", "", outlet)
    result = Byline(source=source, source_rank=1)
    pos = match.end()
    rest = text[pos:]
    bracket = re.match(r"\s*[（(【]\s*(?P<body>[^（()）【】]{1,60})[)）】]", rest)
    chained = parse_chain(f"（{bracket['body']}）") if bracket else None
    if chained and chained.authors:
        # `本报讯(沈阳日报、沈报全媒体主任记者 尚志文)`: 本报 is the paper the bracket names
        result.authors += chained.authors
        result.source = result.source or chained.source
        pos += bracket.end()
    elif bracket:
        body = re.sub(rf"{_REPORTER_KEY}|摄影|文/图|报道", " ", bracket["body"])
        body = _OUTLET_RE.sub(" ", body) if not clean_names(body) else body
        names = clean_names(body) or []
        result.authors += names
        pos += bracket.end()
    else:
        colon = re.match(r"\s*[:：]\s*", rest)
        if colon:
            pos += colon.end()
        run = parse_reporter_run(text[pos:].lstrip())
        if run:
            result.merge(run[0])
            pos += len(text[pos:]) - len(text[pos:].lstrip()) + run[1]
    return result, pos


# `华商报大风新闻记者注意到…`: the outlet whose reporter speaks in the body.
_BODY_REPORTER = re.compile(
    rf"(?:^|(?<=[。！？，”\s]))(?P<outlet>(?:{KNOWN_OUTLET})(?:[{CJK}]{{1,4}}新闻)?|[{CJK}]{{2,5}}(?:日报|晚报|都市报|新闻|网))"
    rf"(?:(?:全媒体|融媒体|首席)?(?:记者|特约评论员|评论员)|[（(]www\.[\w.]+[)）])"  # `澎湃新闻（www.thepaper.cn）注意到`
)


def reporter_outlet(text: str) -> str | None:
    match = _BODY_REPORTER.search(text)
    return match["outlet"] if match and match["outlet"] not in ("本报", "本网", "本刊", "本台") else None


# `…对第一财经记者表示`, `接受澎湃新闻记者采访`, `一名市民告诉澎湃新闻`: the outlet whose reporter
# asked, anywhere in the text of a copy that names no source of its own.
_TOLD_REPORTER = re.compile(
    rf"(?:告诉|接受|对|向)(?P<outlet>{KNOWN_OUTLET})(?:全媒体|融媒体|首席)?记者|告诉(?P<told>{KNOWN_OUTLET})(?=[，。：:])")


def told_outlet(text: str) -> str | None:
    match = _TOLD_REPORTER.search(text)
    return (match["outlet"] or match["told"]) if match else None


def bracketed_credits(text: str) -> Byline | None:
    """A closing bracket of credits a byline's forms do not read (`（宁川市中心医院 马骁 图/何婷）`)."""
    if text[:1] not in "（(" or text[-1:] not in "）)":
        return None
    chain = parse_chain(text)
    return chain if chain is not None and (chain.authors or chain.editors) else None
