"""Layouts of round zn (2026-12-07): an app's post with its bar and counters, a search engine's
cached copy, a web clipper's note whose headline is only in its front matter, an app channel's
reporter named without a role, an e-paper's masthead with its registration numbers, a podcast's
episode line. Short texts written for the tests in the shapes of the real ones."""

import datetime as dt

import pytest

from articles.extraction.entities import extract
from articles.parsing import parse_bytes
from tests.articles.parsed import only

pytestmark = pytest.mark.database_independent

BODY = ("　　8月7日起，某市妇幼保健院助产士门诊正式开诊，每周一到周六都有资深助产士坐诊，为孕28周以后的准妈妈提供一对一咨询。"
        "门诊开诊以来，已接待孕妇300余人次。\n\n")


def test_an_app_s_bar_and_counters_are_no_headline_and_its_edit_line_dates_the_post():
    article = only("小红书\n发现\n直播\n发布\n通知\n登录\n\n某市妇幼保健院\n关注\n\n1/6\n\n"
                   "助产士门诊开诊啦孕晚期姐妹看过来\n\n" + BODY + "编辑于 2023-08-09 浙江\n")
    assert article.title == "助产士门诊开诊啦孕晚期姐妹看过来"
    assert article.published == dt.date(2023, 8, 9)
    assert "发现" not in article.body and "1/6" not in article.body


def test_a_notice_s_one_word_title_stands_when_no_app_bar_is_around_it():
    article = only("通知\n\n各科室：\n\n" + BODY)
    assert article.title == "通知"


def test_a_posted_on_line_dates_the_post_and_names_no_source():
    article = only("助产士门诊正式开诊\n\n" + BODY + "发布于 2022-10-21 16:48・IP 属地江苏\n")
    assert article.published == dt.date(2022, 10, 21)
    assert article.source is None


def test_a_search_engine_s_cached_copy_keeps_its_banner_out():
    article = only("百度快照\n您查询的关键词是：某市人民医院 达芬奇 。如果打开速度慢，可以尝试快速版。\n"
                   "(百度和网页http://www.example.cn/jk/content_1.htm的作者无关，不对其内容负责。)\n\n"
                   "某市人民医院完成首例机器人辅助手术\n\n来源：某市日报　发布时间：2019-11-26 09:35:12\n\n" + BODY)
    assert article.title == "某市人民医院完成首例机器人辅助手术"
    assert article.published == dt.date(2019, 11, 26)
    assert "百度" not in article.body and "关键词" not in article.body


def test_a_clipper_s_front_matter_holds_the_headline_and_the_app_s_channel_its_reporter():
    article = only('---\ntitle: "某医院“云上查房”连通32家县级医院"\nsource: "https://wap.example.com/article/7512346"\n'
                   'published: 2024-06-17\ndescription: "“3床患者昨晚血氧饱和度最低到多少？”"\n---\n'
                   "人民日报客户端宁夏频道　马晓芸\n\n2024-06-17 10:26\n\n浏览量 2.8万\n\n" + BODY)
    assert article.title == "某医院“云上查房”连通32家县级医院"
    assert article.source == "人民日报客户端" and article.authors == ("马晓芸",)
    assert "浏览量" not in article.body and "https" not in (article.source or "")


def test_an_e_paper_s_masthead_and_its_day_with_the_page_count_are_no_headline():
    article = only("某某日报\n中共某某市委机关报　　国内统一连续出版物号 CN32-0078　　邮发代号 27-41\n"
                   "2021年3月9日　星期二　农历辛丑年正月廿六　　今日8版　　第11236期\n\n"
                   "市中医院获评全省中医药文化宣传教育基地\n\n" + BODY)
    assert article.title == "市中医院获评全省中医药文化宣传教育基地"
    assert article.published == dt.date(2021, 3, 9)


def test_a_podcast_s_episode_line_dates_the_episode():
    article = only("健康之声\nEP37｜在安宁疗护病房，我们陪病人好好告别\n52分钟 · 2024/10/12 · 1.3万次播放 · 326条评论\n\n" + BODY)
    assert article.title == "EP37｜在安宁疗护病房，我们陪病人好好告别"
    assert article.published == dt.date(2024, 10, 12)


def test_a_monitoring_report_s_quoted_stories_are_its_articles_with_their_outlets():
    story = "【标题】{title}\n【来源】{source}\n【发布时间】2023-05-22 07:30\n【情感倾向】正面\n【原文】\n" + BODY + "【处置建议】持续关注。\n\n"
    articles = parse_bytes("report.txt", (
        "某市卫生健康舆情日报\n\n2023年第97期（总第512期）\n\n【监测时段】2023年5月22日0时至24时\n"
        "【监测范围】新闻网站、报刊、新闻客户端\n\n一、舆情概况\n\n　　监测时段内共采集信息386条，舆情总体平稳。\n\n"
        + story.format(title="98岁老人髋部骨折 市中心医院让她术后第二天下地", source="某市日报（第2版）")
        + story.format(title="为2000余名学生“查脊柱” 市妇幼保健院健康守护进校园", source="某市发布（微信公众号）")
    ).encode()).articles
    assert [(a.title, a.source, a.published) for a in articles] == [
        ("98岁老人髋部骨折 市中心医院让她术后第二天下地", "某市日报", dt.date(2023, 5, 22)),
        ("为2000余名学生“查脊柱” 市妇幼保健院健康守护进校园", "某市发布", dt.date(2023, 5, 22))]
    assert "处置建议" not in articles[0].body and "舆情概况" not in articles[0].body


