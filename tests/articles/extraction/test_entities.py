"""Entity rules on the seeds and on sentences of the same genre: no database."""

from __future__ import annotations

import pytest

from articles.extraction.entities import extract
from articles.extraction.facts import extract_facts
from articles.extraction.honours import kind_of, level_of
from articles.extraction.names import find_hospitals
from articles.extraction.places import locate
from articles.parsing import parse_bytes, parse_text
from tests.conftest import SEEDS

pytestmark = pytest.mark.database_independent


@pytest.fixture(scope="module")
def seed_entities():
    result = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for article in parse_bytes(path.name, path.read_bytes()).articles:
            result[article.title] = (article, extract(article))
    return result


SUBJECT_PLACES = {
    "党建领航办实事 争创标杆惠民生": ("洛阳市中心医院", "河南省", "洛阳市", ""),
    "厚德济世 崇古创新 唱响健康四季歌": ("孟津区中医院", "河南省", "洛阳市", "孟津区"),
    "凝心聚力 砥砺奋进 为建设省级区域医疗中心而努力奋斗": ("商丘市第一人民医院", "河南省", "商丘市", ""),
    "奋力开启高质量发展新征程": ("平顶山市第二人民医院", "河南省", "平顶山市", ""),
    "支部建在科室上 党建引领促发展": ("汝州市第一人民医院", "河南省", "平顶山市", "汝州市"),
    "重庆市綦江区人民医院 党建业务深度融合 高质量发展让群众满意": ("重庆市綦江区人民医院", "重庆市", "重庆市", "綦江区"),
    "仁和精诚铸医遗 服务人民谱华章": ("衡阳市中医医院", "湖南省", "衡阳市", ""),
}


@pytest.mark.parametrize("title", SUBJECT_PLACES)
def test_subject_hospital_and_its_province_and_city(seed_entities, title):
    _, entities = seed_entities[title]
    name, province, city, district = SUBJECT_PLACES[title]
    subject = [h for h in entities.hospitals if h.subject]
    assert [h.name for h in subject] == [name]
    assert (subject[0].place.province, subject[0].place.city, subject[0].place.district) == (province, city, district)


def test_short_place_names_resolve_with_current_divisions():
    assert locate("孟津区中医院").city == "洛阳市"  # a district of 洛阳 since 2021
    assert locate("郑州大学第一附属医院").city == "郑州市"
    assert locate("延边朝鲜族自治州人民医院").province == "吉林省"
    assert not locate("朝阳区人民医院")  # two 朝阳区 (北京, 长春): no guess


def test_hospital_names_are_cut_at_part_of_speech_boundaries():
    names = [n for n, _, _ in find_hospitals("市中心医院与西安交通大学第二附属医院开展深度合作，对口支援吉利人民医院，推动医院发展")]
    assert "西安交通大学第二附属医院" in names and "吉利人民医院" in names
    assert not any(n.endswith("推动医院") or n == "医院" for n in names)


@pytest.mark.parametrize("text, expected", [
    # jieba tags 周口市 a common noun and 郊区 a place word: the division still starts the name.
    ("周口市中医院党委书记、院长郭兰军", "周口市中医院"),
    ("铜陵市郊区中医院党委书记", "铜陵市郊区中医院"),
    ("遂宁市射洪市中医院党委书记", "遂宁市射洪市中医院"),  # not the short form 市中医院
    ("选派两家县级九江市彭泽县人民医院骨干", "九江市彭泽县人民医院"),  # nor are verbs and counts
    ("与复旦大学附属上海市第五人民医院合作", "复旦大学附属上海市第五人民医院"),  # a university is
    # A development zone is part of the name (jieba tags 高新 an adverb, cuts 经|开区).
    ("由西安高新曼朗心理医院承办落地", "西安高新曼朗心理医院"),
    ("长沙经开区医院开展义诊", "长沙经开区医院"),
    ("深入监管服务对象宝鸡高新医院开展活动", "宝鸡高新医院"),  # 宝鸡, a city, though tagged a noun
    ("和静县红十字会邀请库尔勒爱尔眼科医院3名专家", "库尔勒爱尔眼科医院"),  # 库尔勒, tagged a name
    ("邵阳学院附属第一医院举办义诊", "邵阳学院附属第一医院"),  # not 学院附属第一医院
])
def test_names_that_begin_with_an_administrative_division(text, expected):
    assert [n for n, _, _ in find_hospitals(text)] == [expected]


