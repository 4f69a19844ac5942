"""People that jieba does not read as names, and honours listed with their years: sentences of
the genre, no database."""

from __future__ import annotations

import pytest

from articles.extraction.entities import extract
from articles.extraction.honours import kind_of, level_of
from articles.parsing import parse_text

pytestmark = pytest.mark.database_independent


def people_of(sentence: str, hospital: str = "宜昌市中心医院") -> dict[str, str]:
    article = parse_text(f"{hospital}开展义诊活动\n{hospital}近日开展义诊。{sentence}\n")[0]
    return {p.name: p.role for p in extract(article).people}


@pytest.mark.parametrize("sentence, name, role", [
    # jieba cuts 杨淑|芬, 张|铁军, reads 曾 as an adverb and 黄 as an adjective: the role before the
    # name and the verb after it say it is one.
    ("护理部主任杨淑芬表示，全院将继续深化优质护理服务。", "杨淑芬", "护理部主任"),
    ("心脏外科主任张铁军带领团队完成手术。", "张铁军", "心脏外科主任"),
    ("手术由心血管内科副主任医师曾海涛主刀，全程仅用时40分钟。", "曾海涛", "心血管内科副主任医师"),
    ("该院党委副书记、院长曾振华表示，医院将继续开展培训。", "曾振华", "党委副书记、院长"),
    ("宜昌市中心医院院长黄春生介绍，该院始建于1942年。", "黄春生", "院长"),
    ("该院耳鼻喉科医生郦航波告诉记者，最近因游泳引发耳炎的患者增多。", "郦航波", "耳鼻喉科医生"),  # a rare surname
    ("当班的胸外科护士肖奕荣看到此情形后，立即上前扶住老人。", "肖奕荣", "胸外科护士"),
    ("门急诊办公室主任须冰透露，布局围绕疾病单元。", "须冰", "门急诊办公室主任"),
    ("宜昌市中心医院原党委书记都鹏飞涉嫌严重违纪违法，正接受审查。", "都鹏飞", "原党委书记"),  # 都, not the adverb
])
def test_a_name_jieba_splits_is_read_between_its_role_and_a_verb(sentence, name, role):
    assert people_of(sentence).get(name) == role


@pytest.mark.parametrize("sentence, not_a_name", [
    ("心内科主任向记者介绍，科室全年完成手术2100台。", "向记者"),
    ("听闻医院眼科专家来义诊，村民早早就排起了长队。", "来义诊"),
    ("医生查房时，发现患者情况好转。", "查房时"),
    ("院长曾多次表示，要把患者放在第一位。", "曾多次"),
])
def test_words_after_a_role_are_no_name(sentence, not_a_name):
    assert not_a_name not in people_of(sentence)


def test_a_name_between_a_hospital_or_department_and_a_role_is_that_hospital_s():
    article = parse_text("专家义诊活动\n近日，北京大学第三医院李健宁教授，携手空军军医大学西京医院（全国排名第三）"
                         "皮肤科张海龙教授联合开展义诊活动。\n")[0]
    people = {p.name: (p.role, p.hospital) for p in extract(article).people}
    assert people["李健宁"] == ("教授", "北京大学第三医院")
    assert people["张海龙"] == ("皮肤科教授", "空军军医大学西京医院")  # jieba cuts 张|海龙


@pytest.mark.parametrize("sentence, name, role", [
    ("心理医生张丽霞为受灾群众开展心理疏导。", "张丽霞", "心理医生"),
    ("吞咽言语治疗师冯宇萌、手法治疗师白成建第一时间赶到病房。", "白成建", "手法治疗师"),
])
def test_a_practice_before_doctor_or_therapist_is_part_of_the_role(sentence, name, role):
    assert people_of(sentence).get(name) == role


@pytest.mark.parametrize("sentence, not_a_name", [
    ("“和郭主任搭班十几年，他最常说的一句话就是‘病人等不起’。”", "和郭"),  # a conjunction, then a family name
    ("手术中，麻醉医生根据手术类型实施多模式镇痛。", "麻醉"),  # jieba's dictionary tags 麻醉 a name
    ("患者家属连声说：“谢谢医生！”", "谢谢"),
])
def test_a_word_before_a_role_is_no_name(sentence, not_a_name):
    assert not_a_name not in people_of(sentence)


def test_a_name_only_its_frame_reads_needs_the_hospital():
    # A community's party secretary in a hospital's article is no staff of it.
    assert "欧阳学辉" not in people_of("社区党委书记欧阳学辉说，共建美好社区是关键。")


def honours_of(sentence: str, hospital: str = "包头市中心医院") -> dict[str, tuple]:
    article = parse_text(f"{hospital}迎来建院70周年\n{sentence}\n")[0]
    return {h.name: (h.year, h.level) for h in extract(article).honours if h.kind == "honour"}


def test_quoted_titles_each_with_its_year_in_brackets():
    found = honours_of("近年来，医院先后获得“全国改善医疗服务示范医院”（2019年）、“内蒙古自治区文明单位标兵”（2020年）、"
                       "“全国卫生健康系统先进集体”（2021年）等荣誉。")
    assert found == {
        "全国改善医疗服务示范医院": (2019, "national"),
        "内蒙古自治区文明单位标兵": (2020, "provincial"),
        "全国卫生健康系统先进集体": (2021, "national"),
    }


