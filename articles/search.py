"""Chinese full-text search: one interface, two backends, the same jieba tokens in both.

Every searchable record (article, section, hospital, honour, person) has a `SearchDocument`
whose `tokens` column holds its text segmented by the configured jieba (search mode), space
separated. SQLite indexes that column with FTS5 (its unicode61 tokenizer splits on the spaces,
so each jieba token is one FTS token: two-character queries work, unlike the trigram
tokenizer); PostgreSQL with a stored `to_tsvector('simple', tokens)` column and a GIN index.
Queries are segmented by the same jieba and passed as quoted tokens (SQLite) or through
`plainto_tsquery` (PostgreSQL), so user input never reaches the query syntax.

The index is kept in sync by signals for single saves and explicitly by the importer (which
pauses the signals and reindexes each file's articles once); `manage.py rebuild_search_index`
rebuilds it from scratch.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q
from django.utils.html import escape

from articles.extraction.segmenter import bigrams, clean_tokens, search_tokens
from articles.extraction.segmenter import index_tokens as segmented_index_tokens

KIND_WEIGHTS = {"article": 3.0, "hospital": 2.0, "section": 1.0, "honour": 1.0, "person": 1.0}
SNIPPET_RADIUS = 50
EXACT_TITLE_BOOST = 10.0  # a reader who types a record's whole name wants that record

_state = threading.local()


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around the matched words
    score: float


# ---------------------------------------------------------------------------------------------
# Documents


def _documents_for_article(article, parts: tuple[list, list] | None = None) -> list[dict]:
    """parts: the article's sections and captions when the caller holds them (just written)."""
    from hospitals.models import ReviewStatus

    if article.status != ReviewStatus.ACCEPTED:
        return []
    sections, captions = parts if parts is not None else (article.sections.all(), article.captions.all())
    sections = sorted(sections, key=lambda s: s.order)
    captions = [c.text for c in sorted(captions, key=lambda c: c.order)]
    head = " ".join(filter(None, [article.kicker, article.title, article.subtitle]))
    body = "\n".join([head, *(f"{s.heading}\n{s.body}" for s in sections), *captions])
    url = article.get_absolute_url()
    docs = [dict(kind="article", object_id=article.pk, article_id=article.pk, title=article.title, url=url, body=body)]
    for section in sections:
        if section.heading:
            docs.append(dict(kind="section", object_id=section.pk, article_id=article.pk,
                             title=f"{article.title} · {section.heading}",
                             url=f"{url}#s{section.order}", body=f"{section.heading}\n{section.body}"))
    return docs


def _documents_for_hospital(hospital) -> list[dict]:
    """The hospital's document and those of its accepted honours and people."""
    from hospitals.models import ReviewStatus

    if hospital.status != ReviewStatus.ACCEPTED:
        return []
    docs = [_hospital_document(hospital)]
    docs += [_honour_document(h, hospital) for h in hospital.honours.all() if h.status == ReviewStatus.ACCEPTED]
    docs += [_person_document(p, hospital) for p in hospital.people.all() if p.status == ReviewStatus.ACCEPTED]
    return docs


def _hospital_document(hospital) -> dict:
    aliases = [a.name for a in hospital.aliases.all()]
    body = "\n".join([hospital.name, *aliases, hospital.province, hospital.city, hospital.district, hospital.motto])
    return dict(kind="hospital", object_id=hospital.pk, hospital_id=hospital.pk, title=hospital.name,
                url=hospital.get_absolute_url(), body=body)


def _honour_document(honour, hospital) -> dict:
    return dict(kind="honour", object_id=honour.pk, hospital_id=hospital.pk, title=honour.name,
                url=honour.get_absolute_url(),
                body=f"{honour.name}\n{hospital.name}{honour.department}\n{honour.evidence}")


def _person_document(person, hospital) -> dict:
    return dict(kind="person", object_id=person.pk, hospital_id=hospital.pk,
                title=f"{person.name}（{hospital.name}{person.role}）", url=person.get_absolute_url(),
                body=f"{person.name} {person.aliases}\n{hospital.name}{person.role}")


def index_tokens(text: str) -> str:
    """The tokens of a document's text: as the importer's analysis computed them when it saw
    that very text (`known_tokens`), otherwise segmented here."""
    known = getattr(_state, "known", None)
    if known:
        tokens = known.get(text)
        if tokens is not None:
            return tokens
    return segmented_index_tokens(text)