def test_two_names_joined_by_ji_leave_the_whole_last_one():
    # An event's title run into the hospital's name, and an institution's two names.
    assert [n for n, _, _ in find_hospitals("健康教育技能竞赛龙岗区坂田街道赛暨深圳市龙岗区第七人民医院2023年竞赛举行")] == [
        "深圳市龙岗区第七人民医院"]
    assert [n for n, _, _ in find_hospitals("湖北省中西医结合医院暨湖北省新华医院举办义诊")] == [
        "湖北省中西医结合医院", "湖北省新华医院"]
    assert [n for n, _, _ in find_hospitals("诸暨市人民医院与暨南大学附属东莞爱尔眼科医院合作")] == [
        "诸暨市人民医院", "暨南大学附属东莞爱尔眼科医院"]


def test_hospitals_that_hold_the_event_together_are_its_subjects():
    def subjects(lead):
        return [h.name for h in extract(parse_text("义诊活动在陇西举行\n" + lead + "\n")[0]).hospitals if h.subject]

    # Organisers (主办, 承办) are; a 协办's helpers and the venue are not.
    assert subjects("7月29日，由甘肃妇女儿童发展基金会、甘肃省第三人民医院联合主办，陇西县妇联、陇西县妇幼保健院"
                    "共同承办的巡讲义诊活动在定西市人民医院举行。") == ["甘肃省第三人民医院", "陇西县妇幼保健院"]
    assert subjects("8月6日，由光明区卫生健康局主办，光明区妇幼保健院承办，中山大学附属第七医院协办的宣传活动举行。"
                    "光明区妇幼保健院的专家讲解了母乳喂养知识。") == ["光明区妇幼保健院"]
    # A list the subject stands in names users or visitors as often as organisers: not subjects.
    assert subjects("目前，上海交通大学医学院附属仁济医院、南京鼓楼医院、浙江大学医学院附属第一医院等多家医院已首批应用。"
                    "在仁济医院里，患者小杨取号后由数字陪诊师指引。") == ["上海交通大学医学院附属仁济医院"]


def test_an_epidemic_hall_a_bare_kind_and_a_comrade_are_no_hospital():
    assert find_hospitals("儋州市方舱医院项目设施拆除及场地恢复工程") == []
    assert find_hospitals("在荣军医院，学生党员为退伍老党员送上慰问品") == []
    assert find_hospitals("赵付生同志代表医院全体职工向官兵致以节日的祝福") == []
    assert [n for n, _, _ in find_hospitals("湖南省荣军优抚医院开展义诊")] == ["湖南省荣军优抚医院"]


def test_a_kind_of_hospital_after_a_verb_is_no_name():
    # jieba tags 深化 an abbreviation (j); 公立医院 is a kind of hospital, not one.
    assert find_hospitals("要深化公立医院改革，推动医院高质量发展") == []
    assert find_hospitals("在郑州市推动医院发展") == []  # a place, then a verb


def test_people_and_roles_of_seed_articles(seed_entities):
    _, entities = seed_entities["凝心聚力 砥砺奋进 为建设省级区域医疗中心而努力奋斗"]
    roles = {p.name: p.role for p in entities.people}
    assert roles["韩传恩"] == "党委书记、院长" and roles["李传中"] == "党委副书记"
    assert {"王春玉", "寇学斌", "石红英", "刘世界", "张玉玲"} <= set(roles)
    assert not {"朱群永", "王璐", "陈钦正", "赵茜"} & set(roles)  # bylines are not hospital people


def test_honours_have_year_level_recipient_and_evidence(seed_entities):
    _, entities = seed_entities["仁和精诚铸医遗 服务人民谱华章"]
    honours = {h.name: h for h in entities.honours if h.kind == "honour"}
    pioneer = honours["衡阳市工人先锋号"]
    assert (pioneer.year, pioneer.recipient_kind, pioneer.recipient) == (2023, "department", "中风脑病科")
    assert "荣获" in pioneer.evidence.sentence
    assert honours["清廉衡阳建设优秀单位"].year == 2023


def test_designations_and_rankings_are_kept_apart_from_honours(seed_entities):
    _, entities = seed_entities["厚德济世 崇古创新 唱响健康四季歌"]
    assert not [h for h in entities.honours if h.kind == "honour"]
    assert {h.name for h in entities.honours if h.kind == "ranking"} == {"全国第七", "河南省第三"}
    assert kind_of("平顶山市临床重点专科") == "designation"
    assert kind_of("全国综合医院中医药工作示范单位") == "honour"
    assert kind_of("了群众好评") is None


