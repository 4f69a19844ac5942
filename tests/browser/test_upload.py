"""An editor uploads articles in Chromium, confirms the preview, and watches the job finish
(the status page refreshes itself; the embedded queue's worker runs the job meanwhile)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article
from hospitals.roles import EDITOR_GROUP
from tests.conftest import SEEDS
from uploads.models import ImportJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_uploads_a_zip_and_sees_the_job_finish(page, log_in, live_server, django_user_model, settings, tmp_path,
                                                          shoot):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    call_command("setup_roles")
    editor = django_user_model.objects.create_user("bianji", password="pw-editor-123456", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    files = sorted(SEEDS.glob("*.txt"))[:2]
    archive = tmp_path / "文章.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in files:
            zipped.writestr(path.name, path.read_bytes())
    archive.write_bytes(buffer.getvalue())

    log_in(live_server.url, "bianji", "pw-editor-123456")
    page.goto(live_server.url + "/admin/uploads/importjob/add/")
    page.set_input_files("#id_files", [str(archive)])
    page.click("text=上传并预览")
    page.wait_for_selector("#preview-table")
    assert files[0].name in page.inner_text("#preview-table")
    shoot("admin-upload-preview")
    page.click("input[name=confirm]")
    page.wait_for_selector("#job-status")
    assert "排队中" in page.inner_text("#job-status")
    call_command("db_worker", "--batch", "--no-reload", verbosity=0)
    page.wait_for_selector("#job-status[data-status=done]", timeout=20_000)  # after its own refresh
    assert Article.objects.count() > 0 and ImportJob.objects.get().status == ImportJob.Status.DONE
    assert "审核事项" in page.inner_text("#status-table")
    summary = page.inner_text("#job-summary")  # editors read it: Chinese, as the rest of the page
    assert summary.startswith(f"文章：新建 {Article.objects.count()}，") and "created" not in summary
    shoot("admin-upload-status")
