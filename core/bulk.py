"""Inserting many new rows of one model with one statement, and their history rows with another,
built straight from the model's fields.

`QuerySet.bulk_create` compiles its statement through the ORM for every call, value by value
(`pre_save`, `get_db_prep_save`, `prepare_value`: about 30 calls per row), and simple_history's
`bulk_history_create` first builds a model instance per history row; an import spends much of its
writing there. Here each model's columns and how to turn a value into a parameter are worked out
once per process: a plain value (text, a number, a key) goes in as it is, anything else (a time,
JSON) through the field's own `get_db_prep_save`, so the rows are the ones the ORM would write.

Rows nothing in an import reads back while it writes can be held (`held_rows`): history rows,
and rows inserted with `hold=True` (review items, new articles' keyword links). An import's
batch of files (ingest/batches.py) writes those of all its files with one statement per table
just before it commits, instead of one per table and article. The importer writes held rows first
(`write_held_rows`) whenever it reads history rows or review items, deletes a record (whose
cascade reads them), or a save writes a history row of its own, so every reader sees them and
ids keep the order of the writes.

On SQLite a batch's transaction is the database's only writer, so the batch also holds the new
rows whose ids the importer needs (articles, sections, hospitals, people, search documents...):
it gives them the ids the database would (`BatchIds`), and a wrapper around every statement
writes a table's held rows before anything names that table. The rows come out the same, ids
included; the statements of an import of 1,000 articles go from 20,094 to 12,618. On PostgreSQL
the batch holds them too, with ids from the tables' sequences taken a block at a time: 20,784
statements → 12,627, the same rows and ids in a database nobody else writes.
"""

from __future__ import annotations

import datetime
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object, get_history_manager_for_model

# Fields whose get_db_prep_save hands back a str, int, float or bool unchanged, and None as None.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.SmallIntegerField,
                 models.BigIntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
                 models.PositiveBigIntegerField, models.FloatField, models.BooleanField, models.ForeignKey,
                 models.AutoField, models.BigAutoField, models.SlugField)
_PLAIN_VALUES = (str, int, float, bool, type(None))
# Values prepared by what they are, not by which object holds them: a batch's rows share one time.
_IMMUTABLE_VALUES = (datetime.date, datetime.time)
_prepared_times: dict[tuple, object] = {}


class _Table:
    """How one model's rows are inserted: its columns (the primary key left to the database when
    it generates it) and, per column, how its value is found and prepared."""

    def __init__(self, model, with_pk: bool = False):
        meta = model._meta
        self.pk = meta.pk
        self.db_table = meta.db_table
        self.with_pk = with_pk
        self.fields = [f for f in meta.concrete_fields if with_pk or not (f.primary_key and f.db_returning)]
        self.plain = [type(f) in _PLAIN_FIELDS for f in self.fields]
        # A JSON value is encoded the same by every JSON field with the same encoder: a history
        # row's copy of the field shares the row's encoding.
        self.shared_as = [("json", f.encoder) if type(f) is models.JSONField else f for f in self.fields]
        # auto_now / auto_now_add: the insert's time goes on the instance, as save() puts it there.
        self.stamped = [f.attname for f in self.fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
        self.related = [f for f in self.fields if f.many_to_one]
        quote = connection.ops.quote_name
        self.head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in self.fields)}) VALUES "
        self.row = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        self.returning = f" RETURNING {quote(self.pk.column)}" if self.pk.db_returning else ""

    def prepare(self, obj, now) -> None:
        for name in self.stamped:
            setattr(obj, name, now)
        for field in self.related:
            # Made with an object that was unsaved then (an alias of a hospital inserted just
            # before): its key now, as save() and bulk_create take it.
            if getattr(obj, field.attname) is None:
                target = obj._state.fields_cache.get(field.name)
                if target is not None:
                    setattr(obj, field.attname, target.pk)

    def row_of(self, values: Iterable, prepared: dict, conn) -> list:
        """The row's parameters. `prepared`: what this statement (or this record's pair of
        statements, row and history) prepared already, by the identity of the value (JSON)."""
        out = []
        for field, plain, shared_as, value in zip(self.fields, self.plain, self.shared_as, values):
            if not (plain and isinstance(value, _PLAIN_VALUES)):
                if isinstance(value, _IMMUTABLE_VALUES):
                    key = (field, value, conn)
                    if (ready := _prepared_times.get(key)) is None:
                        if len(_prepared_times) > 256:
                            _prepared_times.clear()
                        ready = _prepared_times[key] = field.get_db_prep_save(value, conn)
                    value = ready
                else:
                    key = (shared_as, id(value))
                    if key not in prepared:
                        # The value is kept with its preparation so that its id stays its own.
                        prepared[key] = (value, field.get_db_prep_save(value, conn))
                    value = prepared[key][1]
            out.append(value)
        return out

    def insert(self, rows: list[list], objects: list | None, *, ignore_conflicts: bool = False) -> None:
        batch = max(1, connection.ops.bulk_batch_size(self.fields, rows))
        tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
        with connection.cursor() as cursor:
            for start in range(0, len(rows), batch):
                chunk = rows[start:start + batch]
                sql = self.head + ", ".join([self.row] * len(chunk)) + tail
                params = [value for row in chunk for value in row]
                if objects is None or not self.returning:
                    cursor.execute(sql, params)
                    continue
                cursor.execute(sql + self.returning, params)
                # Both engines return the rows of a multi-row insert in the order of its VALUES
                # (the ORM's bulk_create relies on it too).
                for obj, (pk,) in zip(objects[start:start + batch], cursor.fetchall()):
                    setattr(obj, self.pk.attname, pk)


