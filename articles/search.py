"""Chinese full-text search: one interface, two backends, the same jieba tokens in both.

Every searchable record (article, section, hospital, honour, person) has a `SearchDocument`
whose `tokens` column holds its text segmented by the configured jieba (search mode), space
separated. SQLite indexes that column with FTS5 (its unicode61 tokenizer splits on the spaces,
so each jieba token is one FTS token: two-character queries work, unlike the trigram
tokenizer; an external-content table, which reads the text from the documents' rows instead of
keeping a copy, so a document leaves it with the tokens it was indexed with); PostgreSQL with a
stored `to_tsvector('simple', tokens)` column and a GIN index.
Queries are segmented by the same jieba and passed as quoted tokens (SQLite) or through
`plainto_tsquery` (PostgreSQL), so user input never reaches the query syntax.

The index is kept in sync by signals for single saves and explicitly by the importer (inside
its import context the signals stand aside, core/importcontext.py, and each file is reindexed
once); `manage.py rebuild_search_index`
rebuilds it from scratch.
"""

from __future__ import annotations

import datetime
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q
from django.utils.html import escape

from articles.extraction.segmenter import bigrams, clean_tokens, search_tokens
from articles.extraction.segmenter import index_tokens as segmented_index_tokens
from core import bulk, importcontext

KIND_WEIGHTS = {"article": 3.0, "hospital": 2.0, "section": 1.0, "honour": 1.0, "person": 1.0}
SNIPPET_RADIUS = 50
EXACT_TITLE_BOOST = 10.0  # a reader who types a record's whole name wants that record


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    title: str
    url: str
    snippet: str  # plain text around the first match
    score: float
    highlights: tuple[tuple[int, int], ...] = ()  # [start, end) of each matched word in `snippet`

    @property
    def snippet_html(self) -> str:
        """The snippet as HTML, the matched words in <mark>: only the HTML page uses it."""
        parts, cursor = [], 0
        for start, end in self.highlights:
            parts += [escape(self.snippet[cursor:start]), f"<mark>{escape(self.snippet[start:end])}</mark>"]
            cursor = end
        parts.append(escape(self.snippet[cursor:]))
        return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Documents


def _documents_for_article(article, parts: tuple[list, list] | None = None) -> list[dict]:
    """parts: the article's sections and captions when the caller holds them (just written)."""
    from core.models import ReviewStatus

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
    from core.models import ReviewStatus

    if hospital.status != ReviewStatus.ACCEPTED:
        return []
    docs = [_hospital_document(hospital)]
    docs += [_honour_document(h, hospital) for h in hospital.honours.all() if h.status == ReviewStatus.ACCEPTED]
    docs += [_person_document(p, hospital) for p in hospital.people.all() if p.status == ReviewStatus.ACCEPTED]
    return docs


