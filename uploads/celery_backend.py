"""Django tasks on Celery: a django-tasks backend that sends each task to a Celery worker
(Redis or RabbitMQ as the broker), and the one Celery task that runs it there.

    TASKS_BACKEND=celery CELERY_BROKER_URL=redis://127.0.0.1:6379/0 (or amqp://guest:guest@host:5672//)
    .venv/bin/celery -A uploads.celery_backend worker --loglevel INFO --concurrency 2

Any number of such workers, on any number of machines, may share one broker and one database: a
large import job is one task per file (uploads/jobs.py). The task's outcome is kept by the task itself (an import job's row), so no result backend is
needed."""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_init
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("hospitals")
app.config_from_object("django.conf:settings", namespace="CELERY")


@app.on_after_configure.connect
def _setup_django(sender, **kwargs):  # pragma: no cover - runs in the worker
    import django

    django.setup()


@worker_init.connect
def _load_jieba(**kwargs):  # pragma: no cover - runs in the worker
    # Before the pool forks its processes (they share the dictionary), and before the worker
    # says it is ready: the first file task does not wait a second for it.
    from articles.extraction.segmenter import warm_up
    from core.forking import freeze_loaded

    warm_up()
    freeze_loaded()


@app.task(name="hospitals.run_django_task", acks_late=True)
def run_django_task(module_path: str, args: list, kwargs: dict):
    from django.utils.module_loading import import_string

    return import_string(module_path).call(*args, **kwargs)


class CeleryBackend(BaseTaskBackend):
    def enqueue(self, task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        sent = app.send_task("hospitals.run_django_task", args=[task.module_path, list(args), dict(kwargs)])
        return TaskResult(task=task, id=sent.id, status=TaskResultStatus.READY, enqueued_at=None, started_at=None,
                          last_attempted_at=None, finished_at=None, args=list(args), kwargs=dict(kwargs),
                          backend=self.alias, errors=[], worker_ids=[])
