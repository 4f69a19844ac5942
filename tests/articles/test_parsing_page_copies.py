"""Articles copied with the page around them: a portal's navigation and tools, an e-paper's
masthead, a WeChat post's prompts, a notice's contact block. Short texts written for the tests
in the shapes such copies have; what is furniture is dropped, and nothing of the article is."""

import datetime as dt

import pytest

from articles.extraction.entities import extract
from articles.parsing import parse_text

pytestmark = pytest.mark.database_independent

PORTAL = """人民网首页 | 要闻 | 时政 | 国际 | 地方 | 健康 | 科技
人民网 >> 健康·生活 >> 医疗卫生

平凉市人民医院胸痛中心启用

2023-04-21 15:32  来源：人民网-健康频道

分享到：  微信  微博  QQ空间
字号：大 中 小  打印本页  关闭窗口

人民网平凉4月21日电 （记者 马文娟）4月20日，平凉市人民医院胸痛中心正式启用，患者从入院到开通血管的时间缩短了一半。

平凉市人民医院心内科团队正在为患者手术。医院供图

该院心内科主任赵立新介绍，中心组建了24小时值班的介入团队。

（责编：杨迪、孙婧）

相关新闻
· 国家卫健委：持续推进分级诊疗
"""


def test_a_portal_page_keeps_the_article_and_drops_its_navigation_and_tools():
    [article] = parse_text(PORTAL)
    assert article.title == "平凉市人民医院胸痛中心启用"
    assert article.published == dt.date(2023, 4, 21)
    assert article.source == "人民网-健康频道"
    assert article.authors == ("马文娟",)
    assert article.editors == ("杨迪", "孙婧")
    assert [c.text for c in article.captions] == ["平凉市人民医院心内科团队正在为患者手术"]
    assert article.body.startswith("4月20日，平凉市人民医院胸痛中心正式启用")
    assert "该院心内科主任赵立新介绍" in article.body  # a share bar above the text ends nothing
    for furniture in ("要闻", "健康·生活", "分享到", "打印本页", "供图", "责编", "分级诊疗"):
        assert furniture not in article.body
    assert {f.kind for f in article.flags} >= {"dropped_navigation", "dropped_boilerplate"}


EPAPER = """健康时报 2022年11月03日 第05版：医院管理

本版编辑：孙莉莉  美编：赵阳

上一版  下一版  版面导航  PDF下载

公立医院高质量发展巡礼
以学科之“强”托起百姓健康之“重”
——沧州市中心医院高质量发展纪实

本报记者 高晓燕 通讯员 李振国

沧州市中心医院始建于1950年，现开放床位3200张。

──────────────────────────────

社区医院开出“睡眠门诊”

本报讯（记者 陈思远）近日，枫林街道社区卫生服务中心开设睡眠门诊，每周三下午接诊。
"""


def test_an_e_paper_page_gives_its_masthead_to_every_item_and_its_headline_stack_apart():
    first, second = parse_text(EPAPER)
    assert first.title == "以学科之“强”托起百姓健康之“重”"
    assert first.kicker is None  # the line above the headline names no hospital
    assert first.subtitle == "沧州市中心医院高质量发展纪实"
    assert first.editors == ("孙莉莉", "赵阳")
    assert first.authors == ("高晓燕", "李振国")
    assert second.title == "社区医院开出“睡眠门诊”"
    assert second.authors == ("陈思远",)
    for article in (first, second):
        assert article.source == "健康时报"
        assert article.published == dt.date(2022, 11, 3)
        assert "版面导航" not in article.body and "─" not in article.body
    assert first.body == "沧州市中心医院始建于1950年，现开放床位3200张。"


WECHAT = """点击上方蓝字关注我们

凝心聚力谱新篇丨我院召开上半年工作总结大会

原创 湘潭市中医医院 湘潭市中医医院 2023-06-18 08:30 发表于湖南

6月16日下午，湘潭市中医医院上半年工作总结大会召开。

▲会议现场

党委书记谭建华作工作报告。

来源：湘潭市中医医院宣传科
文/图：刘思远
编辑：张雅婷
审核：何志勇

- END -

点个“在看”，分享给更多人

往期推荐
夏季“三伏贴”开始预约啦！
阅读 2386
"""


def test_a_wechat_post_loses_its_prompts_and_keeps_its_credits():
    [article] = parse_text(WECHAT)
    assert article.title == "凝心聚力谱新篇丨我院召开上半年工作总结大会"
    assert article.published == dt.date(2023, 6, 18)
    assert article.source == "湘潭市中医医院宣传科"
    assert article.authors == ("刘思远",)
    assert article.editors == ("张雅婷", "何志勇")
    assert [c.text for c in article.captions] == ["会议现场"]  # without the mark pointing at the photo
    assert article.body == "6月16日下午，湘潭市中医医院上半年工作总结大会召开。\n党委书记谭建华作工作报告。"


NOTICE = """蚌埠市卫生健康委员会
首页 | 机构概况 | 政务公开 | 政策文件 | 办事服务

当前位置：首页 > 政务公开 > 人事信息

蚌埠市卫生健康委员会干部任前公示

发布时间：2023-09-01 来源：蚌埠市卫生健康委员会 浏览次数：
【字体：大 中 小】【打印本页】【关闭窗口】

蚌卫人〔2023〕12号

根据有关规定，拟任用以下同志，现予以公示。

刘晓梅，女，1979年3月生，现任蚌埠市第一人民医院护理部主任，拟任蚌埠市第一人民医院副院长。

受理电话：0552-3020158
来信地址：蚌埠市东海大道政务中心

蚌埠市卫生健康委员会
2023年9月1日
"""


def test_a_notice_drops_the_site_around_it_its_number_contacts_and_signature():
    [article] = parse_text(NOTICE)
    assert article.title == "蚌埠市卫生健康委员会干部任前公示"
    assert article.kicker is None  # the site's name above its navigation is no kicker
    assert article.published == dt.date(2023, 9, 1)
    assert article.source == "蚌埠市卫生健康委员会"
    assert article.captions == ()
    assert article.body.startswith("根据有关规定")
    assert article.body.endswith("拟任蚌埠市第一人民医院副院长。")