@pytest.mark.parametrize("name, level", [
    ("全国优秀县级医院", "national"), ("国家卫健委改善医疗服务先进单位", "national"), ("河南省先进基层党组织", "provincial"),
    ("衡阳市工人先锋号", "municipal"), ("省级文明单位", "provincial"),
])
def test_honour_levels(name, level):
    assert level_of(name) == level


def test_facts_of_a_hospital_with_their_sentences(seed_entities):
    article, _ = seed_entities["奋力开启高质量发展新征程"]
    facts = {(f.kind, f.value): f for f in extract_facts(article, "平顶山市第二人民医院")}
    assert {("founded", "1979"), ("beds", "1404"), ("staff", "1753"), ("motto", "仁爱济世、厚德精术")} <= set(facts)
    assert {v for k, v in facts if k == "branch"} == {"宝丰分院", "新城区分院", "湛河分院"}
    assert "始建于1979年" in facts[("founded", "1979")].sentence


def test_a_plan_s_beds_wait_for_an_editor():
    article = parse_text("商丘市第一人民医院新院区开工\n"
                         "8月1日，商丘市第一人民医院开放床位1800张。该院新院区项目规划床位1200张，建成后将缓解住院难。\n")[0]
    beds = {f.value: f.confidence for f in extract_facts(article, "商丘市第一人民医院") if f.kind == "beds"}
    assert beds["1800"] >= 0.8 and beds["1200"] < 0.8


def test_party_committee_founding_is_not_the_hospitals(seed_entities):
    article, _ = seed_entities["支部建在科室上 党建引领促发展"]
    facts = {(f.kind, f.value) for f in extract_facts(article, "汝州市第一人民医院")}
    assert ("founded", "2019") not in facts  # 中共…委员会成立于2019年
    assert ("grade", "三级") in facts  # 是国家三级综合医院; 三甲创建 is only a plan


def test_grade_takes_the_highest_achieved(seed_entities):
    article, _ = seed_entities["重庆市綦江区人民医院 党建业务深度融合 高质量发展让群众满意"]
    assert ("grade", "三级甲等") in {(f.kind, f.value) for f in extract_facts(article, "重庆市綦江区人民医院")}


def test_a_paragraph_s_later_motto_is_found_after_an_empty_one():
    # The first 院训 quotes only punctuation (no motto); the paragraph's next sentence still counts.
    text = "平顶山市第二人民医院开展活动\n\n该院院训为“，，，，”。平顶山市第二人民医院院训是“仁爱济世、厚德精术”。\n"
    article = parse_text(text)[0]
    assert ("motto", "仁爱济世、厚德精术") in {(f.kind, f.value) for f in extract_facts(article, "平顶山市第二人民医院")}


def test_no_honour_without_an_award_phrase():
    article = parse_text("某市人民医院：标题 在此\n\n该院获得了群众的一致好评，满意度不断提升。\n")[0]
    assert [h for h in extract(article).honours if h.kind == "honour"] == []


def test_short_forms_resolve_to_the_subject():
    from articles.extraction.names import resolve_short_form

    subjects = ["平顶山市第二人民医院", "洛阳市中心医院"]
    assert resolve_short_form("市第二人民医院", subjects) == "平顶山市第二人民医院"
    assert resolve_short_form("市二院", subjects) == "平顶山市第二人民医院"
    assert resolve_short_form("市中心医院", subjects) == "洛阳市中心医院"
    assert resolve_short_form("县三院", subjects) is None


def test_an_association_of_hospitals_is_no_hospital():
    assert [n for n, _, _ in find_hospitals("他当选成都市医院协会理事，与成都市第二人民医院合作")] == ["成都市第二人民医院"]


def test_a_hospital_named_only_inside_an_honours_title_is_no_mention():
    article = parse_text(
        "遵义市第一人民医院：党建引领 奋勇争先\n\n2020年，该院荣获“全国爱婴医院”称号，并获评“贵州省医院管理先进单位”。"
        "医院与贵州省人民医院开展合作。\n")[0]
    entities = extract(article)
    assert {h.name for h in entities.honours} >= {"全国爱婴医院", "贵州省医院管理先进单位"}
    assert entities.mentioned_hospitals == ["贵州省人民医院"]


