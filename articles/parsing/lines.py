"""The line-level vocabulary of the layout reader (structure.py): a file's non-blank lines with
their spans and the blank lines before them, and what a single line can be on its own (a
kicker, a label, a caption, a speaker, a line short enough for a headline)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metadata import parse_metadata_line
from .model import Span
from .text import CJK, clean_line, han_count, has_sentence_punctuation

# Names of the organisations a kicker introduces.
ORG_SUFFIX = r"(?:医院|卫生院|医学中心|医疗中心|保健院|中医院|分院|卫生服务中心|疾病预防控制中心|卫生健康委员会|卫健委|医科大学|医学院)"
KICKER_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?)\s*[:：]$")
KICKER_TITLE_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX})\s*[:：]\s*(?P<title>\S.{{3,60}})$")
ORG_LINE_RE = re.compile(rf"^[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX}$")
TITLE_ORG_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX}) (?P<rest>\S.*)$")
INLINE_SUBTITLE_RE = re.compile(r"^(?P<title>\S.{3,40}?)\s*(?:——|--)\s*(?P<subtitle>\S.{3,40})$")
# Lines that announce a photo: `图为…`, `▲…`, `（图为…）`, `…（张三 摄）`.
CAPTION_RE = re.compile(r"^[（(]?(?:图为|上图|下图|左图|右图|图[一二三四\d][：:]|▲|△|■图)|[（(]?[\u4e00-\u9fff]{2,4}\s*摄[)）]?$")
SUBTITLE_RE = re.compile(r"^(?:——|—|--|－－|-)\s*(?P<text>\S.*)$")

BREADCRUMB_RE = re.compile(r"^(?:[^<>＞»]{1,20}\s*[>＞»]\s*){2,}[^<>＞»]{0,20}$|^(?:当前位置|您的位置|首页)\s*[:：>＞]")
# Blocks that end the article body on web pages: everything after them is furniture.
STOP_RE = re.compile(r"^(?:延伸阅读|相关阅读|相关新闻|相关链接|推荐阅读|热点推荐|版权声明|免责声明|【?责任编辑|分享到)\s*[:：】]?")
COPYRIGHT_RE = re.compile(r"版权(?:均)?(?:属|归|所有)|未经(?:\S{0,6})?授权|不得转载|Copyright|©|本站不作任何保证")

# Ordinals in front of a heading: `A `, `1 `, `一、`, `（一）`, `第一部分`.
LABEL_RE = re.compile(
    r"^(?:(?P<a>[A-H]|\d{1,2}|[一二三四五六七八九十]{1,3})(?:[、.．]\s*|\s+)"
    r"|[（(](?P<b>[一二三四五六七八九十\d]{1,3})[)）]\s*"
    r"|(?P<c>第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|篇))\s*)(?P<heading>\S.*)$"
)
BRACKET_HEADING_RE = re.compile(r"^【(?P<heading>[^】]{2,30})】$")
SPACED_RE = re.compile(rf"^[^\s]*[{CJK}”」][^\s]* [^\s]*[{CJK}“「][^\s]*(?: [^\s]+)?$")

# Words that open a new paragraph. A line after an unfinished paragraph that begins with one of
# them starts afresh; the unfinished one was cut (flagged as truncated).
OPENERS = (
    "此外", "同时", "另外", "与此同时", "众所周知", "目前", "如今", "近年来", "近日", "日前", "今年", "去年",
    "据了解", "据介绍", "据悉", "值得一提的是", "为了", "为此", "因此", "但是", "然而", "首先", "其次",
    "最后", "一是", "二是", "三是", "四是", "五是", "走进", "来到", "该院", "该科", "医院", "我们", "他们",
    "她们", "我院", "全院", "院党委", "截至", "随着", "围绕", "按照", "通过", "坚持", "面对", "作为",
)
OPENER_RE = re.compile(r"^(?:" + "|".join(OPENERS) + r"|(?:19|20)\d{2}年|\d{1,2}月\d{1,2}日)")

# The speaker of a work report or speech on a line of its own: `院长 李明华`, `——党委书记、院长 李明华`,
# `李明华（院长）`.
_SPEAKER_ROLE = r"(?:党委书记|党委副书记|执行院长|常务副院长|副院长|院长|书记|主任|理事长|局长)"
SPEAKER_RE = re.compile(
    rf"^(?:——\s*)?(?P<role>{_SPEAKER_ROLE}(?:[、兼]{_SPEAKER_ROLE})*)\s+(?P<name>[{CJK}]{{2,4}})$"
    rf"|^(?P<name2>[{CJK}]{{2,4}})\s*[（(](?P<role2>{_SPEAKER_ROLE}(?:[、兼]{_SPEAKER_ROLE})*)[)）]$"
)
# An address that opens a speech (`各位代表、同志们：`): body text, not a heading or a caption.
SALUTATION_RE = re.compile(r"^[^。！？]{2,30}[:：]$")

SHORT_LINE = 50
MAX_HEADING = 30


@dataclass
class Line:
    text: str
    start: int
    end: int
    gap: int  # blank lines before this one

    @property
    def span(self) -> Span:
        return (self.start, self.end)


LINE_END = re.compile(r"\r\n|\r|\n")
_EDGE_SPACE = " \t\u00a0\u3000\ufeff\u2000\u2001\u2002\u2003\u2009\u200b\u202f"


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans in the raw text (LF, CRLF and CR line ends), and the
    number of blank lines before each."""
    lines: list[Line] = []
    gap = 0
    pos = 0
    while pos <= len(text):
        match = LINE_END.search(text, pos)
        end = match.start() if match else len(text)
        raw = text[pos:end]
        cleaned = clean_line(raw)
        if cleaned:
            lead = len(raw) - len(raw.lstrip(_EDGE_SPACE))
            trail = len(raw) - len(raw.rstrip(_EDGE_SPACE))
            lines.append(Line(cleaned, pos + lead, end - trail, gap if lines else 0))
            gap = 0
        else:
            gap += 1
        if not match:
            break
        pos = match.end()
    return lines


