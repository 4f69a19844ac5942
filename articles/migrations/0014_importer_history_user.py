"""The importer's history rows carry the importer's account (core/importcontext.py) instead of
being recognised by their reason's text. Rows written before are marked here: no user and a
reason `导入 <file>` is how the importer wrote them, and nobody else did."""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations

IMPORTER_USERNAME = "导入程序"  # as core/importcontext.py
IMPORT_REASON_PREFIX = "导入 "


def mark_importer_rows(apps, schema_editor):
    history_models = [model for label in ("articles", "hospitals")
                      for model in apps.get_app_config(label).get_models()
                      if model.__name__.startswith("Historical")]
    user = None
    for model in history_models:
        rows = model.objects.filter(history_user__isnull=True, history_change_reason__startswith=IMPORT_REASON_PREFIX)
        if not rows.exists():
            continue
        if user is None:
            user_model = apps.get_model(settings.AUTH_USER_MODEL)
            user = user_model.objects.filter(username=IMPORTER_USERNAME).first() or user_model.objects.create(
                username=IMPORTER_USERNAME, is_active=False, password=make_password(None))
        rows.update(history_user=user)


def unmark_importer_rows(apps, schema_editor):
    for label in ("articles", "hospitals"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                model.objects.filter(history_user__username=IMPORTER_USERNAME).update(history_user=None)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_review_item_duplicate'),
        ('hospitals', '0009_hospital_division_code'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(mark_importer_rows, unmark_importer_rows)]
