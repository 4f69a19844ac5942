"""Running an import job: one task per file, on any number of worker processes or machines.

`run_job()` (the task `import_job`) starts the job: it marks every file queued and, for a job
of IMPORT_SPLIT_FILES files or more, queues tasks of up to IMPORT_TASK_FILES files each
(`import_files` → `run_files()`, or `import_file` → `run_file()` for one), at least MIN_TASKS of
them when there are that many files, so that as many workers share the job; a smaller job runs
its files one after the other in the same task, through the same `run_file()`. Each file task reads the file's bytes from the database (the upload keeps them
there until the file is imported, so a worker needs no access to the web server's disk),
parses and analyses it (jieba runs in the task), and writes it with `ingest.pipeline.import_file`
under the locks of what it creates. Its outcome (counts or error) is stored on the file's row,
and the job's count of finished files goes up by one, in the same transaction as the file's
records: a task run twice (a worker lost after the commit, before the broker heard of it)
finds the file done and changes nothing. The task that finishes the last file sums the job up.

Every file of a job is read with the hospital names the database held when the job started
(`ImportJob.lexicon`), as `import_seeds` reads every file with the names it found at its start:
which worker read which file first does not change the records.

While the job runs, the public pages' aggregates catch up at most every
IMPORT_PAGE_REFRESH_SECONDS (or less often, when computing them would take more than
IMPORT_PAGE_REFRESH_SHARE of the time): the first file task past that moment claims the refresh
with one conditional update of the job's row, so two workers never compute them at once for
the same job. The job's end refreshes them once more.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from articles.lexicon import teach_jieba
from core import datacache
from hospitals.models import Hospital, HospitalAlias
from ingest.files import ImportInputError, InputFile, read_file
from ingest.pipeline import import_file, refresh_planner_statistics
from ingest.report import Counts, FileResult, ImportReport
from ingest.review import withdraw_stale_suggestions

from .models import ImportJob, UploadedFile

log = logging.getLogger(__name__)


class _AlreadyDone(Exception):
    """Another run of the same file's task recorded it first: this run's writes roll back."""


def _now_lexicon() -> dict:
    return {"hospital": Hospital.objects.aggregate(m=Max("pk"))["m"] or 0,
            "alias": HospitalAlias.objects.aggregate(m=Max("pk"))["m"] or 0}


def run_job(job_id: int) -> str:
    """Start the job (the background task `import_job`): queue a task per file, or run the
    files here when there are few. A job already running (its task delivered again) only
    queues its files not done yet."""
    from .tasks import import_file as file_task
    from .tasks import import_files as files_task

    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status not in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING):
            return job.status
        if job.status == ImportJob.Status.QUEUED:
            now = timezone.now()
            job.status = ImportJob.Status.RUNNING
            job.started = now
            job.done_count = 0
            job.results = []
            job.lexicon = _now_lexicon()
            job.next_refresh = now + timedelta(seconds=settings.IMPORT_PAGE_REFRESH_SECONDS)
            job.save(update_fields=["status", "started", "done_count", "results", "lexicon", "next_refresh"])
            job.files.update(state=UploadedFile.State.QUEUED, result={})
        pending = list(job.files.filter(state=UploadedFile.State.QUEUED).order_by("name").values_list("pk", flat=True))
    if job.total >= settings.IMPORT_SPLIT_FILES:
        size = max(1, min(settings.IMPORT_TASK_FILES, len(pending) // MIN_TASKS))
        for start in range(0, len(pending), size):
            share = pending[start:start + size]
            if len(share) == 1:
                file_task.enqueue(share[0])
            else:
                files_task.enqueue(share)
    else:
        run_files(pending)
    _finish_if_complete(job_id)  # a job whose files were all done before (its task delivered again)
    return ImportJob.objects.values_list("status", flat=True).get(pk=job_id)


# A large job's tasks: a few files each, since a task's own cost (its dispatch through the
# broker, its bookkeeping) is paid per task; but at least this many tasks, for as many workers.
MIN_TASKS = 16


def run_files(file_ids: list[int]) -> list[str]:
    """Import the files one after the other (the task `import_files`, or a small job's own
    task); returns their states. A file that fails for a reason not its own is recorded as
    interrupted on its row, and the others still import."""
    states = []
    for pk in file_ids:
        try:
            states.append(run_file(pk))
        except Exception:
            log.exception("import file %s interrupted", pk)
            states.append(UploadedFile.objects.values_list("state", flat=True).filter(pk=pk).first() or "")
    return states


_taught_lexicon: dict | None = None


def _teach(lexicon: dict) -> None:
    """Teach this process's jieba the names the database held when the job started; once per
    job and process (a long-running worker keeps what it was taught, as `db_worker` always has)."""
    global _taught_lexicon
    if lexicon != _taught_lexicon:
        teach_jieba(upto=lexicon or None)
        _taught_lexicon = lexicon


def _bytes_of(upload: UploadedFile) -> bytes:
    if upload.content is not None:
        return bytes(upload.content)
    # Uploaded before the bytes were kept in the database: on this machine's disk, or nowhere.
    item = InputFile(Path(upload.stored_path), upload.name, upload.name)
    return read_file(item, settings.IMPORT_MAX_FILE_BYTES)


def _row(result: FileResult) -> dict:
    from .service import chinese_error

    return {"name": result.display, "status": "failed" if result.error else "done",
            "error": chinese_error(None, result.error), "articles": vars(result.articles).copy(),
            "records": vars(result.records).copy(), "size": result.size,
            "worker": f"{socket.gethostname()}:{os.getpid()}"}


def run_file(file_id: int) -> str:
    """Import one uploaded file (the background task `import_file`); returns its state."""
    upload = UploadedFile.objects.select_related("job").get(pk=file_id)
    job = upload.job
    if upload.state != UploadedFile.State.QUEUED or job.status != ImportJob.Status.RUNNING:
        _finish_if_complete(job.pk)  # the task that recorded the last file may have died before this
        return upload.state
    finished = False

    def record(result: FileResult) -> None:
        """Inside the transaction that writes the file (or, for a file that writes nothing, one
        of its own): the file's outcome and the job's count, committed with its records."""
        nonlocal finished
        if UploadedFile.objects.select_for_update().filter(pk=file_id, state=UploadedFile.State.QUEUED).update(
                state=UploadedFile.State.FAILED if result.error else UploadedFile.State.DONE, result=_row(result),
                content=None) != 1:
            raise _AlreadyDone
        # Last, and held only until the commit: every file's transaction updates this one row.
        ImportJob.objects.filter(pk=job.pk).update(done_count=F("done_count") + 1)
        done, total = ImportJob.objects.filter(pk=job.pk).values_list("done_count", "total").get()
        finished = done >= total

    recorded = False

    def on_written(result: FileResult) -> None:
        nonlocal recorded
        record(result)
        recorded = True

    try:
        _teach(job.lexicon)
        try:
            data = _bytes_of(upload)
        except ImportInputError as exc:
            result = FileResult(upload.name, error=str(exc), size=upload.size)
        else:
            result = import_file(upload.name, upload.name, data, on_written=on_written)
        if not recorded:
            with transaction.atomic():
                record(result)
    except _AlreadyDone:
        return UploadedFile.objects.values_list("state", flat=True).get(pk=file_id)
    except Exception as exc:
        # Not a file's fault (the database went away, a bug): the file fails, the job goes on,
        # and the worker's log has the traceback.
        crashed = FileResult(upload.name, error=f"导入中断：{exc.__class__.__name__}: {exc}", size=upload.size)
        try:
            with transaction.atomic():
                record(crashed)
        except _AlreadyDone:
            pass
        if finished:
            finish_job(job.pk)
        raise
    if finished:
        finish_job(job.pk)
    elif job.next_refresh is None or timezone.now() >= job.next_refresh:  # as read when the task began
        _refresh_pages(job.pk)
    return UploadedFile.State.FAILED if result.error else UploadedFile.State.DONE


def _refresh_pages(job_id: int) -> None:
    now = timezone.now()
    interval = settings.IMPORT_PAGE_REFRESH_SECONDS
    if not ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING, next_refresh__lte=now).update(
            next_refresh=now + timedelta(seconds=interval)):
        return  # not due, or another worker claimed it
    spent = datacache.bump()
    if share := settings.IMPORT_PAGE_REFRESH_SHARE:
        ImportJob.objects.filter(pk=job_id).update(
            next_refresh=timezone.now() + timedelta(seconds=max(interval, spent / share)))


def _finish_if_complete(job_id: int) -> None:
    if ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING, done_count__gte=F("total")).exists():
        finish_job(job_id)


def rows_of(job: ImportJob) -> list[dict]:
    """Each file's outcome so far (the job's page): from the files' rows while the job runs."""
    if job.results or job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return job.results
    return [upload.result if upload.state in (UploadedFile.State.DONE, UploadedFile.State.FAILED) and upload.result
            else {"name": upload.name, "status": "queued"}
            for upload in job.files.order_by("name")]


