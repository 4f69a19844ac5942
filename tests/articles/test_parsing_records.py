"""Files of records: a feed, a CSV export, a JSON export and a library database's export, each
read record by record with what its fields say (articles/parsing/records.py)."""

import datetime as dt

import pytest

from articles.parsing import parse_bytes, parse_text

from .test_parsing_properties import unaccounted

pytestmark = pytest.mark.database_independent

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>某某新闻·健康频道</title>
<link>https://example.cn/health</link>
<item>
<title>湖南省人民医院开通“空中急救”航线</title>
<link>https://example.cn/news/1</link>
<dc:creator>某某新闻记者 王小红 通讯员 李强</dc:creator>
<pubDate>Tue, 12 Sep 2023 09:30:00 +0800</pubDate>
<source url="https://example.cn">某某新闻</source>
<description><![CDATA[9月以来，湖南省人民医院的医疗救援直升机已三次起飞……]]></description>
<content:encoded><![CDATA[<p>9月以来，湖南省人民医院的医疗救援直升机已三次起飞，从湘西接回危重患者。</p>
<p>“高原转运最大的难题是颠簸。”急诊科主任张大伟说。</p>]]></content:encoded>
</item>
<item>
<title>长沙市中心医院老年门诊上线 子女可远程挂号</title>
<dc:creator>某某新闻记者 赵敏</dc:creator>
<pubDate>Wed, 13 Sep 2023 17:45:00 +0800</pubDate>
<description>&lt;p&gt;老人看病，子女不在身边也能帮上忙了。9月13日，长沙市中心医院老年友善门诊正式上线。&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

CSV = (
    "id,title,pub_date,source,author,content,url\r\n"
    "1,湘雅医院为96岁老人成功置换主动脉瓣,2023-07-03 09:15:00,华声在线,记者 李琪 通讯员 刘熙,"
    "\"96岁的刘爹爹近日在中南大学湘雅医院接受了经导管主动脉瓣置换术。\n"
    "\"\"整个手术只开了一个小口。\"\"心血管内科主任医师邓明华介绍。\",https://example.cn/1\r\n"
    "2,郑大一附院日间手术中心启用,2023-07-05,大河网,,\"7月5日，郑州大学第一附属医院日间手术中心正式启用。\",https://example.cn/2\r\n"
)

JSON_LINES = (
    '{"title": "南方医院开设夜间门诊", "date": "2023-07-24", "author": "王芳", "content": "暑假期间，南方医科大学南方医院开设夜间门诊。\\n门诊部主任刘洋说：\\u201c方便上班族。\\u201d"}\n'
    '{"title": "无正文的一条", "date": "2023-07-25"}\n'
    '{"title": "中山一院启用新院区", "date": "2023-07-26", "content": "中山大学附属第一医院东院区今日启用。"}\n'
)

LIBRARY_EXPORT = """中国重要报纸全文数据库　检索结果导出
共 2 条记录
========================================

【序号】1
【题名】山东省立医院开设罕见病多学科门诊
【作者】王晓燕；刘畅
【报纸】大众日报
【日期】2023-05-16
【正文快照】一名辗转多地求医七年的患者……
【全文】
　　5月15日，山东省立医院罕见病多学科诊疗门诊正式开诊。
　　副院长魏建国介绍，新门诊整合了院内18个临床科室。
========================================
【序号】2
【题名】青大附院5G急救车投入使用
【作者】张蕾
【报纸】青岛日报
【日期】2023-06-28
【全文】
　　青岛大学附属医院首批8辆5G急救车已投入使用。
"""


def test_a_feed_is_read_item_by_item_with_its_fields():
    first, second = parse_text(FEED)
    assert first.title == "湖南省人民医院开通“空中急救”航线"
    assert (first.published, first.source) == (dt.date(2023, 9, 12), "某某新闻")
    assert first.authors == ("王小红", "李强")
    assert first.body.startswith("9月以来") and "急诊科主任张大伟说" in first.body
    assert "CDATA" not in first.body and "……" not in first.body  # the teaser is not the body
    assert second.title.startswith("长沙市中心医院老年门诊上线")
    assert second.body.startswith("老人看病") and "&lt;" not in second.body and "<p>" not in second.body
    assert unaccounted(FEED) == []


def test_a_csv_export_is_one_article_a_row():
    first, second = parse_text(CSV)
    assert (first.title, first.published, first.source) == ("湘雅医院为96岁老人成功置换主动脉瓣", dt.date(2023, 7, 3), "华声在线")
    assert first.authors == ("李琪", "刘熙")
    assert '"整个手术只开了一个小口。"' in first.body and '""' not in first.body and "https" not in first.body
    assert (second.title, second.source, second.authors) == ("郑大一附院日间手术中心启用", "大河网", ())
    # every span still points at the file: the body's first words are where the row holds them
    start, end = first.paragraphs[0].spans[0]
    assert CSV[start:end].startswith("96岁的刘爹爹")
    assert unaccounted(CSV) == []


