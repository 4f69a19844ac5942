"""A large upload's job split into tasks of a few files (uploads/jobs.py): each file's outcome and
the job's count commit with the file's records, the last file finishes the job, a task run
twice changes nothing; and real workers run the file tasks side by side, through the database
queue and through Celery over Redis."""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, SourceFile
from core import datacache
from hospitals.models import Hospital
from ingest.report import Counts, FileResult, ImportReport
from tests.conftest import ROOT, SEEDS, read_database
from tests.uploads.test_uploads import BROKERS, celery_worker, reachable, run_manage, stage_job, worker_env
from uploads import jobs, service
from uploads.models import ImportJob, UploadedFile

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def queued_job(files=SEED_FILES) -> ImportJob:
    job = service.stage(service.read_uploads([(p.name, p.read_bytes()) for p in files]), None)
    job.status = ImportJob.Status.QUEUED
    job.save()
    return job


@pytest.mark.django_db
def test_a_split_job_is_a_task_per_file_and_its_last_file_finishes_it(settings):
    settings.IMPORT_SPLIT_FILES = 3
    settings.IMPORT_PAGE_REFRESH_SECONDS = 3600  # the pages catch up when the job ends
    job = queued_job(SEED_FILES[:3])
    assert all(f.content is not None for f in job.files.all())  # the bytes travel in the database
    assert jobs.run_job(job.pk) == ImportJob.Status.RUNNING
    tasks = DBTaskResult.objects.filter(task_path="uploads.tasks.import_file")
    files = {f.pk: f.name for f in job.files.all()}
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == sorted(files)
    order = sorted(files, key=files.get, reverse=True)  # any order: here the last file first
    assert jobs.run_file(order[0]) == "done"
    assert jobs.run_file(order[1]) == "done"
    job.refresh_from_db()
    assert (job.status, job.done_count) == (ImportJob.Status.RUNNING, 2)
    assert datacache.current_version() is None
    rows = jobs.rows_of(job)
    assert [row["status"] for row in rows] == ["queued", "done", "done"] and rows[2]["articles"]["created"] >= 1
    # The same file's task delivered again (its worker lost after the commit): nothing changes.
    articles = Article.objects.count()
    assert jobs.run_file(order[0]) == "done"
    job.refresh_from_db()
    assert job.done_count == 2 and Article.objects.count() == articles
    assert jobs.run_file(order[2]) == "done"
    job.refresh_from_db()
    assert (job.status, job.done_count) == (ImportJob.Status.DONE, 3)
    assert datacache.current_version() is not None
    created = Article.objects.count()
    assert job.summary.splitlines()[0] == f"文章：新建 {created}，更新 0，未变 0，保留（编辑已改）0，失败 0"
    assert [row["name"] for row in job.results] == sorted(files.values())
    assert all(row["worker"] for row in job.results)
    assert sorted(SourceFile.objects.values_list("path", flat=True)) == sorted(files.values())
    assert not UploadedFile.objects.filter(content__isnull=False).exists()  # imported: the bytes go


@pytest.mark.django_db
def test_a_large_job_is_tasks_of_a_few_files_and_a_task_run_twice_changes_nothing(settings, monkeypatch):
    settings.IMPORT_SPLIT_FILES = 2
    settings.IMPORT_TASK_FILES = 2
    settings.IMPORT_PAGE_REFRESH_SECONDS = 3600
    monkeypatch.setattr(jobs, "MIN_TASKS", 2)  # five files: two tasks of two files, one of one
    job = queued_job(SEED_FILES)
    jobs.run_job(job.pk)
    names = dict(job.files.values_list("pk", "name"))
    by_name = sorted(names, key=names.get)
    shares = [task.args_kwargs["args"][0] for task in DBTaskResult.objects.filter(task_path="uploads.tasks.import_files")]
    singles = [task.args_kwargs["args"][0] for task in DBTaskResult.objects.filter(task_path="uploads.tasks.import_file")]
    assert sorted(shares) == [by_name[0:2], by_name[2:4]] and singles == [by_name[4]]
    assert jobs.run_files(shares[0]) == ["done", "done"]
    assert jobs.run_files(shares[0]) == ["done", "done"]  # delivered again: nothing written twice
    job.refresh_from_db()
    assert (job.status, job.done_count) == (ImportJob.Status.RUNNING, 2)
    assert jobs.run_files(shares[1]) == ["done", "done"] and jobs.run_file(singles[0]) == "done"
    job.refresh_from_db()
    assert (job.status, job.done_count) == (ImportJob.Status.DONE, 5)
    assert sorted(SourceFile.objects.values_list("path", flat=True)) == sorted(names.values())


@pytest.mark.django_db
def test_a_running_job_lets_the_pages_catch_up_once_per_interval(settings):
    settings.IMPORT_SPLIT_FILES = 2
    settings.IMPORT_PAGE_REFRESH_SECONDS = 0
    settings.IMPORT_PAGE_REFRESH_SHARE = 0
    job = queued_job(SEED_FILES[:3])
    jobs.run_job(job.pk)
    first, second, _ = job.files.order_by("name").values_list("pk", flat=True)
    jobs.run_file(first)
    version = datacache.current_version()
    assert version is not None  # due at once: the first file's task refreshed them
    settings.IMPORT_PAGE_REFRESH_SECONDS = 3600
    ImportJob.objects.filter(pk=job.pk).update(next_refresh=timezone.now() + timedelta(hours=1))
    jobs.run_file(second)
    assert datacache.current_version() == version  # not due


