"""What a reader and a re-user get beyond the lists: JSON of every record, JSON errors, the
people and sources lists, Chinese order, places, a feed and a sitemap dated by publication."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from core import datacache
from core.listing import pinyin_key
from hospitals.models import Honour, Hospital, Person

pytestmark = pytest.mark.django_db


def detail_urls() -> list[str]:
    return [Article.objects.public().first().get_absolute_url(),
            Hospital.objects.get(name="平顶山市第二人民医院").get_absolute_url(),
            Honour.objects.public().filter(hospital__status="accepted").first().get_absolute_url(),
            Person.objects.get(name="老静洁").get_absolute_url()]


def test_every_detail_page_answers_json_with_its_links(client, seeded):
    for url in detail_urls():
        data = client.get(f"{url}?format=json").json()
        assert data["url"].endswith(url) and data["id"]
        linked = [v for v in data.values() if isinstance(v, dict) and "url" in v]
        linked += [v for value in data.values() if isinstance(value, list) for v in value
                   if isinstance(v, dict) and isinstance(v.get("url"), str)]
        assert linked, url
        for entry in linked[:10]:
            assert client.get(entry["url"]).status_code == 200, (url, entry)


def test_hospital_json_holds_labels_and_its_records(client, seeded):
    data = client.get(f"{detail_urls()[1]}?format=json").json()
    assert data["type_label"] == "综合医院" or data["type"] is None
    assert "老静洁" in {p["name"] for p in data["people"]}
    assert "国家标准化胸痛中心示范中心" in {h["name"] for h in data["honours"]}


@pytest.mark.parametrize("url, status", [
    ("/articles/?format=json&page=99", 404), ("/articles/99999/?format=json", 404),
    ("/no-such-page/?format=json", 404), ("/keywords/不存在的词/?format=json", 404),
])
def test_errors_of_json_urls_are_json_with_the_status(client, seeded, url, status):
    response = client.get(url)
    assert response.status_code == status and response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["status"] == status
    assert client.get(url.replace("format=json", "format=html")).content.startswith(b"<!doctype html>") or \
        not response.content.startswith(b"<")


def test_a_post_to_a_json_url_is_a_json_405(client, seeded):
    response = client.post("/hospitals/?format=json")
    assert response.status_code == 405 and response.json()["error"]["status"] == 405 and "GET" in response["Allow"]


def test_people_and_sources_lists_with_facets_and_formats(client, seeded):
    people = client.get("/people/?format=json&page_size=1000").json()
    names = [row["name"] for row in people["results"]]
    assert "老静洁" in names and names == sorted(names, key=pinyin_key)
    facets = {f.param: f for f in client.get("/people/").context["facets"]}
    henan = next(c for c in facets["province"].choices if c.label == "河南省")
    assert client.get(f"/people/?{henan.query}&format=json").json()["count"] == henan.count > 0
    sources = client.get("/sources/?format=json").json()
    assert {row["name"]: row["articles"] for row in sources["results"]} == {"中国网": 1, "重庆日报": 1, "衡阳晚报": 1}
    assert [row["name"] for row in sources["results"]] == ["重庆日报", "衡阳晚报", "中国网"]  # chóng héng zhōng
    home = client.get("/").content.decode()
    assert 'href="/people/"' in home and 'href="/sources/"' in home


@pytest.mark.parametrize("url", ["/people/", "/sources/", "/honours/"])
def test_new_lists_query_count_does_not_grow_with_rows(client, seeded, url):
    def queries(page_size):
        datacache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"{url}?page_size={page_size}").status_code == 200
        return len(context.captured_queries)

    assert queries(1) == queries(1000)


def test_hospitals_of_equal_coverage_are_in_pinyin_order(client, seeded):
    rows = client.get("/hospitals/?format=json&page_size=1000").json()["results"]
    keys = [(-row["articles"], pinyin_key(row["name"])) for row in rows]
    assert keys == sorted(keys)
    names = [row["name"] for row in rows]
    assert names.index("洛阳市中心医院") < names.index("商丘市第一人民医院")  # luò < shāng, though 商 < 洛 by code


def test_levels_in_their_natural_order_and_qualifications_their_own_kind(client, seeded):
    facets = {f.param: f for f in client.get("/honours/").context["facets"]}
    levels = [c.label for c in facets["level"].choices]
    natural = ["国家级", "省级", "市级", "区县级", "其他"]
    assert levels == [label for label in natural if label in levels] and len(levels) >= 2
    kinds = {c.label: c for c in facets["kind"].choices}
    assert "资质认定" in kinds and kinds["荣誉"].selected
    designation = Honour.objects.public().get(kind="designation", name__contains="县域医疗中心")
    listed = client.get(f"/honours/?{kinds['资质认定'].query}")
    assert designation.get_absolute_url() in listed.content.decode() and "<h1>资质认定</h1>" in listed.content.decode()


def test_a_municipality_is_written_once(client, seeded):
    hospital = Hospital.objects.get(name="重庆市綦江区人民医院")
    assert hospital.place == "重庆市 綦江区"
    assert "重庆市 重庆市" not in client.get(hospital.get_absolute_url()).content.decode()
    assert client.get(f"{hospital.get_absolute_url()}?format=json").json()["place"] == "重庆市 綦江区"


def test_the_feed_dates_entries_by_publication_and_editors_changes(client, seeded):
    article = Article.objects.get(published="2022-02-14")
    feed = client.get("/feed/").content.decode()
    entry = re.search(rf"<entry><title>{re.escape(article.title)}</title>.*?</entry>", feed).group(0)
    assert "<published>2022-02-14T00:00:00+08:00</published>" in entry
    assert "<updated>2022-02-14T00:00:00+08:00</updated>" in entry
    article.subtitle = "编辑补上的副题"
    article.save()  # an editor's save: its history row carries no import reason
    feed = client.get("/feed/").content.decode()
    entry = re.search(rf"<entry><title>{re.escape(article.title)}</title>.*?</entry>", feed).group(0)
    assert "<published>2022-02-14T00:00:00+08:00</published>" in entry
    assert "<updated>2022-02-14T" not in entry


def test_the_sitemap_is_dated_by_publication_and_styled_for_a_browser(client, seeded):
    article = Article.objects.get(published="2022-02-14")
    undated = Article.objects.public().filter(published__isnull=True).first()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{article.get_absolute_url()}</loc><lastmod>2022-02-14</lastmod>" in sitemap
    assert f"{undated.get_absolute_url()}</loc></url>" in sitemap  # no date rather than the import's
    stylesheet = re.search(r'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>', sitemap).group(1)
    assert b"xsl:stylesheet" in b"".join(client.get(stylesheet).streaming_content)
