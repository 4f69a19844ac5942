"""What extraction gives for an article: the records, each with the sentence it came from
(`Evidence`) and how sure its rule is; and the sentences of a paragraph, as the rules read them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .facts import Fact
from .places import Place


@dataclass(frozen=True)
class Evidence:
    sentence: str
    paragraph: int  # index into article.paragraphs; -1 for headline material, -2 for a caption
    start: int  # offset of the sentence inside that paragraph's text


@dataclass(frozen=True)
class HospitalMention:
    name: str
    subject: bool
    count: int
    place: Place = Place()
    aliases: tuple[str, ...] = ()
    # How sure the name is one particular hospital's official name (`names.name_confidence`): a
    # subject below REVIEW_THRESHOLD is held for an editor instead of being published.
    confidence: float = 0.9


@dataclass(frozen=True)
class PersonMention:
    name: str
    role: str
    hospital: str | None
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class HonourMention:
    name: str
    year: int | None
    level: str
    kind: str  # "honour" or "designation"
    recipient: str
    recipient_kind: str  # "hospital", "department" or "person"
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Entities:
    hospitals: tuple[HospitalMention, ...]
    people: tuple[PersonMention, ...]
    honours: tuple[HonourMention, ...]
    facts: tuple[Fact, ...] = ()

    @property
    def subject_hospitals(self) -> list[str]:
        return [h.name for h in self.hospitals if h.subject]

    @property
    def mentioned_hospitals(self) -> list[str]:
        return [h.name for h in self.hospitals if not h.subject]


SENTENCE_RE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?[”’\"']?")


def sentences(text: str):
    for match in SENTENCE_RE.finditer(text):
        if match.group(0).strip():
            yield match.start(), match.group(0)
