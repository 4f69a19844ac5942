"""Layouts of rounds ze and zf (2026-12-07): a video's transcript, a message board's form, a live
blog, a press release with its contacts, a word processor's pages, a contents box on an e-paper
page, a CMS page's image tags, a LaTeX source, a hospital's own paper, a forum thread, a career line
by line, a table, a bilingual page. Short texts written for the tests in the shapes of the real ones."""

import datetime as dt

import pytest

from articles.parsing import parse_bytes, parse_text
from tests.articles.parsed import only

pytestmark = pytest.mark.database_independent


def test_a_video_s_transcript_keeps_what_is_said_and_drops_what_is_shown():
    article = only(
        "健康某某 · 视频号\n【视频文字稿】“90后”ICU护士长的24小时\n2024年8月19日 18:30 发布于四川    时长 03:42\n"
        "出品：某某市融媒体中心\n记者：苏某某 唐某某\n\n[00:00]\n【画面】凌晨5点，重症监护室里监护仪的提示音此起彼伏\n"
        "【字幕】某某市第二人民医院 重症医学科\n【同期声】钟某某（某某市第二人民医院重症医学科护士长）：\n"
        "这个时间段是病人最容易出状况的时候，我们每隔一个小时就要给病人翻身、吸痰、看指标。\n\n[00:38]\n"
        "【解说】钟某某今年33岁，在重症医学科一干就是11年，她和42名护士实行“责任制整体护理”。\n\n责任编辑：杜某\n")
    assert (article.title, article.source, article.published) == ("“90后”ICU护士长的24小时", "某某市融媒体中心", dt.date(2024, 8, 19))
    assert article.authors == ("苏某某", "唐某某") and article.editors == ("杜某",)
    assert article.captions == () and [s.heading for s in article.sections if s.heading] == []
    assert "【" not in article.body and "[00:" not in article.body and "监护仪的提示音" not in article.body
    assert article.body.startswith("这个时间段") and "钟某某今年33岁" in article.body
    assert ("钟某某", "重症医学科护士长") in article.speakers


def test_a_message_board_s_form_dates_the_message_and_stays_out_of_the_text():
    article = only(
        "某网 > 领导留言板 > 某省 > 某市\n\n某市第一人民医院无痛胃肠镜预约要排一个多月，希望增加号源\n\n"
        "留言对象：某市委书记\n留言类型：建议      留言领域：卫生-医院管理\n留言人：网友（匿名）\n留言时间：2024-05-07 21:14\n状态：已办理\n\n"
        "留言内容：\n尊敬的领导您好！我母亲今年68岁，医生建议她到某市第一人民医院做无痛胃肠镜检查，预约要排到6月中旬以后。\n\n"
        "办理单位：某市卫生健康委员会\n回复时间：2024-05-16 10:32\n回复内容：\n网友您好！该院已于5月13日起将内镜中心检查时间延长至每天19:00。\n\n"
        "满意度：\n解决程度：已解决  办理态度：满意  办理速度：满意\n")
    assert article.published == dt.date(2024, 5, 7)
    assert all(word not in article.body for word in ("留言类型", "状态：", "办理速度", "回复时间"))
    assert "延长至每天19:00" in article.body


def test_a_live_blog_s_tools_are_no_caption():
    article = only("【图文直播】某市第二人民医院某院区正式启用\n2024-04-18 09:02  来源：某某发布\n\n"
                   "【最新】按时间倒序排列 · 下拉刷新\n\n11:26\n【直播结束】本场图文直播到此结束，感谢各位网友的关注！\n\n"
                   "[图片]\n▲市民在新院区自助机上挂号缴费（记者 彭某某 摄）\n\n09:00\n【直播开始】各位网友早上好！今天上午，某院区正式启用。\n")
    assert [c.text for c in article.captions] == ["市民在新院区自助机上挂号缴费"]
    assert "下拉刷新" not in article.body


def test_a_press_release_s_dateline_and_contacts():
    article = only(
        "新闻稿\n即时发布\n\n某市中心人民医院成功实施首例经导管三尖瓣置换术\n\n"
        "（2024年10月15日，江西某市）10月12日，某市中心人民医院心血管内科团队成功实施经导管三尖瓣置换术。\n\n"
        "【背景资料】\n某市中心人民医院始建于1939年，是一所三级甲等综合医院。\n\n"
        "【媒体联系人】\n罗某某  某市中心人民医院党委宣传部\n电话：0796-8223456\n邮箱：xcb@example.cn\n\n###\n")
    assert article.published == dt.date(2024, 10, 15)
    assert article.body.startswith("10月12日") and "罗某某" not in article.body and article.captions == ()


