"""core/bulk.py writes the rows the ORM would: the same values, the same history rows, keys back
on the instances, and conflicts skipped only when asked."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from articles.models import Keyword, ReviewItem
from core import bulk
from core.importcontext import importer_user
from hospitals.models import Hospital, HospitalAlias

pytestmark = pytest.mark.django_db


def _hospitals(suffix: str) -> list[Hospital]:
    return [
        Hospital(name=f"甲市人民医院{suffix}", status="pending", confidence=0.6, founded_year=1952, beds=None,
                 import_snapshot={"name": f"甲市人民医院{suffix}", "beds": [1, "二"]}),
        Hospital(name=f"乙县中医院{suffix}", province="湖南省", division_code="430600", motto="仁爱 “济世”\n",
                 import_snapshot=None),
    ]


def _rows(model, pks, *, leave_out=("id", "created", "updated", "history_id", "history_date")):
    columns = [f.attname for f in model._meta.concrete_fields if f.attname not in leave_out]
    # By the record's id: a history row's own key is history_id.
    return [tuple(row) for row in model._default_manager.filter(id__in=pks).order_by("id").values_list(*columns)]


def test_rows_and_history_rows_are_the_ones_the_orm_writes():
    user = importer_user()
    by_orm, by_bulk = _hospitals(""), _hospitals("")
    with transaction.atomic():
        bulk_create_with_history(by_orm, Hospital, default_user=user, default_change_reason="导入 a.txt")
        orm_rows = _rows(Hospital, [h.pk for h in by_orm])
        orm_history = _rows(Hospital.history.model, [h.pk for h in by_orm])
        transaction.set_rollback(True)
    before = timezone.now()
    bulk.insert(by_bulk, Hospital)
    bulk.insert_history(by_bulk, Hospital, user=user, reason="导入 a.txt")

    assert all(h.pk and not h._state.adding for h in by_bulk)
    assert _rows(Hospital, [h.pk for h in by_bulk]) == orm_rows
    assert _rows(Hospital.history.model, [h.pk for h in by_bulk]) == orm_history
    stored = Hospital.objects.get(pk=by_bulk[0].pk)
    assert stored.import_snapshot == {"name": "甲市人民医院", "beds": [1, "二"]}
    assert by_bulk[1].import_snapshot is None and Hospital.objects.get(pk=by_bulk[1].pk).import_snapshot is None
    assert before <= stored.created == stored.updated == by_bulk[0].created <= timezone.now()
    history = Hospital.history.filter(id=by_bulk[0].pk).get()
    assert (history.history_type, history.history_user, history.history_change_reason) == ("+", user, "导入 a.txt")
    assert isinstance(history.history_date, datetime.datetime)


def test_a_row_made_with_an_unsaved_parent_takes_its_key_once_the_parent_is_in():
    hospital = Hospital(name="丙市第一人民医院")
    alias = HospitalAlias(name="丙市一院", hospital=hospital)
    bulk.insert([hospital])
    bulk.insert([alias])
    assert HospitalAlias.objects.get(pk=alias.pk).hospital_id == hospital.pk


def test_many_rows_go_in_batches_the_database_accepts_with_their_keys_in_order():
    words = [Keyword(word=f"词{i:04d}") for i in range(1200)]  # more parameters than SQLite's 999
    bulk.insert(words)
    assert dict(Keyword.objects.values_list("word", "pk")) == {w.word: w.pk for w in words}


def test_conflicts_are_skipped_only_when_asked():
    bulk.insert([Keyword(word="党建")])
    bulk.insert([Keyword(word="党建"), Keyword(word="义诊")], ignore_conflicts=True)
    assert sorted(Keyword.objects.values_list("word", flat=True)) == ["义诊", "党建"]
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk.insert([Keyword(word="义诊")])


def test_a_time_given_by_the_caller_is_kept_and_a_stamped_one_is_set():
    resolved = timezone.now() - datetime.timedelta(days=3)
    item = ReviewItem(kind=ReviewItem.Kind.FLAG, code="x", fingerprint="f" * 64, status=ReviewItem.Status.FIXED,
                      resolved=resolved)
    bulk.insert([item])
    stored = ReviewItem.objects.get(pk=item.pk)
    assert stored.resolved == resolved and stored.created > resolved
    if connection.vendor == "postgresql":
        assert stored.created.tzinfo is not None


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's batch: the ids the database would give")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's batch: ids from the sequences")


def _inserts(queries, table: str) -> int:
    return sum(q["sql"].startswith(f'INSERT INTO "{table}"') for q in queries.captured_queries)


@sqlite_only
def test_a_batch_holds_new_rows_with_the_ids_the_database_would_give_and_writes_them_before_any_reader():
    from django.test.utils import CaptureQueriesContext

    gone = Hospital.objects.create(name="已删除的医院")
    gone_id = gone.pk
    gone.delete()  # AUTOINCREMENT never gives its id again, nor may the batch
    earlier: list = []
    ids = bulk.BatchIds()
    with CaptureQueriesContext(connection) as queries, bulk.held_rows(earlier, ids) as held:
        first, second = _hospitals("")
        bulk.insert([first])
        alias = HospitalAlias(name="甲市一院", hospital=first)
        bulk.insert([alias])
        bulk.insert([second])
        assert (first.pk, second.pk) == (gone_id + 1, gone_id + 2) and alias.hospital_id == first.pk
        assert _inserts(queries, "hospitals_hospital") == 0
        # A read names the table: its held rows go in first, in one statement.
        assert sorted(Hospital.objects.values_list("name", flat=True)) == sorted([first.name, second.name])
        assert _inserts(queries, "hospitals_hospital") == 1 and _inserts(queries, "hospitals_hospitalalias") == 0
        # An insert of the ORM's takes the next id; the batch then reads it again.
        third = Hospital.objects.create(name="丙市人民医院")
        fourth = Hospital(name="丁县人民医院")
        bulk.insert([fourth])
        assert (third.pk, fourth.pk) == (second.pk + 1, second.pk + 2)
    # The ORM's save reindexed its hospital, reading aliases: the held alias went in then.
    assert held.kept() == held.current and [entry[0].db_table for entry in held.current] == ["hospitals_hospital"]
    bulk.write_rows(held.kept())
    assert HospitalAlias.objects.get(pk=alias.pk).hospital_id == first.pk
    assert Hospital.objects.get(pk=fourth.pk).name == "丁县人民医院"


def test_rows_an_earlier_file_of_the_batch_held_are_written_for_a_reader_and_still_kept_if_its_file_fails():
    ids = bulk.BatchIds()
    with bulk.held_rows([], ids) as held:
        hospital = _hospitals("")[0]
        bulk.insert([hospital])
    earlier = held.kept()
    with pytest.raises(IntegrityError), transaction.atomic(), bulk.held_rows(earlier, ids) as held:
        assert Hospital.objects.filter(pk=hospital.pk).exists()  # written for the reader
        Keyword.objects.create(word="党建")
        Keyword.objects.create(word="党建")  # the file fails: its savepoint takes the row with it
    assert not Hospital.objects.exists()
    bulk.write_rows(earlier)  # the batch still holds it for its commit
    assert Hospital.objects.get(pk=hospital.pk).name == hospital.name


@sqlite_only
def test_what_a_batch_remembers_of_a_table_is_forgotten_when_anything_but_its_held_rows_writes_there():
    with bulk.held_rows([], bulk.BatchIds()):
        bulk.batch_memo(Hospital)["names"] = {"甲市人民医院"}
        assert not Hospital.objects.filter(name="乙县人民医院").exists()  # a read: remembered
        bulk.insert([Hospital(name="甲市人民医院")])
        assert Hospital.objects.count() == 1  # its held row written for the read: remembered
        assert bulk.batch_memo(Hospital) == {"names": {"甲市人民医院"}}
        Hospital.objects.filter(name="甲市人民医院").update(motto="厚德济世")
        assert bulk.batch_memo(Hospital) == {}
    assert bulk.batch_memo(Hospital) is None  # outside a batch nothing is remembered


@postgresql_only
def test_a_postgresql_batch_takes_ids_from_the_sequence_a_block_at_a_time_and_remembers_nothing():
    from django.test.utils import CaptureQueriesContext

    pool: dict = {}
    with CaptureQueriesContext(connection) as queries, bulk.held_rows([], bulk.BatchIds(pool)):
        first, second = _hospitals("")
        bulk.insert([first])
        bulk.insert([second])
        assert second.pk == first.pk + 1
        assert _inserts(queries, "hospitals_hospital") == 0
        assert sum("nextval" in q["sql"] for q in queries.captured_queries) == 1  # one block for both
        # Others keep writing the table: an insert outside the batch's block takes the sequence's
        # next value, never one the batch gave; and nothing read is remembered.
        other = Hospital.objects.create(name="丙市人民医院")
        assert other.pk > second.pk + len(pool["hospitals_hospital"])
        assert bulk.batch_memo(Hospital) is None
        assert Hospital.objects.filter(pk__in=[first.pk, second.pk]).count() == 2  # written for the read
    assert len(pool["hospitals_hospital"]) == bulk.BatchIds.POOL - 2  # the next batch of the import goes on
