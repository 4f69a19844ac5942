"""The sitemap: every public record, its lastmod the date of what it reports (an article's
publication; for a hospital, an honour or a person the newest article that names it) or an
editor's later change, never the import that wrote the row."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q

from articles.feeds import article_dates, day_start, last_edit
from articles.models import Article
from hospitals.models import Honour, Hospital, Person, ReviewStatus


class _PublicSitemap(Sitemap):
    model = None
    limit = 5000
    newest = None  # the lookup of the newest public article date that concerns the record

    def queryset(self):
        return self.model.objects.public()

    def items(self):
        queryset = self.queryset().annotate(edited=last_edit(self.model))
        if self.newest:
            lookup, condition = self.newest
            queryset = queryset.annotate(newest=Max(lookup, filter=condition))
        return queryset.order_by("pk")

    def lastmod(self, obj):
        dates = [d for d in (day_start(getattr(obj, "newest", None)), obj.edited) if d]
        return max(dates) if dates else None


class ArticleSitemap(_PublicSitemap):
    model = Article

    def lastmod(self, obj):
        return article_dates(obj)[1]


class HospitalSitemap(_PublicSitemap):
    model = Hospital
    newest = ("article_links__article__published", Q(article_links__article__status=ReviewStatus.ACCEPTED))


class HonourSitemap(_PublicSitemap):
    model = Honour
    newest = ("article__published", Q(article__status=ReviewStatus.ACCEPTED))

    def queryset(self):
        return super().queryset().filter(hospital__status=ReviewStatus.ACCEPTED)


class PersonSitemap(_PublicSitemap):
    model = Person
    newest = ("mentions__article__published", Q(mentions__article__status=ReviewStatus.ACCEPTED))

    def queryset(self):
        return super().queryset().filter(hospital__status=ReviewStatus.ACCEPTED)


SITEMAPS = {"articles": ArticleSitemap, "hospitals": HospitalSitemap, "honours": HonourSitemap, "people": PersonSitemap}