def test_a_word_processor_s_running_head_and_page_numbers_are_no_text():
    page_head = "某市中心医院 宣传稿件                                         内部资料 注意保存\n" + "—" * 48 + "\n"
    text = (page_head + "\n喜报！我院入选全国改善就医感受提升患者体验主题活动典型案例\n\n"
            "    近日，国家卫生健康委办公厅公布典型案例名单，某市中心医院报送的案例成功入选。今年1至10月累计服务患者4.2万\n"
            + "—" * 48 + "\n                                    第 1 页 共 2 页\n\n" + page_head
            + "人次，患者满意度达到98.6%。\n\n撰稿：宣传科 王某某\n某市中心医院宣传科\n2024年12月3日\n"
            + "—" * 48 + "\n                                    第 2 页 共 2 页\n")
    article = parse_bytes("稿件.txt", text.encode("gb18030")).articles[0]
    assert article.title == "喜报！我院入选全国改善就医感受提升患者体验主题活动典型案例"
    assert (article.authors, article.published, article.captions) == (("王某某",), dt.date(2024, 12, 3), ())
    assert "内部资料" not in article.body and "4.2万人次" in article.body


def test_a_contents_box_on_an_e_paper_page_is_no_headline():
    first = parse_text(
        "某阳日报\n2024年9月20日 星期五  第07版：健康周刊\n本版编辑：孔某某\n\n"
        "┌──────────── 导 读 ────────────┐\n  ▶5G+急救让“上车即入院”成为现实 ……见本版\n  ▶重阳节老年健康义诊活动预告 ……见08版\n"
        "└───────────────────────────────┘\n\n某阳市油田总医院\n5G+急救让“上车即入院”成为现实\n——我市首个5G智慧急救平台运行一周年\n\n"
        "□本报记者 任某某\n\n    去年9月，某阳市油田总医院建成我市首个5G智慧急救平台，一年来累计接诊急危重症患者3100余人次。\n")[0]
    assert (first.kicker, first.title, first.subtitle) == ("某阳市油田总医院", "5G+急救让“上车即入院”成为现实", "我市首个5G智慧急救平台运行一周年")
    assert first.captions == ()


def test_an_office_s_credit_and_an_image_s_load_error_are_no_caption():
    article = only("某医院2023年大事记\n\n1月6日，医院召开2023年工作会议。\n\n[图片]\n图片加载失败，点击重试\n\n"
                   "3月8日，医院妇产科护理团队荣获“某省三八红旗集体”称号。\n\n（党委办公室 供稿）\n责任编辑：何某某\n")
    assert article.captions == () and article.authors == () and "供稿" not in article.body


def test_a_latex_source_reads_as_its_typeset_text_with_spans_that_hold():
    source = ("% 健康版 稿件 终校\n\\documentclass[UTF8,a4paper]{ctexart}\n\\usepackage{graphicx}\n\n"
              "\\title{医联体建到家门口 山区群众看病不再难}\n\\author{本报记者 石某 \\and 通讯员 冯某某}\n\\date{2024年11月8日}\n\n"
              "\\begin{document}\n\\maketitle\n\n\\begin{center}\n{\\small 来源：某仁日报}\n\\end{center}\n\n"
              "11月5日上午，某某县人民医院三、四级手术量同比增长37\\%，县域内就诊率提升到91.2\\%。\n\n"
              "\\section{专家“下沉” 县里就能做大手术}\n\n某仁市人民医院先后派出28名专家常驻某某县，每周固定坐诊、查房、带教。\n\n"
              "\\begin{figure}[htbp]\n  \\centering\n  \\includegraphics[width=0.8\\textwidth]{figures/01.jpg}\n"
              "  \\caption{杨某某（左二）在某某县人民医院指导手术}\n  \\label{fig:surgery}\n\\end{figure}\n\n"
              "\\begin{flushright}\n（责任编辑：刘某）\n\\end{flushright}\n\\end{document}\n")
    article = only(source)
    assert (article.title, article.authors, article.source) == ("医联体建到家门口 山区群众看病不再难", ("石某", "冯某某"), "某仁日报")
    assert (article.published, article.editors) == (dt.date(2024, 11, 8), ("刘某",))
    assert [s.heading for s in article.sections if s.heading] == ["专家“下沉” 县里就能做大手术"]
    assert [c.text for c in article.captions] == ["杨某某（左二）在某某县人民医院指导手术"]
    assert "\\" not in article.body and "37%" in article.body
    paragraph = article.sections[0].paragraphs[0]
    start, end = paragraph.spans[0]
    assert source[start:end].startswith("11月5日上午")


def test_a_hospital_s_name_flush_right_under_its_reply_signs_it():
    article = only("医院停车位紧张，能否错峰开放内部车位？\n\n编辑同志：\n    我父亲每周要到某市中医伤科医院做两次康复理疗，门口车位太少。\n\n"
                   "【医院回复】\n    感谢读者对我院工作的关注。自6月20日起，医院将把职工停车场的80个车位向就诊群众错峰开放。\n"
                   "                                        某市中医伤科医院\n")
    assert article.captions == () and "某市中医伤科医院" not in article.body.splitlines()[-1]


HOUSE_PAPER = """某市第二人民医院报
MOUSHI SECOND PEOPLE'S HOSPITAL NEWS

2024年5月20日  星期一  第9期（总第217期）
主办：中共某市第二人民医院委员会  本版编辑：周某
内部资料  免费交流  川宜内资准字第（2023）011号

【本期导读】
★ 我院胸痛中心通过国家标准版再认证 …………1版
★ 心血管内科成功植入首例无导线起搏器 …………1版

■ 要闻

我院胸痛中心通过国家标准版再认证

本报讯（通讯员 罗某某）5月13日，中国胸痛中心联盟发布再认证结果，我院胸痛中心顺利通过标准版再认证，认证有效期延续至2027年。

心血管内科成功植入首例无导线起搏器

本报讯（通讯员 钟某某）近日，我院心血管内科团队为一名81岁的患者成功植入无导线起搏器，这是该技术在我院首次开展。

（第一版完）
"""


