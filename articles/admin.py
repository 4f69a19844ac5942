from django import forms
from django.contrib import admin
from django.utils.html import format_html

from core.admin_base import EditorAdmin, EditorFormsMixin
from core.admin_display import flags_table
from core.resources import editor_resource_for

from . import review_admin  # noqa: F401  (registers the review queue)
from .models import Article, ArticleHospital, Caption, Keyword, ReviewItem, Section, Source, SourceFile, Tombstone
from .paragraphs import ParagraphsField
from .provenance import excerpt_html
from .resources import ArticleResource, SectionResource


class SectionForm(forms.ModelForm):
    paragraphs = ParagraphsField(label="正文")

    class Meta:
        model = Section
        fields = ("article", "order", "label", "heading", "paragraphs")


class SectionInline(EditorFormsMixin, admin.StackedInline):
    model = Section
    form = SectionForm
    extra = 0
    fields = ("order", "label", "heading", "paragraphs")


class CaptionInline(EditorFormsMixin, admin.TabularInline):
    model = Caption
    extra = 0
    fields = ("order", "text")


class ArticleHospitalInline(EditorFormsMixin, admin.TabularInline):
    model = ArticleHospital
    extra = 0
    autocomplete_fields = ("hospital",)
    fields = ("hospital", "role", "status", "confidence")


class HeadlineFilter(admin.SimpleListFilter):
    """Articles whose page printed no headline carry one made from their lead: editors find them
    here to write a better one, without an open review item each."""

    title = "标题"
    parameter_name = "headline"

    def lookups(self, request, model_admin):
        return [("derived", "原文无标题（以导语代题）"), ("printed", "原文有标题")]

    def queryset(self, request, queryset):
        derived = ReviewItem.objects.filter(code="headline_not_printed").values("article_id")
        if self.value() == "derived":
            return queryset.filter(pk__in=derived)
        if self.value() == "printed":
            return queryset.exclude(pk__in=derived)
        return queryset


@admin.register(Article)
class ArticleAdmin(EditorAdmin):
    resource_classes = [ArticleResource]
    list_display = ("title", "kicker", "source", "published", "origin", "status", "updated")
    list_select_related = ("source", "source_file")
    list_filter = ("status", HeadlineFilter, "source", "published")
    search_fields = ("title", "kicker", "subtitle", "authors", "sections__paragraphs")
    date_hierarchy = "published"
    # Keywords found by typing: the archive holds thousands, and a list of them all made every
    # article's form slow to render.
    autocomplete_fields = ("source", "keywords")
    inlines = [ArticleHospitalInline, SectionInline, CaptionInline]
    readonly_fields = ("provenance", "source_file", "position", "span_start", "span_end", "flags_table",
                       "created", "updated")
    fieldsets = [
        (None, {"fields": ["kicker", "title", "subtitle", "source", "published", "authors", "editors", "keywords",
                           "status", "confidence"]}),
        ("原文", {"fields": ["provenance", "flags_table", "source_file", "position", "span_start", "span_end",
                           "created", "updated"]}),
    ]

    def has_add_permission(self, request):
        return False  # an article is a position in an imported file

    @admin.display(description="出处", ordering="source_file__path")
    def origin(self, obj):
        return f"{obj.source_file.path} 第 {obj.position + 1} 篇"

    @admin.display(description="解析提示")
    def flags_table(self, obj):
        return flags_table(obj.flags) if obj.pk else "—"

    @admin.display(description="原文（黄色为解析器修补或存疑之处）")
    def provenance(self, obj):
        if not obj.pk:
            return "—"
        spans = [tuple(f["span"]) for f in obj.flags if f.get("span")]
        spans = [(s, e) for s, e in spans if obj.span_start <= s < obj.span_end] or [(obj.span_start, obj.span_start)]
        raw = obj.source_file.raw_text[obj.span_start:obj.span_end]
        html = excerpt_html(obj.source_file, spans, label=f"第 {obj.position + 1} 篇")
        return format_html("{}<details><summary>全文原文</summary><pre class=\"provenance\">{}</pre></details>", html, raw)


@admin.register(Section)
class SectionAdmin(EditorAdmin):
    resource_classes = [SectionResource]
    form = SectionForm
    list_display = ("__str__", "article", "order", "label")
    list_select_related = ("article",)
    search_fields = ("heading", "paragraphs", "article__title")
    autocomplete_fields = ("article",)
    fields = ("article", "order", "label", "heading", "paragraphs")


@admin.register(Source)
class SourceAdmin(EditorAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(Caption)
class CaptionAdmin(EditorAdmin):
    list_display = ("text", "article", "order")
    list_select_related = ("article",)
    search_fields = ("text", "article__title")
    autocomplete_fields = ("article",)
    fields = ("article", "order", "text", "span_start", "span_end")


@admin.register(ArticleHospital)
class ArticleHospitalAdmin(EditorAdmin):
    list_display = ("article", "hospital", "role", "status", "confidence")
    list_select_related = ("article", "hospital")
    list_filter = ("role", "status")
    search_fields = ("article__title", "hospital__name")
    autocomplete_fields = ("article", "hospital")


@admin.register(SourceFile)
class SourceFileAdmin(EditorAdmin):
    import_owned = True
    # A sheet cell holds 32,767 characters at most; the text itself is on the record's page.
    resource_classes = [editor_resource_for(SourceFile, exclude=["raw_text"])]
    list_display = ("path", "sha256", "size", "encoding", "parser_version", "imported")
    search_fields = ("path", "sha256")
    fields = ("path", "sha256", "size", "encoding", "parser_version", "imported", "text")
    readonly_fields = fields

    def has_change_permission(self, request, obj=None):
        return False  # the file as read; its records are corrected instead

    @admin.display(description="原文")
    def text(self, obj):
        return format_html('<pre class="provenance">{}</pre>', obj.raw_text)


@admin.register(Keyword)
class KeywordAdmin(EditorAdmin):
    search_fields = ("word",)


class TombstoneModelFilter(admin.SimpleListFilter):
    title = "类型"
    parameter_name = "model"

    def lookups(self, request, model_admin):
        labels = Tombstone.objects.order_by("model").values_list("model", flat=True).distinct()
        return [(label, _model_name(label)) for label in labels]

    def queryset(self, request, queryset):
        return queryset.filter(model=self.value()) if self.value() else queryset


def _model_name(label: str) -> str:
    from django.apps import apps

    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


@admin.register(Tombstone)
class TombstoneAdmin(EditorAdmin):
    import_owned = True
    list_display = ("model_name", "natural_key", "deleted")
    list_filter = (TombstoneModelFilter,)
    search_fields = ("natural_key",)
    fields = ("model_name", "natural_key", "deleted")
    readonly_fields = fields

    def has_change_permission(self, request, obj=None):
        return False  # deleting the tombstone is the one thing to do with it

    @admin.display(description="类型", ordering="model")
    def model_name(self, obj):
        return _model_name(obj.model)
