"""Where one article of a file ends and the next begins: a kicker over a headline, a rule, a new
headline with its byline or dateline after the last item's credit, a manuscript's `【主题】` or
`稿件二`, a script's `标题：`, a page's hospital line over each item. Used by structure.py."""

from __future__ import annotations

import re

from .lines import (
    COPYRIGHT_RE,
    LABEL_ONLY_RE,
    ORG_LINE_RE,
    SEPARATOR_RE,
    STOP_RE,
    YEARBOOK_LABEL_RE,
    Line,
    furniture_of,
    is_question_headline,
    is_short,
    kicker_of,
    kicker_title_of,
)
from .metadata import TRAILING_BYLINE, parse_byline, parse_lead_byline, parse_metadata_line

# A site's or an authority's name in English on a line of its own (`Hospital Authority`,
# `PEKING UNIVERSITY HOSPITAL OF STOMATOLOGY`): a masthead's, never a Chinese article's headline.
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z&'’.,\-]*(?: [A-Za-z&'’.,\-]+)+$")
_ITEM_LABEL = re.compile(r"^稿件[一二三四五六七八九十\d]{1,3}$")
_PARTS = "引题|肩题|眉题|主题|主标题|正题|副题|副标题"
# `【主题】…`, or with a colon: `主题：梅州山区群众就医不再“翻山越岭”`.
HEADLINE_PART = re.compile(rf"^(?:[【\[](?=(?:{_PARTS})[】\]])|(?=(?:{_PARTS})\s*[:：]))(?P<role>{_PARTS})(?:[】\]]|\s*[:：])\s*(?P<value>.+)$")
_LABELLED_HEADLINE = re.compile(r"^(?:标题|题目)\s*[:：]\s*\S{6}")


