"""What the parser produces: plain frozen dataclasses, no Django.

Every piece of text the parser keeps carries the spans (start, end character offsets into the
decoded raw text) it was built from, so an editor can always go back to the source. A paragraph
joined across a column break or a caption has several spans.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Flag:
    """Something an editor should look at: a repair the parser made, or text it doubts."""

    kind: str
    excerpt: str
    span: Span | None = None

    def as_json(self) -> dict:
        return {"kind": self.kind, "excerpt": self.excerpt, "span": list(self.span) if self.span else None}


@dataclass(frozen=True)
class Paragraph:
    text: str
    spans: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return (self.spans[0][0], self.spans[-1][1])


@dataclass(frozen=True)
class Caption:
    text: str
    span: Span


@dataclass(frozen=True)
class Section:
    label: str | None
    heading: str | None
    heading_span: Span | None
    paragraphs: tuple[Paragraph, ...]

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "heading": self.heading,
            "paragraphs": [p.text for p in self.paragraphs],
        }


@dataclass(frozen=True)
class ParsedArticle:
    position: int
    span: Span
    kicker: str | None
    title: str
    title_span: Span | None
    subtitle: str | None
    published: dt.date | None
    source: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    sections: tuple[Section, ...]
    captions: tuple[Caption, ...]
    flags: tuple[Flag, ...]
    # Headline-level hospital names (kicker, or a name printed in front of the title) that the
    # entity step uses to decide what the article is about.
    headline_organisations: tuple[str, ...] = ()
    # Lines read as headline, metadata, byline or credit: (what, span). With the spans of the
    # body, captions and flags they account for every character of the article's text.
    consumed: tuple[tuple[str, Span], ...] = ()
    # "traditional" when the text is printed in traditional characters: it was read on a
    # simplified copy of the same length, and its strings are given back as printed.
    script: str = "simplified"
    # Who delivers a report or speech printed under its title (`院长 李明华`): (name, role).
    speakers: tuple[tuple[str, str], ...] = ()
    # The organisation that signs a notice or letter under its text (`三亚市人民医院`), if one does.
    signed_by: str | None = None

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def accounted_spans(article: ParsedArticle) -> list[Span]:
    """Every span of raw text the parser kept, used, or dropped with a flag."""
    spans: list[Span] = [span for _, span in article.consumed]
    spans += [span for paragraph in article.paragraphs for span in paragraph.spans]
    spans += [s.heading_span for s in article.sections if s.heading_span]
    spans += [c.span for c in article.captions]
    spans += [f.span for f in article.flags if f.span]
    if article.title_span:
        spans.append(article.title_span)
    return spans


@dataclass(frozen=True)
class ParsedFile:
    path: str
    sha256: str
    size: int
    encoding: str | None
    text: str
    articles: tuple[ParsedArticle, ...] = field(default_factory=tuple)
    error: str | None = None
