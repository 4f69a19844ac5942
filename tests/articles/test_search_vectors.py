"""PostgreSQL: the documents' search vectors computed by the trigger, or beside an import by a
thread of its own (articles/search_vectors.py), are the ones `to_tsvector` gives the tokens."""

from __future__ import annotations

import importlib
import shutil

import pytest
from django.db import connection

from articles import search_vectors
from articles.corpus import make_corpus
from articles.models import Article, SearchDocument
from ingest.pipeline import import_paths

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="PostgreSQL's vectors (SQLite's index is FTS5, tested in test_search.py)")

WRONG_VECTORS = ("SELECT count(*) FILTER (WHERE search_vector IS NULL), "
                 "count(*) FILTER (WHERE search_vector IS DISTINCT FROM to_tsvector('simple'::regconfig, tokens)), "
                 "count(*) FROM articles_searchdocument")


def vectors() -> tuple[int, int, int]:
    """(documents without a vector, documents whose vector is not their tokens', documents)."""
    with connection.cursor() as cursor:
        cursor.execute(WRONG_VECTORS)
        return cursor.fetchone()


@pytest.fixture
def filled_by_thread(monkeypatch) -> list[int]:
    """How many vectors the import's thread filled, round by round (the real function, counted)."""
    rounds: list[int] = []
    real = search_vectors.fill_missing

    def counted(cursor):
        filled = real(cursor)
        if search_vectors.threading.current_thread().name == "search-vectors":
            rounds.append(filled)
        return filled

    monkeypatch.setattr(search_vectors, "fill_missing", counted)
    return rounds


@pytest.mark.django_db(transaction=True)
def test_an_import_leaves_its_vectors_to_a_thread_and_returns_with_all_of_them(tmp_path, settings, filled_by_thread):
    settings.IMPORT_BATCH_FILES = 3  # several commits, each handed to the thread
    make_corpus(12, tmp_path / "corpus", seed=5)
    report = import_paths([str(tmp_path / "corpus")])
    assert report.counts.created >= 10
    missing, wrong, documents = vectors()
    assert documents > 50 and missing == 0 and wrong == 0
    assert sum(filled_by_thread) > 0  # the inserts left them to the thread


@pytest.mark.django_db(transaction=True)
def test_a_document_written_outside_an_import_has_its_vector_at_once(tmp_path):
    make_corpus(3, tmp_path / "corpus", seed=6)
    import_paths([str(tmp_path / "corpus")])
    article = Article.objects.order_by("pk").first()
    article.title = "一个编辑改过的标题暨查询词澜沧江"
    article.save()  # indexed again by the signal, no import around it
    missing, wrong, _ = vectors()
    assert missing == 0 and wrong == 0
    assert SearchDocument.objects.filter(article=article, title__contains="澜沧江").exists()


@pytest.mark.django_db(transaction=True)
def test_vectors_an_import_killed_half_way_left_empty_are_filled_by_the_next(tmp_path, seeds_dir):
    make_corpus(4, tmp_path / "first", seed=7)
    import_paths([str(tmp_path / "first")])
    with connection.cursor() as cursor:  # as a process killed before its thread came round leaves them
        cursor.execute("UPDATE articles_searchdocument SET search_vector = NULL")
    assert vectors()[0] > 0
    second = tmp_path / "second"
    second.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(seed, second / seed.name)
    import_paths([str(second)])
    missing, wrong, _ = vectors()
    assert missing == 0 and wrong == 0


@pytest.mark.django_db
def test_the_migration_turns_the_generated_column_into_the_trigger_s_and_keeps_its_vectors(tmp_path):
    """A database migrated before 0018 had the vector as a generated column."""
    migration = importlib.import_module("articles.migrations.0018_search_vectors_by_trigger")
    make_corpus(3, tmp_path / "corpus", seed=8)
    import_paths([str(tmp_path / "corpus")])
    with connection.cursor() as cursor:  # the test's transaction still holds the import's key checks
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        migration.vectors_generated(None, editor)  # back to 0017's column
        with connection.cursor() as cursor:
            cursor.execute("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'articles_searchdocument'::regclass "
                           "AND attname = 'search_vector'")
            assert cursor.fetchone()[0] == "s"
            cursor.execute("SELECT id, search_vector::text FROM articles_searchdocument ORDER BY id")
            before = cursor.fetchall()
        migration.vectors_by_trigger(None, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'articles_searchdocument'::regclass "
                       "AND attname = 'search_vector'")
        assert cursor.fetchone()[0] == ""
        cursor.execute("SELECT id, search_vector::text FROM articles_searchdocument ORDER BY id")
        assert cursor.fetchall() == before
    article = Article.objects.order_by("pk").first()
    article.title = "迁移之后改过的标题"
    article.save()
    assert vectors()[:2] == (0, 0)  # the trigger computes the new documents' vectors


@pytest.mark.django_db(transaction=True)
def test_between_its_transactions_the_import_s_connection_defers_nothing(tmp_path, settings):
    """Behind a pooler in transaction mode the next transaction may be another client's: the
    deferral lives in the inserting transaction only."""
    settings.IMPORT_BATCH_FILES = 2
    make_corpus(6, tmp_path / "corpus", seed=9)
    seen = []

    def after_commit(result) -> None:  # called once the file's batch has committed
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting(%s, true)", [search_vectors.SETTING])
            seen.append(cursor.fetchone()[0])

    import_paths([str(tmp_path / "corpus")], progress=after_commit)
    assert seen and "on" not in seen
    assert vectors()[:2] == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_an_import_s_large_values_are_compressed_with_lz4(tmp_path):
    """Migration 0019: pglz, the default, cost the server more than a second per 1,000 articles."""
    compression = importlib.import_module("articles.migrations.0019_large_text_compressed_with_lz4")
    with connection.cursor() as cursor:
        if not compression.lz4_available(cursor):
            pytest.skip("this PostgreSQL was built without lz4")
    make_corpus(6, tmp_path / "corpus", seed=10)
    import_paths([str(tmp_path / "corpus")])
    with connection.cursor() as cursor:
        for table, column in compression.COLUMNS:
            # Values long enough to be compressed at all (about 2 kB) and that lz4 made smaller.
            cursor.execute(f'SELECT DISTINCT pg_column_compression("{column}") FROM "{table}" '
                           f'WHERE pg_column_compression("{column}") IS NOT NULL')
            assert [row[0] for row in cursor.fetchall()] in (["lz4"], []), (table, column)
        cursor.execute("SELECT count(*) FROM articles_searchdocument WHERE pg_column_compression(tokens) = 'lz4'")
        assert cursor.fetchone()[0] > 0
