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

The first reader after a change does not pay for them on the pages readers open first
(PAGE_AGGREGATE_URLS): the writer computes those pages' aggregates for the new version and
stores them (`articles.PageAggregate`) before it publishes that version, so every process finds
them with one query by key. Readers never write there (a reader taking SQLite's write lock
would wait for a running import); what they compute for other pages (a filter, a keyword) stays
in their own memo.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import secrets
import threading
import time
from typing import Callable, TypeVar

from django.db import connection, transaction

T = TypeVar("T")
MEMO_LIMIT = 512
PUBLISH_ATTEMPTS = 3

_memo: dict[tuple, object] = {}
_lock = threading.Lock()
_MISSING = object()
log = logging.getLogger(__name__)


def _model(name: str):
    # The rows live with the articles (the version's table predates this app); named, not
    # imported, so the shared layer does not import an app above it.
    from django.apps import apps

    return apps.get_model("articles", name)


def current_version() -> int | None:
    return _model("DataVersion").objects.filter(pk=1).values_list("value", flat=True).first()


def bump_on_commit() -> None:
    """Mark the data changed once the current transaction commits (at once outside one). After
    the commit, not inside: the version row would otherwise stay locked for the rest of the
    transaction and two writers could deadlock on it. One bump per transaction is enough."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is bump for entry in connection.run_on_commit):
        return
    transaction.on_commit(bump)


def bump() -> float:
    """Mark the data changed; returns the seconds spent computing the pages' aggregates. The new
    version is random, not a successor: a database restored from a backup, or emptied and filled
    again, cannot meet the aggregates cached for an earlier state under the same number.

    The aggregates are computed before the version is published, and it is published only if no
    other writer published one meanwhile (whose aggregates might predate this writer's commit,
    or this one's theirs): otherwise computed again. After PUBLISH_ATTEMPTS it is published
    without them, and readers compute their own, as they would without this step."""
    spent = 0.0
    for _ in range(PUBLISH_ATTEMPTS):
        previous = current_version()
        value = secrets.randbits(62)
        started = time.perf_counter()
        stored = warm(value)
        spent += time.perf_counter() - started
        if _publish(previous, value):
            if stored:  # else the table may not exist yet (a database mid-migration)
                _forget_except(value, previous)
            return spent
    _publish(None, secrets.randbits(62))
    return spent


def _publish(previous: int | None, value: int) -> bool:
    """Make `value` the version if it still is `previous` (None: whatever it is)."""
    DataVersion = _model("DataVersion")
    rows = DataVersion.objects.filter(pk=1)
    if previous is not None:
        rows = rows.filter(value=previous)
    if rows.update(value=value):
        return True
    if previous is None or not DataVersion.objects.filter(pk=1).exists():
        DataVersion.objects.bulk_create([DataVersion(pk=1, value=value)], ignore_conflicts=True)
        return current_version() == value
    return False


def _forget_except(*versions: int | None) -> None:
    """Drop stored aggregates of older versions; the one just replaced stays for the requests
    still running under it. Raw SQL: a queryset delete would load every row to send signals."""
    table = _model("PageAggregate")._meta.db_table
    kept = [v for v in versions if v is not None]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE version NOT IN ({', '.join(['%s'] * len(kept))})", kept)


def warm(version: int) -> int:
    """Compute the aggregates of the pages in PAGE_AGGREGATE_URLS as their first request under
    `version` would, and store them; returns how many. A page that fails is logged and left to
    its readers: the writer's change is committed already and must not fail here."""
    from django.conf import settings
    from django.test import RequestFactory
    from django.urls import resolve

    urls = getattr(settings, "PAGE_AGGREGATE_URLS", ())
    if not urls:
        return 0
    computed: dict[int, bytes] = {}
    factory = RequestFactory()
    for url in urls:
        request = factory.get(url)
        request._data_version = version
        request._aggregates_computed = computed
        try:
            match = resolve(request.path_info)
            match.func(request, *match.args, **match.kwargs)  # a TemplateResponse, not rendered
        except Exception:  # noqa: BLE001 — see the docstring
            log.exception("page aggregates of %s not precomputed", url)
    if computed:
        PageAggregate = _model("PageAggregate")
        PageAggregate.objects.bulk_create([PageAggregate(version=version, key=key, value=value)
                                           for key, value in computed.items()], ignore_conflicts=True)
    return len(computed)


def request_version(request) -> int | None:
    if not hasattr(request, "_data_version"):
        request._data_version = current_version()
    return request._data_version


def _stored_key(key: tuple) -> int:
    """A stored aggregate's key: 63 bits of a digest of the full key (page, arguments, name,
    query string), which can be longer than any indexed column."""
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=8).digest(), "big") >> 1


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
    computing = getattr(request, "_aggregates_computed", None)
    value = _MISSING if computing is not None else _load(version, key)
    if value is _MISSING:
        value = compute()
        if computing is not None:
            computing[_stored_key(key)] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with _lock:
        if len(_memo) >= MEMO_LIMIT:
            _memo.clear()
        _memo[full_key] = value
    return value


def _load(version: int, key: tuple):
    # Pickle: only this module writes the table, from values it computed itself.
    stored = (_model("PageAggregate").objects.filter(version=version, key=_stored_key(key))
              .values_list("value", flat=True).first())
    return _MISSING if stored is None else pickle.loads(stored)


def clear() -> None:
    """Forget every cached aggregate of this process (tests measure the uncached path)."""
    with _lock:
        _memo.clear()