@pytest.mark.parametrize("name, level", [
    ("广西壮族自治区文明单位", "provincial"), ("广西好医生", "provincial"), ("北京市优秀医师", "provincial"),
    ("重庆市五一劳动奖章", "provincial"), ("吉林市文明单位", "municipal"), ("塞上名医", "other"),
])
def test_a_province_level_name_opens_a_provincial_honour(name, level):
    assert level_of(name) == level


@pytest.mark.parametrize("name", ["福建省三八红旗手", "全国技术能手", "湖北名医", "最美护理之星"])
def test_titles_for_people_are_honours(name):
    assert kind_of(name) == "honour"


@pytest.mark.parametrize("sentence, name, role", [
    ("西藏自治区藏医院院长次仁介绍，医院去年接诊患者80万人次。", "次仁", "院长"),
    ("药浴中心副主任次仁桑珠向来宾介绍了传统工艺。", "次仁桑珠", "药浴中心副主任"),
    ("急诊科主任罗布次仁说，今年以来共转运患者120名。", "罗布次仁", "急诊科主任"),
])
def test_a_tibetan_name_has_no_surname(sentence, name, role):
    assert people_of(sentence, "西藏自治区藏医院").get(name) == role


def test_a_head_of_a_department_is_staff_and_a_party_or_government_one_is_not():
    people = people_of("医院后勤保障部部长罗建刚介绍，停车场将错峰开放。区委统战部部长方学武、区人武部部长王海涛出席。")
    assert people.get("罗建刚") == "后勤保障部部长"
    assert "方学武" not in people and "王海涛" not in people


def test_a_verb_after_a_name_is_no_part_of_it():
    assert people_of("护士周倩看我年纪大，主动帮我办手续。").get("周倩") == "护士"


def test_honours_listed_each_with_its_year_in_brackets():
    article = parse_text("某医学院附属第一医院原院长沈鹤年同志逝世。\n\n沈鹤年同志先后获得全国五一劳动奖章（1989年）、"
                         "全国优秀科技工作者（1996年）、中国医师奖（2004年）等荣誉，1991年起享受国务院政府特殊津贴。\n")[0]
    assert [(h.name, h.year) for h in extract(article).honours] == [
        ("全国五一劳动奖章", 1989), ("全国优秀科技工作者", 1996), ("中国医师奖", 2004)]


def test_staff_named_only_in_a_photo_s_caption_are_the_article_s_people():
    text = ("宜昌市中心医院专家进社区义诊\n宜昌市中心医院近日走进社区开展义诊，为居民免费测量血压。\n"
            "图为内分泌科主任杨杨为居民检查身体\n心内科副主任医师张铁军表示，将定期开展义诊。\n")
    people = {p.name: p.role for p in extract(parse_text(text)[0]).people}
    assert people == {"张铁军": "心内科副主任医师", "杨杨": "内分泌科主任"}


@pytest.mark.parametrize("sentence", [
    "医院党委副书记张中学就隐患排查整治工作作了详细汇报。",  # jieba reads 中学 as a school
    "医院党委副书记张中学主持开班仪式。",
])
def test_a_name_jieba_reads_as_a_word_is_read_between_its_role_and_what_the_person_does(sentence):
    assert people_of(sentence).get("张中学") == "党委副书记"


@pytest.mark.parametrize("sentence, official", [
    ("市卫健委消防专家丁兆宏对安全生产工作进行了集中培训。", "丁兆宏"),
    ("市卫健委党组成员、市计生协党支部书记单丽君开展宣讲。", "单丽君"),
    ("区卫健委主任孙斌将队旗授予医疗队。", "孙斌"),
])
def test_an_official_of_another_body_is_not_the_hospital_s_staff(sentence, official):
    assert official not in people_of(sentence)


def test_staff_after_another_body_s_official_or_in_a_medical_group_are_the_hospital_s():
    people = people_of("市慈善基金会秘书长李军向医院的党委书记杨新潮颁发证书，医院院长、医疗集团总院长冯晓光致辞。")
    assert people.get("杨新潮") == "党委书记" and "冯晓光" in people


def test_a_name_then_医师_is_a_doctor():
    assert people_of("入院后，陈霞医师详细询问了病史。").get("陈霞") == "医师"


@pytest.mark.parametrize("sentence, name, role", [
    # a group's head: not cut to 院长, and a hospital whose name ends in 眼科 is no department of his
    ("宜昌市中心医院医共体集团总院长王建国介绍，集团下设12家乡镇卫生院。", "王建国", "总院长"),
    ("“我们将继续把义诊办下去。”北京明视眼科总院长周立华表示。", "周立华", "总院长"),
])
def test_a_group_s_总院长_keeps_his_title(sentence, name, role):
    assert people_of(sentence, "北京明视眼科医院" if "明视" in sentence else "宜昌市中心医院").get(name) == role


def test_著名_and_the_place_before_it_are_no_part_of_a_role():
    roles = people_of("宜昌市著名心血管内科专家王建国义诊时被患者认出。")
    assert roles.get("王建国") == "心血管内科专家"
