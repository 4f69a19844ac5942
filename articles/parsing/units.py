"""The units of an article's body (paragraphs, short lines, headings, captions) and how a
short line is read: a heading of the article's style, a photo's caption, or a table's or list's
text. Pure text, no Django; used by structure.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import (
    BRACKET_HEADING_RE,
    CAPTION_RE,
    COMMA_HEAD_RE,
    FIELD_LINE_RE,
    HEADING_MARK_RE,
    MAX_HEADING,
    ORG_LINE_RE,
    SPACED_RE,
    is_credited_caption,
    is_short,
    label_of,
)
from .model import Span


@dataclass
class Unit:
    kind: str  # "para", "short", "heading", "caption"
    text: str
    spans: list[Span]
    gap: int
    label: str | None = None


def heading_style(units: list[Unit]) -> str:
    shorts = [u for u in units if u.kind == "short" and len(u.text) <= MAX_HEADING]
    labelled = sum(1 for u in shorts if label_of(u.text))
    spaced = sum(1 for u in shorts if SPACED_RE.match(u.text))
    listed = marked_list(units)
    marked = sum(1 for i, u in enumerate(shorts) if HEADING_MARK_RE.match(u.text) and id(u) not in listed)
    if marked >= 2:
        return "marked"
    if labelled >= 2:
        return "labelled"
    if spaced >= 2:
        return "spaced"
    return "plain"

# A report's parts that carry no ordinal among those that do.
_UNLABELLED_PARTS = ("前言", "引言", "序言", "结语", "结束语", "后记", "附录", "概述", "小结", "总结", "编者按")


def marked_list(units: list[Unit]) -> set[int]:
    """The short lines (by id) that stand in a run of marked lines: a list (`◆ 急诊医学科荣获…`
    under `主要有：`), its items text, not headings nor captions."""
    marked = [u.kind == "short" and bool(HEADING_MARK_RE.match(u.text)) for u in units]
    return {id(u) for i, u in enumerate(units)
            if marked[i] and ((i and marked[i - 1]) or (i + 1 < len(units) and marked[i + 1]))}


def fits_style(unit: Unit, style: str) -> bool:
    if len(unit.text) > MAX_HEADING:
        return False
    if style != "plain" and (BRACKET_HEADING_RE.match(unit.text) or unit.text in _UNLABELLED_PARTS):
        return True  # `【医院荣誉】` among `◆ …` headings, `前言` before `第一部分 …`
    if style == "marked":
        return bool(HEADING_MARK_RE.match(unit.text))
    if style == "labelled":
        return bool(label_of(unit.text))
    if style == "spaced":
        return bool(label_of(unit.text) or SPACED_RE.match(unit.text))
    return False


_QUOTED_LINE = re.compile(r"“[^“”]{2,24}”")


# Short lines that are no photo's caption though they stand where one would: a note in brackets
# (`（本期播出稿完）`), a script's cue (`【现场声】（仪器提示音）`), a signature's date or a running
# foot's (`…医院2024年1月26日`, `第3版 今日沅溪 2024年5月17日`), names with their departments
# (`许文斌（神经外科）陶静（儿科）`), an ordinal's item (`二、开设…门诊，推动…`).
_NO_CAPTION = re.compile(
    r"^(?:[（(](?:本期|本文|本稿|完)|【[^】]{1,6}】)"
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$"
    r"|^(?:[\u4e00-\u9fff]{2,3}\s?[（(][^（()）]{2,10}[)）]\s*){2,}$"
    r"|^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、．.]"
)


def could_be_caption(text: str) -> bool:
    """Whether a short line left over by the headings may be a photo's caption: not English (a
    bilingual page's line), nor one of _NO_CAPTION's, nor an organisation's name alone."""
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return not (latin * 2 > len(text) or _NO_CAPTION.search(text) or ORG_LINE_RE.fullmatch(text))  # (a signature)


