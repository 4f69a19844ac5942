from __future__ import annotations

from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from core import datacache
from core.listing import (
    ID,
    YEAR,
    Choice,
    JsonDetailView,
    JsonListView,
    PinyinOrderedListView,
    Text,
    pinyin_key,
    related,
)
from hospitals.models import Honour, Hospital, Person, ReviewStatus

from . import search
from .models import Article, ArticleHospital, Keyword, Source


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(datacache.cached(self.request, ("home",), self.aggregates))
        context["recent"] = Article.objects.public().for_list()[:8]
        return context

    @staticmethod
    def aggregates() -> dict:
        """Totals and charts: each reads every row, so they are cached until the data changes."""
        return {
            "counts": {
                "articles": Article.objects.public().count(),
                "hospitals": Hospital.objects.public().count(),
                "honours": Honour.objects.public().filter(kind=Honour.Kind.HONOUR).count(),
                "people": Person.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).count(),
                "sources": Source.objects.filter(articles__status=ReviewStatus.ACCEPTED).distinct().count(),
            },
            "honours_per_year": list(
                Honour.objects.public().filter(kind=Honour.Kind.HONOUR, year__isnull=False)
                .values_list("year").annotate(n=Count("id")).order_by("year")),
            "articles_per_source": list(
                Article.objects.public().filter(source__isnull=False).values_list("source__name")
                .annotate(n=Count("id")).order_by("-n", "source__name")),
        }


FACET_LIMIT = 30  # the most frequent choices; a long tail helps no reader


