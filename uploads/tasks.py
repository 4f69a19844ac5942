"""The background task (Django's task API, through the django-tasks backport). Which backend
runs it is settings.TASKS: the database queue (`manage.py db_worker`) by default, Celery with
Redis or RabbitMQ in production (uploads.celery_backend)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from .models import ImportJob


@task()
def import_job(job_id: int) -> str:
    """Start a job: its files are queued as `import_file` tasks, or run here when few."""
    from .jobs import run_job

    return run_job(job_id)


@task()
def import_file(file_id: int) -> str:
    """Import one uploaded file; any worker, on any machine sharing the database, can run it."""
    from .jobs import run_file

    return run_file(file_id)


@task()
def import_files(file_ids: list[int]) -> list[str]:
    """Import a few uploaded files one after the other (a large job's share of work for one
    task); each is written, recorded and counted as `import_file` does it."""
    from .jobs import run_files

    return run_files(file_ids)


def enqueue(job: ImportJob) -> None:
    """Queue the job; the task is sent once the job's row is committed, so a worker never
    looks for a job it cannot see yet."""
    job.status = ImportJob.Status.QUEUED
    job.error = ""
    job.save(update_fields=["status", "error"])
    transaction.on_commit(lambda: import_job.enqueue(job.pk))
