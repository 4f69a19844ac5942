"""A paper's pages as printed and as its e-paper shows them, and crawled lines that put the
photos first: short texts written for the tests in the shapes of real ones."""

import datetime as dt

import pytest

from articles.parsing import parse_bytes, parse_text

pytestmark = pytest.mark.database_independent

EPAPER = """湖北日报数字报
2024年07月11日　星期四　　第06版：健康湖北
< 上一版　　下一版 >　　　　PDF下载　|　版面概览
本版新闻
  ● 武大人民医院“空中120”半年飞行62架次
  ● 暑期儿童溺水高发 专家提醒牢记“六不”
————————————————————————

打通急危重症救治“空中通道”
武大人民医院“空中120”半年飞行62架次
——覆盖全省14个市州，转运时间平均缩短约两小时

湖北日报全媒记者　向　露　通讯员　郭珊珊　余　可

湖北日报讯　7月8日11时20分，一架医疗救援直升机平稳降落在武汉大学人民医院门诊楼顶停机坪。

7月8日，医疗救援直升机降落在武汉大学人民医院停机坪。湖北日报全媒记者 向露 摄

记者从武汉大学人民医院获悉，今年上半年，该院航空医疗救援团队共执行直升机转运任务62架次。

编辑：舒　展
————————————————————————
湖北日报传媒集团版权所有 · 鄂ICP备05003217号
"""


def test_an_e_paper_page_gives_its_paper_date_and_one_article():
    articles = parse_bytes("page.txt", EPAPER.encode()).articles
    assert len(articles) == 1  # the copyright line under the rule is no second item
    article = articles[0]
    assert article.title == "武大人民医院“空中120”半年飞行62架次"
    assert article.subtitle == "覆盖全省14个市州，转运时间平均缩短约两小时"
    assert article.source == "湖北日报"  # not `湖北日报数字报`, the edition
    assert article.published == dt.date(2024, 7, 11)
    assert article.authors == ("向露", "郭珊珊", "余可")  # two-character names padded to three
    assert [c.text for c in article.captions] == ["7月8日，医疗救援直升机降落在武汉大学人民医院停机坪"]
    body = article.body
    assert body.startswith("7月8日11时20分")  # `湖北日报讯` is the dispatch, not the text
    for furniture in ("本版新闻", "暑期儿童溺水", "PDF下载", "版面概览", "ICP"):
        assert furniture not in body


PRINTED = """浏阳日报
LIUYANG RIBAO
2024年3月22日　星期五　农历甲辰年二月十三
中共浏阳市委机关报　　今日8版

市人民医院“医共体巡诊车”开进大围山

　　本报记者　罗湘怡　通讯员　黎志鹏

　　本报讯　3月19日一早，一辆印着“浏阳市人民医院医共体巡诊车”字样的白色大巴驶入大围山镇，车上的医生为村民义诊。

　　当天，巡诊车共为120余名村民测量血压、血糖。
"""


def test_a_printed_front_page_masthead_is_no_headline():
    article = parse_text(PRINTED)[0]
    assert article.title == "市人民医院“医共体巡诊车”开进大围山"
    assert article.published == dt.date(2024, 3, 22)
    assert article.source == "浏阳日报"
    assert article.authors == ("罗湘怡", "黎志鹏")
    assert "机关报" not in article.body and "LIUYANG" not in article.body


def test_a_running_head_dates_the_page_and_names_its_editor():
    article = parse_text(
        "A14　　2024年5月20日　星期一　　　　浙里·健康　　　　责任编辑：何晴\n钱江晚报\n\n"
        "浙江大学医学院附属邵逸夫医院\n\n日间手术“一站式”　上午手术下午回家\n\n本报记者　张冰　通讯员　吴凌琳\n\n"
        "　　上午9点进手术室，下午3点就坐上了回家的车。5月15日，52岁的周阿姨在邵逸夫医院做完手术，当天就出院了。\n"
    )[0]
    assert article.kicker == "浙江大学医学院附属邵逸夫医院"
    assert article.title == "日间手术“一站式” 上午手术下午回家"
    assert (article.published, article.source, article.editors) == (dt.date(2024, 5, 20), "钱江晚报", ("何晴",))


def test_an_e_paper_breadcrumb_names_the_paper_and_the_day():
    article = parse_text(
        "健康报电子版 > 2024年06月03日 > 第05版：院长论坛\n【打印本页】【关闭窗口】\n\n"
        "“一院多区”不是简单的“复制粘贴”\n——访宜昌市中心医院院长向国华\n\n□本报记者　吴　倩\n\n"
        "近年来，宜昌市中心医院先后建成四个院区，开放床位3800余张。本报记者就此专访了该院院长向国华。\n\n"
        "（本版责任编辑：杜海燕）\n"
    )[0]
    assert (article.source, article.published) == ("健康报", dt.date(2024, 6, 3))
    assert article.editors == ("杜海燕",)