def _connection():
    # The connection itself, not the proxy: each attribute read through `django.db.connection`
    # looks the connection up again (about 150,000 times in an import of 1,000 articles).
    return connections[DEFAULT_DB_ALIAS]


def insert_time() -> datetime.datetime:
    """When rows inserted now are stamped: within `held_rows`, its time (a batch's: when its
    transaction began, as a database's transaction time), for every inserted row and history
    row, so that a time is prepared once, not once per statement; else the current time."""
    held = _held.get()
    return held.now if held is not None else timezone.now()


@lru_cache(maxsize=None)
def _table(model, vendor: str, with_pk: bool = False) -> _Table:
    return _Table(model, with_pk)


@lru_cache(maxsize=None)
def _history_model(model):
    return get_history_manager_for_model(model).model


def insert(objects: list, model=None, *, ignore_conflicts: bool = False, hold: bool = False,
           prepared: dict | None = None) -> None:
    """Insert unsaved instances of one model. Each gets its primary key, as after save(), unless
    `ignore_conflicts` (rows that would break a unique constraint are skipped, and nobody can
    tell which got in). `hold` (with `ignore_conflicts`): held for the batch if one holds rows.
    `prepared`: shared with `insert_history` of the same objects, which repeats their values."""
    if not objects:
        return
    prepared = {} if prepared is None else prepared
    model = model or type(objects[0])
    conn = _connection()
    held = _held.get()
    if held is not None and held.ids is not None and not ignore_conflicts and model._meta.pk.db_returning \
            and all(obj.pk is None for obj in objects):
        held.defer(objects, _table(model, conn.vendor, True), prepared, conn)
        return
    table = _table(model, conn.vendor)
    now = insert_time()
    rows = []
    for obj in objects:
        table.prepare(obj, now)
        rows.append(table.row_of([getattr(obj, f.attname) for f in table.fields], prepared, conn))
    if hold and ignore_conflicts and held is not None:
        held.current.append((table, rows, True))
        return
    table.insert(rows, None if ignore_conflicts else objects, ignore_conflicts=ignore_conflicts)
    if not ignore_conflicts:
        for obj in objects:
            obj._state.adding = False
            obj._state.db = conn.alias


def insert_history(objects: Iterable, model, *, user, reason: str, prepared: dict | None = None,
                   history_type: str = "+", when: datetime.datetime | None = None) -> None:
    """The "created" history rows of just-inserted instances, as simple_history's
    `bulk_history_create` makes them (its tracked fields, the time, the user, the reason);
    `history_type` "~" and `when`: the rows of a change, as a save's."""
    history = _history_model(model)
    conn = _connection()
    table = _table(history, conn.vendor)
    tracked = {f.attname for f in history.tracked_fields}
    shared = {"history_date": when or insert_time(), "history_type": history_type,
              "history_user_id": user.pk if user is not None else None}
    prepared, rows = {} if prepared is None else prepared, []
    for obj in objects:
        extra = {**shared, "history_change_reason": get_change_reason_from_object(obj) or reason}
        values = [getattr(obj, f.attname) if f.attname in tracked else extra.get(f.attname, f.get_default())
                  for f in table.fields]
        rows.append(table.row_of(values, prepared, conn))
    if not rows:
        return
    if (held := _held.get()) is not None:
        held.current.append((table, rows, False))
        return
    table.insert(rows, None)