ROUNDUP = """健康快讯
健康时报　2023年7月4日　第06版　地方动态

【荆州市中医医院】成功开展首例超声引导下针刀松解术

近日，荆州市中医医院针灸推拿科成功实施超声引导下针刀松解术。

——————————————————

【山西省儿童医院】开通罕见病多学科联合门诊

7月1日，山西省儿童医院罕见病多学科联合门诊开诊。
"""


def test_a_roundup_gives_one_article_per_item_each_with_the_pages_date():
    first, second = parse_text(ROUNDUP)
    assert (first.kicker, first.title) == ("荆州市中医医院", "成功开展首例超声引导下针刀松解术")
    assert (second.kicker, second.title) == ("山西省儿童医院", "开通罕见病多学科联合门诊")
    assert first.subtitle is None and second.subtitle is None
    assert {a.published for a in (first, second)} == {dt.date(2023, 7, 4)}
    assert {a.source for a in (first, second)} == {"健康时报"}


HOSPITAL_SITE = """当前位置：首页 > 新闻动态 > 医院新闻

我院举办胸痛中心质量提升培训班

作者：心内科 杨海燕  来源：党委办公室  发布时间：2023-10-12  点击数：1234

10月10日，胸痛中心质量提升培训班在我院开班。

[图片]
培训班开班仪式现场

副院长张志坚在开班致辞中表示，急性胸痛救治是一场与时间的赛跑。

上一篇：我院开展世界心脏日义诊
下一篇：我院召开安全生产会议
"""


def test_a_hospital_site_gives_the_caption_under_its_image_and_no_department_as_author():
    [article] = parse_text(HOSPITAL_SITE)
    assert article.title == "我院举办胸痛中心质量提升培训班"
    assert article.authors == ("杨海燕",)
    assert article.source == "党委办公室"
    assert [c.text for c in article.captions] == ["培训班开班仪式现场"]
    assert "上一篇" not in article.body and "世界心脏日" not in article.body


def test_an_interviews_questions_are_no_credits():
    text = ("让群众在家门口看好大病\n\n记者：下一步医院有什么打算？\n\n陈立新：我们将继续加强学科建设，让群众少跑路。\n\n"
            "（文/记者 顾晓婷 实习生 朱雨涵）\n")
    [article] = parse_text(text)
    assert article.authors == ("顾晓婷", "朱雨涵")
    assert "记者：下一步医院有什么打算？" in article.body


@pytest.mark.parametrize(("caption", "words"), [
    ("臺大醫院今（3）日啟用智慧病房，院方人員示範床邊智慧照護系統。（圖／臺大醫院提供）",
     "臺大醫院今（3）日啟用智慧病房，院方人員示範床邊智慧照護系統"),
    ("义诊活动现场 （王亚忠 摄）", "义诊活动现场"),
    ("事故现场，多车起火。图片来源/网传视频截图", "事故现场，多车起火"),
    ("▲院领导为获奖科室颁奖", "院领导为获奖科室颁奖"),
])
def test_a_captions_credit_and_mark_are_no_part_of_it(caption, words):
    from articles.parsing.lines import caption_text

    assert caption_text(caption) == words


def test_a_line_that_only_credits_a_photo_is_no_caption():
    text = "医院开展义诊\n\n8月1日，医院开展义诊活动。\n\n新华社记者 刘文博 摄\n\n群众纷纷表示受益匪浅。\n"
    [article] = parse_text(text)
    assert article.captions == ()
    assert any(f.kind == "dropped_photo_credit" for f in article.flags)


HTML_PAGE = """<div class="main_title"><h1>筑牢肝病防治&ldquo;防护网&rdquo;</h1></div>
<div class="sub_info"><span>来源：长春日报</span>&nbsp;&nbsp;<span>作者：记者 孙悦</span>&nbsp;<span>发布时间：2023-07-29 08:46</span></div>
<p>&nbsp;&nbsp;7月28日，长春市传染病医院开展肝炎免费筛查活动。</p>
<p><strong>一、免费筛查进社区</strong></p>
<p>&nbsp;&nbsp;医院组织专家深入12个社区开展筛查&mdash;&mdash;发现疑似病例47例。</p>
<p style="text-align:center"><img src="/uploads/1.jpg" width="600" /></p>
<p style="text-align:center">图为医护人员在社区开展筛查</p>
<p style="text-align:right">责任编辑：王佳宁</p>
"""

MARKDOWN_PAGE = """---
title: 中西医协同 为群众健康“加码”
date: 2023-05-06
author: 周雅琴
tags:
  - 治未病
---

# 中西医协同 为群众健康“加码”

**记者 周雅琴 通讯员 谭晓峰**

> 来源：湘潭晚报

5月5日，湘潭市中西医结合医院“治未病”中心启用。

![市民体验中医体质辨识](https://img.example.com/1.jpg)

## 关口前移 服务进社区

中心医护人员走进社区开展义诊32场。
"""


def test_a_page_copied_with_its_html_reads_as_the_page_and_keeps_its_spans():
    from articles.parsing.markup import strip_markup

    assert len(strip_markup(HTML_PAGE)) == len(HTML_PAGE)
    [article] = parse_text(HTML_PAGE)
    assert article.title == "筑牢肝病防治“防护网”"
    assert (article.source, article.published, article.authors) == ("长春日报", dt.date(2023, 7, 29), ("孙悦",))
    assert article.editors == ("王佳宁",)
    assert [(s.label, s.heading) for s in article.sections] == [(None, None), ("一", "免费筛查进社区")]
    assert [c.text for c in article.captions] == ["图为医护人员在社区开展筛查"]
    assert "医院组织专家深入12个社区开展筛查——发现疑似病例47例。" in article.body
    assert "<" not in article.body and "&" not in article.body and "\u2060" not in article.body
    first = article.sections[0].paragraphs[0]
    assert HTML_PAGE[first.spans[0][0]:first.spans[-1][1]].startswith("7月28日")


