"""Layouts of real crawled news and of other genres, in short texts written for the tests."""

import datetime as dt

import pytest

from articles.extraction.entities import extract
from articles.parsing import parse_bytes, parse_text
from tests.articles.parsed import only

pytestmark = pytest.mark.database_independent

CRAWLED = (
    "2023-08-08 19:06，正文：原标题：长沙市第一医院开展大型爱心义诊活动中新网湖南新闻8月8日电（记者 王小明 通讯员 李红）"
    "8月8日，长沙市第一医院联合社区开展“健康进万家”义诊活动，为居民提供免费体检。活动现场，长沙市第一医院心内科主任张建国"
    "为居民讲解高血压防治知识。义诊活动现场 （王小明 摄）居民们纷纷表示受益匪浅。"
    "（来源：中新网）编辑：周丽 审核：陈刚返回搜狐，查看更多责任编辑：\n"
)


def test_crawled_page_gives_headline_date_dateline_and_credits():
    article = only(CRAWLED)
    assert article.title == "长沙市第一医院开展大型爱心义诊活动"
    assert article.published == dt.date(2023, 8, 8)
    assert article.source == "中新网"
    assert article.authors == ("王小明", "李红")
    assert article.editors == ("周丽", "陈刚")
    body = article.body
    assert body.startswith("8月8日，长沙市第一医院")
    for junk in ("正文", "原标题", "记者", "返回搜狐", "责任编辑", "编辑：", "来源", "中新网湖南新闻"):
        assert junk not in body
    assert [c.text for c in article.captions] == ["义诊活动现场"]  # the photo's credit is no part of it
    assert any(f.kind == "dropped_boilerplate" for f in article.flags)
    assert not any(f.kind == "missing_title" for f in article.flags)


def test_crawled_page_people_and_hospital():
    entities = extract(only(CRAWLED))
    assert entities.subject_hospitals == ["长沙市第一医院"]
    assert [(p.name, p.role) for p in entities.people] == [("张建国", "心内科主任")]


def test_headline_printed_twice_and_reporter_run_into_the_body():
    article = only(
        "2023-07-29 19:24，正文：原标题：暑期防溺水知识进社区暑期防溺水知识进社区 极目新闻记者 刘洋通讯员 陈静 王芳"
        "实习生 赵敏65岁的李婆婆一早就来到社区。她说，这样的讲座很实用。\n"
    )
    assert article.title == "暑期防溺水知识进社区"
    assert article.authors == ("刘洋", "陈静", "王芳", "赵敏")
    assert article.source == "极目新闻"
    assert article.body.startswith("65岁的李婆婆")


def test_run_in_headline_is_taken_only_on_evidence():
    repeated = only(
        "2023-08-11，正文：两女子因座位问题起争执，女子：女儿回家后一直哭泣8月9日，江苏一家米线店内，两名女子发生争吵。"
        "两女子因座位问题起争执，派出所表示此事还在处理中。\n"
    )
    assert repeated.title == "两女子因座位问题起争执，女子：女儿回家后一直哭泣"
    plain = only(
        "2023-08-17，正文：如果在公交车上遇到老人该不该让座？个人认为，让座是人情不让座是本分。一位男孩在医院查出重病。\n"
    )
    assert plain.title == ""
    assert [f.kind for f in plain.flags] == ["headline_not_printed"]
    assert plain.body.startswith("如果在公交车上遇到老人")


def test_document_not_about_a_hospital_names_none():
    article = only(
        "2023-07-17 06:24，正文：当地时间7月16日，一名游客在海边游泳时被水母蜇伤，随后被送往附近一家医院治疗，目前已无大碍。"
        "当地部门提醒游客注意安全。\n"
    )
    assert article.title == ""
    assert extract(article).subject_hospitals == []


