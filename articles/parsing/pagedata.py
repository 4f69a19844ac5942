"""What a site prints around an article a crawler kept as one line: its breadcrumbs before the
headline, its page data after it (source, authors, editors, time, views, font tools), the
original's headline at the end of a copy, and captions left in brackets where photos stood.
Used by articles/parsing/crawled.py; pure text, no Django."""

from __future__ import annotations

import re

from .credits import clean_names
from .metadata import UNIT_WORD, Byline, parse_date
from .text import CJK

# A site's breadcrumbs before its headline, the last glued to it: `当前位置：首页 > 新闻中心 > 医院新闻我院举办…`.
BREADCRUMB = re.compile(
    rf"(?:当前位置|您的位置|你的位置|所在位置|您现在的位置)\s*[:：]\s*(?:首页|主页|网站首页)(?:\s*[>＞»›/]\s*[^>＞»›/\s]{{2,10}}?)*?"
    rf"\s*[>＞»›/]\s*[{CJK}]{{0,4}}?(?:新闻|动态|要闻|资讯|快讯|公告|通知|报道|聚焦|信息|工作|文化|党建|科普|专题)(?=\S)(?![^>＞»›]{{0,12}}[>＞»›])"
)
# A site's credits and page data run together after its headline: `来源：安吉县融媒体中心作者：沈佳怡
# 陈俊杰编辑：潘雨婷审核：朱国强发布时间：2023-12-05 16:18:36`, `发布时间：… 浏览次数：1523 来源：党委宣传部
# 作者：神经内科 何雨桐 摄影：杨帆【字体：大 中 小】`.
_CHAIN_NAME_KEYS = {"作者": "authors", "记者": "authors", "通讯员": "authors", "撰稿": "authors", "文字": "authors",
                    "编辑": "editors", "责任编辑": "editors", "责编": "editors", "审核": "editors", "校对": "editors",
                    "摄影": None, "图片": None}
_CHAIN_KEY = re.compile(
    r"(?P<key>发布时间|发稿时间|更新时间|时间|日期|浏览次数|浏览量|点击数|阅读数|阅读|来源|信息来源|"
    + "|".join(sorted(_CHAIN_NAME_KEYS, key=len, reverse=True)) + r")\s*[:：]\s*"
)
_CHAIN_VALUE = {
    "date": re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"),
    "count": re.compile(r"\d+(?:次)?"),
    # names end at the next key, a bracket, a number, a dispatch, or a space before a headline's run
    "words": re.compile(rf"[{CJK}·\s]{{2,24}}?(?=\s*(?:{_CHAIN_KEY.pattern})|\s*【|\s*$|\d|[{CJK}]{{0,6}}讯|\s+(?![^\s]{{0,8}}[:：])[^\s]{{6,}})"),
}
_PAGE_TOOLS = re.compile(r"\s*【(?:字体|字号)[:：][^】]{0,12}】|\s*【(?:打印|关闭|收藏)[^】]{0,6}】")


def header_chain(text: str, at: int, end: int) -> tuple[Byline, int] | None:
    """Two or more of a site's `key：value` pairs in a row at `at`: what they say, and their length."""
    byline, pos, pairs = Byline(), at, 0
    while pos < end:
        key = _CHAIN_KEY.match(text, pos, end)
        if not key:
            tools = _PAGE_TOOLS.match(text, pos, end)
            if tools and pairs:
                pos = tools.end()
                continue
            break
        name = key["key"]
        kind = ("date" if name in ("发布时间", "发稿时间", "更新时间", "时间", "日期") else
                "count" if name in ("浏览次数", "浏览量", "点击数", "阅读数", "阅读") else "words")
        value = _CHAIN_VALUE[kind].match(text, key.end(), end)
        if not value:
            break
        words = value.group(0).strip()
        if kind == "date":
            byline.published = byline.published or parse_date(words)
        elif name in ("来源", "信息来源"):
            if not byline.source:
                byline.source, byline.source_rank = words, 2
        elif (field_name := _CHAIN_NAME_KEYS.get(name)) is not None:
            parts = [w for w in words.split() if not (len(w) >= 3 and UNIT_WORD.search(w))]  # `神经内科 何雨桐`
            names = clean_names(" ".join(parts))
            if not names:
                break
            getattr(byline, field_name).extend(n for n in names if n not in getattr(byline, field_name))
        pos, pairs = value.end(), pairs + 1
        pos += len(text[pos:end]) - len(text[pos:end].lstrip())
    return (byline, pos - at) if pairs >= 2 else None


# A copy names the original's headline last: `…发挥作用。（原标题：游客鼓浪屿突发心脏骤停 …）`.
ORIGINAL_TITLE_END = re.compile(r"[（(]原标题\s*[:：]\s*(?P<title>[^（()）]{4,80})[)）]$")
# `（图为年会开幕式现场）`: a photo's caption left in brackets where the photo stood.
BRACKET_CAPTION = re.compile(r"[（(]图为[^（()）。]{2,40}[)）]")
