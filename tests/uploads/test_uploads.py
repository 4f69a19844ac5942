"""The upload desk: checking uploads (zip bombs, path traversal, non-text files, limits), the
import they start (the same records as `import_seeds`), the admin flow as an editor, and the
background job run by a real worker: the database queue, and Celery over Redis and RabbitMQ."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, SourceFile
from hospitals.roles import EDITOR_GROUP
from tests.conftest import ROOT, SEEDS, finish, read_database
from uploads import service
from uploads.models import ImportJob, UploadedFile

SEED_FILES = sorted(SEEDS.glob("*.txt"))[:3]


def seed_bytes():
    return [(path.name, path.read_bytes()) for path in SEED_FILES]


def make_zip(entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR


def stored(upload_dir: Path) -> list[Path]:
    return [p for p in upload_dir.rglob("*") if p.is_file()] if upload_dir.exists() else []


# --- checking uploads --------------------------------------------------------------------------


def rejected(files) -> list[str]:
    with pytest.raises(service.UploadRejected) as caught:
        service.read_uploads(files)
    return caught.value.errors


def test_exports_are_read_when_they_hold_records_and_refused_by_name_when_not():
    csv = "title,date,content\n某医院开设夜间门诊,2024-07-02,\"7月1日起，某市中心医院夜间门诊开诊。\"\n".encode()
    [entry] = service.read_uploads([("crawl.csv", csv)])
    assert entry.name == "crawl.csv"
    assert rejected([("settings.json", b'{"theme": "dark"}'), ("crawl.csv", csv)]) == [
        "settings.json：导出文件中没有找到文章记录（每条记录需有标题和正文字段，如 CSV 的表头、JSON 的对象、RSS 的条目）"]


def test_text_files_and_zips_of_them_are_read():
    first, second, third = seed_bytes()
    entries = service.read_uploads([first, ("batch.zip", make_zip([("2024/" + second[0], second[1]), third]))])
    assert [(e.name, e.archive) for e in entries] == [(first[0], ""), ("2024/" + second[0], "batch.zip"),
                                                     (third[0], "batch.zip")]
    assert entries[1].data == second[1]


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "a\\..\\evil.txt",
                                  "./evil.txt"])
def test_path_traversal_in_a_zip_is_refused_by_name(name):
    errors = rejected([("bad.zip", make_zip([("good.txt", "医院新闻。".encode()), (name, "医院新闻。".encode())]))])
    assert len(errors) == 1 and f"bad.zip 中的 {name}" in errors[0]


def test_a_zip_bomb_is_refused_by_its_ratio_and_by_its_size(settings):
    bomb = make_zip([("bomb.txt", b"a" * 5_000_000)])
    errors = rejected([("bomb.zip", bomb)])
    assert "bomb.zip 中的 bomb.txt" in errors[0] and "压缩比" in errors[0]
    settings.UPLOAD_MAX_TOTAL_BYTES = 1_000_000
    errors = rejected([("bomb.zip", make_zip([(f"{i}.txt", b"a" * 400_000) for i in range(3)]))])
    assert "bomb.zip" in errors[0] and "总上限" in errors[0]


def test_a_zip_whose_declared_sizes_lie_is_refused():
    data = bytearray(make_zip([("a.txt", "医院新闻。".encode() * 50)], compression=zipfile.ZIP_STORED))
    # The central directory says 10 bytes; the entry holds more.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    errors = rejected([("liar.zip", bytes(data))])
    assert "liar.zip" in errors[0]


def test_non_text_files_are_refused_by_name():
    errors = rejected([("photo.jpg", b"\xff\xd8\xff\xe0"), ("binary.txt", b"\x00\x01\x02abc"),
                       ("empty.txt", b""), ("a.zip", make_zip([("b.pdf", b"%PDF-1.4")])), ("not.zip", b"PK junk")])
    assert errors == [
        "photo.jpg：只接受 .txt 文本、.html 网页、.md 文稿，或 .csv、.tsv、.json、.jsonl、.xml 导出文件",
        "binary.txt：不是文本文件（含有二进制内容）",
        "empty.txt：文件是空的",
        "a.zip 中的 b.pdf：只接受 .txt 文本、.html 网页、.md 文稿，或 .csv、.tsv、.json、.jsonl、.xml 导出文件",
        "not.zip：不是有效的 zip 压缩包（BadZipFile）",
    ]


def test_limits_are_stated(settings):
    settings.UPLOAD_MAX_FILES = 2
    assert "最多上传 2 个文件" in rejected(seed_bytes())[0]
    assert "最多上传 2 个文件" in rejected([("z.zip", make_zip(seed_bytes()))])[0]
    settings.UPLOAD_MAX_FILES = 200
    settings.IMPORT_MAX_FILE_BYTES = 100
    assert "超过单个文件上限" in rejected([("big.txt", "医院".encode() * 100)])[0]
    settings.UPLOAD_MAX_TOTAL_BYTES = 50
    assert "总上限" in rejected([("big.txt", "医院".encode() * 100)])[0]
    settings.UPLOAD_MAX_TOTAL_BYTES = 100 * 1024 * 1024
    settings.IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024
    first = seed_bytes()[0]
    assert "同名" in rejected([first, ("z.zip", make_zip([first]))])[0]


# --- storing and importing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_upload_is_kept_with_its_digest_and_imports_as_import_seeds_would(upload_dir, tmp_path, django_user_model,
                                                                             capsys):
    user = django_user_model.objects.create_user("uploader")
    job = service.stage(service.read_uploads(seed_bytes()), user)
    files = list(job.files.all())
    assert [f.name for f in files] == [p.name for p in SEED_FILES]
    import hashlib

    for f, path in zip(files, SEED_FILES):
        assert Path(f.stored_path).read_bytes() == path.read_bytes()
        assert f.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert Path(f.stored_path).is_relative_to(upload_dir)
    rows = service.preview(job)
    assert Article.objects.count() == 0  # a dry run
    assert all(row["titles"] and not row["error"] for row in rows)
    job.status = ImportJob.Status.QUEUED
    job.save()
    assert service.run_job(job.pk) == ImportJob.Status.DONE
    job.refresh_from_db()
    assert job.done_count == 3 and [r["status"] for r in job.results] == ["done"] * 3
    assert sorted(SourceFile.objects.values_list("path", flat=True)) == [p.name for p in SEED_FILES]
    created = Article.objects.count()
    assert job.summary.splitlines()[0] == f"文章：新建 {created}，更新 0，未变 0，保留（编辑已改）0，失败 0"
    # import_seeds on the same files from disk knows them as the same files, and a fresh parse
    # of them gives exactly the records the upload made.
    folder = tmp_path / "same"
    folder.mkdir()
    for path in SEED_FILES:
        (folder / path.name).write_bytes(path.read_bytes())
    capsys.readouterr()
    call_command("import_seeds", str(folder), "--reparse")
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"0 created, 0 updated, {created} unchanged, 0 kept (edited), 0 failed"
    assert "records: 0 created, 0 updated" in out


@pytest.mark.django_db
def test_a_refused_upload_stores_nothing(upload_dir):
    with pytest.raises(service.UploadRejected):
        service.read_uploads(seed_bytes() + [("x.exe", b"MZ")])
    assert not stored(upload_dir) and not ImportJob.objects.exists() and not UploadedFile.objects.exists()


@pytest.mark.django_db
def test_a_failure_while_storing_leaves_nothing(upload_dir, monkeypatch):
    entries = service.read_uploads(seed_bytes())
    monkeypatch.setattr(UploadedFile.objects, "bulk_create", lambda rows: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        service.stage(entries, None)
    assert not stored(upload_dir) and not ImportJob.objects.exists()


# --- the admin, as an editor -----------------------------------------------------------------


@pytest.fixture
def editor_client(client, db, django_user_model):
    call_command("setup_roles")
    user = django_user_model.objects.create_user("bianji", password="pw-editor-123456", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(user)
    return client


def test_an_editor_uploads_previews_confirms_and_watches_the_job(editor_client, django_capture_on_commit_callbacks,
                                                                upload_dir):
    url = reverse("admin:uploads_importjob_upload")
    page = editor_client.get(url)
    assert page.status_code == 200 and "上传并预览" in page.content.decode()
    assert editor_client.get(reverse("admin:uploads_importjob_add")).url == url
    first, second, third = seed_bytes()
    response = editor_client.post(url, {"files": [SimpleUploadedFile(first[0], first[1]),
                                                  SimpleUploadedFile("more.zip", make_zip([second, third]))]})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("admin:uploads_importjob_preview", args=[job.pk])
    preview = editor_client.get(response.url).content.decode()
    assert "确认导入" in preview and first[0] in preview and "新建" in preview
    assert Article.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:uploads_importjob_preview", args=[job.pk]), {"confirm": "1"})
    status_url = reverse("admin:uploads_importjob_status", args=[job.pk])
    assert response.url == status_url
    job.refresh_from_db()
    assert job.status == ImportJob.Status.QUEUED
    page = editor_client.get(status_url).content.decode()
    assert "排队中" in page and 'http-equiv="refresh"' in page
    # Queued in the embedded database queue; run here as its worker would (a real worker process
    # runs it in test_the_database_queue_runs_a_job_in_a_real_worker; the in-process worker closes
    # the connection this test's transaction lives on).
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.get()
    assert queued.task_path == "uploads.tasks.import_job" and queued.args_kwargs["args"] == [job.pk]
    queued.task.call(*queued.args_kwargs["args"])
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    page = editor_client.get(status_url).content.decode()
    assert "已完成" in page and 'http-equiv="refresh"' not in page
    article = Article.objects.order_by("pk").first()
    assert reverse("admin:articles_article_change", args=[article.pk]) in page
    reviews = reverse("admin:articles_reviewitem_changelist") + f"?article__exact={article.pk}"
    assert reviews.replace("&", "&amp;") in page or reviews in page
    assert editor_client.get(reviews).status_code == 200
    assert job.files.count() == 3 and job.uploader.username == "bianji"
    listing = editor_client.get(reverse("admin:uploads_importjob_changelist")).content.decode()
    assert "已完成" in listing


def test_a_bad_upload_is_refused_by_name_in_the_admin(editor_client, upload_dir):
    response = editor_client.post(reverse("admin:uploads_importjob_upload"),
                                  {"files": [SimpleUploadedFile("a.zip", make_zip([("../../etc/passwd.txt", b"x")]))]})
    assert response.status_code == 400
    assert "a.zip 中的 ../../etc/passwd.txt" in response.content.decode()
    assert not ImportJob.objects.exists() and not stored(upload_dir)


def test_discarding_a_preview_removes_the_files(editor_client, upload_dir):
    first = seed_bytes()[0]
    editor_client.post(reverse("admin:uploads_importjob_upload"), {"files": [SimpleUploadedFile(first[0], first[1])]})
    job = ImportJob.objects.get()
    editor_client.post(reverse("admin:uploads_importjob_preview", args=[job.pk]), {"discard": "1"})
    assert not ImportJob.objects.exists() and not stored(upload_dir)


def test_only_editors_with_the_import_permission_upload(client, db, django_user_model):
    user = django_user_model.objects.create_user("guest", password="pw-guest-123456", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:uploads_importjob_upload")).status_code == 403
    assert client.get(reverse("admin:uploads_importjob_changelist")).status_code == 403


# --- real workers ------------------------------------------------------------------------------

STAGE = """
from pathlib import Path
from django.db import transaction
from uploads import service
from uploads.tasks import enqueue
files = [(Path(p).name, Path(p).read_bytes()) for p in {paths!r}]
job = service.stage(service.read_uploads(files), None)
with transaction.atomic():
    enqueue(job)
