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
    ("来源：红网作者：黎某 朱某某 编辑：廖某某 本文链接：https://hn.rednet.cn/content/646742/52/12968492.html", "红网",
     ("黎某", "朱某某"), ("廖某某",)),
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


@pytest.mark.parametrize("tail, source, authors, editors", [
    ("通讯员 龚晓霞扬子晚报/ 紫牛新闻记者 季娜娜校对 徐珩", "扬子晚报/ 紫牛新闻", ("龚晓霞", "季娜娜"), ("徐珩",)),
    ("来源：某市第一人民医院流程编辑：tf028", "某市第一人民医院", (), ()),
    ("来源：央视新闻编辑：王布米责任编辑：施薇声明：转载此文是出于传递更多信息之目的。", "央视新闻", (), ("王布米", "施薇")),
    ("THE END供稿：院前急救 张永健微编：张嘉敏终审：陈祥主管部门：医院党委宣传科", None, ("张永健",), ("张嘉敏", "陈祥")),
    # keys and values apart by spaces or bars, then the page's related headlines
    ("某某商报·某某新闻网编辑 李瑞琪来源 极目新闻【新闻多看点】某地终止地震应急响应||某高管被警方带走", "极目新闻", (), ("李瑞琪",)),
    ("来源 | 华商报 某某网编辑 | 巴姣婷编校 | 杨蕤嘉审发 | 孙志丹新闻多一点■秋天的第一口月饼，上线~■某地2岁女童突发疾病",
     "华商报", (), ("巴姣婷", "杨蕤嘉", "孙志丹")),
    # the account that passed it on, then the paper; a credit under a share prompt; notices after a source
    ("转自：某市儿童医院来源：南昌晚报", "南昌晚报", (), ()),
    ("点个“在看”提醒更多人✍商务合作微信号：abc166✍内容来源：海峡导报、厦门网（版权归原作者所有，如有侵权请联系删除）",
     "海峡导报", (), ()),
    ("来源：南郑发布本文中图片、文字、音视频等版权归原作者所有如有违规侵权请联系我们，我们会第一时间处理", "南郑发布", (), ()),
    ("（来源：某某区人民政府网站） 【投稿、区域合作请私信或发123456#qq.com24小时内回复。】", "某某区人民政府网站", (), ()),
    # where the reporter filed from is no name
    ("采写：实习生 余虹 唐小狄 南都记者 刘嫚 发自北京", "南都", ("余虹", "唐小狄", "刘嫚"), ()),
])
def test_more_closing_credits(tail, source, authors, editors):
    [article] = parse_text(crawled("", tail))
    assert (article.source, article.authors, article.editors) == (source, authors, editors)
    assert article.body.endswith(MORE)


def test_a_reprint_note_ends_the_headline_and_names_the_source():
    [article] = parse_text(crawled("", head="原标题：某市出现多例输入型登革热病例，发热需警惕本文转自【人民日报健康客户端】；"))
    assert (article.title, article.source) == ("某市出现多例输入型登革热病例，发热需警惕", "人民日报健康客户端")
    assert article.body.startswith("近日")


def test_a_programme_in_brackets_names_the_source():
    [article] = parse_text(crawled("", head="(央视财经《经济信息联播》)"))
    assert article.source == "央视财经" and article.body.startswith("近日")


def test_an_anniversary_opener_ends_the_headline():
    [article] = parse_text(crawled("", head="原标题：院士带队！某医院31个科室大型义诊第六个中国医师节到来之际，").replace("近日，", ""))
    assert article.title == "院士带队！某医院31个科室大型义诊"


def test_an_advertisement_inside_a_sentence_leaves_one_paragraph():
    text = crawled("").replace("患者目前", "患者广告 可御可甜 有颜有料 >>进入直播间与主播亲密互动 ×目前")
    [article] = parse_text(text)
    assert "广告" not in article.body and "直播间" not in article.body
    assert article.paragraphs[0].text.startswith("近日") and "患者，患者目前已转入普通病房" in article.paragraphs[0].text
    assert len(article.paragraphs[0].spans) == 2  # the text either side of the advertisement, where it is
    assert [f.kind for f in article.flags].count("dropped_player_text") == 1


def test_a_caption_and_its_credit_before_the_dispatch_are_no_headline():
    [article] = parse_text(crawled("", head="李萍主任（右三）团队与患者合影  通讯员供图某某网（某某日报网）讯（通讯员 李诗莹 、夏庆琳）"))
    assert article.title == "" and [c.text for c in article.captions] == ["李萍主任（右三）团队与患者合影"]
    assert article.authors == ("李诗莹", "夏庆琳") and article.body.startswith("近日")
    [article] = parse_text(crawled("", head="原标题：某地医院一儿童用纸杯当氧气面罩  视频画面截图  海外网8月4日电"))
    assert (article.title, article.source) == ("某地医院一儿童用纸杯当氧气面罩", "海外网")
    assert [c.text for c in article.captions] == ["视频画面截图"] and article.body.startswith("近日")


