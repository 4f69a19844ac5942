"""Which hospitals an article names, and which of them it is about: the headline's, else the
lead's most named one (not one named in passing), every hospital an official notice lists, with
each subject's aliases and place. Used by entities.extract."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from articles.parsing.model import ParsedArticle
from articles.parsing.text import CJK

from .mentions import HospitalMention, sentences
from .names import find_hospitals, is_short_form, likely_same_hospital, name_confidence, resolve_short_form
from .places import Place, division_prefix, is_division, locate


def extract_hospitals(article: ParsedArticle) -> tuple[HospitalMention, ...]:
    headline_text = " ".join(filter(None, [article.kicker, article.title, article.subtitle]))
    subject: list[str] = list(article.headline_organisations)
    in_headline = [name for name, _, _ in find_hospitals(headline_text)]
    in_lead: list[str] = []
    for name in in_headline:
        if not is_short_form(name) and name not in subject and not any(name in s for s in subject):
            subject.append(name)
    counts: Counter[str] = Counter()
    bracketed: dict[str, str] = {}  # a short form the text declares: `珠海市人民医院（珠海医院）`
    quoted: list[str] = []  # hospitals whose staff the text quotes by title and name
    for paragraph in article.paragraphs:
        found = find_hospitals(paragraph.text)
        for name, _, end in found:
            counts[name] += 1
            if _EXPERT_AFTER.match(paragraph.text, end) and not is_short_form(name):
                quoted.append(name)  # its expert speaks: `…湘雅医院内分泌科教授吴静提醒`
        for (full, _, end), (short, start, _) in zip(found, found[1:]):
            if paragraph.text[end:start].rstrip("“\"「") in ("（", "(", "（以下简称", "（简称", "（下称") and len(short) < len(full) \
                    and not is_short_form(full):
                bracketed.setdefault(short, full)
    # The headline's short form is the hospital the text names in full with it.
    subject = [bracketed.get(name, name) for name in subject]
    # `厦门医院设台胞专属门诊`: a headline's place and 医院, which the text never repeats, is the one
    # hospital of that place the text names again and again (厦门大学附属第一医院).
    for index, name in enumerate(subject):
        if counts.get(name) or not re.fullmatch(rf"[{CJK}]{{2,4}}医院", name) or any(n.endswith(name) for n in counts):
            continue
        fuller = [n for n, c in counts.items() if c >= 3 and n.startswith(name[:2]) and not is_short_form(n)]
        if len(fuller) == 1:
            subject[index] = fuller[0]
    if not subject and _NOTICE_TITLE.search(article.title or ""):
        # An official notice (`关于公布…名单的通知`, `…的通报`, `…任前公示`) is about every hospital it
        # names: the list it publishes, whether one a line, in a table or after a colon.
        listed = [n for n in counts if not is_short_form(n)]  # in the order the text first names them
        listed = [n for n in listed if not any(other != n and other.endswith(n) for other in listed)]
        if len(listed) >= 2:
            subject = listed[:30]
    if not subject:
        lead = _lead(article.paragraphs)
        # A short form the text declares stands for its full name (`…肿瘤医院（下称“河北分院”）`).
        in_lead = [n for n, _, _ in find_hospitals(lead)]
        lead_names = list(dict.fromkeys(bracketed.get(n, n) for n in in_lead if not is_short_form(n)))
        # A name that states its place (`周口市中医院`) before one that does not (`国家爱婴医院`).
        lead_names = [n for n in lead_names if locate(n)] or lead_names
        body = "\n".join(p.text for p in article.paragraphs)
        lead_names = [n for n in lead_names if not _in_passing(n, body)]
        if lead_names:
            # A name counts with its shorter forms (`新疆焉耆县人民医院` once, then `焉耆县人民医院`).
            def mentions(name: str) -> int:
                return counts[name] + sum(c for m, c in counts.items() if m != name and not is_short_form(m) and (
                    (name.endswith(m) and len(m) >= 5) or bracketed.get(m) == name))

            top = max(lead_names, key=lambda n: (mentions(n), -lead_names.index(n)))
            subject.append(top)
            for name in _co_organisers(lead, top):
                if name in lead_names and name not in subject:
                    subject.append(name)
            if top in quoted:
                # A health piece that quotes the subject's expert quotes another hospital's the
                # same way: both hospitals' staff speak for the article (`…湘雅医院内分泌科教授吴静
                # 提醒…`, later `…湘雅二医院骨科教授陶澄介绍…`).
                for name in dict.fromkeys(quoted):
                    if name not in subject and not any(name.endswith(s) or s.endswith(name) for s in subject):
                        subject.append(name)
    placed = None
    if not subject and (placed := _placed_short_form(in_headline + in_lead, headline_text, article.paragraphs, counts)):
        subject.append(placed)
    if not subject and (signer := _signing_hospital(article.paragraphs, article.signed_by)):
        subject.append(signer)
    # A fuller form in the body (`洛阳市孟津区中医院` for the kicker's `孟津区中医院`) is the official
    # name; the kicker's is kept as an alias by the importer.
    full_subject = []
    for name in subject:
        fuller = [n for n in counts if not is_short_form(n) and (
            len(n) > len(name) and n.endswith(name)
            # `延吉市中医医院` in the body for the headline's `吉林延吉中医院`: the place as its division
            or n != name and _same_institution(n, name) and (division_prefix(n), len(n)) > (division_prefix(name), len(name)))]
        full_subject.append(max(fuller, key=len) if fuller else name)
    mentioned = []
    aliases: dict[str, list[str]] = {n: [] for n in full_subject}
    for name in list(subject) + list(counts):
        # Shorter forms of a subject's name that are names in their own right (`綦江区人民医院`
        # for `重庆市綦江区人民医院`) become aliases; bare short forms (`市二院`) do not.
        for full in full_subject:
            if name != full and (full.endswith(name) or bracketed.get(name) == full or _same_institution(full, name)) \
                    and not is_short_form(name) and name not in aliases[full]:
                aliases[full].append(name)
    others = []
    for name, count in counts.most_common():
        if is_short_form(name) or name in full_subject or any(name in s or s.endswith(name) or name in aliases[s]
                                                              for s in full_subject):
            continue
        if resolve_short_form(name, full_subject) or bracketed.get(name) in full_subject:
            continue
        others.append(name)
    # One hospital named in full and by its own shorter form (`中南大学湘雅医院`, then `湘雅医院`) is one
    # mention, the shorter form its alias; a shorter form two names end with stays as it is.
    fuller_of: dict[str, str] = {}
    for name in others:
        fuller = [n for n in others if n != name and len(name) >= 4 and (
            # (not a run with one more character before it: `向海城市中心医院`)
            n.endswith(name) and len(n) - len(name) >= 2 and name_confidence(n) >= name_confidence(name)
            or bracketed.get(name) == n)]
        if len(fuller) == 1:
            fuller_of[name] = fuller[0]  # always a longer name: no cycle
    shorter_of: dict[str, list[str]] = {name: [] for name in others if name not in fuller_of}
    for name, fuller in fuller_of.items():
        while fuller in fuller_of:
            fuller = fuller_of[fuller]  # `湘雅医院` → `中南大学湘雅医院`, whichever form it went to first
        shorter_of[fuller].append(name)
    for name, shorter in shorter_of.items():
        mentioned.append(HospitalMention(name, False, counts[name] + sum(counts[n] for n in shorter), locate(name),
                                         tuple(shorter), confidence=name_confidence(name)))
    subjects = tuple(
        HospitalMention(n, True, counts.get(n, 0) + 1, _place(n, aliases[n]), tuple(aliases[n]),
                        confidence=0.6 if n == placed else max([name_confidence(n), *(name_confidence(a) for a in aliases[n])]))
        for n in full_subject
    )
    return subjects + tuple(mentioned)


@lru_cache(maxsize=4096)  # the same pairs recur across a corpus's articles
def _same_institution(full: str, name: str) -> bool:
    """`秀山土家族苗族自治县中医医院` for `秀山县中医院`, `永州市中心医院` for `永州中心医院`: the place
    named in full, and 中医医院 for 中医院, in exactly the same place."""
    def plain(n: str) -> str:
        return n[:-3] + "中医医院" if n.endswith("中医院") and not n.endswith("中医医院") else n

    full, name = plain(full), plain(name)
    if full[-4:] != name[-4:]:
        return False  # (the same kind of hospital, cheaply first: most pairs are not)
    place = locate(name)
    return bool(place.code) and locate(full).code == place.code and likely_same_hospital(full, name)


def _signing_hospital(paragraphs, signed_by: str | None) -> str | None:
    """A notice or letter in a hospital's own words (`我院国际医疗服务中心将于…`) that names no
    hospital before it signs: the hospital that signs it, or whose name stands alone under it
    (`三亚市人民医院`, where the signature was not told apart)."""
    if not any(re.search("我院|本院", p.text) for p in paragraphs[:3]):
        return None
    if signed_by and (found := find_hospitals(signed_by)) and found[0][0] == signed_by.strip():
        return found[0][0]
    for paragraph in reversed(paragraphs[-4:]):
        found = find_hospitals(paragraph.text)
        if len(found) == 1 and found[0][0] == paragraph.text.strip() and not is_short_form(found[0][0]):
            return found[0][0]
    return None


def _placed_short_form(named: list[str], headline: str, paragraphs, counts: Counter) -> str | None:
    """A hospital the headline and lead name (`named`) only by its short form (`市口腔医院`), placed
    by the one city (county) the text names (`推动徐州市无偿献血工作`): `徐州市口腔医院`, a name the
    text never prints, so held for an editor."""
    shorts = [n for n in named if is_short_form(n) and n[:1] in ("市", "县")]
    if not shorts:
        return None
    short = max(dict.fromkeys(shorts), key=lambda n: counts[n])
    level = short[0]
    text = headline + "\n" + "\n".join(p.text for p in paragraphs)
    places = {text[match.start() - length:match.end()] for match in re.finditer(level, text)
              for length in (2, 3, 4) if match.start() >= length and is_division(text[match.start() - length:match.end()])}
    if len(places) != 1:
        return None
    [place] = places
    return place + short[1:]


# A hospital an article names once as a place in someone else's story: where an ambulance took
# a patient (`将发病者送入齐鲁医院。`), where cars stopped (`停在壶瓶山卫生院门口`), a site
# (`新四军医院旧址`), where someone died (`于上海医院不幸离世`), or a word of a project's name
# (`“云阳县中医院水口分院建设项目”`). A patient taken to a department (`被送进…医院急诊科`) is
# the hospital's own story.
_TAKEN_TO = re.compile(r"(?:送入|送往|送至|送到|送进|送去|转往|转至|转入|拉到|拉往|抬到|停在)(?:了)?(?:当地|附近的?)?$")
# After the name, whatever came before; a building site (`武汉市第七医院施工现场…突发起火`) too.
_A_PLACE_WORD = r"门口|门前|大门|旧址|遗址|不幸|离世|去世|病逝|施工现场|施工工地|建设工地|工地"
# A career (`先后在简阳市人民医院、市规划局工作`, `曾在…医院任职`): someone else's story.
_LISTED_PROJECT = re.compile(r"[^，,。、；;]{0,14}(?:工程|项目)(?P<next>[、和及])?")
_CAREER = re.compile(r"^(?:、[^，,。；;、]{2,20})*(?:工作|任职)")
_AS_A_PLACE = re.compile(rf"^(?:[。，,；;！!]|附近|对面|{_A_PLACE_WORD})")
_PROJECT_NAME = re.compile(r"^[^“”。]{0,30}(?:项目|工程|标段|采购)[^“”。]{0,12}”")


def _lead(paragraphs) -> str:
    """The first two paragraphs, or as many as make 150 characters: a page that sets each
    sentence on a line of its own (a phone's copy) has its lead in more than two."""
    taken = []
    for paragraph in paragraphs:
        if len(taken) >= 2 and (sum(len(t) for t in taken) >= 150 or any(len(t) > 80 for t in taken)):
            break
        taken.append(paragraph.text)
    return " ".join(taken)


_NOTICE_TITLE = re.compile(r"关于.{2,80}(?:通知|通报|决定|公示|公告)$|名单(?:的通知|的公示|的公告)?$|任前公示$|通报表扬|表彰(?:决定|名单)")


def _in_passing(name: str, body: str) -> bool:
    if body.count(name) != 1:
        return False
    at = body.index(name)
    before, after = body[max(0, at - 12):at], body[at + len(name):]
    if _TAKEN_TO.search(before) and _AS_A_PLACE.match(after):
        return True
    if re.match(_A_PLACE_WORD, after) or (before.endswith(("先后在", "曾在", "曾经在")) and _CAREER.match(after)):
        return True
    if (project := _LISTED_PROJECT.match(after)) and (project["next"] or before.endswith("、")):
        return True  # one project of a list (`…上盖项目、控江医院医技综合楼新建及辅助工程、平凉路…`)
    if re.match(r"(?:[（(][^（()）]{2,20}[)）])?等(?:多家|\d+家|[一二三四五六七八九十]+家)", after):
        return True  # one of many (`集聚了瑞金医院等多家知名三甲医院`)
    if (members := _MEMBERS.match(after)) and not find_hospitals(members["next"]):
        return True  # one of a list of other kinds (`上海长征医院、上海新世界股份有限公司…等16家联盟成员单位`)
    if (listed := _RECIPIENTS.search(before + name + after[:40])) and listed.end("name") == len(before) + len(name) \
            and not find_hospitals(listed["next"]):
        return True  # one recipient of a list of other kinds (`向上海市儿童医院、星舍公益基金会…捐赠玩具`)
    return before.rfind("“") > before.rfind("”") and bool(_PROJECT_NAME.match(after))


# A list the hospital opens, its next item of another kind, closed by a count: `、…等16家`.
_MEMBERS = re.compile(r"、(?P<next>[^，,。；;、]{2,30})(?:、[^，,。；;、]{2,30}){0,10}等(?:多家|\d+家|[一二三四五六七八九十]+家)")
# A gift's or a visit's recipients listed after 向/给/为, the hospital first of them, another kind next.
_RECIPIENTS = re.compile(r"(?:向|给|为)(?P<name>[^，,。；;、]{4,30})、(?P<next>[^，,。；;、]{2,30})")


# Who holds the event with the subject: `由…甘肃省第三人民医院联合主办，…陇西县妇幼保健院共同承办的…`.
# (Not a list the subject stands in, `…等多家医院已首批应用`: read against their articles, most
# such lists name users, visitors or participants of a story about something else.)
_ORGANISED = re.compile(r"主办|承办")


# An expert quoted right after the hospital's name: its department, the title, the name, the verb.
_EXPERT_AFTER = re.compile(rf"[{CJK}]{{0,12}}?(?:科|中心)?(?:主任医师|副主任医师|主治医师|教授|主任|专家|医师|医生)"
                           rf"[{CJK}]{{2,3}}(?:提醒|介绍|表示|建议|解释|指出|说)")



def _co_organisers(lead: str, top: str) -> list[str]:
    """The hospitals that organise the lead's event together with `top`, in the sentence that
    first names it: those named before its last 主办/承办 (not a 协办's helpers); a venue after
    them (`在陇西县妇幼保健院举行`) is not one."""
    for _, sentence in sentences(lead):
        if top not in sentence:
            continue
        found = [(n, start, end) for n, start, end in find_hospitals(sentence)
                 if not is_short_form(n) and not n.endswith(top) and not top.endswith(n)]
        found.append((top, sentence.index(top), sentence.index(top) + len(top)))
        organised = [m.end() for m in _ORGANISED.finditer(sentence)]
        if organised and any(n == top and end <= organised[-1] for n, _, end in found):
            return [n for n, _, end in found if end <= organised[-1] and n != top]
        return []
    return []


def _place(name: str, aliases: list[str]) -> Place:
    for candidate in [name, *aliases]:
        place = locate(candidate)
        if place:
            return place
    return Place()
