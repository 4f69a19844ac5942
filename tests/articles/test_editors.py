"""The editors' promise: a correction is never lost. Admin, spreadsheets, history, review, roles."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, ArticleHospital, ReviewItem, Tombstone
from articles.resources import ArticleResource
from core.spreadsheets import CSV, XLSX, escape_cell
from hospitals.models import Honour, Hospital, HospitalAlias, Person, ReviewStatus
from hospitals.resources import HonourResource, HospitalResource, PersonResource
from hospitals.roles import EDITOR_GROUP, IMPORTER_GROUP
from ingest.review import held_records

pytestmark = pytest.mark.django_db


def import_seeds(path, *extra) -> str:
    out = StringIO()
    call_command("import_seeds", str(path), *extra, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()[0]


def admin_form_data(response) -> dict:
    """The values an editor would submit unchanged: every field of the admin change form."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = field.prepare_value(value) if hasattr(field, "prepare_value") else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is None or value is False:
                    continue
                key = f"{inline_form.prefix}-{name}"
                data[key] = "on" if value is True else value
    return data


def test_round_trip_edits_stand_deleted_stays_deleted(staff_client, seeds_dir):
    import_seeds(seeds_dir)
    article = Article.objects.get(title="党建领航办实事 争创标杆惠民生")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = admin_form_data(staff_client.get(url))
    data["title"] = "党建领航办实事，争创标杆惠民生"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    hospital = Hospital.objects.get(name="洛阳市中心医院")
    hospital.name = "洛阳市中心医院（本部）"
    hospital.save()
    honour = Honour.objects.get(name="全国优秀县级医院")
    response = staff_client.post(reverse("admin:hospitals_honour_delete", args=[honour.pk]), {"post": "yes"})
    assert response.status_code == 302

    summary = import_seeds(seeds_dir, "--reparse")

    assert Article.objects.get(pk=article.pk).title == "党建领航办实事，争创标杆惠民生"
    assert Hospital.objects.filter(name="洛阳市中心医院（本部）").exists()
    assert not Hospital.objects.filter(name="洛阳市中心医院").exists()
    assert HospitalAlias.objects.filter(name="洛阳市中心医院", hospital__name="洛阳市中心医院（本部）").exists()
    assert not Honour.objects.filter(name="全国优秀县级医院").exists()
    assert Tombstone.objects.filter(model="hospitals.Honour").count() == 1
    assert summary == "0 created, 0 updated, 6 unchanged, 1 kept (edited), 0 failed"
    conflict = ReviewItem.objects.get(kind=ReviewItem.Kind.CONFLICT, object_id=article.pk)
    assert conflict.detail["title"] == {"editor": "党建领航办实事，争创标杆惠民生", "parser": "党建领航办实事 争创标杆惠民生"}


def test_spreadsheet_edit_is_kept_too(seeded):
    hospital = Hospital.objects.get(name="平顶山市第二人民医院")
    dataset = HospitalResource().export(queryset=Hospital.objects.filter(pk=hospital.pk))
    dataset.dict = [{**row, "beds": "1500"} for row in dataset.dict]
    result = HospitalResource().import_data(dataset, dry_run=False)
    assert not result.has_errors()
    assert Hospital.objects.get(pk=hospital.pk).beds == 1500
    summary = import_seeds(seeded, "--reparse")
    assert Hospital.objects.get(pk=hospital.pk).beds == 1500
    assert summary.startswith("0 created")


