"""An editor's upload of text articles and the background job that imports them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", "待确认"
        QUEUED = "queued", "排队中"
        RUNNING = "running", "导入中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传者", null=True,
                                 on_delete=models.SET_NULL, related_name="import_jobs")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PREVIEW)
    folder = models.CharField("存放目录", max_length=500, help_text="上传文件保存的目录")
    total = models.PositiveIntegerField("文件数", default=0)
    done_count = models.PositiveIntegerField("已处理", default=0)
    preview = models.JSONField("预览", default=list, blank=True)
    results = models.JSONField("各文件结果", default=list, blank=True)
    summary = models.TextField("摘要", blank=True)
    error = models.TextField("错误", blank=True)
    created = models.DateTimeField("上传时间", auto_now_add=True)
    started = models.DateTimeField("开始时间", null=True, blank=True)
    finished = models.DateTimeField("结束时间", null=True, blank=True)
    # The newest hospital and alias ids when the job started: every file of the job is read with
    # the hospital names known then, whichever worker reads it and whenever (uploads/jobs.py).
    lexicon = models.JSONField("分词所用的医院名称", default=dict, blank=True, editable=False)
    # When a file task of the running job next lets the public pages' aggregates catch up.
    next_refresh = models.DateTimeField("下次刷新公共页面", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "文章导入任务"
        verbose_name_plural = "文章导入任务"
        ordering = ["-created"]
        permissions = [("run_import", "可以上传并导入文章")]

    def __str__(self) -> str:
        return f"导入任务 #{self.pk}"


class _WithoutContent(models.Manager):
    # A file's bytes (up to IMPORT_MAX_FILE_BYTES) are read only by the task that imports it; the
    # job's page, refreshed every 2 s, and every list of files leave them in the database.
    def get_queryset(self):
        return super().get_queryset().defer("content")


class UploadedFile(models.Model):
    """One .txt file as the editor uploaded it (alone or inside a zip), kept on disk, and in the
    database until it is imported: a worker on another machine reads it from there."""

    class State(models.TextChoices):
        NEW = "", "未开始"
        QUEUED = "queued", "排队中"
        DONE = "done", "完成"
        FAILED = "failed", "失败"

    job = models.ForeignKey(ImportJob, verbose_name="导入任务", on_delete=models.CASCADE, related_name="files")
    name = models.CharField("文件名", max_length=500, help_text="导入时的文件路径（与源文件的路径相同）")
    stored_path = models.CharField("保存位置", max_length=1000)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveIntegerField("字节数")
    archive = models.CharField("所在压缩包", max_length=255, blank=True)
    content = models.BinaryField("文件内容", null=True, editable=False, help_text="导入完成后清空")
    state = models.CharField("导入状态", max_length=10, choices=State.choices, default=State.NEW, blank=True)
    result = models.JSONField("导入结果", default=dict, blank=True, editable=False)

    objects = _WithoutContent()

    class Meta:
        verbose_name = "上传文件"
        verbose_name_plural = "上传文件"
        ordering = ["job", "name"]
        constraints = [models.UniqueConstraint(fields=["job", "name"], name="uploads_file_unique_name")]

    def __str__(self) -> str:
        return self.name
