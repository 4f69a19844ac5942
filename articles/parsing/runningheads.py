"""A document's running heads and feet: the line a word processor or a PDF prints at the top or
bottom of every page (`漯河市中心医院 宣传稿件　内部资料 注意保存`), copied once per page into
the text. Pure text, no Django."""

from __future__ import annotations

import re

from .lines import SEPARATOR_RE, STOP_RE, Line, furniture_of
from .metadata import parse_metadata_line

_SPACES = re.compile(r"\s+")


def running_heads(lines: list[Line]) -> set[int]:
    """Indices of the lines that recur word for word (spaces aside) on two pages or more, each
    time against the page's rule or its page number: not the article's, however it reads."""
    by_text: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = _SPACES.sub(" ", line.text.strip())
        if 4 <= len(text) <= 60 and not SEPARATOR_RE.match(text) and not STOP_RE.match(text):  # `热门评论` under each post
            by_text.setdefault(text, []).append(index)
    heads: set[int] = set()
    for text, indices in by_text.items():
        if len(indices) >= 2 and all(_at_page_edge(lines, index) for index in indices):
            # A head that dates the document (`…党委宣传部　新闻通稿　2023年10月24日`) is read once.
            heads.update(indices[1:] if parse_metadata_line(text) else indices)
    return heads


def _at_page_edge(lines: list[Line], index: int) -> bool:
    for near in (index - 1, index + 1):
        if 0 <= near < len(lines):
            text = lines[near].text.strip()
            if SEPARATOR_RE.match(text) or furniture_of(text) == "dropped_boilerplate" and re.search(r"\d", text):
                return True
    return False