def test_advertisement_and_related_links_are_dropped_with_a_flag():
    article = only(
        "2023-08-05 20:25，正文：近日，宁波市中医院皮肤科接诊了一名过敏患者。医生提醒市民注意饮食。来源：极目新闻"
        "即日起至8月21日，乘客打车全城8折！点击下方小程序，5折出发！\n"
    )
    assert article.source == "极目新闻"
    assert "小程序" not in article.body and "8折" not in article.body
    assert any(f.kind == "dropped_advertisement" for f in article.flags)


@pytest.mark.parametrize("text, expected", [
    ("近年来，衡阳市中医医院党委书记带领全院职工砥砺前行。", False),  # nothing converts
    ("近年来，衡阳市中医医院党委书记带领全院职工砥砺前行，醫院。", False),  # one character: a quotation
    ("近年來，衡陽市中醫醫院黨委書記帶領全院職工砥礪前行。", True),
    ("醫療醫" + "医院的职工" * 20, False),  # three converting in 103 characters of Chinese: under 1 in 25
    ("醫療醫" + "医院职工" * 10, True),  # three in 43
])
def test_a_text_is_read_as_traditional_when_one_character_in_25_converts(text, expected):
    from articles.parsing.script import is_traditional

    assert is_traditional(text) is expected


def test_traditional_big5_file_reads_like_its_simplified_original():
    simplified = (
        "衡阳市中医医院：\n仁和精诚铸医魂 服务人民谱华章\n发布时间：2022-03-01 来源：衡阳日报\n"
        "近年来，衡阳市中医医院党委书记、院长张建华带领全院职工砥砺前行。\n"
        "2021年，医院荣获“全国改善医疗服务示范医院”称号。\n"
    )
    traditional = (
        "衡陽市中醫醫院：\n仁和精誠鑄醫魂 服務人民譜華章\n發布時間：2022-03-01 來源：衡陽日報\n"
        "近年來，衡陽市中醫醫院黨委書記、院長張建華帶領全院職工砥礪前行。\n"
        "2021年，醫院榮獲“全國改善醫療服務示範醫院”稱號。\n"
    )
    parsed = parse_bytes("big5.txt", traditional.encode("big5"))
    assert parsed.encoding == "big5" and parsed.error is None
    printed, = parsed.articles
    original, = parse_text(simplified)
    assert printed.title == "仁和精誠鑄醫魂 服務人民譜華章"
    assert printed.kicker == "衡陽市中醫醫院"
    assert printed.published == original.published == dt.date(2022, 3, 1)
    assert [s.heading for s in printed.sections] == [s.heading for s in original.sections]
    ours, theirs = extract(printed), extract(original)
    assert ours.subject_hospitals == ["衡陽市中醫醫院"]
    assert [(p.name, p.role) for p in ours.people] == [("張建華", "黨委書記、院長")]
    assert [(p.name, p.role) for p in theirs.people] == [("张建华", "党委书记、院长")]
    assert [(h.name, h.year) for h in ours.honours] == [("全國改善醫療服務示範醫院", 2021)]
    assert ours.hospitals[0].place == theirs.hospitals[0].place
    assert ours.hospitals[0].place.city == "衡阳市"


def test_dates_in_chinese_numerals_and_full_width_digits():
    assert only("医院新闻标题一则\n发布时间：二〇二三年五月十二日\n医院开展义诊活动，服务群众三百余人。\n").published == dt.date(2023, 5, 12)
    assert only("医院新闻标题一则\n日期：２０２３年５月１２日\n医院开展义诊活动，服务群众三百余人。\n").published == dt.date(2023, 5, 12)


def test_work_report_gives_hospital_outline_and_speaker():
    article = only(
        "聊城市人民医院2023年工作报告\n院长 李明华\n各位代表、同志们：\n现在，我代表医院领导班子向大会报告工作，请予审议。\n"
        "一、2022年工作回顾\n过去一年，全院职工团结奋进，各项工作取得新成效。\n"
        "（一）医疗质量持续提升\n全年门诊量达到210万人次，三四级手术占比提高到62%。\n"
        "二、2023年工作安排\n我们将坚持公益性，推动医院高质量发展。\n"
    )
    assert article.title == "聊城市人民医院2023年工作报告"
    assert [(s.label, s.heading) for s in article.sections] == [
        (None, None), ("一", "2022年工作回顾"), ("一", "医疗质量持续提升"), ("二", "2023年工作安排"),
    ]
    assert article.sections[0].paragraphs[0].text == "各位代表、同志们："
    assert article.captions == ()
    entities = extract(article)
    assert entities.subject_hospitals == ["聊城市人民医院"]
    assert [(p.name, p.role, p.hospital) for p in entities.people] == [("李明华", "院长", "聊城市人民医院")]