def test_a_markdown_export_gives_its_front_matter_headline_headings_and_captions():
    from articles.parsing.markup import strip_markup

    assert len(strip_markup(MARKDOWN_PAGE)) == len(MARKDOWN_PAGE)
    [article] = parse_text(MARKDOWN_PAGE)
    assert article.title == "中西医协同 为群众健康“加码”"
    assert (article.source, article.published) == ("湘潭晚报", dt.date(2023, 5, 6))
    assert article.authors == ("周雅琴", "谭晓峰")
    assert [c.text for c in article.captions] == ["市民体验中医体质辨识"]
    assert [s.heading for s in article.sections] == [None, "关口前移 服务进社区"]
    assert "#" not in article.body and "治未病”中心启用" in article.body


SAVED_PAGE = """<!DOCTYPE html>
<html><head><title>从750克到2500克！早产宝宝平安出院-某市妇幼保健院</title>
<script>var _hmt = _hmt || []; (function() { var hm = document.createElement("script"); })();</script></head>
<body><div class="top-bar">您好，欢迎访问某市妇幼保健院官方网站！</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li>就医指南</li><li>专家介绍</li></ul></nav>
<aside><h2>新闻中心</h2><ul><li>院内动态</li><li>媒体聚焦</li></ul></aside>
<article class="article">
<h1>从750克到2500克！早产宝宝&ldquo;闯关&rdquo;89天平安出院</h1>
<div class="info"><span>发布日期：2024-06-28</span><span>来源：本站原创</span></div>
<p>&emsp;&emsp;6月26日，在某市妇幼保健院新生儿重症监护室，出生时体重仅750克的宝宝迎来了出院的日子。</p>
<p>&emsp;&emsp;今年3月底，孕26周的妈妈因胎膜早破紧急入院，产科、新生儿科迅速开展联合会诊。</p>
</article>
<div class="share">分享到：微信 微博</div>
<footer><p>版权所有 &copy; 2024 某市妇幼保健院 技术支持：某网络科技有限公司</p></footer>
</body></html>"""


def test_a_saved_page_reads_as_its_article_without_the_site_around_it():
    from articles.parsing.markup import strip_markup

    assert len(strip_markup(SAVED_PAGE)) == len(SAVED_PAGE)
    [article] = parse_text(SAVED_PAGE)
    assert article.title == "从750克到2500克！早产宝宝“闯关”89天平安出院"  # a cry opens it
    assert article.published == dt.date(2024, 6, 28)
    assert article.body.startswith("6月26日") and article.body.endswith("迅速开展联合会诊。")
    for furniture in ("欢迎访问", "_hmt", "就医指南", "院内动态", "版权所有", "分享到"):
        assert furniture not in article.body


def test_a_post_s_account_line_without_original_mark_dates_it():
    [article] = parse_text("与死神赛跑！多学科接力打通“生命通道”\n\n某市第一人民医院  2024年03月18日 17:30  江西\n\n"
                           "3月15日凌晨，某市第一人民医院胸痛中心仅用68分钟为患者打通“生命通道”。\n")
    assert article.published == dt.date(2024, 3, 18) and "17:30" not in article.body


def test_text_without_markup_is_left_as_it_is():
    from articles.parsing.markup import strip_markup

    text = "医院开展义诊 A&B 两组 <5 岁儿童\n# 号楼门诊\n"
    assert strip_markup(text) == text


def test_headings_set_with_a_mark_or_a_bar_lose_it_and_a_list_is_no_run_of_headings():
    marked = ("小病不出镇\n\n近年来，卫生院把专科建设放在首位。\n\n◆ 专科建设跑出加速度\n\n中医馆诊疗项目一应俱全。\n\n"
              "▲村医为村民针灸\n\n◆ 家庭医生守护健康\n\n家庭医生团队每月入户随访。\n")
    [article] = parse_text(marked)
    assert [s.heading for s in article.sections] == [None, "专科建设跑出加速度", "家庭医生守护健康"]
    barred = "工作总结\n\n医院召开上半年工作总结大会。\n\n01 | 学科建设\n\n学科建设取得进展。\n\n02 | 服务提升\n\n服务持续改善。\n"
    [article] = parse_text(barred)
    assert [(s.label, s.heading) for s in article.sections] == [(None, None), ("01", "学科建设"), ("02", "服务提升")]
    listed = ("表彰名单的通知\n\n经研究，决定对以下单位予以通报表扬。\n\n1 四川省妇幼保健院 示范单位\n\n2 绵阳市中心医院 示范单位\n\n"
              "3 南充市中心医院 示范单位\n")
    [article] = parse_text(listed)
    assert [s.heading for s in article.sections] == [None]
    assert "2 绵阳市中心医院 示范单位" in article.body


def test_a_columns_name_above_the_headline_is_neither_headline_nor_heading():
    text = "最美医生\n郭振海：三十年守护患者心跳\n\n（记者 赵婧）凌晨两点，郭振海又一次走进导管室。\n\n“心”路三十年\n\n1993年，他毕业后进入心内科。\n"
    [article] = parse_text(text)
    assert article.title == "郭振海：三十年守护患者心跳"
    assert article.authors == ("赵婧",)
    assert [s.heading for s in article.sections] == [None, "“心”路三十年"]


def test_credits_in_the_forms_papers_justify_and_taiwan_prints_them():
    text = ("天津市口腔医院成立种植修复中心\n\n中新网天津6月19日电　（记者　王　萌）６月１８日上午，天津市口腔医院种植修复中心揭牌。\n\n"
            "圖：醫護人員為患者檢查。（記者陳嘉欣攝）\n\n中心将提供一站式诊疗服务。\n\n責任編輯／陳佩珊\n")
    [article] = parse_text(text)
    assert article.authors == ("王萌",)
    assert article.source == "中新网"
    assert [c.text for c in article.captions] == ["醫護人員為患者檢查"]
    assert article.editors == ("陳佩珊",)