def test_a_妇幼保健院_is_no_part_of_its_staff_s_department():
    article = only("儿科义诊进社区\n\n" + BODY + "某市妇幼保健院儿童保健科主任谭若兰介绍，轻度脊柱侧弯可以得到有效控制。\n")
    assert {p.name: p.role for p in extract(article).people}["谭若兰"] == "儿童保健科主任"


def test_a_post_s_greeting_is_its_text_and_its_comments_are_not():
    article = only("助产士门诊开诊啦孕晚期姐妹看过来\n\n姐妹们好呀～这里是某市妇幼保健院🏥\n" + BODY
                   + "共 42 条评论\n\n今天也要喝热水\n孕30周了，老公能陪着一起进诊室吗？\n08-09 浙江\n赞 12\n回复\n")
    assert [s.heading for s in article.sections] == [None]
    assert article.paragraphs[0].text.startswith("姐妹们好呀")
    assert "老公" not in article.body and not article.captions


def test_a_place_of_a_rare_character_names_its_hospital():
    article = only("某某机器人手术完成\n\n　　11月22日，泷水市人民医院泌尿外科团队借助手术机器人，为一名68岁的患者实施根治术。"
                   "泷水市人民医院今年引进了第四代手术机器人。\n")
    assert extract(article).subject_hospitals == ["泷水市人民医院"]


def test_a_newsletter_s_numbered_contents_are_no_article():
    articles = parse_bytes("letter.txt", (
        "健康周报　　第128期　　2025年3月14日\n\n【本期导读】\n1. 某市第三人民医院开设“记忆门诊”\n2. 某县中医医院智能代煎中心上线\n\n"
        + "-" * 50 + "\n【医院动态】\n\n某市第三人民医院开设“记忆门诊”\n\n文／本刊记者 丁若溪\n\n" + BODY
        + "-" * 50 + "\n【基层·县域】\n\n某县中医医院智能代煎中心上线\n\n文／通讯员 储文静\n\n" + BODY).encode()).articles
    assert [a.title for a in articles] == ["某市第三人民医院开设“记忆门诊”", "某县中医医院智能代煎中心上线"]
    assert "2." not in articles[0].body


def test_an_archived_hospital_page_s_own_name_and_its_picture_placeholders():
    article = only("The Wayback Machine - https://web.archive.org/web/20200416021538/http://www.example.cn/a.html\n"
                   "9 captures\nAbout this capture\n\n某市第一医院\nMOUSHI FIRST HOSPITAL\n设为首页 | 加入收藏 | 院长信箱\n"
                   "当前位置：首页 > 新闻中心 > 医院动态\n\n向英雄致敬！我院援鄂医疗队员平安回家\n\n"
                   "发布时间：2020-04-15　来源：党委办公室　作者：郑雅琴\n\n" + BODY
                   + "　　（图片）\n　　医院领导在门诊广场迎接援鄂医疗队员归来\n\n" + BODY)
    assert extract(article).subject_hospitals == ["某市第一医院"]
    assert [c.text for c in article.captions] == ["医院领导在门诊广场迎接援鄂医疗队员归来"]
    assert article.authors == ("郑雅琴",) and [s.heading for s in article.sections] == [None]


def test_an_引题_that_opens_with_a_hospital_is_the_kicker_and_the_hospital_the_subject():
    article = only("某某日报\n\n某市第一人民医院牵头组建全市首个紧密型城市医疗集团\n“一张床”连起城乡“一家人”\n"
                   "——集团内双向转诊患者突破3000人次\n\n本报记者 陆文清\n\n" + BODY)
    assert article.kicker == "某市第一人民医院牵头组建全市首个紧密型城市医疗集团"
    assert article.title == "“一张床”连起城乡“一家人”"
    assert extract(article).subject_hospitals == ["某市第一人民医院"]
    other = only("某某日报\n\n公立医院高质量发展巡礼\n“一张床”连起城乡“一家人”\n——集团内双向转诊患者突破3000人次\n\n本报记者 陆文清\n\n" + BODY)
    assert other.kicker is None


def test_a_post_s_emoji_items_stand_alone_and_its_topic_tags_go():
    article = only("助产士门诊开诊啦孕晚期姐妹看过来\n\n" + BODY + "📍在哪里：门诊楼3楼产科诊区\n⏰什么时间：周一至周六 8:00-12:00\n"
                   "✅分娩计划制定：可以和助产士一起提前规划\n“很多准妈妈对分娩有恐惧。”助产士门诊负责人陈蔚然说。\n"
                   "#某市[话题]# #孕晚期[话题]# #助产士门诊[话题]#\n")
    texts = [p.text for p in article.paragraphs]
    assert texts[1:5] == ["📍在哪里：门诊楼3楼产科诊区", "⏰什么时间：周一至周六 8:00-12:00",
                          "✅分娩计划制定：可以和助产士一起提前规划", "“很多准妈妈对分娩有恐惧。”助产士门诊负责人陈蔚然说。"]
    assert "话题" not in article.body and not article.captions