def split_articles(lines: list[Line]) -> list[list[Line]]:
    """Article boundaries: a kicker line followed by a headline, a `XX医院：headline` line, or a
    new headline (followed by metadata) after the previous article's byline."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    body_started = False
    seen_byline = False
    credited = False  # the line before ended with its credit (`…（通讯员 王小雅）`)
    stopped = False  # a block of links (`相关推荐`) closed the article
    edited = False  # the line before credited the item's editor (`（责任编辑：肖雯）`)
    for index, line in enumerate(lines):
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        starts = False
        if current and body_started:
            if (kicker_of(line, nxt) or kicker_title_of(line)) and not _in_list_of_bodies(lines, index):
                starts = True
            elif ORG_LINE_RE.match(line.text) and nxt is not None and YEARBOOK_LABEL_RE.match(nxt.text):
                starts = True  # a yearbook's next entry: its name, then `【概况】…`
            elif _ITEM_LABEL.match(line.text):
                starts = True  # `稿件二`: a script's or a manuscript's next item
            elif headline_part(lines, index) and not HEADLINE_PART.match(lines[index - 1].text):
                starts = True  # `【引题】` or `【主题】` after a text: a manuscript's next article
            elif _LABELLED_HEADLINE.match(line.text) and any(_LABELLED_HEADLINE.match(other.text) for other in current[:8]):
                starts = True  # `标题：…` again, as the item before began: a script's or a digest's next item
            elif ORG_LINE_RE.match(line.text) and line.gap and nxt is not None and nxt.gap and is_short(nxt.text) \
                    and len(nxt.text) >= 8 and not ORG_LINE_RE.match(nxt.text) and not parse_metadata_line(nxt.text) \
                    and not furniture_of(nxt.text) and not _dated(nxt.text) \
                    and any(ORG_LINE_RE.match(other.text) for other in current[:8]) and not _in_list_of_bodies(lines, index):
                starts = True  # `江西省儿童医院` over its headline, as the item before began: a page's next item
            elif rubric_over_headline(lines, index):
                starts = True  # `■来信反映·部门回复` over the next item's headline: a page's next item
            elif SEPARATOR_RE.match(line.text) and (after := _after_reprint_note(lines, index + 1)) is not None \
                    and is_short((headline := lines[after]).text) and not _UPDATE.match(headline.text) \
                    and not parse_metadata_line(headline.text) and not COPYRIGHT_RE.search(headline.text) \
                    and not furniture_of(headline.text) and not STOP_RE.match(headline.text):
                # a rule, then a headline (a digest's reprint notes between them: `转载自：…`, `原文链接：…`)
                starts = True
            elif SEPARATOR_RE.match(line.text) and nxt is not None and (posted := parse_metadata_line(nxt.text)) \
                    and posted.published and posted.source:
                starts = True  # a rule, then the next post's account and time (`某医院　发布时间：…`): a headline-less post
            elif is_short(line.text) and nxt is not None and (
                seen_byline and (parse_metadata_line(nxt.text) or _is_reporter_line(nxt.text))
                or line.gap and _dated(nxt.text)  # a headline after a blank line, its date under it
                or credited and not is_short(nxt.text)  # a brief's headline after the last one's credit
                or _opens_with_dispatch(lines, index)  # a headline (and its column) above `本报讯（…）`
            ) and not parse_metadata_line(line.text) and not parse_byline(line.text) and not furniture_of(line.text):
                starts = True
        if current and not body_started and SEPARATOR_RE.match(line.text) and not SEPARATOR_RE.match(current[0].text) \
                and (after := _after_reprint_note(lines, index + 1)) is not None and headline_part(lines, after) is not None:
            starts = True  # a clippings file's own heading, then its first clipping under a rule
        if current and not starts and edited and line.gap and is_short(line.text) and nxt is not None \
                and len(nxt.text) > 40 and "。" in nxt.text and not STOP_RE.match(line.text) \
                and not parse_metadata_line(line.text) and not furniture_of(line.text):
            starts = True  # `（责任编辑：肖雯）`, then the next headline and its text: a periodical's next item
        if current and not starts and LABEL_ONLY_RE.match(line.text) and nxt is not None \
                and kicker_of(nxt, lines[index + 2] if index + 2 < len(lines) else None) \
                and any(is_short(other.text) and not LABEL_ONLY_RE.match(other.text) for other in current):
            starts = True  # `01` / `南昌大学第一附属医院：` in a roundup: the next item, even before any text
        if starts and stopped and not any(len(later.text) > 40 and "。" in later.text and not furniture_of(later.text)
                                          for later in lines[index + 1:index + 6]):
            starts = False  # `作者最新文章` and its list of headlines: links, no item of the page
        if starts:
            blocks.append(current)
            current, body_started, seen_byline, stopped = [], False, False, False
        edited = body_started and bool((meta := parse_metadata_line(line.text)) and meta.editors)
        if body_started and STOP_RE.match(line.text) and is_short(line.text):
            stopped = True
        current.append(line)
        if not is_short(line.text) and not parse_metadata_line(line.text) and not furniture_of(line.text) \
                and not LATIN_NAME.match(line.text) \
                and not (not body_started and is_question_headline(line.text)):  # nor a headline that cries or asks
            body_started = True
        if body_started and (parse_byline(line.text) or TRAILING_BYLINE.search(line.text)):
            seen_byline = True
        credited = body_started and not is_short(line.text) and TRAILING_BYLINE.search(line.text) is not None
    if current:
        blocks.append(current)
    return blocks


def headline_part(lines: list[Line], index: int) -> re.Match | None:
    """A labelled part of a stacked headline at `index`. Bracketed (`【主题】…`) alone; with a
    colon (`主题：…`) only beside another part, since a message's subject line reads `主题：` too."""
    part = HEADLINE_PART.match(lines[index].text)
    if part is None or lines[index].text.startswith(("【", "[")):
        return part
    neighbours = (lines[j].text for j in (index - 1, index + 1) if 0 <= j < len(lines))
    return part if any(HEADLINE_PART.match(text) for text in neighbours) else None


