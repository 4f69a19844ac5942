"""PostgreSQL: the documents' search vector is computed by a trigger instead of being a generated
column, so that an import can leave it to a thread beside it (articles/search_vectors.py). The
vectors already computed stay as they are."""

from django.db import migrations


def vectors_by_trigger(apps, schema_editor):
    from articles import search_vectors

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'articles_searchdocument'::regclass "
            "AND attname = 'search_vector' AND NOT attisdropped"
        )
        row = cursor.fetchone()
        if row and row[0] == "s":  # made by 0005 before this migration: its values are kept
            cursor.execute("ALTER TABLE articles_searchdocument ALTER COLUMN search_vector DROP EXPRESSION")
        search_vectors.create(cursor)
        search_vectors.fill_missing(cursor)


def vectors_generated(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS search_document_vector ON articles_searchdocument")
        cursor.execute("DROP FUNCTION IF EXISTS articles_searchdocument_vector()")
        cursor.execute("ALTER TABLE articles_searchdocument DROP COLUMN IF EXISTS search_vector")  # and its indexes
        cursor.execute(
            "ALTER TABLE articles_searchdocument ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, tokens)) STORED"
        )
        cursor.execute("CREATE INDEX search_document_vector ON articles_searchdocument USING GIN (search_vector)")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0017_search_index_external_content"),
    ]

    operations = [
        migrations.RunPython(vectors_by_trigger, vectors_generated),
    ]
