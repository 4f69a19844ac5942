"""Editing in the admin: a save changes only what the editor changed (whatever line ends the
browser sends), paragraphs are edited one per box, and the importer's JSON is shown as tables."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ReviewItem, Section
from articles.paragraphs import clean_paragraphs, split_paragraphs
from core.admin_text import NormalisedCharField, normalise_text
from hospitals.models import Hospital
from tests.articles.test_editors import admin_form_data

pytestmark = pytest.mark.django_db


def reparse(seeds_dir) -> str:
    out = StringIO()
    call_command("import_seeds", str(seeds_dir), "--reparse", stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()[0]


def history_rows() -> int:
    from django.apps import apps

    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def as_browser_sends(data: dict) -> dict:
    """Line ends as CRLF, as browsers submit textareas, and a trailing space nobody sees."""
    def crlf(value):
        if isinstance(value, list):
            return [crlf(v) for v in value]
        if isinstance(value, str) and not value.isascii():
            return value.replace("\n", "\r\n") + " "
        return value
    return {key: crlf(value) for key, value in data.items()}


def test_text_is_compared_as_it_reads():
    field = NormalisedCharField()
    assert normalise_text("一行 \r\n二行\u3000\r\r\n三行  ") == "一行\n二行\n\n三行"
    assert not field.has_changed("第一段\n\n第二段", "第一段\r\n\r\n第二段  ")
    assert field.has_changed("第一段", "第一段。")
    assert clean_paragraphs(["第一段 \r\n", "", "第二段\r\n\r\n第三段", "  "]) == ["第一段", "第二段", "第三段"]
    assert split_paragraphs("甲\n\n乙\n\n\n\n") == ["甲", "乙"]


def test_an_article_saved_untouched_with_browser_line_ends_changes_nothing(staff_client, seeds_dir):
    call_command("import_seeds", str(seeds_dir), "--quiet", stdout=StringIO())
    article = Article.objects.get(title="重庆市綦江区人民医院 党建业务深度融合 高质量发展让群众满意")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = as_browser_sends(admin_form_data(staff_client.get(url)))
    paragraphs = {s.pk: s.paragraphs for s in article.sections.all()}
    rows, logs, updated = history_rows(), LogEntry.objects.count(), article.updated

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert {s.pk: s.paragraphs for s in article.sections.all()} == paragraphs
    assert (history_rows(), LogEntry.objects.count()) == (rows, logs)
    assert Article.objects.get(pk=article.pk).updated == updated
    assert reparse(seeds_dir) == "0 created, 0 updated, 7 unchanged, 0 kept (edited), 0 failed"
    assert not ReviewItem.objects.filter(kind=ReviewItem.Kind.CONFLICT).exists()


def test_paragraphs_are_edited_one_per_box(staff_client, seeded, client):
    article = Article.objects.get(title="重庆市綦江区人民医院 党建业务深度融合 高质量发展让群众满意")
    section = article.sections.get(order=0)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = staff_client.get(url).content.decode()
    assert page.count('<textarea name="sections-0-paragraphs"') == len(section.paragraphs) + 1  # and an empty box
    data = admin_form_data(staff_client.get(url))
    first, second, *rest = section.paragraphs
    # The editor corrects the first paragraph, splits the second with a blank line, empties
    # the third box and types a new paragraph in the empty one.
    data["sections-0-paragraphs"] = [first.replace("健康", "健康事业", 1), "前半段。\r\n\r\n后半段。", "", "新的一段。"]

    response = staff_client.post(url, data)

    assert response.status_code == 302
    section.refresh_from_db()
    assert section.paragraphs == [first.replace("健康", "健康事业", 1), "前半段。", "后半段。", "新的一段。"]
    assert section.history.first().history_user is not None
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>前半段。</p><p>后半段。</p><p>新的一段。</p>" in html
    assert reparse(seeded).startswith("0 created, 0 updated, 6 unchanged, 1 kept (edited)")
    conflict = ReviewItem.objects.get(kind=ReviewItem.Kind.CONFLICT, object_id=article.pk)
    assert set(conflict.detail) == {"sections"}


def test_a_section_without_paragraphs_is_refused(staff_client, seeded):
    section = Section.objects.first()
    url = reverse("admin:articles_section_change", args=[section.pk])
    data = admin_form_data(staff_client.get(url))
    data["paragraphs"] = ["", "  \r\n"]
    response = staff_client.post(url, data)
    assert response.status_code == 200 and "至少需要一段正文" in response.content.decode()


def test_the_snapshot_is_a_collapsed_table_marking_what_the_editor_changed(staff_client, seeded):
    hospital = Hospital.objects.filter(import_snapshot__grade="3A").first()
    hospital.motto = "编辑写的院训"
    hospital.grade = "3B"
    hospital.save()
    page = staff_client.get(reverse("admin:hospitals_hospital_change", args=[hospital.pk])).content.decode()
    snapshot = page[page.index("导入时的值"):]
    assert 'class="collapse"' in page[:page.index("导入时的值")][-400:] or "<details" in page[:page.index("导入时的值")][-400:]
    assert "三级甲等" in snapshot and "编辑已改" in snapshot
    assert '&quot;grade&quot;' not in page and '"grade": ' not in page and "导入快照" not in page

    article = Article.objects.first()
    page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "章节" in page[page.index("导入时的值"):] and "[[" not in page


def test_a_conflict_is_shown_as_two_values_side_by_side(staff_client, seeds_dir):
    call_command("import_seeds", str(seeds_dir), "--quiet", stdout=StringIO())
    hospital = Hospital.objects.filter(import_snapshot__grade="3A").first()
    hospital.grade = "3B"
    hospital.save()
    reparse(seeds_dir)
    item = ReviewItem.objects.get(kind=ReviewItem.Kind.CONFLICT, object_id=hospital.pk)
    page = staff_client.get(reverse("admin:articles_reviewitem_change", args=[item.pk])).content.decode()
    assert "编辑的值（保留）" in page and "三级乙等" in page and "三级甲等" in page
    assert '"editor"' not in page and "Content type" not in page and "Object id" not in page
    listing = staff_client.get(reverse("admin:articles_reviewitem_changelist")).content.decode()
    assert "删去了文字识别多出的空格" in listing and ">removed_ocr_spaces<" not in listing
    assert ">hospitals.Hospital<" not in listing