def test_a_hospital_s_own_paper_dates_its_items_and_its_we_means_the_hospital():
    from articles.extraction.entities import extract

    first, second = parse_text(HOUSE_PAPER)
    assert (first.title, first.published, first.authors) == ("我院胸痛中心通过国家标准版再认证", dt.date(2024, 5, 20), ("罗某某",))
    assert (second.published, second.authors) == (dt.date(2024, 5, 20), ("钟某某",))
    assert first.captions == second.captions == ()
    assert extract(first).subject_hospitals == extract(second).subject_hospitals == ["某市第二人民医院"]


def test_a_forum_thread_keeps_the_post_and_the_reply_it_quotes_not_the_replies_under_it():
    article = only(
        "某社区 > 某杂谈 > 浏览帖子\n\n带老人去某市中心医院看急诊等了5个小时，这正常吗？（已更新医院官方回复）\n\n"
        "楼主：青衣江畔的风  时间：2021-11-23 22:14:36  点击：8231  回复：156\n[只看楼主]  [收藏]  [分享到微博]\n\n"
        "11月21日晚上9点左右，我家老爷子在家突然说胸口闷、喘不上气，我们赶紧开车送到某市中心医院急诊。\n\n"
        "-----------\n楼主更新 2021-11-25 19:40\n前天在市长信箱反映了情况，今天医院给了回复：\n\n【官方回复】\n"
        "网友您好！感谢您对我院工作的关注和监督。科室已从11月24日起在夜间高峰时段增派1名主治医师。\n\n==========\n"
        "#1楼  作者：老猫不吃鱼  2021-11-23 22:31:05\n急诊就是这样，按病情轻重排，不是先来先看。\n")
    assert article.title == "带老人去某市中心医院看急诊等了5个小时，这正常吗？（已更新医院官方回复）"
    assert (article.authors, article.published) == (("青衣江畔的风",), dt.date(2021, 11, 23))
    assert "增派1名主治医师" in article.body and "按病情轻重排" not in article.body and "只看楼主" not in article.body


def test_a_career_line_by_line_and_its_issuer_in_brackets_are_no_captions():
    article = only("某县人民医院原院长张某某接受审查调查\n\n发布时间：2024-08-21  来源：某市纪委监委网站\n\n"
                   "据某市纪委监委消息，某县人民医院原党委副书记、院长张建功涉嫌严重违纪违法，目前正接受审查调查。\n\n"
                   "张建功简历\n\n1985.09—1990.07 某医学院临床医学专业学习\n1990.08—1998.03 某县人民医院外科医师\n"
                   "2016.09—2023.12 某县人民医院党委副书记、院长\n\n（某市纪委监委）\n")
    assert article.captions == () and "1990.08—1998.03 某县人民医院外科医师" in article.body
    assert "（某市纪委监委）" not in article.body


def test_a_table_whose_header_row_reads_as_channels_is_text_and_a_site_s_attachments_are_not():
    article = only("某医院2025年高层次人才引进公告\n\n为进一步加强人才队伍建设，现面向海内外公开引进高层次人才。\n\n二、引进岗位及条件\n\n"
                   "序号  岗位名称  引进人数  学历（学位）  专业要求  其他条件\n1  心血管内科医师  2  博士研究生  内科学  年龄40周岁及以下\n"
                   "2  神经外科医师  1  博士研究生  外科学  年龄40周岁及以下\n\n三、引进待遇\n\n（一）安家费：博士研究生40万元至60万元，学科带头人面议。\n\n"
                   "附件：\n1. 某医院高层次人才报名表.docx\n\n主办单位：某省卫生健康委员会  承办单位：某省卫生健康信息中心\n")
    assert article.captions == () and [s.heading for s in article.sections if s.heading] == ["引进岗位及条件", "引进待遇"]
    assert "心血管内科医师" in article.body and "附件" not in article.body and "主办单位" not in article.body


def test_a_bilingual_page_s_keys_carry_their_english_names():
    article = only("我院举办第二届国际医学交流周\nFAH Hosts the 2nd International Medical Exchange Week\n\n"
                   "发布日期 Date：2024-11-12    来源 Source：国际合作与交流处 International Office\n\n"
                   "11月8日至10日，由某大学附属第一医院主办的第二届国际医学交流周在广州举行。\n\n撰稿 Writer：梁某某    编辑 Editor：何某\n")
    assert (article.published, article.source) == (dt.date(2024, 11, 12), "国际合作与交流处")
    assert (article.authors, article.editors) == (("梁某某",), ("何某",))