@pytest.mark.parametrize("head, title", [
    ("原标题：曾用酒店毛巾擦拭身体！南宁一男子染上淋病最近，", "曾用酒店毛巾擦拭身体！南宁一男子染上淋病"),
    ("原标题：多家医疗卫生机构观摩某医院精益管理工作编者按某医院自启动精益管理以来成效明显。",
     "多家医疗卫生机构观摩某医院精益管理工作"),
    ("原标题：义诊活动，超强阵容！2位名医，携某医院皮肤专家联席亲诊上周末正式迎来夏天的最后一个节气。",
     "义诊活动，超强阵容！2位名医，携某医院皮肤专家联席亲诊"),
    ("某地两医院推1次挂号管3天，复诊免挂号费！在就医过程中，不少患者只能当天就诊一次。",
     "某地两医院推1次挂号管3天，复诊免挂号费！"),
    # no headline ends on a comma: the lead began where the headline's first words stand again
    ("原标题：内蒙古再报告2例鼠疫，密接者均已隔离管控内蒙古某旗政府官网发布通知公告，", "内蒙古再报告2例鼠疫，密接者均已隔离管控"),
    ("原标题：医疗专家送健康 巡回义诊零距离为将优质的医疗服务送到老百姓家门口，", "医疗专家送健康 巡回义诊零距离"),
])
def test_a_headline_runs_to_the_leads_first_words(head, title):
    [article] = parse_text(crawled("", head=head))
    assert article.title == title


def test_a_bare_screenshot_credit_after_a_space_closes_its_caption_and_a_credit_after_a_stop_names_none():
    [article] = parse_text(crawled("").replace("恢复良好。", "恢复良好。事实是否如此？医院现场 网络截图7月25日，"))
    assert [c.text for c in article.captions] == ["医院现场"] and "网络截图" not in article.body
    [article] = parse_text(crawled("").replace("恢复良好。", "恢复良好。图/新华社资料图报道称，"))
    assert article.captions == () and "新华社资料图" not in article.body and "报道称" in article.body


def test_a_headline_stops_at_a_spaced_date_and_an_attribution_is_no_headline():
    [article] = parse_text(crawled("", head="原标题：精彩回顾丨某医院义诊活动顺利举行！8月 4日，"))
    assert article.title == "精彩回顾丨某医院义诊活动顺利举行！"
    [article] = parse_text(crawled("", head="据“清廉某市”微信公众号8月12日消息，"))
    assert article.title == ""


def test_a_scenes_caption_before_the_dispatch():
    [article] = parse_text(crawled("", head="活动现场某某新闻网成都8月4日讯（记者 陈淋）"))
    assert [c.text for c in article.captions] == ["活动现场"] and article.authors == ("陈淋",)
    assert article.body.startswith("近日")


@pytest.mark.parametrize("head, title", [
    ("原标题：打了三个小孔，腰腿不疼了！六旬老人疼到无法行走，一台手术解决62岁的", "打了三个小孔，腰腿不疼了！六旬老人疼到无法行走，一台手术解决"),
    ("原标题：20天减重20斤！三伏天小伙为了“救命”奔跑！20天减重20斤的小伙", "20天减重20斤！三伏天小伙为了“救命”奔跑！"),
])
def test_a_headline_in_two_cries_runs_to_the_lead(head, title):
    [article] = parse_text(crawled("", head=head))
    assert article.title == title


def test_a_time_word_is_no_outlet_and_an_outlets_place_is_no_name():
    [article] = parse_text(crawled("", head="近日网上有消息称，某医院开展义诊。", tail="（海外网-巴黎-鲁佳）"))
    assert article.source == "海外网" and article.authors == ("鲁佳",)


def test_credits_run_on_after_the_headline_end_where_the_lead_opens():
    page = crawled("", head="原标题：某市协会携手某市骨科医院志愿者开展慰问活动作者：朝阳来源：中国视窗")
    [article] = parse_text(page.replace(LEAD, "为进一步弘扬优良传统，" + LEAD))
    assert (article.title, article.source, article.authors) == ("某市协会携手某市骨科医院志愿者开展慰问活动", "中国视窗", ("朝阳",))
    assert article.body.startswith("为进一步弘扬")


