"""Properties of the parser on arbitrary text (hypothesis): it never raises and is deterministic."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parsing import parse_bytes, parse_text
from articles.parsing.model import accounted_spans
from tests.conftest import SEEDS

pytestmark = pytest.mark.database_independent

# Text built from the characters that matter to the parser: Chinese, its punctuation, spaces of
# every kind, line ends, digits, Latin, and the markers of metadata and bylines.
ALPHABET = st.sampled_from(
    list("医院党建人民中心市区县省第一二三的了是在和与") + list("，。！？：:、“”‘’（）()|>■—-·") +
    [" ", "\u00a0", "\u3000", "\n", "\n\n", "\r\n", "\r"] + list("0123456789AaZ ")
    + ["发布时间:", "来源:", "作者:", "责任编辑:", "记者", "文/图", "图片由", "提供", "延伸阅读", "版权声明"]
)
texts = st.one_of(st.text(), st.lists(ALPHABET, max_size=400).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parser_never_raises_and_is_deterministic(text):
    first = parse_text(text)
    second = parse_text(text)
    assert first == second


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_result_or_a_clear_error(data):
    parsed = parse_bytes("random.bin", data)
    assert parsed.error or parsed.articles
    if parsed.error:
        assert parsed.articles == ()


@settings(max_examples=200, deadline=None)
@given(texts)
def test_spans_stay_inside_the_text(text):
    for article in parse_text(text):
        for paragraph in article.paragraphs:
            for start, end in paragraph.spans:
                assert 0 <= start <= end <= len(text)
        for caption in article.captions:
            assert 0 <= caption.span[0] <= caption.span[1] <= len(text)


def unaccounted(text: str) -> list[int]:
    """Offsets of non-space characters that no kept, used or flagged span covers."""
    covered = bytearray(len(text))
    for article in parse_text(text):
        for start, end in accounted_spans(article):
            covered[start:end] = b"\x01" * (end - start)
    return [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace() and ch not in "\ufeff\u200b"]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_no_character_is_lost_without_a_flag(text):
    assert unaccounted(text) == []


def test_seeds_lose_no_character_without_a_flag():
    for path in sorted(SEEDS.glob("*.txt")):
        assert unaccounted(path.read_text(encoding="utf-8")) == [], path.name