def test_short_news_item_with_a_lead_dateline_is_one_section():
    article = only(
        "市中心医院开通夜间门诊\n本报讯（记者 王芳 通讯员 李强）8月1日起，洛阳市中心医院开通夜间门诊，方便上班族就医。\n"
    )
    assert article.title == "市中心医院开通夜间门诊"
    assert article.authors == ("王芳", "李强")
    assert len(article.sections) == 1 and article.sections[0].heading is None
    assert article.body.startswith("8月1日起")


def test_score_command_scores_a_folder_against_its_gold(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("score_extraction", "fixtures/inputs/unseen", "--gold", "fixtures/gold/unseen.json", "--quiet", stdout=out)
    assert out.getvalue().splitlines()[-1] == "score: 1.000"
    (tmp_path / "a.txt").write_text(CRAWLED, encoding="utf-8")
    out = StringIO()
    call_command("check_corpus", str(tmp_path), stdout=out)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines() if not line.startswith(" "))
    assert (lines["files"], lines["failed"], lines["title"], lines["source"], lines["body_footer"]) == ("1", "0", "1", "1", "0")


def test_a_file_of_short_fragments_is_one_flagged_article_not_thousands_of_captions():
    text = "\n".join(f"第{i}项 数据" for i in range(600)) + "\n"
    article = only(text)
    assert article.captions == () and article.title == ""
    assert [f.kind for f in article.flags] == ["fragmented_text", "missing_title"]
    assert article.body.count("数据") == 600  # nothing lost


def test_a_traditional_article_has_the_keywords_of_its_simplified_original():
    from articles.parsing.script import to_simplified
    from ingest.contract import analyse

    simplified = (
        "长沙市第一医院开展义诊活动\n8月8日，长沙市第一医院心内科主任张建国为居民讲解高血压防治知识，"
        "居民们纷纷表示受益匪浅。医院今年开展义诊活动二十余次。\n"
    )
    traditional = (
        "長沙市第一醫院開展義診活動\n8月8日，長沙市第一醫院心內科主任張建國為居民講解高血壓防治知識，"
        "居民們紛紛表示受益匪淺。醫院今年開展義診活動二十餘次。\n"
    )
    ours = analyse(only(traditional)).keywords
    assert [to_simplified(word) for word in ours] == list(analyse(only(simplified)).keywords)
    assert "心內" not in ours  # cut as 心内科 on the copy (printed, jieba cut 心內|科)


def test_the_simplified_copy_converts_each_character_as_opencc_does_on_its_own():
    # The copy is made with one table built by a single OpenCC call over every character.
    from articles.parsing.script import _CONVERTED_RANGES, _converter, to_simplified

    chars = "".join(chr(code) for low, high in _CONVERTED_RANGES for code in range(low, high + 1))
    one_by_one = "".join(new if len(new := _converter().convert(ch)) == 1 else ch for ch in chars)
    assert to_simplified(chars) == one_by_one != chars
    assert to_simplified("醫院 2021-10-04 ABC，") == "医院 2021-10-04 ABC，"


