"""Parse hospital features from plain-text files. Pure Python: no Django in this package.

    parsed = parse_bytes("seeds/000.txt", data)
    parsed.articles[0].title
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from .decode import DecodeError, decode_bytes
from .markup import strip_markup
from .model import Caption, Flag, Paragraph, ParsedArticle, ParsedFile, Section
from .records import EXPORT_SUFFIXES, NO_RECORDS, read_records, record_text, with_fields
from .script import Printed, is_traditional, to_simplified
from .structure import parse_articles

__all__ = [
    "Caption", "DecodeError", "Flag", "Paragraph", "ParsedArticle", "ParsedFile", "Section", "parse_bytes", "parse_text",
]


# Kangxi radicals and their supplement (`⽇`, `⼿`), which a PDF made in a word processor copies
# out for the characters they look like: each is read as its character (NFKC), one for one, so
# every span holds.
_RADICALS = {code: unicodedata.normalize("NFKC", chr(code)) for code in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]
             if len(unicodedata.normalize("NFKC", chr(code))) == 1}
# The supplement's simplified forms have no NFKC form: `深圳市南山区⼈⺠医院书记兼院⻓`.
_RADICALS.update({ord(radical): character for radical, character in zip(
    "⺠⻓⻔⻢⻛⻋⻜⻅⻆⻉⻄⻘⻝⻩⻬⻚⻥⻦⻰⻮⻨", "民长门马风车飞见角贝西青食黄齐页鱼鸟龙齿麦", strict=True)})
_RADICAL_RE = re.compile("[" + "".join(map(chr, sorted(_RADICALS))) + "]")


def parse_text(text: str) -> list[ParsedArticle]:
    """A traditional-script text is parsed on its simplified copy (same length, so every span
    holds) and its articles are given back in the printed characters. Markup (HTML, Markdown)
    is read as a reader sees the page, again at the same length (parsing/markup.py). A file of
    records (a feed, a CSV or JSON export) is read record by record (parsing/records.py)."""
    return _parse_records(text, read_records(text))


def _parse_records(text: str, records) -> list[ParsedArticle]:
    if records:
        articles = []
        for record in records:
            variant = record_text(text, record)
            parsed = [a for a in _parse_page(variant) if a.title or a.paragraphs]
            if parsed:
                articles += [with_fields(parsed[0], text, record, variant), *parsed[1:]]
        if articles:
            return _with_export_lines(articles, records, text)
    return _parse_page(text)


def _with_export_lines(articles: list[ParsedArticle], records, text: str) -> list[ParsedArticle]:
    """The export's own lines (a feed's channel, a header row, a rule between records) accounted
    for on the article before them, those above the first record on the first article."""
    bounds = [0, *(edge for record in records for edge in record.span), len(text)]
    extra: dict[int, list] = {}
    for gap in zip(bounds[::2], bounds[1::2]):
        if text[gap[0]:gap[1]].strip():
            before = [k for k, article in enumerate(articles) if article.span[1] <= gap[0]]
            extra.setdefault(before[-1] if before else 0, []).append(("metadata", gap))
    return [replace(article, position=k, consumed=(*article.consumed, *extra.get(k, ())))
            for k, article in enumerate(articles)]


def _parse_page(text: str) -> list[ParsedArticle]:
    text = strip_markup(text)
    if _RADICAL_RE.search(text):  # (a translation looks up every character: a tenth of the parse)
        text = text.translate(_RADICALS)
    if is_traditional(text):
        simplified = to_simplified(text)
        printed = Printed(text, simplified)
        return [replace(printed(a), script="traditional") for a in parse_articles(simplified)]
    return parse_articles(text)


def parse_bytes(path: str, data: bytes) -> ParsedFile:
    """Decode and parse one file. A file that cannot be decoded, or holds no article, comes back
    with `error` set and no articles; nothing raises for bad content."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return ParsedFile(path=path, sha256=digest, size=len(data), encoding=None, text="", error=str(exc))
    if not text.strip():
        return ParsedFile(path=path, sha256=digest, size=len(data), encoding=encoding, text=text,
                          error="the file holds only white space")
    records = read_records(text)
    if path.lower().endswith(EXPORT_SUFFIXES) and records is None:
        # Read as prose, a spreadsheet's or a crawler's export would be one article of its fields.
        return ParsedFile(path=path, sha256=digest, size=len(data), encoding=encoding, text=text, error=NO_RECORDS)
    articles = tuple(a for a in _parse_records(text, records) if a.title or a.paragraphs)
    if not articles:
        return ParsedFile(path=path, sha256=digest, size=len(data), encoding=encoding, text=text,
                          error="no article found: no headline followed by text")
    if not any(a.paragraphs for a in articles):
        return ParsedFile(path=path, sha256=digest, size=len(data), encoding=encoding, text=text,
                          error="a headline but no body text")
    return ParsedFile(path=path, sha256=digest, size=len(data), encoding=encoding, text=text, articles=articles)