def test_a_crawled_line_with_its_photos_captions_before_the_dispatch():
    article = parse_text(
        "2023-07-26 15:40:33，正文：启动仪式现场。副市长周某出席仪式并宣布常德市第一中医医院新址正式运营。"
        "红网时刻常德7月26日讯（记者 朱志姣 通讯员 吴秀英）是里程碑，亦是新起点，7月26日，常德市第一中医医院新址正式运营。"
        "新址位于紫菱路以北，开放床位1300张。\n"
    )[0]
    assert [c.text for c in article.captions] == ["启动仪式现场", "副市长周某出席仪式并宣布常德市第一中医医院新址正式运营"]
    assert article.body.startswith("是里程碑")
    assert article.authors == ("朱志姣", "吴秀英")


def test_a_crawled_caption_credited_with_its_outlet_or_after_a_no_break_space():
    article = parse_text(
        "2023-08-08，正文：平原县第一人民医院住院部外科病区。人民网 乔姝摄8月6日凌晨，平原县发生5.5级地震。"
        "6日晚，人民网记者前往平原县第一人民医院。网格员到医院给老人送资料。 \u00a0通讯员供图经询问得知，老人是独居老人。\n"
    )[0]
    assert [c.text for c in article.captions] == ["平原县第一人民医院住院部外科病区", "网格员到医院给老人送资料"]
    assert article.source == "人民网"  # whose reporter went there
    assert "摄" not in article.body and "供图" not in article.body


def test_an_e_papers_date_above_its_navigation_and_a_kicker_after_the_page_list():
    articles = parse_bytes("page.txt", (
        "新华日报数字报\n2023年11月08日　星期三\n首页 | 往期回顾 | 版面导航 | 标题导航 | PDF下载\n第A07版：健康专刊\n"
        "<< 上一版　　下一版 >>\n本版标题\n• 心脏急救“绿色通道”再提速\n"
        "------------------------------------------------------------\n\n南京市第一医院：\n心脏急救“绿色通道”再提速\n\n"
        "本报记者　刘䶮　通讯员　宁宣\n\n“从救护车到达医院大门，到血管开通，一共用了52分钟。”56岁的张先生在南京市第一医院转危为安。\n\n"
        "------------------------------------------------------------\n\n苏州大学附属第一医院：\n百年老院“以智提质”跑出加速度\n\n"
        "□本报通讯员　苏宣　本报记者　顾敏\n\n走进苏州大学附属第一医院总院门诊大厅，自助机前不见长队。\n\n"
        "------------------------------------------------------------\n新华日报社版权所有　未经书面授权　不得复制或建立镜像\n"
    ).encode("gb18030")).articles
    assert [(a.kicker, a.published, a.source, a.authors) for a in articles] == [
        ("南京市第一医院", dt.date(2023, 11, 8), "新华日报", ("刘䶮", "宁宣")),
        ("苏州大学附属第一医院", dt.date(2023, 11, 8), "新华日报", ("苏宣", "顾敏")),  # the correspondent first
    ]  # the copyright under the last rule is no third item


def test_a_running_head_with_the_day_the_paper_its_page_column_and_editor():
    articles = parse_bytes("page.txt", (
        "2024年5月29日 星期三　　北京青年报　　A06　　北京新闻　　本版责编/孙佳\n\n骨折老人手术等待时间缩短一半\n\n"
        "　　5月28日，在北京积水潭医院回龙观院区创伤骨科病房，82岁的孙奶奶恢复得不错。\n"
    ).encode()).articles
    assert [(a.published, a.source, a.editors) for a in articles] == [(dt.date(2024, 5, 29), "北京青年报", ("孙佳",))]


def test_an_e_papers_page_list_indented_and_a_county_desk_in_the_byline():
    [article] = parse_bytes("page.txt", (
        "浙江日报\n2024年04月18日 星期四    农历甲辰年三月初十\n第00006版：县域新闻\n◀上一版   下一版▶   |   返回目录   |   PDF版\n\n"
        "本版新闻\n    淳安“流动医院”开进库区小山村\n    长兴：废旧厂房变身“共富工坊”\n\n"
        "============================================================\n\n淳安“流动医院”开进库区小山村\n\n"
        "　　本报讯 （记者 王潇斐 县委报道组 方舟 通讯员 余璐）4月15日上午，淳安县第一人民医院的“流动医院”再一次开进威坪镇。\n"
    ).encode()).articles
    assert article.title == "淳安“流动医院”开进库区小山村"
    assert (article.published, article.source) == (dt.date(2024, 4, 18), "浙江日报")
    assert article.authors == ("王潇斐", "方舟", "余璐")  # `县委报道组` is a desk


