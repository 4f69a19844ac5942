from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from .models import Article, ArticleHospital, Caption, Keyword, Section, Source, SourceFile, Tombstone
from .resources import ArticleResource, SectionResource


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
class ArticleAdmin(ImportExportModelAdmin):
    resource_classes = [ArticleResource]
    list_display = ("title", "kicker", "source", "published", "source_file", "position", "status", "updated")
    list_select_related = ("source", "source_file")
    list_filter = ("status", "source", "published")
    search_fields = ("title", "kicker", "subtitle", "authors", "sections__body")
    date_hierarchy = "published"
    autocomplete_fields = ("source",)
    filter_horizontal = ("keywords",)
    inlines = [ArticleHospitalInline, SectionInline, CaptionInline]
    readonly_fields = ("source_file", "position", "span_start", "span_end", "flags", "import_snapshot", "created",
                       "updated")


@admin.register(Section)
class SectionAdmin(ImportExportModelAdmin):
    resource_classes = [SectionResource]
    list_display = ("__str__", "article", "order", "label")
    list_select_related = ("article",)
    search_fields = ("heading", "body", "article__title")
    autocomplete_fields = ("article",)


@admin.register(Source)
class SourceAdmin(ImportExportModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(Caption)
class CaptionAdmin(ImportExportModelAdmin):
    list_display = ("text", "article", "order")
    list_select_related = ("article",)
    search_fields = ("text", "article__title")
    autocomplete_fields = ("article",)


@admin.register(ArticleHospital)
class ArticleHospitalAdmin(ImportExportModelAdmin):
    list_display = ("article", "hospital", "role", "status", "confidence")
    list_select_related = ("article", "hospital")
    list_filter = ("role", "status")
    search_fields = ("article__title", "hospital__name")
    autocomplete_fields = ("article", "hospital")


@admin.register(SourceFile)
class SourceFileAdmin(ImportExportModelAdmin):
    list_display = ("path", "sha256", "size", "encoding", "parser_version", "imported")
    search_fields = ("path", "sha256")
    readonly_fields = ("path", "sha256", "size", "encoding", "raw_text", "parser_version", "imported")


@admin.register(Keyword)
class KeywordAdmin(ImportExportModelAdmin):
    search_fields = ("word",)


@admin.register(Tombstone)
class TombstoneAdmin(ImportExportModelAdmin):
    list_display = ("model", "natural_key", "deleted")
    list_filter = ("model",)
    search_fields = ("natural_key",)