@pytest.mark.parametrize("resource_class", [HospitalResource, HonourResource, PersonResource, ArticleResource])
def test_xlsx_export_reimported_unchanged_reports_no_changes(seeded, resource_class):
    exported = XLSX().export_data(resource_class().export())
    dataset = XLSX().create_dataset(exported)
    result = resource_class().import_data(dataset, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 0 and result.totals["update"] == 0 and result.totals["delete"] == 0
    assert result.totals["skip"] == len(dataset)


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_escaped(value):
    assert escape_cell(value) == "'" + value
    assert escape_cell("正常文本") == "正常文本" and escape_cell(None) is None and escape_cell(12) == 12


def test_formulae_escaped_on_admin_command_and_public_csv(staff_client, seeded, client):
    hospital = Hospital.objects.get(name="平顶山市第二人民医院")
    hospital.motto = '=HYPERLINK("http://evil.example","点我")'
    hospital.save()
    # admin export
    response = staff_client.post(reverse("admin:hospitals_hospital_export"),
                                 {"format": "0", "resource": "0", **{f"hospitalresource_{f}": "on" for f in
                                                                      HospitalResource._meta.fields}})
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body and ',=HYPERLINK' not in body
    # the import-export management command
    out = StringIO()
    call_command("export", "CSV", "hospitals.Hospital", stdout=_BufferWriter(out))
    assert "'=HYPERLINK" in out.getvalue()
    # and the escaped file imports back to the original value
    dataset = CSV().create_dataset(CSV().export_data(HospitalResource().export()))
    assert '=HYPERLINK("http://evil.example","点我")' in [row["院训"] for row in dataset.dict]  # Chinese headers


class _BufferWriter:
    """stdout for a command that writes bytes to `stdout.buffer`."""

    def __init__(self, target: StringIO):
        self.target = target
        self.buffer = self

    def write(self, data):
        self.target.write(data.decode("utf-8") if isinstance(data, bytes) else data)

    def isatty(self):
        return False

    def flush(self):
        pass


def test_history_shows_the_edit_and_can_revert_it(staff_client, seeded):
    article = Article.objects.get(title="奋力开启高质量发展新征程")
    article.title = "奋力开启高质量发展的新征程"
    article.save()
    history = list(article.history.order_by("history_date"))
    assert history[0].history_change_reason.startswith("导入 ")
    assert history[-1].title == "奋力开启高质量发展的新征程"
    page = staff_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "导入 002_ec0c30fe86448813.txt" in page
    first = history[0]
    revert = staff_client.get(reverse("admin:articles_article_simple_history", args=[article.pk, first.history_id]))
    assert revert.status_code == 200 and "奋力开启高质量发展新征程" in revert.content.decode()
    first.instance.save()  # what the revert form submits
    assert Article.objects.get(pk=article.pk).title == "奋力开启高质量发展新征程"


def test_review_queue_counts_on_admin_index_and_accept_publishes(staff_client, seeded, client):
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "待审核事项" in page
    flags = ReviewItem.objects.open().filter(kind=ReviewItem.Kind.FLAG).count()
    assert flags > 0 and f"<td>{flags}</td>" in page
    # The records of one article held back (people the text does not tie firmly to the hospital,
    # honours without a firm recipient) are one decision: the item lists them with links, and
    # 采用 publishes them all except one an editor turned down on its own page meanwhile.
    item = ReviewItem.objects.open().filter(code="held_records", hospital__status="accepted").first()
    records = held_records(item)
    assert len(records) >= 2 and all(r.status == "pending" for r in records)
    page = staff_client.get(reverse("admin:articles_reviewitem_change", args=[item.pk])).content.decode()
    for record in records:
        assert reverse(f"admin:hospitals_{record._meta.model_name}_change", args=[record.pk]) in page
    refused, *others = records
    refused.status = "rejected"
    refused.save()
    assert client.get(others[0].get_absolute_url()).status_code == 404
    staff_client.post(reverse("admin:articles_reviewitem_changelist"),
                      {"action": "accept", "_selected_action": [item.pk]})
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.ACCEPTED
    assert [r.status for r in held_records(item)] == ["rejected"] + ["accepted"] * len(others)
    assert client.get(others[0].get_absolute_url()).status_code == 200


def test_dismissing_held_records_keeps_them_off_the_site(staff_client, seeded):
    item = ReviewItem.objects.open().filter(code="held_records").first()
    staff_client.post(reverse("admin:articles_reviewitem_changelist"),
                      {"action": "dismiss", "_selected_action": [item.pk]})
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.DISMISSED
    assert {r.status for r in held_records(item)} == {"rejected"}


def test_review_queue_filters_by_kind_article_and_hospital(staff_client, seeded):
    article = Article.objects.get(title__contains="仁和精诚")
    url = reverse("admin:articles_reviewitem_changelist")
    response = staff_client.get(url, {"kind__exact": "flag", "article__id__exact": article.pk})
    assert response.status_code == 200
    assert "removed_ocr_spaces" in response.content.decode()


def test_reimport_files_no_duplicate_review_items(seeded):
    before = ReviewItem.objects.count()
    import_seeds(seeded, "--reparse")
    assert ReviewItem.objects.count() == before


def test_merge_hospitals_moves_links_and_keeps_the_name_as_alias(staff_client, seeded):
    survivor = Hospital.objects.get(name="重庆市綦江区人民医院")
    duplicate = Hospital.objects.create(name="綦江人民医院", status=ReviewStatus.ACCEPTED)
    article = Article.objects.get(title__contains="党建业务深度融合")
    ArticleHospital.objects.create(article=article, hospital=duplicate, role="mentioned")
    Person.objects.create(name="王江", hospital=duplicate, role="书记")
    url = reverse("admin:hospitals_hospital_changelist")
    selected = {"action": "merge_merge_hospitals", "_selected_action": [survivor.pk, duplicate.pk]}
    assert "选择保留的记录" in staff_client.post(url, selected).content.decode()
    staff_client.post(url, {**selected, "confirm": "yes", "survivor": survivor.pk})
    assert not Hospital.objects.filter(pk=duplicate.pk).exists()
    assert HospitalAlias.objects.filter(name="綦江人民医院", hospital=survivor).exists()
    assert Person.objects.filter(hospital=survivor, name="王江").count() == 1
    assert ArticleHospital.objects.filter(article=article, hospital=survivor).count() == 1


def test_editor_group_edits_and_exports_but_needs_permission_to_import(client, django_user_model, seeded):
    editor = django_user_model.objects.create_user("bianji", password="x-editor-pw-1", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(editor)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert client.get(reverse("admin:hospitals_hospital_export")).status_code == 200
    assert client.get(reverse("admin:hospitals_hospital_import")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    editor.groups.add(Group.objects.get(name=IMPORTER_GROUP))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse("admin:hospitals_hospital_import")).status_code == 200


def test_provenance_on_record_pages(staff_client, seeded):
    honour = Honour.objects.get(name="衡阳市工人先锋号")
    page = staff_client.get(reverse("admin:hospitals_honour_change", args=[honour.pk])).content.decode()
    assert "004_e6602cedf5aa1e21.txt" in page and honour.article.source_file.sha256 in page
    assert "<mark>" in page
    article = honour.article
    page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "<mark>" in page and article.source_file.sha256 in page


CHANGELISTS = [model for model in admin.site._registry if model._meta.app_label in ("articles", "hospitals")]


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda m: m._meta.label)
def test_changelists_run_no_query_per_row(staff_client, seeded, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    extra_rows = {
        HospitalAlias: lambda i: HospitalAlias.objects.create(name=f"别名{i}", hospital=Hospital.objects.first()),
        Tombstone: lambda i: Tombstone.objects.create(model="hospitals.Honour", natural_key=f"key{i}"),
    }
    for i in range(3 - model.objects.count()):
        extra_rows[model](i)
    assert model.objects.count() >= 3

    def queries(per_page):
        admin.site._registry[model].list_per_page = per_page
        try:
            with CaptureQueriesContext(connection) as context:
                assert staff_client.get(url).status_code == 200
        finally:
            admin.site._registry[model].list_per_page = 50
        return len(context.captured_queries)

    assert queries(1) == queries(100)


def test_review_queue_opens_with_more_hospitals_than_a_query_may_have_columns(staff_client, db):
    """Django's own hospital filter counted every hospital in a column of one query: past
    SQLite's 2,000 columns the queue did not open. The filter lists the busiest hospitals, and
    a hospital chosen from elsewhere still filters."""
    from hospitals.models import Hospital

    hospitals = Hospital.objects.bulk_create(Hospital(name=f"测试{i:04d}医院") for i in range(2100))
    busiest, quiet = hospitals[7], hospitals[-1]
    ReviewItem.objects.bulk_create(
        ReviewItem(kind=ReviewItem.Kind.LOW_CONFIDENCE, code="hospitals.Hospital", hospital=hospital,
                   fingerprint=f"{hospital.pk}-{n}", excerpt=f"事项{hospital.name}-{n}")
        for hospital in hospitals for n in range(3 if hospital is busiest else 1))
    url = reverse("admin:articles_reviewitem_changelist")

    page = staff_client.get(url).content.decode()
    choices = set(re.findall(r"[?&]hospital=(\d+)", page))
    assert str(busiest.pk) in choices and len(choices) == 30

    page = staff_client.get(url, {"hospital": quiet.pk}).content.decode()
    assert f"事项{quiet.name}-0" in page and f"事项{busiest.name}" not in page
