"""Who speaks in a text, from lines of their own: a press conference's roster, a page's leaders,
a broadcast script's sound bites and voice-over, a health column's expert. Pure text."""

from __future__ import annotations

import re

from .lines import ORG_SUFFIX
from .text import CJK

# `专家：佛山市第一人民医院甲状腺外科主任医师 黄志坚`: who answers a health column's questions.
_EXPERT_RE = re.compile(rf"^(?:专家|受访专家|讲解专家|主讲专家|主讲人|点评专家)\s*[:：]\s*(?P<role>\S.{{1,40}}?)\s*(?P<name>[{CJK}]{{2,4}})$")
_ORG_BEFORE_ROLE = re.compile(rf"^.*?{ORG_SUFFIX}")


# A broadcast script's sound bite: `【同期声】武汉协和医院心血管外科主任医师 魏家祥`, or the name first and
# the post in brackets (`【同期声】钟欣怡（宜宾市第二人民医院重症医学科护士长）：`), then what they say.
_SOUND_BITE_RE = re.compile(rf"^[【\[](?:同期声|同期|采访同期)[】\]]\s*(?:(?P<who>\S.{{0,40}}?)\s+(?P<name>[{CJK}]{{2,4}})"
                            rf"|(?P<name2>[{CJK}]{{2,4}})(?:[（(](?P<who2>[^（()）]{{2,40}})[)）])?\s*[:：]?)$")
# A script's voice-over label before its words: `【解说】…`.
SCRIPT_LABEL = re.compile(r"^[【\[](?:解说|旁白|配音)[】\]]\s*")
_STAFF_WORD = re.compile(r"书记|院长|主任|医师|医生|护士|教授|专家|治疗师|药师|技师")


# A press conference's roster line: `厦门大学附属第一医院院长　陈启明` (who, a space, the name).
_ROSTER_LINE_RE = re.compile(rf"^(?P<who>[{CJK}（）()]{{2,30}}?(?:书记|院长|主任|局长|处长|科长|主任医师|护士长|主持人|发言人))"
                             rf"[\s\u3000]+(?P<name>[{CJK}]{{2,4}})$")
# Labels over such a roster: `发布人：`, `主持人：`.
ROSTER_LABEL_RE = re.compile(r"^(?:发布人|主持人|出席人员|出席嘉宾|嘉宾|发言人|参会人员)\s*[:：]$")
_KEYED_LINE_RE = re.compile(rf"^(?P<who>[{CJK}（）()、]{{2,30}}?(?:书记|院长|主任|局长|处长|科长|主任医师|护士长|发言人))"
                            rf"[\s\u3000]*(?P<name>[{CJK}]{{2,3}})$")
ROSTER_KEYED_RE = re.compile(r"^(?:发\s*布\s*人|主\s*持\s*人|发\s*言\s*人|出席嘉宾|嘉\s*宾)\s*[:：]\s*(?P<line>\S.*)$")


def roster_line_of(text: str) -> tuple[str, str] | None:
    """(name, role) of a roster line whose post is a hospital's; ("", "") for another body's
    official (`厦门市卫生健康委员会副主任　林志远`); None for no roster line. After its label
    (`发 布 人：…院长沈屹`) the post may hold several roles and run into the name."""
    keyed = ROSTER_KEYED_RE.match(text)
    match = _KEYED_LINE_RE.match(keyed["line"]) if keyed else _ROSTER_LINE_RE.match(text)
    if not match:
        return None
    who = match["who"]
    if re.search(r"委员会|政府|办公室|局|厅|部(?!长)|委(?!员)", who) and not re.search(r"医院|卫生院|中心", who):
        return "", ""
    role = _ORG_BEFORE_ROLE.sub("", who).strip() or who
    return match["name"], role


def sound_bite_of(text: str) -> tuple[str, str] | None:
    """(name, role) of a sound bite's speaker; ("", "") for one who holds no post (`患者家属 万女士`);
    None for a line that is no sound bite."""
    match = _SOUND_BITE_RE.match(text)
    if not match:
        return None
    who, name = match["who"] or match["who2"] or "", match["name"] or match["name2"]
    role = _ORG_BEFORE_ROLE.sub("", who).strip() or who.strip()
    return (name, role) if _STAFF_WORD.search(role) else ("", "")


def expert_of(text: str) -> tuple[str, str] | None:
    """(name, role) of an expert's credit line; the role without the hospital before it."""
    match = _EXPERT_RE.match(text)
    if not match:
        return None
    role = _ORG_BEFORE_ROLE.sub("", match["role"]).strip() or match["role"].strip()
    return match["name"], role


_ROSTER_ROLE = r"[\u4e00-\u9fff]{0,6}(?:书记|院长|主任|处长|科长|理事长|总会计师|总经济师|工会主席|护士长)"
# A page's roster of leaders: `党委书记：刘建平`, `院长、党委副书记：何文斌`, `副院长：罗敏、邓志远`.
_ROSTER_RE = re.compile(rf"^(?P<role>{_ROSTER_ROLE}(?:[、，,]{_ROSTER_ROLE})*)\s*[:：]\s*"
                        rf"(?P<names>[{CJK}]{{2,4}}(?:[、，, ]+[{CJK}]{{2,4}})*)$")


def roster_of(text: str) -> list[tuple[str, str]]:
    """(name, role) of each leader a roster line names."""
    match = _ROSTER_RE.match(text)
    if not match:
        return []
    return [(name, match["role"]) for name in re.split(r"[、，, ]+", match["names"]) if name]
