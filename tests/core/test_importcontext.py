"""One import context (core/importcontext.py): what it switches, that it always switches back,
and how the importer's history rows are told from everyone else's."""

import importlib

import pytest
from django.apps import apps

from articles.models import Article
from articles.search import signals_active
from core import importcontext
from core.importcontext import IMPORTER_USERNAME, importing
from hospitals.models import Hospital
from ingest.review import untouched_by_editors


@pytest.mark.django_db
def test_the_context_is_undone_by_the_block_that_set_it_even_on_error():
    assert importcontext.current() is None and signals_active()
    with pytest.raises(ValueError):
        with importing("a.txt") as context:
            assert importcontext.current() is context and not signals_active()
            with importcontext.known_tokens({"text": "tok"}):
                with importcontext.retiring():
                    assert importcontext.is_retiring() and importcontext.current().known_tokens == {"text": "tok"}
                assert not importcontext.is_retiring()
            raise ValueError
    assert importcontext.current() is None and signals_active() and not importcontext.is_retiring()


def test_retiring_outside_an_import_is_refused():
    with pytest.raises(RuntimeError):
        importcontext.retiring()


@pytest.mark.django_db
def test_history_rows_written_inside_an_import_are_the_importers_and_no_others(django_user_model):
    with importing("seed.txt"):
        hospital = Hospital.objects.create(name="甲市人民医院", import_snapshot={"name": "甲市人民医院"})
    row = hospital.history.get()
    assert row.history_user.username == IMPORTER_USERNAME and row.history_change_reason == "导入 seed.txt"
    assert not row.history_user.is_active and not row.history_user.has_usable_password()
    assert untouched_by_editors(Hospital, [hospital]) == [hospital]

    hospital.motto = "仁心"  # an editor's (or a shell's) save: no import around it
    hospital.import_snapshot = {**hospital.import_snapshot}
    hospital.save()
    assert hospital.history.latest("history_date").history_user is None
    assert untouched_by_editors(Hospital, [hospital]) == []
    assert django_user_model.objects.filter(username=IMPORTER_USERNAME).count() == 1


@pytest.mark.django_db
def test_rows_older_imports_marked_by_their_reason_are_the_importers_after_the_migration():
    hospital = Hospital(name="乙县中医医院", import_snapshot={"name": "乙县中医医院"})
    hospital._change_reason = "导入 old.txt"  # as imports before the importer's account wrote them
    hospital.save()
    assert hospital.history.get().history_user is None
    assert untouched_by_editors(Hospital, [hospital]) == []

    migration = importlib.import_module("articles.migrations.0014_importer_history_user")
    migration.mark_importer_rows(apps, None)

    assert hospital.history.get().history_user.username == IMPORTER_USERNAME
    assert untouched_by_editors(Hospital, [hospital]) == [hospital]


def test_history_page_names_the_importer(staff_client, seeded):
    from django.urls import reverse

    article = Article.objects.order_by("pk").first()
    page = staff_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "导入程序" in page and f"导入 {article.source_file.path}" in page
    assert "/admin/auth/user/" not in page  # the importer's account is no link to follow


def test_history_page_shows_a_change_in_chinese(staff_client):
    from django.urls import reverse

    from hospitals.models import Hospital

    hospital = Hospital.objects.create(name="某某市人民医院")
    hospital.grade, hospital.beds = "3A", 1200
    hospital.save()
    page = staff_client.get(reverse("admin:hospitals_hospital_history", args=[hospital.pk])).content.decode()
    assert "三级甲等" in page and "（空）" in page and "None" not in page
