"""Suggested duplicates: two names that say the same hospital are put to an editor, who merges
them in one step or says they differ; a pair they rejected is not suggested again."""

from __future__ import annotations

import pytest

from articles.extraction.names import likely_same_hospital
from articles.models import ReviewItem, Tombstone
from articles.review_admin import ReviewItemAdmin
from hospitals.models import Hospital, HospitalAlias


def import_folder(folder, *args) -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command("import_seeds", str(folder), *args, stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize(("a", "b", "same"), [
    ("中南大学湘雅三医院", "长沙湘雅三医院", True),
    ("湘雅三医院", "中南大学湘雅三医院", True),
    ("江苏常州市第二人民医院", "常州市第二人民医院", True),
    ("常州市武进区第二人民医院", "常州市第二人民医院", False),  # a kind of hospital in two places
    ("洛阳市中心医院", "平顶山市中心医院", False),
    ("福建医科大学附属第一医院", "莆田市第一医院", False),  # a university's 第一医院 and a city's
    ("中国医科大学附属第一医院", "吉林大学第一医院", False),
    ("华西医院", "四川大学华西医院", True),
    # A city the province does not hold is no place `locate` reads: what it leaves must agree.
    ("河南省南平市中医医院", "河南省青岛市城阳区中医医院", False),
    ("河南省祥云县中医医院", "河南省遂宁市中医医院", False),
    ("乌鲁木齐县妇幼保健院", "乌鲁木齐市乌鲁木齐县妇幼保健院", True),  # the county read before the city
    ("召陵区人民医院", "漯河市召陵区人民医院", True),
    ("秀山县中医医院", "秀山土家族苗族自治县中医医院", True),  # a short form with its level word
])
def test_names_that_say_the_same_hospital(a, b, same):
    assert likely_same_hospital(a, b) is same


FULL = "中南大学湘雅三医院开展义诊\n8月1日，中南大学湘雅三医院在长沙开展义诊活动，服务群众三百余人。\n"
SHORT = "长沙湘雅三医院举办健康讲座\n8月2日，长沙湘雅三医院举办健康讲座，讲解防暑知识。\n"


@pytest.fixture
def two_names(tmp_path):
    (tmp_path / "a.txt").write_text(FULL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    import_folder(tmp_path)
    return tmp_path


def suggestions():
    return ReviewItem.objects.filter(kind=ReviewItem.Kind.DUPLICATE)


@pytest.mark.django_db
def test_a_suggested_duplicate_accepted_merges_the_two(two_names, rf, admin_user):
    item = suggestions().get()
    assert item.detail["names"] == ["中南大学湘雅三医院", "长沙湘雅三医院"]
    request = rf.post("/")
    request.user = admin_user
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    ReviewItemAdmin(ReviewItem, None).accept(request, suggestions())
    assert list(Hospital.objects.filter(name__contains="湘雅三医院").values_list("name", flat=True)) == ["中南大学湘雅三医院"]
    assert HospitalAlias.objects.filter(name="长沙湘雅三医院", hospital__name="中南大学湘雅三医院").exists()
    assert suggestions().get().status == ReviewItem.Status.ACCEPTED
    import_folder(two_names, "--reparse")  # the short name now finds the merged hospital by its alias
    assert Hospital.objects.filter(name__contains="湘雅三医院").count() == 1


@pytest.mark.django_db
def test_a_rejected_suggestion_is_not_suggested_again(two_names, rf, admin_user):
    request = rf.post("/")
    request.user = admin_user
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    ReviewItemAdmin(ReviewItem, None).dismiss(request, suggestions())
    # An editor deletes the short-named hospital, then its tombstone: the next parse creates it
    # again, new, and files the same suggestion, which stays rejected.
    Hospital.objects.filter(name="长沙湘雅三医院").delete()
    Tombstone.objects.all().delete()
    import_folder(two_names, "--reparse")
    assert Hospital.objects.filter(name="长沙湘雅三医院").exists()
    assert [item.status for item in suggestions()] == [ReviewItem.Status.DISMISSED]


@pytest.mark.django_db
@pytest.mark.parametrize("files_per_batch", [1, 50])
def test_a_duplicate_is_suggested_alike_whether_the_names_come_in_one_batch_or_in_several(
        tmp_path, settings, files_per_batch):
    # In one SQLite batch the names are read once and the batch's new hospitals added as they are
    # made (the first file's read comes before the second file's hospital exists).
    settings.IMPORT_BATCH_SECONDS, settings.IMPORT_BATCH_FILES = 60, files_per_batch
    (tmp_path / "0.txt").write_text("洛阳市中心医院开展义诊\n8月1日，洛阳市中心医院开展义诊活动。\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(FULL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    import_folder(tmp_path)
    assert [item.detail["names"] for item in suggestions()] == [["中南大学湘雅三医院", "长沙湘雅三医院"]]


@pytest.mark.django_db
def test_postgresql_finds_the_names_ending_in_a_core_through_the_index_of_reversed_names(two_names):
    from django.db import connection

    from ingest.writers.hospitals import _ending_in

    candidates = _ending_in({"湘雅三医院"}).values_list("name", flat=True)
    assert sorted(candidates) == ["中南大学湘雅三医院", "长沙湘雅三医院"]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:  # a handful of rows: the planner would rather read them all
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = candidates.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "hospital_name_reversed" in plan


@pytest.mark.django_db
def test_a_suggestion_whose_hospital_a_newer_parse_retired_is_withdrawn(two_names):
    assert suggestions().count() == 1
    # The short name was the parser's mistake: the file now names another hospital.
    (two_names / "b.txt").write_text("湘潭市中心医院举办健康讲座\n8月2日，湘潭市中心医院举办健康讲座，讲解防暑知识。\n",
                                     encoding="utf-8")
    import_folder(two_names)
    assert not Hospital.objects.filter(name="长沙湘雅三医院").exists()
    assert not suggestions().exists()


def file_suggestion(a: str, b: str, status=ReviewItem.Status.OPEN) -> ReviewItem:
    from ingest.review import _new_item

    item = _new_item(ReviewItem.Kind.DUPLICATE, "hospitals.Hospital", now=None,
                     excerpt=f"{a} 与 {b} 可能是同一家医院", detail={"names": [a, b]})
    item.status = status
    item.save()
    return item


@pytest.mark.django_db
def test_open_suggestions_the_rule_no_longer_makes_are_withdrawn_and_decided_ones_stay(two_names):
    from ingest.review import withdraw_stale_suggestions

    for name in ("洛阳市中心医院", "平顶山市中心医院", "郑州市中心医院", "开封市中心医院"):
        Hospital.objects.create(name=name)
    stale = file_suggestion("洛阳市中心医院", "平顶山市中心医院")  # filed by an older, looser rule
    decided = file_suggestion("开封市中心医院", "郑州市中心医院", ReviewItem.Status.DISMISSED)
    assert withdraw_stale_suggestions() == 1
    assert not ReviewItem.objects.filter(pk=stale.pk).exists()
    assert ReviewItem.objects.get(pk=decided.pk).status == ReviewItem.Status.DISMISSED
    assert suggestions().filter(status=ReviewItem.Status.OPEN).count() == 1  # 湘雅三医院's still holds


@pytest.mark.django_db
def test_a_suggestion_an_editor_settled_by_merging_elsewhere_is_withdrawn(two_names):
    from articles.merging import merge_hospitals
    from ingest.review import withdraw_stale_suggestions

    merge_hospitals(Hospital.objects.get(name="中南大学湘雅三医院"), [Hospital.objects.get(name="长沙湘雅三医院")])
    assert withdraw_stale_suggestions() == 1  # both names now find the one hospital
    assert not suggestions().exists()
