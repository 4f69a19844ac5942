"""A photo's caption that a crawler kept with no credit and no mark, where the page's lost paragraph
breaks are runs of spaces (articles/parsing/crawled.py): `…一切安排得井井有条。” 周凯比表示。
周凯比工作后与医疗团队合影  据了解，…`, or run into the sentence after it, `…心中有些窃喜。
杨杨主任为患者检查身体3个月后，陈先生发现…`. What tells it is the photo's scene: a group photo, the
scene of an event, a doctor examining a patient (`…合影`, `活动现场`, `…为患者检查身体`); pure text,
no Django."""

from __future__ import annotations

import re

from .text import CJK

# How a photo's caption ends: what the picture shows. (A heading rarely ends so: of the project's
# annotated headings one did, `一次挂号 五个专科共同会诊`; dozens of captions do.)
_SCENE_END = (
    r"(?:合影(?:留念)?|留影|现场|掠影|剪影|检查身体|接受检查|检查中|查房|手术中|提供医疗服务"
    r"|(?:为|给)[^，。、\s]{1,8}(?:会诊|检查|问诊|查体|诊疗|治疗)|(?:与|和)[^，。、\s]{1,8}(?:沟通|交流)中?)"
)
_PHRASE = rf"[{CJK}A-Za-z0-9（）()·]"

# A paragraph that is only the caption: short, no sentence's punctuation.
_ALONE = re.compile(rf"(?:图为)?{_PHRASE}{{0,26}}{_SCENE_END}")

# The caption run into the next sentence: the scene, then the words that open a sentence.
_GLUED = re.compile(
    rf"(?P<caption>(?:图为)?{_PHRASE}{{2,26}}?{_SCENE_END})"
    rf"(?=\d{{1,3}}(?:个多?|多个?)?(?:月|年|天|周|小时)(?:后|前|来|里)|随后|此后|之后|事后|目前|据了解|原来|其实|经过|近日|日前|当天|当晚"
    rf"|在[^，。“”]{{2,24}}[，,])"
)


def scene_caption(text: str, start: int, end: int, alone: bool) -> int | None:
    """Where the caption that opens the paragraph text[start:end] ends, if it opens with one.
    `alone`: a break follows the paragraph too, so it may be the caption and nothing else."""
    if alone and end - start <= 30 and _ALONE.fullmatch(text, start, end):
        return end
    glued = _GLUED.match(text, start, end)
    return glued.end("caption") if glued else None