@pytest.mark.parametrize("inside, caption", [
    ("患者送来的6面锦旗。 通讯员 供图", "患者送来的6面锦旗"),
    ("举报信首页。图片来源于网络", "举报信首页"),
    ("突击检查现场。资料图", "突击检查现场"),
    ("上图：义诊的医护人员正在为市民做肺功能检查。本报记者 王佳 摄", "义诊的医护人员正在为市民做肺功能检查"),
])
def test_a_crawled_pages_photo_credit_in_its_other_forms_closes_a_caption(inside, caption):
    text = ("2023-08-11 10:00，正文：原标题：医院开展义诊活动中新网湖南新闻8月11日电（记者 王小明）8月10日，医院开展义诊活动，"
            f"为居民提供免费体检。{inside}“赵医生的医术真好！”一位居民说。\n")
    [article] = parse_text(text)
    assert [c.text for c in article.captions] == [caption]
    assert caption not in article.body and "“赵医生的医术真好！”一位居民说。" in article.body


def test_a_crawled_headline_ends_where_an_editor_credit_or_an_arrow_does():
    text = ("2023-08-04 10:00，正文：原标题：情报站|暖心！济南一小区内女子突然倒地，众邻居上演爱心接力！互动编辑 卢红8月3日，"
            "情报员“紫色云霓”向齐鲁壹点情报站发来一条暖心情报。邻居们合力将女子送往医院。\n")
    [article] = parse_text(text)
    assert article.title == "情报站|暖心！济南一小区内女子突然倒地，众邻居上演爱心接力！"
    assert article.editors == ("卢红",) and article.body.startswith("8月3日，情报员")


def test_a_crawled_pages_source_credit_glued_to_the_words_before_it():
    text = ("2023-08-04 10:00，正文：原标题：医院开展义诊活动中新网湖南新闻8月4日电（记者 王小明）8月3日，医院开展义诊活动，"
            "为居民提供免费体检，海南日报记者也来到现场来源：解放军报返回搜狐，查看更多责任编辑：\n")
    [article] = parse_text(text)
    assert article.source == "解放军报" and "来源" not in article.body
    # Glued to a word, a 来源 whose value names no outlet is a related headline, not a credit.
    [article] = parse_text(text.replace("来源：解放军报", "来源：印度iPhone手机起火"))
    assert article.source == "中新网湖南新闻"  # the dateline's


@pytest.mark.parametrize("credit, authors", [("（王天定 图/文）", ("王天定",)), ("(重庆市公共资源交易中心 供稿)", ())])
def test_a_crawled_pages_closing_credit_with_its_work_after_the_names(credit, authors):
    text = ("2023-08-04 10:00，正文：原标题：医院开展义诊活动中新网湖南新闻8月4日电 8月3日，医院开展义诊活动，"
            f"为居民提供免费体检。居民们纷纷表示受益匪浅。{credit}\n")
    [article] = parse_text(text)
    assert article.authors == authors and credit not in article.body


def test_a_crawled_headline_run_into_a_provincial_sites_dispatch():
    text = ("2023-08-16 10:37，正文：原标题：柳州市工人医院上线“先诊疗后付费”服务 患者就医更省心广西新闻网讯（记者 韦静 通讯员 覃小燕）"
            "8月15日，柳州市工人医院上线“先诊疗后付费”服务。\n")
    [article] = parse_text(text)
    assert article.title == "柳州市工人医院上线“先诊疗后付费”服务 患者就医更省心"
    assert (article.source, article.authors) == ("广西新闻网", ("韦静", "覃小燕"))


@pytest.mark.parametrize("line, title", [
    # A headline, the space the page kept for its paragraph break, then a dated lead.
    ("2023-08-14，正文：病房里的特殊婚礼：护士们为患者圆梦，目前患者病情稳定 8月12日，在芜湖市第二人民医院，一场婚礼在病房举行。",
     "病房里的特殊婚礼：护士们为患者圆梦，目前患者病情稳定"),
    # A bracketed label opens the headline; the date after it is the headline's, not the lead's.
    ("2023-08-12 20:58，正文：原标题：【通知】8月20日在城关镇义诊，21日在东村。。。为方便群众，铜陵市人民医院将于每天上午开展义诊。",
     "【通知】8月20日在城关镇义诊，21日在东村"),
])
def test_crawled_headline_ends_at_a_kept_space_and_keeps_its_label(line, title):
    assert only(line + "\n").title == title


