"""The import context: what the importer is doing in this thread or task, in one place.

Inside `importing(file_key)` (one file's write transaction):

- history rows written by saves, deletes and bulk inserts are the importer's: their
  `history_user` is the importer's account (`IMPORTER_USERNAME`, inactive, no password) and their
  reason says which file (`导入 <file>`), so "did anyone but the importer write this?" is a
  question about users, not about text;
- the single-record signals (search index, cached page aggregates) stand aside: the importer
  reindexes each file at once and lets the pages catch up itself;
- `known_tokens(mapping)` hands the search index the tokens the analysis already computed.

Inside `retiring()` (within an import), deletions are the importer's own: records only it ever
wrote that a newer parse no longer finds. They leave no tombstone.

A `ContextVar`, not a thread-local: the state follows the code that set it (threads, asyncio
tasks) and every switch is undone by the same `with` that set it.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Iterator, Mapping

# The account the importer's history rows carry. Editors see it as the author of those rows.
IMPORTER_USERNAME = "导入程序"
# The reason on the importer's history rows, before the file's name. Not how rows are recognised
# (the user is); databases imported before the account existed were marked by a migration.
IMPORT_REASON_PREFIX = "导入 "


@dataclass(frozen=True)
class ImportContext:
    file_key: str
    user: object  # the importer's account (`importer_user()`)
    known_tokens: Mapping[str, str] = field(default_factory=dict)
    retiring: bool = False

    @property
    def user_id(self) -> int:
        return self.user.pk

    @property
    def reason(self) -> str:
        return f"{IMPORT_REASON_PREFIX}{self.file_key}"[:100]


_current: ContextVar[ImportContext | None] = ContextVar("import_context", default=None)


def current() -> ImportContext | None:
    """The import running here, or None (an editor, a shell, a page)."""
    return _current.get()


def active() -> bool:
    return _current.get() is not None


@contextmanager
def _entered(context: ImportContext) -> Iterator[ImportContext]:
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def importing(file_key: str, user=None):
    """The block writes `file_key` as the importer (see the module's docstring); `user`: the
    importer's account if the caller already has it (an import of many files looks it up once)."""
    return _entered(ImportContext(file_key=file_key, user=user or importer_user()))


def known_tokens(mapping: Mapping[str, str]):
    """Within the block, texts found in `mapping` (text → tokens) are not segmented again."""
    return _entered(replace(_required(), known_tokens=mapping))


def retiring():
    """Deletions within the block are the importer's retiring what a newer parse no longer finds."""
    return _entered(replace(_required(), retiring=True))


def is_retiring() -> bool:
    context = _current.get()
    return context is not None and context.retiring


def _required() -> ImportContext:
    context = _current.get()
    if context is None:
        raise RuntimeError("only inside importcontext.importing()")
    return context


def importer_user():
    """The importer's account, made the first time an import writes (or by the migration that
    marked older imports' history rows): inactive, with no usable password, so nobody logs in
    as it."""
    from django.contrib.auth import get_user_model
    from django.db import IntegrityError, transaction

    user_model = get_user_model()
    user = user_model._default_manager.filter(username=IMPORTER_USERNAME).first()
    if user is None:
        user = user_model(username=IMPORTER_USERNAME, is_active=False)
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # made meanwhile by an import in another process (two first tasks)
            user = user_model._default_manager.get(username=IMPORTER_USERNAME)
    return user


def importer_rows(history_queryset, importer: bool = True):
    """A model's history rows written by the importer (or, `importer=False`, by anyone else)."""
    if importer:
        return history_queryset.filter(history_user__username=IMPORTER_USERNAME)
    return history_queryset.exclude(history_user__username=IMPORTER_USERNAME)


def mark_import_history(sender, history_instance, **kwargs):
    """simple_history's `pre_create_historical_record`: a row written inside an import is the
    importer's (connected in core/apps.py). Bulk inserts pass the same user and reason; those still
    held go in first, so history ids keep the order of the writes."""
    from core.bulk import write_held_rows

    write_held_rows()
    context = _current.get()
    if context is not None:
        history_instance.history_user = context.user
        if not history_instance.history_change_reason:
            history_instance.history_change_reason = context.reason
