"""Text copied from a page set in two columns (a PDF's, a paper's): each line holds a line of the
left column, a gutter of spaces, and a line of the right one. Read as it stands, the two columns'
sentences alternate line by line; here each page's left column is read before its right one. The
lines keep their spans in the raw text, so nothing is rewritten. Pure text, no Django."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lines import LINE_END, Line
from .text import clean_line

# The gutter between the columns: three or more spaces with text on both sides.
_GUTTER = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=[^ \u00a0])")  # the right line may be indented with `　　`
# A page's number between its pages (`- 6 -`, `— 7 —`).
_PAGE_NUMBER = re.compile(r"^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$")
# How far a line's right half may start from the gutter's column, in display columns.
_SLACK = 3
# Lines that must show the same gutter before a text is read as two columns.
_MIN_SPLIT_LINES = 6


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _raw_lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    while pos <= len(text):
        match = LINE_END.search(text, pos)
        end = match.start() if match else len(text)
        out.append((pos, text[pos:end]))
        if not match:
            break
        pos = match.end()
    return out


def _gutter_column(raws: list[tuple[int, str]]) -> int | None:
    """The display column where the right column's lines start, if enough lines show it."""
    starts: Counter[int] = Counter()
    for _, raw in raws:
        for gutter in _GUTTER.finditer(raw):
            starts[_width(raw[:gutter.end()])] += 1
    if not starts:
        return None
    column, _ = starts.most_common(1)[0]
    near = sum(count for start, count in starts.items() if abs(start - column) <= _SLACK)
    written = sum(1 for _, raw in raws if raw.strip())
    if near < _MIN_SPLIT_LINES or near * 10 < written * 3:
        return None
    return column


def unfold_columns(text: str) -> list[Line] | None:
    """The lines of a two-column text with each page's left column first, or None when the text
    is not set in two columns."""
    raws = _raw_lines(text)
    column = _gutter_column(raws)
    if column is None:
        return None
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    gaps = {"left": 0, "right": 0, "full": 0}

    def part(start: int, raw: str, side: str) -> Line | None:
        stripped = raw.strip()
        if not stripped:
            gaps[side] += 1
            return None
        lead = len(raw) - len(raw.lstrip())
        line = Line(clean_line(raw), start + lead, start + lead + len(stripped), gaps[side], lead)
        gaps[side] = 0
        return line

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for start, raw in raws:
        if not raw.strip():
            for side in gaps:
                gaps[side] += 1
            continue
        split = next((g for g in _GUTTER.finditer(raw) if abs(_width(raw[:g.end()]) - column) <= _SLACK), None)
        lead = len(raw) - len(raw.lstrip())
        if split is not None:
            if (line := part(start, raw[:split.start()], "left")) is not None:
                left.append(line)
            if (line := part(start + split.end(), raw[split.end():], "right")) is not None:
                right.append(line)
            gaps["left"] = gaps["left"] if left else 0
        elif abs(_width(raw[:lead]) - column) <= _SLACK and not _PAGE_NUMBER.match(raw) and (left or right):
            gaps["left"] += 1  # the left column is blank here: a paragraph ends in it
            gutter = len(raw) - len(raw.lstrip(" \u00a0"))  # the right line's own indent (`　　`) is kept
            if (line := part(start + gutter, raw[gutter:], "right")) is not None:
                right.append(line)
        elif _width(raw.rstrip()) < column - _SLACK and lead < _SLACK and (left or right):
            gaps["right"] += 1  # only the left column has a line here
            if (line := part(start, raw, "left")) is not None:
                left.append(line)
        else:
            # A line across the page (a running head, a headline, a page's number): the columns
            # read so far come first.
            flush()
            if (line := part(start, raw, "full")) is not None:
                out.append(line)
    flush()
    return out