def test_a_lead_that_opens_with_whom_it_reports_ends_the_headline():
    [article] = parse_text(crawled("", head="原标题：某基金会向某医院捐赠据某大学医学院附属第一医院，8月7日上午，"))
    assert article.title == "某基金会向某医院捐赠"
    assert article.body.startswith("据某大学医学院附属第一医院，8月7日上午")


@pytest.mark.parametrize("heading, after", [
    ("警方通报：2人被采取刑事强制措施", "7月26日，某市公安局通报了此事。"),  # a lead that opens with its date
    ("张某某简历", "张某某，男，汉族，1970年生。"),  # the record of the name it heads
    ("No.1医生收入的金字塔", "医生收入的分化，在同一家医院已相当明显。"),  # numbered, its words again
])
def test_a_heading_run_in_between_sentences_is_found(heading, after):
    [article] = parse_text(crawled("").replace(MORE, MORE + heading + after))
    assert [s.heading for s in article.sections if s.heading] == [heading]


def test_a_heading_run_in_before_an_advertisement_is_found():
    page = crawled("").replace(MORE, MORE + "全美今年大规模枪击事件已达400起广告 可御可甜 有颜有料 >>进入直播间 ×"
                                      "据某档案网站数据，今年以来已有多人受伤。")
    [article] = parse_text(page)
    assert [s.heading for s in article.sections if s.heading] == ["全美今年大规模枪击事件已达400起"]
    assert "广告" not in article.body and article.body.endswith("今年以来已有多人受伤。")


def test_a_trending_topic_is_no_caption_and_a_spaced_photo_credit_leaves_the_body():
    page = crawled("        近日话题#某医院回扣1600万#冲上微博热搜        ", head="").replace(
        MORE, MORE + "图片来源 每日经济新闻据统计，今年已有多人被查。")
    [article] = parse_text(page)
    assert article.captions == () and "图片来源" not in article.body


@pytest.mark.parametrize("sentence", [
    "齐齐哈尔市第34中学位于齐齐哈尔市龙沙区。",  # a sentence's own words recur
    "此前的2015年7月26日，该院曾有类似事件。",
])
def test_a_sentence_is_no_heading(sentence):
    [article] = parse_text(crawled("").replace(MORE, MORE + sentence))
    assert [s.heading for s in article.sections if s.heading] == []


def test_a_tip_off_line_between_closing_credits_leaves_them_readable():
    tail = "九派新闻记者王某某编辑任某【爆料】请联系记者微信：abcjizhe【来源：九派新闻】"
    [article] = parse_text(crawled("", tail))
    assert (article.source, article.authors, article.editors) == ("九派新闻", ("王某某",), ("任某",))
    assert article.body.endswith(MORE)


@pytest.mark.parametrize("run, names", [
    ("欧俏妤杨冰钰", ["欧俏妤", "杨冰钰"]), ("陈静徐佳文", ["陈静", "徐佳文"]),  # one way to split only
    ("海外网张霓", None),  # an outlet, then a name
    ("秦璐朱文青", None),  # 秦璐|朱文青 or 秦璐朱|文青: not guessed
])
def test_two_names_printed_without_a_space_are_split_only_one_way(run, names):
    from articles.parsing.credits import split_glued_names

    assert split_glued_names(run) == names


def test_a_screenshot_s_caption_on_a_line_of_its_own_is_no_heading():
    page = crawled("").replace(LEAD, LEAD + "                         某医院官网截图  ")
    [article] = parse_text(page)
    assert [c.text for c in article.captions] == ["某医院官网截图"]
    assert [s.heading for s in article.sections if s.heading] == []


def test_a_paper_s_name_before_its_dated_report_opens_the_lead():
    [article] = parse_text(crawled("", head="原标题：某院士被举报：列举“六宗罪”！《某某青年报》8月9日报道，"))
    assert article.title == "某院士被举报：列举“六宗罪”！"
    assert article.body.startswith("《某某青年报》8月9日报道")


@pytest.mark.parametrize("head, title, source, authors", [
    ("原标题：某男子诈骗善款获刑三年大河报·豫视频记者 王某某 通讯员 孙某某 ", "某男子诈骗善款获刑三年", "大河报·豫视频", ("王某某", "孙某某")),
    ("原标题：某市医院58分钟打通生命通道某市医院58分钟打通生命通道齐鲁晚报·齐鲁壹点记者 宋某某 通讯员 隋某 ",
     "某市医院58分钟打通生命通道", "齐鲁晚报·齐鲁壹点", ("宋某某", "隋某")),
    ("专家进山送健康！某市中心医院义诊队走进某某乡荆州广播电视台讯（记者 邱某 通讯员 黄某）",
     "专家进山送健康！某市中心医院义诊队走进某某乡", "荆州广播电视台", ("邱某", "黄某")),
])
def test_a_paper_and_its_app_or_a_broadcaster_end_a_run_in_headline(head, title, source, authors):
    [article] = parse_text(crawled("", head=head))
    assert (article.title, article.source, article.authors) == (title, source, authors)
    assert article.body.startswith("近日")


