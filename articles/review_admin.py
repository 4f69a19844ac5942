"""The review queue (审核事项) in the admin: what the importer filed for editors to look at."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from core.admin_base import ExactSaveMixin
from core.admin_display import code_label, detail_table
from hospitals.models import Hospital, ReviewStatus
from ingest.review import HELD_RECORDS, held_records, resolve

from .models import Article, ReviewItem
from .provenance import excerpt_html


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


class CodeFilter(admin.SimpleListFilter):
    """细类 by its Chinese name (a parser flag's, or the kind of record), not its code."""

    title = "细类"
    parameter_name = "code"

    def lookups(self, request, model_admin):
        codes = ReviewItem.objects.order_by().values_list("code", flat=True).distinct()
        return sorted(((code, code_label(code)) for code in codes), key=lambda choice: ("." in choice[0], choice[1]))

    def queryset(self, request, queryset):
        return queryset.filter(code=self.value()) if self.value() else queryset

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {f"{i}__c": Count(pk_attname, filter=Q(code=value)) for i, (value, _) in enumerate(self.lookup_choices)}


@admin.register(ReviewItem)
class ReviewItemAdmin(ExactSaveMixin, admin.ModelAdmin):
    list_display = ("kind", "code_label", "excerpt", "article", "hospital", "target_link", "status", "created_on")
    list_select_related = ("article", "hospital", "content_type")
    list_filter = ("status", "kind", CodeFilter, BusiestHospitalsFilter)
    search_fields = ("excerpt", "article__title", "hospital__name")
    readonly_fields = ("kind", "code_label", "article", "hospital", "target_link", "excerpt", "detail_table",
                       "provenance", "created", "resolved", "resolved_by")
    fields = readonly_fields + ("status",)
    show_facets = admin.ShowFacets.ALWAYS
    actions = ["accept", "mark_fixed", "dismiss"]

    def has_add_permission(self, request):
        return False  # the importer files items; a hand-made one would have nothing to point at

    @admin.display(description="创建日期", ordering="created")
    def created_on(self, obj):
        # The date alone: the time made the column the widest of a crowded queue.
        return date_format(timezone.localtime(obj.created), "Y-m-d")

    @admin.display(description="细类", ordering="code")
    def code_label(self, obj):
        return code_label(obj.code)

    @admin.display(description="记录")
    def target_link(self, obj):
        if not obj.content_type_id or not obj.object_id:
            if obj.article_id:
                return format_html('<a href="{}">修改文章</a>', reverse("admin:articles_article_change", args=[obj.article_id]))
            return "—"
        try:
            url = reverse(f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change", args=[obj.object_id])
        except NoReverseMatch:
            return "—"
        model = obj.content_type.model_class()
        return format_html('<a href="{}">修改{}</a>', url, model._meta.verbose_name if model else "")

    @admin.display(description="详情")
    def detail_table(self, obj):
        if obj.code == HELD_RECORDS:
            return self.held_list(obj)
        model = obj.content_type.model_class() if obj.content_type_id else Article
        return detail_table(model, obj.detail or {})

    def held_list(self, obj):
        """Each held record with its state and a link to correct it before deciding them all."""
        rows = []
        found = {(r._meta.label, r.pk): r for r in held_records(obj)}
        for label, pk, excerpt in (obj.detail or {}).get("records", []):
            record = found.get((label, pk))
            if record is None:
                rows.append(format_html("<li>{}（已删除）</li>", excerpt))
                continue
            url = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[pk])
            rows.append(format_html('<li><a href="{}">{}</a>（{}，{}）</li>', url, excerpt,
                                    record._meta.verbose_name, record.get_status_display()))
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((row,) for row in rows))) if rows else "—"

    @admin.display(description="原文出处")
    def provenance(self, obj):
        span = (obj.detail or {}).get("span")
        if obj.article_id and span:
            return excerpt_html(obj.article.source_file, [tuple(span)], label=code_label(obj.code))
        return "—"

    @admin.action(description="采用：公开所指记录并关闭事项（疑似重复：合并两家医院）")
    def accept(self, request, queryset):
        for item in queryset:
            if item.kind == ReviewItem.Kind.DUPLICATE:
                merge_suggested(item)
                resolve(item, ReviewItem.Status.ACCEPTED, request.user)
                continue
            held = item.kind == ReviewItem.Kind.LOW_CONFIDENCE
            for record in held_records(item):
                if held and record.status == ReviewStatus.REJECTED:
                    continue  # an editor turned this one down on its own page since
                record.status = ReviewStatus.ACCEPTED
                record.save()
            resolve(item, ReviewItem.Status.ACCEPTED, request.user)
        self.message_user(request, f"已采用 {queryset.count()} 项。", messages.SUCCESS)

    @admin.action(description="已修正：关闭事项")
    def mark_fixed(self, request, queryset):
        for item in queryset:
            resolve(item, ReviewItem.Status.FIXED, request.user)
        self.message_user(request, f"已将 {queryset.count()} 项标为已修正。", messages.SUCCESS)

    @admin.action(description="忽略：关闭事项（所指记录不公开；疑似重复：不是同一家，不再提示）")
    def dismiss(self, request, queryset):
        for item in queryset:
            for record in held_records(item) if item.kind == ReviewItem.Kind.LOW_CONFIDENCE else []:
                if record.status == ReviewStatus.PENDING:  # one an editor published since stays public
                    record.status = ReviewStatus.REJECTED
                    record.save()
            resolve(item, ReviewItem.Status.DISMISSED, request.user)
        self.message_user(request, f"已忽略 {queryset.count()} 项。", messages.SUCCESS)


def merge_suggested(item: ReviewItem) -> None:
    """Accepting a suggested duplicate merges the two hospitals: the one whose name is the better
    official name (with its place or university, then the longer) survives; the other name stays
    as an alias, so a re-import finds it."""
    from articles.extraction.names import name_confidence
    from articles.merging import merge_hospitals

    names = (item.detail or {}).get("names") or []
    hospitals = list(Hospital.objects.filter(name__in=names))
    if len(hospitals) < 2:
        return  # merged or deleted since: nothing left to do
    hospitals.sort(key=lambda h: (h.status == ReviewStatus.ACCEPTED, name_confidence(h.name), len(h.name)), reverse=True)
    merge_hospitals(hospitals[0], hospitals[1:])
