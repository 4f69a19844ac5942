"""The editorial roles created by migrate: 编辑 edits, 表格导入 only adds importing to it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hospitals.roles import EDITOR_GROUP, IMPORTER_GROUP, content_models

pytestmark = pytest.mark.django_db


def test_the_import_group_grants_importing_and_nothing_else():
    granted = set(Group.objects.get(name=IMPORTER_GROUP).permissions.values_list("codename", flat=True))
    assert granted == {f"import_{model._meta.model_name}" for model in content_models()}


def test_the_import_group_alone_opens_no_record(client, django_user_model, seeded):
    importer = django_user_model.objects.create_user("daoru", password="x-import-pw-1", is_staff=True)
    importer.groups.add(Group.objects.get(name=IMPORTER_GROUP))
    client.force_login(importer)
    for name in ("articles_article", "hospitals_hospital", "hospitals_honour"):
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 403, name
    importer.groups.add(Group.objects.get(name=EDITOR_GROUP))
    assert client.get(reverse("admin:hospitals_hospital_import")).status_code == 200
    assert client.get(reverse("admin:hospitals_hospital_changelist")).status_code == 200
