"""What every public list page shares: pagination with a bounded page size, and the same rows
as JSON (`?format=json` → {"count": N, "results": [...]})."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.generic import ListView

MAX_PAGE_SIZE = 1000


class JsonListView(ListView):
    """A ListView that answers `?format=json` with the current page of its rows.

    Subclasses implement `row(obj)`: a dict with at least `id`, `url` and `name` or `title`.
    """

    paginate_by = 20

    def get_paginate_by(self, queryset):
        try:
            size = int(self.request.GET.get("page_size", self.paginate_by))
        except ValueError:
            size = self.paginate_by
        return max(1, min(size, MAX_PAGE_SIZE))

    def row(self, obj) -> dict:
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("format") == "json":
            page = context["page_obj"]
            rows = page.object_list if page is not None else context["object_list"]
            count = page.paginator.count if page is not None else len(rows)
            return JsonResponse(
                {"count": count, "results": [self.row(obj) for obj in rows]},
                json_dumps_params={"ensure_ascii": False},
            )
        return super().render_to_response(context, **response_kwargs)

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context