def _hospital_document(hospital, aliases: list[str] | None = None) -> dict:
    aliases = [a.name for a in hospital.aliases.all()] if aliases is None else aliases
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
    that very text (`importcontext.known_tokens`), otherwise segmented here."""
    context = importcontext.current()
    if context is not None and context.known_tokens:
        tokens = context.known_tokens.get(text)
        if tokens is not None:
            return tokens
    return segmented_index_tokens(text)


def _replace(scope: dict | Q, documents: list[dict], *, fresh: bool = False) -> None:
    """Replace the documents in `scope` with `documents`; `fresh`: the scope's records were
    inserted in this transaction, so it holds no documents yet."""
    from articles.lexicon import ensure_taught

    from .models import SearchDocument

    ensure_taught()
    scope = scope if isinstance(scope, Q) else Q(**scope)
    backend = _backend()
    old = [] if fresh else list(SearchDocument.objects.filter(scope).values_list(*backend.delete_reads))
    if old:
        backend.delete(old)
        # Without the deletion signal, which would tell the index a second time (forget_deleted).
        SearchDocument.objects.filter(id__in=[row[0] for row in old])._raw_delete(connection.alias)
    created = [SearchDocument(**{**d, "tokens": d.get("tokens") or index_tokens(d["body"])}) for d in documents]
    if connection.features.can_return_rows_from_bulk_insert:
        bulk.insert(created, SearchDocument)
    else:  # SQLite before 3.35: no ids back from an insert
        SearchDocument.objects.bulk_create(created)
        created = list(SearchDocument.objects.filter(scope))
    backend.insert([(doc.pk, doc.tokens) for doc in created])


def index_article(article) -> None:
    _replace({"article_id": article.pk}, _documents_for_article(article))


def index_hospital(hospital) -> None:
    _replace({"hospital_id": hospital.pk}, _documents_for_hospital(hospital))


def index_many(articles=(), parts: dict | None = None, *, hospitals=(), honours=(), people=(),
               whole_hospitals=(), fresh: bool = False, new_hospitals: dict[int, list[str]] | None = None) -> None:
    """Reindex what an imported file wrote, with one insert: its articles (parts: article id →
    the sections and captions just written, else read), the hospitals, honours and people it
    created or changed (one document each, however many the hospital has), and hospitals that
    became public (all their documents). `fresh`: all of them were inserted in this transaction
    (nothing to replace); `new_hospitals`: the aliases of hospitals inserted in it (all they
    have)."""
    from django.db.models import prefetch_related_objects

    from core.models import ReviewStatus

    parts = parts or {}
    whole = {h.pk for h in whole_hospitals}
    hospitals = [h for h in hospitals if h.pk not in whole]
    honours = [h for h in honours if h.hospital_id not in whole]
    people = [p for p in people if p.hospital_id not in whole]
    if not (articles or hospitals or honours or people or whole_hospitals):
        return
    # A new hospital with one alias or none needs no query for it (with more, the database's
    # collation orders them).
    known = {pk: names for pk, names in (new_hospitals or {}).items() if len(names) <= 1}
    prefetch_related_objects([a for a in articles if a.pk not in parts], "sections", "captions")
    prefetch_related_objects([h for h in hospitals if h.pk not in known and h.status == ReviewStatus.ACCEPTED]
                             + list(whole_hospitals), "aliases")
    prefetch_related_objects(list(whole_hospitals), "honours", "people")

    def public(record, hospital) -> bool:
        return record.status == ReviewStatus.ACCEPTED and hospital.status == ReviewStatus.ACCEPTED

    documents = [doc for article in articles for doc in _documents_for_article(article, parts.get(article.pk))]
    documents += [doc for hospital in whole_hospitals for doc in _documents_for_hospital(hospital)]
    documents += [_hospital_document(h, known.get(h.pk)) for h in hospitals if h.status == ReviewStatus.ACCEPTED]
    documents += [_honour_document(h, h.hospital) for h in honours if public(h, h.hospital)]
    documents += [_person_document(p, p.hospital) for p in people if public(p, p.hospital)]
    scope = (Q(article_id__in=[a.pk for a in articles]) | Q(hospital_id__in=whole)
             | Q(kind="hospital", object_id__in=[h.pk for h in hospitals])
             | Q(kind="honour", object_id__in=[h.pk for h in honours])
             | Q(kind="person", object_id__in=[p.pk for p in people]))
    _replace(scope, documents, fresh=fresh and not whole)


def remove(scope: dict) -> None:
    _replace(scope, [])


def rebuild() -> int:
    from hospitals.models import Hospital

    from .models import Article, SearchDocument

    with transaction.atomic():
        SearchDocument.objects.all()._raw_delete(connection.alias)  # the index emptied at once, below
        _backend().clear()
        for article in Article.objects.prefetch_related("sections", "captions").iterator(chunk_size=200):
            index_article(article)
        for hospital in Hospital.objects.prefetch_related("aliases").iterator(chunk_size=200):
            index_hospital(hospital)
    return SearchDocument.objects.count()


def forget_deleted(document) -> None:
    """A document deleted by anything but this module (with its article or hospital, in the
    database's cascade as Django runs it) leaves the index with the tokens it was indexed with."""
    _backend().delete([(document.pk, document.tokens)])


def empty_index_if_no_documents() -> None:
    """After a flush (tests; `manage.py flush`), which empties the documents' table without a
    word to the index: the index emptied too."""
    from .models import SearchDocument

    if connection.vendor != "sqlite" or SearchDocument._meta.db_table not in connection.introspection.table_names():
        return  # PostgreSQL's vectors are the rows' own; or migrated back before the index was made
    if not SearchDocument.objects.exists():
        _backend().clear()


def signals_active() -> bool:
    """Whether single saves reindex themselves: not inside an import, which reindexes each file."""
    return not importcontext.active()


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


# A word in nearly every document (党建 in 31,765 of 87,825 at 10,000 articles) made the engine
# score every match to keep 200: 47 ms of bm25 on SQLite, 1.1 s of ts_rank on PostgreSQL, which
# reads each match's whole vector. Only the newest matches (the highest document ids: the last
# indexed) are scored, RANK_CAP on SQLite and RANK_CAP_POSTGRES there (2,000 took 89 ms, 500
# take 17); a query with fewer matches ranks exactly as before.
RANK_CAP = 2000
RANK_CAP_POSTGRES = 500


def _best(rows: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
    """The `limit` best scored (score, then the newer document, first)."""
    return sorted(rows, key=lambda row: (-row[1], -row[0]))[:limit]


# SQLite's full-text index writes its pending terms out as a new segment at every savepoint
# release, not only at commit: an import writing each file in a savepoint of its own paid that
# flush (and the merges of the small segments) once per file, about 7 % of its time. Its writes
# are held back within `held_index_writes()` and applied, in order, by `apply_index_writes`.
_held: ContextVar[list | None] = ContextVar("held_index_writes", default=None)


@contextmanager
def held_index_writes():
    """Within the block, the full-text index's writes (SQLite's; PostgreSQL's vector lives in the
    documents' rows) are collected, not made: yields the list, which the caller hands to
    `apply_index_writes` in the same transaction, or drops with what the block wrote."""
    writes: list[tuple[str, list]] = []
    token = _held.set(writes)
    try:
        yield writes
    finally:
        _held.reset(token)


def apply_index_writes(writes: list[tuple[str, list]]) -> None:
    """The held writes' outcome: what the index held before them leaves it with the tokens it was
    indexed with, what they leave is inserted; each kind in order of id, the deletions first.
    FTS5 writes its pending terms out as a segment before a row whose id is not above all pending
    ones (a deletion after the batch's inserts: about 10 ms each); in this order it never has to.
    A document inserted and removed again within the writes never reaches the index."""
    indexed: dict[int, str] = {}  # in the index before these writes: the tokens it holds
    last: dict[int, str | None] = {}
    for operation, rows in writes:
        if operation == "delete":
            for pk, tokens in rows:
                if pk not in last:
                    indexed[pk] = tokens
                last[pk] = None
        else:
            last.update(rows)
    backend = _backend()
    token = _held.set(None)
    try:
        # A document's tokens never change under its id, so one that is still there stays put.
        if deleted := sorted((pk, tokens) for pk, tokens in indexed.items() if last[pk] != tokens):
            backend.delete(deleted)
        if inserted := sorted((pk, tokens) for pk, tokens in last.items()
                              if tokens is not None and indexed.get(pk) != tokens):
            backend.insert(inserted)
    finally:
        _held.reset(token)


class _SQLiteBackend:
    """FTS5 over the documents' own `tokens` (an external-content table): the index keeps no copy
    of the text (a quarter of the database's size). FTS5 cannot check what it is told to remove,
    so a document leaves the index with the very tokens it was indexed with (`delete`'s pairs,
    read before its row goes), and a document's tokens never change under the same id (`_replace`
    deletes and inserts)."""

    table = "articles_search_fts"
    delete_reads = ("id", "tokens")  # what `delete` needs of a document
    definition = (f"CREATE VIRTUAL TABLE {table} USING fts5(tokens, content='articles_searchdocument', "
                  "content_rowid='id', tokenize='unicode61')")

    def create(self, cursor) -> None:
        cursor.execute(self.definition.replace("CREATE VIRTUAL TABLE", "CREATE VIRTUAL TABLE IF NOT EXISTS"))

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {self.table}({self.table}) VALUES ('delete-all')")

    def delete(self, rows: list[tuple[int, str]]) -> None:
        """`rows`: each document's id and the tokens it was indexed with."""
        if (held := _held.get()) is not None:
            held.append(("delete", rows))
            return
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table}({self.table}, rowid, tokens) VALUES ('delete', %s, %s)", rows)

    def insert(self, rows: list[tuple[int, str]]) -> None:
        if (held := _held.get()) is not None:
            held.append(("insert", rows))
            return
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table}(rowid, tokens) VALUES (%s, %s)", rows)

    def search(self, tokens: list[str], limit: int, any_token: bool) -> list[tuple[int, float]]:
        match = _expression(tokens, any_token, quote='"', both=" AND ", either=" OR ")
        with connection.cursor() as cursor:
            # The newest RANK_CAP matches in the index's own order (it stops there), scored by
            # bm25 only for those; then the best `limit` of them.
            cursor.execute(
                f"SELECT rowid, -bm25({self.table}) FROM {self.table} WHERE {self.table} MATCH %s "
                f"ORDER BY rowid DESC LIMIT %s",
                [match, RANK_CAP],
            )
            return _best(cursor.fetchall(), limit)


