"""Spreadsheets as editors meet them: Chinese headers and choice labels, codes read too, any other
value refused row by row in the preview with nothing saved; CSV with a UTF-8 BOM for Excel."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.resources import SectionResource
from core.spreadsheets import CSV, XLSX
from hospitals.models import Hospital

pytestmark = pytest.mark.django_db

FORMATS = {"CSV": "0", "XLSX": "1", "JSON": "2"}


def upload(client, model: str, text: str, fmt: str = "CSV"):
    app, name = model.split(".")
    data = ("\ufeff" + text).encode("utf-8")
    return client.post(reverse(f"admin:{app}_{name}_import"),
                       {"format": FORMATS[fmt], "import_file": SimpleUploadedFile(f"sheet.{fmt.lower()}", data)})


def confirm(client, model: str, preview):
    app, name = model.split(".")
    form = preview.context["confirm_form"]
    return client.post(reverse(f"admin:{app}_{name}_process_import"), {k: form[k].value() for k in form.fields})


def test_a_grade_that_is_no_grade_is_an_error_naming_row_and_column_and_nothing_is_saved(staff_client, seeded):
    first, second = Hospital.objects.order_by("name")[:2]
    before = sorted(Hospital.objects.values_list("name", "grade", "type", "status"))
    sheet = f"正式名称,等级,类型,审核状态\n{first.name},三级甲等,中医医院,已采用\n{second.name},五级,综合医院,已采用\n"

    preview = upload(staff_client, "hospitals.hospital", sheet)

    page = preview.content.decode()
    assert preview.status_code == 200 and preview.context.get("confirm_form") is None
    assert "部分行的数据有误" in page
    invalid = preview.context["result"].invalid_rows
    assert [row.number for row in invalid] == [2]
    assert list(invalid[0].field_specific_errors) == ["等级"]
    assert "“等级”不能是“五级”" in page and "三级甲等" in invalid[0].field_specific_errors["等级"][0]
    assert sorted(Hospital.objects.values_list("name", "grade", "type", "status")) == before


def test_labels_and_codes_are_both_read_and_stored_as_codes(staff_client, seeded):
    first, second = Hospital.objects.order_by("name")[:2]
    # The second row is headed the old way: code names, as sheets exported before.
    preview = upload(staff_client, "hospitals.hospital", f"正式名称,等级,类型\n{first.name},三级甲等,中医医院\n")
    assert preview.context["confirm_form"] is not None, preview.context["result"].invalid_rows
    confirm(staff_client, "hospitals.hospital", preview)
    preview = upload(staff_client, "hospitals.hospital", f"name,grade,type,status\n{second.name},3B,tcm,accepted\n")
    confirm(staff_client, "hospitals.hospital", preview)
    assert Hospital.objects.filter(pk=first.pk, grade="3A", type="tcm").exists()
    assert Hospital.objects.filter(pk=second.pk, grade="3B", type="tcm", status="accepted").exists()


def test_admin_csv_export_has_a_bom_chinese_headers_and_labels_and_imports_back_unchanged(staff_client, seeded):
    hospital = Hospital.objects.filter(grade="3A").first()
    response = staff_client.post(reverse("admin:hospitals_hospital_export"),
                                 {"format": FORMATS["CSV"], **{f"hospitalresource_{f}": "on"
                                                               for f in ("name", "grade", "type", "status")}})
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == ["正式名称", "类型", "等级", "审核状态"]
    assert {"正式名称": hospital.name, "类型": hospital.get_type_display() if hospital.type else "",
            "等级": "三级甲等", "审核状态": "已采用"} in rows

    preview = upload(staff_client, "hospitals.hospital", response.content.decode("utf-8-sig"))
    totals = preview.context["result"].totals
    assert totals["skip"] == len(rows) and totals["update"] == totals["new"] == totals["invalid"] == 0


@pytest.mark.parametrize("fmt", [CSV, XLSX], ids=["CSV", "XLSX"])
@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label in ("articles", "hospitals")],
                         ids=lambda m: m._meta.label)
def test_every_sheet_round_trips_unchanged(seeded, fmt, model):
    model_admin = admin.site._registry[model]
    if not hasattr(model_admin, "get_resource_classes"):
        pytest.skip("no spreadsheets for this model")
    for resource_class in model_admin.get_resource_classes(None):
        exported = resource_class().export()
        codes = {name for f in model._meta.fields for name in (f.name, f.attname)}
        assert not codes & set(exported.headers), exported.headers  # headed in Chinese
        dataset = fmt().create_dataset(fmt().export_data(exported))
        result = resource_class().import_data(dataset, dry_run=True)
        assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows
        assert result.totals["skip"] == len(dataset), (resource_class, result.totals)


def test_section_paragraphs_travel_in_one_cell_with_any_line_ends(seeded):
    dataset = CSV().create_dataset(CSV().export_data(SectionResource().export()))
    dataset.dict = [{**row, "正文": row["正文"].replace("\n", "\r\n") + "  "} for row in dataset.dict]
    result = SectionResource().import_data(dataset, dry_run=True)
    assert result.totals["skip"] == len(dataset)


def test_unreadable_cells_are_named_in_chinese_and_nothing_is_saved(seeded):
    """Numbers, dates, related records and the models' own checks: each bad cell is the row's
    error in the column's words (the library says "invalid literal" or
    "[<class 'decimal.ConversionSyntax'>]", and fails the row instead of listing it)."""
    import tablib

    from articles.resources import ArticleResource
    from hospitals.resources import HospitalAliasResource, HospitalResource

    name = Hospital.objects.order_by("name").first().name
    sheets = [
        (HospitalResource, ["正式名称", "床位数", "建院年份"], [name, "一千", "1999年"],
         {"床位数": "“床位数”的值“一千”无法识别，应为整数。", "建院年份": "“建院年份”的值“1999年”无法识别，应为整数。"}),
        (HospitalResource, ["正式名称", "建院年份"], [name, "1700"], {"__all__": "建院年份应在 1800 到 2100 年之间。"}),
        (HospitalAliasResource, ["别名", "医院"], ["某某医院", "没有这家医院"],
         {"医院": "“医院”：没有“没有这家医院”这一医院。"}),
        (ArticleResource, ["源文件", "文件内序号", "标题", "发布日期"], ["001_6ff0cf5427d759dd.txt", "0", "标题", "2022年2月"],
         {"发布日期": "“发布日期”的值“2022年2月”无法识别，应为日期，如 2024-05-01。"}),
    ]
    before = sorted(Hospital.objects.values_list("name", "beds", "founded_year"))
    for resource, headers, row, errors in sheets:
        result = resource().import_data(tablib.Dataset(row, headers=headers), dry_run=False)
        assert not result.has_errors()
        assert [invalid.number for invalid in result.invalid_rows] == [1]
        assert {key: messages[0] for key, messages in result.invalid_rows[0].error_dict.items()} == errors
    assert sorted(Hospital.objects.values_list("name", "beds", "founded_year")) == before


def test_text_cells_that_read_as_stored_are_no_edit(seeded):
    """Excel writes CRLF inside cells and keeps stray spaces: the row is unchanged, and a real
    edit is stored normalised."""
    from hospitals.models import Honour
    from hospitals.resources import HonourResource

    dataset = HonourResource().export()
    dataset.dict = [{**row, "原文证据": row["原文证据"].replace("\n", "\r\n") + " "} for row in dataset.dict]
    assert HonourResource().import_data(dataset, dry_run=True).totals["skip"] == len(dataset)

    honour = Honour.objects.exclude(evidence="").first()
    rows = HonourResource().export(queryset=Honour.objects.filter(pk=honour.pk)).dict
    rows[0]["原文证据"] = "第一行 \r\n第二行\r\n"
    dataset.dict = rows
    HonourResource().import_data(dataset, dry_run=False)
    honour.refresh_from_db()
    assert honour.evidence == "第一行\n第二行"


def test_each_identity_is_the_database_constraint_and_the_sheets_import_id(seeded):
    """One identity per kind of record (core/natural_keys.py): the database refuses a second
    record with it and a spreadsheet row is matched by it."""
    from django.apps import apps
    from django.db.models import F, UniqueConstraint
    from django.db.models.functions import Coalesce

    from articles.resources import ArticleResource
    from core.natural_keys import IDENTITY
    from hospitals.resources import HonourResource, HospitalAliasResource, HospitalResource, PersonResource

    def field_of(expression):
        while isinstance(expression, Coalesce):
            expression = expression.source_expressions[0]
        return expression.name if isinstance(expression, F) else None

    for label, identity in IDENTITY.items():
        model = apps.get_model(label)
        unique = [tuple(c.fields) or tuple(field_of(e) for e in c.expressions)
                  for c in model._meta.constraints if isinstance(c, UniqueConstraint)]
        unique += [(f.name,) for f in model._meta.fields if f.unique and not f.primary_key]
        assert set(identity) in [set(fields) for fields in unique], (label, unique)
    for resource in (ArticleResource, HospitalResource, HospitalAliasResource, PersonResource, HonourResource):
        assert tuple(resource._meta.import_id_fields) == IDENTITY[resource._meta.model._meta.label]


@pytest.mark.parametrize("fmt", [CSV, XLSX], ids=["CSV", "XLSX"])
def test_an_honour_given_to_a_person_round_trips_beside_the_hospitals_own(seeded, fmt):
    """The same honour of the same year, once the hospital's and once one of its people's: two
    records, and a sheet of both imports back unchanged; a changed cell updates the right one."""
    from hospitals.models import Honour, Person
    from hospitals.resources import HonourResource

    person = Person.objects.order_by("pk").first()
    hospital = person.hospital
    # Another hospital's person of the same name: the sheet's person is found in the row's hospital.
    other = Hospital.objects.exclude(pk=hospital.pk).order_by("pk").first()
    Person.objects.create(hospital=other, name=person.name, role="医生")
    own = Honour.objects.create(hospital=hospital, name="测试先进集体", year=2020)
    theirs = Honour.objects.create(hospital=hospital, person=person, recipient_kind="person", name="测试先进集体",
                                   year=2020)

    exported = HonourResource().export()
    assert "个人" in exported.headers
    dataset = fmt().create_dataset(fmt().export_data(exported))
    result = HonourResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors(), (
        result.invalid_rows, [e.error for _, errors in result.row_errors() for e in errors])
    assert result.totals["skip"] == len(dataset) and result.totals["new"] == 0

    rows = dataset.dict
    for row in rows:
        if row["名称"] == "测试先进集体" and row["个人"]:
            row["原文证据"] = "表彰个人"
    dataset.dict = rows
    result = HonourResource().import_data(dataset, dry_run=False)
    assert result.totals["update"] == 1 and result.totals["new"] == 0, result.totals
    assert Honour.objects.get(pk=theirs.pk).evidence == "表彰个人"
    assert Honour.objects.get(pk=own.pk).evidence == ""
