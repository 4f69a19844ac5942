from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView

from articles.models import Article
from config.listing import JsonListView

from .models import Honour, Hospital, HospitalFact, Person, PersonMention, ReviewStatus


class HospitalListView(JsonListView):
    template_name = "hospitals/hospital_list.html"
    context_object_name = "hospitals"

    def get_queryset(self):
        queryset = Hospital.objects.public().annotate(
            article_count=Count("article_links", filter=Q(article_links__article__status=ReviewStatus.ACCEPTED),
                                distinct=True),
        )
        province = self.request.GET.get("province")
        if province:
            queryset = queryset.filter(province=province)
        return queryset.order_by("-article_count", "name")

    def row(self, hospital: Hospital) -> dict:
        return {
            "id": hospital.pk,
            "url": self.absolute(hospital.get_absolute_url()),
            "name": hospital.name,
            "province": hospital.province or None,
            "city": hospital.city or None,
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
        return context


class HonourListView(JsonListView):
    template_name = "hospitals/honour_list.html"
    context_object_name = "honours"

    def get_queryset(self):
        queryset = Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).select_related(
            "hospital", "person", "article")
        kind = self.request.GET.get("kind", Honour.Kind.HONOUR)
        if kind in Honour.Kind.values:
            queryset = queryset.filter(kind=kind)
        level = self.request.GET.get("level")
        if level in Honour.Level.values:
            queryset = queryset.filter(level=level)
        year = self.request.GET.get("year")
        if year and year.isdigit():
            queryset = queryset.filter(year=int(year))
        return queryset.order_by("-year", "name", "id")

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
        return Honour.objects.public().select_related("hospital", "person", "article")


class PersonDetailView(DetailView):
    template_name = "hospitals/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().select_related("hospital").prefetch_related(
            Prefetch("mentions", queryset=PersonMention.objects.filter(article__status=ReviewStatus.ACCEPTED)
                     .select_related("article"))
        )