def test_a_digest_s_reprints_start_at_their_rule_and_take_their_reprint_notes():
    page = ("某县人民医院\n首页 ＞ 新闻中心 ＞ 媒体聚焦\n\n媒体聚焦丨主流媒体关注我院卒中救治\n\n"
            "本栏目转载主流媒体对我院的相关报道，版权归原作者所有。\n\n━━━━━━━━━━━━━━━━\n\n"
            "转载自：某某健康报　2024年4月2日　第6版\n原文链接：https://www.example.cn/content_58812.htm\n\n"
            "卒中救治跑出“县域速度”\n\n本报记者　鲁冰清\n\n　　3月18日下午，67岁的老许突然口角歪斜，家人拨打120后送至某县人民医院。"
            "卒中团队从确诊到溶栓仅用时28分钟。\n\n━━━━━━━━━━━━━━━━\n\n"
            "转载自：“某县发布”微信公众号　2024年4月5日\n原文链接：https://mp.weixin.qq.com/s/Xk3p9Qa\n\n"
            "日间手术让患者“当天入院当天回家”\n\n　　4月3日上午，56岁的王女士在某县人民医院日间手术中心接受了腹腔镜胆囊切除术，下午便出院回家。\n\n"
            "记者：葛伟　　编辑：方圆\n")
    articles = parse_text(page)
    assert [(a.title, a.source, a.published) for a in articles] == [
        ("卒中救治跑出“县域速度”", "某某健康报", dt.date(2024, 4, 2)),
        ("日间手术让患者“当天入院当天回家”", "“某县发布”微信公众号", dt.date(2024, 4, 5))]
    assert not any("原文链接" in a.body or "http" in a.body for a in articles)


def test_a_report_s_parts_are_its_headings_its_marked_list_is_text_and_its_issue_date_dates_it():
    report = ("某市人民医院\n2023年度报告（摘编）\n\n\n前言\n\n　　2023年，医院圆满完成了年度各项目标任务。现将主要工作摘编如下。\n\n\n"
              "第一部分　年度运行概况\n\n　　全年完成门急诊量186.4万人次，同比增长12.3%。\n\n\n第二部分　荣誉榜\n\n"
              "　　2023年，医院共获得省级以上荣誉23项，主要有：\n\n　　◆ 某市人民医院荣获“全国改善医疗服务创新医院”称号\n"
              "　　◆ 急诊医学科荣获“全国青年文明号”称号\n　　◆ 产科病区荣获“全省巾帼文明岗”称号\n\n　　（其余市级荣誉41项略）\n\n\n"
              "第三部分　2024年工作计划\n\n　　2024年，医院将加快推进新院区二期建设。\n\n\n"
              "某市人民医院办公室　　　　　　　　2024年2月6日印发\n")
    article = only(report)
    assert [(s.label, s.heading) for s in article.sections] == [
        (None, "前言"), ("第一部分", "年度运行概况"), ("第二部分", "荣誉榜"), ("第三部分", "2024年工作计划")]
    assert article.captions == () and "急诊医学科荣获“全国青年文明号”称号" in article.body
    assert article.published == dt.date(2024, 2, 6) and "印发" not in article.body


def test_a_photo_story_s_numbered_captions_and_a_credit_that_names_the_writer_s_hospital():
    story = ("白衣执甲　护佑生命\n\n本报记者　钟岩　摄影报道\n\n　　5月12日是国际护士节。在某县人民医院，600余名护士日夜守护着患者的健康。\n\n"
             "　　图①：清晨7时30分，重症医学科护士床旁交接班。\n\n　　图②：急诊科护士为行动不便的老人推轮椅。\n\n"
             "　　在重症医学科工作了19年的护士长张慧敏说：“所有的辛苦都值得。”\n\n（某县人民医院 马骁 图/何婷）\n")
    article = only(story)
    assert [c.text for c in article.captions] == ["清晨7时30分，重症医学科护士床旁交接班", "急诊科护士为行动不便的老人推轮椅"]
    assert "图①" not in article.body and article.authors == ("钟岩", "马骁", "何婷")


def test_a_press_conference_s_form_is_no_caption_and_its_roster_names_the_hospital_s_leaders():
    transcript = ("【发布会实录】某市人民医院国家区域医疗中心建设取得阶段性成效\n\n发布会主题：某市人民医院国家区域医疗中心建设进展情况\n"
                  "时　　间：2024年7月26日（星期五）上午10:00\n地　　点：市政府新闻发布厅\n"
                  "发 布 人：某市卫生健康委员会党组书记、主任　廖国平\n　　　　　某市人民医院院长　沈屹\n"
                  "主 持 人：某市人民政府新闻办公室副主任　梁晓\n\n"
                  "　　梁晓：各位记者朋友，上午好！首先，请廖国平同志介绍有关情况。\n\n"
                  "　　沈屹：在学科建设方面，我们重点建设心血管、神经、肿瘤、创伤、儿科五大中心。\n\n"
                  "　　主持人：各位记者朋友，下面进入提问环节。\n")
    article = only(transcript)
    assert article.captions == () and article.published == dt.date(2024, 7, 26)
    assert ("沈屹", "院长") in article.speakers and not any(name == "廖国平" for name, _ in article.speakers)
    assert "发布厅" not in article.body and "主持人：各位记者朋友，下面进入提问环节。" in article.body