def is_short(text: str) -> bool:
    """Headline, heading or caption material: brief, no sentence punctuation, at most one comma
    (a line of several clauses is prose), and not an opened quotation (a line that opens a quote
    and stops is the first half of a paragraph)."""
    return (
        len(text) <= SHORT_LINE
        and not has_sentence_punctuation(text)
        and text.count("，") + text.count(",") <= 1
        and text.count("“") <= text.count("”")
        and text.count("（") + text.count("(") <= text.count("）") + text.count(")")
    )


def kicker_of(line: Line, next_line: Line | None, at_file_start: bool = False) -> str | None:
    match = KICKER_RE.match(line.text)
    if not match or next_line is None or STOP_RE.match(line.text):
        return None
    org = match["org"]
    if not re.search(ORG_SUFFIX + "$", org) and (len(org) > 20 or not at_file_start):
        return None
    if not is_short(next_line.text) or parse_metadata_line(next_line.text) or STOP_RE.match(next_line.text):
        return None
    return org


def kicker_title_of(line: Line) -> tuple[str, str] | None:
    match = KICKER_TITLE_RE.match(line.text)
    if not match or has_sentence_punctuation(match["title"]) or len(match["title"]) > 45:
        return None
    return match["org"], match["title"].strip()


def label_of(text: str) -> tuple[str | None, str] | None:
    """Split an ordinal label from a heading's words; None when the line has no label."""
    match = BRACKET_HEADING_RE.match(text)
    if match:
        return None, match["heading"].strip()
    match = LABEL_RE.match(text)
    if not match or han_count(match["heading"]) < 2:
        return None
    label = match["a"] or match["b"] or match["c"]
    return label, match["heading"].strip()