@contextmanager
def known_tokens(mapping: dict[str, str]):
    """Within the block, texts found in `mapping` (text → tokens) are not segmented again."""
    previous = getattr(_state, "known", None)
    _state.known = mapping
    try:
        yield
    finally:
        _state.known = previous


def _replace(scope: dict | Q, documents: list[dict]) -> None:
    from hospitals.lexicon import ensure_taught

    from .models import SearchDocument

    ensure_taught()
    scope = scope if isinstance(scope, Q) else Q(**scope)
    old_ids = list(SearchDocument.objects.filter(scope).values_list("id", flat=True))
    if old_ids:
        _backend().delete(old_ids)
        SearchDocument.objects.filter(id__in=old_ids).delete()
    created = SearchDocument.objects.bulk_create(
        SearchDocument(**{**d, "tokens": d.get("tokens") or index_tokens(d["body"])}) for d in documents
    )
    if created and connection.vendor == "sqlite" and created[0].pk is None:
        created = list(SearchDocument.objects.filter(scope))
    _backend().insert([(doc.pk, doc.tokens) for doc in created])


def index_article(article) -> None:
    _replace({"article_id": article.pk}, _documents_for_article(article))


def index_hospital(hospital) -> None:
    _replace({"hospital_id": hospital.pk}, _documents_for_hospital(hospital))


def index_many(articles=(), parts: dict | None = None, *, hospitals=(), honours=(), people=(),
               whole_hospitals=()) -> None:
    """Reindex what an imported file wrote, with one insert: its articles (parts: article id →
    the sections and captions just written, else read), the hospitals, honours and people it
    created or changed (one document each, however many the hospital has), and hospitals that
    became public (all their documents)."""
    from django.db.models import prefetch_related_objects

    from hospitals.models import ReviewStatus

    parts = parts or {}
    whole = {h.pk for h in whole_hospitals}
    hospitals = [h for h in hospitals if h.pk not in whole]
    honours = [h for h in honours if h.hospital_id not in whole]
    people = [p for p in people if p.hospital_id not in whole]
    if not (articles or hospitals or honours or people or whole_hospitals):
        return
    prefetch_related_objects([a for a in articles if a.pk not in parts], "sections", "captions")
    prefetch_related_objects([*hospitals, *whole_hospitals], "aliases")
    prefetch_related_objects(list(whole_hospitals), "honours", "people")

    def public(record, hospital) -> bool:
        return record.status == ReviewStatus.ACCEPTED and hospital.status == ReviewStatus.ACCEPTED

    documents = [doc for article in articles for doc in _documents_for_article(article, parts.get(article.pk))]
    documents += [doc for hospital in whole_hospitals for doc in _documents_for_hospital(hospital)]
    documents += [_hospital_document(h) for h in hospitals if h.status == ReviewStatus.ACCEPTED]
    documents += [_honour_document(h, h.hospital) for h in honours if public(h, h.hospital)]
    documents += [_person_document(p, p.hospital) for p in people if public(p, p.hospital)]
    scope = (Q(article_id__in=[a.pk for a in articles]) | Q(hospital_id__in=whole)
             | Q(kind="hospital", object_id__in=[h.pk for h in hospitals])
             | Q(kind="honour", object_id__in=[h.pk for h in honours])
             | Q(kind="person", object_id__in=[p.pk for p in people]))
    _replace(scope, documents)


def remove(scope: dict) -> None:
    _replace(scope, [])


def rebuild() -> int:
    from hospitals.models import Hospital

    from .models import Article, SearchDocument

    with transaction.atomic():
        _backend().clear()
        SearchDocument.objects.all().delete()
        for article in Article.objects.prefetch_related("sections", "captions").iterator(chunk_size=200):
            index_article(article)
        for hospital in Hospital.objects.prefetch_related("aliases").iterator(chunk_size=200):
            index_hospital(hospital)
    return SearchDocument.objects.count()


@contextmanager
def signals_paused():
    """For bulk work (the importer): single-record signals do nothing; the caller reindexes."""
    _state.paused = getattr(_state, "paused", 0) + 1
    try:
        yield
    finally:
        _state.paused -= 1


def signals_active() -> bool:
    return not getattr(_state, "paused", 0)


# ---------------------------------------------------------------------------------------------
# Backends


def _expression(tokens: list[str], any_token: bool, *, quote: str, both: str, either: str) -> str:
    """The query in a backend's syntax: every token (or any, as a fallback), where a word of
    three or more characters also matches through all its bigrams. Tokens hold word characters
    only (clean_tokens), so quoting them cannot break out of the syntax."""
    def clause(token: str) -> str:
        pairs = bigrams(token)
        if len(token) < 3 or not pairs:
            return f"{quote}{token}{quote}"
        return f"({quote}{token}{quote}{either}(" + both.join(f"{quote}{pair}{quote}" for pair in pairs) + "))"

    return (either if any_token else both).join(clause(token) for token in tokens)


