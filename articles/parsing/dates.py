"""Dates as pages print them: `2023年5月12日`, `2023-05-12`, `二〇二三年五月十二日`, `Nov. 3, 2023`,
Taiwan's `民國112年`. Pure Python, no Django."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .script import arabic_dates

_DATE_PATTERNS = (
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)"),
)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ENGLISH_DATE = re.compile(r"\b(?P<m>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?\s+(?P<d>\d{1,2}),?\s+"
                           r"(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
# Taiwan's calendar: 民國112年 is 2023.
ROC_YEAR = re.compile(r"(?:中[华華])?民[国國]\s*(?P<y>\d{2,3})\s*年")


def parse_date(text: str) -> dt.date | None:
    text = arabic_dates(unicodedata.normalize("NFKC", text))
    text = ROC_YEAR.sub(lambda m: f"{int(m['y']) + 1911}年", text)
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    match = ENGLISH_DATE.search(text)
    if match:
        try:
            return dt.date(int(match["y"]), _MONTHS.index(match["m"][:3].lower()) + 1, int(match["d"]))
        except ValueError:
            return None
    return None
