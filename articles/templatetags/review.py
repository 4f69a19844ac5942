from django import template
from django.db.models import Count

from articles.models import ReviewItem

register = template.Library()


def open_review_counts():
    """Open review items by kind, for the admin index: (kind, label, count) of every kind."""
    counts = dict(ReviewItem.objects.open().values_list("kind").annotate(n=Count("id")))
    return [(kind, label, counts.get(kind, 0)) for kind, label in ReviewItem.Kind.choices]


@register.simple_tag
def review_counts():
    return open_review_counts()
