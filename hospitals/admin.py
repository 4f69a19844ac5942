from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from .models import Honour, Hospital, HospitalAlias, Person, PersonMention
from .resources import HonourResource, HospitalAliasResource, HospitalResource, PersonResource


class HospitalAliasInline(admin.TabularInline):
    model = HospitalAlias
    extra = 0


class HonourInline(admin.TabularInline):
    model = Honour
    extra = 0
    fields = ("name", "year", "level", "kind", "department", "status")
    show_change_link = True


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ("name", "role", "status")
    show_change_link = True


@admin.register(Hospital)
class HospitalAdmin(ImportExportModelAdmin):
    resource_classes = [HospitalResource]
    list_display = ("name", "province", "city", "type", "grade", "status", "confidence", "updated")
    list_filter = ("status", "province", "type", "grade")
    search_fields = ("name", "aliases__name", "city")
    inlines = [HospitalAliasInline, HonourInline, PersonInline]
    readonly_fields = ("import_snapshot", "created", "updated")


@admin.register(HospitalAlias)
class HospitalAliasAdmin(ImportExportModelAdmin):
    resource_classes = [HospitalAliasResource]
    list_display = ("name", "hospital")
    list_select_related = ("hospital",)
    search_fields = ("name", "hospital__name")
    autocomplete_fields = ("hospital",)


class PersonMentionInline(admin.TabularInline):
    model = PersonMention
    extra = 0
    autocomplete_fields = ("article",)
    fields = ("article", "role", "evidence")


@admin.register(Person)
class PersonAdmin(ImportExportModelAdmin):
    resource_classes = [PersonResource]
    list_display = ("name", "role", "hospital", "status", "confidence")
    list_select_related = ("hospital",)
    list_filter = ("status",)
    search_fields = ("name", "role", "hospital__name")
    autocomplete_fields = ("hospital",)
    inlines = [PersonMentionInline]
    readonly_fields = ("import_snapshot", "created", "updated")


@admin.register(PersonMention)
class PersonMentionAdmin(ImportExportModelAdmin):
    list_display = ("person", "role", "article")
    list_select_related = ("person", "article")
    search_fields = ("person__name", "article__title", "evidence")
    autocomplete_fields = ("person", "article")


@admin.register(Honour)
class HonourAdmin(ImportExportModelAdmin):
    resource_classes = [HonourResource]
    list_display = ("name", "year", "level", "kind", "hospital", "department", "status", "confidence")
    list_select_related = ("hospital",)
    list_filter = ("status", "kind", "level", "year")
    search_fields = ("name", "hospital__name", "department", "evidence")
    autocomplete_fields = ("hospital", "person", "article")
    readonly_fields = ("import_snapshot", "created", "updated")
