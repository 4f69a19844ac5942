"""Articles that came by e-mail: a message saved with its headers and undecoded MIME parts, and a
forwarded press release with the sender's note (articles/parsing/mail.py)."""

import datetime as dt

import pytest

from articles.extraction.entities import extract
from articles.extraction.facts import extract_facts
from articles.parsing import parse_bytes, parse_text

pytestmark = pytest.mark.database_independent

SAVED_MESSAGE = """Return-Path: <newsletter@example.cn>
From: =?UTF-8?B?5YyX5Yy75LiJ6Zmi5a6j5Lyg5Lit5b+D?= <newsletter@example.cn>
Subject: =?UTF-8?Q?=E5=8C=97=E5=8C=BB=E4=B8=89=E9=99=A2?=
Date: Tue, 14 May 2024 09:30:12 +0800
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="----=_Part_2841_1093.1715650212"

------=_Part_2841_1093.1715650212
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

=E5=B0=8A=E6=95=AC=E7=9A=84=E8=AE=A2=E9=98=85=E7=94=A8=E6=88=B7=EF=BC=9A=E6=
=82=A8=E5=A5=BD=EF=BC=81

北医三院健康通讯　2024年第5期（总第36期）　2024年5月14日

【医院动态】
北医三院运动医学科完成首例机器人辅助前交叉韧带重建术

近日，北京大学第三医院运动医学科团队在骨科手术机器人辅助下，为一名28岁的患者成功实施了前交叉韧带重建手术。

▍骨道定位误差不到1毫米

运动医学科主任邵振宇介绍，借助机器人系统，定位误差可控制在1毫米以内。

=E6=9C=AC=E9=82=AE=E4=BB=B6=E7=94=B1=E7=B3=BB=E7=BB=9F=E8=87=AA=E5=8A=A8=E5=
------=_Part_2841_1093.1715650212
Content-Type: text/html; charset=UTF-8
"""


def test_a_saved_message_keeps_only_its_article():
    [article] = parse_bytes("mail.eml", SAVED_MESSAGE.encode()).articles
    assert article.title == "北医三院运动医学科完成首例机器人辅助前交叉韧带重建术"
    assert (article.source, article.published) == ("北医三院健康通讯", dt.date(2024, 5, 14))  # the newsletter's issue line
    assert [s.heading for s in article.sections if s.heading] == ["骨道定位误差不到1毫米"]
    for leftover in ("=E5", "Content-Type", "------=_Part", "Return-Path"):
        assert leftover not in article.body


FORWARDED = """-------- 转发邮件信息 --------
发件人："陈静" <chenjing@example.com>
发送日期：2023-09-27 08:51
收件人："李卉" <lihui@example.com>
主题：转发：【新闻通稿】南京鼓楼医院日间化疗中心启用

李老师早上好！昨天下午发的通稿转您一份，图片在附件里，谢谢！

---------- 原始邮件 ----------
发件人："南京鼓楼医院宣传处" <press@example.com>
发送时间：2023年9月26日(星期二) 下午4:35
主题：【新闻通稿】南京鼓楼医院日间化疗中心启用

各位媒体朋友：

　　大家好！现将我院日间化疗中心启用的新闻通稿发给大家，欢迎择优刊发。

南京鼓楼医院日间化疗中心启用 肿瘤患者化疗“当天来当天走”

　　9月25日，南京鼓楼医院日间化疗中心正式启用。中心位于医院门诊楼七楼，设有化疗座椅和床位共60张。

　　南京鼓楼医院肿瘤中心主任徐立新介绍，大多数化疗方案本身只需要几个小时。
"""


def test_a_forwarded_press_release_starts_at_its_headline():
    [article] = parse_bytes("release.txt", FORWARDED.encode()).articles
    assert article.title == "南京鼓楼医院日间化疗中心启用 肿瘤患者化疗“当天来当天走”"
    for note in ("发件人", "原始邮件", "李老师", "各位媒体朋友", "择优刊发"):
        assert note not in article.body
    assert extract(article).subject_hospitals == ["南京鼓楼医院"]
    # The day-care centre's 60 places are not the hospital's beds: held for an editor.
    beds = [f for f in extract_facts(article, "南京鼓楼医院") if f.kind == "beds"]
    assert [(f.value, f.confidence < 0.8) for f in beds] == [("60", True)]


