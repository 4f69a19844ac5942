"""Detail-page URLs at the cost of a string replace: the importer writes a URL into every
search document, and list pages link every row, while `reverse()` walks the resolver each time."""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = 987654321987  # larger than any primary key, and in no URL prefix


@lru_cache(maxsize=64)
def _template(viewname: str, prefix: str, urlconf: str | None) -> str:
    return reverse(viewname, urlconf=urlconf, args=[_PLACEHOLDER])


def detail_url(viewname: str, pk: int) -> str:
    """What `reverse(viewname, args=[pk])` returns, for views that take one integer."""
    return _template(viewname, get_script_prefix(), get_urlconf()).replace(str(_PLACEHOLDER), str(int(pk)))


@receiver(setting_changed)
def _forget_templates(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _template.cache_clear()
