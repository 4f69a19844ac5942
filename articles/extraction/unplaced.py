"""Hospital names that jieba's tags and the division table do not read as names by themselves
(names.py): a city or county the table does not hold (`安澜市第一人民医院`, a place a text invents),
a place then a brand jieba does not know (`湖南|旺旺|医院`), a state-owned group or a ministry that
runs hospitals (`国药东风总医院`), an armed force's hospital by its number (`联勤保障部队第984医院`).
Pure Python, no Django."""

from __future__ import annotations

import re

from articles.parsing.text import CJK

# An armed force's hospital by its number: `中国人民解放军联勤保障部队第九八四医院`, `海军第九〇五医院`.
NUMBERED_MILITARY = re.compile(rf"(?:中国人民解放军|解放军)?(?:联勤保障部队|陆军|海军|空军|火箭军|武警[{CJK}]{{0,6}}?(?:总队|部队)?)"
                                rf"[{CJK}]{{0,8}}?第?[一二三四五六七八九十〇零]{{2,4}}医院$")
# Such a number in Arabic digits (`第984医院`), read as the same number of Chinese digits so that
# every offset holds; the name is then taken from the text as it was written.
ARABIC_NUMBERED = re.compile(r"第(\d{2,4})(?=(?:医院|分院))")
CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


# Directions that open names (`南方医科大学深圳医院`, `东方医院`), which jieba tags f, not a place.
DIRECTION_NAMES = ("南方", "东方")
# Two characters between a place and 医院 that make no name: `湖南各级医院`, `广州多家医院`.
NOT_A_BRAND = {"各级", "大型", "公立", "民营", "私立", "定点", "三甲", "综合", "专科", "知名", "当地", "多家", "两家", "几家",
                "一家", "部分", "省级", "市级", "县级", "基层", "附近", "指定", "所有", "其他", "其它", "本地", "全部", "各大",
                "大小", "正规", "医保", "合作", "协作", "帮扶", "托管", "对口", "周边", "沿线", "新建", "在建", "各类",
                "各地", "全市", "全省", "全县", "全区", "最佳", "最好", "最大", "顶级", "一流", "优秀", "先进", "示范", "百强"}


def place_then_word(tokens) -> str | None:
    """A place jieba knows, then two characters it tags as an adjective, a rare character or a
    direction, then the suffix: `湖南|旺旺(a)|医院`, `湖南|光|琇(zg)|医院`, `广州市|南方(f)|医院`; and
    `枣庄市|立(v)|医院`, a 市立 hospital jieba cut after the city. Not a verb (`郑州市推动医院`), a
    common word (`湖南各级医院`), nor a place and one character (`北京大医院`)."""
    if len(tokens) < 3 or tokens[-1][0] != "医院":
        return None
    places = [i for i, (word, tag) in enumerate(tokens[:-1]) if tag == "ns" or i == len(tokens) - 3 and _city_short_name(word)]
    if not places:
        return None
    last = places[-1]
    middle = "".join(word for word, _ in tokens[last + 1:-1])
    first = last
    while first > 0 and tokens[first - 1][1] == "ns":
        first -= 1
    place = "".join(word for word, _ in tokens[first:last + 1])
    tags = {tag for _, tag in tokens[last + 1:-1]}
    if (len(middle) == 2 and middle not in NOT_A_BRAND and re.fullmatch(f"[{CJK}]{{2}}", middle)
            and tags <= {"a", "ad", "an", "ag", "zg", "n", "f", "s", "b"} and middle[-1] not in "在到的了于向给把被让从和与及") \
            or (middle == "立" and place.endswith("市")):
        return place + middle + "医院"
    return None


def _city_short_name(word: str) -> bool:
    """A city's name without its 市 that jieba reads as a common word: `日照(n)|港口|医院`."""
    from .places import locate

    return len(word) >= 2 and locate(word).city == word + "市"


# What a public hospital's name says after its city or county: `第一人民医院`, `中医院`, `妇幼保健院`.
_PUBLIC_BODY = re.compile(r"(?:第[一二三四五六七八九十]{1,3})?(?:人民医院|中医医院|中医院|中西医结合医院|中心医院|妇幼保健院|医院)$")