def test_a_name_read_before_jieba_learns_it_is_read_again_after():
    """Hospital names found in a run are remembered per run, and forgotten when the dictionary
    learns a name (an import teaches the names in the database before it reads)."""
    from articles.extraction.segmenter import add_words

    text = "近日，组织专家赴狮子岗联合医院开展义诊"
    assert find_hospitals(text) == []  # 联合 read as a verb: no name
    add_words(["狮子岗联合医院"])
    assert [name for name, _, _ in find_hospitals(text)] == ["狮子岗联合医院"]


@pytest.mark.parametrize("name, kind", [
    ("全国五一劳动奖状", "honour"), ("全国五一劳动奖章", "honour"), ("全国巾帼文明岗", "honour"),
    ("河北省最美医生", "honour"), ("优秀护士长", "honour"), ("示范胸痛中心", "honour"), ("中国胸痛中心示范基地", "honour"),
    ("国家标准版胸痛中心", "designation"), ("江苏省临床重点专科", "designation"),
])
def test_titles_of_people_and_of_model_centres_are_honours(name, kind):
    assert kind_of(name) == kind


def test_honours_from_a_list_under_its_introduction_and_from_a_counted_list():
    text = ("德阳市人民医院简介\n\n德阳市人民医院始建于1939年。\n\n医院先后荣获以下荣誉：\n\n◆ 全国文明单位\n\n◆ 全国五一劳动奖状\n\n"
            "◆ 四川省卫生健康系统先进集体\n\n表彰名单如下：\n\n优秀医师（2名）：张丽华（儿科）、王海燕（产科）\n\n"
            "医院再次蝉联“河南省文明单位标兵”。\n")
    [article] = parse_text(text)
    honours = {h.name for h in extract(article).honours if h.kind == "honour"}
    assert honours == {"全国文明单位", "全国五一劳动奖状", "四川省卫生健康系统先进集体", "优秀医师", "河南省文明单位标兵"}


@pytest.mark.parametrize("sentence, found", [
    ("院长黄建国表示，医院将继续发挥区域医疗中心的龙头作用。", [("黄建国", "院长")]),
    ("脾胃病科主任易红梅带领团队开展消化内镜下微创治疗。", [("易红梅", "脾胃病科主任")]),
    ("该院重症医学科主任 刘振华 介绍，远程平台已接入12家医院。", [("刘振华", "重症医学科主任")]),
    ("北京联慈健康公益基金会专家和山西白求恩医院专家进行了专题培训。", []),
    ("本周六，北京妇产医院知名专家来通州这里义诊咨询。", []),
])
def test_a_name_whose_surname_jieba_reads_as_a_word_and_one_padded_with_spaces(sentence, found):
    [article] = parse_text(f"医院新闻\n\n{sentence}\n")
    people = [(p.name, p.role) for p in extract(article).people]
    assert people == found


def test_a_mental_health_centre_is_a_hospital_though_jieba_cuts_its_kind():
    assert [name for name, _, _ in find_hospitals("记者从沈阳市精神卫生中心了解到，热线24小时开通。")] == ["沈阳市精神卫生中心"]
    assert find_hospitals("各地要加强精神卫生中心建设。") == []


def test_a_short_form_the_text_declares_in_brackets_is_the_full_names_alias():
    text = "珠海医院开通跨境转诊\n\n近日，珠海市人民医院（珠海医院）开通跨境转诊绿色通道。珠海医院院长李文涛介绍了情况。\n"
    [article] = parse_text(text)
    [subject] = [m for m in extract(article).hospitals if m.subject]
    assert (subject.name, subject.aliases) == ("珠海市人民医院", ("珠海医院",))
    assert [name for name, _, _ in find_hospitals("国立台湾大学医学院附设医院（台大医院）今日宣布")][0] == "国立台湾大学医学院附设医院"