def test_a_clippings_file_s_items_start_at_their_rules_with_their_paper_and_stacked_headlines():
    clippings = ("宣传资料室 · 媒体报道剪报汇编（2023年6月）\n\n════════════════\n【剪报01】南方日报　2023年6月2日　第A06版：健康\n"
                 "════════════════\n\n引题：从“看病难”到“家门口看好病”\n主题：山区群众就医不再“翻山越岭”\n副题：——某大学附属医院三年帮扶见成效\n\n"
                 "南方日报记者 黄思敏\n\n5月下旬的一个上午，某县人民医院外科病房里，72岁的刘伯正在做术后康复训练。\n\n"
                 "════════════════\n【剪报02】羊城晚报　2023年6月9日　A5版\n════════════════\n\n某市第一人民医院\n"
                 "日间手术中心单日手术量突破百台\n\n文/羊城晚报记者 陈卓\n\n6月7日，某市第一人民医院日间手术中心完成手术103台，单日手术量首次突破百台。\n")
    articles = parse_text(clippings)
    assert [(a.kicker, a.title, a.subtitle, a.source, a.published) for a in articles] == [
        ("从“看病难”到“家门口看好病”", "山区群众就医不再“翻山越岭”", "某大学附属医院三年帮扶见成效", "南方日报", dt.date(2023, 6, 2)),
        ("某市第一人民医院", "日间手术中心单日手术量突破百台", None, "羊城晚报", dt.date(2023, 6, 9))]
    assert not any("═" in a.body or "剪报" in a.body for a in articles)


def test_an_e_paper_page_s_navigation_and_a_copied_post_in_markdown():
    page = ("某某日报 数字报\n2023年11月16日 星期四\n\n版面导航\n第01版：要闻\n第07版：健康\n\n第07版：健康　　　　上一版　下一版\n\n"
            "本版标题导航\n· 某市中心医院胸痛中心再提速\n· 某县：县级医院留住病人\n\n--------------------\n\n某市中心医院胸痛中心再提速\n\n"
            "□本报记者 刘晓燕\n\n11月10日凌晨，某县一名58岁男子突发胸痛，家属拨打120后被送至某市中心医院，从进门到血管开通仅用了41分钟。\n")
    [article] = parse_text(page)
    assert article.title == "某市中心医院胸痛中心再提速" and article.captions == ()
    post = ("# 不开胸、心不停跳！我院成功开展首例经导管二尖瓣缘对缘修复术\n\n"
            "原创 心内科 [某市第一人民医院](javascript:void(0);) *2024-03-12 17:46* *贵州*\n\n"
            "近日，某市第一人民医院心血管内科为一名82岁重度二尖瓣反流患者成功实施经导管二尖瓣缘对缘修复术。\n")
    [article] = parse_text(post)
    assert article.title == "不开胸、心不停跳！我院成功开展首例经导管二尖瓣缘对缘修复术"
    assert article.published == dt.date(2024, 3, 12) and "*" not in article.body and "javascript" not in article.body


def test_a_short_video_page_s_posts_keep_their_captions_text_not_the_counters_tags_and_comments():
    page = ("抖音 › 某市中心医院的主页\n\n某市中心医院\n抖音号：nyszxyy　　✓ 某市中心医院官方账号\n获赞 86.4万　关注 112　粉丝 23.1万\n\n"
            "———— 作品 ————\n\n【视频】凌晨三点的急诊室：8分钟打通“生命通道”\n某市中心医院　发布时间：2024-07-03 18:20　IP属地：江屏\n\n"
            "配文：\n凌晨3点，一名42岁男子胸痛、大汗淋漓，被家人搀扶着冲进急诊。从进门到球囊扩张，仅用时58分钟。\n\n"
            "出镜：梁海涛　拍摄/剪辑：何川\n\n#急诊科 #急性心梗 #胸痛中心\n♬ @某市中心医院创作的原声\n\n♥ 3.2万　💬 1168　★ 2041　↗ 5620\n\n"
            "热门评论\n用户7788：致敬！夜班的医生护士太辛苦了\n\n————————————\n\n某市中心医院　发布时间：2024-07-11 12:05　IP属地：江屏\n\n"
            "配文：\n“护士阿姨，我不怕打针了！”出院前，6岁的朵朵把一幅画送给了儿科病房的护士们，画上几个护士站在彩虹下面。\n\n#儿科 #暖心\n\n热门评论\n晴天：看哭了\n")
    articles = parse_text(page)
    assert [(a.title, a.source, a.published, a.authors) for a in articles] == [
        ("凌晨三点的急诊室：8分钟打通“生命通道”", "某市中心医院", dt.date(2024, 7, 3), ("何川",)),
        ("", "某市中心医院", dt.date(2024, 7, 11), ())]
    for furniture in ("#", "♬", "♥", "用户7788", "晴天", "IP属地", "配文", "获赞"):
        assert not any(furniture in a.body for a in articles)


