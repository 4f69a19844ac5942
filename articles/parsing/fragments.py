"""Whole files the parser cannot read as laid out: a scan's OCR that spaced every line, and a
file of short fragments (a word list, a table dumped a cell a line). Used by
articles/parsing/structure.py; pure text, no Django."""

from __future__ import annotations

from dataclasses import replace

from .lines import Line
from .model import Flag, Paragraph, ParsedArticle, Section
from .text import CJK_GAP_RE, han_count, has_sentence_punctuation, remove_cjk_spaces

# A file of many lines, most of them a few characters long, is no layout the parser knows (a
# word list, a table dumped a cell a line, text broken every few characters): read as captions,
# it gave tens of thousands of them.
FRAGMENT_LINES = 200
FRAGMENT_LENGTH = 12
PARAGRAPH_LINES = 100


def despaced(lines: list[Line]) -> tuple[list[Line], bool]:
    """A scan's OCR that left a space every few characters throughout (`常 德 市 第 一 人 民 医 院`):
    the spaces go from every line before anything is read (a headline, a name, a masthead), not
    only from the paragraphs. Whether it did so."""
    if not any(" " in line.text for line in lines):  # most texts: no line can be spaced
        return lines, False
    texts = [line.text for line in lines if han_count(line.text) >= 6]
    spaced = sum(1 for text in texts if len(CJK_GAP_RE.findall(text)) * 5 >= han_count(text))
    if len(texts) < 3 or spaced * 2 < len(texts):
        return lines, False
    return [replace(line, text=remove_cjk_spaces(line.text)) for line in lines], True


def fragmented(lines: list[Line]) -> bool:
    if len(lines) < FRAGMENT_LINES:
        return False
    short = sum(1 for line in lines if len(line.text) <= FRAGMENT_LENGTH and not has_sentence_punctuation(line.text))
    return short * 5 >= len(lines) * 3


def fragments_article(lines: list[Line]) -> ParsedArticle:
    """One article whose body is the lines in groups, flagged for an editor: nothing is lost and
    nothing is guessed (no headline, headings or captions)."""
    paragraphs = []
    for start in range(0, len(lines), PARAGRAPH_LINES):
        group = lines[start:start + PARAGRAPH_LINES]
        paragraphs.append(Paragraph(" ".join(line.text for line in group), tuple(line.span for line in group)))
    short = sum(1 for line in lines if len(line.text) <= FRAGMENT_LENGTH)
    flags = (
        Flag("fragmented_text", f"{short} / {len(lines)} 行是不足 {FRAGMENT_LENGTH} 字的短句，未按文章版式解析",
             (lines[0].start, lines[-1].end)),
        Flag("missing_title", lines[0].text, lines[0].span),
    )
    return ParsedArticle(
        position=0, span=(lines[0].start, lines[-1].end), kicker=None, title="", title_span=None, subtitle=None,
        published=None, source=None, authors=(), editors=(), sections=(Section(None, None, None, tuple(paragraphs)),),
        captions=(), flags=flags,
    )