def test_text_wrapped_at_a_pdfs_width_is_joined_into_its_paragraphs_across_the_page_break():
    body = ("  本报讯 8月19日，绵阳市妇幼保健院召开庆祝第四个“中国\n医师节”暨先进集体和先进个人表彰大会，院领导班子成员、各科室\n"
            "负责人及医师代表共260余人参加。大会由副院长冯志强主持。\n"
            "  会上，院长杨青宣读了《关于表彰2021年度先进集体和先进\n个人的决定》。一年来，全院医务人员坚守岗位、攻坚克难，在新冠\n"
            "肺炎疫情防控、危重孕产妇和新生儿救治、儿童保健等工作中作出了\n突出贡献。今年6月，该院被评为“四川省妇幼健康工作先进集体”\n。\n"
            "  据介绍，今年以来，该院危重孕产妇救治成功率达到100%，\n全市孕产妇死亡率、婴儿死亡率均降至历史最低水平。下一步，医院\n\n"
            "                                — 3 —\n\n绵阳日报 2021年9月                       第4版  健康·民生\n\n"
            "将以建设三级甲等妇幼保健院为目标，加快儿童早期发展、产前诊断\n等特色专科建设，为全市妇女儿童提供更加优质的医疗保健服务。\n")
    text = "绵阳市妇幼保健院召开庆祝第四个“中国医师节”\n暨先进集体和先进个人表彰大会\n\n本报记者 何雨桐\n\n" + body
    [article] = parse_text(text)
    assert article.title == "绵阳市妇幼保健院召开庆祝第四个“中国医师节”暨先进集体和先进个人表彰大会"
    paragraphs = [p.text for p in article.sections[0].paragraphs]
    assert len(paragraphs) == 3 and article.captions == ()
    assert paragraphs[1].endswith("该院被评为“四川省妇幼健康工作先进集体”。")
    assert "下一步，医院将以建设三级甲等妇幼保健院为目标" in paragraphs[2]
    assert "— 3 —" not in article.body and "第4版" not in article.body


def test_lines_of_one_length_that_end_their_sentences_are_not_joined():
    text = "医院召开大会\n\n" + "".join(f"第{i:02d}项工作取得进展，群众满意度再提升。\n" for i in range(12))
    [article] = parse_text(text)
    assert len(article.sections[0].paragraphs) == 12


def test_a_health_column_asks_in_its_headline_and_credits_its_expert():
    text = ("体检查出甲状腺结节，一定要做手术吗？\n\n2023-06-02 来源：佛山日报\n\n专家：佛山市第一人民医院甲状腺外科主任医师 黄志坚\n\n"
            "问：甲状腺结节常见吗？\n\n答：很常见，体检中检出率很高，绝大多数是良性的。\n\n文/梁嘉欣\n")
    [article] = parse_text(text)
    assert article.title == "体检查出甲状腺结节，一定要做手术吗？"
    assert article.speakers == (("黄志坚", "甲状腺外科主任医师"),)
    assert "专家：" not in article.body and article.body.startswith("问：甲状腺结节常见吗？")
    assert article.authors == ("梁嘉欣",)


def test_a_reprint_names_the_paper_it_came_from_and_a_wire_lead_its_reporters():
    text = ("淮安这家医院的胸痛中心再获认证\n\n原标题：从进门到血管开通仅用58分钟\n\n发布时间：2023-06-16 浏览次数：12\n\n"
            "本文转自：淮海晚报\n\n央广网淮安6月15日消息（记者 王向东 通讯员 刘雅婷）近日，淮安市第一人民医院胸痛中心通过再认证。\n")
    [article] = parse_text(text)
    assert article.source == "淮海晚报"
    assert article.authors == ("王向东", "刘雅婷")
    assert article.body.startswith("近日，淮安市第一人民医院") and "原标题" not in article.body


def test_a_papers_footer_and_its_reporters_line_are_read_whole():
    text = ("专家沉下去 群众不出县\n\n本报记者 罗晓燕 本报通讯员 曾涛 文/图\n\n宜宾市第一人民医院专家团队常驻筠连县人民医院。\n\n"
            "宜宾日报 2023年3月15日 星期三 第3版 综合新闻 责任编辑：何静\n")
    [article] = parse_text(text)
    assert article.authors == ("罗晓燕", "曾涛")
    assert (article.source, article.published, article.editors) == ("宜宾日报", dt.date(2023, 3, 15), ("何静",))
    assert article.captions == () and "宜宾日报" not in article.body


def test_two_articles_a_blank_line_apart_each_with_its_date_line():
    text = ("天水市第一人民医院试点“无陪护”病房\n发布时间：2023-04-10 来源：每日甘肃网\n\n"
            "每日甘肃网讯（记者 张敏）近日，天水市第一人民医院在两个病区试点无陪护病房。\n\n"
            "曲靖市第一人民医院成功开展首例经导管主动脉瓣置换术\n发布时间：2023-04-12 来源：云南网\n\n"
            "云南网讯（通讯员 李春燕）近日，曲靖市第一人民医院成功开展首例经导管主动脉瓣置换术。\n")
    first, second = parse_text(text)
    assert (first.source, second.source) == ("每日甘肃网", "云南网")
    assert second.title == "曲靖市第一人民医院成功开展首例经导管主动脉瓣置换术"
    assert second.published == dt.date(2023, 4, 12) and second.authors == ("李春燕",)
    assert "曲靖" not in first.body


def test_a_reporters_name_justified_with_a_space_is_one_name():
    from articles.parsing.metadata import parse_byline

    byline = parse_byline("大众网记者 张 磊 通讯员 王晓丽 潍坊报道")
    assert (byline.source, byline.authors) == ("大众网", ["张磊", "王晓丽"])


