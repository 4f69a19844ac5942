"""Production behaviour: bad input answered clearly with nothing lost, hostile content rendered
harmlessly, secure settings, throttled logins."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, SourceFile
from hospitals.models import Hospital
from ingest.pipeline import import_paths
from tests.conftest import INPUTS, ROOT

pytestmark = pytest.mark.django_db


# --- bad input --------------------------------------------------------------------------------

def test_random_bytes_are_refused_as_not_text(seeds_dir):
    import random

    rng = random.Random(7)
    (seeds_dir / "zz_random.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    report = import_paths([str(seeds_dir)])
    [bad] = [r for r in report.files if r.error]
    assert "zz_random.txt" in bad.error and "not UTF-8, GB18030/GBK or Big5" in bad.error
    assert Article.objects.count() == 7


def test_a_fifo_or_directory_named_txt_is_refused_without_blocking(seeds_dir):
    os.mkfifo(seeds_dir / "zz_pipe.txt")
    (seeds_dir / "zz_dir.txt").mkdir()
    (seeds_dir / "zz_dir.txt" / "inner.txt").write_bytes((seeds_dir / "001_6ff0cf5427d759dd.txt").read_bytes())
    report = import_paths([str(seeds_dir)])
    errors = [r.error for r in report.files if r.error]
    assert any("zz_pipe.txt: not a regular file" in e for e in errors)
    assert Article.objects.count() == 8  # the seeds and the file inside the folder


def test_a_50_mb_file_is_refused_by_size_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk, would cost 50 MB to read
    report = import_paths([str(big)])
    assert "over the import limit" in report.files[0].error and "52,428,800 bytes" in report.files[0].error


def test_a_file_that_vanishes_mid_run_fails_alone(seeds_dir, settings):
    # A commit per file: the first file is reported (and the victim removed) before the next is
    # read. In batches it would be reported once its batch, holding the victim, had committed.
    settings.IMPORT_BATCH_SECONDS = 0
    victim = seeds_dir / "004_e6602cedf5aa1e21.txt"

    def progress(result):
        if result.display.endswith("000_5b264ede828971bb.txt"):
            victim.unlink()

    report = import_paths([str(seeds_dir)], progress=progress)
    [bad] = [r for r in report.files if r.error]
    assert "004_e6602cedf5aa1e21.txt: cannot read" in bad.error
    assert Article.objects.count() == 6


def test_command_exits_non_zero_and_names_the_file(seeds_dir):
    (seeds_dir / "zz_empty.txt").write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_seeds", str(seeds_dir), stdout=StringIO(), stderr=err)
    assert failure.value.returncode == 1  # manage.py exits with this status
    assert "zz_empty.txt: the file is empty" in err.getvalue()
    assert Article.objects.count() == 7


def test_failed_file_leaves_its_earlier_import_untouched(seeds_dir):
    import_paths([str(seeds_dir)])
    before = list(Article.objects.order_by("pk").values_list("pk", "title"))
    (seeds_dir / "001_6ff0cf5427d759dd.txt").write_bytes(b"\x00broken")
    report = import_paths([str(seeds_dir)])
    assert [r.display.rsplit("/", 1)[-1] for r in report.files if r.error] == ["001_6ff0cf5427d759dd.txt"]
    assert list(Article.objects.order_by("pk").values_list("pk", "title")) == before
    assert SourceFile.objects.get(path="001_6ff0cf5427d759dd.txt").raw_text.startswith("凝心聚力")


# --- hostile content --------------------------------------------------------------------------

@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_bytes((INPUTS / "hostile.txt").read_bytes())
    report = import_paths([str(folder)])
    assert not report.failed_files
    Hospital.objects.update(status="accepted")
    from articles import search

    search.rebuild()
    return Article.objects.get()


def assert_harmless(html: str):
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>三" not in html
    assert "django-insecure" not in html  # {{ settings.SECRET_KEY }} stayed text


def test_hostile_text_renders_harmlessly_on_public_pages(client, hostile):
    hospital = Hospital.objects.first()
    urls = ["/", "/articles/", hostile.get_absolute_url(), "/hospitals/", hospital.get_absolute_url(), "/honours/",
            "/search/?q=script", "/search/?q=医院", "/feed/", "/sitemap.xml"]
    for honour in hospital.honours.all():
        urls.append(honour.get_absolute_url())
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_harmless(response.content.decode())
    page = client.get(hostile.get_absolute_url()).content.decode()
    assert "{{ request.user }}" in page and "&lt;script&gt;" in page  # shown, not run


def test_hostile_text_renders_harmlessly_in_the_admin(staff_client, hostile):
    from django.contrib import admin

    for model in admin.site._registry:
        if model._meta.app_label not in ("articles", "hospitals"):
            continue
        opts = model._meta
        assert_harmless(staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).content.decode())
        for obj in model.objects.all()[:3]:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            response = staff_client.get(url)
            assert response.status_code == 200, url
            assert_harmless(response.content.decode())


# --- security ---------------------------------------------------------------------------------

PUBLIC = ["/", "/articles/", "/hospitals/", "/honours/", "/search/?q=党建"]


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_send_a_csp_they_satisfy(client, seeded, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self';" in policy and "frame-ancestors 'none'" in policy
    html = response.content.decode()
    assert "<script" not in html and " style=" not in html and "javascript:" not in html
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="hospitals.example.org",
               DJANGO_SECRET_KEY="k" + "3f9b2c7d1e8a4f6b0c5d9e2a7b1c4f8d3e6a0b5c9d2e7f1a4b8c3d6e9f0a2b5c7d1", **extra)
    return env


def manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_check_deploy_is_clean_in_the_documented_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("key, message", [(None, "must be set"), ("short", "too weak")])
def test_production_refuses_to_start_without_a_real_secret_key(key, message):
    env = production_env()
    env.pop("DJANGO_SECRET_KEY")
    if key:
        env["DJANGO_SECRET_KEY"] = key
    result = manage("check", env=env)
    assert result.returncode != 0 and message in result.stderr


def test_failed_logins_are_throttled(client, django_user_model):
    django_user_model.objects.create_superuser("boss", password="the-right-password-1")
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "boss", "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": "boss", "password": "the-right-password-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "医院报道数据库 · 编辑后台" in page  # an admin page ...
    assert "用户名“boss”" in page and "连续 5 次登录失败" in page and "已暂停 1 小时" in page  # ... saying how long
    assert "Account locked" not in page


@pytest.mark.parametrize("hours, said", [(0.5, "30 分钟"), (1.5, "1 小时 30 分钟"), (48, "2 天"), (0.001, "1 分钟")])
def test_the_lockout_page_says_how_long_the_lock_lasts(client, django_user_model, settings, hours, said):
    settings.AXES_COOLOFF_TIME = hours
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "boss", "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": "boss", "password": "wrong"})
    assert response.status_code == 429 and f"已暂停 {said}，请 {said}后再试" in response.content.decode()


def test_anonymous_users_get_no_admin_page(client, seeded):
    for url in ["/admin/", "/admin/articles/article/", "/admin/auth/user/", "/admin/hospitals/hospital/export/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
