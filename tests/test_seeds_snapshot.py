"""The `seeded` fixture copies rows the session's import added (tests/seeds_snapshot.py); these
tests hold it to what a real import gives."""

from __future__ import annotations

from collections import Counter

import pytest
from django.apps import apps
from django.db import connection, models

from articles.models import Article, DataVersion
from hospitals.models import Hospital
from tests import seeds_snapshot as snapshots
from tests.conftest import import_seeds_into_test
from tests.search_index import index_entries


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


def test_the_copy_holds_what_the_import_wrote(db, seeds_dir):
    # Taken and restored in one test: segmentation depends on the names jieba was taught before
    # (other tests' imports teach the seeds' hospitals), so the session's copy may differ from an
    # import run later in its search tokens, as two imports at different points of a session do.
    taken = snapshots.take(seeds_dir)  # a real import into this test's empty database
    imported, indexed = content(), index_entries()
    assert imported["articles_article"].total() == 7 and imported["hospitals_hospital"].total() > 10
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table in taken.rows:
            model._default_manager.all()._raw_delete(model._default_manager.db)
    with connection.cursor() as cursor:
        for name in taken.fulltext:
            cursor.execute(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
    assert Article.objects.count() == 0 and Hospital.objects.count() == 0 and not any(index_entries().values())
    assert snapshots.restore(taken)
    assert content() == imported
    assert index_entries() == indexed
    assert connection.vendor != "sqlite" or indexed["articles_search_fts"]  # SQLite's index made again


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


def test_users_made_before_the_seeds_keep_their_ids_and_the_importers_rows_follow_its_account(
        db, seeds_snapshot, django_user_model):
    from core.importcontext import IMPORTER_USERNAME

    editor = django_user_model.objects.create_user("先来的编辑")  # as the staff client does
    assert snapshots.restore(seeds_snapshot)
    importer = django_user_model.objects.get(username=IMPORTER_USERNAME)
    assert importer.pk > editor.pk
    assert Hospital.history.filter(history_user=importer).count() >= Hospital.objects.count() > 0
    assert not Hospital.history.filter(history_user=editor).exists()


def test_a_user_of_the_importers_name_made_first_gets_a_real_import(db, seeds_dir, seeds_snapshot,
                                                                     django_user_model):
    from core.importcontext import IMPORTER_USERNAME

    django_user_model.objects.create_user(IMPORTER_USERNAME)
    assert not snapshots.restore(seeds_snapshot)
    import_seeds_into_test(seeds_dir, seeds_snapshot)
    assert Article.objects.count() == 7
