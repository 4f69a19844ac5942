"""Reading SQLite's full-text index itself in tests, not the documents it reads its text from."""

from __future__ import annotations

from django.db import connection


def assert_index_whole() -> None:
    """SQLite: FTS5's own check of the external-content index against the documents' rows: a
    document left out, one removed with other tokens than it was indexed with, or an entry whose
    row is gone fails it. Nothing to check on PostgreSQL, whose vectors are the rows' own."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO articles_search_fts(articles_search_fts, rank) VALUES ('integrity-check', 1)")


def index_entries() -> dict[str, list]:
    """Every entry of SQLite's full-text indexes (term, document, column, offset), read through
    FTS5's vocabulary table."""
    from tests.seeds_snapshot import _fulltext_tables

    found = {}
    with connection.cursor() as cursor:
        for name in _fulltext_tables():  # none on PostgreSQL
            cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}_entries USING fts5vocab(main, {name}, 'instance')")
            cursor.execute(f"SELECT term, doc, col, offset FROM temp.{name}_entries ORDER BY doc, offset")
            found[name] = cursor.fetchall()
            cursor.execute(f"DROP TABLE temp.{name}_entries")
    return found
