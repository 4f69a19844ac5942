"""docs/api.md: every example is requested on the seeded database, and the answer has the
status and, at every level, the keys the example shows."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

from articles.models import Article
from hospitals.models import Honour, Hospital, Person
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

EXAMPLE = re.compile(r"`GET (?P<url>\S+)` → (?P<status>\d{3})\n.*?```json\n(?P<body>.*?)\n```", re.S)
DETAIL = {"articles": (Article, "title"), "hospitals": (Hospital, "name"), "honours": (Honour, "name"),
          "people": (Person, "name")}


def examples() -> list[tuple[str, int, dict]]:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return [(m["url"], int(m["status"]), json.loads(m["body"])) for m in EXAMPLE.finditer(text)]


def shape_errors(example, actual, where="") -> list[str]:
    """Where the answer's keys differ from the example's (values may differ; null matches anything)."""
    if isinstance(example, dict):
        if not isinstance(actual, dict):
            return [f"{where}: {type(actual).__name__}, not an object"]
        errors = [f"{where}: keys {sorted(set(example) ^ set(actual))}"] if set(example) != set(actual) else []
        for key in set(example) & set(actual):
            errors += shape_errors(example[key], actual[key], f"{where}.{key}")
        return errors
    if isinstance(example, list) and example and actual:
        return shape_errors(example[0], actual[0], f"{where}[0]") if isinstance(actual, list) else [f"{where}: not a list"]
    return []


def test_every_endpoint_is_documented_with_an_example():
    paths = {re.sub(r"\d+|党建", "N", url.split("?")[0]) for url, _, _ in examples()}
    assert paths >= {"/articles/", "/articles/N/", "/hospitals/", "/hospitals/N/", "/honours/", "/honours/N/",
                     "/people/", "/people/N/", "/sources/", "/keywords/N/", "/search/", "/data/"}


def test_the_examples_are_what_the_site_answers(client, seeded, settings, tmp_path):
    settings.RELEASES_DIR = tmp_path / "releases"
    call_command("release", stdout=io.StringIO())
    checked = 0
    for url, status, body in examples():
        match = re.match(r"/(\w+)/\d+/", url)
        if match:  # ids differ between databases: the record the example names
            model, field = DETAIL[match[1]]
            url = model.objects.get(**{field: body[field]}).get_absolute_url() + url[match.end():]
        response = client.get(url)
        assert response.status_code == status, url
        assert shape_errors(body, response.json()) == [], url
        checked += 1
    assert checked >= 13
