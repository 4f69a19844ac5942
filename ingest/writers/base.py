"""What every writer shares: inserting in bulk with history, filing review items, reconciling
and saving a record, asking the tombstones. Writers work on the file's `FileState`."""

from __future__ import annotations

from typing import Callable

from django.db import connection
from simple_history.utils import bulk_create_with_history

from articles.models import Article, ReviewItem
from core import bulk
from core.natural_keys import article_key

from ..reconcile import reconcile
from ..state import FileState

PARSER_VERSION = "15"
# Below this an extracted record waits for an editor before readers see it.
REVIEW_THRESHOLD = 0.8


def _jsonable(value):
    import json

    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


class WriterBase:
    def __init__(self, state: FileState):
        self.state = state

    def _create(self, objects: list, model) -> None:
        """Insert new rows with one statement, and their history rows with another (bulk
        inserts skip save() and its signals, so history is written here)."""
        if not objects:
            return
        if not connection.features.can_return_rows_from_bulk_insert:  # SQLite before 3.35
            bulk_create_with_history(objects, model, default_change_reason=self.state.context.reason,
                                     default_user=self.state.context.user)
        else:
            prepared = {}  # the history rows repeat the rows' values: their JSON is encoded once
            bulk.insert(objects, model, prepared=prepared)
            bulk.insert_history(objects, model, user=self.state.context.user, reason=self.state.context.reason,
                                prepared=prepared)
        self.state.created.update((model, obj.pk) for obj in objects if obj.pk is not None)

    def _save(self, record, fields: list[str]) -> None:
        """Save the fields of a stored record that the import changed (and its time)."""
        context = self.state.context
        if context is None:  # written outside an import's context: the save and its signals
            record.save(update_fields=[*fields, "updated"])
            return
        bulk.update_fields(record, fields, user=context.user, reason=context.reason)

    def _review(self, kind: str, code: str, **fields) -> None:
        if kind == ReviewItem.Kind.LOW_CONFIDENCE:
            fields.setdefault("article", self.state.article)
        self.state.review.append(dict(kind=kind, code=code, **fields))

    def _review_conflicts(self, record, article: Article | None, hospital=None) -> None:
        conflicts = getattr(record, "_import_conflicts", None)
        if conflicts:
            excerpt = "、".join(conflicts)
            self._review(ReviewItem.Kind.CONFLICT, record._meta.label, article=article, hospital=hospital,
                         target=record, excerpt=f"{record}：{excerpt}", detail=_jsonable(conflicts))

    def _update(self, record, values: dict, kind: str | None = None) -> str:
        """Reconcile a record with the new parse and save only the fields that change (a record
        still waiting for its insert just takes them); `kind` names it for the search index.
        Returns the outcome."""
        before = record.import_snapshot
        outcome, apply = reconcile(record, values, {name: getattr(record, name) for name in values})
        for name, value in apply.items():
            setattr(record, name, value)
        if record.pk is not None and (apply or record.import_snapshot != before):
            self._save(record, [*apply, "import_snapshot"])
            if kind:
                self.state.changed[kind].append(record)
        return outcome

    def _deleted(self, model: str, key: Callable[[str], str], *hospital_names: str) -> bool:
        """Whether an editor deleted the record keyed by `key(hospital name)`: under the hospital's
        name, or under the article's name for it if an editor renamed the hospital since."""
        return any((model, key(name)) in self.state.tombstones for name in set(filter(None, hospital_names)))

    def _article_key(self, article: Article) -> str:
        return article_key(self.state.key, article.position)