@pytest.mark.parametrize("sentence, role", [
    ("据该院护理部主任崔红霞介绍，医院推行免陪照护。", "护理部主任"),
    ("经心血管内科副主任医师汪德坤详细检查后，诊断为急性左心衰。", "心血管内科副主任医师"),
    ("大会授予心血管内科主任医师覃海燕“十佳医师”称号。", "心血管内科主任医师"),
    # a professional title after the name its post opened
    ("主刀专家、肝胆中心主任王明言主任医师介绍，手术很成功。", "肝胆中心主任、主任医师"),
    # a second post with its own department, and the nurses' titles
    ("医院心内科主任、胸痛中心医疗总监宋建群说，要加强。", "心内科主任、胸痛中心医疗总监"),
    ("她就是重症医学科护士长、主任护师孔丽梅。", "重症医学科护士长、主任护师"),
    ("参加本次义诊的专家有肾内科主任兼血透中心主任刘泽岳。", "肾内科主任兼血透中心主任"),
    # a name, then the professional title (not `谢平副|主任医师`)
    ("医院普外科叶国刚副主任医师说，孩子恢复良好。", "普外科副主任医师"),
    ("专家团队中，谢平副主任医师为患者会诊。", "副主任医师"),
])
def test_a_roles_department_does_not_take_the_verb_before_it(sentence, role):
    [article] = parse_text(f"医院新闻\n\n{sentence}\n")
    assert [p.role for p in extract(article).people] == [role]


def test_an_honours_recipients_before_it_and_words_after_its_quotes_are_no_part_of_it():
    text = ("医院表彰大会\n\n大会授予心血管内科主任医师覃海燕等10人“十佳医师”称号。会上通报了神经外科护理团队获评“四川省优秀护理团队”的喜讯。"
            "卫健委决定授予以下4家医院医疗质量安全管理优秀单位称号。\n")
    [article] = parse_text(text)
    honours = {h.name for h in extract(article).honours if h.kind == "honour"}
    assert honours == {"十佳医师", "四川省优秀护理团队", "医疗质量安全管理优秀单位"}


@pytest.mark.parametrize("sentence, found", [
    ("“学科是核心竞争力。”医院党委书记陈远明说。", [("陈远明", "党委书记")]),
    ("心血管内科护士长王娟则说，周建平常常提醒护士。", [("王娟", "心血管内科护士长")]),
])
def test_a_name_before_说_and_a_conjunction_after_a_name(sentence, found):
    [article] = parse_text(f"医院新闻\n\n{sentence}\n")
    assert [(p.name, p.role) for p in extract(article).people] == found


@pytest.mark.parametrize("text", [
    "在缅甸医院受到的威胁让他至今难忘。",
    "《2022年中国医院人力资源现状调研报告》显示，多数医生收入偏低。",
])
def test_a_countrys_hospitals_in_general_are_no_hospital(text):
    assert find_hospitals(text) == []


def test_a_hospital_with_a_rare_character_in_its_name_is_found():
    assert [n for n, _, _ in find_hospitals("教师们在北京茗视光眼科医院免费接受眼部体检。")] == ["北京茗视光眼科医院"]


@pytest.mark.parametrize("lead, hospital", [
    ("8月3日晚，小区居民突发低血糖晕倒。邻居们拿来糖水，120救护车赶到后将老人送入宁阳县第一人民医院。当晚老人已无大碍。",
     "宁阳县第一人民医院"),
    ("银行员工开车护送老人，不到三分钟，两辆车顺利停在石门县中医医院门口。老人得到了及时救治。", "石门县中医医院"),
    ("至今村里还保留有红军医院、新四军医院旧址，红色文化底蕴厚重。近几年，村里发展乡村旅游。", "新四军医院"),
    ("近日，在县公共资源交易中心开标室，“云阳县中医院水口分院建设项目EPC”开标。", "云阳县中医院"),
    ("区内医疗机构众多，集聚了瑞金医院等多家知名三甲医院，临床医学资源丰富。", "瑞金医院"),  # one of many
    ("7月27日6时许，武汉市第七医院施工现场室外建材堆场突发起火。消防员赶到后将大火扑灭。", "武汉市第七医院"),
    ("杨浦区6个在建项目榜上有名，分别是轨道交通国权路站上盖项目、控江医院医技综合楼新建及辅助工程、平凉路街道租赁住宅项目。",
     "控江医院"),
    ("陈某，1970年生。1992年8月至2013年8月，先后在简阳市人民医院、市规划局工作，历任副局长、局长。", "简阳市人民医院"),
])
def test_a_hospital_named_once_as_a_place_in_another_story_is_no_subject(lead, hospital):
    entities = extract(only_article(lead))
    assert entities.subject_hospitals == []
    assert hospital in [m.name for m in entities.hospitals]


def test_a_patient_taken_to_a_hospitals_department_is_the_hospitals_story():
    entities = extract(only_article("近日，33岁的陈先生因恶心、呕吐被送进武汉市第一医院急诊科抢救。医生发现他血糖高达30。"))
    assert entities.subject_hospitals == ["武汉市第一医院"]


