"""What every app's records share: history named in Chinese, the review status readers depend
on, the public queryset, and the base of every record the importer writes. Abstract: no table
lives here, so moving these changed no migration."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords as BaseHistoricalRecords


class HistoricalRecords(BaseHistoricalRecords):
    """History models named in Chinese ("文章历史", not "historical 文章"): the names show in the
    admin's permission lists and content types.

    History is read by record (`id`), newest first (`history_date`), and by who wrote it: only
    those columns are indexed. The copies of the record's own indexes (its hospital, year, level,
    article, …) answered no query and were most of what an import paid to insert a history row."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if name != "id":
                field.db_index = False
        return fields

    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        if not self.user_set_verbose_name:
            options["verbose_name"] = f"{model._meta.verbose_name}历史"
        if not self.user_set_verbose_name_plural:
            options["verbose_name_plural"] = f"{model._meta.verbose_name_plural}历史"
        return options


class ReviewStatus(models.TextChoices):
    """Whether readers see a record. Extracted records below the confidence threshold start as
    pending and stay off the public pages until an editor accepts them."""

    ACCEPTED = "accepted", "已采用"
    PENDING = "pending", "待审核"
    REJECTED = "rejected", "已驳回"


class PublicQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: records an editor accepted (or that were confident enough)."""
        return self.filter(status=ReviewStatus.ACCEPTED)


class ImportedRecord(models.Model):
    """What every record the importer writes carries: the values it last wrote (so a re-import
    can tell an editor's change from its own), how sure the rule was, and the review state."""

    import_snapshot = models.JSONField("导入快照", null=True, blank=True, editable=False,
                                       help_text="导入程序上次写入的值；与当前值不同即表示编辑改过。")
    confidence = models.FloatField("置信度", default=1.0)
    status = models.CharField("审核状态", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.ACCEPTED)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)
    # Who changed what and when, field by field; the importer's writes are marked as such. The
    # snapshot is the importer's bookkeeping, not the record's content: a revert to an older
    # version must not bring back an older snapshot (the next import would then take the
    # reverted values for its own and overwrite them), and copying it into every history row
    # doubled what an import writes.
    history = HistoricalRecords(inherit=True, excluded_fields=["import_snapshot"])

    class Meta:
        abstract = True
