"""The editorial roles, created after every migrate (and by `manage.py setup_roles`).

- 编辑 (editor): staff who read, correct, merge and export every record of the two content
  apps, and work the review queue. No user management.
- 编辑 may also upload text articles and run their import (uploads.run_import, the upload desk
  of the admin), and see the import jobs.
- 表格导入 (importer): an add-on to 编辑 that grants only importing spreadsheets
  (django-import-export's import permission); alone it lets no one view or change a record.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

EDITOR_GROUP = "编辑"
IMPORTER_GROUP = "表格导入"
CONTENT_APPS = ("articles", "hospitals")
# The upload desk (uploads/): 编辑 uploads articles and sees the jobs.
UPLOAD_PERMISSIONS = ("run_import", "view_importjob")


def content_models():
    return [model for app in CONTENT_APPS for model in apps.get_app_config(app).get_models()
            if not model.__name__.startswith("Historical")]


def ensure_roles() -> tuple[Group, Group]:
    # Django creates model permissions after each app's migrations; ours may run first.
    for app in CONTENT_APPS:
        create_permissions(apps.get_app_config(app), verbosity=0)
    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    importer, _ = Group.objects.get_or_create(name=IMPORTER_GROUP)
    edit_perms, import_perms = [], []
    for model in content_models():
        content_type = ContentType.objects.get_for_model(model)
        name = model._meta.verbose_name
        import_perm, _ = Permission.objects.get_or_create(
            codename=f"import_{model._meta.model_name}", content_type=content_type,
            defaults={"name": f"可以从表格导入{name}"},
        )
        import_perms.append(import_perm)
        edit_perms += list(Permission.objects.filter(
            content_type=content_type,
            codename__in=[f"{action}_{model._meta.model_name}" for action in ("view", "add", "change", "delete")],
        ))
    if apps.is_installed("uploads"):
        create_permissions(apps.get_app_config("uploads"), verbosity=0)
        edit_perms += list(Permission.objects.filter(content_type__app_label="uploads",
                                                     codename__in=UPLOAD_PERMISSIONS))
    editor.permissions.set(edit_perms)
    importer.permissions.set(import_perms)
    return editor, importer


def ensure_roles_after_migrate(sender, **kwargs):
    if sender.name == "hospitals":
        ensure_roles()


ACTIONS = {"add": "增加", "change": "修改", "delete": "删除", "view": "查看"}
_BUILTIN = re.compile(r"^Can (add|change|delete|view) ")
_OURS = re.compile(r"^Can import .* from spreadsheets$")


def name_permissions_in_chinese(sender=None, **kwargs):
    """Django names every permission in English when it creates it ("Can add 文章"), and the
    user and group forms list them by name; after every migrate they are named in Chinese."""
    renamed = []
    with translation.override("zh-hans"):
        for permission in Permission.objects.select_related("content_type"):
            model = permission.content_type.model_class()
            if model is None:
                continue
            verbose = str(model._meta.verbose_name)
            match = _BUILTIN.match(permission.name)
            if match:
                permission.name = f"可以{ACTIONS[match.group(1)]}{verbose}"
            elif _OURS.match(permission.name):
                permission.name = f"可以从表格导入{verbose}"
            else:
                continue
            renamed.append(permission)
    Permission.objects.bulk_update(renamed, ["name"])
