"""The scan for hospital runs finds exactly what the pattern's own scan finds (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.names import HOSPITAL_RUN, HOSPITAL_SUFFIXES, hospital_runs

pytestmark = pytest.mark.database_independent

# Suffixes whole and in pieces (a 院 that ends none: 该院, 学院), runs longer than the pattern's
# reach, brackets and punctuation that end a run.
PIECES = st.sampled_from([*HOSPITAL_SUFFIXES, *"市县区第一人民中西医结合卫生服务站心院保健妇幼分学该（）()〇 。，a1",
                          "郑州大学第一附属", "中国人民解放军联勤保障部队第九八八"])
texts = st.one_of(st.text(), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_runs_are_the_patterns_own(text):
    assert [m.span() for m in hospital_runs(text)] == [m.span() for m in HOSPITAL_RUN.finditer(text)]


def test_a_run_that_ends_at_its_last_possible_character():
    body = "一" * 24
    text = "，" + body + "中西医结合医院" + "院"
    assert [m.span() for m in hospital_runs(text)] == [m.span() for m in HOSPITAL_RUN.finditer(text)] == [(1, 32)]
