"""Chinese full-text search on both databases: same jieba tokens, safe input, kept in sync."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from hospitals.models import ReviewStatus
from tests.search_index import assert_index_whole, index_entries

pytestmark = pytest.mark.django_db(transaction=True)


def search(client, q, **extra):
    response = client.get("/search/", {"q": q, "format": "json", **extra})
    assert response.status_code == 200
    return response.json()


def test_two_character_query_returns_many_ranked_results_with_snippets(client, seeded):
    data = search(client, "党建")
    assert data["count"] >= 10
    for row in data["results"][:5]:  # plain text, with where the matches are
        assert "<" not in row["snippet"] and "&" not in row["snippet"]
        assert row["highlights"] and all(row["snippet"][a:b] == "党建" for a, b in row["highlights"])
    scores = [row["score"] for row in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert {"id", "url", "title", "snippet"} <= set(data["results"][0])


def test_a_query_that_matches_more_than_it_returns_says_so(client, seeded, monkeypatch):
    from articles import search as search_module

    monkeypatch.setattr(search_module, "RESULT_LIMIT", 3)
    data = search(client, "医院")
    assert (data["count"], data["truncated"]) == (3, True)
    page = client.get("/search/", {"q": "医院"}).content.decode()
    assert "最相关的 3 条结果" in page and "共 3 条结果" not in page
    monkeypatch.setattr(search_module, "RESULT_LIMIT", 200)  # the seeds hold fewer
    assert search(client, "医院")["truncated"] is False
    assert f"共 {search(client, '医院')['count']} 条结果" in client.get("/search/", {"q": "医院"}).content.decode()


def test_a_hospitals_short_form_finds_its_records_first(client, seeded):
    # 綦江区人民医院 is what the papers call 重庆市綦江区人民医院: the hospital, then its article.
    top = search(client, "綦江区人民医院")["results"][:2]
    assert [(row["kind"], row["title"][:10]) for row in top] == [("hospital", "重庆市綦江区人民医院"),
                                                                  ("article", "重庆市綦江区人民医院")]


def test_a_frequent_word_gives_scores_that_separate_results(client, seeded):
    results = search(client, "医院", page_size=1000)["results"]
    scores = [row["score"] for row in results]
    assert len(results) > 20 and len(set(scores)) > len(scores) // 4
    # Records named by the word first: every result above the first without it in its title has it.
    titled = ["医院" in row["title"] for row in results]
    assert all(titled[: titled.index(False)]) and titled.index(False) >= 5
    assert not any(titled[titled.index(False):][:0])


def test_snippets_are_html_only_on_the_html_page(client, seeded):
    from articles.models import Article

    article = Article.objects.get(title__contains="党建业务深度融合")
    section = article.sections.first()
    section.paragraphs = [*section.paragraphs, '他说："党建<b>引领</b>"']
    section.save()
    rows = search(client, "引领")["results"]
    snippet = next(row["snippet"] for row in rows if row["id"] == article.pk and row["kind"] == "article")
    assert '"党建<b>引领</b>"' in snippet  # the text as written, not escaped for HTML
    csv_text = client.get("/search/", {"q": "引领", "format": "csv"}).content.decode("utf-8-sig")
    assert "<mark>" not in csv_text and "&quot;" not in csv_text
    html = client.get("/search/", {"q": "引领"}).content.decode()
    assert "&quot;党建&lt;b&gt;<mark>引领</mark>&lt;/b&gt;&quot;" in html


@pytest.mark.parametrize("query, expected", [
    ("市二院", "奋力开启高质量发展新征程"),  # a short form, only in a caption
    ("平顶山 心血管", "奋力开启高质量发展新征程"),  # several words: all must match
    ("韩传恩", "韩传恩"),  # the person (a name in the title), then the article
    ("清廉衡阳建设优秀单位", "清廉衡阳建设优秀单位"),
])
def test_short_forms_names_and_several_words(client, seeded, query, expected):
    titles = [row["title"] for row in search(client, query)["results"]]
    assert titles and expected in titles[0]


@pytest.mark.parametrize("query", ['"', '医院 AND', 'NEAR(', '-医院', 'title:医院', '*', "'; DROP TABLE articles_article;--",
                                   "医院\" OR \"1", "a" * 500, "\x00", "   "])
def test_hostile_queries_are_harmless(client, seeded, query):
    data = search(client, query)
    assert isinstance(data["count"], int)
    assert Article.objects.count() == 7
    assert client.get("/search/", {"q": query}).status_code == 200


def test_index_follows_edits_deletions_and_review_status(client, seeded):
    article = Article.objects.get(title="奋力开启高质量发展新征程")
    article.title = "鹰城二院奋力开启新征程"
    article.save()
    assert "鹰城二院奋力开启新征程" in [r["title"] for r in search(client, "鹰城")["results"]]
    article.status = ReviewStatus.PENDING
    article.save()
    assert search(client, "鹰城")["count"] == 0
    other = Article.objects.get(title__contains="仁和精诚")
    other.delete()
    assert all("仁和精诚" not in r["title"] for r in search(client, "衡阳")["results"])
    assert_index_whole()


def test_rebuild_command_reindexes_everything(client, seeded):
    from io import StringIO

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert int(out.getvalue().split()[0]) > 7
    assert search(client, "党建")["count"] >= 10
    assert_index_whole()


def test_search_kind_facet_filters_results(client, seeded):
    data = search(client, "党建", kind="article")
    assert data["count"] >= 5 and {r["kind"] for r in data["results"]} == {"article"}


def test_search_query_count_does_not_grow_with_results(client, seeded):
    def queries(q):
        with CaptureQueriesContext(connection) as context:
            client.get("/search/", {"q": q})
        return len(context.captured_queries)

    assert queries("韩传恩") == queries("党建")


def _documents() -> set[tuple]:
    from articles.models import SearchDocument

    return set(SearchDocument.objects.values_list("kind", "object_id", "title", "url", "body"))


def test_import_indexes_what_a_full_rebuild_would_and_leaves_unchanged_records_alone(seeded, seeds_dir, tmp_path):
    """The importer reindexes only what a file created or changed (not every honour and person
    of every hospital it names), and the index still matches a rebuild from scratch."""
    import shutil

    from articles.corpus import make_corpus
    from articles.models import ArticleHospital, SearchDocument
    from ingest.pipeline import import_paths

    make_corpus(20, tmp_path / "corpus", seed=11)
    import_paths([str(tmp_path / "corpus")])
    before = dict(SearchDocument.objects.filter(kind__in=["honour", "person"]).values_list("id", "object_id"))
    # Another newspaper reprints a seed feature: same hospitals, honours and people.
    reprint = tmp_path / "reprints" / "reprint.txt"
    reprint.parent.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[1], reprint)
    import_paths([str(reprint.parent)])
    after = dict(SearchDocument.objects.filter(kind__in=["honour", "person"]).values_list("id", "object_id"))
    assert before.items() <= after.items()  # none rewritten, none lost
    indexed = set(SearchDocument.objects.filter(id__in=before).values_list("hospital_id", flat=True))
    named = set(ArticleHospital.objects.filter(article__source_file__path="reprint.txt")
                .values_list("hospital_id", flat=True))
    assert indexed & named  # the reprint named hospitals that had honour or person documents

    imported = _documents()
    call_command("rebuild_search_index", stdout=__import__("io").StringIO())
    assert imported == _documents()


def test_a_changed_file_s_documents_replace_its_old_ones(seeded, seeds_dir, tmp_path):
    """New records need no lookup of documents to replace; a re-import's changed article and
    hospitals do, and leave no second copy behind."""
    import shutil
    from collections import Counter

    from articles.models import SearchDocument
    from ingest.pipeline import import_paths

    feature = tmp_path / "feature" / "feature.txt"
    feature.parent.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], feature)
    import_paths([str(feature.parent)])
    text = feature.read_text(encoding="utf-8")
    feature.write_text(text.replace("医院", "医院（新版）", 1) + "\n该院党委书记表示，将持续改善群众就医体验。\n",
                       encoding="utf-8")
    report = import_paths([str(feature.parent)])
    assert report.counts.updated
    imported = Counter(SearchDocument.objects.values_list("kind", "object_id", "title", "url", "body"))
    assert max(imported.values()) == 1
    assert_index_whole()
    call_command("rebuild_search_index", stdout=__import__("io").StringIO())
    assert imported == Counter(SearchDocument.objects.values_list("kind", "object_id", "title", "url", "body"))




def test_a_word_in_more_documents_than_the_cap_is_ranked_among_the_newest(seeded, monkeypatch):
    """RANK_CAP: the engine scores only the newest matches of a word nearly every document
    holds, with the scores it gave them before; a word in fewer documents ranks exactly as
    without the cap."""
    from articles import search as engine

    def ranked(query):
        return engine._backend().search(engine.query_tokens(query), 200, any_token=False)

    def cap(n):
        monkeypatch.setattr(engine, "RANK_CAP", n)
        monkeypatch.setattr(engine, "RANK_CAP_POSTGRES", n)

    cap(10**6)
    everything = dict(engine._backend().search(engine.query_tokens("医院"), 10**6, any_token=False))
    rare = ranked("綦江区人民医院")
    assert len(everything) > len(rare) + 1
    cap(len(rare) + 1)
    assert ranked("綦江区人民医院") == rare
    newest = sorted(everything)[-(len(rare) + 1):]
    assert dict(ranked("医院")) == {pk: everything[pk] for pk in newest}


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text index (FTS5)")


@sqlite_only
def test_an_index_with_its_own_copy_of_the_text_is_converted_without_changing_a_result(client, seeded):
    """Migration 0017 on a database indexed before it: the same entries (read through FTS5's
    vocabulary table), the same hits, and the copy of the text gone."""
    import importlib

    convert = importlib.import_module("articles.migrations.0017_search_index_external_content")
    queries = ["党建", "鹰城", "胸痛中心", "韩传恩", "医院 改革"]
    before = index_entries(), [search(client, q)["results"] for q in queries]
    with connection.schema_editor() as editor:
        convert.index_with_copy(None, editor)  # as 0005 made it
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM articles_search_fts_content")
            assert cursor.fetchone()[0] > 7
        convert.index_without_copy(None, editor)
    assert (index_entries(), [search(client, q)["results"] for q in queries]) == before
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'articles_search_fts_content'")
        assert cursor.fetchall() == []
    assert_index_whole()


@sqlite_only
def test_a_flush_empties_the_index_with_the_documents(seeded):
    assert index_entries()["articles_search_fts"]
    call_command("flush", "--noinput", verbosity=0)
    assert index_entries()["articles_search_fts"] == []
    assert_index_whole()