def test_a_notice_s_grouped_list_keeps_its_group_headings_and_its_items_as_text():
    notice = ("某省卫生健康委员会关于公布2024年度新增三级甲等医院名单的通知\n\n发布日期：2024-09-20\n\n"
              "各市（州）卫生健康委，委直属各单位：\n\n经医院自评、省级现场评审等程序，确认某市第二人民医院等4家医院为三级甲等医院。现将名单公布如下：\n\n"
              "一、三级甲等综合医院（2家）\n\n1. 某市第二人民医院\n2. 某市中心医院\n\n二、三级甲等中医医院（2家）\n\n3. 某市中医医院\n"
              "4. 某市中西医结合医院\n\n以上医院等级有效期为4年，自2024年9月18日起计算。\n")
    article = only(notice)
    assert [(s.label, s.heading, len(s.paragraphs)) for s in article.sections] == [
        (None, None, 2), ("一", "三级甲等综合医院（2家）", 2), ("二", "三级甲等中医医院（2家）", 3)]


def test_a_platform_copy_s_cried_headline_over_its_account_and_a_paper_s_dated_issue_line():
    copy = ("首页 > 健康 > 正文\n\n县里也能“不开胸换瓣膜”！某县人民医院完成首例TAVR手术\n\n某县发布\n"
            "作者：某县发布 | 发布时间：2023-11-08 17:42 | 浙江\n某县融媒体中心官方账号    + 关注\n\n"
            "11月6日，在专家团队的指导下，某县人民医院成功为一名82岁患者实施经导管主动脉瓣置换术。\n")
    article = only(copy)
    assert article.title == "县里也能“不开胸换瓣膜”！某县人民医院完成首例TAVR手术"
    assert article.published == dt.date(2023, 11, 8) and "关注" not in article.body
    paper = ("某市第一人民医院报\n2024年4月15日  星期一  第286期（总第1032期）        第2版  医疗动态\n"
             "一 一一一一一一一一一一一一一一一一一一\n\n我院胸痛中心顺利通过国家标准版再认证\n\n"
             "本报讯 4月10日，中国胸痛中心总部公布再认证结果，我院胸痛中心顺利通过。\n\n（党委宣传部 孙悦）\n")
    article = only(paper)
    assert (article.title, article.published, article.authors) == ("我院胸痛中心顺利通过国家标准版再认证", dt.date(2024, 4, 15), ("孙悦",))


LEAD_ZK = ("近日，某某省人民医院“出院患者一码通”服务正式上线。出院患者只需扫描出院记录上的二维码，即可查看出院小结、"
           "检查检验报告和复诊提醒，实现出院后服务“一码通办”。")


def test_a_disclosure_page_s_table_is_metadata_and_its_headline_the_title():
    article = only(
        "某某省卫生健康委员会\n首页 > 政务公开 > 工作动态\n\n索引号：\t4300000014/2024-00318\n发布机构：\t某某省卫生健康委员会\n"
        "成文日期：\t2024-04-18\n文号：\t无\n有效性：\t有效\n主题词：\t医疗服务\n\n某某省人民医院上线“出院患者一码通”服务\n\n"
        f"信息来源：某某省人民医院    发布时间：2024-04-18 16:05\n\n{LEAD_ZK}\n\n主办单位：某某省卫生健康委员会\n")
    assert (article.title, article.published) == ("某某省人民医院上线“出院患者一码通”服务", dt.date(2024, 4, 18))
    assert article.source == "某某省人民医院" and article.captions == ()
    assert "有效" not in article.body and "主办单位" not in article.body


def test_a_press_release_s_kind_is_no_caption_and_its_date_under_the_end_mark_is_when_it_was_issued():
    article = only(
        "醫院管理局 Hospital Authority\n新聞公報\n\n某某醫院啟用新一代急症室分流系統\n\n＊＊＊＊＊＊＊＊＊＊\n\n"
        "　　醫院管理局（醫管局）今日宣布，某某醫院急症室的新一代電子分流系統已於上星期正式啟用，協助護士更快、更準確地為求診病人進行分流。\n\n"
        "完\n\n2024年6月3日（星期一）\n香港時間18時30分\n")
    assert article.title == "某某醫院啟用新一代急症室分流系統" and article.captions == ()
    assert (article.source, article.published) == ("醫院管理局", dt.date(2024, 6, 3))


def test_a_brief_s_issue_and_issuing_office_are_its_masthead():
    article = only(
        "卫生健康工作简报\n\n第17期\n\n某某省卫生健康委员会办公室                   2024年4月22日\n━━━━━━━━━━━━\n\n"
        "以“患者体验”为导向 重塑门诊服务流程\n——某某医科大学附属第一医院推进门诊改革的做法\n\n"
        "    今年以来，某某医科大学附属第一医院聚焦患者“挂号难、候诊久”等问题，以“患者体验”为导向重塑门诊服务流程，"
        "患者平均就诊时间由2.6小时缩短至1.4小时。\n")
    assert (article.title, article.subtitle) == ("以“患者体验”为导向 重塑门诊服务流程", "某某医科大学附属第一医院推进门诊改革的做法")
    assert (article.source, article.published) == ("某某省卫生健康委员会办公室", dt.date(2024, 4, 22))
    assert article.captions == ()


