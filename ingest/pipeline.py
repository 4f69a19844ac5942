"""The import service: files in, records out, editors' corrections untouched.

`import_paths()` finds the files (ingest/files.py), parses and analyses each (pure Python, no
database; in worker processes with `workers`), then writes each file in its own transaction
(ingest/writers/, under locks of the records it creates, ingest/locks.py; retried when a
concurrent writer wins a race), and lets the public pages' cached aggregates catch up now and
then. `import_file()` is one file's import, bytes in: what a background job's per-file task runs
(uploads/jobs.py), on any number of processes or machines at once. What is written and how a
re-import treats editors' corrections: ingest/reconcile.py, ingest/retire.py.

The `import_seeds` command is a thin shell around this module.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from contextlib import contextmanager
from functools import partial
from typing import Callable

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count

from articles.lexicon import teach_jieba
from articles.models import Article, SourceFile
from articles.parsing import ParsedFile, parse_bytes
from articles.search_vectors import DeferredVectors
from core import datacache, importcontext
from core.forking import freeze_loaded

from .batches import FileBatch
from .contract import analyse, file_json
from .files import ImportInputError, InputFile, discover, read_file
from .locks import take_file_locks
from .report import Counts, FileResult, ImportReport
from .review import withdraw_stale_suggestions
from .state import FileState
from .writers import FileWriter
from .writers.base import PARSER_VERSION

__all__ = ["import_paths", "import_file", "discover", "FileResult", "ImportReport", "PARSER_VERSION"]


WRITE_ATTEMPTS = 5


def _write_with_retries(result: FileResult, parsed: ParsedFile, key: str, display: str, analysed, *, reparse: bool,
                        dry_run: bool, importer=None, on_written: Callable[[FileResult], None] | None = None,
                        new_file: bool = False):
    """Write one file in one transaction, under the locks of what it creates (ingest/locks.py).
    A race lost to a concurrent writer (a unique constraint, a lock timeout, a deadlock, a
    serialization failure) rolls the file back and tries it again. `on_written(result)` runs
    inside the transaction once the records are written, so what it records commits with them.
    Returns the importer's account once it is committed (`importer`: the one an earlier file
    found). `new_file`: no source row had the key when the caller looked (a retry looks again)."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        result.articles, result.records = Counts(), Counts()
        try:
            with transaction.atomic():
                user = _write_file(result, parsed, key, analysed, reparse=reparse,  # a retry looks again
                                   importer=importer if attempt == 1 else None, new_file=new_file and attempt == 1)
                if dry_run:
                    transaction.set_rollback(True)
                elif on_written is not None:
                    on_written(result)
            return None if dry_run else user
        except (IntegrityError, OperationalError) as exc:
            if attempt == WRITE_ATTEMPTS:
                result.error = f"{display}: could not be written ({exc}); nothing from it was kept"
                result.articles, result.records = Counts(), Counts()
                return None
            # Spread out: two writers that collided once must not collide again in step.
            time.sleep(0.1 * attempt * (0.5 + random.random()))


def _write_file(result: FileResult, parsed: ParsedFile, key: str, analysed, *, reparse: bool, importer,
                new_file: bool = False):
    """Write one file in the transaction (or savepoint) that is open, first locking what it
    creates (ingest/locks.py); the importer's account. `new_file`: no source row had its key
    when the import began (one made since fails the insert, and the file is written again)."""
    take_file_locks(key, analysed, new_file=new_file)
    state = FileState.start(result, parsed, key, analysed, reparse, importer=importer, new_file=new_file)
    FileWriter(state).write()
    return state.context.user


def _unchanged_articles(key: str, data: bytes, known: set[str] | None = None) -> int | None:
    return _unchanged_files({key: hashlib.sha256(data).hexdigest()}, known).get(key)


def _unchanged_files(digests: dict[str, str], known: set[str] | None = None) -> dict[str, int]:
    """Of the files by key and SHA-256, those imported before with these very bytes by this
    parser, and their article counts: one query per 500 files. `known` gets the keys imported
    before at all."""
    keys, found = list(digests), {}
    for start in range(0, len(keys), 500):
        rows = (SourceFile.objects.filter(path__in=keys[start:start + 500]).annotate(article_count=Count("articles"))
                .order_by().values_list("path", "sha256", "parser_version", "article_count"))
        for path, sha256, parser_version, count in rows:
            if known is not None:
                known.add(path)
            if digests[path] == sha256 and parser_version == PARSER_VERSION:
                found[path] = count
    return found


def database_ready() -> bool:
    return Article._meta.db_table in connection.introspection.table_names()


def _analyse_file(item: InputFile, limit: int) -> tuple:
    """Read, decode, parse and analyse one file: the pure part of an import, run in worker
    processes when there are several."""
    try:
        data = read_file(item, limit)
    except ImportInputError as exc:
        return item, 0, None, [], str(exc)
    parsed = parse_bytes(item.display, data)
    if parsed.error:
        return item, len(data), parsed, [], f"{item.display}: {parsed.error}"
    return item, len(data), parsed, [analyse(a) for a in parsed.articles], None