def test_crawled_dispatch_of_an_outlet_no_list_knows_is_read_by_its_byline():
    article = only("2023-08-01 15:57，正文：原标题：七旬老人重获光明 义诊送来新希望 晨光讯（记者 孙明远）“真没想到还能看得这么清楚。”"
                   "7月25日上午，在宝鸡市中心医院眼科，72岁的刘大爷复查时笑着说。\n")
    assert article.title == "七旬老人重获光明 义诊送来新希望"
    assert article.source == "晨光"
    assert article.authors == ("孙明远",)
    assert article.body.startswith("“真没想到")


def test_crawled_site_page_with_breadcrumbs_page_data_and_footer():
    article = only(
        "2023-10-19 17:05，正文：当前位置：首页 > 新闻中心 > 医院新闻我院召开2023年护理质量分析会发布时间：2023-10-18 16:52:08 "
        "浏览次数：802 来源：护理部 作者：护理部 周静 摄影：李强【字体：大 中 小】10月17日，绵阳市中心医院召开2023年第三季度护理质量分析会。"
        "护理部主任王丽通报了各病区的质量指标。（图为会议现场）会议要求各病区对照问题逐项整改。【打印本页】【关闭窗口】"
        "上一篇：我院开展世界镇痛日义诊下一篇：我院召开医疗质量管理委员会会议Copyright © 2015-2023 绵阳市中心医院 版权所有\n")
    assert article.title == "我院召开2023年护理质量分析会"
    assert article.published == dt.date(2023, 10, 18)
    assert article.source == "护理部"
    assert article.authors == ("周静",)
    assert [c.text for c in article.captions] == ["图为会议现场"]
    body = article.body
    assert body.startswith("10月17日，绵阳市中心医院")
    assert body.endswith("会议要求各病区对照问题逐项整改。")
    for junk in ("当前位置", "浏览次数", "字体", "打印本页", "上一篇", "Copyright", "图为会议现场"):
        assert junk not in body


def test_crawled_county_item_with_its_credits_run_into_the_headline():
    article = only(
        "2023-12-05 16:18，正文：德清县人民医院日间病房启用 患者“当天入院、当天出院”来源：德清县融媒体中心作者：沈佳 陈杰"
        "编辑：潘婷审核：朱强发布时间：2023-12-05 16:18:36德清融媒讯（记者 沈佳 陈杰）12月4日上午，德清县人民医院日间病房正式启用。"
        "首批开放床位20张。（完）责编：王凯 终审：吴涛【打印】【关闭】\n")
    assert article.title == "德清县人民医院日间病房启用 患者“当天入院、当天出院”"
    assert article.source == "德清县融媒体中心"
    assert article.authors == ("沈佳", "陈杰")
    assert article.editors == ("潘婷", "朱强", "王凯", "吴涛")
    assert article.body == "12月4日上午，德清县人民医院日间病房正式启用。首批开放床位20张。"


def test_crawled_copy_names_its_original_headline_and_credits_last():
    article = only(
        "2023-08-09 15:42，正文：厦门网讯（记者 林晓 通讯员 陈萱）8月5日下午，一名游客在鼓浪屿突然倒地。经过50分钟抢救，"
        "厦门大学附属第一医院的医生救回了他。（原标题：游客鼓浪屿突发心脏骤停 医院接力抢回一条命）本文来源：厦门网-厦门日报 "
        "作者：林晓 责任编辑：陈思_NF5619\n")
    assert article.title == "游客鼓浪屿突发心脏骤停 医院接力抢回一条命"
    assert article.editors == ("陈思",)
    assert article.body.endswith("的医生救回了他。")
    assert not any(f.kind == "headline_not_printed" for f in article.flags)