def _after_reprint_note(lines: list[Line], index: int) -> int | None:
    """The index of the line after a rule and the reprint's notes under it (up to three lines)."""
    for skipped in range(4):
        if index + skipped >= len(lines):
            return None
        line = lines[index + skipped]
        if skipped < 3 and (SEPARATOR_RE.match(line.text) or _REPRINT_NOTE.match(line.text) and parse_metadata_line(line.text)
                            or (meta := parse_metadata_line(line.text)) and (meta.published or meta.source)):
            continue  # (or a clipping's paper and day, between two rules)
        return index + skipped
    return None


_REPRINT_NOTE = re.compile(r"^(?:转载自|本文转自|转自|来源|原文链接|原文地址|原载)\s*[:：]")
# A post's author adding to it under a rule: `楼主更新 2021-11-25 19:40`, `更新：`, `补充：`.
_UPDATE = re.compile(r"^(?:楼主|作者)?(?:更新|补充|追加)")
# A page's rubric over an item (`■读者来信`, `◆来信反映·部门回复`): a mark and a few words.
_RUBRIC = re.compile(r"^[■◆●▶►]\s*[\u4e00-\u9fff·、]{2,10}$")
# A letter's salutation (`编辑同志：`, `尊敬的编辑：`): the letter's first words, not a headline's.
SALUTATION = re.compile(r"^(?:尊敬的)?[\u4e00-\u9fff]{0,8}(?:编辑|记者|编辑部|同志|领导)(?:同志|们)?(?:您好|你好)?[：:]$")


def rubric_over_headline(lines: list[Line], index: int) -> bool:
    """A rubric line, a headline under it, then a text or a letter's salutation: the page's next
    item (a section heading inside an article has its paragraph right under it)."""
    if not _RUBRIC.match(lines[index].text) or index + 2 >= len(lines):
        return False
    headline, after = lines[index + 1].text, lines[index + 2].text
    return (is_short(headline.rstrip("？！?!")) and len(headline) >= 6 and not _RUBRIC.match(headline)
            and not re.match(r"[\u4e00-\u9fffA-Za-z]{1,4}[:：]", headline)  # `问：…` under `■ 对话梁晓敏`: an interview
            and not parse_metadata_line(headline) and (SALUTATION.match(after) is not None or not is_short(after)))


def _opens_with_dispatch(lines: list[Line], index: int) -> bool:
    """The line after `index`, or the one after that below a headline, opens a news lead with its
    dispatch and byline (`本报讯（通讯员 高雅）…`): a new item starts at `index`."""
    for step in (1, 2):
        if index + step >= len(lines) or step == 2 and not is_short(lines[index + 1].text):
            return False
        if parse_lead_byline(lines[index + step].text) and "讯" in lines[index + step].text[:12]:
            return True
    return False


def _dated(text: str) -> bool:
    """A page's date line (`发布时间：2023-04-12 来源：云南网`), not a bare date under a signature."""
    meta = parse_metadata_line(text)
    return bool(meta and meta.published and (meta.source or "时间" in text or "日期" in text))


def _is_reporter_line(text: str) -> bool:
    byline = parse_byline(text)
    return bool(byline and byline.authors and not byline.credit)


def _in_list_of_bodies(lines: list[Line], index: int) -> bool:
    """`宜昌市中心人民医院` / `十堰市太和医院护理部` among a list of those honoured: one name a line
    before and after it, no kicker over the next item's headline."""
    before = lines[index - 1] if index else None
    after = lines[index + 2] if index + 2 < len(lines) else None
    return before is not None and after is not None and _names_a_body(before.text) and is_short(after.text) \
        and _names_a_body(after.text)


def _names_a_body(text: str) -> bool:
    return ORG_LINE_RE.match(text) is not None or _DEPARTMENT_LINE.match(text) is not None


# A hospital's or a body's department on a line of its own: `武汉大学中南医院重症医学科`.
_DEPARTMENT_LINE = re.compile(r"^[\u4e00-\u9fff]{4,30}(?:医院|中心|研究所|委员会)[\u4e00-\u9fff]{1,12}(?:科|部|室|所|中心)$")