def only_article(body: str):
    articles = parse_text(f"普通的一天\n\n{body}\n")
    assert len(articles) == 1
    return articles[0]


def test_a_health_piece_that_quotes_two_hospitals_experts_is_about_both():
    entities = extract(only_article(
        "医生提醒，暑期是学生科学运动的好时机。中南大学湘雅医院内分泌科教授吴静提醒，青少年肥胖危害不可小觑。"
        "吴静建议，超重青少年要保证饮食规律。中南大学湘雅二医院骨科教授陶澄介绍，运动前要充分热身。"))
    assert entities.subject_hospitals == ["中南大学湘雅医院", "中南大学湘雅二医院"]


def test_a_short_form_the_text_declares_stands_for_its_full_name():
    entities = extract(only_article("8月9日报道，河北中国医学科学院肿瘤医院（下称“河北分院”）拟申请注销登记。河北分院成立于2020年，"
                                    "河北分院院长张某某表示将配合清算。"))
    assert entities.subject_hospitals == ["河北中国医学科学院肿瘤医院"]
    [subject] = [m for m in entities.hospitals if m.subject]
    assert "河北分院" in subject.aliases and len(entities.hospitals) == 1


def test_staff_named_under_the_subject_s_other_name_are_its_staff():
    entities = extract(only_article("记者日前从海军军医大学第三附属医院（上海东方肝胆外科医院）获悉，该院副院长刘辉带领团队完成手术。"
                                    "海军军医大学第三附属医院介绍，手术历时6小时。"))
    assert entities.subject_hospitals == ["海军军医大学第三附属医院"]
    assert [(p.name, p.hospital) for p in entities.people] == [("刘辉", "海军军医大学第三附属医院")]


def test_a_brand_jieba_does_not_know_is_read_between_punctuation():
    assert [n for n, _, _ in find_hospitals("近日，控江医院在院内举办了一场夏令营。")] == ["控江医院"]
    assert find_hospitals("事故致1人当场死亡，1人经医院抢救无效死亡。") == []


def test_proper_nouns_in_a_row_before_a_suffix_are_one_name():
    assert [n for n, _, _ in find_hospitals("宣布，伊利沙伯医院内科部两间病房启用。")] == ["伊利沙伯医院"]


def test_hong_kong_hospital_titles_are_roles():
    entities = extract(only_article("玛嘉烈医院行政总监陈志明医生表示，病房已启用。病房经理何淑仪表示，系统运作良好。"))
    assert {(p.name, p.role) for p in entities.people} >= {("陈志明", "行政总监"), ("何淑仪", "病房经理")}


def test_an_adverb_after_a_name_is_no_part_of_it():
    entities = extract(only_article("该医院的一名副主任医师刘飞却遭到了实名举报。武汉市第三医院党委书记邓文表示将调查。"))
    assert "刘飞" in [p.name for p in entities.people] and "刘飞却" not in [p.name for p in entities.people]


def test_a_name_in_parts_is_one_person_only_with_a_hospital_of_the_articles():
    entities = extract(only_article("岳普湖县人民医院普外科副主任医师艾克拜尔·吐尔逊正在为患者手术。英国护士露西·莱比因被判有罪。"))
    assert [(p.name, p.role) for p in entities.people] == [("艾克拜尔·吐尔逊", "普外科副主任医师")]


def test_a_department_a_role_follows_is_the_next_persons_not_a_name():
    entities = extract(only_article("华山医院五官科主任医师亓卫东、呼吸科主任医师陈小东、文明办主任林怡参加义诊。康复科治疗师陈科为患者训练。"))
    assert {(p.name, p.role) for p in entities.people} == {
        ("亓卫东", "五官科主任医师"), ("陈小东", "呼吸科主任医师"), ("林怡", "文明办主任"), ("陈科", "康复科治疗师")}


@pytest.mark.parametrize("text, name", [
    ("今年7月，他在青岛市市立医院罕见病诊疗中心确诊。", "青岛市市立医院"),  # 市立 founded by the city, part of the name
    ("5月28日，在北京积水潭医院回龙观院区创伤骨科病房。", "北京积水潭医院"),  # one word of the dictionary
])
def test_names_jieba_reads_as_one_word_or_with_a_verb(text, name):
    assert [n for n, _, _ in find_hospitals(text)] == [name]


