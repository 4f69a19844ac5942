from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse

from articles.merging import merge_hospitals, merge_people
from articles.provenance import evidence_html
from core.admin_base import EditorAdmin, EditorFormsMixin

from .models import Honour, Hospital, HospitalAlias, HospitalFact, Person, PersonMention
from .resources import HonourResource, HospitalAliasResource, HospitalResource, PersonResource


def merge_action(merge, label):
    def action(modeladmin, request, queryset):
        if queryset.count() < 2:
            modeladmin.message_user(request, "请至少选择两条记录。", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            survivor = queryset.get(pk=request.POST["survivor"])
            others = list(queryset.exclude(pk=survivor.pk))
            merge(survivor, others)
            modeladmin.message_user(request, f"已将 {len(others)} 条记录并入“{survivor}”。")
            return None
        return TemplateResponse(request, "admin/merge.html", {
            **modeladmin.admin_site.each_context(request), "queryset": queryset, "action": action.__name__,
            "title": label, "opts": modeladmin.model._meta,
        })

    action.__name__ = f"merge_{merge.__name__}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


class HospitalAliasInline(EditorFormsMixin, admin.TabularInline):
    model = HospitalAlias
    extra = 0


class HonourInline(EditorFormsMixin, admin.TabularInline):
    model = Honour
    extra = 0
    fields = ("name", "year", "level", "kind", "department", "status")
    show_change_link = True


class PersonInline(EditorFormsMixin, admin.TabularInline):
    model = Person
    extra = 0
    fields = ("name", "role", "status")
    show_change_link = True


class HospitalFactForm(forms.ModelForm):
    """A type fact's value shown and typed as the type's Chinese name, stored as its code."""

    class Meta:
        model = HospitalFact
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "value" in self.fields and self.instance.kind == HospitalFact.Kind.TYPE:
            self.initial["value"] = self.instance.value_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == HospitalFact.Kind.TYPE and "value" in cleaned:
            codes = {str(label): code for code, label in Hospital.Type.choices}
            cleaned["value"] = codes.get(cleaned["value"], cleaned["value"])
        return cleaned


class HospitalFactInline(EditorFormsMixin, admin.TabularInline):
    model = HospitalFact
    form = HospitalFactForm
    extra = 0
    fields = ("kind", "value", "status", "evidence")
    readonly_fields = ("evidence",)
    show_change_link = True


@admin.register(Hospital)
class HospitalAdmin(EditorAdmin):
    resource_classes = [HospitalResource]
    list_display = ("name", "province", "city", "type", "grade", "status", "confidence", "updated")
    list_filter = ("status", "province", "type", "grade")
    search_fields = ("name", "aliases__name", "city", "district")
    inlines = [HospitalAliasInline, HospitalFactInline, HonourInline, PersonInline]
    readonly_fields = ("import_snapshot", "created", "updated")
    actions = [merge_action(merge_hospitals, "合并所选医院")]


@admin.register(HospitalAlias)
class HospitalAliasAdmin(EditorAdmin):
    resource_classes = [HospitalAliasResource]
    list_display = ("name", "hospital")
    list_select_related = ("hospital",)
    search_fields = ("name", "hospital__name")
    autocomplete_fields = ("hospital",)


class PersonMentionInline(EditorFormsMixin, admin.TabularInline):
    model = PersonMention
    extra = 0
    autocomplete_fields = ("article",)
    fields = ("article", "role", "evidence")


@admin.register(Person)
class PersonAdmin(EditorAdmin):
    resource_classes = [PersonResource]
    list_display = ("name", "role", "hospital", "status", "confidence")
    list_select_related = ("hospital",)
    list_filter = ("status",)
    search_fields = ("name", "aliases", "role", "hospital__name")
    autocomplete_fields = ("hospital",)
    inlines = [PersonMentionInline]
    readonly_fields = ("import_snapshot", "created", "updated")
    actions = [merge_action(merge_people, "合并所选人物")]


@admin.register(PersonMention)
class PersonMentionAdmin(EditorAdmin):
    list_display = ("person", "role", "article")
    list_select_related = ("person", "article")
    search_fields = ("person__name", "article__title", "evidence")
    autocomplete_fields = ("person", "article")
    readonly_fields = ("provenance",)

    @admin.display(description="原文出处")
    def provenance(self, obj):
        return evidence_html(obj.article, obj.evidence) if obj.pk else "—"

@admin.register(Honour)
class HonourAdmin(EditorAdmin):
    resource_classes = [HonourResource]
    list_display = ("name", "year", "level", "kind", "hospital", "department", "status", "confidence")
    list_select_related = ("hospital",)
    list_filter = ("status", "kind", "level", "year")
    search_fields = ("name", "hospital__name", "department", "evidence")
    autocomplete_fields = ("hospital", "person", "article")
    readonly_fields = ("provenance", "import_snapshot", "created", "updated")

    @admin.display(description="原文出处")
    def provenance(self, obj):
        return evidence_html(obj.article, obj.evidence) if obj.pk else "—"

@admin.register(HospitalFact)
class HospitalFactAdmin(EditorAdmin):
    form = HospitalFactForm
    list_display = ("hospital", "kind", "value_label", "status", "confidence", "article")
    list_select_related = ("hospital", "article")
    list_filter = ("status", "kind")
    search_fields = ("hospital__name", "value", "evidence")
    autocomplete_fields = ("hospital", "article")
    readonly_fields = ("provenance", "import_snapshot", "created", "updated")

    @admin.display(description="原文出处")
    def provenance(self, obj):
        return evidence_html(obj.article, obj.evidence) if obj.pk else "—"

    @admin.display(description="值", ordering="value")
    def value_label(self, obj):
        return obj.value_label
