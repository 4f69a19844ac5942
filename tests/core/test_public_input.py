"""What a reader, a crawler or an attacker can put in a public URL: every query parameter and
path segment of every public page, generated (hypothesis), on the database the suite runs on.
Nothing answers 500; methods a page does not take answer 405."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Keyword
from hospitals.models import Honour, Hospital, Person

pytestmark = pytest.mark.django_db

COMMON = ["page", "page_size", "format"]
# Each page's own parameters, which reach its queries; any other key is fuzzed too.
PARAMS = {
    "/articles/": ["source", "year", "hospital"], "/keywords/": ["source", "year", "hospital"],
    "/hospitals/": ["province", "city", "type", "grade"], "/honours/": ["kind", "level", "year", "hospital"],
    "/search/": ["q", "kind"], "/sitemap.xml": ["p"], "/people/": ["province", "hospital"], "/sources/": ["year"],
}
NASTY = ["0", "1", "-1", "10000", "99999999999999999999", "9" * 400, "²", "①", "١٢", "\x00", "1\x00", "\x00医院",
         "1.5", "1e3", " 1", "json", "csv", "%", "'", '"', "\\", "*", "医院", "honour", "national", "hospital",
         "\ud800", "a\udfffb", "医" * 5000, ""]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.text(max_size=40),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates
    st.text(min_size=1000, max_size=3000),
)


def encode(text: str) -> str:
    """Percent-encoded as a client would send it; a lone surrogate as the bytes it stands for."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def params_of(url: str) -> list[str]:
    return COMMON + next((keys for prefix, keys in PARAMS.items() if url.startswith(prefix)), [])


@pytest.fixture
def pages(seeded) -> list[str]:
    """One URL of each public page."""
    return [
        "/", "/articles/", "/hospitals/", "/honours/", "/search/", "/feed/", "/sitemap.xml", "/people/", "/sources/",
        "/data/",
        Article.objects.public().first().get_absolute_url(),
        Hospital.objects.public().first().get_absolute_url(),
        Honour.objects.public().filter(hospital__status="accepted").first().get_absolute_url(),
        Person.objects.public().filter(hospital__status="accepted").first().get_absolute_url(),
        f"/keywords/{encode(Keyword.objects.filter(articles__status='accepted').first().word)}/",
    ]


def server_errors(urls) -> list[tuple[str, int]]:
    """The URLs answered with a 5xx (or, when the view raised, 500)."""
    client = Client(raise_request_exception=False)
    return [(url, status) for url in urls if (status := client.get(url).status_code) >= 500]


def test_every_parameter_of_every_page_with_every_nasty_value(pages):
    urls = [f"{page}?{encode(key)}={encode(value)}" for page in pages for key in params_of(page) for value in NASTY]
    assert len(urls) > 900
    assert server_errors(urls) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_no_query_string_gives_a_500(pages, data):
    page = data.draw(st.sampled_from(pages))
    keys = st.one_of(st.sampled_from(params_of(page)), st.text(max_size=8))
    pairs = data.draw(st.lists(st.tuples(keys, VALUES), max_size=5))
    query = "&".join(f"{encode(key)}={encode(value)}" for key, value in pairs)
    assert server_errors([f"{page}?{query}"]) == []


SEGMENTS = st.one_of(st.sampled_from(NASTY), st.integers(min_value=0).map(str), st.text(max_size=40),
                     st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(prefix=st.sampled_from(["/keywords/", "/articles/", "/hospitals/", "/honours/", "/people/", "/sources/",
                               "/data/", "/data/files/"]),
       segment=SEGMENTS)
def test_no_path_gives_a_500(seeded, prefix, segment):
    assert server_errors([f"{prefix}{encode(segment)}/"]) == []


# The addresses that answered 500 when this was first probed (PostgreSQL, SQLite or both).
PROBED = [
    "/articles/?year=0", "/articles/?year=10000", "/articles/?year=99999999999999999999", "/articles/?year=%C2%B2",
    "/articles/?hospital=%E2%91%A0", "/articles/?hospital=99999999999999999999", "/articles/?source=%00",
    "/honours/?year=99999999999999999999", "/honours/?hospital=99999999999999999999", "/honours/?year=%C2%B2",
    "/hospitals/?province=%00", "/hospitals/?city=%00", "/hospitals/?type=%00", "/hospitals/?grade=%00",
    "/keywords/%00/", "/articles/99999999999999999999/", "/hospitals/99999999999999999999/",
    "/search/?q=%00&kind=%00", "/articles/?page_size=%C2%B2&page=%00", "/sitemap.xml?p=%00",
]


def test_the_addresses_found_by_probing_answer(seeded):
    assert server_errors(PROBED) == []


def test_a_bad_filter_value_gives_the_page_without_that_filter(client, seeded):
    everything = client.get("/articles/?format=json").json()
    for bad in ("year=0", "year=%C2%B2", "hospital=%E2%91%A0", "source=%00", "hospital=99999999999999999999"):
        assert client.get(f"/articles/?format=json&{bad}").json() == everything, bad
    year = Article.objects.public().filter(published__isnull=False).first().published.year
    filtered = client.get(f"/articles/?format=json&year={year}&hospital=%E2%91%A0").json()
    assert 0 < filtered["count"] < everything["count"]  # the good filter still applies


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_public_pages_answer_405_to_methods_they_do_not_take(pages, method):
    client = Client(enforce_csrf_checks=True)  # as a browser is treated: CSRF answered these 403
    for url in pages:
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url, response.status_code)
        assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD"}
    assert client.head(pages[1]).status_code == 200