class _SQLiteBackend:
    table = "articles_search_fts"

    def create(self, cursor) -> None:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} USING fts5(tokens, tokenize='unicode61')")

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")

    def delete(self, ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.table} WHERE rowid = %s", [(i,) for i in ids])

    def insert(self, rows: list[tuple[int, str]]) -> None:
        with connection.cursor() as cursor:
            # REPLACE: a row left behind (a flush does not empty this virtual table) never shadows
            # the document that now has its id.
            cursor.executemany(f"INSERT OR REPLACE INTO {self.table}(rowid, tokens) VALUES (%s, %s)", rows)

    def search(self, tokens: list[str], limit: int, any_token: bool) -> list[tuple[int, float]]:
        match = _expression(tokens, any_token, quote='"', both=" AND ", either=" OR ")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, -bm25({self.table}) FROM {self.table} WHERE {self.table} MATCH %s "
                f"ORDER BY bm25({self.table}) LIMIT %s",
                [match, limit],
            )
            return cursor.fetchall()


class _PostgresBackend:
    def create(self, cursor) -> None:
        cursor.execute(
            "ALTER TABLE articles_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED"
        )
        cursor.execute("CREATE INDEX IF NOT EXISTS search_document_vector ON articles_searchdocument "
                       "USING GIN (search_vector)")

    def clear(self) -> None:  # the vector lives in the documents' own rows
        pass

    def delete(self, ids: list[int]) -> None:
        pass

    def insert(self, rows: list[tuple[int, str]]) -> None:
        pass

    def search(self, tokens: list[str], limit: int, any_token: bool) -> list[tuple[int, float]]:
        expression = _expression(tokens, any_token, quote="'", both=" & ", either=" | ")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_rank(search_vector, q) FROM articles_searchdocument, "
                "to_tsquery('simple'::regconfig, %s) AS q "
                "WHERE search_vector @@ q ORDER BY ts_rank(search_vector, q) DESC, id LIMIT %s",
                [expression, limit],
            )
            return cursor.fetchall()


def _backend():
    return _PostgresBackend() if connection.vendor == "postgresql" else _SQLiteBackend()


def create_index_structures(cursor) -> None:
    _backend().create(cursor)


# ---------------------------------------------------------------------------------------------
# Querying


def query_tokens(query: str) -> list[str]:
    seen: list[str] = []
    for token in clean_tokens(search_tokens(query[:200])):
        if token not in seen:
            seen.append(token)
    return seen[:20]


def snippet(body: str, tokens: list[str]) -> str:
    lowered = body.lower()
    positions = [lowered.find(t) for t in sorted(tokens, key=len, reverse=True) if lowered.find(t) >= 0]
    start = max(0, min(positions) - SNIPPET_RADIUS) if positions else 0
    text = body[start: start + 2 * SNIPPET_RADIUS + 40].replace("\n", " ")
    pattern = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    parts, cursor = [], 0
    for match in re.finditer(pattern, text, flags=re.IGNORECASE) if pattern else []:
        parts.append(escape(text[cursor:match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    parts.append(escape(text[cursor:]))
    return ("…" if start else "") + "".join(parts) + ("…" if start + len(text) < len(body) else "")


def search(query: str, limit: int = 200) -> list[Hit]:
    """Ranked hits for a reader's query; an empty list for a query with no words."""
    from hospitals.lexicon import ensure_taught

    from .models import SearchDocument

    ensure_taught()
    tokens = query_tokens(query)
    if not tokens:
        return []
    backend = _backend()
    ranked = backend.search(tokens, limit, any_token=False)
    if not ranked and len(tokens) > 1:
        ranked = backend.search(tokens, limit, any_token=True)
    scores = dict(ranked)
    documents = SearchDocument.objects.in_bulk(list(scores))
    exact = re.sub(r"\s+", "", query)
    hits = [
        Hit(doc.kind, doc.object_id, doc.title, doc.url, snippet(doc.body, tokens),
            scores[doc.pk] * KIND_WEIGHTS.get(doc.kind, 1.0) * (EXACT_TITLE_BOOST if doc.title == exact else 1.0))
        for doc in documents.values()
    ]
    hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.object_id))
    return hits
