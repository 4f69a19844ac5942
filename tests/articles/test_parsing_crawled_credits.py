"""Credits a crawled page runs into the text, in the forms real pages print them: at the end
(`（海外网张霓）`, `记者：姚晓鹏中阳融媒`, `来源：某某公安见习编辑：…`, `（编辑YH）`, `供稿：某局 三金`) and
at the start (`来源|宁波晚报`, `潮新闻客户端 记者 施雯`), and screenshots' captions run in
(articles/parsing/crawled.py, credits.py). The texts are written for the tests."""

import pytest

from articles.parsing import parse_text

pytestmark = pytest.mark.database_independent

LEAD = "近日，某市第一人民医院急诊科成功救治一名突发心梗的患者，患者目前已转入普通病房，恢复良好。"
MORE = "该院急诊科主任介绍，从患者入院到血管开通只用了58分钟，比国家标准缩短了30多分钟。"


def crawled(middle: str, tail: str = "", head: str = "原标题：某市医院58分钟打通生命通道") -> str:
    return f"2023-08-19 11:32，正文：{head}{middle}{LEAD}{MORE}{tail}返回搜狐，查看更多责任编辑："


@pytest.mark.parametrize("tail, source, authors, editors", [
    ("（海外网张霓）（来源：海外网）", "海外网", ("张霓",), ()),
    ("记者：姚晓鹏中阳融媒", "中阳融媒", ("姚晓鹏",), ()),
    ("来源：某市公安见习编辑：乐丹娜校对：池翠萍获取资讯更新更快关注某某报●想获得授权转载，请与后台编辑联系。", "某市公安", (), ("乐丹娜", "池翠萍")),
    ("南方+记者 汪思婷编辑：邬嘉宏", "南方+", ("汪思婷",), ("邬嘉宏",)),
    ("（江苏广电融媒体新闻中心/王雪彤编辑/徐玮琪）", "江苏广电融媒体新闻中心", ("王雪彤",), ("徐玮琪",)),
    ("（供稿：湘乡市卫健局 三金）", None, ("三金",), ()),
    ("来源： 某某医院 消化内科（编辑YH）", "某某医院", (), ("YH",)),
])
def test_closing_credits_leave_the_body(tail, source, authors, editors):
    [article] = parse_text(crawled("", tail))
    assert (article.source, article.authors, article.editors) == (source, authors, editors)
    assert article.body.endswith(MORE)


def test_a_dispatch_word_is_no_reporters_name():
    [article] = parse_text(crawled("", "（新华社微特稿）"))
    assert "微特稿" not in article.authors


@pytest.mark.parametrize("head, source, authors", [
    ("来源|宁波晚报", "宁波晚报", ()),
    ("潮新闻客户端 记者 施雯  通讯员  蔡丽芬 柴苗苗", "潮新闻客户端", ("施雯", "蔡丽芬", "柴苗苗")),
])
def test_a_page_that_opens_with_its_credit_has_no_headline_of_it(head, source, authors):
    [article] = parse_text(crawled("", head=head))
    assert article.title != "潮新闻客户端"
    assert (article.source, article.authors) == (source, authors)
    assert article.body.startswith("近日")


def test_a_screenshot_caption_run_in_is_kept_whole():
    [article] = parse_text(crawled("", head="原标题：网友反映某医院门诊大厅办演唱会").replace("恢复良好。", "恢复良好。网友发布的现场视频截图据了解，"))
    assert [c.text for c in article.captions] == ["网友发布的现场视频截图"]
    assert "视频截图" not in article.body and "据了解，" in article.body


def test_a_screenshot_the_next_sentence_reads_from_is_no_caption():
    [article] = parse_text(crawled("").replace("恢复良好。", "恢复良好。视频截图显示，患者家属向医护人员鞠躬致谢。"))
    assert article.captions == () and "视频截图显示" in article.body
