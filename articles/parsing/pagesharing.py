"""What a page of several items shares once its items are read (structure.py): a roundup's or a
newsletter's header that is no item, a masthead's date, outlet and page editor, a hospital's own
paper whose 我院 is that hospital, a footer under the last item. Pure text, no Django."""

from __future__ import annotations

import re
from dataclasses import replace

from . import closings
from .lines import Line
from .metadata import Byline, parse_metadata_line
from .model import Flag, ParsedArticle

# A newsletter's greeting over its contents (`各位同事：`, `尊敬的读者朋友们：`): no headline.
_GREETING = re.compile(r"^(?:各位|尊敬的|亲爱的)[\u4e00-\u9fff、]{1,10}[：:]$")
_OUR_HOSPITAL = re.compile(r"我院|本院")


def assemble_page(articles: list[ParsedArticle], masthead: Byline | None, house: str | None,
                  lines: list[Line]) -> list[ParsedArticle]:
    """The page's items, with what the page says of all of them: `masthead` is the date, outlet and
    editor printed above the first item, `house` the hospital whose own paper or site it is."""
    if len(articles) > 1 and (not articles[0].paragraphs or (not articles[0].title or _GREETING.match(articles[0].title)
                                                            and sum(len(p.text) for p in articles[0].paragraphs) <= 150)
                              and all(a.title for a in articles[1:])) and any(a.paragraphs for a in articles[1:]):
        # (or, headline-less or greeting its readers, a note above items that all have one: `附上我院近期两篇稿件，
        # 烦请审阅。`, a newsletter's `各位同事：本期共2条要闻，请查阅。`)
        # A roundup's own headline and post line above its items (`一周动态｜…`, then `01` / `某医院：`):
        # no article, but its date and account are every item's.
        masthead = replace(masthead, published=masthead.published or articles[0].published,
                           source=masthead.source or articles[0].source)
        header, articles = articles[0], [
            replace(a, position=k, published=a.published or masthead.published, source=a.source or masthead.source)
            for k, a in enumerate(articles[1:])]
        # What the header held stays accounted for, on the first item.
        articles[0] = replace(articles[0], flags=(Flag("dropped_boilerplate", header.title[:80], header.span),
                                                  *header.flags, *articles[0].flags))
    if len(articles) > 1 and (first := _item_under_header(articles)) is not None:
        # A roundup's headline and post line over items each headed `【…】`: the first item's headline
        # was read as a heading under the roundup's; the roundup's date, outlet and editor are every item's.
        header = articles[0]
        shared = Byline(published=header.published, source=header.source, editors=list(header.editors))
        masthead = shared if masthead is None else replace(masthead, published=masthead.published or shared.published,
                                                           source=masthead.source or shared.source,
                                                           editors=list(masthead.editors) or shared.editors)
        articles[0] = first
    if house:
        # A hospital's own paper or site: an item that says 我院 and names no hospital over its text is its.
        articles = [replace(a, headline_organisations=(house,)) if not a.headline_organisations
                    and _OUR_HOSPITAL.search(" ".join([a.title or "", *(p.text for p in a.paragraphs[:1])])) else a
                    for a in articles]
    if masthead is not None and (masthead.published or masthead.source or masthead.editors):
        # A page's masthead (`健康时报 2023年7月4日 第06版`, `责任编辑：谭丽`) dates and names every
        # item on it, and its page editor edited each.
        articles[1:] = [replace(a, published=a.published or masthead.published, source=a.source or masthead.source,
                                editors=a.editors or tuple(masthead.editors)) for a in articles[1:]]
    if len(articles) > 1 and not articles[-1].paragraphs and any(a.paragraphs for a in articles[:-1]):
        # A page's footer under its last item (`…委员会 版权所有　地址：…`) is no item: its lines stay
        # accounted for on the item above it.
        footer = articles.pop()
        articles[-1] = replace(articles[-1], flags=(*articles[-1].flags, *footer.flags,
                                                    Flag("dropped_boilerplate", footer.title[:80], footer.span)))
    footers = [line for line in lines[-6:] if closings.PAGE_FOOTER.match(line.text)]
    if len(articles) > 1 and footers and (footer := parse_metadata_line(footers[-1].text)):
        # `本版编辑：张晓东　美编：李薇` under the last item (and the imprint, `本期编辑：…`, above its
        # publisher's lines) edits every item on the page.
        articles[:-1] = [replace(a, editors=a.editors or tuple(footer.editors)) for a in articles[:-1]]
    return articles


_BRACKETED_HEADLINE = re.compile(r"^【[^【】]{4,60}】$")


def _item_under_header(articles: list[ParsedArticle]) -> ParsedArticle | None:
    """The first item of a roundup whose later items are each titled `【…】`, when the roundup's own
    headline took its place and its `【…】` headline became the first heading."""
    head = articles[0]
    if not head.sections or not head.sections[0].heading or head.sections[0].label \
            or not all(_BRACKETED_HEADLINE.match(a.title or "") for a in articles[1:]):
        return None
    section = head.sections[0]
    return replace(head, title=f"【{section.heading}】", title_span=section.heading_span, kicker=None, subtitle=None,
                   sections=(replace(section, heading=None, heading_span=None), *head.sections[1:]),
                   flags=(Flag("dropped_boilerplate", head.title[:80], head.title_span or head.span), *head.flags))
