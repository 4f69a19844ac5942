"""Shapes of Chinese names: hospitals and people. Pure data and regular expressions."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.parsing.text import CJK

from .unplaced import (
    ARABIC_NUMBERED,
    CHINESE_DIGITS,
    DIRECTION_NAMES,
    GROUPS,
    NUMBERED_MILITARY,
    PROPER_OR_NAME,
    VISITED,
    branch_in_city,
    glued_place,
    place_then_word,
    unknown_brand,
    unknown_place,
)

HOSPITAL_SUFFIXES = (
    "妇幼保健院", "中西医结合医院", "中医医院", "中医院", "人民医院", "医院", "卫生院", "医学中心", "保健院",
    "卫生服务中心", "卫生服务站", "分院", "精神卫生中心",
)
_SUFFIX = "|".join(sorted(HOSPITAL_SUFFIXES, key=len, reverse=True))
# Suffixes whose words jieba tags as no part of a name.
_WHOLE_SUFFIXES = ("精神卫生中心",)
# A run of characters that ends in a hospital suffix. Where the name proper begins (after verbs,
# prepositions, other nouns) is decided by `_refine` from jieba's part-of-speech tags.
HOSPITAL_RUN = re.compile(rf"[{CJK}〇（）()]{{2,24}}?(?:{_SUFFIX})")
# Every suffix holds one of these, as its last character; a run ends at most 30 characters after
# it begins (24 + the longest suffix, 7, - 1).
_SUFFIX_LAST = re.compile("[院心站]")
_RUN_REACH = 24 + max(map(len, HOSPITAL_SUFFIXES)) - 1
assert {suffix[-1] for suffix in HOSPITAL_SUFFIXES} == set("院心站")
assert all(sum(suffix.count(c) for c in "院心站") == 1 for suffix in HOSPITAL_SUFFIXES)

# A short form: a name that begins with a bare level word stands for the full one in context.
SHORT_FORM_PREFIXES = ("市", "区", "县", "省", "该", "本", "我", "全", "各", "院", "某")
NOT_A_HOSPITAL = ("定点医院", "方舱医院", "公立医院", "县级医院", "基层医院", "三级医院", "二级医院", "医院", "分院",
                  "清廉医院", "智慧医院", "区县医院", "上级医院", "中医院", "卫生院", "教学医院", "附属医院",
                  "协作医院", "互联网医院", "专科医院", "综合医院", "民营医院", "乡镇卫生院",
                  # A kind of hospital with no place or owner names none (`人民医院`, `眼科医院`).
                  "人民医院", "第一人民医院", "第二人民医院", "第三人民医院", "中心医院", "中医医院", "中西医结合医院",
                  "妇幼保健院", "儿童医院", "眼科医院", "口腔医院", "肿瘤医院", "精神病医院", "妇产医院", "骨科医院",
                  "传染病医院", "胸科医院", "康复医院", "人民医院分院", "总医院", "牙科医院", "荣军医院",
                  # Not for people at all.
                  "宠物医院", "动物医院", "兽医院")


# Part-of-speech tags a hospital name is made of: nouns, places, organisations, numbers
# (第二), distinguishing words (附属) and jieba's unknown words (user-dictionary names).
_NAME_TAGS = ("n", "ng", "ns", "nt", "nz", "nr", "nrt", "m", "b", "j", "x", "eng")
_PROPER_TAGS = ("ns", "nt", "nz", "nr", "nrt", "j")


_STRONG_TAGS = ("ns", "nt", "nz", "nr", "nrt")




def _refine(run: str) -> str | None:
    """The hospital name at the end of `run`, or None when what precedes the suffix is not a
    name (`推动医院`, `综合性中医医院`). jieba's tags decide where the name starts; a name that
    begins with an administrative division (`周口市中医院`, `铜陵市郊区中医院`) is one even when
    jieba tags the place as a common noun, and common words before the place (`选派两家县级…`)
    are dropped."""
    from .places import division_prefix
    from .segmenter import pos_tokens

    if military := NUMBERED_MILITARY.search(run):
        return military.group(0)  # `联勤保障部队第九八四医院`: jieba cuts 保障 a verb and the number in two
    tokens = pos_tokens(run)
    for suffix in _WHOLE_SUFFIXES:  # jieba cuts 精神|卫生(an)|中心: a name's kind, read whole
        if run.endswith(suffix) and len(run) > len(suffix):
            tokens = [*pos_tokens(run[:-len(suffix)]), (suffix, "n")]
    kept = _kept_tokens(tokens)
    name = _name_from_tokens(kept)
    if name and len(tokens) > len(kept) and glued_place(kept[0], tokens[len(tokens) - len(kept) - 1][0]):
        name = tokens[len(tokens) - len(kept) - 1][0][-1] + name  # `致临|澄市(ns)|第三人民医院`: 临澄市
    anchored = None
    for start in range(len(run) - 3):
        place = 0  # province, city and county in a row: `遂宁市射洪市`
        while step := division_prefix(run[start + place:]):
            place += step
        if place:
            rest = run[start + place:]
            # What follows the place is a name's (`第五人民医院`, `中医院`), not `推动医院`.
            if len(rest) >= 2 and all(tag in _NAME_TAGS or tag == "s" or word in _FOUNDED_BY for word, tag in pos_tokens(rest)):
                anchored = run[start:]
            break
    if name is None and anchored is None:
        return place_then_word(tokens) or unknown_brand(run, tokens) or unknown_place(run, tokens)
    if anchored is None and name is not None and is_short_form(name) and (placed := unknown_place(run, tokens)) \
            and placed.endswith(name):
        return placed  # `安澜|市第一人民医院`: the short form's own place before it
    if anchored is None or anchored in NOT_A_HOSPITAL:
        return name
    if name is None or is_short_form(name) or len(name) < len(anchored):
        return anchored
    if len(name) > len(anchored) and _no_proper_noun_before(kept, len(name) - len(anchored)) \
            and not name.startswith(_FOUNDED_BY):
        return anchored
    return name


def _kept_tokens(tokens) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for word, tag in reversed(tokens):
        if word in GROUPS or (kept and word + kept[-1][0] in GROUPS):
            tag = "nt"
        # A development zone is a place in a name (`西安高新医院`, `长沙经开区医院`), whatever jieba
        # tags 高新 (an adverb) or the 经 it cuts from 开区 (a preposition).
        if word == "高新" or (word == "经" and kept and kept[-1][0].startswith("开")) \
                or (word in DIRECTION_NAMES and kept):  # `南方|医科大学|深圳医院`: jieba tags the direction f
            tag = "ns"
        elif word == "附设" or word in _FOUNDED_BY:  # Taiwan's 附属 (`…医学院附设医院`); `青岛市|市立|医院`
            tag = "b"
        if tag not in _NAME_TAGS or not word.strip() or word in "()（）":
            break
        kept.append((word, tag))
    kept.reverse()
    # Words that open a feature's subtitle or a sentence, not a name: `——记遵义市…医院`.
    while kept and kept[0][0] in ("中共", "原", "记", "走进", "来到", "探访", "聚焦", "实拍", "直击"):
        kept.pop(0)
    if kept and len(kept[0][0]) == 3 and kept[0][0][0] in VISITED and kept[0][1] in PROPER_OR_NAME:
        kept[0] = (kept[0][0][1:], kept[0][1])  # `——访|青禾(访青禾 nr)|县中医医院`: an interview's verb glued on
    return kept


def _name_from_tokens(kept: list[tuple[str, str]]) -> str | None:
    name = "".join(word for word, _ in kept)
    if len(name) < 4 or name in NOT_A_HOSPITAL:
        return None
    if is_short_form(name):
        return name
    if len(kept) == 1 and len(name) >= 6 and _PLACE_FIRST.match(name):
        return name  # one word of the dictionary that opens with its city: `北京积水潭医院`
    if not any(tag in _PROPER_TAGS for _, tag in kept[:-1]) and not any(tag in _PROPER_TAGS for _, tag in kept[-1:] if len(kept) == 1):
        return None
    if kept[-1][0] in NOT_A_HOSPITAL and not any(tag in _STRONG_TAGS for _, tag in kept[:-1]):
        # A kind of hospital (`公立医院`) after a verb jieba took for an abbreviation (`深化`).
        return None
    return name


# A province's or a municipality's short name opening a hospital's name.
_PLACE_FIRST = re.compile(r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州"
                          r"|云南|西藏|陕西|甘肃|青海|宁夏|新疆|内蒙古|香港|澳门)")


def _no_proper_noun_before(kept: list[tuple[str, str]], length: int) -> bool:
    """Whether the first `length` characters of the name hold no proper noun (a university, an
    army, a company: `复旦大学附属…` stays part of the name)."""
    seen = 0
    for word, tag in kept:
        if seen >= length:
            break
        if tag in _STRONG_TAGS:
            return False
        seen += len(word)
    return True


# What turns a hospital name into another body's (`重庆市医院协会`: an association of hospitals;
# `华大医院控股`: a company).
NOT_A_HOSPITAL_AFTER = ("协会", "学会", "联合会", "控股", "集团", "有限公司", "股份", "管理公司", "投资", "管理学会", "管理协会",
                        "管理局", "管理中心")

COUNTRIES = ("中国", "我国", "国内", "国外", "海外", "境外", "美国", "日本", "韩国", "朝鲜", "英国", "法国", "德国", "意大利",
             "西班牙", "俄罗斯", "乌克兰", "印度", "缅甸", "泰国", "越南", "老挝", "柬埔寨", "新加坡", "马来西亚", "印尼",
             "菲律宾", "巴基斯坦", "阿富汗", "尼泊尔", "蒙古", "以色列", "伊朗", "伊拉克", "叙利亚", "土耳其", "埃及", "南非",
             "巴西", "墨西哥", "加拿大", "澳大利亚", "澳洲", "欧洲", "美洲", "非洲", "亚洲")

# Phrases that name no particular hospital: `湖南两家医院`, `上海一医院`, `公立医院`, `某医院`.
_GENERIC = re.compile(
    r"一家|多家|几家|两家|三家|数家|众多|某|首家|唯一一家|这家|那家|该家|一所|多所|一位|各家|全市|全省|全国|附近"
    r"|(?:三甲|二甲|三级|二级|一级|大型|小型|公立|民营|私立|定点|试点|周边|当地|本地|基层|县级|市级|省级)(?:[\u4e00-\u9fff]{0,4})医院$"
    r"|^[\u4e00-\u9fff]{2,4}(?<!第)[一二两]医院$"
    # A country's or the nation's hospitals in general (`在缅甸医院受到的威胁`, `中国医院人力资源`):
    # a particular one abroad is named (`舍巴医院`), not its country alone.
    rf"|^(?:{'|'.join(COUNTRIES)})医院$"
)
_COMPANY = re.compile(r"有限公司|控股|股份|实业|集团(?!医院|总医院)")
# Words a hospital's official name may start with besides a place: the armed forces, the state,
# a university (`首都医科大学附属…`).
_ANCHOR_WORDS = ("中国人民解放军", "解放军", "武警", "陆军", "海军", "空军", "火箭军", "联勤保障部队", "中国", "国家", "首都")
_UNIVERSITY = re.compile(r"大学|学院|医科大|医专|中医药大|科大")
_GROUP_NAMES = tuple(GROUPS)


def _anchor_at(name: str, offset: int, word: str, tag: str) -> bool:
    """Whether the official name can begin at `offset`: at a division (`襄阳市`), an organisation,
    the armed forces or the state, or a university, but not at any word jieba calls a place
    (`黄海` of the person 黄海)."""
    from .places import division_prefix, is_division, locate

    rest = name[offset:]
    return (
        division_prefix(rest) > 0 or rest.startswith(_ANCHOR_WORDS) or tag == "nt" or rest.startswith(_GROUP_NAMES)
        or (tag == "ns" and bool(locate(rest))) or bool(_UNIVERSITY.search(word))
        # A city's or county's short name that jieba calls a common noun or a person's name
        # (`对象|宝鸡|高新医院`, `邀请|库尔勒|爱尔眼科医院`).
        or (tag in ("n", "nr", "nrt") and len(word) >= 2 and (is_division(word + "市") or is_division(word + "县")))
    )


_BEFORE_NAME = re.compile(rf"^[{CJK}]{{2,}}?[会局委所站校部](?:和|与|及)(?=[{CJK}]{{4}})"
                          r"|^.*?新建(?=市)|^.*?(?:迁址|异地|原址|整体|搬迁|医院)新建(?=[区县])")
_BARE_AFTER_VERB = re.compile(r"(?:代表|作为|带领|率领)(?:医院|分院)$")

# Tags of words that end a sentence's part before a name (`联系`, `现任`, `多次`).
_BEFORE_NAME_TAGS = ("v", "vn", "vd", "p", "d", "c", "u", "uj", "ul", "r", "t", "m", "q", "f")


# Who founded it, part of an official name (`国立台湾大学医学院附设医院`, `省立医院`).
_FOUNDED_BY = ("国立", "省立", "市立", "县立")


def trim_hospital_name(name: str) -> str | None:
    """The official name inside an extracted run, or None when the run names no particular
    hospital. Words before the name's first place or organisation (`网传…`, `孟婕现任…`,
    `口腔科副主任汤雨龙…`, `日…` of a date) are not part of it; a generic phrase (`一家医院`,
    `公立医院`) or a company (`…有限公司…`) is no hospital."""
    from .segmenter import pos_tokens

    if _GENERIC.search(name) or name.endswith(("宠物医院", "动物医院", "兽医院", "方舱医院")) or "同志" in name:
        # `印度德里一家宠物医院`: no particular hospital, whatever precedes it; a 方舱医院 is a hall
        # fitted out for an epidemic (`儋州市方舱医院项目设施拆除`); `赵付生同志代表医院…` is a person.
        return None
    if "暨" in name:
        # Two names joined: an event's and the hospital's (`…技能竞赛坂田街道赛暨深圳市龙岗区第七人民医院…`),
        # or an institution's two (`湖北省中西医结合医院暨湖北省新华医院`); the last is a whole name
        # where a division begins it. Not the 暨 of 诸暨市 or 暨南大学.
        from .places import division_prefix

        at = name.rindex("暨")
        tail = name[at + 1:]
        if len(tail) >= 4 and (division_prefix(tail) or (at == 0 and not name.startswith("暨南大学"))):
            name = tail
    # `苏州市医学会和三香社区卫生服务中心`: another body, then the hospital; `迁址新建市第一中医医院`: the
    # move, then the hospital's short form (there is no 新建市; 南昌市新建区 is a place).
    name = _BEFORE_NAME.sub("", name)
    if "公司" in name:
        # A company's site at a hospital (`中建三局华南公司广州市南方医院`): the hospital's name opens
        # with its place after the company; `中国石油天然气集团公司中心医院` is one name.
        from .places import division_prefix

        tail = name[name.rindex("公司") + 2:]
        if len(tail) >= 4 and division_prefix(tail):
            name = tail
    if _BARE_AFTER_VERB.search(name):
        return None  # `廉凯代表医院党委`: a person speaks for the hospital, which has no name here
    for opening, closing in (("（", "）"), ("(", ")")):
        if name.count(opening) > name.count(closing):
            # `湖南省结核病防治所（湖南省胸科医院`: the name in the bracket, not the run before it.
            name = name[name.rindex(opening) + 1:]
    if is_short_form(name):
        return name  # `市第二人民医院`: resolved against the article's subject, not trimmed
    tokens = pos_tokens(name)
    offset = 0
    previous = None
    for word, tag in tokens:
        if _anchor_at(name, offset, word, tag) or (offset == 0 and word in DIRECTION_NAMES and len(name) > len(word) + 2):
            if previous and previous[1] == "ns" and len(previous[0]) >= 2 and _UNIVERSITY.search(word):
                offset -= len(previous[0])  # a region names the university: `赣南|医学院`, `川北|医学院`, `皖南|医学院`
            break
        offset += len(word)
        previous = (word, tag)
    if tokens[0][1] == "nr" and 2 <= len(tokens[0][0]) <= 3 and name[len(tokens[0][0]):].startswith("任") \
            and len(name) - len(tokens[0][0]) - 1 >= 4:
        return trim_hospital_name(name[len(tokens[0][0]) + 1:])  # `王振华任楚源县人民医院党委书记`: an appointment
    if offset == 1 and tokens[0][1] == "ns" and len(tokens) > 1 and tokens[1][1] == "ns" \
            and len(tokens[1][0]) == 2 and tokens[1][0][-1] in "县区市旗镇":
        offset = 0  # `汶|南县`, `岱|北区`: a place's first character, not a word before it (`在|南县`: p)
    if offset >= len(name) - 2:
        # No place or organisation: the name starts at its last proper noun (`…联系|湘雅三医院`),
        # else after the last word of the sentence before it.
        offset, position, proper, in_run, numeral = 0, 0, None, False, None
        for word, tag in tokens[:-1]:
            if tag in ("ns", "nz", "nr", "nrt", "j") and len(name) - position >= 4:
                if not in_run:  # proper nouns in a row are one name: `伊利|沙伯|医院`
                    proper = position
                    if len(word) == 1 and numeral is not None:
                        proper = offset = min(offset, numeral)  # a numeral opens the place's name: `三|香|社区…`
                numeral = None
                # not an address (`幸福北路|华硕口腔医院`), a one-character word or a joined name's 暨
                in_run = len(word) >= 2 and not word.endswith(("路", "街", "巷", "号", "道")) and "暨" not in word
            else:
                in_run = False
                numeral = position if tag == "m" and word in "一二三四五六七八九十" else None
            position += len(word)
            if tag in _BEFORE_NAME_TAGS and len(name) - position >= 4:
                offset = position
        if proper is not None and proper >= offset:
            offset = proper
    if 0 < offset < len(name) - 2 and not _UNIVERSITY.search(name[:offset]) and name[offset:] not in NOT_A_HOSPITAL \
            and not name.startswith(_FOUNDED_BY):
        name = name[offset:]
    if _GENERIC.search(name) or _COMPANY.search(name):
        return None
    return name


def name_confidence(name: str) -> float:
    """How sure the name is a particular hospital's official name: a name that starts with its
    place, the armed forces or the state, or carries its university, is; a bare short form
    (`瑞金医院`, `中山医院`) or a place with only `医院` after it (`上海医院`) is held for review."""
    from .places import division_prefix, locate

    place_length = division_prefix(name)
    place = locate(name)
    if (place_length or place) and len(name) - place_length > 2:
        bare = name[place_length:]
        if bare in ("医院", "分院") or bare.endswith(("方舱医院", "临时医院", "野战医院")):
            return 0.6  # `上海医院`; a makeshift hospital is no institution
        return 0.9
    if name.startswith(("学院", "大学", "附属", "医学院", "医科大学")):
        return 0.6  # cut from the front of a university's name
    anchor = next((word for word in _ANCHOR_WORDS if name.startswith(word)), "")
    bare = name[len(anchor):] in NOT_A_HOSPITAL or name[len(anchor):] == "医院"
    if anchor and (not bare or anchor not in ("中国", "国家", "首都")):
        return 0.9
    if _UNIVERSITY.search(name[:-2]):
        return 0.9
    return 0.6  # `中国医院`, `瑞金医院`


_refined: dict[str, str | None] = {}
_REFINED_LIMIT = 20_000
_NOT_YET = object()
_refined_registered = False


def _refined_name(run: str) -> str | None:
    """`_refine(run)`, remembered until the dictionary changes (as its part-of-speech tags are):
    the same runs recur within and across articles (3,096 distinct in 24,581 on 1,000 generated
    articles)."""
    global _refined_registered
    if not _refined_registered:
        from .segmenter import cache_until_dictionary_changes  # jieba: not for the parser's imports

        cache_until_dictionary_changes(_refined)
        _refined_registered = True
    name = _refined.get(run, _NOT_YET)
    if name is _NOT_YET:
        if len(_refined) >= _REFINED_LIMIT:
            _refined.clear()
        name = _refined[run] = _refine(run)
    return name


def hospital_runs(text: str):
    """`HOSPITAL_RUN.finditer(text)`, without trying the pattern at every character (up to 23
    lengths each): a run ends with a suffix, so only where one ends, within the pattern's reach
    before it, is searched. The same matches: the leftmost run that ends at a suffix starts no
    later than any that ends further on, and its shortest form ends there (tests/articles/
    extraction/test_names.py compares the two scans)."""
    pos = 0
    for last in _SUFFIX_LAST.finditer(text):
        end = last.end()
        if end <= pos or not text.endswith(HOSPITAL_SUFFIXES, 0, end):
            continue
        match = HOSPITAL_RUN.search(text, max(pos, end - 1 - _RUN_REACH), end)
        if match is not None:
            yield match
            pos = end


def find_hospitals(text: str) -> list[tuple[str, int, int]]:
    """Hospital names in text with their offsets. Short forms are kept (they start with 市/区/该…)
    so that the caller can resolve them against the article's subject."""
    found = []
    written = text
    if "第" in text:
        text = ARABIC_NUMBERED.sub(lambda m: "第" + m.group(1).translate(CHINESE_DIGITS), text)
    for match in hospital_runs(text):
        if text.startswith(NOT_A_HOSPITAL_AFTER, match.end()) or (
                match.group(0).endswith("医院") and text.startswith("区", match.end()) and not text.startswith("区域", match.end())):
            continue  # `郑大一附院河医院区`: the 院 is the campus's (河医|院区), no hospital's name ends there
        if found and branch_in_city(text, found[-1][2], match.end()):
            # `北京儿童医院郑州医院`, `复旦大学附属华山医院福建医院`: a hospital's branch in another city, one name
            _, start, _ = found.pop()
            found.append((written[start:match.end()], start, match.end()))
            continue
        name = _refined_name(match.group(0))
        name = trim_hospital_name(name) if name else None
        if not name:
            continue
        end = match.end()
        if owner := _OWNER_ABBREVIATION.search(text, max(0, end - len(name) - 6), end - len(name)):
            name = owner.group(0) + name  # `重医附属永川医院`, `浙大附属邵逸夫医院`: the university, abbreviated
        if text[end - len(name) - 1:end - len(name) + 1] in _PRAISED and len(name) > 5:
            name = name[1:]  # `点|赞古(ns)|美社区卫生服务中心`: the verb's second character read into a place
        found.append((written[end - len(name):end], end - len(name), end))
    return found


