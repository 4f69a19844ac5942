from __future__ import annotations

from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from config.listing import JsonListView
from hospitals.models import Honour, Hospital, Person, ReviewStatus

from .models import Article, ArticleHospital, Source


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "articles": Article.objects.public().count(),
            "hospitals": Hospital.objects.public().count(),
            "honours": Honour.objects.public().filter(kind=Honour.Kind.HONOUR).count(),
            "people": Person.objects.public().count(),
            "sources": Source.objects.count(),
        }
        context["recent"] = Article.objects.public().for_list()[:8]
        return context


class ArticleListView(JsonListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        queryset = Article.objects.public().for_list()
        source = self.request.GET.get("source")
        if source:
            queryset = queryset.filter(source__name=source)
        hospital = self.request.GET.get("hospital")
        if hospital and hospital.isdigit():
            queryset = queryset.filter(hospital_links__hospital_id=int(hospital))
        return queryset

    def row(self, article: Article) -> dict:
        return {
            "id": article.pk,
            "url": self.absolute(article.get_absolute_url()),
            "title": article.title,
            "kicker": article.kicker or None,
            "subtitle": article.subtitle or None,
            "published": article.published.isoformat() if article.published else None,
            "source": article.source.name if article.source_id else None,
            "authors": article.author_list,
            "subject_hospitals": [link.hospital.name for link in article.hospital_links.all()],
        }


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.public().select_related("source", "source_file").prefetch_related(
            "sections", "captions", "keywords",
            Prefetch("hospital_links", queryset=ArticleHospital.objects.select_related("hospital")
                     .filter(hospital__status=ReviewStatus.ACCEPTED).order_by("role", "hospital__name")),
            Prefetch("honours", queryset=Honour.objects.public().select_related("hospital", "person")),
            Prefetch("people", queryset=Person.objects.public().select_related("hospital")),
        )