def _worker_init(names: list[str], parent_pid: int) -> None:
    from articles.extraction.segmenter import add_words
    from core.forking import die_with_parent

    # An import killed (kill -9, SIGTERM) must not leave workers waiting for files forever.
    die_with_parent(parent_pid)
    add_words(names)


def _analysed_in_order(items: list[InputFile], limit: int, workers: int):
    """(item, size, parsed, analysed, error) per file, in input order. With several workers the
    files are analysed in forked processes (jieba is loaded before the fork and shared), ahead of
    the writer by at most AHEAD_FILES_PER_WORKER files a worker and AHEAD_BYTES of input, so
    memory does not grow with the corpus."""
    from articles.extraction.segmenter import warm_up

    if workers <= 1 or len(items) < 2:
        if items:
            warm_up()
            freeze_loaded()
        for item in items:
            yield _analyse_file(item, limit)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from hospitals.models import Hospital as _Hospital
    from hospitals.models import HospitalAlias

    warm_up()
    names = []
    if database_ready():  # a dry run before the first migrate parses with no names, as one process does
        names = list(_Hospital.objects.values_list("name", flat=True)) + list(HospitalAlias.objects.values_list("name", flat=True))
    freeze_loaded()
    context = multiprocessing.get_context("fork")
    # The workers forget the database connection they inherit (core/forking.py): it stays the
    # parent's, so its session, transaction and locks end with the parent.
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                             initargs=(names, os.getpid())) as pool:
        pending: deque = deque()  # (future, bytes on disk)
        ahead = 0
        for item in items:
            size = _size_on_disk(item)
            pending.append((pool.submit(_analyse_file, item, limit), size))
            ahead += size
            while pending and (len(pending) >= workers * AHEAD_FILES_PER_WORKER or ahead > AHEAD_BYTES):
                future, size = pending.popleft()
                ahead -= size
                yield future.result()
        while pending:
            yield pending.popleft()[0].result()


# How far the analysis workers may run ahead of the writer. A batch's commit (the full-text
# index's inserts, the held rows) takes about 0.2 s on SQLite; workers held to 3 files each
# ran dry within a third of that and waited, and the import of 1,000 generated articles on two
# cores took 13.0-13.5 s instead of 11.1-11.3 s. The bytes bound keeps a folder of large files
# (up to IMPORT_MAX_FILE_BYTES each) from holding many of them, parsed, in memory at once.
AHEAD_FILES_PER_WORKER = 16
AHEAD_BYTES = 8 * 1024 * 1024


def _size_on_disk(item: InputFile) -> int:
    try:
        return item.path.stat().st_size
    except OSError:
        return 0  # reported as it is read


def import_paths(
    paths: list[str],
    *,
    dry_run: bool = False,
    reparse: bool = False,
    want_document: bool = False,
    progress: Callable[[FileResult], None] | None = None,
    workers: int = 1,
) -> ImportReport:
    """Import every file under `paths`. Each file is written in its own transaction; a file that
    fails leaves the database as it was and the others still import. With `dry_run` nothing is
    kept: the writes run and are rolled back, so the counts say what an import would do (or,
    before the first migrate, only the parse runs)."""
    report = ImportReport()
    inputs, problems = discover(paths)
    for problem in problems:
        if want_document:
            problem.document = {"path": problem.display, "sha256": None, "encoding": None, "error": problem.error,
                                "articles": []}
        report.files.append(problem)
        if progress:
            progress(problem)
    write = not dry_run or database_ready()
    if write:
        teach_jieba()
    if not dry_run:
        # The importer's account is made by the first import that writes. Made inside a file's
        # transaction, every other file written at the same time would wait for that commit.
        importcontext.importer_user()
    limit = settings.IMPORT_MAX_FILE_BYTES
    refresh = _PageRefresh(settings.IMPORT_PAGE_REFRESH_SECONDS)
    to_parse: list[InputFile] = []
    sizes: dict[str, int] = {}
    unchanged: dict[str, int] = {}
    new_files: set[str] = set()  # keys no source row had: the writer need not look for one
    if write and not reparse and not want_document:
        digests = {}
        for item in inputs:
            try:
                data = read_file(item, limit)
            except ImportInputError:
                continue  # reported when it is read again for parsing
            sizes[item.key], digests[item.key] = len(data), hashlib.sha256(data).hexdigest()
        known: set[str] = set()
        unchanged = _unchanged_files(digests, known)
        new_files = digests.keys() - known
    for item in inputs:
        if item.key in unchanged:
            # Same bytes, same parser: nothing to parse, nothing to write.
            result = FileResult(item.display, size=sizes[item.key])
            result.articles.add("unchanged", unchanged[item.key])
            report.files.append(result)
            if progress:
                progress(result)
            continue
        to_parse.append(item)
    importer = None  # the importer's account, looked up by the first file written
    # PostgreSQL: the documents' search vectors computed beside the import, not in its inserts.
    vectors = DeferredVectors(enabled=write and not dry_run and len(to_parse) > 1)

    def finished(result: FileResult, written: bool = False) -> None:
        if written and not result.error:
            refresh.written()
            vectors.committed()
        report.files.append(result)
        if progress:
            progress(result)

    # A dry run rolls each file back on its own; an import commits files in batches.
    batch = FileBatch(seconds=settings.IMPORT_BATCH_SECONDS, files=settings.IMPORT_BATCH_FILES,
                      done=lambda result: finished(result, written=True))
    with refresh, _checkpoints_spaced(), vectors, batch:
        for item, size, parsed, analysed, error in _analysed_in_order(to_parse, limit, workers):
            result = FileResult(item.display, error=error, size=size)
            if want_document:
                result.document = (
                    file_json(parsed, item.display, analysed) if parsed is not None
                    else {"path": item.display, "sha256": None, "encoding": None, "error": result.error,
                          "articles": []}
                )
            if parsed is not None and not parsed.error and write and not dry_run:
                # Bound now: the batch may write the file alone later, after the loop has moved on.
                importer = batch.write(
                    result,
                    partial(_write_file, result, parsed, item.key, analysed, reparse=reparse, importer=importer,
                            new_file=item.key in new_files),
                    partial(_write_with_retries, result, parsed, item.key, item.display, analysed, reparse=reparse,
                            dry_run=False),
                ) or importer
                continue  # reported once its batch commits
            if parsed is not None and not parsed.error and write:
                _write_with_retries(result, parsed, item.key, item.display, analysed, reparse=reparse, dry_run=True)
            elif parsed is not None and not parsed.error:
                result.articles.add("created", len(analysed))
            finished(result)
    report.files.sort(key=lambda r: r.display)
    if write and not dry_run and any(getattr(counts, name) for counts in (report.counts, report.record_counts)
                                     for name in ("created", "updated", "removed")):
        withdraw_stale_suggestions()
        refresh_planner_statistics()
    return report