_PRAISED = frozenset(("点赞", "称赞", "夸赞", "盛赞", "力赞", "怒赞"))


# A university abbreviated before 附属 (`重医`, `浙大`, `南医大`), where the text's name starts.
_OWNER_ABBREVIATION = re.compile(rf"(?<![{CJK}])[{CJK}]{{1,2}}(?:医|大|医大)附属$")


def is_short_form(name: str) -> bool:
    return name.startswith(SHORT_FORM_PREFIXES)


_ORDINAL_ABBREVIATION = re.compile(r"^(?P<level>[市区县])(?P<n>[一二三四五六七八九十]{1,2})院$")


def resolve_short_form(name: str, candidates: list[str]) -> str | None:
    """`市第二人民医院` or `市二院` → `平顶山市第二人民医院` when that is one of the candidates."""
    bare = name.lstrip("该本我")
    for full in candidates:
        if full != name and full.endswith(bare) and len(bare) >= 3:
            return full
    abbreviation = _ORDINAL_ABBREVIATION.match(bare)
    if abbreviation:
        for full in candidates:
            if re.search(f"{abbreviation['level']}第{abbreviation['n']}(?:人民)?医院$", full):
                return full
    return None


# What a hospital's name says beyond its place and owner: `中南大学湘雅三医院`, `长沙湘雅三医院` and
# `湘雅三医院` all say 湘雅三医院.
_OWNER = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:大学|学院|医科大学|医学院)(?:[\u4e00-\u9fff]{0,6}?(?:学院|医学部))?(?:附属)?")


