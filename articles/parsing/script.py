"""Traditional characters: read on a simplified copy, shown as printed.

The copy is converted character by character with OpenCC's traditional-to-simplified table, so
it has exactly the length of the printed text: every span found on the copy is a span of the
printed text, and every string taken from the copy is given back in the printed characters.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

from .text import HAN_RE


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


# The characters the copy converts: Chinese ideographs and the compatibility ones.
_CONVERTED_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def _simplified_table() -> dict[str, str]:
    """Each character OpenCC turns into one other character, and that character (about 4,200 of
    28,000). One call for all of them, a line each: no phrase spans a line break, so every
    character is converted on its own, as the copy needs; a character that becomes several
    stays as printed."""
    chars = [chr(code) for low, high in _CONVERTED_RANGES for code in range(low, high + 1)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen: then one call per character
        converted = [_converter().convert(ch) for ch in chars]
    return {ch: new for ch, new in zip(chars, converted) if len(new) == 1 and new != ch}


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return str.maketrans(_simplified_table())


def to_simplified(text: str) -> str:
    """The same text in simplified characters, of the same length."""
    return text.translate(_translation())


@lru_cache(maxsize=1)
def _converting_re() -> re.Pattern:
    """Any Chinese character the copy converts."""
    return re.compile("[" + "".join(sorted(ch for ch in _simplified_table() if HAN_RE.match(ch))) + "]")


def is_traditional(text: str) -> bool:
    """Whether enough of the text is in traditional characters to read it on a converted copy:
    a simplified text has none that convert; a traditional one has one in every few words."""
    sample = text[:20000]
    if not _converting_re().search(sample):  # most texts: one scan, no list of matches
        return False
    changed = len(_converting_re().findall(sample))
    han = len(HAN_RE.findall(sample))
    return han >= 8 and changed >= 3 and changed * 25 >= han


class Printed:
    """Gives strings read on the simplified copy back in the characters the text printed."""

    def __init__(self, printed: str, simplified: str):
        votes: dict[str, Counter] = {}
        for p, s in zip(printed, simplified):
            if p != s:
                votes.setdefault(s, Counter())[p] += 1
        self._table = str.maketrans({s: c.most_common(1)[0][0] for s, c in votes.items()})

    def __call__(self, value):
        return restore(value, self._table)


def restore(value, table):
    """`value` with every string in it translated: strings, tuples, lists, dicts and frozen
    dataclasses (spans, dates and numbers are left alone)."""
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, tuple):
        return tuple(restore(v, table) for v in value)
    if isinstance(value, list):
        return [restore(v, table) for v in value]
    if isinstance(value, dict):
        return {k: restore(v, table) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: restore(getattr(value, f.name), table) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def simplify(value):
    """A parsed value (an article, a paragraph) with every string in simplified characters."""
    return _simplify(value)


def _simplify(value):
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, tuple):
        return tuple(_simplify(v) for v in value)
    if isinstance(value, list):
        return [_simplify(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _simplify(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = re.compile(r"(?P<y>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def arabic_dates(text: str) -> str:
    """`二〇二三年五月十二日` → `2023年5月12日` (for reading dates; not for spans)."""
    return _CN_DATE.sub(
        lambda m: f"{''.join(str(_CN_DIGITS[ch]) for ch in m['y'])}年{_cn_number(m['m'])}月{_cn_number(m['d'])}日", text
    )
