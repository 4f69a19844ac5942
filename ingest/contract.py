"""The JSON document `import_seeds --dry-run --json` prints (see README, "The parse contract").

Outside tools score this document, so its keys are a public interface: add, never rename.
Django-free, so that the parser and its contract can be tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.extraction.entities import Entities, extract
from articles.extraction.segmenter import (
    bigrams,
    clean_tokens,
    index_tokens,
    keywords_from_words,
    search_tokens,
    search_tokens_from_words,
    taught,
    words,
)
from articles.parsing import ParsedArticle, ParsedFile
from articles.parsing.script import Printed, to_simplified


@dataclass(frozen=True)
class AnalysedArticle:
    parsed: ParsedArticle
    entities: Entities
    keywords: tuple[str, ...]
    # jieba search tokens of the headline block and of each section, from the one jieba pass
    # that also gave the keywords: the search index reuses them instead of segmenting again.
    # Search-index tokens of the texts the importer will index (the article, its sections, its
    # honours and people as their search documents spell them), keyed by that text: computed
    # here, in the analysis workers, from the one jieba pass, instead of in the single writer.
    index_tokens: dict[str, str] = field(default_factory=dict)


def analyse(article: ParsedArticle) -> AnalysedArticle:
    entities = extract(article)
    # A traditional-script article is cut on its simplified copy (the dictionary, the taught
    # names and the IDF are simplified); its words are the same slices of the printed text.
    traditional = article.script == "traditional"
    copy = to_simplified if traditional else (lambda text: text)
    names = [h.name for h in entities.hospitals] + [a for h in entities.hospitals for a in h.aliases]
    # The article's own hospital names are words for its keywords and search tokens, and only
    # for them: what one article teaches must not change how another is read.
    with taught([copy(name) for name in names]):
        head_text = " ".join(filter(None, [article.kicker, article.title, article.subtitle]))
        section_texts = ["\n".join(filter(None, [s.heading, *(p.text for p in s.paragraphs)])) for s in article.sections]
        head_copy, section_copies = words(copy(head_text)), [words(copy(text)) for text in section_texts]
        keywords = keywords_from_words(head_copy + [w for section in section_copies for w in section])
        if traditional:
            printed = Printed("\n".join([head_text, *section_texts]), to_simplified("\n".join([head_text, *section_texts])))
            keywords = [printed(word) for word in keywords]
            head = _slices(head_text, head_copy)
            sections = [_slices(text, cut) for text, cut in zip(section_texts, section_copies)]
        else:
            head, sections = head_copy, section_copies
        head_tokens = search_tokens_from_words(head)
        section_tokens = [search_tokens_from_words(s) for s in sections]
        return AnalysedArticle(article, entities, tuple(keywords), _index_tokens(article, entities, head_tokens, section_tokens))


def _slices(text: str, cut: list[str]) -> list[str]:
    """The words of a copy of the same length, as slices of the printed text."""
    pieces, at = [], 0
    for word in cut:
        pieces.append(text[at:at + len(word)])
        at += len(word)
    return pieces


def _index_tokens(article: ParsedArticle, entities: Entities, head_tokens, section_tokens) -> dict[str, str]:
    """The documents' texts exactly as search.py builds them from the stored records (an
    editor's change makes the text differ, and then it is segmented when indexed)."""
    known = {}
    head = " ".join(filter(None, [article.kicker, (article.title or "")[:200], article.subtitle]))
    texts = [f"{s.heading or ''}\n" + "\n\n".join(p.text for p in s.paragraphs) for s in article.sections]
    captions = [c.text[:200] for c in article.captions]
    body = "\n".join([head, *texts, *captions])
    # The article's document holds its sections' texts: their tokens and bigrams are worked out
    # once (neither crosses a line break, nor a token's cleaning another token).
    cleaned = [clean_tokens(tokens) for tokens in section_tokens]
    pairs = [bigrams(text) for text in texts]
    words = clean_tokens(head_tokens) + [t for tokens in cleaned for t in tokens]
    if captions:
        words += clean_tokens(search_tokens(" ".join(captions)))
    body_pairs = bigrams(head) + [pair for text_pairs in pairs for pair in text_pairs]
    for caption in captions:
        body_pairs += bigrams(caption)
    known[body] = " ".join(words + body_pairs)
    for section, text, tokens, text_pairs in zip(article.sections, texts, cleaned, pairs):
        if section.heading:
            known[text] = " ".join(tokens + text_pairs)
    subject = entities.subject_hospitals[0] if entities.subject_hospitals else ""
    for honour in entities.honours:
        department = honour.recipient if honour.recipient_kind == "department" else ""
        text = f"{honour.name}\n{subject}{department}\n{honour.evidence.sentence}"
        known[text] = index_tokens(text)
    for person in entities.people:
        text = f"{person.name} \n{person.hospital or subject}{person.role}"
        known[text] = index_tokens(text)
    return known


def article_json(item: AnalysedArticle) -> dict:
    article, entities = item.parsed, item.entities
    return {
        "position": article.position,
        "span": list(article.span),
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "authors": list(article.authors),
        "editors": list(article.editors),
        "subject_hospitals": entities.subject_hospitals,
        "mentioned_hospitals": entities.mentioned_hospitals,
        "sections": [section.as_json() for section in article.sections],
        "captions": [caption.text for caption in article.captions],
        "honours": [
            {"name": h.name, "year": h.year, "recipient": h.recipient, "level": h.level,
             "recipient_kind": h.recipient_kind, "evidence": h.evidence.sentence, "confidence": h.confidence}
            for h in entities.honours if h.kind == "honour"
        ],
        "designations": [
            {"name": h.name, "year": h.year, "recipient": h.recipient, "level": h.level, "kind": h.kind,
             "evidence": h.evidence.sentence}
            for h in entities.honours if h.kind in ("designation", "ranking")
        ],
        "hospital_places": {
            h.name: {"province": h.place.province or None, "city": h.place.city or None,
                     "district": h.place.district or None}
            for h in entities.hospitals if h.subject
        },
        "facts": [
            {"kind": f.kind, "value": f.value, "evidence": f.sentence, "confidence": f.confidence}
            for f in entities.facts
        ],
        "people": [
            {"name": p.name, "role": p.role, "hospital": p.hospital, "evidence": p.evidence.sentence,
             "confidence": p.confidence}
            for p in entities.people
        ],
        "keywords": list(item.keywords),
        "flags": [flag.as_json() for flag in article.flags],
    }


def file_json(parsed: ParsedFile, display_path: str, analysed: list[AnalysedArticle] | None = None) -> dict:
    if analysed is None:
        analysed = [analyse(a) for a in parsed.articles] if not parsed.error else []
    return {
        "path": display_path,
        "sha256": parsed.sha256,
        "encoding": parsed.encoding,
        "error": parsed.error,
        "articles": [article_json(item) for item in analysed],
    }
