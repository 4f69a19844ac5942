from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from .models import Article


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "医院报道数据库 · 最新文章"
    link = reverse_lazy("articles:article-list")
    subtitle = "新收录的公立医院报道"

    def items(self):
        return Article.objects.public().select_related("source").order_by("-created", "-id")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.kicker, item.subtitle, item.source.name if item.source_id else ""]
        return " · ".join(p for p in parts if p)

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.updated
