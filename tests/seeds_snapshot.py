"""The seed files imported once per test session, and their rows copied into each test that
asks for them (the `seeded` fixture).

A real import of the seeds costs seconds (parse, extract, write, index); about a hundred tests
start from its result. The session imports them once, inside a transaction it rolls back,
keeping what the import added: the rows of every model table. A test then inserts those rows
with plain SQL into its own transaction, in milliseconds, rebuilds SQLite's full-text index from
them, and its database holds what a real import into an empty database holds (a test
compares the two: tests/test_seeds_snapshot.py). The test database stays empty for the tests
that do not ask for the seeds.

A restore needs the tables the import fills to be empty, except the users' (the importer's
account is one): a test's own users made before it keep their ids and the importer's account
takes the next. Any other table already holding rows gets a real import instead. Content types
are found by name: a flush after a transactional test makes them again with new ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction


@dataclass
class Table:
    name: str
    columns: list[str]
    pk: int  # position of the primary key
    content_type_columns: list[int]  # positions of foreign keys to django_content_type
    references: list[tuple[int, str]]  # (position, table) of the other foreign keys


@dataclass
class Snapshot:
    tables: dict[str, Table]
    rows: dict[str, list[tuple]]  # table -> the rows the import added, in primary-key order
    # SQLite's full-text tables: external-content indexes of model tables, rebuilt from them.
    fulltext: list[str] = field(default_factory=list)
    content_types: dict[int, tuple[str, str]] = field(default_factory=dict)  # id at import -> (app_label, model)
    models: list = field(default_factory=list)  # models with rows, for the PostgreSQL sequences


def _model_tables() -> tuple[dict[str, Table], dict[str, type]]:
    tables, models = {}, {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.managed or opts.proxy or opts.db_table in tables:
            continue
        fields = opts.local_concrete_fields
        # Model fields only: a column the database computes (PostgreSQL's search vector) is not one.
        relations = [(i, f.related_model._meta) for i, f in enumerate(fields) if f.is_relation and f.related_model]
        tables[opts.db_table] = Table(
            opts.db_table,
            [f.column for f in fields],
            fields.index(opts.pk),
            [i for i, target in relations if target.label == "contenttypes.ContentType"],
            [(i, target.db_table) for i, target in relations if target.label != "contenttypes.ContentType"],
        )
        models[opts.db_table] = model
    return tables, models


def _fulltext_tables() -> list[str]:
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        return [name for (name,) in cursor.fetchall()]


def _hashable(value):
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _read(table: Table) -> list[tuple]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(quote(c) for c in table.columns)} FROM {quote(table.name)} "
                       f"ORDER BY {quote(table.columns[0])}")
        return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()]


def take(seeds_dir) -> Snapshot | None:
    """Import `seeds_dir` into the current database and return what the import added, or None
    when the import changed or removed rows that were there before (rows a restore could not
    put back by inserting)."""
    tables, models = _model_tables()
    before = {name: _read(table) for name, table in tables.items()}
    fulltext = _fulltext_tables()
    with connection.cursor() as cursor:
        for name in fulltext:  # entries a flush left behind; the caller rolls this back
            cursor.execute(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
    from django.contrib.contenttypes.models import ContentType

    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    call_command("import_seeds", str(seeds_dir), "--quiet", stdout=StringIO(), stderr=StringIO())
    snapshot = Snapshot(tables={}, rows={}, content_types=content_types)
    for name, table in tables.items():
        after = _read(table)
        old = {_hashable(row) for row in before[name]}
        if old - {_hashable(row) for row in after}:
            return None
        added = [row for row in after if _hashable(row) not in old]
        if added:
            snapshot.tables[name], snapshot.rows[name] = table, added
            snapshot.models.append(models[name])
    snapshot.fulltext = fulltext
    return snapshot


def take_and_roll_back(seeds_dir) -> Snapshot | None:
    with transaction.atomic():
        snapshot = take(seeds_dir)
        transaction.set_rollback(True)
    return snapshot


def restore(snapshot: Snapshot) -> bool:
    """Insert the snapshot's rows into the current database. False (and nothing written) when a
    table the seeds fill already holds rows that cannot be moved aside, or a content type the
    rows name is missing."""
    quote = connection.ops.quote_name
    names = list(snapshot.rows)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"SELECT {i} FROM (SELECT 1 FROM {quote(n)} LIMIT 1) AS t{i}"
                                          for i, n in enumerate(names)))
        occupied = {names[i] for (i,) in cursor.fetchall()}
    if occupied - relocatable():
        return False
    rows = dict(snapshot.rows)
    for name in occupied:
        rows = _relocated(snapshot, rows, name)
    if any(table.content_type_columns for table in snapshot.tables.values()):
        from django.contrib.contenttypes.models import ContentType

        now = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()}
        content_type = {old: now[key] for old, key in snapshot.content_types.items() if key in now}
        try:
            rows = {name: _with_content_types(snapshot.tables[name], table_rows, content_type)
                    for name, table_rows in rows.items()}
        except KeyError:
            return False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for name in names:
                columns = snapshot.tables[name].columns
                cursor.executemany(
                    f"INSERT INTO {quote(name)} ({', '.join(quote(c) for c in columns)}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})",
                    rows[name],
                )
            for name in snapshot.fulltext:
                # The index read from the documents just inserted, entries a flush left behind gone.
                cursor.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            # PostgreSQL's sequences do not move for rows inserted with their ids; SQLite's do.
            for statement in connection.ops.sequence_reset_sql(no_style(), snapshot.models):
                cursor.execute(statement)
    except IntegrityError:  # a moved row collides on another unique column (a user of the same name)
        return False
    _after_import()
    return True


def relocatable() -> set[str]:
    """Tables where a test may have made rows before asking for the seeds (users: the staff
    client, admin_user), whose copied rows then take the ids after them. Only tables whose ids
    no text holds (a search document's URL holds an article's)."""
    from django.contrib.auth import get_user_model

    return {get_user_model()._meta.db_table}


def _relocated(snapshot: Snapshot, rows: dict[str, list[tuple]], name: str) -> dict[str, list[tuple]]:
    """`rows` with table `name`'s copied rows given ids after those it holds, and every reference
    to them following."""
    table = snapshot.tables[name]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({quote(table.columns[table.pk])}) FROM {quote(name)}")
        start = cursor.fetchone()[0] + 1
    moved = {row[table.pk]: start + i for i, row in enumerate(rows[name])}

    def follow(row: tuple, positions: list[int]) -> tuple:
        return tuple(moved.get(v, v) if i in positions else v for i, v in enumerate(row))

    result = dict(rows)
    result[name] = [follow(row, [table.pk]) for row in rows[name]]
    for other, other_table in snapshot.tables.items():
        positions = [i for i, target in other_table.references if target == name]
        if positions:
            result[other] = [follow(row, positions) for row in result[other]]
    return result


def _with_content_types(table: Table, rows: list[tuple], content_type: dict[int, int]) -> list[tuple]:
    if not table.content_type_columns:
        return rows
    positions = set(table.content_type_columns)
    return [tuple(content_type[v] if i in positions and v is not None else v for i, v in enumerate(row))
            for row in rows]


def _after_import() -> None:
    """What an import does besides writing rows: SQLite's planner statistics."""
    from ingest.pipeline import refresh_planner_statistics

    refresh_planner_statistics()
