"""What closes a text: a letter's valediction and signature, the issuing body's name above the
date of a notice or in brackets, an office's note that it supplied the text, the desk's editor,
writers named without their role, a page's editor under its last item. Pure text."""

from __future__ import annotations

import re

from .lines import ORG_LINE_RE, ORG_SUFFIX, Line
from .metadata import parse_metadata_line
from .text import CJK

# A text an office of the hospital supplied, closing it: `（党委办公室 供稿）`, `（宣传科 供稿）`.
SUPPLIED_BY_OFFICE = re.compile(r"^[（(][\u4e00-\u9fff]{2,16}(?:办公室|办|部|科|处|中心|委员会|站|室)\s?(?:供稿|供)[)）]$")
# A reader's letter signed under its text: `读者 易国栋`.
LETTER_SIGNATURE = re.compile(r"^(?:读者|来信人|患者家属|病人家属|患者|家属)[\s：:]*(?P<name>[\u4e00-\u9fff]{2,3})$")  # `患者家属：周敏`
# Who issued it and the day, under a report: `宣平市人民医院办公室　　2024年2月6日印发`.
ISSUED_ON = re.compile(r"^(?:[\u4e00-\u9fff]{2,30}\s+)?(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:印发|印|发布|制发)$")
# Who issued it, in brackets under the text: `（定西市纪委监委）`, `（某市卫生健康委员会）`.
ISSUER_IN_BRACKETS = re.compile(r"^[（(](?P<issuer>[\u4e00-\u9fff]{2,20}(?:纪委监委|纪委|监委|委员会|卫健委|政府|办公室|融媒体中心|日报|晚报|新闻网))[)）]$")
# The desk's editor after the text (`…之一。（编辑：杨凯程）1130312`), writers named without their
# role closing it (`（覃湘君 周雪梅）`), a page's editor under its last item (`本版编辑：张晓东`).
TRAILING_EDITOR = re.compile(rf"(?<=[。！？”])[（(](?:编辑|责任编辑|责编)\s*[:：]\s*(?P<names>[{CJK}、，, ]{{2,20}})[)）]\s*\d{{0,8}}$")
BARE_CREDIT = re.compile(f"^[（(](?P<names>[{CJK}]{{2,4}}(?:[ 、，,][{CJK}]{{2,4}}){{0,3}})[)）]$")
PAGE_FOOTER = re.compile(r"^(?:(?:本报|本刊)?编辑部\s*)?(?:本版编辑|本版责编|本版美编|版面编辑|本期编辑|本期责编|主编|总编辑)\s*[:：]")
VALEDICTION = re.compile(r"^(?:此致|敬礼[！!]?|此致敬礼[！!]?)$")
_OFFICE_LINE = re.compile(rf"^[{CJK}]{{2,20}}{ORG_SUFFIX}[{CJK}]{{0,6}}(?:宣传科|宣传部|宣传处|宣传中心|办公室|院办)$")
_ISSUER = re.compile(rf"^[{CJK}（）()]{{2,30}}(?:委员会|办公室|领导小组|工作组|党委|支部|医院|中心)$")


def is_signature(lines: list[Line], index: int) -> bool:
    """The issuing body's name above the date that closes a notice or a letter (or a hospital's
    office that wrote it: `漯河市中心医院宣传科`), or alone and flush right at the very end."""
    if not (ORG_LINE_RE.match(lines[index].text) or _OFFICE_LINE.match(lines[index].text)):
        return False
    if index + 1 >= len(lines):
        return lines[index].indent >= 8  # set flush right under the last paragraph: who signs a reply
    step = index + 1
    while step < min(len(lines), index + 3) and _ISSUER.match(lines[step].text):
        step += 1  # `天津医科大学总医院` / `宋怀谦同志治丧委员会` / `2024年1月8日`
    following = parse_metadata_line(lines[step].text) if step < len(lines) else None
    return bool(following and following.published and not following.source and not following.authors)
