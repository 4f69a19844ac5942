from django.contrib.sitemaps import Sitemap

from articles.models import Article
from hospitals.models import Honour, Hospital, Person


class _PublicSitemap(Sitemap):
    model = None
    limit = 5000

    def items(self):
        return self.model.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.updated


class ArticleSitemap(_PublicSitemap):
    model = Article


class HospitalSitemap(_PublicSitemap):
    model = Hospital


class HonourSitemap(_PublicSitemap):
    model = Honour


class PersonSitemap(_PublicSitemap):
    model = Person


SITEMAPS = {"articles": ArticleSitemap, "hospitals": HospitalSitemap, "honours": HonourSitemap, "people": PersonSitemap}