@lru_cache(maxsize=65536)  # each new hospital's name is compared with up to 20 others
def name_core(name: str) -> str:
    """The name without the places and the university in front of it."""
    from .places import division_prefix, locate

    core = _OWNER.sub("", name) if len(_OWNER.sub("", name)) >= 4 else name
    while True:
        before = core
        while step := division_prefix(core):
            core = core[step:]
        place = locate(core)
        # A short place name (`长沙`, `江苏`): drop what locate read, province first.
        for form in filter(None, (place.province, place.city, place.district)):
            for short in (form, form[:-1], form[:2]):
                if len(short) >= 2 and core.startswith(short) and len(core) - len(short) >= 4:
                    core = core[len(short):]
                    break
        if core == before:
            return core


def likely_same_hospital(a: str, b: str) -> bool:
    """Two names an editor should be asked about: the same core and places that fit. A core that
    is only a kind (`第二人民医院`) must have the very same place (常州市 and 江苏常州市)."""
    from .places import locate, same_place

    if a == b:
        return False
    core = name_core(a)
    if core != name_core(b) or len(core) < 4:
        return False
    owners = {m.group(0) for m in (_OWNER.match(a), _OWNER.match(b)) if m}
    if len(owners) > 1:
        return False  # two universities' hospitals (`…大学附属第一医院`)
    generic = core in NOT_A_HOSPITAL or bool(_KIND_ONLY.fullmatch(core))
    if generic and owners:
        return False  # a university's 第一医院 and a city's are two hospitals
    place_a, place_b = locate(a), locate(b)
    if generic and _unplaced(a, core, place_a) != _unplaced(b, core, place_b):
        # Words before the kind that the place read leaves over are a place it could not
        # place (河南省|南平市中医医院, a city of another province): they must say the same.
        return False
    return same_place(place_a, place_b, exact=generic)