def report_of(job: ImportJob) -> ImportReport:
    """The job's files as `import_paths` would have reported them."""
    report = ImportReport()
    for upload in job.files.order_by("name"):
        row = upload.result or {}
        report.files.append(FileResult(upload.name, error=row.get("error") or None, size=row.get("size", upload.size),
                                       articles=Counts(**row.get("articles", {})),
                                       records=Counts(**row.get("records", {}))))
    return report


def finish_job(job_id: int) -> None:
    """Sum the job up once its last file is done: the summary `import_seeds` would print (in
    Chinese), the files' rows, the status. Two tasks finishing it at once write the same; one wins."""
    from .service import summary_lines

    job = ImportJob.objects.get(pk=job_id)
    report = report_of(job)
    now = timezone.now()
    elapsed = (now - job.started).total_seconds() if job.started else 0.0
    status = ImportJob.Status.FAILED if report.failed_files and len(report.failed_files) == len(report.files) \
        else ImportJob.Status.DONE
    if not ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING).update(
            status=status, summary="\n".join(summary_lines(report, elapsed)), finished=now,
            results=[upload.result for upload in job.files.order_by("name")]):
        return
    counts, records = report.counts, report.record_counts
    if any(getattr(c, name) for c in (counts, records) for name in ("created", "updated", "removed")):
        withdraw_stale_suggestions()
        datacache.bump()
        refresh_planner_statistics()