@pytest.mark.parametrize("line, title", [
    # A headline in two parts run into a quote that opens the lead.
    ("2023-07-28，正文：女童眼睛受伤后续！镇领导：督促对方先付医药费“经过协调，对方答应先付5万元。”7月2日，记者来到镇卫生院。",
     "女童眼睛受伤后续！镇领导：督促对方先付医药费"),
    # The lead's first words say since when.
    ("2023-08-08 17:39，正文：原标题：儿童医院暑期“小胖墩儿”扎堆就诊暑假以来，西安市儿童医院营养科门诊的日接诊量增长了三成。",
     "儿童医院暑期“小胖墩儿”扎堆就诊"),
    ("2023-08-15 18:21，正文：原标题：医生被实名举报，吃回扣、走穴捞金随着医疗反腐深入，许多问题浮出水面。8月9日，某医院回应。",
     "医生被实名举报，吃回扣、走穴捞金"),
    ("2023-08-07 10:43，正文：原标题：大爱同仁堂，善行暖人心系列捐赠开展继7月初北京同仁堂开展捐赠活动后，和田地区人民医院又收到一批药品。",
     "大爱同仁堂，善行暖人心系列捐赠开展"),
])
def test_crawled_headline_ends_where_a_quote_or_a_since_opens_the_lead(line, title):
    assert only(line + "\n").title == title


def test_a_speech_in_the_lead_makes_no_headline_of_the_words_before_it():
    article = only("2023-08-18 20:44:45，正文：正常情况下，一个人一天心跳约10万次，而17岁男孩小丸竟然有15万次！小丸妈妈说："
                   "“孩子特别喜欢骑自行车，经常沿太湖骑行。”近日，无锡市人民医院为他做了手术。\n")
    assert not article.title


@pytest.mark.parametrize("line, source, authors", [
    ("2023-07-25，正文：本报讯(沈阳日报、沈报全媒体主任记者 尚志文)7月24日记者获悉，沈阳市第一人民医院开通慢病门诊。\n",
     "沈阳日报", ("尚志文",)),
    ("2023-08-01，正文：暑假期间，湘雅医院减重门诊接诊量大增。医生提醒，超重青少年要科学减重。（记者 帅才 程济安 长沙报道）\n",
     None, ("帅才", "程济安")),
])
def test_a_reporters_outlets_and_where_the_report_was_filed_are_no_names(line, source, authors):
    article = only(line)
    assert article.authors == authors
    assert article.source == source


def test_a_reporter_who_learned_something_lately_is_no_credit():
    article = only("2023-08-17 06:20，正文：本报讯(沈阳日报、沈报全媒体高级记者樊华)记者近日获悉，沈阳市第六人民医院开展查房竞赛。\n")
    assert article.authors == ("樊华",)
    assert article.body.startswith("记者近日获悉")


@pytest.mark.parametrize("line, title, source", [
    ("2023-08-24 10:18，正文：于都县人民医院专家进村义诊 300余名群众家门口看“名医”客家新闻网讯（记者 钟华 通讯员 刘志强）"
     "“血压有点高，降压药要按时吃。”8月22日上午，于都县人民医院心血管内科医生在村里义诊。\n",
     "于都县人民医院专家进村义诊 300余名群众家门口看“名医”", "客家新闻网"),
    ("2023-10-19 08:26，正文：原标题：七十载薪火相传 守护鹿城百姓健康包头新闻网讯（记者 张慧敏）10月18日上午，包头市中心医院建院70周年纪念大会举行。\n",
     "七十载薪火相传 守护鹿城百姓健康", "包头新闻网"),
    ("2024-01-15 19:33，正文：原标题：雨雪天右转未让行，货车与电动自行车相撞致一人重伤鲁中晨报记者 赵鹏飞 1月14日17时40分许，张店区发生一起交通事故。\n",
     "雨雪天右转未让行，货车与电动自行车相撞致一人重伤", "鲁中晨报"),
    ("2023-08-10，正文：原标题：黑摩的司机谎话被揭穿北京日报客户端 | 记者 王海燕 近日，北京市交通执法总队查处一辆黑摩的。\n",
     "黑摩的司机谎话被揭穿", "北京日报客户端"),
])
def test_crawled_headline_ends_where_an_outlet_no_list_knows_begins_its_dispatch(line, title, source):
    article = only(line)
    assert article.title == title
    assert article.source == source


