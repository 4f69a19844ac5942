"""PostgreSQL: an index of hospitals' names reversed, for the names that end in a given core
(duplicate suggestions, ingest/writers/hospitals.py): `name LIKE '%core'` cannot use an index
and read every hospital for every article an import writes. SQLite's import reads the names
once per batch instead, and SQLite has no REVERSE of its own for an index to use."""

from django.db import migrations

INDEX = "hospital_name_reversed"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON hospitals_hospital (reverse(name) text_pattern_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("hospitals", "0010_history_indexed_by_record"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
