"""From a parsed article to the records an editor keeps: hospitals, people, honours.

Precision first: a rule fires only on the phrasings the genre uses for the fact (role words
before a name, award verbs before a title, quoted lists before 荣誉称号), every record carries
the sentence it came from, and a confidence that says how sure the rule is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.parsing.model import ParsedArticle
from articles.parsing.personnames import (
    FIRST_GIVEN_STOPS,
    NAME_STOP_BIGRAMS,
    NAME_STOPS,
    NOT_GIVEN_NAMES,
    NOT_NAMES,
    SURNAMES_1,
    SURNAMES_2,
    TIBETAN_NAME_PARTS,
)
from articles.parsing.script import Printed, simplify, to_simplified
from articles.parsing.text import CJK, CJK_GAP_RE

from .facts import extract_facts
from .honours import YEAR_IN, extract_honours, level_of
from .mentions import Entities, Evidence, HonourMention, HospitalMention, PersonMention, sentences
from .names import find_hospitals, is_short_form, resolve_short_form
from .subjects import extract_hospitals

# ---------------------------------------------------------------------------------------------
# People

LEADER_ROLES = (
    "党委书记", "党委副书记", "纪委书记", "党委委员", "党总支书记", "党总支部书记", "党总支副书记", "党支部书记",
    "党支部副书记", "支部书记", "执行院长", "名誉院长", "常务副院长", "副总院长", "总院长", "副院长", "院长", "院领导", "工会主席", "总会计师",
    "行政总监", "联网总监",  # Hong Kong's hospitals and clusters
)
_HEADS_OF_UNITS = ("副部长", "部长", "副科长", "科长")
# Departments of a party, a government or the army, not of a hospital (`统战部部长`, `人武部部长`, `卫生部长`).
_NOT_A_HOSPITAL_UNIT = re.compile(r"统战|人武|武装|组织部|政府|卫生部|卫健|健康委|委员会|党委|区委|市委|县委|省委|公安|军")
# What a doctor, nurse or therapist does, in front of the word: `心理医生`, `家庭医生`, `吞咽言语治疗师`.
_PRACTICES = ("康复", "心理", "言语", "吞咽言语", "吞咽", "手法", "作业", "运动", "呼吸", "物理", "营养", "家庭", "全科", "责任",
              "专科", "助产")
STAFF_ROLES = ("护士长", "主任医师", "副主任医师", "主治医师", "主任护师", "副主任护师", "主管护师", "主任中医师", "副主任中医师",
               "主任药师", "副主任药师", "副教授", "医疗总监", "护理总监",
               "副主任", "主任", "护士", "医生", "医师", "教授", "专家", "治疗师",
               "部门主管", "病房经理", "部门经理", "护理部经理", "副顾问医生", "顾问医生", "副部长", "部长", "副科长", "科长",
               *(practice + word for practice in _PRACTICES for word in ("治疗师", "医生", "护士")))
ROLE_WORD = "|".join(sorted(LEADER_ROLES + STAFF_ROLES, key=len, reverse=True))
# `党委书记、院长韩传恩`, `院领导王春玉、寇学斌`, `该科主任陈建宏`, `胸痛中心主任殷世平`
# The names are looked ahead at, not consumed: `主任赵鹏、副主任医师伍建新` holds two roles.
# A campus, branch or department before the role is part of it (`屏山院区党总支书记`, `示范区分院院长`,
# `外科党总支书记`), and so is `原` (a former post: `原党委书记、院长`).
ROLE_THEN_NAME = re.compile(
    rf"(?P<unit>[{CJK}]{{1,8}}?(?:科|中心|部|室|办|病区|院区|分院|分部))?(?P<former>原)?"
    # a second role with its own department: `心内科主任、胸痛中心医疗总监宋立群`
    rf"(?P<role>(?:{ROLE_WORD})(?:[、和兼](?:(?:(?!院)[{CJK}]){{2,8}}?(?:科|中心))?(?:{ROLE_WORD}))*)(?:、(?:博士|硕士)(?:研究)?生导师)?"  # `主任医师、博士生导师汪芳`
    rf"(?=(?P<rest>[{CJK}、和与及·]{{2,40}}))"
)
_FIRST_ROLE = re.compile(r"[、和兼]")
# A professional title right after a name its post opened: `…主任王立言主任医师介绍`.
_TITLE_AFTER_NAME = re.compile(r"(?:副)?(?:主任医师|主任护师|主任中医师|主任药师|主任技师)|主治医师|副?教授")
# Another body opening the clause before a department and its role (`中国侨联公益事业管理服务中心副主任`,
# `市卫健委医政科科长`): its staff, not the hospital's.
_OTHER_BODY = re.compile(r"侨联|妇联|残联|工会|团委|红十字会|协会|学会|基金会|联合会|委员会|政府|公司|(?<!医疗)集团|银行|研究所|疾控|卫健|计生协|党校|"
                         r"卫生健康|[^医]局|厅")
# What the unit's reach takes in before the department itself: the hospital (`…医院心内科`), `该院`,
# and the sentence's words (`与此次义诊的口腔科`, `在泌尿外科`, `一位心内科`).
_HOSPITAL_BEFORE_UNIT = re.compile(r"^(?:.*(?:医院|卫生院|保健院|中心|大学|学院|附院)|.{0,3}?[该本我全]院|院(?=.{2}))(?=.)")
# (and what a verb did to the one named: `感谢老年病科`, `院长戴冬梅为输血科`, `不住地对康复医学科`)
_WORDS_BEFORE_UNIT = re.compile(r"^(?:.*[的在是由和有、](?=.))?(?:.*?(?:授予|给予|邀请|特邀|聘请)|.*(?:感谢|举报|看望|慰问|陪同|为|对|向|给)(?=.)"
                                r"|据|由|经|请)?(?:一位|一名|这位|那位|[^科室部]*?著名)?")  # `常州市著名乳腺外科专家`
# `李云龙主任为了…`, `叶姝医生解释`: the name stands after punctuation.
NAME_THEN_ROLE = re.compile(rf"(?:^|(?<=[，,。！!？?“”\"、：:\s])|(?<=医院))(?P<rest>[{CJK}]{{2,3}}?)(?P<role>副?主任(?:医师|护师|中医师)|主治医师|主任|教授|医生|医师|护士长|院长)(?![{CJK}]{{0,1}}(?:医师|助理))")
# `该院…`, or `医院` itself opening the clause (`医院党委书记黄静`): the article's own hospital.
_OF_THE_HOSPITAL = re.compile(rf"(?:(?:该院|本院|我院|全院)|(?:^|[，。；、：:\s“])医院)[{CJK}]{{0,8}}?(?:科|中心|部|室|病区)?$")
# `内分泌科田小芳医生`: a department, the name, then the role.
UNIT_NAME_ROLE = re.compile(rf"(?P<unit>[{CJK}]{{2,8}}?(?:科|中心))(?P<rest>[{CJK}]{{2,3}})(?P<role>副?主任(?:医师|护师|中医师)|主治医师|医生|主任|教授|护士长|医师)")
# Part-of-speech tags of words that are no part of a person's name when a candidate starts with
# them (`向大家`, `都请到`) or its given name is one of them (`大家`).
_FUNCTION_TAGS = ("d", "p", "c", "u", "uj", "ul", "r", "v", "vn", "a", "ad", "f", "m", "q", "t")




def extract_people(article: ParsedArticle, subject: list[str], byline_names: set[str],
                   aliases: dict[str, str] | None = None) -> tuple[PersonMention, ...]:
    found: dict[str, PersonMention] = {}
    for name, role in article.speakers:
        line = f"{role} {name}"
        found[name] = PersonMention(name, role, subject[0] if subject else None, Evidence(line, -1, 0), 0.9)
    # A photo's caption names the staff it shows (`杨杨主任为患者检查身体`), sometimes only there:
    # those the text does not name are its people too (read last, it adds no role to the text's).
    texts = [(-1, article.subtitle or ""), *enumerate(p.text for p in article.paragraphs),
             *((-2, caption.text) for caption in article.captions)]
    for index, text in texts:
        for offset, sentence in sentences(text):
            # A space between two Chinese characters is padding (`主任 刘振华 介绍`), not a boundary.
            for name, role, hospital, confidence in _people_in(CJK_GAP_RE.sub("", sentence), subject, aliases or {}):
                current = found.get(name)
                if name in byline_names or index == -2 and current is not None:
                    continue
                if current is None or (len(role) > len(current.role) and confidence >= current.confidence):
                    found[name] = PersonMention(name, role, hospital, Evidence(sentence.strip(), index, offset), confidence)
    return tuple(found.values())


def plausible_person(sentence: str, start: int, name: str) -> bool:
    """Whether jieba reads `name` at `start` as a name: it must not begin with a word of the
    sentence (`解释`, `车间`) or a function word (`向`, `都`), nor have a common word for a given
    name (`大家`)."""
    from .segmenter import pos_tokens

    offset = 0
    end = start + len(name)
    tokens = list(pos_tokens(sentence))
    for position, (word, tag) in enumerate(tokens):
        w_start, w_end = offset, offset + len(word)
        offset = w_end
        if w_end <= start:
            continue
        if w_start >= end:
            break
        if tag.startswith("nr"):
            continue
        if w_start == start and len(word) == 1 and word in SURNAMES_1 and _given_name_follows(tokens, position, end):
            continue  # `黄|建国`, `易|红梅`, `符|海燕`: a surname jieba read as a word, then the given name
        if w_start == start and (len(word) >= 2 or tag in _FUNCTION_TAGS):
            return False
        if len(name) == 2 and w_start == start + 1 and len(word) == 1 and tag in _FUNCTION_TAGS:
            return False  # `党|办主任`: the one given character is a verb of the sentence
    return True


def _given_name_follows(tokens: list, position: int, end: int) -> bool:
    """The token after a one-character surname is a given name jieba knows as a name or a place
    (`红梅` nr, `建国` ns), ending where the name ends: not a verb or a pronoun (`向|大家`)."""
    if position + 1 >= len(tokens) or tokens[position][0] in _JOINING_CHARACTERS:
        return False
    word, tag = tokens[position + 1]
    consumed = sum(len(w) for w, _ in tokens[:position + 2])
    if consumed != end or not tag.startswith(("nr", "ns")) or not 1 <= len(word) <= 2:
        return False
    # And the name is followed by what a person does or by punctuation (`…表示`, `…带领`, `…：`),
    # not by more of a noun phrase (`专家和|山西|白求恩医院`, `专家来|通州|这里`).
    following = tokens[position + 2] if position + 2 < len(tokens) else None
    return following is None or following[1].startswith("v") or following[1] == "x"


# One-character words that join or relate (`和`, `与`, `向`): a surname only by coincidence.
_JOINING_CHARACTERS = frozenset("和与及同向从在对把被将由为给跟")


def _boundaries(sentence: str) -> set[int]:
    from .segmenter import pos_tokens

    ends, offset = {0}, 0
    for word, _ in pos_tokens(sentence):
        offset += len(word)
        ends.add(offset)
    return ends


_DOTTED_NAME = re.compile(rf"[{CJK}]{{2,6}}·[{CJK}]{{2,6}}?(?=[^{CJK}·]|说|表示|介绍|告诉|正在|在|是|等|和|、|$)")


def name_at(sentence: str, start: int) -> str | None:
    """The person's name (2 or 3 characters) at `start`: a family name, and a given name that ends
    where jieba ends a word (`刘会全|解释`, `赵冰|怀疑`), read by jieba as a name."""
    dotted = _DOTTED_NAME.match(sentence, start)
    if dotted:
        return dotted.group(0)  # `艾克拜尔·吐尔逊`, `买买提江·阿布都热依木`: a Uyghur or Kazakh name in its parts
    if sentence[start:start + 2] in TIBETAN_NAME_PARTS:
        # `院长次仁介绍`, `副主任次仁桑珠向班禅介绍`: a Tibetan name, one or two parts, ending a word
        length = 4 if sentence[start + 2:start + 4] in TIBETAN_NAME_PARTS else 2
        if start + length in _boundaries(sentence) or re.match(f"[^{CJK}]|说|表示|介绍|告诉|向|在|是|等|和", sentence[start + length:]):
            return sentence[start:start + length]
    boundaries = _boundaries(sentence)
    if start not in boundaries:
        return None
    surname = 2 if sentence[start:start + 2] in SURNAMES_2 else 1
    if surname == 1 and sentence[start:start + 1] not in SURNAMES_1:
        return None
    for length in (surname + 2, surname + 1):
        name = sentence[start:start + length]
        if len(name) < length or not re.fullmatch(f"[{CJK}]+", name) or name[surname:] in NOT_GIVEN_NAMES:
            continue
        if name[surname:surname + 1] in FIRST_GIVEN_STOPS and len(name) == surname + 1:
            continue
        if "某" in name[surname:]:
            return None  # `陈某`, `李某某`: a name the article withholds is no one's record
        if len(name) == surname + 2 and name[-1] in NAME_STOPS:
            continue
        if name in NOT_NAMES:
            continue
        said = sentence[start + length:start + length + 2]  # `…党委书记曾国华说。`: jieba cuts 曾国|华说
        if (start + length in boundaries or len(said) == 2 and said[0] == "说" and said[1] in "。，：:“") \
                and plausible_person(sentence, start, name):
            return name
    return None


# What follows a name a role introduced (`护理部主任杨淑芬表示`, `主任医师曾海涛主刀`): a verb of
# speaking or leading, or the clause's end.
_AFTER_FRAMED_NAME = re.compile(r"表示|介绍|说|指出|强调|告诉|坦言|透露|带领|带队|率队|率领|主刀|回忆|提醒|建议|解释|认为|"
                                r"谈到|分析|感慨|称|看到|发现|接诊|赶到|迅速|立即|随即|马上|记得|讲述|说道|涉嫌|同志|向|在|"
                                r"就(?![是要会能可])|围绕|宣读|主持|出席|"  # `党委副书记张中学就…作了详细汇报`
                                r"[，,。：:；;]")
_SAYS = re.compile(r"(?:说|表示|介绍|指出|强调|坦言|透露)[：:，,“]")
# Tags of a dictionary word that is no given name (`曾|多次`, `张|一直`).
_NOT_GIVEN_TAGS = ("d", "m", "p", "c", "u", "uj", "ul", "r", "t", "f", "q", "ad", "vd", "v")


def framed_name(sentence: str, start: int, role_after: int | None = None) -> str | None:
    """A name jieba does not read as one (`杨淑|芬`, `张|铁军`, `杞云峰` taken for a place,
    `曾` for the adverb) where a role stands before it and a verb of speaking or the clause's end
    after it, or (`role_after`, where a role starts) a department or hospital before it and a role
    after it: the frame, not the tagger, says it is a name."""
    from .segmenter import dictionary_tag, pos_tokens

    if sentence.startswith(NAME_STOP_BIGRAMS, start):
        return None  # `主任向记者介绍`
    surname = 2 if sentence[start:start + 2] in SURNAMES_2 else 1
    if surname == 1 and sentence[start:start + 1] not in SURNAMES_1:
        return None
    for length in (surname + 2, surname + 1):
        name = sentence[start:start + length]
        given = name[surname:]
        if len(name) < length or not re.fullmatch(f"[{CJK}]+", name) or given in NOT_GIVEN_NAMES or "某" in given \
                or given[0] in FIRST_GIVEN_STOPS or any(c in NAME_STOPS for c in given) \
                or sentence.startswith(NAME_STOP_BIGRAMS, start + surname):
            continue
        name_tag, given_tag = dictionary_tag(name), dictionary_tag(given)
        # A word, not a name (`门诊`, `全程`); but between a role and 说 a noun or a verb's one character is a
        # given name (`纪委书记代维说：`, 代|维(v)).
        says = _SAYS.match(sentence, start + length) and (name_tag == "n" or (not name_tag and len(given) == 1))
        if not says and ((name_tag and not name_tag.startswith("nr")) or given_tag in _NOT_GIVEN_TAGS):
            continue
        if surname == 1 and len(given) == 2 and dictionary_tag(name[0]) in ("v", "p", "c") \
                and given_tag and not given_tag.startswith(("nr", "ns", "nz")):
            continue  # `专家|来|义诊`: a verb, then a word (but `曾|海涛`)
        first, first_tag = pos_tokens(sentence[start:start + length])[0]
        if len(first) >= 2 and first_tag in _NOT_GIVEN_TAGS:
            continue  # `查房|时`
        if start + length == role_after or _AFTER_FRAMED_NAME.match(sentence, start + length):
            return name
    return None


# Every pattern above holds a role word: a sentence without one (most) is not searched three times.
_ANY_ROLE = re.compile(ROLE_WORD)
_ROLE_AT = re.compile(rf"(?:[{CJK}]{{0,4}}?(?:科|部|办|室|中心))?(?:{ROLE_WORD})")


def _people_in(sentence: str, subject: list[str], aliases: dict[str, str]):
    if not _ANY_ROLE.search(sentence):
        return
    default = subject[0] if subject else None
    for match in ROLE_THEN_NAME.finditer(sentence):
        rest = match["rest"]
        at = match.start("rest")
        names, framed = [], False
        while rest:
            name = name_at(sentence, at)
            if not name and not names:
                name = framed = framed_name(sentence, at)
            if not name:
                break
            names.append(name)
            rest, at = rest[len(name):], at + len(name)
            following = name_at(sentence, at + 1) if rest[:1] in ("、", "和", "与", "及") else None
            # `…亓卫东、呼吸科主任医师陈小东`: a word a role follows is the next one's department, no name
            if following and not _ROLE_AT.match(sentence, at + 1 + len(following)):
                rest, at = rest[1:], at + 1
                continue
            break
        if not names:
            continue
        unit = _WORDS_BEFORE_UNIT.sub("", _HOSPITAL_BEFORE_UNIT.sub("", match["unit"] or ""), count=1)
        # `主刀专家、肝胆中心主任…`: what the person is to the story, then the post
        role = re.sub(r"^(?:专家|医生|医师|护士)、", "", match["role"])
        clause = re.split(r"[，,。；;：:、\s（(]", sentence[:match.start()])[-1]
        # (with no department before the role, the clause's body: `市卫健委消防专家丁兆宏`, but `该院工会主席`)
        own = re.split(r"[向对给与和从同]", clause)[-1]  # `…秘书长李军向一妇婴的党委书记杨新潮`: the role's own body
        context = clause + match["unit"] if match["unit"] else own if "院" not in own else ""
        body = _OTHER_BODY.search(context) if context else None
        if body and not find_hospitals(context) and not any(body[0] in name for name in subject):
            continue  # (but `广州市红十字会烧伤整形科主任` is of 广州市红十字会医院's)
        if role in _HEADS_OF_UNITS and (not unit or _NOT_A_HOSPITAL_UNIT.search(match["unit"] or "")):
            continue  # a 部长 or 科长 is the hospital's only as the head of its department (`后勤保障部部长`)
        if unit and not unit.startswith(("该", "本", "我")) and (
                role in STAFF_ROLES or not unit.endswith(("医学中心", "卫生服务中心"))) and not (
                unit.endswith("科") and _FIRST_ROLE.split(role)[0].endswith("院长")):  # a hospital itself (`…眼科总院长`)
            role = unit + role
        if match["former"]:
            role = "原" + role
        if len(names) == 1 and (title := _TITLE_AFTER_NAME.match(sentence, at)) and title[0] not in role:
            role += "、" + title[0]  # `肝胆中心主任王立言主任医师`: the post before the name, the title after it
        before = sentence[: match.start("role")]
        named = _hospital_before(before, subject, aliases)
        confidence = 0.9 if _FIRST_ROLE.split(match["role"])[0] in LEADER_ROLES else 0.75
        # Staff of a hospital only when the text ties them to one: the hospital is named before
        # the role, or the role is the hospital's own (`该院呼吸科主任`, `急诊科医生`); a 社区党委书记
        # or a 法院院长 in a hospital's article is not its staff, and one of `市第二人民医院` (a
        # hospital this article does not name in full) is held back.
        if named == UNRESOLVED:
            hospital, tied = default, False
        else:
            hospital = named or default
            tied = named is not None or bool(_OF_THE_HOSPITAL.search(before)) or bool(unit and _FIRST_ROLE.split(match["role"])[0] in STAFF_ROLES)
        if not tied:
            if framed:
                continue  # a name only its frame reads, of no hospital's: `社区党委书记欧阳学辉说`
            confidence = min(confidence, 0.6)
        elif hospital not in subject:
            confidence = min(confidence, 0.75)  # staff of a hospital the article only mentions
        for name in names:
            if "·" in name and hospital is None:
                continue  # `英国护士露西·莱比因`: a name in parts with no hospital of the article's is a foreigner's
            yield name, role, hospital, confidence
    for match in NAME_THEN_ROLE.finditer(sentence):
        # `北京大学第三医院李健宁教授`: after a hospital's name the frame reads the name
        after_hospital = sentence.endswith("医院", 0, match.start())
        name = name_at(sentence, match.start("rest"))
        if not name and after_hospital:
            name = framed_name(sentence, match.start("rest"), match.start("role"))
        if name and name == match["rest"] and not name.endswith(("科", "部", "办", "室", "处")):  # `、文明办主任林怡`
            named = _hospital_before(sentence[:match.start()], subject, aliases) if after_hospital else None
            yield name, match["role"], named or default, 0.7
    for match in UNIT_NAME_ROLE.finditer(sentence):
        # `皮肤科张海龙教授`: between a department and a role, a name jieba glued to either
        name = name_at(sentence, match.start("rest")) or framed_name(sentence, match.start("rest"), match.start("role"))
        if name and name == match["rest"]:
            unit = _WORDS_BEFORE_UNIT.sub("", re.sub(r"^.*(?:医院|卫生院|中心|大学)(?=.)", "", match["unit"]), count=1)
            named = _hospital_before(sentence[:match.start("rest") - len(unit)], subject, aliases)
            yield name, unit + match["role"], named or default, 0.7


# A hospital named, but not one this article can resolve (`市第二人民医院` beside 潍坊市人民医院).
UNRESOLVED = ""


def _hospital_before(prefix: str, subject: list[str], aliases: dict[str, str]) -> str | None:
    """The hospital named just before a role: a subject it is a form of (or whose alias it is),
    another hospital by name, UNRESOLVED for a short form that stands for none of the subjects,
    or None."""
    names = find_hospitals(prefix[-30:])
    if not names:
        return None
    name = names[-1][0]
    if name in aliases:
        return aliases[name]  # `海军军医大学第三附属医院（上海东方肝胆外科医院）获悉，该院副院长…`
    for full in subject:
        if full.endswith(name):
            return full
    if is_short_form(name):
        return resolve_short_form(name, subject) or UNRESOLVED
    return name


def extract(article: ParsedArticle) -> Entities:
    if article.script == "traditional":
        return _extract_traditional(article)
    hospitals = extract_hospitals(article)
    subject = [h.name for h in hospitals if h.subject]
    aliases = {alias: h.name for h in hospitals if h.subject for alias in h.aliases}
    people = extract_people(article, subject, set(article.authors) | set(article.editors), aliases)
    honours = extract_honours(article, subject, people)
    facts = tuple(extract_facts(article, subject[0])) if subject else ()
    rankings = tuple(
        HonourMention(name=f.value, year=_single_year(f.sentence), level=level_of(f.value), kind="ranking",
                      recipient=subject[0], recipient_kind="hospital",
                      evidence=Evidence(f.sentence, f.paragraph, 0), confidence=f.confidence)
        for f in facts if f.kind == "ranking"
    )
    return Entities(hospitals=_outside_titles(hospitals, honours, article), people=people,
                    honours=honours + rankings, facts=tuple(f for f in facts if f.kind != "ranking"))


def _outside_titles(hospitals, honours, article: ParsedArticle) -> tuple[HospitalMention, ...]:
    """Mentioned hospitals that the article names somewhere other than inside an honour's
    title: `国家爱婴医院` and the `河南省医院` of `河南省医院行风建设先进单位` are titles, not hospitals."""
    titles = sorted({h.name for h in honours}, key=len, reverse=True)
    if not titles:
        return hospitals
    text = "\n".join(p.text for p in article.paragraphs)
    for title in titles:
        text = text.replace(title, "\n")
    return tuple(h for h in hospitals if h.subject or h.name in text or not any(h.name in t for t in titles))


def _single_year(sentence: str) -> int | None:
    years = set(YEAR_IN.findall(sentence))
    return int(years.pop()) if len(years) == 1 else None


def _extract_traditional(article: ParsedArticle) -> Entities:
    """Rules and dictionaries are simplified Chinese: read a simplified copy, then give every name
    back as the article prints it (places stay the official names of the division data)."""
    simplified = simplify(article)
    entities = extract(replace(simplified, script="simplified"))
    printed_text = "\n".join(filter(None, [article.kicker, article.title, article.subtitle, article.body]))
    printed = Printed(printed_text, to_simplified(printed_text))
    restored = printed(entities)
    hospitals = tuple(replace(h, place=original.place) for h, original in zip(restored.hospitals, entities.hospitals))
    return replace(restored, hospitals=hospitals)
