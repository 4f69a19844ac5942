"""The benchmark corpus: deterministic, in the seeds' formats, readable by the parser."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.corpus import make_corpus
from articles.parsing import parse_bytes

# The bench imports into SQLite files of its own, whichever database the suite runs on.
pytestmark = pytest.mark.database_independent


def test_same_seed_same_files_byte_for_byte(tmp_path):
    make_corpus(30, tmp_path / "a", seed=5)
    make_corpus(30, tmp_path / "b", seed=5)
    make_corpus(30, tmp_path / "c", seed=6)
    read = lambda d: [p.read_bytes() for p in sorted(d.glob("*.txt"))]  # noqa: E731
    assert read(tmp_path / "a") == read(tmp_path / "b") != read(tmp_path / "c")


def test_generated_articles_parse_with_titles_subjects_and_damage(tmp_path):
    made = make_corpus(60, tmp_path, seed=2)
    articles = [a for p in sorted(tmp_path.glob("*.txt")) for a in parse_bytes(p.name, p.read_bytes()).articles]
    assert made["articles"] == 60 and len(articles) >= 55
    assert all(a.title for a in articles)
    kinds = {f.kind for a in articles for f in a.flags}
    assert {"merged_broken_paragraph", "duplicate_paragraph", "removed_ocr_spaces", "dropped_boilerplate"} <= kinds
    assert sum(bool(a.captions) for a in articles) > 20


def test_bench_reports_the_figures_the_issue_names():
    out = StringIO()
    call_command("bench", "--articles", "4", "--repeats", "1", "--without-celery", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["ratio_celery_2"] is None and result["celery"] == {"skipped": "--without-celery"}
    for key in ("jieba_kbps", "import_kbps_1", "import_kbps_all", "ratio_1", "ratio_all", "peak_rss_mb", "jieba_init_s"):
        assert result[key] > 0, key
    assert set(result["pages"]) >= {"home", "articles", "hospitals", "article", "search"}
    assert all({"p50_ms", "p95_ms", "queries", "uncached_p50_ms", "uncached_queries"} <= set(page)
               for page in result["pages"].values())
    # Readers get the lists' aggregates from the cache; the first request after a change computes them.
    for name in ("home", "articles", "hospitals", "honours"):
        assert result["pages"][name]["uncached_queries"] > result["pages"][name]["queries"], name