NOTICE = """某省卫生健康委员会
首页 > 政务公开 > 通知公告

索 引 号：11370000004163424M/2023-00215
发布机构：某省卫生健康委员会
成文日期：2023-07-05
标　　题：某省卫生健康委员会关于通报表扬2022年度医疗质量安全改进先进单位的通知

某省卫生健康委员会关于通报表扬2022年度医疗质量安全改进先进单位的通知

各市卫生健康委：
　　经各市推荐、专家评审和网上公示，决定对以下医疗机构予以通报表扬，名单如下：
　　山东大学齐鲁医院
　　青岛大学附属医院
　　济宁市第一人民医院
　　希望受到表扬的单位再接再厉。患者转诊可联系当地医院。

某省卫生健康委员会
2023年7月5日
"""


def test_a_notice_is_about_every_hospital_it_lists():
    [article] = parse_text(NOTICE)
    assert article.title == "某省卫生健康委员会关于通报表扬2022年度医疗质量安全改进先进单位的通知"  # not `发布机构：…`
    assert str(article.published) == "2023-07-05"
    assert extract(article).subject_hospitals == ["山东大学齐鲁医院", "青岛大学附属医院", "济宁市第一人民医院"]


def test_a_report_that_names_hospitals_in_passing_is_no_notice():
    [article] = parse_text("某地开展义诊活动\n\n7月5日，专家主要来自山东大学齐鲁医院、青岛大学附属医院、济宁市第一人民医院，"
                           "为群众义诊，服务300余人次。\n")
    assert len(extract(article).subject_hospitals) <= 1  # the lead's pick, not the whole list


@pytest.mark.parametrize("text, names", [
    ("近日，枣庄市立医院开展应急演练。", ["枣庄市立医院"]),  # jieba cuts 枣庄市|立
    ("湖南光琇医院消化内科提醒您注意饮食。", ["湖南光琇医院"]),  # 光|琇(zg)
    ("来湖南旺旺医院超声室做检查的患者增多。", ["湖南旺旺医院"]),  # 旺旺(a)
    ("多家机构观摩日照港口医院精益管理工作。", ["日照港口医院"]),  # a city jieba reads as a noun: 日照(n)|港口
    # a hospital's branch in another city is one name
    ("北京儿童医院郑州医院、复旦大学附属华山医院福建医院投入运营。", ["北京儿童医院郑州医院", "复旦大学附属华山医院福建医院"]),
    ("在北京儿童医院保定医院耳鼻喉科候诊。", ["北京儿童医院保定医院"]),
    ("湖南各级医院都在推进改革。", []),
    ("他被评为中国最佳医院的专家。", []),
    ("北京大医院人满为患。", []),
])
def test_a_place_then_a_word_jieba_does_not_call_a_noun_is_a_hospital(text, names):
    assert [name for name, _, _ in find_hospitals(text)] == names


@pytest.mark.parametrize("sentence, role", [
    ("患者不住地对康复医学科主任裴绪群表示感谢。", "康复医学科主任"),
    ("院长戴冬梅为输血科主任任红颁发证书。", "输血科主任"),
    ("北京佑安医院呼吸与感染疾病科主任医师李侗曾介绍。", "呼吸与感染疾病科主任医师"),
])
def test_a_role_keeps_its_department_not_the_words_before_it(sentence, role):
    [article] = parse_text(f"某医院的一天\n\n{sentence}\n")
    roles = {p.name: p.role for p in extract(article).people}
    assert role in roles.values(), roles


def test_a_name_that_opens_with_a_direction_keeps_it():
    assert [n for n, _, _ in find_hospitals("南方医科大学深圳医院举行挂牌仪式")] == ["南方医科大学深圳医院"]


def test_the_rest_of_a_numbers_phrase_is_no_keyword():
    from articles.extraction.segmenter import keywords_from_words, words

    text = "7月1日起，某市中心医院儿科夜间门诊开诊，每晚6点至10点接诊，费用约2万元。夜间门诊方便家长，儿科医生坐诊。"
    keywords = keywords_from_words(words(text))
    assert not {"日起", "点至", "万元"} & set(keywords) and "门诊" in keywords
    keywords = keywords_from_words(words("网传某某医生家中搜出1.5亿元，某某医生否认，网传消息不实，1.5亿元是谣言。"))
    assert not {"某某", "1.5"} & set(keywords) and "网传" in keywords