def update_fields(record, fields: list[str], *, user, reason: str) -> None:
    """An import's save of some fields of a stored record: the UPDATE, and its history row ("~")
    held with the batch's rows. A save's own history row would first write everything the batch
    holds, so that history ids keep the order of the writes (1.2 s of the main process in an
    import of 1,000 articles, most of it statements the batch's commit would have made fewer);
    held, the row keeps that order anyway. No save signals: within an import the search index and
    the pages' cache stand aside, and an import never renames a record (the pre-save read of its
    old name, one statement per save, found nothing to keep). Stamped with the current time, as a
    save is, not the batch's: later than the row's creation in the same batch, so that the history
    an editor reads compares each change with the one before."""
    model = type(record)
    now = timezone.now()
    stamped = [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    for name in stamped:
        setattr(record, name, now)
    names = dict.fromkeys([*fields, *stamped])
    model._base_manager.filter(pk=record.pk).update(**{name: getattr(record, name) for name in names})
    insert_history([record], model, user=user, reason=reason, history_type="~", when=now)


class BatchIds:
    """The ids a batch gives its new rows itself.

    SQLite: its transaction is the database's one writer, so a table's next id stays the next
    until something else inserts into it. The first one a table needs is read from the table
    (and from `sqlite_sequence`, so that an id a deleted row had is not given again, as
    AUTOINCREMENT would not).

    PostgreSQL: from the table's own sequence, `POOL` at a time (`pool`, shared by an import's
    batches), so that a file's new rows cost no statement until they are written; as with a
    sequence's own cache, the ids an import took and did not use are a gap. Others write the
    tables meanwhile, so nothing read is remembered (`batch_memo` is SQLite's)."""

    POOL = 256

    def __init__(self, pool: dict[str, list[int]] | None = None):
        self.next: dict[str, int] = {}
        # What the batch's files remember of a table (`batch_memo`), forgotten when anything but
        # the batch's own held rows writes to it.
        self.memos: dict[str, dict] = {}
        self.remember = connection.vendor == "sqlite"
        self.pool = {} if pool is None else pool

    def take(self, table: _Table, count: int) -> Sequence[int]:
        if connection.vendor == "postgresql":
            return self._from_sequence(table, count)
        first = self.next.get(table.db_table)
        if first is None:
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                               f"coalesce((SELECT max({quote(table.pk.column)}) FROM {quote(table.db_table)}), 0))",
                               [table.db_table])
                first = cursor.fetchone()[0] + 1
        self.next[table.db_table] = first + count
        return range(first, first + count)

    def _from_sequence(self, table: _Table, count: int) -> list[int]:
        pool = self.pool.setdefault(table.db_table, [])
        if len(pool) < count:
            with connection.cursor() as cursor:
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                               [connection.ops.quote_name(table.db_table), table.pk.column,
                                max(self.POOL, count - len(pool))])
                pool.extend(row[0] for row in cursor.fetchall())
        taken = pool[:count]
        del pool[:count]
        return taken