def test_a_roundup_s_header_dates_and_credits_items_each_headed_in_brackets():
    item = ("7月3日，某某市第一人民医院心内科团队成功完成一例高难度手术，患者术后恢复良好，已于近日康复出院。据介绍，"
            "该院今年以来已累计开展此类手术120余例，手术成功率达到98%以上，患者平均住院时间缩短了3天。（通讯员 顾某某）")
    articles = parse_text(
        "某某健康网 > 资讯 > 医卫快讯\n\n医卫快讯（第18期）｜本周医院动态\n\n2024-07-08 10:15    来源：某某健康网    编辑：陶某某\n\n"
        f"【某某市第一人民医院完成首例机器人辅助手术】\n{item}\n\n【某某县人民医院开设儿童近视防控门诊】\n{item}\n\n"
        f"【某某市中医院医疗队赴山区开展巡回义诊】\n{item}\n")
    assert [a.title for a in articles] == ["【某某市第一人民医院完成首例机器人辅助手术】", "【某某县人民医院开设儿童近视防控门诊】",
                                           "【某某市中医院医疗队赴山区开展巡回义诊】"]
    assert {(a.source, a.published, a.editors) for a in articles} == {("某某健康网", dt.date(2024, 7, 8), ("陶某某",))}
    assert not any(s.heading for a in articles for s in a.sections)


def test_a_hospital_paper_s_page_line_licence_and_editorial_footer_are_no_article_s_text():
    item = "3月8日，某某市中心医院召开2024年度工作会议，总结2023年工作，部署2024年重点任务。院领导班子成员、职工代表参加会议。"
    articles = parse_text(
        "某某市中心医院报\n主办：某某市中心医院    总第312期    2024年3月15日    星期五\n"
        "内部资料 免费交流    准印证号：（某）内资准字2019-017号\n\n第一版  要闻\n\n某某市中心医院：\n"
        f"召开2024年度工作会议 吹响高质量发展“集结号”\n\n本报讯（通讯员 黎某某）{item}\n\n————————————\n\n"
        f"“一站式”服务中心上线 患者少跑腿\n\n本报讯（通讯员 龙某某）{item}\n\n————————————\n"
        "本报编辑部    主编：杨某某    责任编辑：朱某\n")
    assert [(a.kicker, a.title) for a in articles] == [("某某市中心医院", "召开2024年度工作会议 吹响高质量发展“集结号”"),
                                                        (None, "“一站式”服务中心上线 患者少跑腿")]
    assert [a.editors for a in articles] == [("杨某某", "朱某"), ("杨某某", "朱某")]
    assert not any(s.heading for a in articles for s in a.sections)


def test_a_video_page_s_player_and_its_more_links_are_furniture():
    article = only(
        "【视频】国家区域医疗中心建设提速 群众在家门口看大病\n央视网    2024年06月18日 19:36    来源：新闻联播\n\n"
        "播放 00:00 / 02:47    标清 | 高清    分享到\n\n"
        "央视网消息（新闻联播）：国家区域医疗中心建设是推动优质医疗资源扩容下沉的重要举措，目前已有125个项目落地。\n\n"
        "责编：刘某\n\n更多新闻联播内容 >>\n·【新闻联播】全国夏粮收购进度过半    2024年06月18日\n")
    assert article.title == "国家区域医疗中心建设提速 群众在家门口看大病" and article.editors == ("刘某",)
    assert article.captions == () and not any(s.heading for s in article.sections)
    assert "夏粮" not in article.body and "播放" not in article.body


def test_a_quoted_subhead_with_a_comma_is_a_heading_among_quoted_ones():
    para = "十年前，这家县医院还只有300多张床位，不少患者外出就医。如今，医院已成为区域医疗中心，年门诊量超过80万人次。"
    article = only(f"一家山区县医院的“蝶变”之路\n\n{para}\n\n“小病不出乡，大病不出县”\n\n{para}\n\n“专家就在家门口”\n\n{para}\n\n"
                   f"“留住人才才能留住病人”\n\n{para}\n")
    assert [s.heading for s in article.sections if s.heading] == ["“小病不出乡，大病不出县”", "“专家就在家门口”", "“留住人才才能留住病人”"]
    assert article.captions == ()


def test_radicals_a_pdf_copies_out_for_simplified_characters_are_read_as_them():
    article = only("某地新闻\n\n深圳市南山区⼈⺠医院书记兼院⻓邓某文说，医院将扩建急诊科，提升急救能力，更好地服务辖区群众。\n")
    assert "深圳市南山区人民医院书记兼院长" in article.body


def test_a_bilingual_release_keeps_its_chinese_headline_sender_and_dateline():
    article = only(
        "新闻稿 | PRESS RELEASE\n即时发布 FOR IMMEDIATE RELEASE\n某某大学医学院附属某某医院 党委宣传部\n"
        "Mouhou Hospital, Mouhou University School of Medicine\n\n某某医院牵头成立长三角罕见病诊疗协作网\n"
        "Mouhou Hospital Leads Launch of Yangtze River Delta Rare Disease Network\n\n"
        "上海，2024年2月29日 —— 在第十七个国际罕见病日，由某某大学医学院附属某某医院牵头的长三角罕见病诊疗协作网正式成立。\n"
        "SHANGHAI, February 29, 2024 — On the 17th International Rare Disease Day, the network was launched.\n")
    assert (article.title, article.source) == ("某某医院牵头成立长三角罕见病诊疗协作网", "某某大学医学院附属某某医院")
    assert article.published == dt.date(2024, 2, 29) and article.body.startswith("在第十七个国际罕见病日")