def test_another_body_s_department_head_is_not_the_hospital_s_staff():
    entities = extract(only_article(
        "7月24日，北京医院参加活动。中国侨联公益事业管理服务中心副主任雷霆，北京医院心内科主任医师、博士生导师汪芳参加活动并致辞。"
        "北京医院心内科主任医师汪芳介绍了自我保健理念。"))
    assert [(p.name, p.role, p.hospital) for p in entities.people] == [("汪芳", "心内科主任医师", "北京医院")]


def test_a_hospital_named_after_a_body_keeps_its_department_heads():
    entities = extract(only_article("广州市红十字会医院救治烧伤患者。广州市红十字会烧伤整形科主任李孝建表示，将继续打造救治体系。"
                                    "广州市红十字会医院供稿。"))
    assert [p.name for p in entities.people] == ["李孝建"]


def test_a_word_between_a_role_and_said_is_a_name():
    entities = extract(only_article("近日，武汉市第三医院开展廉洁从医活动。武汉市第三医院纪委书记代维说：“今年开展了一系列活动。”"))
    assert [(p.name, p.role) for p in entities.people] == [("代维", "纪委书记")]


def test_a_hospital_first_of_a_gift_s_other_recipients_is_no_subject():
    entities = extract(only_article("某玩具公司携手某公益基金会，向上海市儿童医院、某公益基金会普陀区公益阵地、云南怒江的留守儿童捐赠了5610份玩具。"
                                    "该项目预计覆盖5000多名儿童。"))
    assert entities.subject_hospitals == []


@pytest.mark.parametrize("headline, body, subject", [
    # the county in full and 中医医院 for 中医院, in the same place
    ("秀山县中医院食堂停业整顿", "市民反映秀山县中医院食堂卫生问题。《秀山土家族苗族自治县中医医院食堂经营权招租公告》显示，"
     "食堂为外包经营。", "秀山土家族苗族自治县中医医院"),
    # a city-level hospital named without its 市
    ("永州市中心医院开设夜间门诊", "永州市中心医院副院长表示，夜间门诊方便了上班族。永州中心医院在便民服务方面做了很多探索。", "永州市中心医院"),
    # the headline's province and city before the county: the body's name with its division
    ("浙江湖州南浔区人民医院开通急救绿色通道", "近日，南浔区人民医院开通胸痛急救绿色通道，患者救治时间大大缩短。", "南浔区人民医院"),
])
def test_the_subject_takes_the_fullest_form_the_text_gives_of_the_same_institution(headline, body, subject):
    [article] = parse_text(f"{headline}\n\n{body}\n")
    hospitals = extract(article).hospitals
    assert [h.name for h in hospitals if h.subject] == [subject]
    assert not [h.name for h in hospitals if not h.subject]  # its other forms are aliases, not other hospitals


@pytest.mark.parametrize("sentence, honour, recipient", [
    ("1.医院获评第十六届“云南省文明单位”（2023年，云南省精神文明建设委员会）；", "云南省文明单位", None),  # after its edition
    ("4.护理部主任杨丽萍获评“全国优秀护理部主任”（2023年，中国医院协会）。", "全国优秀护理部主任", "杨丽萍"),
    ("肝胆胰外科主任医师段志强获评“云南省有突出贡献优秀专业技术人才”（2023年）。", "云南省有突出贡献优秀专业技术人才", "段志强"),
])
def test_honours_after_an_edition_and_titles_given_to_people(sentence, honour, recipient):
    [article] = parse_text(f"某某医院喜报\n\n{sentence}\n")
    [found] = [h for h in extract(article).honours if h.kind == "honour"]
    assert (found.name, found.year) == (honour, 2023)
    if recipient:
        assert (found.recipient, found.recipient_kind) == (recipient, "person")


def test_a_hospital_s_service_word_jieba_reads_as_a_name_is_no_person():
    [article] = parse_text("川东北首家“专家康养度假大院”建成\n\n该院邀约专家康养度假，专家李明华表示很满意。\n")
    assert [p.name for p in extract(article).people] == ["李明华"]


def test_a_mentioned_hospital_named_in_full_and_by_its_shorter_form_is_one_mention():
    from articles.extraction.entities import extract
    from articles.parsing import parse_text

    article = parse_text("宜昌市中心医院开展义诊活动\n宜昌市中心医院近日开展义诊，邀请中南大学湘雅医院专家到场坐诊。"
                         "湘雅医院专家为居民讲解健康知识。\n")[0]
    mentioned = {h.name: h.aliases for h in extract(article).hospitals if not h.subject}
    assert mentioned == {"中南大学湘雅医院": ("湘雅医院",)}