def classify_shorts(units: list[Unit], style: str) -> None:
    """Each short line a heading, a caption or (in a table or list) text."""
    short_runs_are_rows(units)
    for unit in units:
        if unit.kind == "short" and _CAREER_LINE.match(unit.text):
            unit.kind = "para"  # `1985.09—1990.07 兰州医学院临床医学专业学习`: a line of someone's career
    # A feature's subheads may hold a comma (`专家常驻，县里能做的手术多了`): when two or more
    # such lines stand alone between paragraphs, they are its headings, not captions.
    comma_heads = sum(1 for index, unit in enumerate(units)
                      if unit.kind == "short" and COMMA_HEAD_RE.match(unit.text) and between_paragraphs(units, index))
    # So may a quoted subhead among quoted ones (`“小病不出乡，大病不出县”`, then `“专家就在家门口”`).
    quoted_heads = sum(1 for index, unit in enumerate(units)
                       if unit.kind == "short" and _QUOTED_LINE.fullmatch(unit.text) and between_paragraphs(units, index))
    listed = marked_list(units)
    for index, unit in enumerate(units):
        if unit.kind != "short":
            continue
        if id(unit) in listed:
            unit.kind = "para"
            continue
        if style != "plain":
            unit.kind = "heading" if fits_style(unit, style) else "caption" if could_be_caption(unit.text) else "para"
            continue
        previous = units[index - 1] if index else None
        following = units[index + 1] if index + 1 < len(units) else None
        labelled = label_of(unit.text)
        stands_alone = (
            following is not None
            and (following.kind == "para" or BRACKET_HEADING_RE.match(unit.text) is not None)
            and (previous is None or previous.kind in ("para", "heading") or BRACKET_HEADING_RE.match(unit.text)
                 # a photo marked as such between two paragraphs (`▲…`, `图为…`) ends nothing
                 or previous.kind == "caption"
                 and (CAPTION_RE.match(previous.text) is not None or is_credited_caption(previous.text))
                 and index >= 2 and units[index - 2].kind == "para")
            and len(unit.text) <= MAX_HEADING
            and (not re.search(r"[,，、]", labelled[1] if labelled else unit.text)
                 or comma_heads >= 2 and COMMA_HEAD_RE.match(unit.text) is not None
                 or quoted_heads >= 2 and _QUOTED_LINE.fullmatch(unit.text) is not None)
            and (previous is not None or index == 0)
        )
        unit.kind = "heading" if stands_alone else "caption" if could_be_caption(unit.text) else "para"
    lists_are_no_headings(units)
    for unit in units:
        if unit.kind == "heading":
            unit.text = HEADING_MARK_RE.sub("", unit.text)
            labelled = label_of(unit.text)
            if labelled:
                unit.label, unit.text = labelled


def field_subheads(units: list[Unit]) -> None:
    """Two or more short `X：Y` lines, each alone between paragraphs, are a feature's subheads
    (`管理帮扶：从“输血”到“造血”`, `技术帮扶：县里能做的手术多了`), not fields such as `院训：…`, which
    stand together or once."""
    found = [i for i, unit in enumerate(units[1:-1], 1)
             if unit.kind == "para" and is_short(unit.text) and FIELD_LINE_RE.match(unit.text)
             and all(units[j].kind == "para" and not FIELD_LINE_RE.match(units[j].text) for j in (i - 1, i + 1))]
    if len(found) >= 2:
        for i in found:
            units[i].kind = "short"


def short_runs_are_rows(units: list[Unit]) -> None:
    """A flattened table (`医院名称` / `所属地区` / `医院等级` / `苏州市立医院` / …): short lines in a
    row that open with a column's name are its cells, text, not headings or captions of photos."""
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and units[end].kind == "short" and not (end > start and _SECTION_ORDINAL.match(units[end].text)):
            end += 1  # (`三、引进待遇` under the table's last row heads what follows)
        header = next((k for k in range(start, min(end, start + 3)) if COLUMN_NAME.match(units[k].text)), None)
        if header is not None and end - header >= 3:
            for unit in units[header:end]:  # not a heading above the table (`一、优秀医师（8名）`)
                unit.kind = "para"
        start = end + 1


_CAREER_LINE = re.compile(r"^(?:19|20)\d{2}(?:[.．年]\d{1,2}月?)?\s*[—–\-~～至]+\s*(?:(?:19|20)\d{2}(?:[.．年]\d{1,2}月?)?|今)")
_SECTION_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
_COLUMNS = (r"(?:序号|编号|名称|医院名称|单位名称|机构名称|姓名|科室|所在科室|岗位|岗位类别|岗位名称|招聘人数|引进人数|人数|专业|专业要求"
            r"|学历|学历学位|学历（学位）|职称|所属地区|地区|等级|医院等级|备注|类别)")
# A table's header row: a column's name, then a space, the end, or the next column's name (the
# spaces between cells read as padding and taken out: `序号岗位名称引进人数…`).
COLUMN_NAME = re.compile(rf"^{_COLUMNS}(?:\s|$|{_COLUMNS})")


_ORDINAL_FAMILY = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|篇))$")


def lists_are_no_headings(units: list[Unit]) -> None:
    """Three or more headings in a row with no text between them are a list or a table's rows
    (`1 四川省妇幼保健院 改善医疗服务示范单位`): body text, not sections."""
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and units[end].kind == "heading":
            end += 1
        if end - start >= 3:
            # (but the headings of a grouped list stay: `一、三级甲等综合医院（4家）` over `1. …`, `2. …`,
            # then `二、…` over the next items)
            labels = [label[0] if (label := label_of(u.text)) else "" for u in units[start:end]]
            grouped = bool(_ORDINAL_FAMILY.match(labels[0])) and all(
                _ORDINAL_FAMILY.match(label) or label.isdigit() for label in labels) \
                and all(labels[k + 1].isdigit() for k, label in enumerate(labels[:-1]) if _ORDINAL_FAMILY.match(label))
            for unit, label in zip(units[start:end], labels):
                if not (grouped and _ORDINAL_FAMILY.match(label)):
                    unit.kind = "para"
        start = end + 1


def between_paragraphs(units: list[Unit], index: int) -> bool:
    return 0 < index < len(units) - 1 and units[index - 1].kind == "para" and units[index + 1].kind == "para"
