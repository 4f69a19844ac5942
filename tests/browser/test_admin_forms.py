"""Saving a form in a real browser changes only what the editor changed.

Chromium sends a textarea's line ends as CRLF; a section body saved so became one paragraph on
the public page and counted as the editor's correction at the next import. Here every change
form of the editors' admin is opened and saved untouched, and no row of any table may change;
then an article's title is corrected and only the title counts as the editor's.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command

from articles.models import Article, ReviewItem, Section
from core.importcontext import IMPORTER_USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTENT_MODELS = [model for model in admin.site._registry if model._meta.app_label in ("articles", "hospitals")]


def database_state() -> dict[str, list[str]]:
    """Every row of every table (sessions aside: logging in writes one)."""
    return {model._meta.label: sorted(repr(row) for row in model._default_manager.values_list())
            for model in apps.get_models(include_auto_created=True) if model._meta.label != "sessions.Session"}


def changed_tables(before: dict, after: dict) -> dict[str, list[str]]:
    return {label: sorted(set(after[label]) ^ set(before[label]))[:4] for label in before if before[label] != after[label]}


def test_every_change_form_saved_untouched_changes_no_row(page, live_seeded, log_in, chief):
    log_in(live_seeded.url, *chief)
    saved = []
    for model in CONTENT_MODELS:
        first = model._default_manager.order_by("pk").first()
        if first is None:
            continue
        opts = model._meta
        page.goto(f"{live_seeded.url}/admin/{opts.app_label}/{opts.model_name}/{first.pk}/change/")
        if page.locator("input[name=_save]").count() == 0:
            continue  # a record editors only read (source files, tombstones)
        before = database_state()
        with page.expect_navigation():  # else the old form is read before the save has answered
            page.click("input[name=_save]")
        assert page.locator(".errornote").count() == 0, (opts.label, page.locator(".errorlist").all_inner_texts())
        assert page.url.endswith(f"/admin/{opts.app_label}/{opts.model_name}/"), (opts.label, page.url)
        assert changed_tables(before, database_state()) == {}, opts.label
        saved.append(opts.label)
    assert {"articles.Article", "articles.Section", "hospitals.Hospital", "hospitals.Honour", "hospitals.Person",
            "hospitals.PersonMention", "hospitals.HospitalFact", "articles.ReviewItem"} <= set(saved)


def test_correcting_a_title_changes_the_title_only(page, live_seeded, seeds_dir, log_in, chief):
    log_in(live_seeded.url, *chief)
    article = Article.objects.get(title="重庆市綦江区人民医院 党建业务深度融合 高质量发展让群众满意")
    paragraphs = {s.pk: s.paragraphs for s in Section.objects.filter(article=article)}
    assert any(len(p) > 1 for p in paragraphs.values())
    page.goto(f"{live_seeded.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title", "綦江区人民医院：党建业务深度融合，高质量发展让群众满意")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    assert {s.pk: s.paragraphs for s in Section.objects.filter(article=article)} == paragraphs
    # No section saved by the editor: the only history rows with a user are the importer's.
    assert not (Section.history.filter(article_id=article.pk, history_user__isnull=False)
                .exclude(history_user__username=IMPORTER_USERNAME).exists())
    page.goto(live_seeded.url + article.get_absolute_url())
    first_section = page.locator("section").first
    assert first_section.locator("p").count() == len(Section.objects.get(article=article, order=0).paragraphs)

    out = StringIO()
    call_command("import_seeds", str(seeds_dir), "--reparse", stdout=out, stderr=StringIO())
    assert out.getvalue().splitlines()[0] == "0 created, 0 updated, 6 unchanged, 1 kept (edited), 0 failed"
    conflict = ReviewItem.objects.get(kind=ReviewItem.Kind.CONFLICT, object_id=article.pk)
    assert set(conflict.detail) == {"title"}
