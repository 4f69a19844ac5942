"""Where an article begins and what stands above its text: the file cut into articles, then each
article's kicker, headline, subtitle, metadata and bylines, read past the furniture of the page
it was copied with (navigation, tools, mastheads, a column's name). Used by structure.py."""

from __future__ import annotations

import re

from .lines import (
    BREADCRUMB_RE,
    HEADLINE_BULLET_RE,
    HEADLINE_JOIN_RE,
    HEADLINE_LABEL_RE,
    HOSPITAL_FIRST_RE,
    INLINE_SUBTITLE_RE,
    MASTHEAD_WORD_RE,
    ORG_LINE_RE,
    OUTLET_RE,
    POST_HEADLINE_RE,
    SPEAKER_RE,
    STOP_RE,
    SUBTITLE_RE,
    TITLE_ORG_RE,
    YEARBOOK_LABEL_RE,
    Line,
    furniture_of,
    is_question_headline,
    is_short,
    kicker_of,
    kicker_title_of,
)
from .lineshapes import DOCUMENT_NUMBER
from .mail import MAIL_DATE_RE, MAIL_SENDER_RE, after_mail_headers, mail_date
from .metadata import Byline, parse_byline, parse_date, parse_metadata_line
from .speakers import expert_of
from .splitting import LATIN_NAME, SALUTATION, headline_part, rubric_over_headline
from .text import has_sentence_punctuation

# Manuscripts sent to an editor, not an issue sent to its readers.
_SUBMISSION = re.compile(r"稿件|投稿|审阅|来稿")

# An e-paper's name for itself (`湖北日报数字报`): the paper, and its edition's word.
EDITION = re.compile(r"(?:数字报刊平台|多媒体数字报刊|数字报刊|数字报|电子报|电子版|数字版|播出文稿|播出稿)$")
_EPAPER_MASTHEAD = re.compile(r"^(?P<paper>[\u4e00-\u9fff]{2,12}?(?:报|刊|网))\s*" + EDITION.pattern)
_NAME_AND_LATIN = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,20})\s+[A-Za-z][A-Za-z&'’.,\- ]{1,60}$")
# A platform account's name: a hotline's or a brand's, with digits or Latin letters in it.
_ACCOUNT = re.compile(r"^(?=.*(?:\d{3,}|[A-Za-z]{2,}))[\u4e00-\u9fffA-Za-z0-9·]{3,16}$")
_LOCATION = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|所在位置)\s*[:：]")
_PRESS_SALUTATION = re.compile(r"^(?:各位|尊敬的)?[\u4e00-\u9fff、]{0,10}(?:媒体|记者|编辑|老师|朋友)[\u4e00-\u9fff]{0,4}[:：]$")
# A red head's issuer (`中共某县人民医院委员会`, `某市卫生健康委员会文件`), not a headline (`关于…的通知`).
_ISSUER_LINE = re.compile(r"(?!.*关于)[\u4e00-\u9fff（）()、\s　]{2,40}(?<!通知|通报|决定|意见|办法|方案|报告|批复|公告|规定|细则|纪要|名单)")
_RELEASE_WORD = re.compile(r"新闻稿|新聞稿|新闻通稿|新聞通稿|新闻公报|新聞公報|Press Release|PRESS RELEASE")
_COVER_NOTE = re.compile(r"通稿|择优刊发|刊发|供稿|发给大家|转您|请查收|附件")
# A series' name in brackets on a line of its own (`【健康长兴·医院巡礼】`).
_BRACKETED_COLUMN = re.compile(r"^【(?:[^】]{2,8}|[^】]{1,12}[·・｜|][^】]{1,16})】$")
# The label of a page's list of its items, above their headlines.
# Words of an app's bar that a page's text may also stand on alone (`通知`, a notice's title):
# furniture only between other furniture.
_BAR_WORDS = ("通知", "消息", "我的", "更多")
_PAGE_CONTENTS = re.compile(r"^【?(?:本版新闻|本版导航|本版标题导航|标题导航|版面导航|本版目录|本版要目|本版标题|本版文章|本期导读|版面导读|本版导读"
                            r"|本期要目|本期目录)】?\s*[:：]?$")
