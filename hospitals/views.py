from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView

from articles.models import Article
from config.listing import ID, YEAR, Choice, JsonListView, Text

from .models import Honour, Hospital, HospitalFact, Person, PersonMention, ReviewStatus

FACET_LIMIT = 30  # the most frequent choices; a long tail helps no reader


class HospitalListView(JsonListView):
    template_name = "hospitals/hospital_list.html"
    context_object_name = "hospitals"
    csv_name = "hospitals"
    params = {"province": Text.of(Hospital, "province"), "city": Text.of(Hospital, "city"),
              "type": Choice(tuple(Hospital.Type.values)), "grade": Choice(tuple(Hospital.Grade.values))}

    def filtered(self):
        queryset = Hospital.objects.public()
        for field in self.params:
            value = self.param(field)
            if value:
                queryset = queryset.filter(**{field: value})
        return queryset

    @staticmethod
    def with_article_count(queryset):
        # Public articles as a subquery the status index answers, not a join to every link's
        # article row (which carries the article's whole text): 210 → 132 ms at 10,000 articles.
        return queryset.annotate(
            article_count=Count("article_links", filter=Q(article_links__article_id__in=Article.objects.public().values("pk")),
                                distinct=True),
        )

    def get_queryset(self):
        return self.with_article_count(self.filtered()).order_by("-article_count", "name")

    def paginate_queryset(self, queryset, page_size):
        # Ranking by coverage counts every hospital's articles: the order and the counts are
        # cached, and only the page's hospitals are read (the first page holds the most covered
        # ones, whose counts alone would read thousands of links).
        ranking = self.cached("ranking", lambda: list(queryset.values_list("pk", "article_count")))
        paginator, page, _, is_paginated = super().paginate_queryset(ranking, page_size)
        found = Hospital.objects.in_bulk([pk for pk, _ in page.object_list])
        for pk, count in page.object_list:
            if pk in found:
                found[pk].article_count = count
        page.object_list = [found[pk] for pk, _ in page.object_list if pk in found]
        return paginator, page, page.object_list, is_paginated

    def facets(self):
        queryset = self.filtered()
        return [
            self.make_facet("province", "省份", queryset.values_list("province").annotate(n=Count("id")), pinyin=True),
            self.make_facet("city", "城市", queryset.values_list("city").annotate(n=Count("id")).order_by("-n")[:FACET_LIMIT],
                            pinyin=True),
            self.make_facet("type", "类型", queryset.values_list("type").annotate(n=Count("id")),
                            labels=dict(Hospital.Type.choices), pinyin=True),
            self.make_facet("grade", "等级", queryset.values_list("grade").annotate(n=Count("id")),
                            labels=dict(Hospital.Grade.choices), pinyin=True),
        ]

    def row(self, hospital: Hospital) -> dict:
        return {
            "id": hospital.pk,
            "url": self.absolute(hospital.get_absolute_url()),
            "name": hospital.name,
            "province": hospital.province or None,
            "city": hospital.city or None,
            "district": hospital.district or None,
            "type": hospital.type or None,
            "grade": hospital.grade or None,
            "articles": hospital.article_count,
        }


class HospitalDetailView(DetailView):
    template_name = "hospitals/hospital_detail.html"
    context_object_name = "hospital"

    def get_queryset(self):
        return Hospital.objects.public().prefetch_related(
            "aliases",
            Prefetch("facts", queryset=HospitalFact.objects.public().select_related("article").order_by("kind", "value")),
            Prefetch("honours", queryset=Honour.objects.public().select_related("person").order_by("-year", "name")),
            Prefetch("people", queryset=Person.objects.public().order_by("name")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = (
            Article.objects.public().filter(hospital_links__hospital=self.object).select_related("source")
            .distinct().order_by("-published", "-id")
        )
        per_year: dict[int, int] = {}
        for honour in self.object.honours.all():
            if honour.year and honour.kind == Honour.Kind.HONOUR:
                per_year[honour.year] = per_year.get(honour.year, 0) + 1
        context["honours_per_year"] = sorted(per_year.items())
        # One quotation per sentence, with every fact it states.
        grouped: dict[str, dict] = {}
        for fact in self.object.facts.all():
            if fact.kind == HospitalFact.Kind.TYPE:
                continue
            entry = grouped.setdefault(fact.evidence, {"evidence": fact.evidence, "article": fact.article, "facts": []})
            entry["facts"].append(fact)
        context["fact_groups"] = list(grouped.values())
        return context


class HonourListView(JsonListView):
    template_name = "hospitals/honour_list.html"
    context_object_name = "honours"
    csv_name = "honours"
    # Honours unless the URL names another kind (or, with `kind=`, none).
    params = {"kind": Choice(tuple(Honour.Kind.values), default=Honour.Kind.HONOUR),
              "level": Choice(tuple(Honour.Level.values)), "year": YEAR, "hospital": ID}

    def filtered(self):
        # A join, not a subquery on public hospitals: the subquery sped the (cached) counts up by a
        # fifth but doubled the page's own rows query, which every reader pays (77 → 143 ms).
        queryset = Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED)
        for field in self.params:
            value = self.param(field)
            if value:
                queryset = queryset.filter(**{field: value})
        return queryset

    def get_queryset(self):
        return self.filtered().select_related("hospital", "person", "article").order_by("-year", "name", "id")

    def facets(self):
        queryset = self.filtered()
        by_hospital = list(queryset.values_list("hospital_id").annotate(n=Count("id")).order_by("-n")[:FACET_LIMIT])
        hospitals = {str(k): v for k, v in Hospital.objects.filter(pk__in=[pk for pk, _ in by_hospital])
                     .values_list("pk", "name")}
        return [
            self.make_facet("year", "年份", queryset.filter(year__isnull=False).values_list("year")
                            .annotate(n=Count("id")).order_by("-year")),
            self.make_facet("level", "级别", queryset.values_list("level").annotate(n=Count("id")),
                            labels=dict(Honour.Level.choices)),
            self.make_facet("hospital", "医院", by_hospital, labels=hospitals, pinyin=True),
        ]

    def row(self, honour: Honour) -> dict:
        return {
            "id": honour.pk,
            "url": self.absolute(honour.get_absolute_url()),
            "name": honour.name,
            "year": honour.year,
            "level": honour.level,
            "kind": honour.kind,
            "recipient": honour.recipient,
            "hospital": honour.hospital.name,
        }


class HonourDetailView(DetailView):
    template_name = "hospitals/honour_detail.html"
    context_object_name = "honour"

    def get_queryset(self):
        return Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).select_related(
            "hospital", "person", "article")


class PersonDetailView(DetailView):
    template_name = "hospitals/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).select_related(
            "hospital").prefetch_related(
            Prefetch("mentions", queryset=PersonMention.objects.filter(article__status=ReviewStatus.ACCEPTED)
                     .select_related("article"))
        )