class _PostgresBackend:
    delete_reads = ("id",)

    def create(self, cursor) -> None:
        from . import search_vectors

        search_vectors.create(cursor)  # the vector and its trigger (articles/search_vectors.py)

    def clear(self) -> None:  # the vector lives in the documents' own rows
        pass

    def delete(self, rows: list[tuple[int, str]]) -> None:
        pass

    def insert(self, rows: list[tuple[int, str]]) -> None:
        pass

    def search(self, tokens: list[str], limit: int, any_token: bool) -> list[tuple[int, float]]:
        expression = _expression(tokens, any_token, quote="'", both=" & ", either=" | ")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_rank(search_vector, q) FROM to_tsquery('simple'::regconfig, %s) AS q, "
                "LATERAL (SELECT id, search_vector FROM articles_searchdocument WHERE search_vector @@ q "
                "ORDER BY id DESC LIMIT %s) AS newest",
                [expression, RANK_CAP_POSTGRES],
            )
            return _best(cursor.fetchall(), limit)


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


def snippet(body: str, tokens: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text around the first match, and where the matched words are in it."""
    lowered = body.lower()
    positions = [lowered.find(t) for t in sorted(tokens, key=len, reverse=True) if lowered.find(t) >= 0]
    start = max(0, min(positions) - SNIPPET_RADIUS) if positions else 0
    text = body[start: start + 2 * SNIPPET_RADIUS + 40].replace("\n", " ")
    prefix = "…" if start else ""
    suffix = "…" if start + len(text) < len(body) else ""
    pattern = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    spans = tuple((m.start() + len(prefix), m.end() + len(prefix))
                  for m in (re.finditer(pattern, text, flags=re.IGNORECASE) if pattern else []))
    return prefix + text + suffix, spans


# How a hit is ranked beyond the text engine's relevance, which cannot tell results apart for a
# frequent word (bm25 gives a word in most documents next to no weight: 72 results of 医院 all
# scored 0.0). Whole points, so they order before the engine's fractions.
TITLE_MATCH = 4.0  # every query word in the title (a hospital's: its name or an alias)
NAME_MATCH = 8.0  # the query is part of the name (a short form: 綦江区人民医院)
RECENT_WEIGHT = 1.0  # up to this much for an article of this year, less with its age
RECENT_YEARS = 10
DENSITY_WEIGHT = 1.0  # up to this much for how often the words occur per character of the text


def _rank(doc, relevance: float, tokens: list[str], exact: str, published: dict, aliases: dict) -> float:
    names = [name.lower() for name in [doc.title, *aliases.get(doc.object_id, ())] if name]
    score = relevance * KIND_WEIGHTS.get(doc.kind, 1.0)
    if exact and any(exact == name for name in names):
        score *= EXACT_TITLE_BOOST
        score += EXACT_TITLE_BOOST
    if exact and len(exact) >= 2 and any(exact in name for name in names):
        score += NAME_MATCH
    if tokens and any(all(token in name for token in tokens) for name in names):
        score += TITLE_MATCH
    body = doc.body.lower()
    occurrences = sum(body.count(token) for token in tokens)
    per_hundred = 100 * occurrences / (len(body) + 100)  # +100: a three-word record is no denser than a page
    score += DENSITY_WEIGHT * per_hundred / (1 + per_hundred)
    day = published.get(doc.article_id)
    if day is not None:
        age = max(0, datetime.date.today().year - day.year)
        score += RECENT_WEIGHT * max(0.0, 1 - age / RECENT_YEARS)
    return score


# The most a reader's query returns: the best-ranked, when more documents match.
RESULT_LIMIT = 200


def search(query: str, limit: int | None = None) -> list[Hit]:
    """Ranked hits for a reader's query (at most `limit`, by default RESULT_LIMIT); an empty list
    for a query with no words."""
    from articles.lexicon import ensure_taught
    from hospitals.models import HospitalAlias

    from .models import Article, SearchDocument

    ensure_taught()
    tokens = query_tokens(query)
    if not tokens:
        return []
    backend = _backend()
    limit = RESULT_LIMIT if limit is None else limit
    ranked = backend.search(tokens, limit, any_token=False)
    if not ranked and len(tokens) > 1:
        ranked = backend.search(tokens, limit, any_token=True)
    scores = dict(ranked)
    documents = SearchDocument.objects.defer("tokens").in_bulk(list(scores))  # tokens: the text again
    article_ids = {doc.article_id for doc in documents.values() if doc.article_id}
    published = dict(Article.objects.filter(pk__in=article_ids, published__isnull=False)
                     .values_list("pk", "published")) if article_ids else {}
    hospital_ids = [doc.object_id for doc in documents.values() if doc.kind == "hospital"]
    aliases: dict[int, list[str]] = {}
    for hospital_id, name in HospitalAlias.objects.filter(hospital_id__in=hospital_ids).values_list("hospital_id", "name"):
        aliases.setdefault(hospital_id, []).append(name)
    exact = re.sub(r"\s+", "", query).lower()
    hits = []
    for doc in documents.values():
        text, spans = snippet(doc.body, tokens)
        hits.append(Hit(doc.kind, doc.object_id, doc.title, doc.url, text,
                        _rank(doc, scores[doc.pk], tokens, exact, published,
                              aliases if doc.kind == "hospital" else {}), spans))
    hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.object_id))
    return hits