def test_json_lines_skip_a_record_without_a_body():
    articles = parse_bytes("export.jsonl", JSON_LINES.encode()).articles
    assert [a.title for a in articles] == ["南方医院开设夜间门诊", "中山一院启用新院区"]
    assert [a.position for a in articles] == [0, 1]
    assert articles[0].body == "暑假期间，南方医科大学南方医院开设夜间门诊。\n门诊部主任刘洋说：“方便上班族。”"
    assert articles[0].authors == ("王芳",)


def test_a_library_export_keeps_its_full_text_not_its_snapshot():
    first, second = parse_text(LIBRARY_EXPORT)
    assert (first.title, first.source, first.published) == ("山东省立医院开设罕见病多学科门诊", "大众日报", dt.date(2023, 5, 16))
    assert first.authors == ("王晓燕", "刘畅")
    assert first.body.count("5月15日") == 1 and "辗转多地" not in first.body and "=====" not in first.body
    assert second.title == "青大附院5G急救车投入使用" and second.authors == ("张蕾",)
    assert unaccounted(LIBRARY_EXPORT) == []


@pytest.mark.parametrize("text", [
    # a page that only mentions fields, a government page's metadata block, a crawled line
    "标题：某医院开展义诊活动\n发布时间：2023-07-05\n\n7月5日，某县人民医院在广场开展义诊活动，服务群众300余人。\n",
    "2023-08-19 11:32，正文：原标题：某医院开展义诊 海外网8月19日电 某县人民医院开展义诊，服务群众。",
    "名称,地址,电话\n某县人民医院,某路1号,0731-1234567\n",
])
def test_other_texts_are_not_read_as_records(text):
    from articles.parsing.records import read_records

    assert read_records(text) is None


LABELLED = """========================================
标题：厦门大学附属第一医院完成首例机器人辅助手术
来源：厦门日报
时间：2023年10月9日
作者：记者 林晓薇 通讯员 郑亚楠
正文：
近日，厦门大学附属第一医院泌尿外科团队借助手术机器人完成首例肾部分切除术。

义诊时间：10月19日9:00，来源：医院门诊部。泌尿外科主任陈文杰介绍，手术出血不到50毫升。

========================================
标题：吉大一院专家走进延边义诊
来源：吉林日报
时间：2023/10/12 14:00
正文：
（记者 赵思远）10月10日，吉林大学第一医院专家走进延边开展义诊。
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>健康频道</title>
  <entry>
    <title>华西医院日间手术突破30万例</title>
    <author><name>周洁</name></author>
    <author><name>李明</name></author>
    <published>2024-04-02T09:30:00+08:00</published>
    <source><title>四川在线</title></source>
    <content type="html">&lt;p&gt;4月1日，四川大学华西医院日间手术累计突破30万例。&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_articles_written_out_with_label_lines():
    first, second = parse_text(LABELLED)
    assert (first.title, first.source, first.published) == ("厦门大学附属第一医院完成首例机器人辅助手术", "厦门日报", dt.date(2023, 10, 9))
    assert first.authors == ("林晓薇", "郑亚楠")
    assert "正文" not in first.body and "来源：医院门诊部" in first.body  # after 正文： a line's label is the text's
    assert (second.title, second.published, second.authors) == ("吉大一院专家走进延边义诊", dt.date(2023, 10, 12), ("赵思远",))
    assert unaccounted(LABELLED) == []


def test_an_atom_entry_with_nested_source_and_two_authors():
    [article] = parse_text(ATOM)
    assert (article.source, article.authors, article.published) == ("四川在线", ("周洁", "李明"), dt.date(2024, 4, 2))
    assert article.body == "4月1日，四川大学华西医院日间手术累计突破30万例。"


def test_a_crawlers_epoch_time_and_an_exporters_written_out_line_breaks():
    exported = ('[{"title": "某医院开通夜间门诊", "pub_time": 1715477400000, "content": "5月11日，某市第一人民医院开通夜间门诊。"}]\n')
    [article] = parse_text(exported)
    assert article.published == dt.date(2024, 5, 12)  # 1715477400 s is 2024-05-12 09:30 in China
    tsv = "标题\t日期\t正文\n某医院晋升三甲\t2024/6/3\t6月3日，某县人民医院晋升三级甲等。\\n医院院长表示将继续努力。\n"
    [article] = parse_text(tsv)
    assert article.published == dt.date(2024, 6, 3)
    assert [p.text for p in article.paragraphs] == ["6月3日，某县人民医院晋升三级甲等。", "医院院长表示将继续努力。"]
