"""Files written one after another in one transaction, each in a savepoint of its own.

A commit per file cost an import of 300 articles on SQLite about 1.4 s of its 7 s of writing
(the full-text index flushes its pending terms at every commit, and every page a file touched is
written to the log again), and on PostgreSQL a wait for the disk each. A batch commits once for
the files written within `seconds` (or `files` of them), so the commit's cost is shared:

- a file is still all or nothing: it is written inside a savepoint, and one that fails is rolled
  back to it, the files before it are committed, and it is written again on its own with the
  retries of a lone file (a race lost to a concurrent writer);
- what a file did is reported (`done`) once its batch has committed, and nothing is announced
  that was not kept: a batch whose commit meets a constraint (a held row that a file's own
  savepoint would have met, such as a source row another import made meanwhile) is rolled back
  and each of its files written again alone; one whose commit fails otherwise reports each of
  its files as failed;
- an import killed half-way loses the files of the open batch only, which are not in the
  database at all, and the next import writes them;
- while a batch is open, on SQLite, an editor's save waits for its commit (at most `seconds`
  and one file more);
- the full-text index's writes of the batch's files are made once, just before the commit
  (articles.search.held_index_writes), and so are the history rows of the records they created,
  their review items and their new articles' keyword links (core.bulk.held_rows: one insert per
  table instead of one per table and article, about a quarter of an import's statements); those
  of a file rolled back to its savepoint go with it;
- the new rows themselves are held too, with ids the batch gives them (core.bulk.BatchIds: on
  SQLite, whose batch transaction is the database's only writer, the ids the database would
  give; on PostgreSQL, ids from the tables' sequences), and written before anything names their
  table (an import of 1,000 articles: 20,094 statements → 12,618 on SQLite, 20,784 → 12,627 on
  PostgreSQL).
"""

from __future__ import annotations

import time
from typing import Callable

from django.db import DatabaseError, IntegrityError, OperationalError, transaction
from django.utils import timezone

from articles import search
from core import bulk

from .report import Counts, FileResult


class FileBatch:
    def __init__(self, *, seconds: float, files: int, done: Callable[[FileResult], None]):
        self.seconds, self.files, self.done = seconds, files, done
        self._atomic = None
        self._opened = 0.0
        self._pending: list[FileResult] = []
        self._index_writes: list = []
        self._held: list = []
        self._ids: bulk.BatchIds | None = None
        self._id_pool: dict[str, list[int]] = {}  # PostgreSQL: ids taken from the sequences, not yet given
        self._now = None

    def write(self, result: FileResult, write_file: Callable[[], object], write_alone: Callable[[], object]):
        """Write one file: `write_file()` writes it in the current transaction and returns the
        importer's account; `write_alone()` writes it in a transaction of its own, with retries
        (after a failure here). Returns the account."""
        if self._atomic is None:
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            self._opened = time.monotonic()
            # The batch gives new rows their ids itself (SQLite: as the only writer; PostgreSQL:
            # from the tables' sequences) and holds them to the commit too.
            self._ids = bulk.BatchIds(self._id_pool)
            # The time the batch's inserted rows and their history rows are stamped with, as a
            # transaction's own time: prepared once per batch, not once per statement.
            self._now = timezone.now()
        try:
            with (transaction.atomic(), search.held_index_writes() as index_writes,  # the file's savepoint
                  bulk.held_rows(self._held, self._ids, self._now) as held):
                importer = write_file()
        except (IntegrityError, OperationalError):
            # The batch's earlier held rows, if the file wrote them, went with its savepoint;
            # self._held still holds them for the commit.
            result.articles, result.records = Counts(), Counts()
            self.commit()
            importer = write_alone()
            self.done(result)
            return importer
        self._pending.append((result, write_alone))
        self._index_writes += index_writes
        self._held = held.kept()  # less what something in the file needed written
        if len(self._pending) >= self.files or time.monotonic() - self._opened >= self.seconds:
            self.commit()
        return importer

    def commit(self) -> None:
        if self._atomic is None:
            return
        atomic, self._atomic = self._atomic, None
        pending, self._pending = self._pending, []
        index_writes, self._index_writes = self._index_writes, []
        held, self._held = self._held, []
        try:
            try:
                bulk.write_rows(held)
                search.apply_index_writes(index_writes)
            except DatabaseError as exc:
                atomic.__exit__(type(exc), exc, exc.__traceback__)  # the batch rolls back
                raise
            atomic.__exit__(None, None, None)
        except (IntegrityError, OperationalError):
            # A held row met a constraint (a row another writer made, which a file's own savepoint
            # would have met): the batch is rolled back and each of its files written again alone,
            # so only a file that fails on its own fails.
            for result, write_alone in pending:
                result.articles, result.records = Counts(), Counts()
                write_alone()
                self.done(result)
            return
        except DatabaseError as exc:
            for result, _ in pending:
                result.error = f"{result.display}: could not be written ({exc}); nothing from it was kept"
                result.articles, result.records = Counts(), Counts()
        for result, _ in pending:
            self.done(result)

    def __enter__(self) -> "FileBatch":
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        if kind is None:
            self.commit()
        elif self._atomic is not None:
            # Interrupted (an error in another file's analysis, a signal): the open batch's files
            # are not kept, and nothing reports them as kept.
            atomic, self._atomic, self._pending, self._index_writes, self._held = self._atomic, None, [], [], []
            atomic.__exit__(kind, exc, traceback)