def test_closing_credits_before_a_bracketed_copyright_notice():
    [article] = parse_text(crawled("", "编辑：刘某 责任编辑：胡某某【版权声明】本文为某某新闻原创稿件，未经授权不得转载。"))
    assert article.editors == ("刘某", "胡某某") and article.body.endswith(MORE)


def test_a_two_part_headline_with_no_marker_ends_where_the_lead_opens_with_its_full_date():
    text = ("2023-07-24，正文：某地坍塌事故学生家长悲痛发声：被送医院5小时无人出面沟通，直到孩子失去生命体征 家长等不到解释说明，"
            "孩子等不到的“天亮了”2023年7月23日下午，某中学体育馆顶棚发生坍塌。当地居民表示，事发时有学生在馆内训练。"
            "返回搜狐，查看更多责任编辑：")
    [article] = parse_text(text)
    assert article.title.startswith("某地坍塌事故学生家长悲痛发声：") and article.title.endswith("“天亮了”")
    assert article.body.startswith("2023年7月23日下午")


def test_a_reporters_credit_lists_names_after_a_comma_and_ends_at_its_report_word():
    head = "羊城晚报讯 记者王小明，通讯员李雅琴、赵慧敏报道："
    [article] = parse_text(crawled("", head=head))
    assert (article.source, article.authors) == ("羊城晚报", ("王小明", "李雅琴", "赵慧敏"))
    assert article.body.startswith(LEAD)


@pytest.mark.parametrize("said, source", [
    ("接受第一财经记者采访的医生都表示，加班是常态。", "第一财经"),
    ("一名市民告诉澎湃新闻，医院食堂已经停业整顿。", "澎湃新闻"),
    ("他告诉记者，医院食堂已经停业整顿。", None),
])
def test_a_copy_that_names_no_source_takes_the_outlet_whose_reporter_asked(said, source):
    [article] = parse_text(f"2023-08-14，正文：{LEAD}{MORE}{said}")
    assert article.source == source


def test_a_sentence_before_the_dispatch_is_the_headline_when_it_tells_an_event_and_none_was_printed():
    event = "2023-08-18 22:04:45，正文：某县开展“送医送药进军营”义诊活动。红网时刻新闻8月18日讯（记者 黎明）"
    [article] = parse_text(event + LEAD + MORE)
    assert article.title == "某县开展“送医送药进军营”义诊活动" and not article.captions
    scene = "2023-08-18 22:04:45，正文：义诊活动现场。红网时刻新闻8月18日讯（记者 黎明）"
    [article] = parse_text(scene + LEAD + MORE)
    assert article.title == "" and [c.text for c in article.captions] == ["义诊活动现场"]


@pytest.mark.parametrize("run, title, opens", [
    # a post's arrow ends its headline
    ("提醒！高温天气做好防暑降温很重要→现下多地持续高温", "提醒！高温天气做好防暑降温很重要→", "现下多地持续高温"),
    # no headline ends on 从: the lead began where it names the headline's subject again
    ("某国初级医生再次举行罢工 某国经济步履维艰某国多地的初级医生从当地时间8月11日起罢工",
     "某国初级医生再次举行罢工 某国经济步履维艰", "某国多地的初级医生从当地时间"),
    # leads that open with the season or where someone lives
    ("暑期儿童摔伤骨折高发 小儿骨科医生给出防治指南正值暑假，孩子外出游玩增多", "暑期儿童摔伤骨折高发 小儿骨科医生给出防治指南",
     "正值暑假"),
    ("绿灯时长加10秒，宝山的他们让便民服务“零等待”家住在吴淞街道的周阿姨反映", "绿灯时长加10秒，宝山的他们让便民服务“零等待”",
     "家住在吴淞街道"),
    # the lead opens with the year since when
    ("沪滇携手，首例新生儿手术在这里成功开展自2021年某市妇婴保健院与某县人民医院开展结对帮扶以来",
     "沪滇携手，首例新生儿手术在这里成功开展", "自2021年某市妇婴保健院"),
])
def test_where_a_headline_run_into_the_text_after_its_original_title_note_ends(run, title, opens):
    [article] = parse_text(f"2023-08-13 18:48，正文：原标题：{run}，{LEAD}{MORE}")
    assert article.title == title
    assert article.body.startswith(opens)


