"""The Atom feed, and the dates a reader or a crawler is told: an article is dated by its
publication, not by the import that wrote its row, and is "updated" only when an editor changed
it (the importer's own writes are marked in the history, core/importcontext.py)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from core.importcontext import importer_rows

from .models import Article


def last_edit(model, pk_ref="pk"):
    """A subquery: when an editor (not the importer) last changed the record, or NULL."""
    history = importer_rows(model.history.model.objects.filter(id=OuterRef(pk_ref)), importer=False)
    return Subquery(history.order_by("-history_date").values("history_date")[:1])


def day_start(day: datetime.date | None) -> datetime.datetime | None:
    """A date as the aware datetime of its midnight in the site's time zone."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def article_dates(article) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """(published, updated) of an article annotated with `edited`: the date its text gives, and
    the editor's last change when there was one (else the publication date). An article whose
    text gives no date has neither: the import's time would pass for its date."""
    published = day_start(article.published)
    edited = getattr(article, "edited", None)
    dates = [d for d in (published, edited) if d]
    return published, max(dates) if dates else None


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "医院报道数据库 · 最新文章"
    link = reverse_lazy("articles:article-list")
    subtitle = "最新发布的公立医院报道"

    def items(self):
        return (Article.objects.public().select_related("source").annotate(edited=last_edit(Article))
                .order_by(F("published").desc(nulls_last=True), "-id")[:30])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.kicker, item.subtitle, item.source.name if item.source_id else ""]
        return " · ".join(p for p in parts if p)

    def item_pubdate(self, item):
        return article_dates(item)[0]

    def item_updateddate(self, item):
        # Atom requires <updated>: an undated, unedited article gives the day it was collected.
        return article_dates(item)[1] or item.created
