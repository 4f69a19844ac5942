from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html

from config.admin_base import EditorAdmin
from hospitals.models import Hospital, ReviewStatus

from .models import Article, ArticleHospital, Caption, Keyword, ReviewItem, Section, Source, SourceFile, Tombstone
from .provenance import excerpt_html
from .resources import ArticleResource, SectionResource
from .review import resolve


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ("order", "label", "heading", "body")


class CaptionInline(admin.TabularInline):
    model = Caption
    extra = 0
    fields = ("order", "text")


class ArticleHospitalInline(admin.TabularInline):
    model = ArticleHospital
    extra = 0
    autocomplete_fields = ("hospital",)
    fields = ("hospital", "role", "status", "confidence")


@admin.register(Article)
class ArticleAdmin(EditorAdmin):
    resource_classes = [ArticleResource]
    list_display = ("title", "kicker", "source", "published", "source_file", "position", "status", "updated")
    list_select_related = ("source", "source_file")
    list_filter = ("status", "source", "published")
    search_fields = ("title", "kicker", "subtitle", "authors", "sections__body")
    date_hierarchy = "published"
    # Keywords found by typing: the archive holds thousands, and a list of them all made every
    # article's form slow to render.
    autocomplete_fields = ("source", "keywords")
    inlines = [ArticleHospitalInline, SectionInline, CaptionInline]
    readonly_fields = ("provenance", "source_file", "position", "span_start", "span_end", "flags", "import_snapshot",
                       "created", "updated")

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
    list_display = ("__str__", "article", "order", "label")
    list_select_related = ("article",)
    search_fields = ("heading", "body", "article__title")
    autocomplete_fields = ("article",)


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


@admin.register(ArticleHospital)
class ArticleHospitalAdmin(EditorAdmin):
    list_display = ("article", "hospital", "role", "status", "confidence")
    list_select_related = ("article", "hospital")
    list_filter = ("role", "status")
    search_fields = ("article__title", "hospital__name")
    autocomplete_fields = ("article", "hospital")


@admin.register(SourceFile)
class SourceFileAdmin(EditorAdmin):
    list_display = ("path", "sha256", "size", "encoding", "parser_version", "imported")
    search_fields = ("path", "sha256")
    readonly_fields = ("path", "sha256", "size", "encoding", "raw_text", "parser_version", "imported")


@admin.register(Keyword)
class KeywordAdmin(EditorAdmin):
    search_fields = ("word",)


@admin.register(Tombstone)
class TombstoneAdmin(EditorAdmin):
    list_display = ("model", "natural_key", "deleted")
    list_filter = ("model",)
    search_fields = ("natural_key",)


class BusiestHospitalsFilter(admin.SimpleListFilter):
    """The hospitals with the most open items, and the one chosen. Django's related-field
    filter lists every hospital and counts each in a column of one query: with 7,392 hospitals
    (10,000 articles) that is past SQLite's 2,000 columns, and the review queue did not open."""

    title = "医院"
    parameter_name = "hospital"
    LIMIT = 30

    def lookups(self, request, model_admin):
        busiest = (ReviewItem.objects.open().filter(hospital__isnull=False).values_list("hospital_id")
                   .annotate(n=Count("id")).order_by("-n", "hospital_id")[:self.LIMIT])
        ids = [pk for pk, _ in busiest]
        chosen = self.value()
        if chosen and chosen.isdigit() and int(chosen) not in ids:
            ids.append(int(chosen))
        names = dict(Hospital.objects.filter(pk__in=ids).values_list("pk", "name"))
        return [(str(pk), names[pk]) for pk in ids if pk in names]

    def queryset(self, request, queryset):
        chosen = self.value()
        return queryset.filter(hospital_id=int(chosen)) if chosen and chosen.isdigit() else queryset

    def get_facet_counts(self, pk_attname, filtered_qs):
        # A count per choice on the column itself; Django's default wraps each choice's queryset
        # in a subquery (30 of them over every item: seconds at 10,000 articles).
        return {f"{i}__c": Count(pk_attname, filter=Q(hospital_id=int(value)))
                for i, (value, _) in enumerate(self.lookup_choices)}


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    list_display = ("kind", "code", "excerpt", "article", "hospital", "target_link", "status", "created")
    list_select_related = ("article", "hospital", "content_type")
    list_filter = ("status", "kind", "code", BusiestHospitalsFilter)
    search_fields = ("excerpt", "article__title", "hospital__name")
    autocomplete_fields = ("article", "hospital")
    readonly_fields = ("kind", "code", "article", "hospital", "content_type", "object_id", "excerpt", "detail",
                       "created", "resolved", "resolved_by", "provenance")
    fields = readonly_fields + ("status",)
    show_facets = admin.ShowFacets.ALWAYS
    actions = ["accept", "mark_fixed", "dismiss"]

    class Media:
        css = {"all": ("articles/review_admin.css",)}

    @admin.display(description="记录")
    def target_link(self, obj):
        if not obj.content_type_id or not obj.object_id:
            if obj.article_id:
                return format_html('<a href="{}">修改文章</a>', reverse("admin:articles_article_change", args=[obj.article_id]))
            return "—"
        url = reverse(f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change", args=[obj.object_id])
        return format_html('<a href="{}">修改</a>', url)

    @admin.display(description="原文出处")
    def provenance(self, obj):
        span = (obj.detail or {}).get("span")
        if obj.article_id and span:
            return excerpt_html(obj.article.source_file, [tuple(span)], label=obj.code)
        return "—"

    @admin.action(description="采用：公开所指记录并关闭事项")
    def accept(self, request, queryset):
        for item in queryset:
            target = item.target
            if target is not None and hasattr(target, "status"):
                target.status = ReviewStatus.ACCEPTED
                target.save()
            resolve(item, ReviewItem.Status.ACCEPTED, request.user)
        self.message_user(request, f"已采用 {queryset.count()} 项。", messages.SUCCESS)

    @admin.action(description="已修正：关闭事项")
    def mark_fixed(self, request, queryset):
        for item in queryset:
            resolve(item, ReviewItem.Status.FIXED, request.user)

    @admin.action(description="忽略：关闭事项（所指记录不公开）")
    def dismiss(self, request, queryset):
        for item in queryset:
            target = item.target
            if item.kind == ReviewItem.Kind.LOW_CONFIDENCE and target is not None and hasattr(target, "status"):
                target.status = ReviewStatus.REJECTED
                target.save()
            resolve(item, ReviewItem.Status.DISMISSED, request.user)


def open_review_counts():
    """Open review items by kind, for the admin index."""
    counts = dict(ReviewItem.objects.open().values_list("kind").annotate(n=Count("id")))
    return [(kind, label, counts.get(kind, 0)) for kind, label in ReviewItem.Kind.choices]
