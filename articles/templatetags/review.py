from django import template

register = template.Library()


@register.simple_tag
def review_counts():
    from articles.review_admin import open_review_counts

    return open_review_counts()
