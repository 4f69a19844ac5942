"""The two segmentation engines (`SEGMENTER=jieba|fast`) give the same words, tags and records.

The fast engine is the default only because of these tests: jieba 0.42 is the reference, and
every difference would change what editors see (hospitals, people, honours, keywords, search).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from articles import enginecheck
from articles.corpus import make_corpus
from articles.extraction import segmenter
from articles.extraction.segmenter import ENGINES, pos_tokens, search_tokens, taught, tokenizer, use_engine, words
from tests.articles.test_parsing import parse_seeds, score
from tests.conftest import INPUTS, SEEDS

pytestmark = pytest.mark.database_independent


@pytest.fixture(params=ENGINES)
def engine(request):
    before = segmenter.engine_name()
    use_engine(request.param)
    yield request.param
    use_engine(before)


def both(function, text):
    """`function(text)` with each engine: (jieba's, fast's)."""
    before = segmenter.engine_name()
    try:
        results = []
        for name in ENGINES:
            use_engine(name)
            results.append(function(text))
        return tuple(results)
    finally:
        use_engine(before)


def test_the_seeds_score_the_same_with_either_engine(engine, capsys):
    overall, fields = score(parse_seeds(), capsys)
    assert overall >= 0.97 and min(fields.values()) >= 0.97, (engine, fields)


TRICKY = [
    "2021-10-04召开，增长12.5%，3-5年，No.1",  # runs jieba-rs keeps whole and jieba splits (HMM)
    "B超、T恤、CT室和PICC导管；AA制",  # dictionary words of letters and Chinese
    "䶮山医院与𠀾字、﨑字",  # characters jieba-rs counts as Chinese and jieba does not
    "行\r\n间\u3000全角\x1c分隔 ２０２１年",
    "我们中出了一个叛徒，常在乡、常在村",  # the HMM's unknown words (jieba-rs's own HMM cuts 常在)
    "",
    "   ",
    "璧山区人民医院党委书记、院长韩传恩，副院长王春玉、寇学斌出席",
]


@pytest.mark.parametrize("text", TRICKY)
def test_words_tags_and_search_tokens_are_jiebas(text):
    for function in (words, pos_tokens, search_tokens):
        reference, fast = both(function, text)
        assert fast == reference, function.__name__


def test_the_fast_engine_s_tagger_of_unknown_runs_is_jiebas_state_for_state(tmp_path):
    """articles/extraction/posviterbi.py against jieba.posseg's own, on 3,000 of the runs of
    Chinese, letters and digits in 200 generated articles, the seeds and the layout fixtures."""
    from jieba.posseg import dt

    from articles.extraction.posviterbi import cut_detail

    make_corpus(200, tmp_path / "corpus", seed=5)
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for folder in (tmp_path / "corpus", SEEDS, INPUTS) for path in sorted(folder.rglob("*.txt"))]
    runs = sorted({run for text in texts for run in re.findall(r"[\u4e00-\u9fd5A-Za-z0-9.]{1,10}", text)})
    assert len(runs) > 10_000
    runs = runs[::len(runs) // 3000]  # jieba's own takes 2 ms a run
    jiebas = dt._POSTokenizer__cut_detail
    differing = [run for run in [*runs, *TRICKY] if cut_detail(run) != [(p.word, p.flag) for p in jiebas(run)]]
    assert differing == []


def test_a_forgotten_name_leaves_no_trace_in_either_engine(engine):
    freq = tokenizer().FREQ
    # A character that is no word of its own: a name taught and forgotten that starts with it is
    # the case jieba-rs cannot undo (it has no deletion), so the fast engine hands it to jieba.
    lone = next(chr(c) for c in range(0x4E00, 0x9FD6) if not freq.get(chr(c)))
    names = [lone + "山县人民医院", "湘雅三医院", "中南大学湘雅三医院", "医院"]
    text = f"{lone}山县人民医院与中南大学湘雅三医院召开大会，{lone}山县的医生到场。"
    before = both(words, text), both(pos_tokens, text)
    with taught(names):
        assert "中南大学湘雅三医院" in words(text) and lone + "山县人民医院" in words(text)
    after = both(words, text), both(pos_tokens, text)
    assert after == before and after[0][0] == after[0][1] and after[1][0] == after[1][1]
    assert segmenter.fast_engine_stats()["risky_words"] >= 1  # the fast engine did meet the case


def test_analysis_is_the_same_on_seeds_fixtures_and_300_generated_articles(tmp_path):
    make_corpus(300, tmp_path / "corpus", seed=3)
    result = enginecheck.compare_analysis([str(SEEDS), str(INPUTS), str(tmp_path / "corpus")])
    assert result["articles"] >= 300
    assert (result["analysis_differing"], result["words_or_tags_differing"]) == (0, 0), result["examples"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="imports into its own SQLite files; once is enough")
def test_imported_records_are_the_same_with_either_engine(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(300, corpus, seed=2)
    for path in SEEDS.glob("*.txt"):
        (corpus / path.name).write_bytes(path.read_bytes())
    result = enginecheck.compare_records(corpus)
    assert result["rows"]["articles.Article"] >= 300 and result["rows"]["articles.SearchDocument"] > 1000
    assert result["differing"] == {}


def test_a_fresh_process_can_cut_before_anything_else_loaded_jieba():
    # The fast engine is built from the tokenizer: building both on the first call must not
    # wait on the one lock twice (a server's first search, a script's first words()).
    code = "from articles.extraction.segmenter import words; print('|'.join(words('璧山区人民医院召开大会')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "SEGMENTER": "fast"})
    assert done.stdout.strip().endswith("召开大会"), done.stderr
