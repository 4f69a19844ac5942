"""Aggregates of the public pages (totals, facet counts, rankings) computed once per change of
the data, not on every request: they read every row, so their cost grows with the archive while
the rest of a page does not.

Every change of the published data bumps `articles.DataVersion` when its transaction commits:
single saves and deletes through signals (articles/signals.py); a running import at most every
IMPORT_PAGE_REFRESH_SECONDS and when it ends.
A request reads the version once (one query by primary key) and finds its aggregates in a small
per-process memo under that version, so a change shows on the next request of every process.
`QuerySet.update()` sends no signal: code that changes published rows that way calls
`bump_on_commit()`.
"""

from __future__ import annotations

import secrets
import threading
from typing import Callable, TypeVar

from django.db import transaction

T = TypeVar("T")
MEMO_LIMIT = 512
VERSION_MODEL = "articles.DataVersion"

_memo: dict[tuple, object] = {}
_lock = threading.Lock()


def _version_model():
    # The row lives with the articles (its table predates this app); named, not imported, so the
    # shared layer does not import an app above it.
    from django.apps import apps

    return apps.get_model(VERSION_MODEL)


def current_version() -> int | None:
    return _version_model().objects.filter(pk=1).values_list("value", flat=True).first()


def bump_on_commit() -> None:
    """Mark the data changed once the current transaction commits (at once outside one). After
    the commit, not inside: the version row would otherwise stay locked for the rest of the
    transaction and two writers could deadlock on it. One bump per transaction is enough."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is bump for entry in connection.run_on_commit):
        return
    transaction.on_commit(bump)


def bump() -> None:
    """Mark the data changed. The new version is random, not a successor: a database restored
    from a backup, or emptied and filled again, cannot meet the aggregates cached for an earlier
    state under the same number."""
    DataVersion = _version_model()
    value = secrets.randbits(62)
    if not DataVersion.objects.filter(pk=1).update(value=value):
        DataVersion.objects.bulk_create([DataVersion(pk=1, value=value)], ignore_conflicts=True)


def request_version(request) -> int | None:
    if not hasattr(request, "_data_version"):
        request._data_version = current_version()
    return request._data_version


def cached(request, key: tuple, compute: Callable[[], T]) -> T:
    """compute(), or what it gave for the same key since the data last changed."""
    version = request_version(request)
    if version is None:  # no change recorded since the database was made: nothing to trust
        return compute()
    full_key = (version, *key)
    try:
        return _memo[full_key]  # type: ignore[return-value]
    except KeyError:
        pass
    value = compute()
    with _lock:
        if len(_memo) >= MEMO_LIMIT:
            _memo.clear()
        _memo[full_key] = value
    return value


def clear() -> None:
    """Forget every cached aggregate of this process (tests measure the uncached path)."""
    with _lock:
        _memo.clear()