def test_a_page_of_briefs_gives_one_article_per_brief_each_dated_by_the_page():
    text = ("2023年9月5日 星期二\n\n简  讯\n\n●三亚市人民医院开展义诊周活动\n9月1日至4日，三亚市人民医院开展义诊周活动，副院长符海燕带队。（通讯员 王小雅）\n\n"
            "●天水市第一人民医院开展急救技能进校园活动\n近日，天水市第一人民医院急诊科医护人员走进多所中小学开展培训。（通讯员 马文杰）\n")
    first, second = parse_text(text)
    assert first.title == "三亚市人民医院开展义诊周活动"
    assert second.title == "天水市第一人民医院开展急救技能进校园活动"
    assert {first.published, second.published} == {dt.date(2023, 9, 5)}
    assert (first.authors, second.authors) == (("王小雅",), ("马文杰",))
    assert "天水" not in first.body


def test_a_scan_spaced_throughout_by_ocr_is_read_without_its_spaces():
    text = ("常 德 日 报      2023年6月20日 星期二      A3 综合新闻\n\n常 德 市 第 一 人 民 医 院\n\n"
            "胸 痛 中 心 跑 出 生 命 “ 加 速 度 ”\n\n本 报 记 者  刘 雅 琴   通 讯 员  彭 湘 云\n\n"
            "6月15日凌晨， 石 门 县 58岁 的 村民周先生 突发剧烈胸痛，被 家人紧急 送往县 人民医 院 。\n")
    [article] = parse_text(text)
    assert (article.kicker, article.title) == ("常德市第一人民医院", "胸痛中心跑出生命“加速度”")
    assert (article.source, article.published) == ("常德日报", dt.date(2023, 6, 20))
    assert article.authors == ("刘雅琴", "彭湘云")
    assert article.body == "6月15日凌晨，石门县58岁的村民周先生突发剧烈胸痛，被家人紧急送往县人民医院。"
    assert any(f.kind == "removed_ocr_spaces" for f in article.flags)


def test_a_hospitals_own_introduction_page_gives_its_roster_and_bracketed_headings():
    text = ("德阳市人民医院  DEYANG PEOPLE'S HOSPITAL\n首页 | 医院概况 | 新闻中心 | 科室导航 | 专家介绍\n"
            "当前位置：首页 > 医院概况 > 医院简介\n\n德阳市人民医院简介\n\n德阳市人民医院始建于1939年，开放床位2300张。\n\n"
            "院训：仁心 精术 求实 创新\n\n【领导班子】\n\n党委书记：刘建平\n院长、党委副书记：何文斌\n副院长：罗敏、邓志远\n\n"
            "蜀ICP备05013571号\n")
    [article] = parse_text(text)
    assert article.title == "德阳市人民医院简介"
    assert [s.heading for s in article.sections] == [None, "领导班子"]
    assert article.captions == ()
    assert ("何文斌", "院长、党委副书记") in article.speakers and ("邓志远", "副院长") in article.speakers
    assert "ICP" not in article.body and "\n院训：" in article.body and "\n副院长：罗敏、邓志远" in article.body


def test_an_apps_share_copy_loses_its_banners():
    text = ("大众新闻\n打开APP，阅读体验更佳\n打开\n\n八旬老人主动脉里藏“炸弹”\n\n大众日报 2023-03-15 10:21 关注\n\n"
            "大众新闻记者 张蕾 通讯员 刘晓楠 潍坊报道\n\n3月14日，潍坊市人民医院心脏大血管外科为一名82岁老人完成手术。\n\n举报\n评论\n")
    [article] = parse_text(text)
    assert article.title == "八旬老人主动脉里藏“炸弹”"
    assert (article.source, article.published) == ("大众日报", dt.date(2023, 3, 15))
    assert article.authors == ("张蕾", "刘晓楠")
    assert article.body == "3月14日，潍坊市人民医院心脏大血管外科为一名82岁老人完成手术。"


def test_a_platform_copy_loses_its_follow_button_and_comments():
    text = ("多学科接力48小时 重症热射病患者转危为安\n\n健康湖北 2023-07-20 09:12 · 湖北省卫生健康委员会官方账号\n\n+ 关注\n\n"
            "56.2万粉丝\n\n7月18日，荆州市中心医院急诊医学科接诊一名重症热射病患者。\n\n举报/反馈\n\n评论 12\n\n荆楚老张\n\n"
            "这几天太热了，在外面干活的朋友一定注意防暑\n")
    [article] = parse_text(text)
    assert (article.source, article.published) == ("健康湖北", dt.date(2023, 7, 20))
    assert article.captions == ()
    assert article.body == "7月18日，荆州市中心医院急诊医学科接诊一名重症热射病患者。"


def test_a_wechat_posts_writer_and_account_and_a_headline_label():
    text = ("喜报！\n\n我院荣获“全国卫生健康系统先进集体”称号\n\n原创 李婧 绵阳市中心医院 2023-06-05 17:30 发表于四川\n\n"
            "近日，人社部、国家卫生健康委联合发布表彰决定。\n\n预览时标签不可点\n")
    [article] = parse_text(text)
    assert article.title == "我院荣获“全国卫生健康系统先进集体”称号"
    assert (article.source, article.authors) == ("绵阳市中心医院", ("李婧",))
    assert article.body == "近日，人社部、国家卫生健康委联合发布表彰决定。"


def test_a_headline_with_its_metadata_set_far_right_on_the_same_line():
    text = ("河北沧州：5G急救让卒中患者“上车即入院”" + " " * 30 + "来源：河北卫视 编辑：李梦瑶\n\n"
            "视频加载中...\n\n9月12日，沧州市中心医院5G急救车接诊一名卒中患者。\n\n（河北台记者 高远 张晓彤）\n")
    [article] = parse_text(text)
    assert article.title == "河北沧州：5G急救让卒中患者“上车即入院”"
    assert (article.source, article.editors, article.authors) == ("河北卫视", ("李梦瑶",), ("高远", "张晓彤"))
    assert article.body == "9月12日，沧州市中心医院5G急救车接诊一名卒中患者。"


