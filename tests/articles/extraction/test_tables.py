"""jieba's tables as articles/extraction/tables.py loads them are the ones jieba's own loading
gives: the dictionary from jieba's cache, the part-of-speech tags and the IDF from caches of
their own, first built and then read back."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.database_independent

# Run in a fresh interpreter: whether jieba.posseg was imported decides which way it is loaded.
CHECK = textwrap.dedent("""
    import marshal, sys
    from pathlib import Path
    import jieba
    from articles.extraction import tables

    var = Path(sys.argv[1])
    posseg = tables.import_posseg(var)
    assert jieba.dt.dictionary == jieba.DEFAULT_DICT
    reference = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    reference.load_word_tag(jieba.dt.get_dict_file())
    assert len(reference.word_tag_tab) > 300_000
    assert posseg.dt.word_tag_tab == reference.word_tag_tab, "tags"
    assert list(var.glob("jieba.tags.*.marshal")), "tags not kept"

    import jieba.analyse
    tfidf = sys.modules["jieba.analyse.tfidf"]  # jieba.analyse.tfidf is a function there
    for path in (tables.jieba_idf_path(), Path(sys.argv[2])):
        for _ in range(2):  # built, then read from the cache
            loader = tfidf.IDFLoader(str(path))
            freq, median = tables.load_idf(path, var)
            assert (freq, median) == loader.get_idf(), path
            assert list(freq) == list(loader.idf_freq), "order"
    assert tables.JIEBA_STOP_WORDS == tfidf.KeywordExtractor.STOP_WORDS

    for _ in range(2):  # jieba writes its cache, then it is read in one go
        tok = jieba.Tokenizer()
        tok.tmp_dir, tok.cache_file = str(var), "jieba.cache"
        tables.load_dictionary(tok)
        built = jieba.Tokenizer()
        built.FREQ, built.total = built.gen_pfdict(built.get_dict_file())
        assert tok.initialized and (tok.FREQ, tok.total) == (built.FREQ, built.total), "dictionary"
    print("ok")
""")


def test_tables_are_jiebas_own(tmp_path):
    corpus_idf = tmp_path / "idf.txt"
    corpus_idf.write_text("党建 2.5\n医院 0.75\n璧山区人民医院 11.0\n", encoding="utf-8")
    var = tmp_path / "var"
    run = subprocess.run([sys.executable, "-c", CHECK, str(var), str(corpus_idf)], capture_output=True, text=True,
                         check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_a_changed_idf_file_is_read_again(tmp_path):
    from articles.extraction import tables

    path = tmp_path / "idf.txt"
    path.write_text("党建 2.5\n医院 0.75\n", encoding="utf-8")
    assert tables.load_idf(path, tmp_path) == ({"党建": 2.5, "医院": 0.75}, 2.5)
    path.write_text("党建 1.5\n医院 0.75\n卫生 3.0\n", encoding="utf-8")
    assert tables.load_idf(path, tmp_path) == ({"党建": 1.5, "医院": 0.75, "卫生": 3.0}, 1.5)


def test_a_broken_cache_is_built_again(tmp_path):
    from articles.extraction import tables

    path = tmp_path / "idf.txt"
    path.write_text("党建 2.5\n", encoding="utf-8")
    tables.load_idf(path, tmp_path)
    for cache in tmp_path.glob("jieba.idf.*.marshal"):
        cache.write_bytes(b"\x00half-written")
    assert tables.load_idf(path, tmp_path) == ({"党建": 2.5}, 2.5)


def test_keywords_weigh_words_by_the_corpus_idf_once_there_is_one(tmp_path, monkeypatch):
    # `manage.py build_idf` writes var/idf.txt; reading it went through a name jieba.analyse
    # does not export, so a corpus with its own IDF failed to import.
    from articles.extraction import segmenter

    words = ["党建", "党建", "胸痛中心", "胸痛中心", "卒中"]
    assert segmenter.keywords_from_words(words, top=1) == ["胸痛中心"]  # jieba's IDF
    path = tmp_path / "idf.txt"
    path.write_text("党建 9.0\n胸痛中心 1.0\n卒中 1.0\n", encoding="utf-8")
    monkeypatch.setattr(segmenter, "CORPUS_IDF", path)
    monkeypatch.setattr(segmenter, "VAR_DIR", tmp_path)
    segmenter.keyword_extractor.cache_clear()
    try:
        assert segmenter.keywords_from_words(words, top=1) == ["党建"]
    finally:
        segmenter.keyword_extractor.cache_clear()
