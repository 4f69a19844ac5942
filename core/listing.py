"""What every public list page shares: its query parameters parsed before they reach a query,
pagination with a bounded page size, the same rows as JSON (`?format=json` → {"count": N,
"results": [...]}) and CSV (`?format=csv`), and facets whose choices carry counts and links that
keep the other filters."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView
from pypinyin import lazy_pinyin

from core import datacache
from core.spreadsheets import escape_cell

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


@lru_cache(maxsize=200_000)
def pinyin_key(text: str) -> tuple:
    """Sorts Chinese names as readers look them up (商丘 after 洛阳: shāng > luò), not by code
    point; characters that read alike keep a fixed order by code point."""
    return tuple(lazy_pinyin(text or "")), text or ""


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

    def make_facet(self, param: str, label: str, pairs, *, labels: dict | None = None, pinyin: bool = False,
                   order: Sequence[str] | None = None, toggle: bool = True) -> Facet:
        """pairs: (value, count). Choices link to the current URL with this facet set. `order`:
        the values' natural order (levels, grades: 国家级 before 省级), else pinyin of the labels
        when `pinyin`, else as given. `toggle=False`: a selected choice's link keeps it (a
        parameter with a default, which no link could clear)."""
        current = self.param(param)
        current = "" if current is None else str(current)
        choices = []
        for value, count in pairs:
            if value in (None, ""):
                continue
            value = str(value)
            query = self.request.GET.copy()
            query.pop("page", None)
            if value == current and toggle:
                query.pop(param, None)
            else:
                query[param] = value
            choices.append(FacetChoice(value, (labels or {}).get(value, value), count, value == current,
                                       query.urlencode()))
        if order is not None:
            rank = {str(value): i for i, value in enumerate(order)}
            choices.sort(key=lambda c: rank.get(c.value, len(rank)))
        elif pinyin:
            choices.sort(key=lambda c: pinyin_key(str(c.label)))
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
            return JsonResponse({"count": count, **self.json_extra(), "results": rows},
                                json_dumps_params={"ensure_ascii": False})
        if fmt == "csv":
            rows, _ = self.rows(context)
            return self.csv_response(rows)
        return super().render_to_response(context, **response_kwargs)

    def json_extra(self) -> dict:
        """Keys the JSON answer carries beside `count` and `results`."""
        return {}

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

    # -- aggregates: computed once per change of the data (core/datacache.py) ---------------

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


class PinyinOrderedListView(JsonListView):
    """A list in an order SQL cannot give (pinyin of names). The whole order is computed once per
    change of the data (a list of ids, cached), and only the page's rows are read: a page costs
    the same queries whatever its size or position.

    Subclasses give `order_rows(queryset)`: tuples whose first item is the id, already sorted;
    and may override `page_objects(ids)` (select_related …) and `attach(objects, rows)`."""

    def order_rows(self, queryset) -> list[tuple]:
        raise NotImplementedError

    def page_objects(self, ids: list[int]) -> dict:
        return self.model._default_manager.in_bulk(ids)

    def attach(self, objects: list, rows: list[tuple]) -> None:
        """Copies values the ordering computed (a count) onto the page's objects."""

    def paginate_queryset(self, queryset, page_size):
        rows = self.cached("order", lambda: [tuple(row) for row in self.order_rows(queryset)])
        paginator, page, _, is_paginated = super().paginate_queryset(rows, page_size)
        found = self.page_objects([row[0] for row in page.object_list])
        objects = [found[row[0]] for row in page.object_list if row[0] in found]
        self.attach(objects, [row for row in page.object_list if row[0] in found])
        page.object_list = objects
        return paginator, page, page.object_list, is_paginated


def related(obj, kind: str | None = None) -> dict | None:
    """How a record's JSON names another record: its id, URL and name or title."""
    if obj is None:
        return None
    entry = {"id": obj.pk, "url": None, "name": str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)}
    if hasattr(obj, "get_absolute_url"):
        entry["url"] = obj.get_absolute_url()
    if kind:
        entry["kind"] = kind
    return entry


class JsonDetailView(DetailView):
    """A DetailView that answers `?format=json` with `record(obj)`: the record's fields and the
    ids and URLs of the records it links to. URLs in the record are made absolute here."""

    def record(self, obj) -> dict:
        """The record as JSON; `self.context` holds the page's context (related records)."""
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        self.context = context
        if self.request.GET.get("format") == "json":
            data = absolute_urls(self.record(self.object), self.request.build_absolute_uri)
            return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
        return super().render_to_response(context, **response_kwargs)


def absolute_urls(value, build):
    """Every "url" key of a JSON document as an absolute URL."""
    if isinstance(value, dict):
        return {k: (build(v) if k == "url" and isinstance(v, str) else absolute_urls(v, build))
                for k, v in value.items()}
    if isinstance(value, list):
        return [absolute_urls(v, build) for v in value]
    return value


ERROR_MESSAGES = {400: "请求有误", 403: "禁止访问", 404: "没有这一页", 405: "不支持这一请求方法", 500: "服务器出错"}


class JsonErrorMiddleware:
    """A client that asked for `?format=json` gets its errors as JSON with the status code
    (`{"error": {"status": 404, "message": "没有这一页"}}`), not the HTML error page its parser
    would choke on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (response.status_code >= 400 and request.GET.get("format") == "json"
                and not request.path.startswith("/admin/")
                and not response.get("Content-Type", "").startswith("application/json")):
            status = response.status_code
            message = ERROR_MESSAGES.get(status) or ("服务器出错" if status >= 500 else "请求有误")
            replaced = JsonResponse({"error": {"status": status, "message": message}}, status=status,
                                    json_dumps_params={"ensure_ascii": False})
            if response.has_header("Allow"):
                replaced["Allow"] = response["Allow"]
            return replaced
        return response
