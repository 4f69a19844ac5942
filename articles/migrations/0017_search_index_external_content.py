"""SQLite: the full-text index reads the documents' tokens from their own rows instead of keeping
a copy (an FTS5 external-content table, articles/search.py): rebuilt once from the documents."""

from django.db import migrations


def index_without_copy(apps, schema_editor):
    from articles.search import _SQLiteBackend

    if schema_editor.connection.vendor != "sqlite":
        return  # PostgreSQL's vector lives in the documents' rows
    backend = _SQLiteBackend
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [backend.table])
        row = cursor.fetchone()
        if row and "content=" in row[0]:
            return  # made so by 0005 on a new database
        cursor.execute(f"DROP TABLE IF EXISTS {backend.table}")
        cursor.execute(backend.definition)
        cursor.execute(f"INSERT INTO {backend.table}({backend.table}) VALUES ('rebuild')")


def index_with_copy(apps, schema_editor):
    from articles.search import _SQLiteBackend

    if schema_editor.connection.vendor != "sqlite":
        return
    table = _SQLiteBackend.table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(tokens, tokenize='unicode61')")
        cursor.execute(f"INSERT INTO {table}(rowid, tokens) SELECT id, tokens FROM articles_searchdocument")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0016_history_indexed_by_record"),
    ]

    operations = [
        migrations.RunPython(index_without_copy, index_with_copy),
    ]