@pytest.mark.django_db
def test_a_file_that_fails_is_counted_and_the_job_goes_on(settings):
    settings.IMPORT_SPLIT_FILES = 100  # run in the job's own task
    job = queued_job(SEED_FILES[:2])
    first = job.files.order_by("name").first()
    UploadedFile.objects.filter(pk=first.pk).update(content="标题\n".encode())  # a headline without body
    assert jobs.run_job(job.pk) == ImportJob.Status.DONE
    job.refresh_from_db()
    assert [row["status"] for row in job.results] == ["failed", "done"]
    assert job.results[0]["error"].startswith("只有标题，没有正文") and job.done_count == 2
    assert job.summary.splitlines()[0].endswith("失败 1")


@pytest.mark.django_db
def test_a_file_whose_import_breaks_is_recorded_and_the_others_still_import(settings, monkeypatch):
    """A bug or a lost database in one file's task (not a file the importer refuses): the file
    is recorded as interrupted, and a job run in one task goes on with its other files."""
    settings.IMPORT_SPLIT_FILES = 100
    job = queued_job(SEED_FILES[:2])
    first = job.files.order_by("name").first().name
    real = jobs.import_file

    def breaking(key, *args, **kwargs):
        if key == first:
            raise RuntimeError("boom")
        return real(key, *args, **kwargs)

    monkeypatch.setattr(jobs, "import_file", breaking)
    assert jobs.run_job(job.pk) == ImportJob.Status.DONE
    job.refresh_from_db()
    assert [(row["status"], row["error"]) for row in job.results] == [("failed", "导入中断：RuntimeError: boom"),
                                                                       ("done", "")]


# --- real workers ------------------------------------------------------------------------------

def imported(url: str) -> dict:
    return {
        "hospitals": sorted(map(list, read_database(url, f"SELECT name, status FROM {Hospital._meta.db_table}"))),
        "articles": sorted(map(list, read_database(
            url, f"SELECT f.path, a.position, a.title FROM {Article._meta.db_table} a "
                 f"JOIN {SourceFile._meta.db_table} f ON f.id = a.source_file_id"))),
    }


# RabbitMQ carries these tasks as it carries a job's (test_uploads.py): the same backend code,
# more messages. Each of these runs costs 15-20 s of worker start-up and import on the suite.
@pytest.mark.parametrize("queue", ["database", "redis"])
def test_workers_run_a_split_job_side_by_side_with_the_records_of_import_seeds(database_factory, tmp_path, queue,
                                                                              seeded):
    """Five files, five tasks: the job's rows and records are those `import_seeds` gives the
    same files (the suite's seeded database), whichever process wrote which file."""
    expected = {
        "hospitals": sorted([h.name, h.status] for h in Hospital.objects.all()),
        "articles": sorted([a.source_file.path, a.position, a.title] for a in Article.objects.select_related("source_file")),
    }
    extra = {"IMPORT_SPLIT_FILES": "2"}
    if queue == "database":
        extra["TASKS_BACKEND"] = "database"
    else:
        url = os.environ.get(f"TEST_{queue.upper()}_URL", BROKERS[queue])
        if not reachable(url):
            message = f"{queue} not reachable at {url}"
            if os.environ.get("CI") == "true":
                pytest.fail(message + " (CI=true: the brokers run on this machine)")
            pytest.skip(message)
        extra.update(TASKS_BACKEND="celery", CELERY_BROKER_URL=url, CELERY_QUEUE=f"hospitals-test-{uuid.uuid4().hex[:8]}")
    database = database_factory(migrated=True)
    env = worker_env(database, tmp_path, **extra)
    pk = stage_job(env, SEED_FILES)
    if queue == "database":
        code, _, err = run_manage(["db_worker", "--batch", "--no-reload"], env)
        assert code == 0, err
        log = err
    else:
        log = run_celery_until_done(env, pk)
    (status, done, results), = read_database(database, f"SELECT status, done_count, results FROM "
                                                       f"{ImportJob._meta.db_table} WHERE id = %s", [pk])
    assert (status, done) == ("done", 5), log[-3000:]
    results = json.loads(results) if isinstance(results, str) else results
    assert [(row["name"], row["status"], row["error"]) for row in results] == [(p.name, "done", "") for p in SEED_FILES]
    if queue != "database":
        assert len({row["worker"] for row in results}) == 2, results  # both processes of the pool wrote
    assert imported(database) == expected


def run_celery_until_done(env, pk) -> str:
    worker = subprocess.Popen(celery_worker(env, concurrency=2), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    table = ImportJob._meta.db_table
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and worker.poll() is None:
            (status,), = read_database(env["DATABASE_URL"], f"SELECT status FROM {table} WHERE id = %s", [pk])
            if status in ("done", "failed"):
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        try:
            _, log = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            _, log = worker.communicate()
    return log


@pytest.mark.django_db
def test_summaries_written_in_english_before_read_in_chinese_after_the_migration():
    from importlib import import_module

    from uploads.service import summary_lines

    migration = import_module("uploads.migrations.0003_chinese_summaries")
    report = ImportReport(files=[FileResult("a.txt", size=25_000, articles=Counts(created=3),
                                            records=Counts(created=28, removed=2))])
    english = ("3 created, 0 updated, 0 unchanged, 0 kept (edited), 0 failed\n"
               "records: 28 created, 0 updated, 0 unchanged, 0 kept (edited), 0 failed, 2 removed\n"
               "1 files, 24.4 KB in 0.15 s (163 KB/s)")
    assert [migration.in_chinese(line) for line in english.splitlines()] == summary_lines(report, 0.15)
    assert migration.in_chinese("导入中断") == "导入中断"
    from django.apps import apps

    job = ImportJob.objects.create(status=ImportJob.Status.DONE, summary=english)
    migration.forwards(apps, None)
    job.refresh_from_db()
    assert job.summary.splitlines() == summary_lines(report, 0.15)