print(job.pk)
"""


def run_manage(args, env, timeout=300):
    return finish(subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True), timeout=timeout)


def worker_env(url, tmp_path, **extra):
    return {**os.environ, "DATABASE_URL": url, "HOSPITALS_VAR_DIR": str(tmp_path / "var"),
            "HOSPITALS_UPLOAD_DIR": str(tmp_path / "uploads"), **extra}


def stage_job(env, files=SEED_FILES[:2]) -> int:
    """An upload of `files` staged and queued by a `manage.py shell` on env's database; its id."""
    code, out, err = run_manage(["shell", "-c", STAGE.format(paths=[str(p) for p in files])], env)
    assert code == 0, err
    return int(out.strip().splitlines()[-1])


def job_status(env, pk) -> str:
    (status, done), = read_database(env["DATABASE_URL"], f"SELECT status, done_count FROM {ImportJob._meta.db_table} "
                                                          "WHERE id = %s", [pk])
    return f"{status} {done}"


def test_the_database_queue_runs_a_job_in_a_real_worker(database_factory, tmp_path):
    env = worker_env(database_factory(migrated=True), tmp_path, TASKS_BACKEND="database")
    pk = stage_job(env)
    assert job_status(env, pk) == "queued 0"
    code, out, err = run_manage(["db_worker", "--batch", "--no-reload"], env)
    assert code == 0, err
    assert job_status(env, pk) == "done 2"


