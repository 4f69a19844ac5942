from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q

from core.links import detail_url
from core.models import HistoricalRecords, ImportedRecord, PublicQuerySet

from .paragraphs import PARAGRAPH_BREAK, UnescapedJSONEncoder, split_paragraphs


class Source(models.Model):
    """A publication: 中国网, 重庆日报, 衡阳晚报 …"""

    name = models.CharField("名称", max_length=60, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "来源媒体"
        verbose_name_plural = "来源媒体"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SourceFile(models.Model):
    """One imported text file, kept byte-for-byte decoded so every record can point into it."""

    path = models.CharField("文件路径", max_length=500, unique=True, help_text="相对于导入根目录的路径")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveIntegerField("字节数")
    encoding = models.CharField("编码", max_length=20)
    raw_text = models.TextField("原文")
    parser_version = models.CharField("解析器版本", max_length=20)
    imported = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        verbose_name = "源文件"
        verbose_name_plural = "源文件"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.path


class Keyword(models.Model):
    word = models.CharField("关键词", max_length=30, unique=True)

    class Meta:
        verbose_name = "关键词"
        verbose_name_plural = "关键词"
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class ArticleQuerySet(PublicQuerySet):
    def for_list(self):
        # Without the import snapshots: an article's holds its whole text, which a list reads
        # and decodes for nothing (20 rows: 6.2 → 2.7 ms at 10,000 articles).
        return self.defer("import_snapshot").select_related("source").prefetch_related(
            models.Prefetch("hospital_links", queryset=ArticleHospital.objects.select_related("hospital")
                            .defer("import_snapshot", "hospital__import_snapshot")
                            .filter(role=ArticleHospital.Role.SUBJECT))
        )


class Article(ImportedRecord):
    source_file = models.ForeignKey(SourceFile, on_delete=models.PROTECT, related_name="articles", verbose_name="源文件")
    position = models.PositiveSmallIntegerField("文件内序号", help_text="从 0 开始：同一文件中的第几篇")
    kicker = models.CharField("眉题", max_length=100, blank=True)
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles",
                               verbose_name="来源媒体")
    published = models.DateField("发布日期", null=True, blank=True, db_index=True)
    authors = models.CharField("作者", max_length=200, blank=True, help_text="多人以“、”分隔")
    editors = models.CharField("编辑", max_length=200, blank=True, help_text="多人以“、”分隔")
    span_start = models.PositiveIntegerField("原文起点", default=0)
    span_end = models.PositiveIntegerField("原文终点", default=0)
    flags = models.JSONField("解析提示", default=list, blank=True)
    keywords = models.ManyToManyField(Keyword, related_name="articles", blank=True, verbose_name="关键词")
    hospitals = models.ManyToManyField("hospitals.Hospital", through="ArticleHospital", related_name="articles",
                                       verbose_name="医院")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source_file", "position"], name="article_unique_file_position"),
            models.CheckConstraint(condition=Q(span_end__gte=models.F("span_start")), name="article_span_ordered"),
        ]
        indexes = [
            models.Index(fields=["status", "-published", "-id"], name="article_status_published"),
            models.Index(fields=["source", "-published"], name="article_source_published"),
            # Public articles per source (home chart, list facet), and the years of each source
            # (the source list's facet), from the index alone: an article's row carries its import
            # snapshot, its whole text, so scanning rows costs (64 → 3 ms, and 190 → 2–6 ms, at
            # 10,000 articles).
            models.Index(fields=["status", "source", "published"], name="article_status_source_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("articles:article-detail", self.pk)

    @property
    def author_list(self) -> list[str]:
        return [name for name in self.authors.split("、") if name]

    @property
    def editor_list(self) -> list[str]:
        return [name for name in self.editors.split("、") if name]

    @property
    def raw_text(self) -> str:
        return self.source_file.raw_text[self.span_start : self.span_end]


class Section(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections", verbose_name="文章")
    order = models.PositiveSmallIntegerField("顺序")
    label = models.CharField("序号", max_length=12, blank=True)
    heading = models.CharField("小标题", max_length=120, blank=True)
    paragraphs = models.JSONField("正文", default=list, encoder=UnescapedJSONEncoder, help_text="段落，每段一项")
    history = HistoricalRecords()
    spans = models.JSONField(
        "原文位置", default=dict, blank=True,
        help_text='{"heading": [起, 止], "paragraphs": [[[起, 止], …], …]}：小标题与每段在原文中的位置（拼接的段落有多段）',
    )

    class Meta:
        verbose_name = "章节"
        verbose_name_plural = "章节"
        ordering = ["article", "order"]
        constraints = [models.UniqueConstraint(fields=["article", "order"], name="section_unique_order")]

    def __str__(self) -> str:
        return self.heading or "导语"

    @property
    def body(self) -> str:
        """The paragraphs as one text, a blank line between them: how the importer's snapshot,
        the search index and the importer's `Section(body=...)` spell a section."""
        return PARAGRAPH_BREAK.join(self.paragraphs)

    @body.setter
    def body(self, text: str) -> None:
        self.paragraphs = split_paragraphs(text)


class Caption(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="captions", verbose_name="文章")
    order = models.PositiveSmallIntegerField("顺序")
    text = models.CharField("图片说明", max_length=200)
    span_start = models.PositiveIntegerField("原文起点", default=0)
    span_end = models.PositiveIntegerField("原文终点", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "图片说明"
        verbose_name_plural = "图片说明"
        ordering = ["article", "order"]
        constraints = [models.UniqueConstraint(fields=["article", "order"], name="caption_unique_order")]

    def __str__(self) -> str:
        return self.text


class ArticleHospital(ImportedRecord):
    """Which hospitals an article is about (subject) and which it only names (mentioned)."""

    class Role(models.TextChoices):
        SUBJECT = "subject", "报道对象"
        MENTIONED = "mentioned", "提及"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="hospital_links", verbose_name="文章")
    hospital = models.ForeignKey("hospitals.Hospital", on_delete=models.CASCADE, related_name="article_links",
                                 verbose_name="医院")
    role = models.CharField("关系", max_length=10, choices=Role.choices, default=Role.MENTIONED)

    class Meta:
        verbose_name = "文章-医院关联"
        verbose_name_plural = "文章-医院关联"
        constraints = [models.UniqueConstraint(fields=["article", "hospital"], name="article_hospital_unique")]
        indexes = [models.Index(fields=["hospital", "role"], name="article_hospital_role")]

    def __str__(self) -> str:
        try:
            return f"《{self.article.title}》→ {self.hospital.name}（{self.get_role_display()}）"
        except ObjectDoesNotExist:  # a history row whose article or hospital is gone
            return f"文章 {self.article_id} → 医院 {self.hospital_id}（{self.get_role_display()}）"


class Tombstone(models.Model):
    """An imported record an editor deleted. The importer never creates it again."""

    model = models.CharField("类型", max_length=40)
    natural_key = models.CharField("自然键", max_length=400)
    deleted = models.DateTimeField("删除时间", auto_now_add=True)

    class Meta:
        verbose_name = "已删除记录"
        verbose_name_plural = "已删除记录"
        constraints = [models.UniqueConstraint(fields=["model", "natural_key"], name="tombstone_unique")]

    def __str__(self) -> str:
        try:
            kind = apps.get_model(self.model)._meta.verbose_name
        except (LookupError, ValueError):
            kind = self.model
        return f"{kind}：{self.natural_key}"


class ReviewItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReviewItem.Status.OPEN)


class ReviewItem(models.Model):
    """Something an editor should look at: a parser flag, a record the rules were unsure of, or
    a re-import whose new value differs from an editor's correction (kept, not applied), or a
    record a newer parse of its article no longer finds."""

    class Kind(models.TextChoices):
        FLAG = "flag", "解析提示"
        LOW_CONFIDENCE = "low_confidence", "低置信度记录"
        CONFLICT = "conflict", "导入与编辑不一致"
        STALE = "stale", "新解析不再发现"
        DUPLICATE = "duplicate", "疑似重复医院"

    class Status(models.TextChoices):
        OPEN = "open", "待处理"
        ACCEPTED = "accepted", "已采用"
        FIXED = "fixed", "已修正"
        DISMISSED = "dismissed", "已忽略"

    kind = models.CharField("类别", max_length=20, choices=Kind.choices, db_index=True)
    code = models.CharField("细类", max_length=40, db_index=True, help_text="提示类型或记录类型")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, blank=True, related_name="review_items",
                                verbose_name="文章")
    hospital = models.ForeignKey("hospitals.Hospital", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="review_items", verbose_name="医院")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True,
                                     verbose_name="记录类型")
    object_id = models.PositiveBigIntegerField("记录编号", null=True, blank=True)
    excerpt = models.CharField("摘录", max_length=200, blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)
    fingerprint = models.CharField("指纹", max_length=64, unique=True, editable=False)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    resolved = models.DateTimeField("处理时间", null=True, blank=True)
    resolved_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True,
                                    verbose_name="处理人")

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        verbose_name = "审核事项"
        verbose_name_plural = "审核事项"
        ordering = ["status", "-created"]
        indexes = [models.Index(fields=["status", "kind"], name="review_status_kind"),
                   models.Index(fields=["content_type", "object_id"], name="review_target"),
                   # The queue's order (the changelist adds -id), whole and by kind: its first page
                   # reads 100 items, not every item joined and sorted (3 s for 53,579 items at
                   # 10,000 articles).
                   models.Index(fields=["status", "-created", "-id"], name="review_status_created"),
                   models.Index(fields=["kind", "status", "-created", "-id"], name="review_kind_status_created")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.excerpt[:30]}"

    @property
    def target(self):
        """The record the item is about; None once that record is gone."""
        if not self.content_type_id or not self.object_id:
            return None
        return self.content_type.model_class()._default_manager.filter(pk=self.object_id).first()