def test_a_hospital_periodicals_pdf_pages_with_two_items():
    body1 = ("　　2月26日，一名52岁的扩张型心肌病终末期\n患者在华中科技大学同济医学院附属协和医院接\n受心脏移植手术，术后恢复顺利，已于3月8日康\n"
             "复出院。这是该院完成的第1200例心脏移植手术。\n至此，医院心脏移植累计手术量突破1200例，年\n手术量连续五年位居全国前列。\n"
             "　　据心脏大血管外科主任夏文斌介绍，2023年\n医院共完成心脏移植手术186例，其中儿童心脏\n移植41例，受者术后1年生存率达到93.5%，5年\n"
             "生存率达到81.2%，均高于国际心肺移植协会同\n期公布的平均水平。\n（责任编辑：肖雯）\n")
    body2 = ("　　3月1日，华中科技大学同济医学院附属协和\n医院召开2024年护理工作会议。副院长何振宇，\n护理部主任汪琴，各院区护理部负责人、科护士\n"
             "长及护士长共300余人参加会议。\n　　会上，汪琴作2023年护理工作报告。报告指\n出，2023年全院护理人员共完成护理新技术新项\n"
             "目52项，获批省级以上护理科研课题9项，优质\n护理服务病房覆盖率保持100%，患者对护理服务\n满意度达到98.6%。\n（责任编辑：何畅）\n")
    text = ("《武汉协和》 2024年第1期（总第186期）              · 新闻聚焦 ·\n2024年3月15日\n\n心脏移植累计突破1200例\n\n"
            "文/党委宣传部 陈曦\n\n" + body1 + "\n\n医院召开2024年护理工作会议\n\n" + body2)
    articles = parse_bytes("issue.txt", text.encode()).articles
    assert [(a.title, a.editors) for a in articles] == [("心脏移植累计突破1200例", ("肖雯",)), ("医院召开2024年护理工作会议", ("何畅",))]
    assert {(a.source, a.published) for a in articles} == {("武汉协和", dt.date(2024, 3, 15))}
    # lines with digits hold more characters in the same room: the text is still read as wrapped
    assert "已于3月8日康复出院" in articles[0].body


def test_a_scanned_pages_second_kicker_with_a_stray_space_opens_the_next_item():
    articles = parse_bytes("scan.txt", (
        "徐州医科大学附属医院:\n\n\"四个坚持\" 擦亮淮海经济区医疗高地名片\n\n■本报记者  吕 晨\n\n"
        "近年来,徐州医科大学附属医院坚持以党建为引领,在淮海经济区率先建成协作网络,综合实力连续多年位居前列。\n\n\n"
        "徐州市 中心医院:\n\n守护生命“黄金时间”  三大中心联动提速\n\n"
        "日前,江苏省卫生健康委通报2023年度全省卒中中心建设评估结果,徐州市中心医院获评先进单位。\n"
    ).encode()).articles
    assert [a.kicker for a in articles] == ["徐州医科大学附属医院", "徐州市中心医院"]


def test_a_sites_footer_under_the_last_item_is_no_item():
    articles = parse_bytes("page.txt", (
        "林州市中医院中医义诊进社区\n\n发布时间：2024-08-16　　信息来源：林州市中医院\n\n"
        "8月15日，林州市中医院在振林街道桃园社区开展义诊活动，为老年人把脉问诊。\n\n【打印】【关闭】\n\n"
        "──────────────────────────────\n上一篇：林州市卫健委召开医疗质量安全工作会议\n下一篇：林州市开展母乳喂养周宣传活动\n\n"
        "林州市卫生健康委员会 版权所有　　地址：林州市xx路xx号\n豫ICP备xxxxxxxx号\n"
    ).encode()).articles
    assert [a.title for a in articles] == ["林州市中医院中医义诊进社区"]


EPAPER_ITEM = """某市日报数字报 2023.07.05 第A06版：城事

7月5日 星期三

游客突发心梗倒地 医护接力“抢”回一条命

本报讯（记者 林小燕 通讯员 陈思思 吴晗）
7月3日下午3时许，一名游客突然倒地，不省人事。
危急时刻，恰好在附近游玩的某市第一医院护士郑雅婷冲上前去。
目前，患者已脱离生命危险，转入普通病房。
（编辑 苏菲）
"""

POST_CREDITS = """某县医院成功开展首例冠状动脉旋磨术

原创 某县人民医院 2023-07-05 10:21 发表于江西

近日，某县人民医院心血管内科介入团队成功实施了冠状动脉内旋磨术，这是该院首次独立开展该项技术。

图片

文字：肖丽芳
图片：曾宪亮
编辑：刘晓雯

阅读 3562
分享 收藏 点赞 在看
"""