def test_a_screenshot_s_word_before_the_text_is_no_part_of_it():
    [article] = parse_text(f"2023-07-18 15:47，正文：视频截图某县中医院食堂“饭盒中吃出异物”一事过去半月有余。{LEAD}{MORE}")
    assert article.body.startswith("某县中医院食堂")


def test_a_paper_after_the_run_in_headline_and_its_bar_is_the_source():
    [article] = parse_text(f"2023-08-09 10:00，正文：原标题：村民有了健康顾问北京城市副中心报 | 作者 田某某 {LEAD}{MORE}")
    assert (article.title, article.source) == ("村民有了健康顾问", "北京城市副中心报")


def test_a_run_in_headline_ends_where_the_lead_names_its_province_again():
    text = ("2023-08-10 09:00，正文：原标题：湖南“启明行动”：化身“眼科小医生” 儿童探索“视”界奥秘湖南省妇女儿童活动中心与"
            "某医院联合推出“我是眼科小医生”暑期职业启蒙活动。孩子们在医生的带领下体验了视力检查和眼底照相，了解了近视的成因和预防方法。")
    [article] = parse_text(text)
    assert article.title == "湖南“启明行动”：化身“眼科小医生” 儿童探索“视”界奥秘"
    assert article.body.startswith("湖南省妇女儿童活动中心")


def test_a_reporters_name_ends_before_the_time_of_day_that_opens_the_lead():
    [article] = parse_text(f"2023-08-09 10:00，正文：某市晚报讯 记者 成某某 通讯员 叶伟凌晨2点，正是大家熟睡的时候，{LEAD}{MORE}")
    assert "叶伟" in article.authors and article.body.startswith("凌晨2点")


def test_a_screenshot_marked_by_a_triangle_in_the_run_of_text_is_a_caption():
    [article] = parse_text("2023-08-18 10:00，正文：8月18日，某市纪委监委通报，某医院原院长张某接受审查调查。 ▲某市纪委监委微信公众号截图"
                           "公开简历显示，张某曾任该院副院长，后任院长，主持医院全面工作多年。")
    assert [c.text for c in article.captions] == ["某市纪委监委微信公众号截图"]
    assert "截图" not in article.body


@pytest.mark.parametrize("after, captions, body_keeps", [
    # between two of the page's lost breaks, the photo's scene and nothing else
    ("     周凯比工作后与医疗团队合影     据了解，该院已派出医疗队5批。", ["周凯比工作后与医疗团队合影"], "据了解，该院已派出医疗队5批。"),
    ("        活动现场        现场还发放了宣传资料。", ["活动现场"], "现场还发放了宣传资料。"),
    # run into the sentence after it, which opens as sentences do
    ("        杨杨主任为患者检查身体3个月后，陈先生发现自己暴瘦了70斤。", ["杨杨主任为患者检查身体"],
     "3个月后，陈先生发现自己暴瘦了70斤。"),
    ("    任鸿翔在救援患者随后，任鸿翔仔细查看了患者携带的药物。", [], "任鸿翔在救援患者随后"),
])
def test_an_uncredited_scene_after_a_break_is_a_caption(after, captions, body_keeps):
    [article] = parse_text(crawled("", tail=after))
    assert [c.text for c in article.captions] == captions
    assert body_keeps in article.body and MORE in article.body
    assert [s.heading for s in article.sections if s.heading] == []


@pytest.mark.parametrize("after", [
    "     用心为患者服务     该院始终把患者放在第一位。",  # a heading, no scene
    "        现场发放宣传资料200余份，为群众测量血压。",  # a sentence about the scene
])
def test_a_heading_or_a_sentence_after_a_break_is_no_caption(after):
    [article] = parse_text(crawled("", tail=after))
    assert article.captions == ()


def test_a_page_s_picture_numbers_between_sentences_leave_the_body():
    [article] = parse_text(crawled("", "具有重要的教学价值。图1图2该院风湿科副教授为本文通讯作者。"))
    assert "具有重要的教学价值。该院风湿科副教授为本文通讯作者。" in article.body.replace("\n", "")
    assert "图1" not in article.body


def test_a_quoted_subhead_before_a_lead_s_time_word_is_a_heading():
    [article] = parse_text(crawled("", "此事由此卷入舆情风波。“医疗反腐任重而道远”近日，一场医院反腐行动正在全国范围内展开。"))
    assert [s.heading for s in article.sections if s.heading] == ["“医疗反腐任重而道远”"]
    assert article.body.endswith("近日，一场医院反腐行动正在全国范围内展开。")