@pytest.mark.parametrize("head, source, published", [
    # a portal's breadcrumb names the site; an interview's time is its day
    ("人民网 >> 强国论坛 >> 嘉宾访谈\n\n警惕卒中“年轻化” 识别症状与时间赛跑\n\n访谈时间：2024年10月29日 14:00\n"
     "访谈嘉宾：某某医院神经内科主任医师 孟某某\n", "人民网", dt.date(2024, 10, 29)),
    # a government release's source key
    ("澳門特別行政區政府新聞局\n\n仁伯爵綜合醫院急診大樓下月分階段啟用\n\n2024年9月10日 17:45　新聞稿來源：衛生局\n", "衛生局",
     dt.date(2024, 9, 10)),
    # a hospital site's poster before the time it posted
    ("某某大学附属医院\n当前位置：首页 > 院务公开 > 院务动态\n\n医院召开2024年党风廉政建设工作会议\n\n"
     "发布人：党委办公室　　发布时间：2024-02-27 16:05:12　　浏览次数：1368\n", None, dt.date(2024, 2, 27)),
])
def test_portal_pages_name_their_site_and_day(head, source, published):
    lead = "近日，某某医院召开专题会议，部署今年的重点工作，全院中层以上干部参加会议，会议对下一步工作提出明确要求。"
    article = only(f"{head}\n{lead}\n")
    assert article.published == published
    if source:
        assert article.source == source


def test_a_markdown_column_s_masthead_and_profile_table_are_no_headline():
    text = ("# 健康时报 · 名医说\n\n> **专家档案**\n>\n> | 项目 | 内容 |\n> |---|---|\n> | 姓名 | 吕某某 |\n"
            "> | 职称 | 主任医师、教授 |\n\n## 体检查出甲状腺结节，先别急着“一切了之”\n\n"
            "“医生，我的结节要不要马上切掉？”在某某医院甲状腺外科门诊，主任医师吕某某几乎每天都要回答几十遍这个问题。"
            "随着超声检查的普及，甲状腺结节的检出率越来越高。\n")
    [article] = parse_bytes("column.md", text.encode()).articles
    assert (article.title, article.source) == ("体检查出甲状腺结节，先别急着“一切了之”", "健康时报")
    assert "|" not in article.body and "项目" not in article.body


def test_a_yearbook_s_entries_are_articles_named_by_their_hospital():
    entry = ("{name}\n【概况】 {name}始建于1951年，是全市规模最大的集医疗、教学、科研、预防保健于一体的三级甲等综合医院，"
             "编制床位1500张，在职职工2316人。\n【医疗工作】 全年完成门急诊量156.8万人次，比上年增长9.1%，出院病人7.42万人次。\n")
    articles = parse_text("卫生健康                       · 285\n\n" + entry.format(name="某某市人民医院") + "\n"
                          + entry.format(name="某某市中医医院"))
    assert [a.title for a in articles] == ["某某市人民医院", "某某市中医医院"]


def test_a_list_of_those_honoured_under_a_decision_starts_no_article():
    decision = ("为表彰先进、树立典型，经研究，决定授予某某医院心血管内科等4个集体“全省卫生健康系统先进集体”称号。"
                "希望受到表彰的集体珍惜荣誉、再接再厉，在新的起点上再创佳绩。")
    articles = parse_text("省卫生健康委关于表彰2023年度全省卫生健康系统先进集体的决定\n\n" + decision + "\n\n某某省卫生健康委员会\n"
                          "2024年1月18日\n\n一、先进集体（4个）\n某某大学人民医院急诊科\n某某市中心人民医院\n某某市太和医院护理部\n"
                          "某某市中心医院\n")
    assert len(articles) == 1


def test_an_english_paragraph_s_full_stop_ends_it_before_the_next_chinese_one():
    article = only(
        "某某医院牵头成立罕见病诊疗协作网\n\n由某某医院牵头的长三角罕见病诊疗协作网今天在上海正式成立，42家医院共同发起。\n"
        "The Yangtze River Delta Rare Disease Network was launched in Shanghai today.\n"
        "罕见病病种多、单病种患者少，误诊率高、确诊周期长，协作网将建立统一的病例登记平台。\n")
    assert [p.text[:4] for p in article.paragraphs] == ["由某某医", "The ", "罕见病病"]


def test_markdown_subheadings_are_the_article_s_headings():
    para = "1993年，谭某某从湖南中医学院毕业后来到某某医院儿科，三十年来一直在门诊一线，看过的小患者超过30万人次。"
    text = (f"# 把脉“小儿咳喘”三十年\n\n{para}\n\n## 三十年守着一个“咳”字\n\n{para}\n\n"
            f"## “孩子不舒服，家长比孩子还着急”\n\n{para}\n\n## 把经验传下去\n\n{para}\n")
    [article] = parse_bytes("profile.md", text.encode()).articles
    assert article.title == "把脉“小儿咳喘”三十年"
    assert [s.heading for s in article.sections if s.heading] == ["三十年守着一个“咳”字", "“孩子不舒服，家长比孩子还着急”", "把经验传下去"]
    assert article.captions == ()
