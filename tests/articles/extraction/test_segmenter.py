"""The configured jieba's search tokens (articles/extraction/segmenter.py): plain pytest, no database."""

from __future__ import annotations

from collections import Counter

import pytest

from articles.extraction.segmenter import (
    _line_tokens,
    add_words,
    bigrams,
    clean_tokens,
    index_tokens,
    search_tokens,
    taught,
)

pytestmark = pytest.mark.database_independent


def test_index_tokens_of_a_text_are_those_of_the_whole_text():
    text = "全国文明单位\n璧山区人民医院心血管内科\n2021年，医院荣获全国文明单位、全国卫生系统先进集体称号。"
    whole = clean_tokens(search_tokens(text)) + bigrams(text)
    assert Counter(index_tokens(text).split()) == Counter(whole)
    assert "  " not in index_tokens("名称\n\n证据")


def test_cached_lines_are_what_segmenting_again_gives_and_keep_nothing_taught_for_one_article():
    line = "日前青石岭镇卫生院开展义诊"  # a name no seed teaches
    before = index_tokens(line)
    hits = _line_tokens.cache_info().hits
    assert index_tokens(line) == before and _line_tokens.cache_info().hits == hits + 1  # served by the cache
    with taught(["青石岭镇卫生院"]):  # one article's own names
        inside = index_tokens(line)
    assert "青石岭镇卫生院" in inside.split() and "青石岭镇卫生院" not in before.split()
    # After the article: the cache holds no line cut with its names, and agrees with a fresh cut.
    assert index_tokens(line) == before == _line_tokens.__wrapped__(line)


def test_index_tokens_follow_names_taught_to_jieba():
    line = "日前泸溪县浦市镇卫生院开展义诊"
    assert "泸溪县浦市镇卫生院" not in index_tokens(line).split()
    add_words(["泸溪县浦市镇卫生院"])
    assert "泸溪县浦市镇卫生院" in index_tokens(line).split()