BROKERS = {"redis": "redis://127.0.0.1:6379/0", "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//"}


def reachable(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=2).close()
        return True
    except OSError:
        return False


def celery_worker(env, concurrency: int) -> list[str]:
    """A Celery worker on the test's own queue, under a node name of its own: RabbitMQ refuses a
    second worker of the same name (RESOURCE_LOCKED on its control queue), which another test or
    run on the same broker may be. Prefork, not `--pool solo`: over RabbitMQ a solo worker sat up
    to 10 s with messages waiting (uploads/benchmarks.py)."""
    return [sys.executable, "-m", "celery", "-A", "uploads.celery_backend", "worker", "--pool", "prefork",
            "--concurrency", str(concurrency), "-n", f"test-{uuid.uuid4().hex[:8]}@%h", "-Q", env["CELERY_QUEUE"],
            "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]


@pytest.mark.parametrize("broker", sorted(BROKERS))
def test_celery_runs_a_job_through_a_real_broker(database_factory, tmp_path, broker):
    url = os.environ.get(f"TEST_{broker.upper()}_URL", BROKERS[broker])
    if not reachable(url):
        message = f"{broker} not reachable at {url}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: the brokers run on this machine)")
        pytest.skip(message)
    env = worker_env(database_factory(migrated=True), tmp_path, TASKS_BACKEND="celery", CELERY_BROKER_URL=url,
                     CELERY_QUEUE=f"hospitals-test-{uuid.uuid4().hex[:8]}")
    pk = stage_job(env)
    worker = subprocess.Popen(celery_worker(env, concurrency=1), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        status = job_status(env, pk)
        while not status.startswith(("done", "failed")) and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(1)
            status = job_status(env, pk)
    finally:
        worker.terminate()
        try:
            _, log = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            _, log = worker.communicate()
    assert status == "done 2", log[-3000:]