def test_a_notices_subject_and_attachment_lines_are_no_mail():
    [article] = parse_bytes("notice.txt", (
        "关于开展2024年度护理质量检查的通知\n\n主题：护理质量检查\n附件：检查标准.docx\n\n"
        "各科室：为进一步提升护理质量，医院定于5月开展年度护理质量检查，请各科室做好准备。\n"
    ).encode()).articles
    assert article.title == "关于开展2024年度护理质量检查的通知"


SUBMISSION = """各位编辑老师好：

附上我院近期两篇稿件，烦请审阅。

稿件一

【引题】某市第一人民医院
【主题】让“生命之舟”驶向更远的彼岸
【副题】——记某市第一人民医院重症医学科团队
文/通讯员 顾晓宇

在某市第一人民医院重症医学科，监护仪的声音昼夜不停。去年，团队共收治危重症患者3600余例。

稿件二

某市第一人民医院成功救治主动脉夹层孕妇
通讯员 陈亚楠

近日，某市第一人民医院多学科团队成功为一名孕妇实施手术，母子平安。
"""


def test_a_manuscript_with_labelled_headlines_and_numbered_items():
    first, second = parse_text(SUBMISSION)
    assert (first.kicker, first.title, first.subtitle) == ("某市第一人民医院", "让“生命之舟”驶向更远的彼岸", "记某市第一人民医院重症医学科团队")
    assert (second.title, second.authors) == ("某市第一人民医院成功救治主动脉夹层孕妇", ("陈亚楠",))
    assert "附上我院" not in first.body and "老师" not in first.body  # the sender's note is no article


NEWSLETTER = """发件人: 某医科大学附属第二医院党委宣传中心 <xczx@example.cn>
发送时间: 2024年9月2日 星期一 8:30
收件人: 全院职工 <all-staff@example.cn>
主题: 【院务通讯】2024年第17期

各位同事：

    本期院务通讯共2条要闻，请查阅。

    本期导读
    ▶ 我院成功开展首例经导管三尖瓣置换术
    ▶ 我院护理工作喜获省级多项荣誉

==================================================

【要闻一】我院成功开展首例经导管三尖瓣置换术

    8月27日，我院心血管内科团队成功为一名78岁重度三尖瓣反流患者实施经导管三尖瓣置换术。这是我院首次开展该项技术。

    心血管内科主任程远航介绍，该手术无需开胸、创伤小、恢复快。

    （心血管内科 供稿  撰稿：胡一鸣）

==================================================

【要闻二】我院护理工作喜获省级多项荣誉

    近日，省卫生健康委通报2024年度全省护理工作表彰结果，我院护理部获评“全省护理工作先进集体”。

    （护理部 供稿  撰稿：彭雪）

==================================================

本期编辑：邵思远    审核：刘文涛
某医科大学附属第二医院党委宣传中心 编印
如不希望继续接收本通讯，请回复“退订”。
"""


def test_a_newsletter_s_items_are_dated_edited_and_owned_by_the_issue_that_carried_them():
    articles = parse_text(NEWSLETTER)
    assert [a.title for a in articles] == ["我院成功开展首例经导管三尖瓣置换术", "我院护理工作喜获省级多项荣誉"]
    assert [a.authors for a in articles] == [("胡一鸣",), ("彭雪",)]
    assert {a.editors for a in articles} == {("邵思远", "刘文涛")}
    assert {a.published for a in articles} == {dt.date(2024, 9, 2)}
    assert [extract(a).subject_hospitals for a in articles] == [["某医科大学附属第二医院"]] * 2
    assert "退订" not in articles[1].body and "本期导读" not in articles[0].body