def test_a_stationed_reporters_bracket_and_a_sites_channel_after_its_name():
    article = only("2023-07-25 07:03，正文：原标题：日本反战作家森村诚一去世，享年90岁【环球时报驻日本特约记者 蒋丰 环球时报特约记者 严格】"
                   "24日上午，森村诚一因肺炎在东京都内医院去世。\n")
    assert article.title == "日本反战作家森村诚一去世，享年90岁"
    assert (article.source, article.authors) == ("环球时报", ("蒋丰", "严格"))
    assert only("2023-08-01，正文：【来源：扬州网_扬州民生】记者昨日获悉，扬州市中医院西区院即将启用。\n").source == "扬州网"


def test_a_dispatchs_date_is_no_lead_and_a_caption_before_a_dispatch_is_no_headline():
    article = only("2024-03-06 09:55:31，正文：原标题：守护早产儿26年 海南省人民医院符海燕获评全国三八红旗手南海网海口3月5日讯（记者 王瑞）"
                   "近日，全国妇联公布2023年度全国三八红旗手名单。\n")
    assert article.title == "守护早产儿26年 海南省人民医院符海燕获评全国三八红旗手"
    assert article.authors == ("王瑞",)
    article = only("2023年08月04日 18:15:02，正文：活动现场四川新闻网-首屏新闻成都8月4日讯（记者 陈淋）8月2日，科普进校园活动在成都市第五人民医院举行。\n")
    assert not article.title


def test_a_crawled_pages_related_reading_after_its_credits_is_no_body():
    lead = "近日，海南省人民医院新生儿科主任符海燕获评全国三八红旗手。" + "她扎根新生儿救治一线26年，带领团队开展新技术20余项，危重新生儿救治成功率提高到97%以上。" * 2
    article = only(f"2024-03-06，正文：{lead}（编辑：符雅 审核：周明）"
                   "推荐阅读三亚市人民医院新生儿科迎来首个“千克宝宝”出院 省人民医院举办新生儿急救技能培训班\n")
    assert article.body == lead
    assert article.editors == ("符雅", "周明")


def test_a_heading_run_in_between_two_sentences_of_a_crawled_page():
    article = only("2023-07-27，正文：近日，南京鼓楼医院脊柱外科接诊了五个“下腰瘫”孩子。“孩子的脊髓出现了缺血断裂的表现。”"
                   "儿童脊髓损伤的第一大原因近年来，“下腰瘫”孩子数量总体呈现逐年上升趋势。医生提醒家长注意。"
                   "【写在最后】在练习舞蹈前，一定要做好热身。\n")
    assert [s.heading for s in article.sections if s.heading] == ["儿童脊髓损伤的第一大原因", "写在最后"]
    article = only("2023-08-01，正文：近日，该院医务人员严格按照规定完成了培训。希望大家珍惜此次培训机会，认真学习急救知识。\n")
    assert [s.heading for s in article.sections if s.heading] == []


def test_a_bracketed_dispatch_ends_a_headline_and_a_reading_time_is_no_caption():
    article = only("2023-08-15，正文：阿富汗一家酒店发生爆炸 7名伤者已被送往医院【新华社微特稿】阿富汗东南部霍斯特市一家酒店14日发生爆炸。"
                   "伤者被送往当地医院救治。（完）\n")
    assert (article.title, article.source) == ("阿富汗一家酒店发生爆炸 7名伤者已被送往医院", "新华社")
    article = only("2023-08-09 12:00:00，正文：全文共742字，阅读大约需要2分钟近日，普洱市人民医院原院长被查一事引发关注。"
                   "据通报，其涉嫌严重违纪违法。\n")
    assert article.captions == ()
    assert article.body.startswith("近日，普洱市人民医院")


