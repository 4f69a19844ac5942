"""What one article teaches jieba must not change how another is read: the records of a file
depend only on the file and the database the import started from, never on which worker
analysed which file before it."""

import multiprocessing

import pytest

from articles.extraction.segmenter import taught, tokenizer
from articles.parsing import parse_text
from ingest.contract import analyse

pytestmark = pytest.mark.database_independent

OTHER = "2023-08-11，正文：中南大学湘雅三医院召开干部大会。湘雅三医院院长江泓出席会议并讲话。\n"
READ = "2023-08-10，正文：近日，网传一封举报信。澎湃新闻记者多次联系湘雅三医院，对方表示正在核实。该院呼吸科主任孟婕停诊。\n"


def records(text):
    result = analyse(parse_text(text)[0])
    entities = result.entities
    return (
        [(h.name, h.subject) for h in entities.hospitals],
        [(p.name, p.role, p.hospital) for p in entities.people],
        [h.name for h in entities.honours],
        result.keywords,
    )


def test_an_article_reads_the_same_before_and_after_another_taught_its_names():
    # Read first by a fresh process (a worker that saw nothing else) ...
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        fresh = pool.apply(records, (READ,))
    records(OTHER)  # ... and here after another article, whose names are taught while it is analysed
    assert records(READ) == fresh


def test_taught_names_are_forgotten_exactly():
    tok = tokenizer()
    freq, total = dict(tok.FREQ), tok.total
    with taught(["湘雅三医院", "中南大学湘雅三医院", "医院"]):
        assert "中南大学湘雅三医院" in tok.cut("中南大学湘雅三医院召开大会")
    assert tok.total == total and tok.FREQ == freq
