"""PostgreSQL: the columns that hold an article's text, its tokens and its search vector are
compressed with lz4 instead of pglz, the default. An import writes tens of megabytes into them
(1,000 articles: 47 MB of tokens, 59 MB of vectors) and the server compressed every value with
pglz while the importer waited: with lz4 its CPU for such an import fell from 9.6–9.9 to
8.2–8.7 s (docs/benchmarks.md). Values already stored keep their compression until they are
written again; reading them needs nothing. Where the server was built without lz4, or is older
than PostgreSQL 14, nothing changes."""

from django.db import migrations

COLUMNS = (
    ("articles_searchdocument", "tokens"),
    ("articles_searchdocument", "body"),
    ("articles_searchdocument", "search_vector"),
    ("articles_section", "paragraphs"),
    ("articles_historicalsection", "paragraphs"),
    ("articles_article", "import_snapshot"),
    ("articles_sourcefile", "raw_text"),
)


def lz4_available(cursor) -> bool:
    cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
    row = cursor.fetchone()
    return bool(row and row[0])


def set_compression(method: str):
    def apply(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            if not lz4_available(cursor):
                return
            quote = connection.ops.quote_name
            for table, column in COLUMNS:
                cursor.execute(f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)} SET COMPRESSION {method}")
    return apply


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0018_search_vectors_by_trigger"),
    ]

    operations = [
        migrations.RunPython(set_compression("lz4"), set_compression("default")),
    ]
