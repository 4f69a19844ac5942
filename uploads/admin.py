"""The editors' upload desk: 文章导入任务 in the admin.

增加 (add) opens the upload form; a submitted upload is checked, kept, and previewed (a dry run
of the import); 确认导入 queues the background job; a job's page shows its progress and, when it
is done, what each file gave, with links to the records and their review items."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, SourceFile
from core.admin_display import FLAG_LABELS

from . import jobs, service
from .models import ImportJob, UploadedFile
from .tasks import enqueue

# django-tasks-db's own list is in English and shows nothing an editor needs.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="文件", required=True, widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.md,.markdown,.csv,.tsv,.json,.jsonl,.xml,.rss,.atom,.zip,text/plain,text/html,text/markdown,application/zip"}),
        error_messages={"required": "请选择要上传的 .txt 文件、.html 网页、.md 文稿、导出文件（.csv、.json 等）或 .zip 压缩包。"},
    )


class UploadedFileInline(admin.TabularInline):
    model = UploadedFile
    fields = ("name", "archive", "size", "sha256")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created", "uploader", "status", "progress", "first_summary")
    list_filter = ("status",)
    list_select_related = ("uploader",)
    readonly_fields = ("uploader", "status", "folder", "total", "done_count", "summary", "error", "created", "started",
                       "finished")

    # --- permissions: the upload desk is its own permission ---------------------------------
    def can_run(self, request) -> bool:
        return request.user.is_active and request.user.is_staff and request.user.has_perm("uploads.run_import")

    def has_add_permission(self, request):
        return self.can_run(request)

    def has_change_permission(self, request, obj=None):
        return False  # a job is not edited; its page is the status page

    def has_view_permission(self, request, obj=None):
        return self.can_run(request) or super().has_view_permission(request, obj)

    # --- list ----------------------------------------------------------------------------------
    @admin.display(description="进度")
    def progress(self, obj):
        return f"{obj.done_count} / {obj.total}"

    @admin.display(description="摘要")
    def first_summary(self, obj):
        return obj.summary.splitlines()[0] if obj.summary else "—"

    # --- pages ---------------------------------------------------------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("upload/", wrap(self.upload_view), name="%s_%s_upload" % info),
            path("<int:pk>/preview/", wrap(self.preview_view), name="%s_%s_preview" % info),
            path("<int:pk>/status/", wrap(self.status_view), name="%s_%s_status" % info),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:uploads_importjob_upload"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not object_id.isdigit():
            return HttpResponseRedirect(reverse("admin:uploads_importjob_changelist"))
        return self.status_view(request, int(object_id))

    def _context(self, request, title, **extra):
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": title,
                "has_view_permission": self.has_view_permission(request), **extra}

    def upload_view(self, request):
        if not self.can_run(request):
            raise PermissionDenied
        errors: list[str] = []
        if request.method == "POST":
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                uploads = form.cleaned_data["files"]
                try:
                    entries = service.read_uploads([(f.name, f.read()) for f in uploads])
                    job = service.stage(entries, request.user)
                except service.UploadRejected as exc:
                    errors = exc.errors
                else:
                    try:
                        service.preview(job)
                    except Exception:
                        service.discard(job)
                        raise
                    return HttpResponseRedirect(reverse("admin:uploads_importjob_preview", args=[job.pk]))
        else:
            form = UploadForm()
        limits = service.limits()
        context = self._context(
            request, "上传文章", form=form, errors=errors,
            limits={"files": limits["files"], "file_bytes": service._mib(limits["file_bytes"]),
                    "total_bytes": service._mib(limits["total_bytes"]), "ratio": limits["ratio"]},
        )
        return TemplateResponse(request, "admin/uploads/upload.html", context, status=400 if errors else 200)

    def _job(self, request, pk) -> ImportJob:
        job = get_object_or_404(ImportJob, pk=pk)
        if not (self.can_run(request) or self.has_view_permission(request, job)):
            raise PermissionDenied
        return job

    def preview_view(self, request, pk):
        job = self._job(request, pk)
        if not self.can_run(request):
            raise PermissionDenied
        if job.status != ImportJob.Status.PREVIEW:
            return HttpResponseRedirect(reverse("admin:uploads_importjob_status", args=[job.pk]))
        if request.method == "POST":
            if "discard" in request.POST:
                service.discard(job)
                self.message_user(request, "已放弃这次上传，文件已删除。", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:uploads_importjob_changelist"))
            with transaction.atomic():
                job = ImportJob.objects.select_for_update().get(pk=job.pk)
                if job.status == ImportJob.Status.PREVIEW:
                    enqueue(job)
            self.message_user(request, "已开始导入：可以关闭本页，导入在后台继续进行。", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:uploads_importjob_status", args=[job.pk]))
        rows = [{**row, "flag_labels": [FLAG_LABELS.get(code, code) for code in row.get("flags", [])]}
                for row in job.preview]
        return TemplateResponse(request, "admin/uploads/preview.html",
                                self._context(request, f"导入预览：{job}", job=job, rows=rows, original=job))

    def status_view(self, request, pk):
        job = self._job(request, pk)
        if job.status == ImportJob.Status.PREVIEW:
            return HttpResponseRedirect(reverse("admin:uploads_importjob_preview", args=[job.pk]))
        results = jobs.rows_of(job)
        sources = {f.path: f for f in SourceFile.objects.filter(path__in=[r["name"] for r in results])}
        articles: dict[int, list] = {}
        for article in Article.objects.filter(source_file__in=list(sources.values())).order_by("position"):
            articles.setdefault(article.source_file_id, []).append(article)
        rows = []
        for row in results:
            source = sources.get(row["name"])
            rows.append({
                **row,
                "source_url": reverse("admin:articles_sourcefile_change", args=[source.pk]) if source else "",
                "article_pages": [
                    {"title": a.title or "（无标题）", "url": reverse("admin:articles_article_change", args=[a.pk]),
                     "reviews": reverse("admin:articles_reviewitem_changelist") + f"?article__exact={a.pk}"}
                    for a in (articles.get(source.pk, []) if source else [])
                ],
            })
        running = job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)
        context = self._context(request, f"{job}：{job.get_status_display()}", job=job, rows=rows, running=running,
                                original=job, files=job.files.all())
        return TemplateResponse(request, "admin/uploads/status.html", context)
