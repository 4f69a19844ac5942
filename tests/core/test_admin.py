"""The editors' admin: every page loads for staff, none for anonymous users."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [model for model in admin.site._registry if model._meta.app_label in ("articles", "hospitals")]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_and_change_pages_load_for_staff(staff_client, seeded, model):
    opts = model._meta
    response = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    first = model.objects.first()
    if first is not None:
        response = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
        assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_anonymous_users_are_sent_to_login(client, model):
    opts = model._meta
    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_export_page_loads(staff_client, seeded):
    response = staff_client.get(reverse("admin:hospitals_hospital_export"))
    assert response.status_code == 200


def test_an_articles_form_does_not_list_every_keyword(staff_client, seeded):
    """An archive gathers thousands of keywords; the form offered every one of them (1,988 at
    10,000 articles: 0.6 s to render one article), now it shows the article's own and finds
    others by typing."""
    from articles.models import Article, Keyword

    Keyword.objects.bulk_create(Keyword(word=f"无关词{i:04d}") for i in range(300))
    article = Article.objects.filter(keywords__isnull=False).distinct().first()
    page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "无关词0000" not in page
    assert all(word in page for word in article.keywords.values_list("word", flat=True))
    assert "autocomplete" in page