class HeldRows:
    """The rows a batch holds: `earlier`, those of the files already written in it (the batch's
    own list, written in the current file's transaction only if something needs them there:
    `earlier_written`, or for some tables only, `written_tables`), and `current`, the file being
    written's. Entries: (table, rows, ignore_conflicts).

    With `ids` (SQLite), new rows that need their ids (`insert` without `ignore_conflicts`) are
    held too, with ids given by the batch: every statement that names such a table (a read, an
    update, a delete's cascade, an insert of the ORM's) first writes the rows held for it, so
    no reader can miss them, and an insert of someone else's makes the batch read the table's
    next id again."""

    def __init__(self, earlier: list, ids: BatchIds | None = None, now: datetime.datetime | None = None):
        self.earlier, self.current, self.earlier_written = earlier, [], False
        self.ids = ids
        self.now = now or timezone.now()
        self.written_tables: set[str] = set()
        self.writing = False
        # Tables with rows of given ids not yet written.
        self.waiting = {table.db_table for table, _, _ in earlier if table.with_pk}

    def defer(self, objects: list, table: _Table, prepared: dict, conn) -> None:
        now = self.now
        ids = self.ids.take(table, len(objects))
        rows = []
        for pk, obj in zip(ids, objects):
            table.prepare(obj, now)
            setattr(obj, table.pk.attname, pk)
            rows.append(table.row_of([getattr(obj, f.attname) for f in table.fields], prepared, conn))
            obj._state.adding = False
            obj._state.db = conn.alias
        self.current.append((table, rows, False))
        self.waiting.add(table.db_table)

    def write_waiting(self, names: set[str]) -> None:
        """Write now the rows of given ids held for the tables `names`."""
        entries = []
        if not self.earlier_written:
            entries += [entry for entry in self.earlier if entry[0].with_pk and entry[0].db_table in names
                        and entry[0].db_table not in self.written_tables]
        entries += [entry for entry in self.current if entry[0].with_pk and entry[0].db_table in names]
        self.current = [entry for entry in self.current if not (entry[0].with_pk and entry[0].db_table in names)]
        self.written_tables |= names
        self.waiting -= names
        self._write(entries)

    def write_all(self) -> None:
        if not self.earlier_written:
            self.earlier_written = True
            self._write([entry for entry in self.earlier
                         if not (entry[0].with_pk and entry[0].db_table in self.written_tables)])
        entries, self.current = self.current, []
        self.waiting.clear()
        self._write(entries)

    def kept(self) -> list:
        """What the batch holds once the file is written: what is still to be written."""
        if self.earlier_written:
            return self.current
        return [entry for entry in self.earlier
                if not (entry[0].with_pk and entry[0].db_table in self.written_tables)] + self.current

    def _write(self, entries: list) -> None:
        self.writing = True
        try:
            write_rows(entries)
        finally:
            self.writing = False

    def before_statement(self, execute, sql, params, many, context):
        # A connection.execute_wrapper: the rows of given ids go in before anything names their table.
        if not self.writing and (self.waiting or self.ids.next or self.ids.memos):
            named = set(_names(frozenset(self.waiting | self.ids.next.keys() | self.ids.memos.keys())).findall(sql))
            if named:
                if waiting := named & self.waiting:
                    self.write_waiting(waiting)
                verb = sql.lstrip()[:7].upper()
                if verb[:6] != "SELECT":
                    for name in named:
                        self.ids.memos.pop(name, None)
                        if verb in ("INSERT ", "REPLACE"):
                            self.ids.next.pop(name, None)
        return execute(sql, params, many, context)


@lru_cache(maxsize=256)
def _names(tables: frozenset) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, tables))) + r")\b")


_held: ContextVar[HeldRows | None] = ContextVar("held_rows", default=None)


@contextmanager
def held_rows(earlier: list, ids: BatchIds | None = None, now: datetime.datetime | None = None):
    """Within the block, history rows and rows inserted with `hold` (and, with `ids`, new rows
    that need their ids) are collected in the yielded `HeldRows`, not written; the caller writes
    them (`write_rows(held.kept())`) before its commit, or drops those of a block rolled back."""
    held = HeldRows(earlier, ids, now)
    token = _held.set(held)
    try:
        if ids is None:
            yield held
        else:
            with connection.execute_wrapper(held.before_statement):
                yield held
    finally:
        _held.reset(token)


def batch_memo(model) -> dict | None:
    """A dict the files of a SQLite batch share to remember what they read of `model`'s table,
    emptied whenever something else than the batch's held rows writes to that table (an update,
    a delete, an insert of the ORM's; the batch's own new rows its user adds itself); None
    outside such a batch. A batch's transaction is the database's only writer, and a new batch
    starts with nothing remembered."""
    held = _held.get()
    if held is None or held.ids is None or not held.ids.remember:
        return None
    return held.ids.memos.setdefault(model._meta.db_table, {})


def batch_remembered(model, key: str, read):
    """`read()`, remembered under `key` in the batch's memo of `model`'s table (`batch_memo`):
    read once per batch, and again only after something else wrote the table; None outside a
    SQLite batch, where the caller reads for itself."""
    memo = batch_memo(model)
    if memo is None:
        return None
    if key not in memo:
        memo[key] = read()
    return memo[key]


def write_held_rows() -> None:
    """Write the rows held so far now, in the transaction that is open."""
    held = _held.get()
    if held is not None:
        held.write_all()


def write_rows(entries: list) -> None:
    """Held rows, one statement per table (or per the engine's limit on parameters), in the
    order they were held within each table."""
    by_table: dict[tuple, list] = {}
    for table, rows, ignore_conflicts in entries:
        by_table.setdefault((table, ignore_conflicts), []).extend(rows)
    for (table, ignore_conflicts), rows in by_table.items():
        table.insert(rows, None, ignore_conflicts=ignore_conflicts)
