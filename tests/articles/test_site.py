"""Facets, CSV, keyword pages, charts, sitemap and feed."""

from __future__ import annotations

import csv
import io

import pytest

from hospitals.models import Hospital

pytestmark = pytest.mark.django_db

LISTS = ["/articles/", "/hospitals/", "/honours/", "/search/?q=党建", "/keywords/党建/"]


@pytest.mark.parametrize("url", LISTS)
def test_every_list_answers_csv_and_json(client, seeded, url):
    joiner = "&" if "?" in url else "?"
    response = client.get(f"{url}{joiner}format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    data = client.get(f"{url}{joiner}format=json").json()
    assert len(rows) == len(data["results"]) > 0
    assert [row["url"] for row in rows] == [row["url"] for row in data["results"]]


def test_public_csv_escapes_formulae(client, seeded):
    hospital = Hospital.objects.get(name="衡阳市中医医院")
    Hospital.objects.filter(pk=hospital.pk).update(city="=1+2")
    body = client.get("/hospitals/?format=csv&page_size=100").content.decode("utf-8-sig")
    assert "'=1+2" in body


def test_hospital_facets_have_counts_sorted_by_pinyin_and_filter_by_url(client, seeded):
    response = client.get("/hospitals/")
    province = next(f for f in response.context["facets"] if f.param == "province")
    labels = [c.label for c in province.choices]
    assert labels == ["重庆市", "河南省", "湖南省"]  # chóng < hé < hú
    henan = next(c for c in province.choices if c.label == "河南省")
    assert henan.count == 5
    data = client.get(f"/hospitals/?{henan.query}&format=json").json()
    assert data["count"] == 5 and {r["province"] for r in data["results"]} == {"河南省"}
    assert client.get("/hospitals/?province=河南省&city=洛阳市&format=json").json()["count"] == 2


def test_article_facets_by_source_year_and_hospital(client, seeded):
    facets = {f.param: f for f in client.get("/articles/").context["facets"]}
    assert {c.label: c.count for c in facets["source"].choices} == {"中国网": 1, "重庆日报": 1, "衡阳晚报": 1}
    assert {c.label for c in facets["year"].choices} == {"2021", "2022"}
    hospital = Hospital.objects.get(name="汝州市第一人民医院")
    data = client.get(f"/articles/?hospital={hospital.pk}&format=json").json()
    assert [r["title"] for r in data["results"]] == ["支部建在科室上 党建引领促发展"]


def test_honour_facets_by_year_level_and_hospital(client, seeded):
    facets = {f.param: f for f in client.get("/honours/").context["facets"]}
    assert {"2020", "2023"} <= {c.label for c in facets["year"].choices}
    assert {"国家级", "省级"} <= {c.label for c in facets["level"].choices}
    assert client.get("/honours/?year=2023&format=json").json()["count"] == 2


def test_keyword_page_lists_its_articles(client, seeded):
    response = client.get("/keywords/党建/?format=json")
    assert response.status_code == 200 and response.json()["count"] >= 3
    assert client.get("/keywords/不存在的词/").status_code == 404


def test_charts_are_inline_svg(client, seeded):
    home = client.get("/").content.decode()
    assert home.count("<svg") == 2 and "各年份获得的荣誉" in home and "<script" not in home
    hospital = Hospital.objects.get(name="平顶山市第二人民医院")
    assert "<svg" in client.get(hospital.get_absolute_url()).content.decode()


def test_sitemap_and_atom_feed(client, seeded):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("/articles/") == 7 and "/hospitals/" in sitemap
    feed = client.get("/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.decode().count("<entry>") == 7


def test_article_page_has_toc_related_and_titles(client, seeded):
    from articles.models import Article

    article = Article.objects.get(title__contains="党建业务深度融合")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>重庆市綦江区人民医院 党建业务深度融合" in html
    assert 'aria-label="目录"' in html and "相关文章" in html