# An item of a numbered contents list: `1. 宁川市第三人民医院开设“记忆门诊”`.
_NUMBERED_ITEM = re.compile(r"^\d{1,2}\s*[.、．]\s*\S")


# A hospital's own paper (院报): `宜宾市第二人民医院报`, `某某医院院报`.
_HOUSE_PAPER = re.compile(r"^(?P<hospital>[\u4e00-\u9fff]{2,20}?(?:医院|卫生院|保健院|医学中心))院?报$")


class HeaderReader:
    """The header half of structure.py's article builder: it reads `self.lines` and fills
    `self.byline`, `self.masthead`, `self.consumed`, `self.speakers` and the flags."""

    # -- headline, kicker, metadata ------------------------------------------------------------

    def _header(self):
        lines = list(self.lines)
        kicker = title = subtitle = None
        title_span = None
        orgs: list[str] = []
        i = self._skip_mail(lines, 0)
        i = self._skip_furniture(lines, i)
        i = self._skip_to_location(lines, i)
        i = self._skip_red_head(lines, i)
        first = True  # the first line that is no furniture, or the first after the page's metadata
        stacked = False  # a line stood above the headline: the line under it may be a 副题 without its dash
        while i < len(lines):
            if first and title is None and kicker is None and (skipped := self._skip_furniture(lines, i)) > i:
                i = skipped  # the page's navigation under its date: the first line of the item comes after
                continue
            if first and title is None and kicker is None:
                first = False
                line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else None
                if pair := kicker_title_of(line):
                    kicker, title = pair
                    title_span = (line.end - len(title), line.end)
                    self.consumed.append(("kicker", line.span))
                    i += 1
                    continue
                entry = nxt is not None and YEARBOOK_LABEL_RE.match(nxt.text) is not None  # a yearbook entry's name
                if not entry and ((org := kicker_of(line, nxt, at_file_start=self.position == 0)) is not None or (
                        ORG_LINE_RE.match(line.text) and nxt is not None and is_short(nxt.text)
                        and not parse_metadata_line(nxt.text) and not ORG_LINE_RE.match(nxt.text))):
                    # A hospital's name above the headline, with a colon or alone.
                    kicker = org if org is not None else line.text
                    self.consumed.append(("kicker", line.span))
                    i += 1
                    continue
            line = lines[i]
            if (part := headline_part(lines, i)) and (value := part["value"].strip(" —-")):
                # A manuscript's labelled headline: `【引题】…`, `【主题】…`, `【副题】——记…`
                role, value_span = part["role"], (line.end - len(value), line.end)
                if role in ("引题", "肩题", "眉题") and title is None and kicker is None:
                    kicker, stacked = value, True
                    self.consumed.append(("kicker", line.span))
                    i += 1
                    continue
                if role in ("主题", "主标题", "正题") and title is None:
                    title, title_span = value, value_span
                    self.consumed.append(("title", (line.start, value_span[0])))
                    i += 1
                    continue
                if role in ("副题", "副标题") and title is not None and subtitle is None:
                    subtitle = value
                    self.consumed.append(("subtitle", line.span))
                    i += 1
                    continue
            meta = parse_metadata_line(line.text)
            if meta:
                self.byline.merge(meta)
                self.consumed.append(("metadata", line.span))
                if title is None:  # above the headline: the page's, which its other items share
                    self.masthead.merge(Byline(published=meta.published, source=meta.source,
                                           source_rank=meta.source_rank, editors=list(meta.editors)))
                    first = kicker is None
                i += 1
                continue
            if (skipped := self._skip_furniture(lines, i)) > i:
                i = skipped
                continue
            if title is None and kicker is None and OUTLET_RE.match(line.text) \
                    and (j := self._real_after(lines, i)) is not None and is_short(lines[j].text):
                # The paper's name on its own line above the item (`钱江晚报`): the masthead.
                self.consumed.append(("metadata", line.span))
                self._page_outlet(line.text)
                first = True
                i += 1
                continue
            if title is None and (post := POST_HEADLINE_RE.match(line.text)) and line.end - line.start == len(line.text) \
                    and (has_sentence_punctuation(post["rest"]) or len(post["rest"]) > 60):
                # A post that opens with its headline in brackets, then its text, on one line:
                # `#赣州身边事#【赣州市人民医院为92岁老人植入“胶囊”起搏器】9月7日，…`
                title = post["title"].strip()
                title_span = (line.start + post.start("title"), line.start + post.end("title"))
                self.consumed.append(("title", (line.start, line.start + post.start("rest"))))
                lines[i] = Line(post["rest"], line.start + post.start("rest"), line.end, line.gap)
                break
            if title is None and (pair := kicker_title_of(line)):
                kicker, title = pair
                title_span = (line.end - len(title), line.end)
                self.consumed.append(("kicker", line.span))
                i += 1
                continue
            if title is None and is_short(line.text) and (j := self._real_after(lines, i, metadata=True)) is not None \
                    and kicker_title_of(lines[j]):
                self.consumed.append(("column", line.span))  # `健康快讯` above `【某医院】headline`
                i += 1
                continue
            if title is None and rubric_over_headline(lines, i):
                self.consumed.append(("column", line.span))  # `■来信反映·部门回复` over its headline
                i += 1
                continue
            if title is None and self._column_above_headline(lines, i):
                self.consumed.append(("column", line.span))  # `最美医生` above `郭振海：三十年守护患者心跳`
                i += 1
                continue
            if title is None and line.text.endswith("——") and not SUBTITLE_RE.match(line.text) and is_short(line.text) \
                    and (j := self._real_after(lines, i)) is not None and is_short(lines[j].text) \
                    and not parse_metadata_line(lines[j].text) and not parse_byline(lines[j].text):
                # `…借力对口帮扶提升服务能力——` / `山区群众在家门口看上“专家号”`: the 引题 leads into the headline
                if kicker is None and ORG_LINE_RE.match(line.text.rstrip("—")):
                    kicker = line.text.rstrip("—")
                self.consumed.append(("kicker", line.span))
                i += 1
                continue
            if title is None and self._series_above(lines, i):
                self.consumed.append(("column", line.span))
                first = kicker is None  # the kicker may come next
                i += 1
                continue
            if title is None and self._above_headline(lines, i):
                # 引题 / 主题 / ——副题: the line above the headline; only a hospital's name is a kicker,
                # or an 引题 that opens with one (`大连市中心医院推进“无陪护病房”试点`).
                if kicker is None and (ORG_LINE_RE.match(line.text) or HOSPITAL_FIRST_RE.match(line.text)):
                    kicker = line.text
                self.consumed.append(("kicker", line.span))
                stacked = True
                i += 1
                continue
            if title is None and _PRESS_SALUTATION.match(line.text) and (j := self._real_after(lines, i)) is not None \
                    and _COVER_NOTE.search(lines[j].text):
                # `各位媒体朋友：` / `大家好！现将…新闻通稿发给大家，欢迎择优刊发。`: the sender's note, no article
                for note in (line, lines[j]):
                    self.flag("dropped_boilerplate", note.text, note.span)
                i = j + 1
                continue
            if title is None and self._masthead_above_metadata(lines, i):
                self.consumed.append(("metadata", line.span))
                self._page_outlet(line.text.split(" ")[0])
                i += 1
                continue
            if title is not None and OUTLET_RE.match(line.text) and (j := self._real_after(lines, i)) is not None \
                    and parse_metadata_line(lines[j].text):
                # A platform's copy: the account that posted it under the headline, its time below
                # (`宝鸡日报` / `2024-07-10 18:26发布于陕西…`).
                self.consumed.append(("metadata", line.span))
                self.byline.merge(Byline(source=line.text, source_rank=1))
                i += 1
                continue
            if title is not None and _ACCOUNT.match(line.text) and (j := self._real_after(lines, i)) is not None \
                    and (meta := parse_metadata_line(lines[j].text)) is not None and meta.published:
                # The account that posted it (`健康上海12320`), its time and the platform below:
                # no caption; the platform's line names the source.
                self.consumed.append(("metadata", line.span))
                self.byline.merge(Byline(source=line.text, source_rank=-1))
                i += 1
                continue
            speaker = SPEAKER_RE.match(line.text) if title else None
            if speaker:
                self.speakers.append((speaker["name"] or speaker["name2"], speaker["role"] or speaker["role2"]))
                self.consumed.append(("speaker", line.span))
                i += 1
                continue
            if title and (expert := expert_of(line.text)):
                self.speakers.append(expert)
                self.consumed.append(("speaker", line.span))
                i += 1
                continue
            byline = parse_byline(line.text) if title else None
            if byline and not byline.credit:
                self.byline.merge(byline)
                self.consumed.append(("byline", line.span))
                i += 1
                continue
            if title is None and (is_short(line.text) or is_question_headline(line.text)) \
                    and not BREADCRUMB_RE.match(line.text) and not YEARBOOK_LABEL_RE.match(line.text):
                # `●三亚市人民医院开展…` on a page of briefs; `留言标题：…` on a message board
                bullet = HEADLINE_BULLET_RE.match(line.text) or HEADLINE_LABEL_RE.match(line.text)
                title = line.text[bullet.end():] if bullet and bullet.end() < len(line.text) else line.text
                title_span = (line.end - len(title), line.end)
                if title_span[0] > line.start:
                    self.consumed.append(("title", (line.start, title_span[0])))
                if (rest := self._headline_goes_on(lines, i)) is not None:
                    title, title_span = title + rest.text, (line.start, rest.end)
                    self.consumed.append(("title", rest.span))
                    i += 1
                inline = INLINE_SUBTITLE_RE.match(title)
                if inline:
                    title, subtitle = inline["title"], inline["subtitle"]
                    title_span = (line.start, line.start + len(title))
                    self.consumed.append(("subtitle", line.span))
                i += 1
                continue
            sub = SUBTITLE_RE.match(line.text)
            if title is not None and subtitle is None and sub and is_short(sub["text"]):
                subtitle = sub["text"].strip()
                self.consumed.append(("subtitle", line.span))
                i += 1
                continue
            if title is not None and subtitle is None and stacked and self._plain_subtitle(lines, i):
                subtitle = line.text.strip()  # the third line of 引题 / 主题 / 副题
                self.consumed.append(("subtitle", line.span))
                i += 1
                continue
            break
        if title is None:
            self.flag("missing_title", lines[0].text if lines else "", lines[0].span if lines else None)
        else:
            match = TITLE_ORG_RE.match(title)
            if match and not kicker:
                orgs.append(match["org"])
            elif self.site_hospital and re.search(r"我院|本院", title) and not kicker:
                orgs.append(self.site_hospital)  # a hospital's own site: `多学科协作接力 我院成功救治…`
        return kicker, title, title_span, subtitle, orgs, lines[i:]

    def _skip_furniture(self, lines: list[Line], i: int) -> int:
        """The index of the first line from `i` that is not page furniture (navigation, tools,
        a share bar before the text, a site's name above its navigation), each flagged."""
        first = i
        while i < len(lines):
            line = lines[i]
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            kind = furniture_of(line.text)
            if kind is None and LATIN_NAME.match(line.text):
                kind = "dropped_boilerplate"  # a site's name in English under its Chinese one
            elif kind is None and (named := _NAME_AND_LATIN.match(line.text)) and i + 1 < len(lines) \
                    and (furniture_of(lines[i + 1].text) or BREADCRUMB_RE.match(lines[i + 1].text)):
                # `中央社 CNA`, `中南大学湘雅医院 Xiangya Hospital…` above the navigation: whose site it is
                kind = "dropped_navigation"
                self._page_outlet(named["name"])
                if ORG_LINE_RE.match(named["name"]):
                    self.site_hospital = named["name"]
            elif kind in (None, "dropped_navigation") and BREADCRUMB_RE.match(line.text):
                kind = "dropped_navigation"
                parts = re.split(r"\s*[>＞»]+\s*", line.text)
                site = EDITION.sub("", parts[0])  # `健康报电子版 > 2024年06月03日 > 第05版：院长论坛`
                if OUTLET_RE.search(site):  # `星岛日报 > 中国 > 大湾区`: whose page it is, if nothing says better
                    self.byline.merge(Byline(source=site, source_rank=-1))
                for part in parts[1:]:
                    if (dated := parse_metadata_line(part)) and dated.published:
                        self.byline.merge(Byline(published=dated.published))
                        self.masthead.merge(Byline(published=dated.published))
                        break
            elif kind is None and STOP_RE.match(line.text) and is_short(line.text):
                if (edited := parse_metadata_line(line.text)) and edited.editors:
                    # `责任编辑：谭丽` under a page's masthead: the page's editor, every item's
                    self.byline.merge(edited)
                    self.masthead.merge(Byline(editors=list(edited.editors)))
                    self.consumed.append(("metadata", line.span))
                    i += 1
                    continue
                kind = "dropped_boilerplate"  # `分享到：` above the text ends nothing
            elif kind is None and (paper := _EPAPER_MASTHEAD.match(line.text)):
                kind = "dropped_navigation"  # `香港文汇报 电子版`: whose page it is
                self._page_outlet(paper["paper"])
            elif _PAGE_CONTENTS.match(line.text):  # (`标题导航` is also a tool's word: the list under it goes too)
                # `本版新闻` and the page's headlines under it, each a link: `● 武大人民医院…`
                self.flag("dropped_navigation", line.text, line.span)
                i += 1
                while i < len(lines) and (HEADLINE_BULLET_RE.match(lines[i].text) or _NUMBERED_ITEM.match(lines[i].text)
                                          or lines[i].indent >= 2 and not lines[i].gap) \
                        and is_short(lines[i].text) and not has_sentence_punctuation(lines[i].text):
                    self.flag("dropped_navigation", lines[i].text, lines[i].span)
                    i += 1
                continue
            english = nxt is not None and LATIN_NAME.match(nxt.text) is not None  # `醫院管理局` / `Hospital Authority`
            release = None  # `醫院管理局` / `新聞稿`: who issues the release
            if english and i + 2 < len(lines):
                nxt = lines[i + 2]  # the site's name, its English name, then its navigation
            if kind is None and nxt is not None and len(line.text) <= 40 and is_short(line.text) \
                    and not parse_metadata_line(line.text) and not line.text.endswith(("：", ":")) \
                    and (english and len(line.text) <= 20
                         # (a site's name, not a headline over its translation: `瑞金医院牵头成立…协作网`)
                         and (len(line.text) <= 10 or ORG_LINE_RE.match(line.text) or OUTLET_RE.match(line.text))
                         or BREADCRUMB_RE.match(nxt.text) or furniture_of(nxt.text) == "dropped_navigation"
                         or ORG_LINE_RE.match(line.text) and furniture_of(nxt.text)
                         or OUTLET_RE.match(line.text) and furniture_of(nxt.text)
                         or (release := _RELEASE_WORD.fullmatch(nxt.text.strip())) is not None and len(line.text) <= 20):
                kind = "dropped_navigation"  # the site's (or app's) name above its navigation: no kicker
                if ORG_LINE_RE.match(line.text) or OUTLET_RE.match(line.text) or english or release:
                    self._page_outlet(line.text)
                if ORG_LINE_RE.match(line.text):
                    self.site_hospital = line.text  # whose `我院` the page's headline means
            if kind is None and line.text in _BAR_WORDS and i > first and nxt is not None \
                    and furniture_of(nxt.text):
                kind = "dropped_navigation"  # `发布 / 通知 / 登录`: an app's bar, one word a line
            if kind is None:
                return i
            self.flag(kind, line.text, line.span)
            i += 1
        return i

    def _page_outlet(self, name: str) -> None:
        """The outlet a page's masthead or site line names (`湖北日报数字报` is 湖北日报's edition):
        the source of every item on the page unless one names a better."""
        outlet = Byline(source=EDITION.sub("", name), source_rank=-1)
        self.byline.merge(outlet)
        self.masthead.merge(outlet)
        if house := _HOUSE_PAPER.match(outlet.source):
            self.site_hospital = house["hospital"]  # `宜宾市第二人民医院报`: its `我院` is that hospital

    def _series_above(self, lines: list[Line], i: int) -> bool:
        """A series' name in brackets above the item: `【5·12国际护士节·致敬白衣天使】` over a hospital's
        kicker line, or `【健康长兴·医院巡礼】` over the page's data and the headline (but not the 引题
        of a 引题 / 主题 / 副题 stack, `【医患故事】` / headline / 副题)."""
        if not _BRACKETED_COLUMN.match(lines[i].text):
            return False
        j = self._real_after(lines, i)
        if j is not None and ORG_LINE_RE.match(lines[j].text):
            return True
        j = self._real_after(lines, i, metadata=True)
        return j is not None and is_short(lines[j].text) and not self._above_headline(lines, i)

    def _skip_mail(self, lines: list[Line], i: int) -> int:
        """A message's headers, a forwarding note and the forwarded message's headers above the
        article (mail.py): flagged, the article starts after them."""
        end = after_mail_headers([line.text for line in lines], [line.gap for line in lines])
        # Manuscripts sent to an editor (`附上我院近期两篇稿件，烦请审阅`) are not out on the day they were sent.
        submitted = any(_SUBMISSION.search(line.text) for line in lines[end:end + 12])
        for line in lines[i:end]:
            self.flag("dropped_boilerplate", line.text, line.span)
            if submitted:
                continue
            if (sent := MAIL_DATE_RE.match(line.text)) and (day := parse_date(sent["date"]) or mail_date(sent["date"])):
                # A newsletter's items are dated by its message; a date printed with an item wins.
                self.sent.published = day
                self.masthead.merge(Byline(published=day))
            elif (sender := MAIL_SENDER_RE.match(line.text)) and not self.site_hospital:
                self.site_hospital = sender["hospital"]  # a hospital's own newsletter: its items' 我院
        return max(i, end)

    def _skip_to_location(self, lines: list[Line], i: int) -> int:
        """A site's menus and lists above `当前位置：首页 >> 新闻中心 >> …`, where the page's own item
        begins: no sentence of text stands before it, so all of it is navigation."""
        for j in range(i, min(len(lines), i + 60)):
            if _LOCATION.match(lines[j].text):
                if j == i or any("。" in line.text for line in lines[i:j]):
                    return i
                for k, line in enumerate(lines[i:j], i):
                    self.flag("dropped_navigation", line.text, line.span)
                    if not self.site_hospital and ORG_LINE_RE.match(line.text) and k + 1 < j \
                            and LATIN_NAME.match(lines[k + 1].text):
                        self.site_hospital = line.text  # `汀江市第一医院` / `TINGJIANG FIRST HOSPITAL` over its menus
                return j
        return i

    def _skip_red_head(self, lines: list[Line], i: int) -> int:
        """An official document's red head: its issuers, one a line, over its number
        (`中共某县人民医院委员会` / `某县人民医院` / `某医发〔2024〕12号`); the headline comes after.
        (Its issuers are not its source: a line may hold two, run together.)"""
        for j in range(i + 1, min(len(lines), i + 5)):
            if DOCUMENT_NUMBER.match(lines[j].text):
                if not all(_ISSUER_LINE.fullmatch(line.text) for line in lines[i:j]):
                    return i  # (a headline over its number: `关于公布…名单的通知` / `川卫函〔2023〕15号`)
                if j + 2 < len(lines) and ORG_LINE_RE.match(lines[j + 1].text) and lines[j + 2].text.startswith("关于"):
                    j += 1  # the issuer again, over `关于…的决定`: the headline's first words, printed apart
                self.consumed += [("metadata", line.span) for line in lines[i:j + 1]]
                return j + 1
        return i

    def _real_after(self, lines: list[Line], i: int, metadata: bool = False) -> int | None:
        """The next line after `i` that is not furniture (nor, with `metadata`, a metadata line)."""
        j = i + 1
        while j < len(lines) and (furniture_of(lines[j].text) or BREADCRUMB_RE.match(lines[j].text)
                                  or LATIN_NAME.match(lines[j].text)  # `LIUYANG RIBAO` under `浏阳日报`
                                  or metadata and parse_metadata_line(lines[j].text)):
            j += 1
        return j if j < len(lines) else None

    def _above_headline(self, lines: list[Line], i: int) -> bool:
        """A short line, then a short one, then a `——` subtitle: the first stands above the headline."""
        if not is_short(lines[i].text) or SUBTITLE_RE.match(lines[i].text):
            return False
        title = self._real_after(lines, i)
        if title is None or not is_short(lines[title].text) or SUBTITLE_RE.match(lines[title].text) \
                or parse_metadata_line(lines[title].text) or parse_byline(lines[title].text):
            return False
        subtitle = self._real_after(lines, title)
        if subtitle is None or INLINE_SUBTITLE_RE.match(lines[title].text):
            return False
        return bool(SUBTITLE_RE.match(lines[subtitle].text)) or self._plain_subtitle(lines, subtitle)

    def _plain_subtitle(self, lines: list[Line], i: int) -> bool:
        """A short line under the headline, with no dash, that the byline or the page's data follows:
        a 副题 (`喀什地区第一人民医院帮扶岳普湖县人民医院见闻` / `本报记者 张晓东 …`)."""
        text = lines[i].text
        if not is_short(text) or has_sentence_punctuation(text) or parse_metadata_line(text) or parse_byline(text):
            return False
        after = self._real_after(lines, i)
        return after is not None and bool(parse_byline(lines[after].text) or parse_metadata_line(lines[after].text))

    @staticmethod
    def _headline_goes_on(lines: list[Line], i: int) -> Line | None:
        """The second line of a headline set on two (`…召开庆祝“中国医师节”` / `暨先进个人表彰大会`):
        one that opens with a word joining it to the first."""
        if i + 1 >= len(lines):
            return None
        following = lines[i + 1]
        if following.gap or not HEADLINE_JOIN_RE.match(following.text) or not is_short(following.text) \
                or len(lines[i].text) + len(following.text) > 60:
            return None
        return following

    def _column_above_headline(self, lines: list[Line], i: int) -> bool:
        """A column's name (a few characters) above a longer headline that the text, a byline or
        the metadata follows."""
        text = lines[i].text
        if len(text) > 8 or not is_short(text) or re.search(r"[，,、：:]", text):
            return False
        title = self._real_after(lines, i)
        if title is None or not is_short(lines[title].text) or len(lines[title].text) < len(text) + 4 \
                or parse_metadata_line(lines[title].text) or parse_byline(lines[title].text) \
                or SUBTITLE_RE.match(lines[title].text):
            return False
        after = self._real_after(lines, title)
        return after is not None and (not is_short(lines[after].text) or parse_metadata_line(lines[after].text) is not None
                                      or parse_byline(lines[after].text) is not None or SALUTATION.match(lines[after].text))

    def _masthead_above_metadata(self, lines: list[Line], i: int) -> bool:
        """An outlet's line (`辽宁广播电视台 新闻中心 播出稿`) above the page's metadata, the
        headline after them: no headline itself."""
        if not is_short(lines[i].text) or not MASTHEAD_WORD_RE.search(lines[i].text):
            return False
        j = self._real_after(lines, i)
        if j is None or not parse_metadata_line(lines[j].text):
            return False
        while j is not None and parse_metadata_line(lines[j].text):
            j = self._real_after(lines, j)
        return j is not None and is_short(lines[j].text) and not parse_byline(lines[j].text)