def test_a_crawlers_line_without_its_prefix_and_a_page_data_preamble_before_the_headline():
    lead = "3月12日上午，宜昌市中心人民医院日间手术中心正式启用，首日即有14名患者接受手术。" * 5
    article = only(f"{lead}（三峡日报全媒体记者 程思远 通讯员 向丽） 编辑：王晶\n")
    assert (article.authors, article.editors, article.source) == (("程思远", "向丽"), ("王晶",), "三峡日报")
    assert article.body == lead
    article = only("发布时间:2023年07月12日 10:05 来源:大众网 作者:王振 责任编辑:赵敏 莒县人民医院胸痛中心顺利通过国家标准版认证 "
                   + "近日，莒县人民医院胸痛中心顺利通过国家标准版认证，患者从进门到血管开通的时间缩短至60分钟以内。" * 4 + "\n")
    assert article.title == "莒县人民医院胸痛中心顺利通过国家标准版认证"
    assert (article.published, article.source, article.editors) == (dt.date(2023, 7, 12), "大众网", ("赵敏",))


def test_headlines_run_in_before_an_em_space_a_bracketed_dated_dispatch_or_an_occasion():
    article = only("2023-08-11 18:16，正文：原标题：连续13载！章丘区人民医院举办职工学子升学联谊会\u2003\u2003鲁网8月11日讯8月10日上午，"
                   "章丘区人民医院举办升学联谊会。（本网记者）返回搜狐，查看更多责任编辑：\n")
    assert (article.title, article.source) == ("连续13载！章丘区人民医院举办职工学子升学联谊会", "鲁网")  # not `本网`
    assert article.body.startswith("8月10日上午")
    article = only("2023-08-17 16:22，正文：原标题：孩之宝慈善行动：为困境儿童送上7442份玩具(知消2023年8月17日讯)玩具公司孩之宝"
                   "日前将7442份玩具送至上海市儿童医院。\n")
    assert (article.title, article.source) == ("孩之宝慈善行动：为困境儿童送上7442份玩具", "知消")
    article = only("2023-08-01 16:37，正文：原标题：景县开展“情暖退役军人”志愿服务活动在第96个建军节到来之际，景县妇联开展走访慰问活动。\n")
    assert article.title == "景县开展“情暖退役军人”志愿服务活动"


def test_a_cry_before_the_leads_date_and_a_wire_features_headline():
    article = only("2023-08-14，正文：男子跳火堆松香粉太多秒成火人，全身二度烧伤！8月12日，云南大理。一男子在火把节被烧伤，"
                   "被送往大理州人民医院救治。\n")
    assert article.title == "男子跳火堆松香粉太多秒成火人，全身二度烧伤！"
    article = only("2023-07-29 03:53:26，正文：中新社拉萨7月29日电 题：保护传承发展好藏医药独特文化中新社记者 江飞波 贡桑拉姆"
                   "“藏医药文化是中华文化宝库中的瑰宝。”7月28日，西藏自治区藏医院举办座谈会。\n")
    assert (article.title, article.source) == ("保护传承发展好藏医药独特文化", "中新社")
    assert article.authors == ("江飞波", "贡桑拉姆")  # a four-character name before the lead's quote
    assert article.body.startswith("“藏医药文化")
    article = only("2023-08-05，正文：广告 牛股来了！8月5日重点关注这3股！张大爷老人晕倒。8月4日，常德市第一人民医院救治一名晕倒老人。\n")
    assert not article.title.startswith("广告")
    article = only("2023-08-03，正文：原标题：东营市人民医院护士长的一天大众网记者 赵奕宁 通讯员 王真真 东营报道“这世界哪有那么多岁月静好。”"
                   "8月2日，东营市人民医院护士长李敏早早来到病房。\n")
    assert article.authors == ("赵奕宁", "王真真")  # `东营报道` says where from


def test_a_crawled_caption_that_opens_with_a_quote_keeps_it():
    article = only("2023-08-02，正文：近日，某县人民医院开展义诊。医护人员为村民免费测量血压。“送医送药进乡村”义诊活动。王津淼供图"
                   "义诊结束后，医护人员还走访了困难家庭。他说“感觉很好”。图片来源：网络截图。活动将持续一个月。\n")
    assert [c.text for c in article.captions] == ["“送医送药进乡村”义诊活动"]