def unknown_place(run: str, tokens) -> str | None:
    """A city or county the division table does not hold (a new one, a place a text invents),
    a word jieba reads as a proper noun, then its level and a public hospital's body:
    `安澜(nrfg)|市|第一|人民医院`, `云岭(ns)|县|人民医院`. Not a bare `…市医院` (a place's hospitals)."""
    for index in range(1, len(tokens) - 1):
        level = tokens[index][0]
        if level not in ("市", "县", "区", "州市"):
            continue
        rest = "".join(w for w, _ in tokens[index + 1:])
        if not _PUBLIC_BODY.fullmatch(rest) or rest == "医院":
            continue
        word, tag = tokens[index - 1]
        if level == "州市":  # `澄|州市|第一人民医院`: jieba reads 州市 as one word
            if len(word) == 1 and tag in _PLACE_CHARACTER_TAGS | {"v", "ns"}:
                return word + level + rest
            continue
        if len(word) == 3 and word[0] in VISITED and tag in PROPER_OR_NAME:
            word = word[1:]  # `——访|青禾(nr)|县中医医院`: the interview's verb glued to the place
        elif len(word) == 1 and index >= 2 and len(tokens[index - 2][0]) == 1 \
                and {tag, tokens[index - 2][1]} <= _PLACE_CHARACTER_TAGS:
            word = tokens[index - 2][0] + word  # `青(a)|禾(ng)|县`: two characters jieba could not join
        elif not (len(word) == 2 and tag in PROPER_OR_NAME):
            continue
        if word not in NOT_A_BRAND:
            return word + level + rest
    return None


VISITED = "访到赴在往"
PROPER_OR_NAME = ("ns", "nr", "nrfg", "nrt", "nz")
_PLACE_CHARACTER_TAGS = {"a", "ng", "n", "ns", "nr", "nz", "j", "b", "zg", "vg", "ag", "g"}  # g: a rare character (`泷`)


def glued_place(first: tuple[str, str], before: str) -> bool:
    """Whether jieba took a city's first character into the word before it: a place of one
    character and its level that is no division (`澄市` after `致临`), after a word whose last
    character no sentence ends a word with."""
    from .places import is_division

    word, tag = first
    return (len(word) == 2 and word[-1] in "市县" and tag == "ns" and not is_division(word)
            and len(before) >= 1 and "\u4e00" <= before[-1] <= "\u9fff" and before[-1] not in "在到从向于的了是和与及对为把被将由至赴往")


def unknown_brand(run: str, tokens) -> str | None:
    """A run of two characters jieba does not know as a word and 医院, alone between punctuation:
    `近日，控江|医院…` (控(v)|江(ns)). Without a place it is held for an editor (`name_confidence`)."""
    if len(run) == 4 and len(tokens) == 3 and tokens[2][0] == "医院" and len(tokens[0][0]) == len(tokens[1][0]) == 1 \
            and tokens[0][1] in ("v", "ns", "nr", "j", "vg") and tokens[1][1] in ("ns", "nr", "j", "nz"):
        return run
    return None


# State-owned groups and a ministry that run hospitals, a proper noun in the name they open
# (`中铁十七局中心医院`, `国药东风总医院`, `通用环球中铁西安医院`, Taiwan's `卫生福利部南屯医院`) however
# jieba tags them (n, or 通用 a verb, 卫生 an adjective).
GROUPS = frozenset(("中铁", "中建", "中核", "中冶", "中交", "国药", "华润", "中信", "通用环球", "首钢", "鞍钢", "武钢", "宝钢",
                     "攀钢", "包钢", "马钢", "开滦", "中石化", "中石油", "中海油", "航天", "兵器", "核工业", "卫生福利部", "卫福部"))


_BRANCH_IN_CITY = re.compile(rf"[{CJK}]{{2,3}}医院")


def branch_in_city(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], right after a hospital's name, is a city's or province's name and
    医院: the hospital's branch there (`北京儿童医院|郑州医院`, `复旦大学附属华山医院|福建医院`)."""
    from .places import locate

    if not _BRANCH_IN_CITY.fullmatch(text, start, end):
        return False
    word = text[start:end - 2]
    place = locate(word)
    return any(form in (word, word + "市", word + "省") for form in (place.city, place.province))
