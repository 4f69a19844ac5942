"""A page copied out of a PDF set in two columns (articles/parsing/columns.py)."""

import datetime as dt

import pytest

from articles.parsing import parse_bytes, parse_text
from articles.parsing.columns import unfold_columns
from articles.parsing.text import clean_line

pytestmark = pytest.mark.database_independent

L, R = "左栏第一行文字写在这里啊", "右栏第一行文字写在这里呀"


def two_columns(left: list[str], right: list[str], width: int = 46) -> str:
    rows = []
    for a, b in zip(left, right):
        pad = width - sum(2 if ord(ch) > 0x2E7F else 1 for ch in a)
        rows.append(f"{a}{' ' * pad}{b}" if b else a)
    return "\n".join(rows) + "\n"


PAGE = (
    "华西医院报                                                   2024年4月15⽇　第287期\n"
    "医疗动态                                                          责任编辑：邓雨桐\n\n"
    "                  华西医院⽇间⼿术中心累计⼿术量突破10万例\n\n"
    + two_columns(
        ["　　4月10⽇上午，62岁的胆囊结", "石患者王大爷在四川大学华西医院⽇间", "⼿术中心接受了腹腔镜胆囊切除术，成",
         "为该中心的第100000例患者。共计2", "76个术种全部开展⽇间⼿术。", "", "　　作为国内最早开展⽇间⼿术的",
         "医院之⼀，华西医院⽇间⼿术中心目前", "开放床位126张。"],
        ["　　“⽇间⼿术不是简单地把住院时间", "缩短，而是对整个诊疗流程的再造。”", "⽇间⼿术中心主任蒋丽华介绍，中心建",
         "立了闭环管理模式，患者在门诊完成术", "前检查和麻醉评估。", "", "　　四川大学华西医院副院长何建华表",
         "示，医院将继续扩大⽇间⼿术病种范围", "，让更多患者享受到优质医疗服务。"])
    + "\n                                    - 6 -\n"
)


def test_each_pages_left_column_is_read_before_its_right():
    lines = unfold_columns(PAGE)
    texts = [line.text for line in lines]
    assert texts.index("76个术种全部开展⽇间⼿术。") < texts.index("“⽇间⼿术不是简单地把住院时间")
    for line in lines:  # every line keeps its place in the raw text
        assert clean_line(PAGE[line.start:line.end]) == line.text


def test_a_two_column_pdf_page_reads_as_its_paragraphs():
    [article] = parse_bytes("page.txt", PAGE.encode()).articles
    assert article.title == "华西医院日间手术中心累计手术量突破10万例"  # Kangxi radicals read as characters
    assert (article.source, article.published, article.editors) == ("华西医院报", dt.date(2024, 4, 15), ("邓雨桐",))
    body = article.body
    assert "成为该中心的第100000例患者。共计276个术种" in body  # a number broken at a line's end is whole
    assert "“日间手术不是简单地把住院时间缩短，而是对整个诊疗流程的再造。”" in body
    assert body.index("开放床位126张") < body.index("日间手术不是简单")


def test_one_column_text_with_wide_gaps_is_left_as_it_is():
    text = "医院简介\n\n院址：某市某路1号        电话：0000-1234567\n\n该院始建于1950年，现有职工1200人。\n"
    assert unfold_columns(text) is None
    assert parse_text(text)
