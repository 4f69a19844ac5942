"""What every public list page shares: its query parameters parsed before they reach a query,
pagination with a bounded page size, the same rows as JSON (`?format=json` → {"count": N,
"results": [...]}) and CSV (`?format=csv`), and facets whose choices carry counts and links that
keep the other filters."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.utils.functional import cached_property
from django.views.generic import ListView
from pypinyin import lazy_pinyin

from config import datacache
from config.spreadsheets import escape_cell

MAX_PAGE_SIZE = 1000


# --- query parameters -------------------------------------------------------------------------
# A URL can hold anything: NUL (which PostgreSQL refuses in text), digits int() refuses ('²',
# '①' pass str.isdigit()), numbers no date or column can hold. A value a parameter cannot parse
# is as if it were absent: the page is shown without that filter, never a 500.

BIGINT_MAX = 2**63 - 1


@dataclass(frozen=True)
class Integer:
    low: int = 1
    high: int = BIGINT_MAX

    def parse(self, raw: str) -> int | None:
        # ASCII digits only, and no more of them than `high` has: int() of a long string is slow.
        if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(self.high)):
            return None
        value = int(raw)
        return value if self.low <= value <= self.high else None


@dataclass(frozen=True)
class Text:
    max_length: int = 200

    def parse(self, raw: str) -> str | None:
        if not raw or len(raw) > self.max_length or "\x00" in raw:
            return None
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no stored text holds one
            return None
        return raw

    @classmethod
    def of(cls, model, field: str) -> Text:
        """As long as the model's column: a longer value cannot match."""
        return cls(model._meta.get_field(field).max_length)


@dataclass(frozen=True)
class Choice:
    choices: tuple[str, ...]
    default: str = ""  # the choice of a URL without the parameter

    def parse(self, raw: str) -> str | None:
        return raw if raw in self.choices else None


ID = Integer(1, BIGINT_MAX)
YEAR = Integer(1, 9999)  # what a date can hold
PAGE_SIZE = Integer(1, 10**9)  # then capped at MAX_PAGE_SIZE


def parse_param(request, name: str, kind: Integer | Text | Choice) -> Any:
    """The value of query parameter `name` as `kind` parses it, or None."""
    return kind.parse(request.GET.get(name, getattr(kind, "default", "")))


class CachedCountPaginator(Paginator):
    """A paginator whose row count (a scan of every matching row) comes from the data cache."""

    def __init__(self, *args, count=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._cached_count = count

    @cached_property
    def count(self) -> int:
        if self._cached_count is not None:
            return self._cached_count()
        return super().count


@dataclass(frozen=True)
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the query string that selects (or, when selected, clears) this choice


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    choices: list[FacetChoice]


def pinyin_key(text: str) -> list[str]:
    return lazy_pinyin(text or "")


class JsonListView(ListView):
    """A ListView that also answers `?format=json` and `?format=csv` with the current page.

    Subclasses implement `row(obj)`: a dict with at least `id`, `url` and `name` or `title`.
    """

    paginate_by = 20
    csv_name = "export"
    params: dict = {}  # name → Integer, Text or Choice: the parameters this page filters by

    def param(self, name: str) -> Any:
        """The parsed value of one of `params`, or None when absent or not parseable."""
        return parse_param(self.request, name, self.params[name])

    def get_paginate_by(self, queryset):
        size = parse_param(self.request, "page_size", PAGE_SIZE) or self.paginate_by
        return min(size, MAX_PAGE_SIZE)

    def row(self, obj) -> dict:
        raise NotImplementedError

    def facets(self) -> list[Facet]:
        return []

    def make_facet(self, param: str, label: str, pairs, *, labels: dict | None = None, pinyin: bool = False) -> Facet:
        """pairs: (value, count). Choices link to the current URL with this facet set."""
        current = self.param(param)
        current = "" if current is None else str(current)
        choices = []
        for value, count in pairs:
            if value in (None, ""):
                continue
            value = str(value)
            query = self.request.GET.copy()
            query.pop("page", None)
            if value == current:
                query.pop(param, None)
            else:
                query[param] = value
            choices.append(FacetChoice(value, (labels or {}).get(value, value), count, value == current,
                                       query.urlencode()))
        if pinyin:
            choices.sort(key=lambda c: pinyin_key(c.label))
        return Facet(param, label, choices)

    def rows(self, context) -> tuple[list[dict], int]:
        page = context.get("page_obj")
        objects = page.object_list if page is not None else context["object_list"]
        count = page.paginator.count if page is not None else len(objects)
        return [self.row(obj) for obj in objects], count

    def render_to_response(self, context, **response_kwargs):
        fmt = self.request.GET.get("format")
        if fmt == "json":
            rows, count = self.rows(context)
            return JsonResponse({"count": count, "results": rows}, json_dumps_params={"ensure_ascii": False})
        if fmt == "csv":
            rows, _ = self.rows(context)
            return self.csv_response(rows)
        return super().render_to_response(context, **response_kwargs)

    def csv_response(self, rows: list[dict]) -> HttpResponse:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        header = list(rows[0]) if rows else ["id"]
        writer.writerow(header)
        for row in rows:
            writer.writerow([escape_cell("、".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v))
                             for v in (row.get(key) for key in header)])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.csv_name}.csv"'
        return response

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    # -- aggregates: computed once per change of the data (config/datacache.py) ---------------

    def cached(self, name: str, compute, *, ignore=("page", "format", "page_size")):
        """compute() for this page's filters: the URL's arguments and its query string without
        the parameters in `ignore`."""
        query = self.request.GET.copy()
        for param in ignore:
            query.pop(param, None)
        key = (type(self).__qualname__, repr(sorted(self.kwargs.items())), name, query.urlencode())
        return datacache.cached(self.request, key, compute)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        count = None
        if hasattr(queryset, "count") and not isinstance(queryset, list):
            count = lambda: self.cached("count", queryset.count)  # noqa: E731
        return CachedCountPaginator(queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page,
                                    count=count, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        if self.request.GET.get("format") not in ("json", "csv"):
            # Facet links carry the request's own page size: part of the cache key here.
            context["facets"] = self.cached("facets", self.facets, ignore=("page",))
        json_query = query.copy()
        json_query["format"] = "json"
        csv_query = query.copy()
        csv_query["format"] = "csv"
        context["json_query"], context["csv_query"] = json_query.urlencode(), csv_query.urlencode()
        return context
