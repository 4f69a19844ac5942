"""Public pages and their JSON, on the imported seeds."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, ArticleHospital
from core import datacache
from core.listing import pinyin_key
from hospitals.models import Hospital, ReviewStatus

pytestmark = pytest.mark.django_db

LISTS = ["articles:article-list", "hospitals:hospital-list", "hospitals:honour-list"]


@pytest.mark.parametrize("name", ["home", *LISTS])
def test_pages_render(client, seeded, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "医院报道数据库" in response.content.decode()


def test_articles_json_counts_seven_with_ids_urls_and_titles(client, seeded):
    data = client.get("/articles/?format=json").json()
    assert data["count"] == 7
    assert len(data["results"]) == 7
    for row in data["results"]:
        assert row["id"] and row["url"].startswith("http") and row["title"]
        assert client.get(row["url"]).status_code == 200


def test_page_and_page_size_are_honoured_and_bounded(client, seeded):
    first = client.get("/articles/?format=json&page_size=3").json()
    second = client.get("/articles/?format=json&page_size=3&page=2").json()
    assert first["count"] == second["count"] == 7
    assert len(first["results"]) == 3 and len(second["results"]) == 3
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    huge = client.get("/articles/?format=json&page_size=100000").json()
    assert len(huge["results"]) == 7
    assert client.get("/articles/?format=json&page=99").status_code == 404


def test_honours_json_lists_accepted_honours(client, seeded):
    data = client.get("/honours/?format=json&page_size=100").json()
    names = {row["name"] for row in data["results"]}
    assert "国家爱婴医院" in names and "全国优秀县级医院" in names
    assert all(row["kind"] == "honour" for row in data["results"])


def test_pending_records_are_not_public(client, seeded):
    pending = Hospital.objects.filter(status=ReviewStatus.PENDING).first()
    assert pending is not None
    assert client.get(pending.get_absolute_url()).status_code == 404
    names = {row["name"] for row in client.get("/hospitals/?format=json&page_size=1000").json()["results"]}
    assert pending.name not in names


def test_article_detail_shows_sections_captions_and_provenance(client, seeded):
    article = Article.objects.get(title__contains="党建业务深度融合")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "举旗帜 创新党建工作新模式" in html
    assert "在邹进贤故居重温入党誓词" in html
    assert "003_06d85cb50fe6ab2d.txt" in html


def queries_for(client, url) -> int:
    """Queries of a request that finds no cached aggregate (the most a page runs)."""
    datacache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("fmt", ["", "&format=json"])
def test_list_query_count_does_not_grow_with_rows(client, seeded, name, fmt):
    url = reverse(name)
    few = queries_for(client, f"{url}?page_size=2{fmt}")
    many = queries_for(client, f"{url}?page_size=1000{fmt}")
    assert few == many


def test_home_query_count_is_constant(client, seeded):
    seven = queries_for(client, "/")
    Article.objects.exclude(pk=Article.objects.first().pk).update(status=ReviewStatus.PENDING)
    one = queries_for(client, "/")
    assert seven == one


@pytest.mark.django_db(transaction=True)  # the data version changes when transactions commit
def test_cached_aggregates_follow_every_change_of_the_data(client, seeded, tmp_path, settings):
    """Totals, facet counts and the coverage ranking are cached, but an editor's save, a delete
    and an import all show on the very next request."""
    settings.PAGE_AGGREGATE_URLS = ["/", "/articles/", "/hospitals/"]  # precomputed by each change
    from articles.corpus import make_corpus
    from ingest.pipeline import import_paths

    def province_facet():
        page = client.get("/hospitals/").content.decode()
        return "青海省" in page

    cold = queries_for(client, "/hospitals/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/hospitals/")
    assert len(warm.captured_queries) < cold  # the aggregates came from the cache
    first = client.get("/articles/?format=json").json()["count"]
    assert not province_facet()
    hospital = Hospital.objects.public().first()
    hospital.province = "青海省"
    hospital.save()
    assert province_facet()

    article = Article.objects.public().first()
    article.status = ReviewStatus.PENDING
    article.save()
    assert client.get("/articles/?format=json").json()["count"] == first - 1
    home = client.get("/").context["counts"]["articles"]
    assert home == first - 1

    make_corpus(3, tmp_path / "more", seed=9)
    import_paths([str(tmp_path / "more")])
    assert client.get("/articles/?format=json").json()["count"] == first - 1 + 3
    assert client.get("/").context["counts"]["articles"] == first + 2

    top = client.get("/hospitals/?format=json").json()["results"][0]
    for link in ArticleHospital.objects.filter(hospital_id=top["id"]):
        link.delete()  # an editor unlinks the most covered hospital from its articles
    ranked = [row["id"] for row in client.get("/hospitals/?format=json&page_size=1000").json()["results"]]
    counted = Hospital.objects.public().annotate(n=Count(
        "article_links", filter=Q(article_links__article__status=ReviewStatus.ACCEPTED), distinct=True))
    # Equal coverage in pinyin order of the name.
    assert ranked == [pk for pk, n, name in sorted(counted.values_list("pk", "n", "name"),
                                                   key=lambda r: (-r[1], pinyin_key(r[2])))]
