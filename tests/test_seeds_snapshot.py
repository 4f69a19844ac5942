"""The `seeded` fixture copies rows the session's import added (tests/seeds_snapshot.py); these
tests hold it to what a real import gives."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models

from articles.models import Article, DataVersion
from hospitals.models import Hospital
from tests import seeds_snapshot as snapshots
from tests.conftest import import_seeds_into_test


def content() -> dict[str, Counter]:
    """Every model table's rows without what differs between two imports of the same files:
    times, and the data version, random by design."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model is DataVersion or not model._meta.managed or model._meta.proxy:
            continue
        kept = [f.attname for f in model._meta.local_concrete_fields
                if not (isinstance(f, models.DateTimeField)
                        or isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add))]
        rows = Counter(tuple(repr(v) for v in row) for row in model._default_manager.values_list(*kept))
        if rows:
            found[model._meta.db_table] = rows
    return found


def rewind_ids(snapshot) -> None:
    """The next id of each table the seeds fill is the first one the snapshot holds."""
    with connection.cursor() as cursor:
        for model in snapshot.models:
            table, pk = model._meta.db_table, model._meta.pk.column
            first = min(row[snapshot.tables[table].columns.index(pk)] for row in snapshot.rows[table])
            if connection.vendor == "postgresql":
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)", [table, pk, first])
            else:
                cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [first - 1, table])


def test_seeded_holds_what_a_real_import_of_the_seeds_holds(seeded, seeds_snapshot):
    copied = content()
    assert copied["articles_article"].total() == 7 and copied["hospitals_hospital"].total() == 30
    # The same tables emptied and filled by the import itself, inside this test's transaction.
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table in seeds_snapshot.rows:
            model._default_manager.all()._raw_delete(model._default_manager.db)
    assert Article.objects.count() == 0 and Hospital.objects.count() == 0
    rewind_ids(seeds_snapshot)  # ids show in text too (a search document's URL)
    call_command("import_seeds", str(seeded), "--quiet", stdout=StringIO())
    assert content() == copied


def test_seeded_rows_read_back_as_they_were_taken(seeded, seeds_snapshot):
    assert seeds_snapshot is not None, "the session's import could not be kept as rows to insert"
    for name, table in seeds_snapshot.tables.items():
        if not table.content_type_columns:  # those are read by name
            assert snapshots._read(table) == seeds_snapshot.rows[name], name


def test_new_records_after_seeded_get_fresh_ids(seeded):
    # PostgreSQL's sequences are moved past the copied ids, or this insert collides with one.
    hospital = Hospital.objects.create(name="测试新医院")
    assert hospital.pk > max(Hospital.objects.exclude(pk=hospital.pk).values_list("pk", flat=True))


@pytest.mark.django_db
def test_a_test_without_seeded_has_an_empty_database(seeds_snapshot):
    assert seeds_snapshot is not None
    assert Article.objects.count() == 0 and Hospital.objects.count() == 0


def test_a_table_already_holding_rows_gets_a_real_import(db, seeds_dir, seeds_snapshot):
    Hospital.objects.create(name="上海儿童医学中心")  # one of the seeds' hospitals, made before the seeds
    assert not snapshots.restore(seeds_snapshot)
    assert Hospital.objects.count() == 1 and Article.objects.count() == 0  # nothing was copied
    import_seeds_into_test(seeds_dir, seeds_snapshot)
    assert Article.objects.count() == 7
    assert Hospital.objects.filter(name="上海儿童医学中心").count() == 1


def test_changed_seed_files_get_a_real_import(db, seeds_dir, seeds_snapshot):
    first = sorted(seeds_dir.glob("*.txt"))[0]
    first.unlink()
    import_seeds_into_test(seeds_dir, seeds_snapshot)
    assert not Article.objects.filter(source_file__path=first.name).exists()
    assert Article.objects.exists()