def test_a_caption_set_inside_the_paragraph_it_splits_leaves_it_whole():
    text = ("凌晨三点的急诊室\n\n凌晨1点，抢救室里的6张床位全部住满。护士长沈晓红带着8名护士在床位之间来回穿梭，测血压、抽\n\n"
            "▲凌晨时分，护士长沈晓红在抢救室查看患者情况 记者 沈哲 摄\n\n血、换液体，几乎没有停下来的时候。\n")
    [article] = parse_text(text)
    assert article.body == ("凌晨1点，抢救室里的6张床位全部住满。护士长沈晓红带着8名护士在床位之间来回穿梭，测血压、抽血、换液体，"
                            "几乎没有停下来的时候。")
    assert [c.text for c in article.captions] == ["凌晨时分，护士长沈晓红在抢救室查看患者情况"]


def test_english_keys_and_a_date_at_the_end_of_a_metadata_line():
    from articles.parsing.metadata import parse_metadata_line

    byline = parse_metadata_line("Author: 赵雪 刘畅  Date: 2023/04/18")
    assert (byline.authors, byline.published) == (["赵雪", "刘畅"], dt.date(2023, 4, 18))
    byline = parse_metadata_line("来源：株洲日报　作者：彭小英　2023-08-30")
    assert (byline.source, byline.authors, byline.published) == ("株洲日报", ["彭小英"], dt.date(2023, 8, 30))
    byline = parse_metadata_line("发布时间：2024-01-26 08:47　来源：齐齐哈尔新闻网　记者 韩冰")
    assert (byline.source, byline.authors) == ("齐齐哈尔新闻网", ["韩冰"])


def test_a_weibo_post_gives_its_bracketed_headline_and_loses_its_counts():
    text = ("江西日报 \nV\n微博官方认证：江西日报社官方微博\n2023-9-8 14:20 来自 微博 weibo.com\n"
            "#赣州身边事#【赣州市人民医院为92岁老人植入“胶囊”起搏器】9月7日，92岁的刘奶奶从赣州市人民医院心血管内科康复出院。#医者仁心#\n\n"
            "（江西日报全媒体记者 温晓燕 通讯员 黄丽萍）O网页链接 收起全文d\n\n转发 36 ｜ 评论 58 ｜ 赞 210\n")
    [article] = parse_text(text)
    assert article.title == "赣州市人民医院为92岁老人植入“胶囊”起搏器"
    assert (article.source, article.published) == ("江西日报", dt.date(2023, 9, 8))
    assert article.authors == ("温晓燕", "黄丽萍")
    assert article.body == "9月7日，92岁的刘奶奶从赣州市人民医院心血管内科康复出院。"


def test_a_hospital_papers_page_gives_each_item_under_its_column():
    text = ("潍坊市人民医院报\n第256期　　2023年10月15日　　星期日\n主办：潍坊市人民医院党委宣传部\n第1版　要闻\n\n"
            "一分一秒与死神赛跑\n——我院区域创伤救治中心建设纪实\n\n凌晨2时，一辆救护车驶入潍坊市人民医院急诊绿色通道，创伤中心团队已在等候。\n\n"
            "院务简讯\n\n我院举办第二届护理技能竞赛\n\n本报讯（通讯员 高雅）10月12日，潍坊市人民医院第二届护理技能竞赛举行。\n")
    first, second = parse_text(text)
    assert (first.title, first.subtitle) == ("一分一秒与死神赛跑", "我院区域创伤救治中心建设纪实")
    assert second.title == "我院举办第二届护理技能竞赛" and second.authors == ("高雅",)
    assert {a.published for a in (first, second)} == {dt.date(2023, 10, 15)}
    assert {a.source for a in (first, second)} == {"潍坊市人民医院报"}
    assert first.captions == () and "院务简讯" not in first.body


def test_a_cry_before_a_headline_a_media_centres_date_line_and_writers_in_brackets():
    text = ("喜报！我院3名医护人员获评“广西好医生”“广西好护士”\n\n陆良县融媒体中心 2023-04-07\n\n"
            "近日，自治区卫生健康委员会公布了推选结果。\n\n（覃湘君 周雪梅）\n")
    [article] = parse_text(text)
    assert article.title == "喜报！我院3名医护人员获评“广西好医生”“广西好护士”"
    assert (article.source, article.published) == ("陆良县融媒体中心", dt.date(2023, 4, 7))
    assert article.authors == ("覃湘君", "周雪梅") and article.captions == ()


@pytest.mark.parametrize("line, editors, authors", [
    ("责编｜杨雅萍", ["杨雅萍"], []),
    ("编辑：实习编辑 赵司尧 流程编辑 刘伟利", ["赵司尧", "刘伟利"], []),
    ("采写：实习生 余虹 唐小狄 南都记者 刘嫚 发自北京", [], ["余虹", "唐小狄", "刘嫚"]),
])
def test_credit_lines_with_bars_work_titles_and_a_place_they_were_sent_from(line, editors, authors):
    from articles.parsing.metadata import parse_metadata_line

    byline = parse_metadata_line(line)
    assert (byline.editors, byline.authors) == (editors, authors)


def test_a_column_label_in_brackets_before_the_headline_and_an_english_date_line():
    text = ("【医院动态】柳州市工人医院举办庆祝第六个中国医师节大会\n\nNov. 3, 2023 | 来源：广西日报\n\n"
            "8月18日，柳州市工人医院举办庆祝大会。\n\n第 2 页 共 3 页\n\n会上表彰了一批优秀医师。\n")
    [article] = parse_text(text)
    assert article.title == "柳州市工人医院举办庆祝第六个中国医师节大会"
    assert (article.source, article.published) == ("广西日报", dt.date(2023, 11, 3))
    assert "页" not in article.body and article.captions == ()