def import_file(key: str, display: str, data: bytes, *, reparse: bool = False,
                on_written: Callable[[FileResult], None] | None = None) -> FileResult:
    """Import one file's bytes under `key` (its identity, as `import_paths` knows a file by its
    path from the folder named) in its own transaction, as `import_paths` imports each file:
    skipped when unchanged, parsed and analysed here, written with retries. `on_written(result)`
    runs inside the write transaction (not for a file that fails or is unchanged). The caller
    teaches jieba the hospital names first (articles.lexicon) and lets the pages catch up."""
    result = FileResult(display, size=len(data))
    limit = settings.IMPORT_MAX_FILE_BYTES
    if len(data) > limit:
        result.error = (f"{display}: {len(data):,} bytes is over the import limit of {limit:,} bytes "
                        "(IMPORT_MAX_FILE_BYTES)")
        return result
    known: set[str] = set()  # the key, if a source row has it
    if not reparse and (unchanged := _unchanged_articles(key, data, known)) is not None:
        result.articles.add("unchanged", unchanged)
        return result
    parsed = parse_bytes(display, data)
    if parsed.error:
        result.error = f"{display}: {parsed.error}"
        return result
    analysed = [analyse(article) for article in parsed.articles]
    importer = importcontext.importer_user()  # made, if new, before the write: see import_paths
    _write_with_retries(result, parsed, key, display, analysed, reparse=reparse, dry_run=False, importer=importer,
                        on_written=on_written, new_file=not reparse and key not in known)
    return result


# SQLite copies the write-ahead log back into the database every 1,000 pages by default; an
# import commits a file at a time, touching the same index and full-text pages file after file,
# so spacing the copies out writes each hot page once per 40 MB instead of every few files.
IMPORT_WAL_AUTOCHECKPOINT = 10_000


@contextmanager
def _checkpoints_spaced():
    previous = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            if cursor.fetchone()[0] == "wal":  # the test suite's in-memory database has no log
                cursor.execute("PRAGMA wal_autocheckpoint")
                previous = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_AUTOCHECKPOINT}")
    try:
        yield
    finally:
        if previous is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA wal_autocheckpoint = {int(previous)}")
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the log back to its usual size


class _PageRefresh:
    """When readers' cached page aggregates learn of what the import committed: at most every
    `interval` seconds while it runs, and once when it ends. A bump per file made every reader
    recompute the totals, facets and rankings (up to 0.3 s at 10,000 articles) after every file
    of a long import; the rows themselves show as soon as their file commits."""

    def __init__(self, interval: float):
        self.interval = interval
        self.pending = False
        self.last = time.monotonic()

    def written(self) -> None:
        self.pending = True
        if time.monotonic() - self.last >= self.interval:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            spent = datacache.bump()  # computes the main pages' aggregates: a share of the import at most
            if share := settings.IMPORT_PAGE_REFRESH_SHARE:
                self.interval = max(self.interval, spent / share)
            self.pending = False
        self.last = time.monotonic()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.flush()  # also when the import stops half-way: what it committed is there


def refresh_planner_statistics() -> None:
    """Let SQLite's query planner know the tables' sizes and selectivities after an import.
    Without statistics it reads "the public people of this hospital" through the status index,
    every accepted person, because that index also gives the order; with them it takes the
    hospital's. PostgreSQL's autovacuum keeps its own statistics."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")  # sampled: seconds, not minutes, on gigabytes
            cursor.execute("ANALYZE")