class ArticleListView(JsonListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    csv_name = "articles"
    params = {"source": Text.of(Source, "name"), "year": YEAR, "hospital": ID}

    def base_queryset(self):
        return Article.objects.public()

    def get_queryset(self):
        queryset = self.base_queryset()
        source = self.param("source")
        if source:
            queryset = queryset.filter(source__name=source)
        year = self.param("year")
        if year:
            queryset = queryset.filter(published__year=year)
        hospital = self.param("hospital")
        if hospital:
            queryset = queryset.filter(hospital_links__hospital_id=hospital,
                                       hospital_links__role=ArticleHospital.Role.SUBJECT)
        return queryset.for_list().order_by("-published", "-id")

    def facets(self):
        queryset = self.get_queryset()
        subject_counts = list(
            ArticleHospital.objects.filter(article__in=queryset.values("pk"), role=ArticleHospital.Role.SUBJECT,
                                           hospital__status=ReviewStatus.ACCEPTED)
            .values_list("hospital_id").annotate(n=Count("article_id", distinct=True)).order_by("-n")[:FACET_LIMIT])
        hospitals = dict(Hospital.objects.filter(pk__in=[pk for pk, _ in subject_counts]).values_list("pk", "name"))
        return [
            self.make_facet("source", "来源", queryset.filter(source__isnull=False).values_list("source__name")
                            .annotate(n=Count("id")).order_by("-n")[:FACET_LIMIT], pinyin=True),
            self.make_facet("year", "年份", queryset.filter(published__isnull=False)
                            .annotate(y=ExtractYear("published")).values_list("y").annotate(n=Count("id")).order_by("-y")),
            self.make_facet("hospital", "医院", subject_counts,
                            labels={str(k): v for k, v in hospitals.items()}, pinyin=True),
        ]

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


class KeywordView(ArticleListView):
    template_name = "articles/keyword.html"

    def base_queryset(self):
        word = Text.of(Keyword, "word").parse(self.kwargs["word"])
        if word is None:
            raise Http404("没有这个关键词")
        self.keyword = get_object_or_404(Keyword, word=word)
        return Article.objects.public().filter(keywords=self.keyword)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keyword"] = self.keyword
        return context


class ArticleDetailView(JsonDetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Neither the import snapshots nor the source file's text: the page shows neither, and
        # the file's text is every article of the file.
        return Article.objects.public().select_related("source", "source_file").defer(
            "import_snapshot", "source_file__raw_text").prefetch_related(
            "sections", "captions", "keywords",
            Prefetch("hospital_links", queryset=ArticleHospital.objects.select_related("hospital")
                     .defer("import_snapshot", "hospital__import_snapshot")
                     .filter(status=ReviewStatus.ACCEPTED, hospital__status=ReviewStatus.ACCEPTED)
                     .order_by("role", "hospital__name")),
            Prefetch("honours", queryset=Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED)
                     .select_related("hospital", "person")
                     .defer("import_snapshot", "hospital__import_snapshot", "person__import_snapshot")),
            Prefetch("people", queryset=Person.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED)
                     .select_related("hospital").defer("import_snapshot", "hospital__import_snapshot")),
        )

    def record(self, article):
        context = self.context
        return {
            "id": article.pk, "url": article.get_absolute_url(), "title": article.title,
            "kicker": article.kicker or None, "subtitle": article.subtitle or None,
            "published": article.published.isoformat() if article.published else None,
            "source": ({"id": article.source_id, "name": article.source.name,
                        "url": f"{reverse('articles:article-list')}?{urlencode({'source': article.source.name})}"}
                       if article.source_id else None),
            "authors": article.author_list, "editors": article.editor_list,
            "sections": [{"order": s.order, "label": s.label or None, "heading": s.heading or None,
                          "paragraphs": s.paragraphs} for s in article.sections.all()],
            "captions": [c.text for c in article.captions.all()],
            "keywords": [{"word": k.word, "url": reverse("keyword", args=[k.word])} for k in article.keywords.all()],
            "hospitals": [{**related(link.hospital), "role": link.role} for link in article.hospital_links.all()],
            "honours": [{**related(h), "year": h.year, "hospital_id": h.hospital_id} for h in article.honours.all()],
            "people": [{**related(p), "role": p.role or None, "hospital_id": p.hospital_id} for p in article.people.all()],
            "related_articles": [related(a) for a in context["related"]],
            "same_hospital_articles": [related(a) for a in context["same_hospital"]],
            "provenance": {"file": article.source_file.path, "sha256": article.source_file.sha256},
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        keywords = [k.pk for k in article.keywords.all()]
        subjects = [link.hospital_id for link in article.hospital_links.all() if link.role == "subject"]
        related_ids = []
        if keywords:
            # Ranked on the keyword link table alone (indexed by keyword), then the five fetched.
            links = Article.keywords.through.objects.filter(keyword_id__in=keywords).exclude(article_id=article.pk)
            related_ids = [row[0] for row in links.values_list("article_id").annotate(shared=Count("keyword_id"))
                           .order_by("-shared", "-article_id")[:20]]
        candidates = (Article.objects.public().filter(pk__in=related_ids).select_related("source")
                      .defer("import_snapshot").in_bulk())
        context["related"] = [candidates[pk] for pk in related_ids if pk in candidates][:5]
        context["same_hospital"] = (
            Article.objects.public().defer("import_snapshot").exclude(pk=article.pk)
            .filter(hospital_links__hospital_id__in=subjects, hospital_links__role="subject")
            .distinct().order_by("-published", "-id")[:5]
        ) if subjects else []
        return context


class DataView(TemplateView):
    """The dataset releases for download; the files themselves are served by WhiteNoise."""

    template_name = "articles/data.html"

    def get_context_data(self, **kwargs):
        from core.releasefiles import RELEASE_URL

        from .release import TABLES, list_releases

        context = super().get_context_data(**kwargs)
        context["releases"] = list_releases(RELEASE_URL)
        context["tables"] = TABLES
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") == "json":
            from core.listing import absolute_urls

            releases = [{"version": r.version, "created": r.created, "counts": r.counts,
                         "files": [{"name": f.name, "bytes": f.size, "sha256": f.sha256 or None, "url": f.url}
                                   for f in r.files]} for r in context["releases"]]
            return JsonResponse(absolute_urls({"count": len(releases), "results": releases},
                                              self.request.build_absolute_uri),
                                json_dumps_params={"ensure_ascii": False})
        return super().render_to_response(context, **response_kwargs)


class SourceListView(PinyinOrderedListView):
    """The publications, each with its public articles (its link: the article list filtered by it)."""

    template_name = "articles/source_list.html"
    context_object_name = "sources"
    csv_name = "sources"
    model = Source
    params = {"year": YEAR}

    def filtered_articles(self):
        articles = Article.objects.public()
        if year := self.param("year"):
            articles = articles.filter(published__year=year)
        return articles

    def get_queryset(self):
        return Source.objects.filter(pk__in=self.filtered_articles().values("source_id"))

    def order_rows(self, queryset):
        # Counted on the articles' (status, source, published) index, not by joining their rows.
        counts = dict(self.filtered_articles().filter(source__isnull=False).order_by()
                      .values_list("source_id").annotate(n=Count("id")))
        rows = queryset.values_list("pk", "name")
        return [(pk, counts.get(pk, 0)) for pk, name in sorted(rows, key=lambda r: pinyin_key(r[1]))]

    def attach(self, objects, rows):
        for source, (_, count) in zip(objects, rows):
            source.article_count = count
            source.url = f"{reverse('articles:article-list')}?{urlencode({'source': source.name})}"

    def facets(self):
        articles = Article.objects.public().filter(source__isnull=False, published__isnull=False)
        return [self.make_facet("year", "年份", articles.annotate(y=ExtractYear("published")).values_list("y")
                                .annotate(n=Count("source_id", distinct=True)).order_by("-y"))]

    def row(self, source: Source) -> dict:
        return {"id": source.pk, "url": self.absolute(source.url), "name": source.name,
                "articles": source.article_count}


class SearchView(JsonListView):
    template_name = "articles/search.html"
    context_object_name = "hits"
    csv_name = "search"
    KINDS = {"article": "文章", "section": "章节", "hospital": "医院", "honour": "荣誉", "person": "人物"}
    # Longer queries are cut by the search itself (search.query_tokens).
    params = {"q": Text(2000), "kind": Choice(tuple(KINDS))}

    def get_queryset(self):
        hits = search.search(self.param("q") or "")
        kind = self.param("kind")
        self.all_hits = hits
        # More documents match than the search returns: the count is of the best, not of all.
        self.truncated = len(hits) >= search.RESULT_LIMIT
        return [hit for hit in hits if hit.kind == kind] if kind else hits

    def json_extra(self) -> dict:
        return {"truncated": self.truncated}

    def facets(self):
        counts: dict[str, int] = {}
        for hit in self.all_hits:
            counts[hit.kind] = counts.get(hit.kind, 0) + 1
        return [self.make_facet("kind", "类别", sorted(counts.items(), key=lambda kv: list(self.KINDS).index(kv[0])),
                                labels=self.KINDS)]

    def row(self, hit) -> dict:
        return {"id": hit.object_id, "kind": hit.kind, "url": self.absolute(hit.url), "title": hit.title,
                "snippet": hit.snippet, "highlights": [list(span) for span in hit.highlights],
                "score": round(hit.score, 4)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.param("q") or ""
        context["truncated"] = self.truncated
        return context