def test_where_a_story_was_first_printed_and_a_reporter_of_an_outlets_app():
    from articles.parsing.metadata import parse_byline, parse_metadata_line

    first = parse_metadata_line("（原载《三峡日报》2023年8月19日第4版）")
    assert (first.source, first.published) == ("三峡日报", dt.date(2023, 8, 19))
    byline = parse_byline("春城晚报-开屏新闻记者 杨帆 通讯员 李晓云")
    assert (byline.source, byline.authors) == ("春城晚报", ["杨帆", "李晓云"])


def test_a_date_then_the_papers_name_and_a_closing_editor_without_colon():
    text = ("2023年6月20日 星期二 三峡日报\n\n百年名院焕新颜——宜昌市中心人民医院高质量发展纪实\n\n"
            "宜昌市中心人民医院始建于1896年。\n\n扫一扫在手机打开当前页\n\n编辑 罗小兵\n")
    [article] = parse_text(text)
    assert (article.title, article.subtitle) == ("百年名院焕新颜", "宜昌市中心人民医院高质量发展纪实")
    assert (article.source, article.published, article.editors) == ("三峡日报", dt.date(2023, 6, 20), ("罗小兵",))
    assert article.captions == () and article.body == "宜昌市中心人民医院始建于1896年。"


def test_an_apps_channels_and_a_sites_english_name_are_no_headline():
    article = parse_text("""学习强国
推荐　要闻　新思想　综合　实播　湖北学习平台

武汉市中心医院：“无痛病房”让患者少受罪

来源：湖北日报客户端　　2023-05-17

　　记者从武汉市中心医院获悉，该院已有32个病区建成“无痛病房”。
""")[0]
    assert article.title.endswith("“无痛病房”让患者少受罪")  # the hospital before its colon may be the kicker
    assert "学习强国" not in (article.kicker or "") and "推荐" not in article.body
    article = parse_text("""北京大学口腔医院
PEKING UNIVERSITY HOSPITAL OF STOMATOLOGY
首页 | 医院概况 | 就医指南 | 科室导航 | 专家介绍 | 新闻中心
English | 简体 | 文字大小 A A A

韩志强：方寸之间“矫”出自信笑容

发布时间：2023-09-20　　来源：党院办

　　清晨七点半，北京大学口腔医院正畸科诊室的灯已经亮了。
""")[0]
    assert article.title == "韩志强：方寸之间“矫”出自信笑容"
    assert article.kicker is None
    assert "PEKING" not in article.body and "文字大小" not in article.body


def test_a_columns_label_in_brackets_before_a_headline_is_no_post():
    article = parse_text("""【战“疫”日记】援鄂护士王小萌：“等樱花开了，我们一起去看”

2020-02-24 10:26　　来源：大众日报客户端

　　今天是我第一次进“红区”。早上六点半起床，穿好防护服用了四十分钟。
""")[0]
    assert article.title in ("援鄂护士王小萌：“等樱花开了，我们一起去看”", "【战“疫”日记】援鄂护士王小萌：“等樱花开了，我们一起去看”")
    assert article.body.startswith("今天是我第一次")


def test_short_lines_that_describe_no_photo_are_no_captions():
    article = parse_text("""伊利沙伯医院启用智慧病房

2023年11月8日

　　伊利沙伯医院今日启用智慧病房，护士可实时接收病人生命表征提示。

图一：护士透过手提装置接收病人生命表征的实时提示

　　医院表示，明年将把智慧病房推广至更多病区。

完

2023年11月8日（星期三）
（作者系伊利沙伯医院护理部护士）

‧ 医院管理局周年工作计划
""")[0]
    assert [c.text for c in article.captions] == ["图一：护士透过手提装置接收病人生命表征的实时提示"]
    assert "完" not in article.body


def test_an_e_paper_pages_date_with_its_tools_page_label_and_other_articles():
    article = parse_text("""大连日报数字报
2024年04月17日 星期三　　　上一期　下一期　往期回顾

第A06版：健康周刊
本版编辑：郭晓雯　　美编：林峰

版面导航 | 标题导航 | PDF版下载

住院不用请护工 家属不必守床边

　　本报讯（记者 周雨桐）4月16日，在大连市中心医院普外科病房，72岁的刘阿姨说，晚上能回家睡个好觉了。

本版其他文章
· 春季花粉过敏高发 专家教你科学防护

[上一篇]　[下一篇]　[返回版面]　[回到首页]
""")[0]
    assert article.title == "住院不用请护工 家属不必守床边"
    assert article.published == dt.date(2024, 4, 17)
    assert article.editors == ("郭晓雯", "林峰")
    assert article.captions == ()
    assert "花粉" not in article.body and "第A06版" not in article.body


def test_a_platform_copy_names_its_account_and_time_under_the_headline():
    article = parse_text("""误吞12颗磁力珠 宝鸡市中心医院多学科联手为6岁男孩化险为夷

宝鸡日报
2024-07-10 18:26发布于陕西宝鸡日报社官方账号
+关注
38.6万粉丝

     近日，宝鸡市中心医院小儿外科为一名误吞12颗磁力珠的6岁男孩成功取出异物。目前，孩子已康复出院。
""")[0]
    assert article.source == "宝鸡日报"
    assert article.published == dt.date(2024, 7, 10)
    assert article.captions == ()
    assert article.body.startswith("近日，宝鸡市中心医院")


def test_a_hong_kong_press_release_in_traditional_script():
    article = parse_text("""醫院管理局
Hospital Authority

新聞稿

瑪嘉烈醫院啟用「智慧病房」　提升病人安全

二〇二三年十一月八日（星期三）

瑪嘉烈醫院行政總監陳志明醫生今日表示，兩間「智慧病房」已於本月正式投入服務。

病房經理何淑儀表示，系統設有電子配藥核對功能。

圖一：瑪嘉烈醫院行政總監陳志明醫生（左二）介紹智慧病房的運作。

傳媒查詢：醫院管理局新聞及公共事務部
電話：2300 6999

完

香港時間16時30分
""")[0]
    assert article.title == "瑪嘉烈醫院啟用「智慧病房」 提升病人安全"
    assert article.source == "醫院管理局"
    assert article.published == dt.date(2023, 11, 8)
    assert [c.text for c in article.captions] == ["圖一：瑪嘉烈醫院行政總監陳志明醫生（左二）介紹智慧病房的運作"]
    assert "傳媒查詢" not in article.body and "香港時間" not in article.body


