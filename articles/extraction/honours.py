"""Honours and designations: award verbs before a title (`荣获…`, `被评为…`), quoted lists before
荣誉称号, a status conferred (`被确定为…重点专科`), each with its year, level, recipient and sentence."""

from __future__ import annotations

import re

from articles.parsing.model import ParsedArticle
from articles.parsing.text import CJK

from .mentions import Evidence, HonourMention, PersonMention, sentences
from .names import find_hospitals, resolve_short_form
from .places import province_prefix

AWARD_VERBS = r"获(?=第[一二三四五六七八九十\d]{1,3}届)|荣获|荣膺|喜获|再获|获评|获得|获授|蝉联|摘得|斩获|捧得|夺得|被评为|被授予|被命名为|被确定为|被认定为|被批准为|获批|入选|评为|授予"
# Verbs that confer a status (a designation), not an award, unless the title says award.
DESIGNATING_VERBS = ("被确定为", "被认定为", "被批准为", "获批", "入选")
HONOUR_LIST = re.compile(r"(?P<items>(?:[“\"「][^”\"」]{2,40}[”\"」][、，,和及与]*){1,30})等?(?:多项|一系列)?(?:荣誉称号|荣誉|称号)")
QUOTED = re.compile(r"[“\"「](?P<name>[^”\"」]{2,40})[”\"」]")
VERB_PHRASE = re.compile(rf"(?P<verb>{AWARD_VERBS})(?P<year>(?:19|20)\d{{2}}年度?)?(?P<items>[^，,。；;！？!?]{{2,200}})")
COUNT_SUFFIX = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|项|家|次|名)$")
HONOUR_ENDINGS = ("单位", "集体", "个人", "工作者", "先锋号", "奖", "奖状", "奖章", "奖牌", "奖杯", "案例", "示范中心", "示范单位",
                  "示范医院", "示范基地", "标兵", "模范", "满意医院", "爱婴医院", "优秀县级医院", "医院", "先进", "红旗",
                  "文明单位", "巾帼", "文明岗", "示范岗", "之家", "号", "组织", "科室", "团队", "红旗手", "能手", "之星",
                  "名医")
# A title given to a person or a team for what they are: `优秀护士长`, `河北省最美医生`, `十佳医师`.
PERSON_TITLE = re.compile(r"(?:优秀|最美|十佳|杰出|先进|模范|百佳|好|名)(?:医师|医生|护士|护士长|科主任|护理部主任|主任|管理者|工作者|院长|专业技术人才|人才|"
                          r"党员|共产党员|党务工作者|青年|女性|员工|职工|医务工作者|医务人员)$")
DESIGNATION_MARKERS = ("重点专科", "重点学科", "培育学科", "特色专科", "研究中心", "质量控制中心", "质控中心", "诊疗中心",
                       "区域医疗中心", "基地", "实验室", "名单", "试点", "项目", "联盟", "工作站")
YEAR_IN = re.compile(r"((?:19|20)\d{2})年")


def level_of(name: str) -> str:
    if name.startswith(("全国", "国家", "中国", "中华")) or "国家" in name[:6]:
        return "national"
    if "省" in name[:5] or name.startswith(("省级", "自治区")) or province_prefix(name):
        return "provincial"
    if re.search(r"^[^省]{1,6}(?:市|州|盟)", name) or name.startswith("市级"):
        return "municipal"
    return "other"


def kind_of(name: str) -> str | None:
    """An honour (an award or title), a designation (a status: key specialty, regional centre,
    base) or neither (the verb's object was something else: `获得了群众好评`)."""
    if "示范" in name and name.endswith(("中心", "基地")):
        return "honour"  # `示范胸痛中心`, `中国胸痛中心示范基地`: a title, not a status
    if any(marker in name for marker in DESIGNATION_MARKERS) and not name.endswith(("示范中心", "先进单位", "示范单位")):
        return "designation"
    if name.endswith(HONOUR_ENDINGS) or PERSON_TITLE.search(name):
        return "honour"
    if name.endswith(("中心", "专科", "学科", "单位")):
        return "designation"
    return None


# A year in brackets after a quoted title: `“全国文明单位”（2021年）、“…”`.
_BRACKET_YEAR = r"(?:[（(](?:19|20)\d{2}年度?[)）])?"
_YEAR_AFTER = re.compile(r"[（(](?P<year>(?:19|20)\d{2})年度?[)）](?=(?:等(?:荣誉|称号|奖项)?.*)?$)")
# (after the edition it is: `获评第十六届“云南省文明单位”`)
_LEADING_QUOTED = re.compile(rf"\s*(?:(?:19|20)\d{{2}}年度?|首批|第[一二三四五六七八九十\d]+(?:批|届))?(?:[“\"「][^”\"」]{{2,40}}[”\"」]{_BRACKET_YEAR}[、和及与]*)+")
QUOTED_WITH_YEAR = re.compile(r"[“\"「](?P<name>[^”\"」]{2,40})[”\"」](?:[（(](?P<year>(?:19|20)\d{2})年度?[)）])?")
# Who receives it, before the title in the verb's object: `覃海燕等10人`, `以下4家医院`.
_RECIPIENTS_FIRST = re.compile(r"^.*?(?:等\s*\d+\s*(?:人|名|家|个)|以下\s*\d*\s*(?:家|个|名|人)?(?:医院|单位|集体|科室|个人)?)")


