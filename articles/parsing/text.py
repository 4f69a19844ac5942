"""Character classes and the small, local text repairs (each returns what it changed)."""

from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation that hugs the characters around it: a space beside it is never meant.
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
HAN_RE = re.compile(f"[{CJK}]")
# Spaces between two Chinese characters: padding or OCR (`主任 刘振华 介绍`, `常 德 市`), never meant.
CJK_GAP_RE = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")

# Every kind of horizontal space the seeds use: ASCII, no-break, ideographic, thin …
SPACE_CLASS = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
SPACES_RE = re.compile(SPACE_CLASS + "+")

# Sentence-final marks; a paragraph that ends without one (closing quotes and brackets aside)
# stops mid-sentence.
SENTENCE_END = "。！？!?…；;"
CLOSERS = "”’」』）)》〉】\"'"

COLONS = ":："


# What stands where markup was taken out of a text (parsing/markup.py), keeping its length: read
# as nothing.
FILLER = "\u2060"


def clean_line(line: str) -> str:
    """Collapse every kind of space to one ASCII space and trim; drop FILLER."""
    if FILLER in line:
        line = line.replace(FILLER, "")
    return SPACES_RE.sub(" ", line).strip()


def han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN_RE.findall(text)))  # runs, not characters: a third of the time


_HAN_RUN_RE = re.compile(f"[{CJK}]+")


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS + " ")
    # (and a full stop after a word, not after a number: an English paragraph of a bilingual page)
    return bool(stripped) and (stripped[-1] in SENTENCE_END
                               or stripped[-1] == "." and len(stripped) > 1 and not stripped[-2].isdigit())


def has_sentence_punctuation(text: str) -> bool:
    return any(ch in text for ch in "。！？!?；;")


# A space with Chinese (a character or its punctuation) on at least one side. Between two Latin
# words or numbers a space is meant and stays.
_CJK_SIDE_SPACE = re.compile(f"(?<=[{CJK}{CJK_PUNCT}]) +|(?<! ) +(?=[{CJK}{CJK_PUNCT}])")


def ocr_space_count(text: str) -> int:
    if " " not in text:
        return 0
    return len(_CJK_SIDE_SPACE.findall(text))


def remove_cjk_spaces(text: str) -> str:
    return _CJK_SIDE_SPACE.sub("", text)


def looks_ocr_spaced(text: str) -> bool:
    """Typesetting spaces come in ones and twos (`“学史爱党 学史爱国”`); OCR of a narrow
    newspaper column leaves one every line width, so many spaces in one paragraph mean OCR."""
    count = ocr_space_count(text)
    return count >= 3 and count * 40 >= han_count(text)


# ` and ` between Chinese words: a machine translation or OCR artefact for 和.
_STRAY_AND = re.compile(f"(?<=[{CJK}]) ?and ?(?=[{CJK}])")


def fix_stray_and(text: str) -> tuple[str, list[str]]:
    if "and" not in text:  # the pattern's lookbehind makes it try every position; most texts have none
        return text, []
    found = [m.group(0) for m in _STRAY_AND.finditer(text)]
    return _STRAY_AND.sub("和", text), found


# A lower-case Latin word inside Chinese text that is no unit or known abbreviation: OCR or
# translation debris an editor should look at (`建设 of 制度`). Upper-case (CT, PCI) is meant.
_STRAY_WORD = re.compile(f"(?<=[{CJK}{CJK_PUNCT}]) ?([a-z]{{2,}}) ?(?=[{CJK}{CJK_PUNCT}])")
_LATIN_MEANT = {"mm", "cm", "km", "kg", "mg", "ml", "mmol", "ct", "app", "vs", "pm", "am", "mri", "icu", "pci", "www"}


_TWO_LOWER = re.compile("[a-z]{2}")


def stray_latin_words(text: str) -> list[str]:
    if not _TWO_LOWER.search(text):  # a quick scan first: the pattern itself tries every position
        return []
    return [m.group(1) for m in _STRAY_WORD.finditer(text) if m.group(1) not in _LATIN_MEANT]


# `-个`, `·份`, `--场`: OCR read the long 一 stroke as a dash or a dot. Only before a measure word
# and after a Chinese character, where 一 is the only reading.
MEASURE_WORDS = "个份场项名位次种条件家批支把张所座块片面颗本届轮期天年"
_DASH_ONE = re.compile(f"(?:(?<=[{CJK}])|^)(?:-{{1,2}}|－{{1,2}}|·|‐|‑|–)(?=[{MEASURE_WORDS}])")


_DASH_LIKE = ("-", "－", "·", "‐", "‑", "–")


def fix_dash_one(text: str) -> tuple[str, list[str]]:
    if not any(dash in text for dash in _DASH_LIKE):  # as in fix_stray_and
        return text, []
    found = [m.group(0) for m in _DASH_ONE.finditer(text)]
    return _DASH_ONE.sub("一", text), found


def normalise_for_compare(text: str) -> str:
    """Key for spotting repeated paragraphs: no spaces, no punctuation differences."""
    return re.sub(f"[\\s{CJK_PUNCT},.;:!?\"'()]", "", text)