def test_a_wechat_posts_line_with_a_chinese_date_and_a_portals_bracketed_editor():
    article = parse_text("""长兴县人民医院

点击蓝字 关注我们

专家常驻+远程会诊丨医共体让乡亲们在家门口看好病

原创 宣传科 长兴县人民医院 2024年3月22日 17:45 浙江

听全文

　　3月20日上午，长兴县人民医院心血管内科医生在水口分院为村民看诊。

【纠错】　　【责任编辑：王萌萌】
""")[0]
    assert article.published == dt.date(2024, 3, 22)
    assert article.source == "长兴县人民医院"
    assert article.authors == ()
    assert article.editors == ("王萌萌",)
    assert article.body == "3月20日上午，长兴县人民医院心血管内科医生在水口分院为村民看诊。"


def test_a_three_line_headline_stack_without_a_dash_and_a_byline_of_three_kinds():
    article = parse_text("""健康报　2023年11月21日　星期二　第5版　医院周刊

紧密型县域医共体建设一线观察
“组团式”帮扶让边疆县医院挺起腰杆
喀什地区第一人民医院帮扶岳普湖县人民医院见闻

本报记者　张晓东　特约记者　阿不都热合曼·买买提　通讯员　刘芳

11月上旬，岳普湖县人民医院手术室里，普外科副主任医师艾克拜尔·吐尔逊正在为一名患者实施手术。

图为喀什地区第一人民医院专家（右二）在岳普湖县人民医院指导手术。本报记者　张晓东摄
""")[0]
    assert (article.kicker, article.title) == (None, "“组团式”帮扶让边疆县医院挺起腰杆")
    assert article.subtitle == "喀什地区第一人民医院帮扶岳普湖县人民医院见闻"
    assert article.authors == ("张晓东", "阿不都热合曼·买买提", "刘芳")
    assert [c.text for c in article.captions] == ["图为喀什地区第一人民医院专家（右二）在岳普湖县人民医院指导手术"]


def test_short_colon_lines_alone_between_paragraphs_are_subheads_but_a_motto_is_a_field():
    article = parse_text("""“组团式”帮扶让边疆县医院挺起腰杆

本报记者　张晓东

11月上旬，岳普湖县人民医院普外科医生正在为一名患者实施手术。

管理帮扶：从“输血”到“造血”

“帮扶不是替县医院干活。”副院长王建新说。他到任后梳理完善了医院18项制度。

技术帮扶：县里能做的手术多了

派驻专家手把手带教本地医生。两年来，县医院新开展新技术37项。
""")[0]
    assert [s.heading for s in article.sections if s.heading] == ["管理帮扶：从“输血”到“造血”", "技术帮扶：县里能做的手术多了"]
    article = parse_text("""岳普湖县人民医院简介

岳普湖县人民医院始建于1952年，是一所二级甲等综合医院。

院训：仁心 精术

医院现有职工520人，开放床位400张。
""")[0]
    assert [s.heading for s in article.sections if s.heading] == []


def test_a_hospitals_own_site_says_whose_we_are_and_numbered_photos_are_captions():
    article = parse_text("""西安交通大学第一附属医院
The First Affiliated Hospital of Xi'an Jiaotong University
网站首页  医院概况  新闻中心  就医指南  科室导航  专家介绍

多学科协作接力 我院成功救治一名重症急性胰腺炎孕妇

来源：宣传统战部    发布时间：2023-12-14 16:30:00

11月18日凌晨，29岁的孕妇小刘由咸阳市中心医院紧急转诊至我院。经过20多天的治疗，产妇已康复出院。

图1 多学科团队进行病例讨论

医务部接到报告后立即启动危重孕产妇救治绿色通道。
""")[0]
    assert article.headline_organisations == ("西安交通大学第一附属医院",)
    assert [c.text for c in article.captions] == ["图1 多学科团队进行病例讨论"]
    assert extract(article).subject_hospitals == ["西安交通大学第一附属医院"]


def test_a_headline_that_opens_with_a_cry_and_a_first_review_credit():
    articles = parse_text("""点击蓝字 关注我们

“早”安，小勇士！我院举办2023年世界早产儿日主题活动

原创 广西妇幼 广西壮族自治区妇幼保健院 2023-11-17 18:00 发表于广西

11月17日是“世界早产儿日”。当天上午，广西壮族自治区妇幼保健院举办“早产宝宝回家聚会”主题活动。

编辑：陆晓雯
初审：梁海燕
终审：蒙丽华
""")
    assert len(articles) == 1
    assert articles[0].title == "“早”安，小勇士！我院举办2023年世界早产儿日主题活动"
    assert articles[0].editors == ("陆晓雯", "梁海燕", "蒙丽华")


def test_a_page_of_briefs_with_a_bare_dispatch_and_the_pages_editor_under_the_last():
    articles = parse_text("""健康报　2024年5月14日　星期二　第4版　地方新闻

齐齐哈尔市第一医院开设“银发门诊”
　　本报讯（特约记者孙立新 通讯员王娜）5月10日，齐齐哈尔市第一医院“银发门诊”正式开诊，开诊首日接诊老年患者86人次。

临沂市人民医院完成首例机器人辅助全膝关节置换术
　　本报讯　近日，临沂市人民医院关节外科团队借助骨科手术机器人成功实施全膝关节置换术。（通讯员 刘畅）

本版编辑：张晓东　美编：李薇
""")
    assert [a.title for a in articles] == ["齐齐哈尔市第一医院开设“银发门诊”", "临沂市人民医院完成首例机器人辅助全膝关节置换术"]
    assert articles[1].body.startswith("近日，临沂市人民医院")
    assert [a.editors for a in articles] == [("张晓东", "李薇"), ("张晓东", "李薇")]
