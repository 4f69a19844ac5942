"""Filing things for editors to look at (the review queue) and marking the importer's history."""

from __future__ import annotations

import hashlib
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .models import ReviewItem


def _new_item(kind: str, code: str, *, article=None, hospital=None, target=None, excerpt: str = "",
              detail: dict | None = None) -> ReviewItem:
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    key = json.dumps([kind, code, article.pk if article else None, content_type.pk if content_type else None,
                      target.pk if target is not None else None, excerpt, detail or {}],
                     ensure_ascii=False, sort_keys=True, default=str)
    return ReviewItem(
        fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest(), kind=kind, code=code, article=article,
        hospital=hospital, content_type=content_type, object_id=target.pk if target is not None else None,
        excerpt=excerpt[:200], detail=detail or {},
    )


def file_review_item(kind: str, code: str, **fields) -> ReviewItem:
    """One item per distinct thing: filing the same again (a re-import) changes nothing, and an
    item an editor dismissed stays dismissed."""
    item = _new_item(kind, code, **fields)
    existing, _ = ReviewItem.objects.get_or_create(
        fingerprint=item.fingerprint,
        defaults={f.attname: getattr(item, f.attname) for f in ReviewItem._meta.concrete_fields if f.name != "id"},
    )
    return existing


def file_review_items(specs: list[dict]) -> None:
    """Many at once (a file's parser flags): one insert, existing items left as they are."""
    items = [_new_item(**spec) for spec in specs]
    if items:
        ReviewItem.objects.bulk_create(items, ignore_conflicts=True)


def history_models():
    return [model for app in ("articles", "hospitals") for model in apps.get_app_config(app).get_models()
            if model.__name__.startswith("Historical")]


def mark_import_history(since, reason: str) -> None:
    """Label the history rows this import wrote (saves, bulk writes and cascaded deletes alike):
    rows with no user and no reason, written since the import of this file began."""
    for model in history_models():
        model.objects.filter(history_date__gte=since, history_user__isnull=True,
                             history_change_reason__isnull=True).update(history_change_reason=reason[:100])


def resolve(item: ReviewItem, status: str, user) -> None:
    item.status = status
    item.resolved = timezone.now()
    item.resolved_by = user if getattr(user, "pk", None) else None
    item.save(update_fields=["status", "resolved", "resolved_by"])