def _clean_honour(name: str) -> str:
    name = _RECIPIENTS_FIRST.sub("", name.strip())
    name = re.sub(r"(?:等(?:多项)?)?(?:荣誉)?称号$|等荣誉$", "", name.strip())
    name = name.strip(" “”\"'「」、，,")
    name = re.sub(r"^(?:(?:19|20)\d{2}年度?|首批|第[一二三四五六七八九十\d]+(?:批|届))", "", name)
    name = COUNT_SUFFIX.sub("", name)
    if name.count("“") != name.count("”") or name.count('"') % 2:
        name = re.sub(r'[“”"]', "", name)
    return name.strip()


def extract_honours(article: ParsedArticle, subject: list[str], people: tuple[PersonMention, ...]) -> tuple[HonourMention, ...]:
    found: dict[tuple[str, int | None], HonourMention] = {}
    person_names = {p.name for p in people}
    default = subject[0] if subject else ""
    paragraphs = article.paragraphs
    for index, paragraph in enumerate(paragraphs):
        for name, confidence in _listed(paragraphs, index):
            key = (name, None)
            if kind_of(name) == "honour" and key not in found and not any(n == name for n, _ in found):
                found[key] = HonourMention(name=name, year=None, level=level_of(name), kind="honour", recipient=default,
                                           recipient_kind="hospital", evidence=Evidence(paragraph.text[:200], index, 0),
                                           confidence=confidence)
        for offset, sentence in sentences(paragraph.text):
            evidence = Evidence(sentence.strip(), index, offset)
            years = YEAR_IN.findall(sentence)
            year = int(years[0]) if len(set(years)) == 1 else None
            # (raw name, confidence, where its clause starts, year, conferred as a status)
            candidates: list[tuple[str, float, int, int | None, bool]] = []
            for match in HONOUR_LIST.finditer(sentence):
                for quoted in QUOTED.finditer(match["items"]):
                    candidates.append((quoted["name"], 0.95, match.start(), year, False))
            for match in VERB_PHRASE.finditer(sentence):
                items = match["items"]
                item_year = int(match["year"][:4]) if match["year"] else year
                quoted = [(q["name"], int(q["year"]) if q["year"] else item_year) for q in QUOTED_WITH_YEAR.finditer(items)]
                leading = _LEADING_QUOTED.match(items)
                if quoted and re.fullmatch(rf"(?:[“\"「][^”\"」]+[”\"」]{_BRACKET_YEAR}[、和及与]*)+(?:等?(?:荣誉)?称号|等荣誉)?",
                                           items.strip()):
                    parts = quoted
                elif leading:
                    # `获评“四川省优秀护理团队”的喜讯`: the quoted titles the object opens with
                    parts = [(q["name"], int(q["year"]) if q["year"] else item_year)
                             for q in QUOTED_WITH_YEAR.finditer(leading.group(0))]
                else:
                    # each with its own year in brackets, if it has one: `全国五一劳动奖章（1989年）、…`
                    parts = [(_YEAR_AFTER.sub("", part), int(dated["year"]) if (dated := _YEAR_AFTER.search(part)) else item_year)
                             for part in re.split(r"、|和|及|以及", items)]
                status = match["verb"] in DESIGNATING_VERBS
                for part, part_year in parts:
                    candidates.append((part, 0.85 if part_year else 0.75, match.start(), part_year, status))
            for raw, confidence, position, year, status in candidates:
                name = _clean_honour(raw)
                if len(name) < 4 or len(name) > 40 or _NOT_A_TITLE.search(name):
                    continue
                recipient, recipient_kind = _recipient(sentence[:position], default, person_names)
                if recipient_kind == "hospital" and not _names_recipient(sentence[:position], subject):
                    # Nobody the sentence names receives it (`其完成的…荣获`, `基金会…被评为`):
                    # the subject hospital is only a guess, held for an editor.
                    confidence = min(confidence, 0.6)
                kind = kind_of(name)
                if status and kind == "honour" and not re.search(r"示范|先进|优秀|奖|模范|标兵|文明", name):
                    kind = "designation"
                key = (name, year)
                if kind is None or key in found or (name, None) in found:
                    continue
                found[key] = HonourMention(
                    name=name, year=year, level=level_of(name), kind=kind, recipient=recipient,
                    recipient_kind=recipient_kind, evidence=evidence, confidence=confidence,
                )
    return tuple(found.values())