def test_an_epaper_item_with_its_day_and_its_dateline_on_lines_of_their_own():
    [article] = parse_text(EPAPER_ITEM)
    assert article.title == "游客突发心梗倒地 医护接力“抢”回一条命"  # not the day's line
    assert (article.authors, article.editors) == (("林小燕", "陈思思", "吴晗"), ("苏菲",))
    assert [s.heading for s in article.sections if s.heading] == []  # `本报讯` is no heading
    assert article.body.startswith("7月3日") and "编辑" not in article.body


def test_a_posts_credits_after_its_last_photo_are_credits_not_a_caption():
    [article] = parse_text(POST_CREDITS)
    assert (article.authors, article.editors) == (("肖丽芳", "曾宪亮"), ("刘晓雯",))
    assert article.captions == () and "点赞" not in article.body and "图片" not in article.body


SCRIPT = """某县融媒体中心《某县新闻》播出文稿
播出日期：2023.11.08

稿件一
标题：某镇卫生院：家门口的“小医院”有了“大本事”
【主持人】今天，我们一起走进某镇卫生院，看看这里的新变化。
【记者】今年，卫生院新建了医技综合楼，添置了数字化X光机。
记者：赵婷 杨帆 报道

稿件二
标题：我县启动2024年度城乡居民医保集中征缴工作
【主持人】11月1日起，我县城乡居民医保集中征缴工作全面启动。
记者：冯静 报道
"""


def test_a_broadcast_script_is_one_article_a_labelled_headline():
    first, second = parse_text(SCRIPT)
    assert (first.title, second.title) == ("某镇卫生院：家门口的“小医院”有了“大本事”", "我县启动2024年度城乡居民医保集中征缴工作")
    assert first.source == second.source == "某县融媒体中心《某县新闻》"  # not `…播出文稿`
    assert (first.authors, second.authors) == (("赵婷", "杨帆"), ("冯静",))
    assert "稿件" not in first.body + second.body


def test_a_page_line_with_its_editor_and_a_masthead_with_page_and_column_are_metadata():
    page = "某某日报\n2023年10月16日 星期一\n第05版：健康某市          责任编辑：杨晓峰\n\n某市中心医院建院70周年\n\n本报讯 10月15日，某市中心医院举行建院70周年发展大会，回顾医院发展历程。\n"
    [article] = parse_text(page)
    assert (article.title, article.editors, article.source) == ("某市中心医院建院70周年", ("杨晓峰",), "某某日报")
    [article] = parse_text("某某快报  A6  城事·视觉\n\n组图｜高温下急诊科里的“加速度”\n\n7月5日，某市迎来入夏以来最热的一天，某医院急诊科医护人员忙碌不停。\n")
    assert (article.title, article.source) == ("组图｜高温下急诊科里的“加速度”", "某某快报")


LETTERS_PAGE = """某州日报  2024年6月12日 星期三  第A06版：读者之声
责任编辑：谭某

■读者来信

深夜急诊遇上“暖心”医生

编辑同志：
    5月28日深夜，我老伴突然胸口剧痛，我赶紧打120把她送到某州市中心医院急诊科。值班医生邓某某迅速安排检查，不到十分钟就判断为急性心肌梗死。
    现在老伴已经康复出院。我想借贵报一角，向医护人员道一声：谢谢你们！
                                        读者 易某某

■来信反映·部门回复

医院停车位紧张，能否错峰开放内部车位？

编辑同志：
    我父亲每周要到某州市中医伤科医院做两次康复理疗。医院门口停车场车位太少，老人只能在路边下车再慢慢走进去。
                                        读者 黄某

【医院回复】
    感谢读者对我院工作的关注。自6月20日起，医院将把职工停车场的80个车位在工作日向就诊群众错峰开放。
"""


def test_a_letters_page_gives_each_letter_its_headline_writer_and_the_page_s_editor():
    first, second = parse_text(LETTERS_PAGE)
    assert (first.title, first.authors, first.editors) == ("深夜急诊遇上“暖心”医生", ("易某某",), ("谭某",))
    assert (second.title, second.authors, second.editors) == ("医院停车位紧张，能否错峰开放内部车位？", ("黄某",), ("谭某",))
    assert first.source == second.source == "某州日报"
    assert first.body.startswith("编辑同志：") and "读者 易某某" not in first.body


def test_a_marked_heading_over_an_interview_s_question_is_no_new_item():
    page = LETTERS_PAGE.split("■来信反映")[0] + "■ 对话邓某某\n\n问：夜班最难的是什么？\n\n答：是在几分钟里作出判断。我们每一次都要把最坏的情况想在前面，然后一步一步排除。\n"
    assert len(parse_text(page)) == 1
