"""The configured jieba's search tokens (articles/extraction/segmenter.py): plain pytest, no database."""

from __future__ import annotations

from collections import Counter

from articles.extraction.segmenter import add_words, bigrams, clean_tokens, index_tokens, search_tokens


def test_index_tokens_of_a_text_are_those_of_the_whole_text():
    text = "全国文明单位\n璧山区人民医院心血管内科\n2021年，医院荣获全国文明单位、全国卫生系统先进集体称号。"
    whole = clean_tokens(search_tokens(text)) + bigrams(text)
    assert Counter(index_tokens(text).split()) == Counter(whole)
    assert index_tokens(text) == index_tokens(text)  # the second time from the cache
    assert "  " not in index_tokens("名称\n\n证据")


def test_index_tokens_follow_names_taught_to_jieba():
    line = "日前泸溪县浦市镇卫生院开展义诊"
    assert "泸溪县浦市镇卫生院" not in index_tokens(line).split()
    add_words(["泸溪县浦市镇卫生院"])
    assert "泸溪县浦市镇卫生院" in index_tokens(line).split()