class SearchDocument(models.Model):
    """One searchable record's text and its jieba tokens (see articles/search.py). On SQLite an
    FTS5 table indexes `tokens`; on PostgreSQL a stored tsvector column with a GIN index does."""

    kind = models.CharField(max_length=10)
    object_id = models.PositiveBigIntegerField()
    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    hospital = models.ForeignKey("hospitals.Hospital", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    body = models.TextField()
    tokens = models.TextField()

    class Meta:
        verbose_name = "搜索索引条目"
        verbose_name_plural = "搜索索引条目"
        indexes = [models.Index(fields=["kind", "object_id"], name="search_document_object")]

    def __str__(self) -> str:
        return self.title


class DataVersion(models.Model):
    """One row whose number changes whenever a change of the published data commits: the public
    pages' aggregates (totals, facet counts, rankings) are cached under it (core/datacache.py)."""

    value = models.PositiveBigIntegerField("版本", default=0)

    class Meta:
        verbose_name = "数据版本"
        verbose_name_plural = "数据版本"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="data_version_single_row")]

    def __str__(self) -> str:
        return str(self.value)


class PageAggregate(models.Model):
    """A public page's aggregate (a total, facet counts, a ranking) for one data version,
    computed by the writer that changed the data before it published the version, so the first
    reader after a change does not compute it (core/datacache.py)."""

    version = models.PositiveBigIntegerField("版本")
    key = models.BigIntegerField("键")
    value = models.BinaryField("值")

    class Meta:
        verbose_name = "页面统计缓存"
        verbose_name_plural = "页面统计缓存"
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="page_aggregate_version_key")]

    def __str__(self) -> str:
        return f"{self.version}:{self.key}"
