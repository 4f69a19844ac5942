"""Layouts of round zm (2026-12-07): an official document's red head over its number, a bilingual
notice with its salutation and signature, a Hong Kong release under its issuer's name, a portal's
original headline in brackets, lines that stand where a caption would and are none. Short texts
written for the tests in the shapes of the real ones."""

import pytest

from articles.extraction.entities import extract
from tests.articles.parsed import only

pytestmark = pytest.mark.database_independent

BODY = "　　2023年，全院干部职工坚持以人民健康为中心，圆满完成了全年各项目标任务，门急诊量创历史新高。\n\n"


def test_a_red_head_s_issuers_and_number_stand_over_the_headline():
    article = only("中共某县人民医院委员会\n某县人民医院\n\n某医发〔2024〕12号\n\n"
                   "某县人民医院关于表彰2023年度先进集体和先进个人的决定\n\n各科室、各部门：\n\n" + BODY)
    assert article.title == "某县人民医院关于表彰2023年度先进集体和先进个人的决定"
    assert "某医发" not in article.body and "委员会" not in article.body


def test_a_salutation_over_its_translation_is_no_site_name_and_a_signature_no_caption():
    article = only("关于国际医疗服务中心搬迁的公告\nAnnouncement on the Relocation of the Center\n\n"
                   "尊敬的患者朋友：\nDear Patients,\n\n" + BODY + "由此给您带来的不便，敬请谅解。\n"
                   "We apologize for any inconvenience caused.\n\n某市人民医院\nSome People's Hospital\n2024年9月2日\n")
    assert article.title == "关于国际医疗服务中心搬迁的公告"
    assert article.source is None and article.captions == ()


def test_a_release_under_its_issuer_s_name_is_the_issuer_s_and_its_attached_photo_a_caption():
    article = only("醫院管理局\n新聞稿\n\n威爾斯親王醫院日間醫療中心投入服務\n\n"
                   "　　威爾斯親王醫院日間醫療中心今日正式投入服務，預計每年可服務約四萬人次。\n\n"
                   "　　日間醫療中心護理部經理陳淑芬表示，中心護士均接受專科培訓。\n\n"
                   "（附圖）威院行政總監梁家俊醫生（右三）與醫護人員在開幕儀式上合照。\n\n完\n")
    assert (article.title, article.source) == ("威爾斯親王醫院日間醫療中心投入服務", "醫院管理局")
    assert [c.text for c in article.captions] == ["（附圖）威院行政總監梁家俊醫生（右三）與醫護人員在開幕儀式上合照"]
    assert {p.name: p.role for p in extract(article).people}.get("陳淑芬") == "日間醫療中心護理部經理"


def test_a_portal_s_original_headline_in_brackets_is_no_caption():
    article = only("某省医院日间手术中心运行满月\n\n" + BODY + "（原标题：当天入院当天出院 某医日间手术中心成绩单出炉）\n\n"
                   "责任编辑：张宇\n")
    assert article.captions == () and "原标题" not in article.body


@pytest.mark.parametrize("line", [
    "（本期播出稿完）",
    "【现场声】（机械臂移动、仪器提示音）",
    "第3版 今日某溪 2024年5月17日",
    "许文斌（神经外科）　陶静（儿科）　马国庆（普通外科）",
    "Some People's Hospital",
])
def test_lines_that_stand_where_a_caption_would_are_no_captions(line):
    article = only("某县医院开展义诊活动\n\n" + BODY + line + "\n\n" + BODY.replace("2023年", "2024年"))
    assert article.captions == ()


def test_a_headline_over_its_document_number_is_no_red_head():
    article = only("关于公布2022年度全省改善医疗服务先进典型名单的通知\n\n川卫函〔2023〕15号\n\n各市（州）卫生健康委：\n\n" + BODY)
    assert article.title == "关于公布2022年度全省改善医疗服务先进典型名单的通知"


def test_a_county_s_first_character_stays_with_its_hospital_s_name():
    article = only("某市卫生健康委员会表彰先进\n\n" + BODY + "　　汶南县人民医院、岱山县人民医院获评先进单位。\n\n")
    assert "汶南县人民医院" in [h.name for h in extract(article).hospitals]


def test_a_yearbook_entry_names_the_book_it_was_taken_from_and_an_appointment_no_hospital():
    article = only("某县人民医院2023年大事记\n\n（摘自《某县人民医院年鉴（2024）》　撰稿：院办 周敏）\n\n"
                   "4月10日　中共某县委决定：王振华任楚源县人民医院党委书记。\n\n" + BODY)
    assert (article.source, article.authors) == ("某县人民医院年鉴(2024)", ("周敏",))
    names = [h.name for h in extract(article).hospitals]
    assert "楚源县人民医院" in names and not any(name.startswith("王振华") for name in names)


def test_a_notice_in_a_hospital_s_own_words_is_about_the_hospital_that_signs_it():
    article = only("关于国际医疗服务中心搬迁的公告\n\n尊敬的患者朋友：\n\n"
                   "　　为进一步改善就医环境，我院国际医疗服务中心将于9月9日起搬迁至医技综合楼三楼。\n\n"
                   "由此给您带来的不便，敬请谅解。\n\n宜昌市中心人民医院\n2024年9月2日\n")
    assert [h.name for h in extract(article).hospitals if h.subject] == ["宜昌市中心人民医院"]