@lru_cache(maxsize=8192)  # a new hospital is compared with up to 20 names per article, most of them again and again
def _unplaced(name: str, core: str, place) -> str:
    """What stands before `core` in `name` besides the place `locate` read there (its province,
    city and county, in full or short: 江苏常州市 → "")."""
    before = name[:len(name) - len(core)] if name.endswith(core) else name
    for form in filter(None, (place.district, place.city, place.province)):  # 乌鲁木齐县 before 乌鲁木齐市
        for short in (form, form[:-1], form[:2]):
            if len(short) >= 2 and short in before:
                # A short form with its own level word (秀山县 for 秀山土家族苗族自治县).
                before = re.sub(re.escape(short) + ("" if short == form else _LEVEL_WORD), "", before, count=1)
                break
    return before


_LEVEL_WORD = "[省市县区州旗盟]?"


# A core that is only an ordinal and a kind (`第一医院`, `第二附属医院`, `第四医院`): it names a
# hospital only together with its place.
_KIND_ONLY = re.compile(
    r"(?:第?[一二三四五六七八九十\d]+)?(?:附属)?(?:第?[一二三四五六七八九十\d]+)?"
    r"(?:人民|中心|中医|中西医结合|妇幼保健|妇幼|儿童|口腔|肿瘤|精神病|传染病|胸科|眼科|骨科|康复|总|附属|市立|县|区|市)?"
    r"(?:医院|保健院|分院|卫生院)"
)
