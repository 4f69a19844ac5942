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