# `医院先后荣获以下荣誉：` closing a paragraph: the honours are the short lines after it.
LIST_INTRO = re.compile(r"(?:荣获|获得|获评|获)(?:了)?(?:以下|如下|下列)?(?:主要)?(?:荣誉|称号|奖项|荣誉称号)[:：]$")
# `先进集体（3个）：儿童保健科、产科` in a list of those honoured: the honour, then who got it.
COUNTED_HEAD = re.compile(rf"^(?P<name>[{CJK}]{{2,16}})[（(]\d+(?:个|名|人|家|项)[)）][:：]")
_BULLET = re.compile(r"^(?:[◆◇■□●○▶►★☆·•\-—]|\d{1,2}[.、．]|[（(]\d{1,2}[)）])\s*")


def _listed(paragraphs, index: int) -> list[tuple[str, float]]:
    """Honours a list gives, not a sentence: the lines after `荣获以下荣誉：`, or a counted
    list's heading."""
    text = paragraphs[index].text
    if match := COUNTED_HEAD.match(text):
        return [(match["name"], 0.75)]
    if index == 0 or not LIST_INTRO.search(paragraphs[index - 1].text.split("\n")[-1]):
        if index < 1 or not _continues_list(paragraphs, index):
            return []
    name = _clean_honour(_BULLET.sub("", text))
    return [(name, 0.85)] if 4 <= len(name) <= 30 and not re.search(r"[，,。；;：:]", name) else []


def _continues_list(paragraphs, index: int) -> bool:
    """A short line in a run of short lines that a list's introduction opened."""
    j = index - 1
    while j >= 0 and len(paragraphs[j].text) <= 30 and _BULLET.match(paragraphs[j].text):
        j -= 1
    return j >= 0 and j < index - 1 and bool(LIST_INTRO.search(paragraphs[j].text)) and len(paragraphs[index].text) <= 30


# A verb's object that is no title: a clause's words around it (`了…`, `的国家区域医疗中心项目已有`,
# `…基地以来`, `…示范中心的单位`).
_NOT_A_TITLE = re.compile(r"^(?:了|的|被|设置的|将|把)|(?:以来|已有|之一|的医院|的单位|的科室|的个人)$")
_HOSPITAL_WORD = re.compile(r"该院|本院|我院|全院|医院|卫生院|中医院|保健院|卫生服务中心")


def _names_recipient(before: str, subject: list[str]) -> bool:
    """Whether the clause of the award verb names a hospital (or `该院`); a clause that goes on
    with 也/并/还 … has the subject of the sentence's earlier clauses."""
    clauses = re.split(r"[，,；;：:]", before)
    tail = clauses[-1]
    time_only = re.sub(r"(?:19|20)\d{2}年度?|\d{1,2}月(?:\d{1,2}日)?|近年来|近日|日前|此前|今年|去年|先后|曾经?|还|也|均|又|共|累计|并|同时|于|在|已|更|连续|多次|\s", "", tail)
    if not time_only and len(clauses) == 1:
        return True  # `2021年荣获…`: a list of the article's subject's achievements
    scope = [tail]
    if re.match(r"\s*(?:也|并|还|又|同时|先后|均|亦|更|曾)", tail) or not tail.strip():
        scope = clauses  # the clause goes on from the sentence's subject
    for clause in scope:
        named = [n for n, _, _ in find_hospitals(clause)]
        if named:
            # The honour is the subject's only when the hospital named is the subject.
            return all(any(full.endswith(n) or n.endswith(full) for full in subject) or
                       resolve_short_form(n, subject) for n in named)
        if _HOSPITAL_WORD.search(clause):
            return True
    return False


DEPARTMENT_RE = re.compile(rf"(?P<dept>[{CJK}]{{2,10}}?(?:科|病区|中心|实验室|团队|支部))(?:于|在|先后|曾|也|还|均|又)?(?:(?:19|20)\d{{2}}年[^，,]{{0,6}})?$")


def _recipient(before: str, default: str, person_names: set[str]) -> tuple[str, str]:
    tail = re.split(r"[，,。；;：:]", before)[-1].strip(" “”\"")
    for name in person_names:
        if tail.startswith(name) or tail.endswith(name):
            return name, "person"
    match = DEPARTMENT_RE.search(tail)
    if match and not match["dept"].startswith(("该", "本", "医院", "全院")):
        dept = re.sub(r"^(?:[{CJK}]*?(?:医院|中医院))", "", match["dept"])
        return dept or match["dept"], "department"
    return default, "hospital"
