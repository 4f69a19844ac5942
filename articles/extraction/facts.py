"""Hard facts about the article's subject hospital: founding year, beds, staff, grade, type,
motto (院训), branches, and rankings. Each comes with the sentence that says it.

A fact is taken only from a sentence about the subject: one that names it (full or short form)
or says 该院/本院/医院, and names no other hospital before the fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.parsing.model import ParsedArticle
from articles.parsing.text import CJK

from .names import find_hospitals


@dataclass(frozen=True)
class Fact:
    kind: str  # founded, beds, staff, grade, type, motto, branch, ranking
    value: str
    sentence: str
    paragraph: int
    confidence: float


FOUNDED = re.compile(r"(?:始建于|创建于|创办于|建院于|成立于|组建于|建于)\s*((?:18|19|20)\d{2})\s*年")
PLANNED = re.compile(r"规划|设计|计划|拟|预计|建成后|投用后|启用后|项目|新增|增加|扩建|新建")
BEDS = re.compile(r"(?:开放|编制|实际开放|核定|设置)?(?:床位|病床)(?:数)?(?:达到?|共|有)?\s*(\d{2,5})\s*(?:余|多)?张")
STAFF = re.compile(r"(?:在职职工|现有职工|在岗职工|职工总数|干部职工|员工|职工)(?:总数)?(?:达到?|共|有)?\s*(\d{2,5})\s*(?:余|多)?(?:人|名)")
GRADE = re.compile(r"(三级甲等|三级乙等|三级|二级甲等|二级乙等|二级|一级|三甲|二甲)(?:综合|中医|专科|中西医结合|妇幼)?(?:医院|医疗机构)")
# Achieved grades only: `是…三级…医院`, `晋升为`, `成功创建`, `通过…评审`; `三甲创建` is a plan.
GRADE_CONTEXT = re.compile(r"是(?:一所|一家)?|晋升为|成功创建|创建成为|通过|被评为|跻身|成为")
GRADE_VALUES = {"三甲": "三级甲等", "二甲": "二级甲等"}
GRADE_ORDER = ["一级", "二级", "二级乙等", "二级甲等", "三级", "三级乙等", "三级甲等"]
MOTTO = re.compile(rf"[“\"「]([{CJK}、，, ]{{4,30}})[”\"」](?:的)?院训|院训[是为：:]\s*[“\"「]?([{CJK}、，, ]{{4,30}})")
BRANCHES = re.compile(rf"下辖([{CJK}、和及]{{2,80}}?分院)(?=[，,。；;])")
_RANK = rf"(?:全国|全省|全市|全区|[{CJK}]{{2,3}}省|[{CJK}]{{2,3}}市)第[一二三四五六七八九十百\d]+位?"
RANKING = re.compile(rf"(?:排名|排|位列|位居|名列)({_RANK}(?:[、，,]{_RANK})*)")
TYPES = (
    ("中西医结合", "integrated"), ("中医", "tcm"), ("妇幼保健", "maternal_child"), ("卫生院", "primary"),
    ("卫生服务中心", "primary"), ("肿瘤医院", "specialist"), ("儿童医院", "specialist"), ("精神", "specialist"),
    ("口腔医院", "specialist"), ("眼科医院", "specialist"), ("骨科医院", "specialist"), ("传染病医院", "specialist"),
    ("胸科医院", "specialist"), ("妇产医院", "specialist"), ("人民医院", "general"), ("中心医院", "general"),
    ("第一医院", "general"), ("附属医院", "general"),
)
SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")


def hospital_type(name: str, text: str = "") -> str:
    searched = name.replace("华中医", "华中·医")  # 华中|医科大学 holds no 中医
    for marker, kind in TYPES:
        if marker in searched:
            return kind
    if re.search(r"综合性?中医医院", text):
        return "tcm"
    if re.search(r"综合(?:性)?医院", text):
        return "general"
    return ""


_UNIT_FIRST = re.compile(r"^[^，,。]{0,14}?(?:中心|科|病区|病房|院区|分院|门诊部|大楼|新院区)")


def _about_subject(sentence: str, position: int, subject: str, short_forms: tuple[str, ...]) -> bool:
    before = sentence[:position]
    named = [n for n, _, _ in find_hospitals(before)] if "医院" in before or "卫生院" in before else []
    others = [n for n in named if not (subject.endswith(n.lstrip("该本我")) or n in short_forms or n.endswith("分院"))]
    if others:
        return False
    refers = ("该院", "本院", "医院", "我院", "全院", "建院") + short_forms + (subject,)
    return any(ref in sentence for ref in refers)


def extract_facts(article: ParsedArticle, subject: str) -> list[Fact]:
    if not subject:
        return []
    bare = re.sub(r"^.*?(?:省|市|区|县)", "", subject)
    short_forms = tuple(f for f in {subject, "市" + bare, "区" + bare, "县" + bare, bare} if len(f) >= 3)
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, sentence: str, index: int, confidence: float) -> None:
        if (kind, value) not in seen:
            seen.add((kind, value))
            facts.append(Fact(kind, value, sentence.strip(), index, confidence))

    grades: list[tuple[str, str, int]] = []
    for index, paragraph in enumerate(article.paragraphs):
        text = paragraph.text
        # Each pattern needs a character or word (于, 床, 工, 级 or 甲, 院训, 下辖, 第): a paragraph
        # without it is not searched sentence by sentence.
        may_found, may_beds, may_staff, may_grade = "于" in text, "床" in text, "工" in text, "级" in text or "甲" in text
        may_motto, may_branches, may_rank = "院训" in text, "下辖" in text, "第" in text
        if not (may_found or may_beds or may_staff or may_grade or may_motto or may_branches or may_rank):
            continue
        for match in SENTENCE.finditer(text):
            sentence = match.group(0)
            for found in FOUNDED.finditer(sentence) if may_found else ():
                # The hospital itself must be what was founded, not its party committee or a centre.
                if re.search(r"(?:医院|卫生院|该院|本院|我院)\s*$", sentence[: found.start()]) and \
                        _about_subject(sentence, found.start(), subject, short_forms):
                    add("founded", found.group(1), sentence, index, 0.85)
            for found in BEDS.finditer(sentence) if may_beds else ():
                if _about_subject(sentence, found.start(), subject, short_forms):
                    # A new building's, a plan's or an addition's beds are not the hospital's: held.
                    planned = PLANNED.search(sentence[:found.start()])
                    # `中心位于…，设有床位共60张`: a centre's, a department's or a campus's beds
                    unit = _UNIT_FIRST.match(sentence) and subject not in sentence.split("，")[0]
                    add("beds", found.group(1), sentence, index, 0.6 if planned or unit else 0.8)
            for found in STAFF.finditer(sentence) if may_staff else ():
                if _about_subject(sentence, found.start(), subject, short_forms):
                    add("staff", found.group(1), sentence, index, 0.8)
            for found in GRADE.finditer(sentence) if may_grade else ():
                context = sentence[max(0, found.start() - 20): found.start()]
                if GRADE_CONTEXT.search(context) and _about_subject(sentence, found.start(), subject, short_forms):
                    grade = GRADE_VALUES.get(found.group(1), found.group(1))
                    grades.append((grade, sentence, index))
            for found in MOTTO.finditer(sentence) if may_motto else ():
                motto = (found.group(1) or found.group(2) or "").strip(" ，,")
                if motto:
                    add("motto", motto, sentence, index, 0.9)
            for found in BRANCHES.finditer(sentence) if may_branches else ():
                for branch in re.split(r"、|和|及", found.group(1)):
                    if branch.endswith("分院") and len(branch) >= 4:
                        add("branch", branch, sentence, index, 0.85)
            for found in RANKING.finditer(sentence) if may_rank else ():
                for rank in re.split(r"[、，,]", found.group(1)):
                    add("ranking", rank, sentence, index, 0.7)
    if grades:
        grade, sentence, index = max(grades, key=lambda g: GRADE_ORDER.index(g[0]))
        add("grade", grade, sentence, index, 0.8)
    kind = hospital_type(subject, " ".join(p.text for p in article.paragraphs[:3]))
    if kind:
        add("type", kind, subject, -1, 0.9 if any(m in subject for m, _ in TYPES) else 0.7)
    return facts
