"""Metadata lines, bylines, credits and dates, in the forms Chinese papers and sites print them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .dates import ENGLISH_DATE, ROC_YEAR, parse_date
from .lineshapes import (
    ACCOUNT_LINE,
    BARE_EDITOR,
    BARE_EDITORS,
    BARE_EDITOR_PAIR,
    BARE_ISSUE,
    BROADCAST_MASTHEAD,
    counted_post_date,
    COLUMN_BEFORE_KEY,
    DOCUMENT_NUMBER,
    EXCERPT_FROM,
    FIRST_PRINTED,
    FORUM_POST,
    ISSUE_LINE,
    ISSUE_NUMBER,
    ITEM_LABEL,
    LATIN_LETTER,
    LEADING_TOOLS,
    LUNAR_DATE,
    MASTHEAD,
    MASTHEAD_DATE,
    NOT_A_NAME_ENDING,
    OFFICE_MASTHEAD,
    ORG_OFFICE,
    OUTLET_COLUMN,
    OUTLET_ENDING,
    OUTLET_THEN_NAMES,
    PAGE_BEFORE_DATE,
    PAPER_PAGE,
    PLACE_DATELINE,
    PLATFORM_ACCOUNT,
    POSTED_AT,
    POSTED_ON,
    POSTER_BEFORE_TIME,
    POST_LINE,
    RELEASE_DATELINE,
    RELEASE_HEAD,
    SUPPLIED_BEFORE_KEY,
    TOOL_ENDS,
    TRAILING_TOOLS,
    UPDATED,
    WEEKDAY,
    WEEKDAY_IN_BRACKETS,
)
from .metakeys import ALL_KEYS, DATE_KEYS, EDITOR_KEYS, IGNORED_KEYS, KEY_RE, SOURCE_KEYS, SPEAKING_KEYS
from .script import arabic_dates
from .text import CJK, clean_line, has_sentence_punctuation

# A name; a two-character one may be set with a space between its characters (`张 磊`).
NAME = f"(?:[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|[{CJK}·]{{2,4}}|[{CJK}] [{CJK}](?![{CJK}]))"  # also `阿不都热合曼·买买提`
# Several names need separators between them: a run of characters is prose, not a name list.
NAMES = f"{NAME}(?:[\\s、，,]+{NAME})*"
NAME_SEP = re.compile(r"[\s、，,；;/]+")

@dataclass
class Byline:
    """What one metadata or byline line says; several lines are merged into one."""

    published: dt.date | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    credit: str | None = None
    # How the source was named: 0 a reporter's outlet, 1 a dateline, 2 `来源：`. A stronger naming
    # wins over an earlier weaker one.
    source_rank: int = 0

    def merge(self, other: "Byline") -> None:
        self.published = self.published or other.published
        # `本网` / `本报` (this site, this paper) names no outlet: any named one is better.
        if other.source and (not self.source or other.source_rank > self.source_rank) \
                and not (self.source and other.source in SELF_OUTLETS):
            self.source, self.source_rank = other.source, other.source_rank
        for name in other.authors:
            if name not in self.authors:
                self.authors.append(name)
        for name in other.editors:
            if name not in self.editors:
                self.editors.append(name)
        self.credit = self.credit or other.credit


SELF_OUTLETS = ("本报", "本网", "本刊", "本台", "本站")


def _joined_letters(parts: list[str]) -> list[str]:
    """`王 萌`: a two-character name set with a space between its characters, as papers justify a
    column, is one name."""
    out: list[str] = []
    for part in parts:
        if len(part) == 1 and out and len(out[-1]) == 1:
            out[-1] += part
        else:
            out.append(part)
    return out


# Time words a credit run meets before its body (`记者近日获悉`): no names.
TIME_WORDS = {"近日", "日前", "近期", "昨日", "昨天", "今日", "今天", "当天", "当日", "目前", "此前", "随后", "近来", "凌晨", "清晨",
              "傍晚", "深夜", "午后", "上午", "下午", "中午", "晚上", "早上"}
NOT_NAMES = TIME_WORDS | {"院办", "党办", "通讯员", "记者", "实习生", "摄影", "编辑", "责任编辑", "本报记者", "特约记者", "见习记者", "报道", "综合", "整理",
             "综合报道", "摄影记者", "文字", "美编", "本报", "本台", "本刊", "手记", "提问", "实习", "流程编辑", "互动编辑"}
# A department credited as the author (`作者：心内科 杨海燕`) is no person.
UNIT_WORD = re.compile(r"(?:科|部|办|处|室|中心|医院|委员会|宣传|宣传组|新闻组|融媒|小编)$")


def split_names(text: str) -> list[str]:
    names = []
    parts = [part.strip() for part in NAME_SEP.split(text.strip(" ()（）"))]
    for part in _joined_letters(parts):
        if re.fullmatch(NAME, part) and part not in names and part not in NOT_NAMES and not part.endswith("报道") \
                and not part.startswith("发自") and not part.endswith(("记者", "通讯员", "编辑")) \
                and not (len(part) >= 3 and UNIT_WORD.search(part)):
            names.append(part)
    return names


_DATETIME_PREFIX = re.compile(
    r"^(?:第\s*\d{1,5}\s*期\s*)?(?P<date>(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
# `来自 微博 weibo.com`, `四川日报社川观新闻官方账号` (a platform's line for who posted it).
_POSTED_FROM = re.compile(r"^来自\s+\S.{0,30}$|^\S{2,24}?(?:官方账号|官方帐号|优质\S{2,8}创作者|作者)$")
_DATETIME_ANYWHERE = re.compile(_DATETIME_PREFIX.pattern.lstrip("^"))


_ENGLISH_KEY = re.compile(r"(?P<key>" + "|".join(re.escape(k) for k in ALL_KEYS if not any(c.isascii() for c in k)) + r")\s*"
                          r"(?:Date|Source|Writer|Author|Editor|Reporter|Photo|Photographer|Translator)(?=\s*[:：])", re.IGNORECASE)


def parse_metadata_line(line: str) -> Byline | None:
    """`发布时间:… | 来源:… | 作者:… | 责任编辑:…`, `来源:重庆日报`, `时间: 2021-07-01 | 编辑:李振兵`,
    `2023-05-12 08:30 来源：大众网`, `（编辑：王芳）`, or a line that is only a date.

    Returns None unless the line starts with a known key or a date: body text often contains
    `来源:` too.
    """
    # The parser asks about a line up to five times (35,000 calls for 14,000 lines in 1,000
    # articles); each caller gets its own copy, since bylines are merged into one another.
    byline = _parsed_metadata_line(line)
    return None if byline is None else replace(byline, authors=list(byline.authors), editors=list(byline.editors))


@lru_cache(maxsize=4096)
def _parsed_metadata_line(line: str) -> Byline | None:
    # `【纠错】 【责任编辑：王萌萌】`: a portal's tool before the credit
    text = LEADING_TOOLS.sub("", arabic_dates(unicodedata.normalize("NFKC", clean_line(line)))).strip("（）()【】[]")
    # (each searched only where its word stands: the parser asks about every line, 43,000 times a corpus)
    if "民" in text:
        text = ROC_YEAR.sub(lambda m: f"{int(m['y']) + 1911}年", text)  # `中華民國113年6月12日`: a Taiwan paper's year
    if "】" in text[:12]:
        text = ITEM_LABEL.sub("", text)  # `【剪报01】南方日报　2023年6月2日…`: a clippings file's item, then where it was printed
    if text[:3] in ("编辑于", "发布于", "发表于", "更新于") and (posted := POSTED_ON.fullmatch(text)):
        return Byline(published=parse_date(posted["date"]))  # `编辑于 2023-08-09 浙江`: a post's own line
    if "·" in text and (published := counted_post_date(text)):
        return Byline(published=parse_date(published))  # `52分钟 · 2024/10/12 · 1.3万次播放 · 326条评论`
    if (excerpt := EXCERPT_FROM.match(text)) is not None:
        # `（摘自《某县人民医院年鉴（2024）》　撰稿：院办 周敏）`: the book it was taken from, then its writer
        result = Byline(source=excerpt["book"], source_rank=1)
        if rest := text[excerpt.end():].strip(" 　，,；;"):
            if (credits := _parsed_metadata_line(rest)) is None:
                return None
            result.merge(replace(credits, source=None, authors=list(credits.authors), editors=list(credits.editors)))
        return result
    if "期" in text and len(text) <= 80 and (issue := ISSUE_LINE.match(text)) and not issue["date"]:
        # `江州卫生健康　2024年第3期（总第87期）`: a periodical's masthead, its issue and no day (before
        # the e-paper tools, `第3期` among them, are taken off a line's end)
        return Byline(source=issue["outlet"], source_rank=1)
    if "期" in text and BARE_ISSUE.fullmatch(text):
        return Byline()  # `第17期` under a brief's name: the issue, which the article does not keep
    if paper := PAPER_PAGE.fullmatch(text):
        return Byline(source=paper["outlet"], source_rank=1)  # `现代快报 A6 城事·视觉`: the paper, its page, its column
    if (page := _PAGE_THEN_KEY.match(text)) and KEY_RE.match(text, page.end()):
        text = text[page.end():]  # `第05版：健康宝鸡 责任编辑：杨晓峰`: the page, then its editor
    if (spaced := _SPACED_LABEL.match(text)) and " " in spaced["label"]:
        text = spaced["label"].replace(" ", "") + text[len(spaced["label"]):]  # a portal's `索 引 号：`, `标 题：`
        if text.startswith("标题"):
            return Byline()  # the info block's copy of the headline printed under it; a bare `标题：` is the headline's label
    # (each pattern tried only where a line can hold it: a paragraph's every position was tried)
    if LATIN_LETTER.search(text):
        text = _ENGLISH_KEY.sub(r"\g<key>", text)  # a bilingual page's `发布日期 Date：…`, `撰稿 Writer：…`
    if "星期" in text or "周" in text:
        text = WEEKDAY_IN_BRACKETS.sub("", text)
    if (last := text.rstrip("\n")[-1:]) and (last in TOOL_ENDS or last.isdecimal()):
        text = TRAILING_TOOLS.sub("", text)  # `2024年04月17日 星期三 上一期 下一期 往期回顾`: an e-paper's date and its tools
    if "发布于" in text:
        text = POSTED_AT.sub("", text)  # `2024-07-10 18:26发布于陕西宝鸡日报社官方账号`
    if len(text) > 160:
        return None
    leading_date = None
    if (english := ENGLISH_DATE.match(text)) and english.start() == 0:
        # `Nov. 3, 2023 | 来源：广西日报`
        leading_date, text = parse_date(english.group(0)), text[english.end():].strip(" |｜")
        if not text:
            return Byline(published=leading_date)
    # A printed page's running head: its number and column before the date (`A14 2024年5月20日 星期一
    # 浙里·健康 责任编辑：何晴`, `2 综合新闻 2024年3月22日 星期五`).
    page_head = PAGE_BEFORE_DATE.match(text) is not None
    text = PAGE_BEFORE_DATE.sub("", text)
    if ("发布" in text or "发表" in text) and (poster := POSTER_BEFORE_TIME.match(text)) \
            and (posted := _parsed_metadata_line(text[poster.end():])) is not None:
        # `宁屿市中心医院　发布时间：2024-07-03 18:20　IP属地：江屏`: a platform's account, then when it posted
        posted = replace(posted, authors=list(posted.authors), editors=list(posted.editors))
        posted.merge(Byline(source=poster["account"], source_rank=0))
        return posted
    if "供稿" in text:
        text = SUPPLIED_BEFORE_KEY.sub("", text)  # `心血管内科 供稿  撰稿：胡一鸣`: the department that supplied it, then the writer
    if (column := COLUMN_BEFORE_KEY.match(text)) and not _DATETIME_PREFIX.match(text):
        text = text[column.end():]  # `医疗动态 责任编辑：邓雨桐`: the page's column, then its editor
    match = _DATETIME_PREFIX.match(text)
    if match:
        leading_date = parse_date(match["date"])
        text = WEEKDAY.sub("", text[match.end():]).strip(" |｜")
        text = LUNAR_DATE.sub("", text).strip()  # `农历甲辰年二月十三`
        text = UPDATED.sub("", text).strip()  # `（3/12 16:05 更新）`
        if leading_date and (paper := PAPER_PAGE.match(text)) and paper.group(0).strip():
            # `2024年5月29日 星期三 北京青年报 A06 北京新闻 本版责编/孙佳`: the paper, its page and column
            outlet, text = paper["outlet"], text[paper.end():]
            head = _parsed_metadata_line(text) if text else None
            result = Byline(published=leading_date, source=outlet, source_rank=1)
            if head is not None:
                result.merge(replace(head, source=None))
            return result if not text or head is not None else None
        if leading_date and (column := COLUMN_BEFORE_KEY.match(text)):
            text = text[column.end():]  # the page's column, then its credits
        text = _POSTED_FROM.sub("", text)  # `2023-9-8 14:20 来自 微博 weibo.com`
        if not text:
            return Byline(published=leading_date) if leading_date else None
    if not KEY_RE.match(text):
        if leading_date is not None:
            text = ISSUE_NUMBER.sub("", text).strip()  # `2024年4月15日 星期一 第286期（总第1032期） 第2版 医疗动态`
            if not text:
                return Byline(published=leading_date)
            # `2023年6月20日 星期二 三峡日报`: the date, then the paper's name
            outlet = re.fullmatch(rf"[{CJK}]{{2,12}}", text)
            if re.fullmatch(rf"第?\s*[A-Za-z]{{0,2}}\d{{1,3}}\s*版(?:\s*[:：]?\s*[{CJK}·]{{0,12}})?", text) \
                    or (page_head and re.fullmatch(rf"[{CJK}·]{{2,8}}", text)):
                # `2024年07月11日 星期四 第06版：健康湖北`, `2 综合新闻 2024年3月22日 星期五`: a page, not the paper
                return Byline(published=leading_date)
            if _POSTED_IN.fullmatch(text):
                return Byline(published=leading_date)  # `2023-10-18 07:12 浙江`: an app's post line
            return Byline(published=leading_date, source=text, source_rank=2) \
                if outlet and OUTLET_ENDING.search(text) else None
        if (other := _other_metadata_line(text)) is not None or not (key := KEY_RE.search(text)):
            return other
        # `宜宾日报 2023年3月15日 星期三 第3版 综合新闻 责任编辑：何静`: a masthead, then credits
        head = _other_metadata_line(text[:key.start()].strip())
        if head is not None and (rest := _parsed_metadata_line(text[key.start():])) is not None:
            head.merge(rest)
        return head
    result = Byline(published=leading_date)
    parts = KEY_RE.split(text)
    # parts: ['', key1, value1, key2, value2, …]
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        value = value.strip(" |｜").strip()
        value = re.split(r"\s*[|｜]\s*", value)[0].strip()
        if key in SPEAKING_KEYS and has_sentence_punctuation(value):
            return None  # `主持人：各位观众朋友，大家好！…`: a transcript's turn, not a press conference's form
        if key in IGNORED_KEYS:
            continue
        if key in DATE_KEYS:
            result.published = result.published or parse_date(value)
        elif key in SOURCE_KEYS:
            dated = _DATETIME_ANYWHERE.search(value)
            if dated:
                result.published = result.published or parse_date(dated["date"])
                value = (value[: dated.start()] + " " + value[dated.end():]).strip()
            value = value if value.isascii() else value.split(" ")[0]  # `Source: … Press Office` is one name
            value = re.sub(r"^《(.+)》(?:杂志|期刊)?$", r"\1", value)  # `《中国卫生》杂志`
            if value and not result.source:
                result.source, result.source_rank = value, 2
        elif not _names_only(value):
            return None  # `记者：下一步有什么打算？`: an interview's turn, not a credit
        elif key in EDITOR_KEYS:
            result.editors += [n for n in split_names(value) if n not in result.editors]
        else:
            result.authors += [n for n in split_names(value) if n not in result.authors]
    if not result.authors and (reporter := _TRAILING_REPORTER.search(text)):
        result.authors = split_names(reporter["names"])  # `… 来源：齐齐哈尔新闻网　记者 韩冰`
    if result.published is None and (dated := _DATETIME_ANYWHERE.search(text)):
        result.published = parse_date(dated["date"])  # `来源：株洲日报　作者：彭小英　2023-08-30`
    return result


_PAGE_THEN_KEY = re.compile(rf"第?\s*[A-Z]?\d{{1,3}}\s*版(?:\s*[:：]\s*[{CJK}·]{{1,10}})?\s+")
_POSTED_IN = re.compile(r"(?:来自|发布于|发表于)?\s*(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北"
                        r"|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾)")
_SPACED_LABEL = re.compile(rf"^(?P<label>[{CJK}](?: ?[{CJK}]){{1,5}}) ?[:：]")
_TRAILING_REPORTER = re.compile(rf"\s(?:本报|全媒体|融媒体)?记者\s*(?P<names>{NAMES})\s*$")


def _names_only(value: str) -> bool:
    """A credit's value: names, with the words of people's roles between them, and nothing else."""
    if has_sentence_punctuation(value) or len(value) > 40:
        return False
    rest = NAME_SEP.sub("", re.sub(r"(?:本报|全媒体|融媒体|见习|特约|首席|实习)?(?:记者|通讯员|实习生|摄影|编辑|报道)", "", value))
    return len(rest) <= 16


def _other_metadata_line(text: str) -> Byline | None:
    """A metadata line without `key：value`: a masthead, a post's or an account's line, a
    document number, a credit without its colon, where the story was first printed."""
    if post := FORUM_POST.match(text):
        return Byline(authors=[post["handle"]], published=parse_date(post["date"]))  # a forum thread's first post
    if account := PLATFORM_ACCOUNT.match(text):
        return Byline(source=account["account"], source_rank=1)
    if release := RELEASE_HEAD.fullmatch(text):
        # `中山大学附属第一医院党委宣传部　新闻通稿　2023年10月24日`: a release's running head
        return Byline(published=parse_date(release["date"]) if release["date"] else None)
    if sender := ORG_OFFICE.match(text):
        return Byline(source=sender["org"], source_rank=1)
    if column := OUTLET_COLUMN.match(text):
        return Byline(source=column["outlet"], source_rank=1)
    if office := OFFICE_MASTHEAD.match(text):
        return Byline(published=parse_date(office["date"]), source=office["office"], source_rank=1)
    match = MASTHEAD.match(text)
    if match and (match["page"] or OUTLET_ENDING.search(match["outlet"])):
        return Byline(published=parse_date(match["date"]), source=match["outlet"], source_rank=2)
    match = POST_LINE.match(text)
    if match:
        # `原创 李婧 绵阳市中心医院 2023-06-05`: with two words, the writer, then the account.
        words = text.split()
        words = words[1:] if words[0] == "原创" else words
        named = [w for w in words if not re.match(r"\d", w) and not w.startswith("发表于")]
        dated = [k for k, w in enumerate(words) if re.match(r"\d", w)]
        if len(named) >= 2 and re.fullmatch(rf"[{CJK}]{{2,3}}", named[-1]) and dated and words[-1] == named[-1] \
                and words.index(named[-1]) > dated[0]:
            named = named[:-1]  # the province it was posted from, after the date
        author, account = (named[0], named[1]) if len(named) >= 2 and named[0] != named[1] else (None, named[0])
        if author and len(author) >= 3 and UNIT_WORD.search(author):
            author = None  # `原创 宣传科 长兴县人民医院 …`: the office that posted it, not a writer
        return Byline(published=parse_date(match["date"] or match["date2"] or match["date3"]), source=account, source_rank=0,
                      authors=split_names(author) if author else [])
    if match := BROADCAST_MASTHEAD.match(text):  # `澄州广播电视台 · 节目文字实录`: the station, its transcript
        return Byline(source=match["outlet"], source_rank=1)
    match = MASTHEAD_DATE.match(text)
    if match:  # `华西医院报 2024年4月15日 第287期`: a paper's masthead with its day
        return Byline(published=parse_date(match["date"]), source=match["outlet"], source_rank=1)
    match = ISSUE_LINE.match(text)
    if match:  # `北医三院健康通讯 2024年第5期（总第36期） 2024年5月14日`: a newsletter's issue
        return Byline(published=parse_date(match["date"]) if match["date"] else None, source=match["outlet"], source_rank=1)
    match = ACCOUNT_LINE.match(text)
    if match:
        return Byline(published=parse_date(match["date"]), source=match["account"], source_rank=0)
    if DOCUMENT_NUMBER.match(text):
        return Byline()
    if BARE_EDITORS.match(text):
        names = [name for pair in re.finditer(BARE_EDITOR_PAIR, text) for name in split_names(pair["names"]) or []]
        return Byline(editors=names) if names else None
    match = BARE_EDITOR.match(text)
    if match:  # `编辑 罗小兵`: a credit without its colon
        return Byline(editors=split_names(match["names"])) if split_names(match["names"]) else None
    match = FIRST_PRINTED.match(text)
    if match:  # `（原载《三峡日报》2023年8月19日第4版）`; a bare `《民生热线·健康访谈》` is a programme or a column, whose
        # station or paper a masthead names better
        bare = not match["date"] and not re.match(r"\s*[（(]?\s*(?:原载|原刊于|刊于|转载自)", text)
        return Byline(published=parse_date(match["date"]) if match["date"] else None, source=match["outlet"],
                      source_rank=0 if bare else 2)
    return None


# `■衡阳晚报全媒体记者 朱嘉林`, `本报记者 张三 通讯员 李四`, `(本报记者 魏应欣)`
_NAME_THEN_KEYED = re.compile(rf"^(?P<names>[{CJK}]{{2,3}})\s+(?P<more>(?:(?:通讯员|实习生|记者)\s*{NAMES}\s*)+)$")
_REPORTER = re.compile(
    rf"^[■□●◆▲★\s]*[(（]?\s*(?:本报|本台|本刊|(?P<pub>[{CJK}]{{2,12}}?(?:日报|晚报|早报|商报|报社|报|网|电视台|广播电视台|新闻网|新闻|客户端|台)|[{CJK}]{{1,3}}社|[{CJK}]{{2,6}}\+)"
    rf"(?:[-－—·][{CJK}]{{2,8}}?(?=记者|全媒体?|融媒体?))?)?"
    rf"(?:(?<=[{CJK}])[ \u3000](?=记者|通讯员))?"  # `潮新闻客户端 记者 林晓`: the outlet, a space, the role
    rf"(?:全媒体|融媒体|全媒|融媒|首席|见习|特约)?(?:记者|通讯员)\s*(?P<names>{NAMES})"
    rf"(?P<more>(?:\s*(?:本报|本台)?(?:特约记者|见习记者|实习记者|记者|通讯员|实习生)\s*{NAMES})*)"
    rf"(?:\s*(?:文/图|文／图|摄影|摄|[{CJK}]{{2,6}}报道))?\s*[)）]?$"
)
# `晓辉 高鸽 文/图`, `文/图 张三`, `张三 摄`
_CREDIT_SUFFIX = re.compile(rf"^(?P<names>(?:{NAME}\s+)*{NAME})\s*(?:文/图|文／图|图/文|文图|文|摄|摄影|供图)$")
_CREDIT_PREFIX = re.compile(rf"^(?:文/图|文／图|图/文|文|图|摄影|摄)\s*[:：/／]\s*(?P<names>{NAMES})$|^(?:文/图|文／图|图/文|摄影)\s*(?P<names2>{NAMES})$")
# `图片由市第二人民医院提供`, optionally after the authors' names.
_PICTURE_CREDIT = re.compile(rf"^(?P<names>(?:{NAME}\s+)*)(?P<credit>(?:图片|照片|图)由.{{2,40}}提供)[。.]?$")
# A parenthesised byline at the very end of the last paragraph.
TRAILING_BYLINE = re.compile(
    r"[(（]\s*(?P<body>(?:[文图][/／])?(?:本报|全媒体|融媒体|见习|特约)?(?:记者|通讯员|文图供稿|供稿|文/图|撰文)\s*[:：]?\s*"
    r"[^()（）]{2,60})[)）]\s*$"
)


_OUTLET_CREDIT = re.compile(rf"^(?P<outlet>[{CJK}]{{2,10}}?(?:新闻|日报|晚报|报|网|客户端))(?P<role>记者|编辑|责任编辑|责编)"
                            rf"\s*[|｜丨]\s*(?P<names>{NAMES})$")
_PADDED_NAME = re.compile(rf"(?<![{CJK}])([{CJK}]) ([{CJK}])(?![{CJK}])")


def parse_byline(line: str) -> Byline | None:
    """A line that only credits people; None for anything else."""
    text = clean_line(line)
    if len(text) > 80:
        return None
    # A two-character name set in a three-character slot: `记者　向　露　通讯员　余　可`.
    text = _PADDED_NAME.sub(r"\1\2", text)
    match = _OUTLET_CREDIT.match(text)
    if match and (names := split_names(match["names"])):
        # `界面新闻记者 | 谢婉清`, `界面新闻编辑 | 彭芳`: the outlet's role, a bar, the name
        if match["role"] == "记者":
            return Byline(source=match["outlet"], source_rank=1, authors=names)
        return Byline(source=match["outlet"], source_rank=1, editors=names)
    match = OUTLET_THEN_NAMES.match(text)
    if match and (names := [n for n in split_names(match["names"]) if not n.endswith(NOT_A_NAME_ENDING)]):
        return Byline(source=match["outlet"], source_rank=1, authors=names)
    match = _REPORTER.match(text)
    if match and (match["pub"] or "").endswith("社") and text.rstrip(" )）").endswith("摄"):
        match = None  # `新华社记者 刘文博 摄`: a news agency photographer's credit under a photo, no byline
    # (`熊晓琳　通讯员 胡斌`: the paper's own reporter named without her role, then the others)
    if keyed := match or _NAME_THEN_KEYED.match(text):
        result = Byline(source=match["pub"] or None if match else None, authors=split_names(keyed["names"]))
        for names in re.split(r"(?:本报|本台)?(?:特约记者|见习记者|实习记者|记者|通讯员|实习生)", keyed["more"]):
            result.authors += [n for n in split_names(names) if n not in result.authors]
        return result if result.authors else None
    match = _CREDIT_SUFFIX.match(text)
    if match:
        return Byline(authors=split_names(match["names"])) if split_names(match["names"]) else None
    match = _CREDIT_PREFIX.match(text)
    if match:
        names = split_names(match["names"] or match["names2"])
        return Byline(authors=names) if names else None
    match = _PICTURE_CREDIT.match(text) or _PICTURE_CREDIT.match(text.strip("（）()"))
    if match:
        return Byline(authors=split_names(match["names"] or ""), credit=match["credit"])
    inner = text.strip()
    if inner[:1] in "(（" and inner[-1:] in ")）":
        return parse_trailing_byline(inner)
    return None


# `本报讯（记者 林晓东 通讯员 陈丽）`, `健康报讯（记者 张三）`: the byline opening a news lead.
LEAD_BYLINE = re.compile(
    rf"^(?:本报|本台|本刊|[{CJK}]{{2,10}}?(?:网|报|台|社))?(?:[{CJK}]{{0,4}})?讯\s*[(（](?P<body>[^()（）]{{2,60}})[)）]\s*"
    # `人民网兰州4月21日电 （记者 王文娟）`: a wire's dateline, its outlet first.
    rf"|^(?P<outlet>[{CJK}]{{2,10}}?(?:网|报|台|社))[{CJK}]{{0,6}}\d{{1,2}}月\d{{1,2}}日(?:电|消息|讯)\s*[(（](?P<body2>[^()（）]{{2,60}})[)）]\s*"
    # `（中央社记者周咏恩台北12日电）`: a wire's reporter, the place and the day in one bracket
    rf"|^[(（](?P<outlet5>[{CJK}]{{2,6}}?(?:社|网|报|台))记者(?P<body7>[{CJK}]{{2,3}})[{CJK}]{{2,4}}\d{{1,2}}日(?:电|讯)[)）]\s*"
    # `【香港文汇报讯】（记者 陆云舟 上海报道）`
    rf"|^【(?P<outlet4>[{CJK}]{{2,10}}?(?:报|网|社|台))讯】\s*[(（](?P<body6>[^()（）]{{2,60}})[)）]\s*"
    # `【大公报讯】记者陈敏仪报道：`
    rf"|^【(?P<outlet2>[{CJK}]{{2,10}}?(?:报|网|社|台))讯】\s*(?P<body5>(?:本报)?记者\s*{NAMES})\s*(?:[／/][{CJK}]{{2,8}})?报道\s*[:：]?\s*"
    # `（记者 赵婧）` opening the lead
    rf"|^[(（](?P<body4>(?:本报|全媒体|融媒体)?记者\s*{NAMES}(?:\s*(?:通讯员|实习生)\s*{NAMES})?)[)）]\s*"
    # `【记者陈嘉欣／深圳报道】`, `〔记者林怡君／台北报导〕`, `记者王小明／台北报导`: the reporter and the place.
    rf"|^[【〔\[]?(?P<body3>(?:本报)?记者\s*{NAMES})\s*[／/]\s*[{CJK}]{{2,8}}(?:报道|报导)[】〕\]]?\s*"
    # `本报讯　近日，…`: the paper's own dispatch with its credit at the end, or none
    rf"|^(?P<bare>(?:本报|本台|本刊|(?P<outlet3>[{CJK}]{{2,10}}?(?:日报|晚报|早报|都市报|报|网|台|社)))讯)[\s\u3000]+(?=\S)"
)


def parse_lead_byline(paragraph: str) -> tuple[Byline, int] | None:
    """The byline at the start of a news lead and how many characters it takes."""
    if released := RELEASE_DATELINE.match(paragraph) or PLACE_DATELINE.match(paragraph):
        return Byline(published=parse_date(released["date"])), released.end()
    match = LEAD_BYLINE.match(paragraph)
    if not match:
        return None
    if match["bare"]:
        outlet = match["outlet3"]
        return Byline(source=outlet, source_rank=1 if outlet else 0), match.end()
    body = match["body"] or match["body2"] or match["body3"] or match["body4"] or match["body5"] or match["body6"] \
        or match["body7"]
    body = re.sub(rf"\s[{CJK}]{{2,6}}(?:报道|报导)$", "", body.strip())  # `记者 陆云舟 上海报道`: where from, no name
    body = re.sub(rf"[{CJK}]{{2,8}}?(?:报道组|通讯组|宣传组|宣传部|宣传科|宣传处|办公室)", " ", body)  # `县委报道组 方舟`
    body = re.sub(r"(?:本报|全媒体|融媒体|见习|特约|首席)?(?:记者|通讯员|实习生|摄影|文/图|报道)", " ", body)
    names = split_names(body)
    if not names:
        return None
    outlet = match["outlet"] or match["outlet2"] or match["outlet4"] or match["outlet5"]
    return Byline(authors=names, source=outlet, source_rank=1 if outlet else 0), match.end()


def parse_trailing_byline(fragment: str) -> Byline | None:
    match = TRAILING_BYLINE.search(fragment)
    if not match:
        return None
    body = match["body"]
    reporter = _REPORTER.match(body)
    if reporter:
        return Byline(authors=split_names(reporter["names"]) + split_names(reporter["more"] or ""))
    body = re.sub(r"^(?:[文图][/／])?(?:本报|全媒体|融媒体|见习|特约)?(?:记者|通讯员|文图供稿|供稿|文/图|撰文)\s*[:：]?\s*", "", body)
    body = re.sub(r"(?:摄影|摄|报道)$", "", body.strip())
    names = split_names(body)
    return Byline(authors=names) if names else None
