"""Read a decoded file the way an editor would: where articles begin, what is headline, byline,
heading, caption and body, and how the printed page broke the text.

Layout evidence is combined rather than trusted alone: punctuation (a paragraph that stops
mid-sentence continues somewhere), white space (captions are often set apart by more blank lines
than the paragraphs around them), and the article's own heading style (if its headings carry
ordinals or are two phrases split by a space, a short line without them is a caption).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import closings
from .columns import unfold_columns
from .crawled import CrawledPage, read_crawled
from .credits import bracketed_credits, parse_dateline, reporter_outlet, told_outlet
from .fragments import despaced, fragmented, fragments_article
from .header import EDITION, HeaderReader
from .lines import (
    BRACKET_HEADING_RE,
    BREADCRUMB_RE,
    CAPTION_RE,
    CONTACT_RE,
    COPYRIGHT_RE,
    EMOJI_ITEM_RE,
    FIELD_LINE_RE,
    HOSPITAL_FIRST_RE,
    IMAGE_RE,
    Line,
    OPENER_RE,
    ORG_LINE_RE,
    OUTLET_RE,
    SALUTATION_RE,
    SEPARATOR_RE,
    STOP_RE,
    caption_text,
    furniture_of,
    is_caption_text,
    is_credited_caption,
    is_photo_credit,
    is_short,
    join_label_lines,
    split_lines,
    unwrap,
)
from .metadata import (
    TRAILING_BYLINE,
    Byline,
    parse_byline,
    parse_date,
    parse_lead_byline,
    parse_metadata_line,
    parse_trailing_byline,
    split_names,
)
from .model import Caption, Flag, Paragraph, ParsedArticle, Section, Span
from .pagesharing import assemble_page
from .runningheads import running_heads
from .speakers import ROSTER_LABEL_RE, SCRIPT_LABEL, roster_line_of, roster_of, sound_bite_of
from .splitting import split_articles
from .text import (
    CJK,
    clean_line,
    ends_sentence,
    fix_dash_one,
    fix_stray_and,
    looks_ocr_spaced,
    normalise_for_compare,
    remove_cjk_spaces,
    stray_latin_words,
)
from .units import Unit, classify_shorts, could_be_caption, field_subheads, fits_style, heading_style

# ---------------------------------------------------------------------------------------------
# One article


@dataclass
class _ArticleBuilder(HeaderReader):
    position: int
    lines: list[Line]
    flags: list[Flag] = field(default_factory=list)
    byline: Byline = field(default_factory=Byline)
    consumed: list[tuple[str, Span]] = field(default_factory=list)
    page: CrawledPage | None = None
    text: str = ""
    speakers: list[tuple[str, str]] = field(default_factory=list)
    signed_by: str | None = None
    masthead: Byline = field(default_factory=Byline)  # the date and outlet printed above the headline
    site_hospital: str | None = None  # the hospital whose own site the page is (its name above the navigation)
    original_title: tuple[str, Span] | None = None  # `原标题：《…》` under the text
    # What the article says of itself only where it says nothing better: the date of the message that
    # carried it, the letter's signer as its writer.
    sent: Byline = field(default_factory=Byline)

    def flag(self, kind: str, excerpt: str, span: Span | None = None) -> None:
        self.flags.append(Flag(kind, excerpt[:80], span))

    def build(self) -> ParsedArticle:
        if self.page is not None:
            kicker, title, title_span, subtitle, orgs = None, self.page.title, self.page.title_span, None, []
            units = self._page_units(self.page)
            self.style = "plain"
        else:
            kicker, title, title_span, subtitle, orgs, body_lines = self._header()
            units = self._body_units(body_lines)
            if not title and self.original_title:
                # `原标题：《…》` under the text of a copy that printed no headline above it
                title, title_span = self.original_title
                self.flags = [f for f in self.flags if f.kind != "missing_title"]
            units = self._join_broken(units)
            field_subheads(units)
        classify_shorts(units, self.style)
        sections, captions = self._sections(units)
        start = self.lines[0].start if self.lines else 0
        end = self.lines[-1].end if self.lines else 0
        if kicker:
            # (the hospital an 引题 opens with, not the whole line)
            opening = None if ORG_LINE_RE.match(kicker) else HOSPITAL_FIRST_RE.match(kicker)
            org = opening["org"] if opening else kicker
            orgs = [org] + [o for o in orgs if o != org]
        return ParsedArticle(
            position=self.position,
            span=(start, end),
            kicker=kicker,
            title=title or "",
            title_span=title_span,
            subtitle=subtitle,
            published=self.byline.published or self.sent.published,
            source=EDITION.sub("", self.byline.source) or self.byline.source if self.byline.source else None,
            authors=tuple(self.byline.authors or self.sent.authors),
            editors=tuple(self.byline.editors),
            sections=tuple(sections),
            captions=tuple(captions),
            flags=tuple(self.flags),
            headline_organisations=tuple(orgs),
            consumed=tuple(self.consumed),
            speakers=tuple(self.speakers),
            signed_by=self.signed_by,
        )

    def _page_units(self, page: CrawledPage) -> list[Unit]:
        """Units of a crawled page: its segments are already cut; only their text is classified."""
        self.byline.published = page.published
        if page.source:
            self.byline.merge(Byline(source=page.source, source_rank=2))
        self.flags.extend(page.flags)
        self.consumed.extend(page.consumed)
        units: list[Unit] = []
        text = self.text
        runs_on = False  # the text before ran on past an advertisement (crawled.py: `glued`)
        for segment in page.segments:
            raw = text[segment.start:segment.end]
            span = (segment.start, segment.end)
            if segment.kind == "byline":
                self.byline.merge(segment.byline)
                self.consumed.append(("byline", span))
            elif segment.kind == "dropped":
                self.flag(segment.flag or "dropped_boilerplate", clean_line(raw), span)
            elif segment.kind == "caption":
                units.append(Unit("caption", re.sub(r"^[（(]([^（()）]*)[)）]$", r"\1", clean_line(raw)), [span], 0))
            else:
                line = clean_line(raw)
                lead = len(raw) - len(raw.lstrip())
                spans = [(segment.start + lead, segment.start + lead + len(raw.strip()))]
                if runs_on and units:
                    before = units.pop()  # one sentence, the advertisement taken out of it
                    line, spans = before.text + line, before.spans + spans
                units.append(Unit("short" if is_short(line) else "para", line, spans, 1))
                runs_on = segment.glued
        if self.byline.source_rank < 0 or not self.byline.source:
            lead = " ".join(u.text for u in units[:2] if u.kind == "para")
            outlet = reporter_outlet(lead[:400]) or (
                None if self.byline.source else told_outlet(" ".join(u.text for u in units if u.kind == "para")[:6000]))
            if outlet:
                self.byline.merge(Byline(source=outlet, source_rank=-1))
        return units

    # -- body ------------------------------------------------------------------------------------

    def _body_units(self, lines: list[Line]) -> list[Unit]:
        lines = join_label_lines(lines)
        units: list[Unit] = []
        after_image = False  # the line before was an image's placeholder: this one may be its caption
        for index, line in enumerate(lines):
            if (label := SCRIPT_LABEL.match(line.text)) and label.end() < len(line.text):
                # `【解说】钟欣怡今年33岁…`: a script's voice-over, its words the text's
                line = lines[index] = Line(line.text[label.end():], line.start + label.end(), line.end, line.gap, line.indent)
            text = line.text
            if "链接" in text or "全文" in text or "#" in text:
                text = _POST_TAIL.sub("", text) or text  # `…）O网页链接 收起全文d`: a post's own links
            if kind := furniture_of(text):
                self.flag(kind, text, line.span)
                after_image = kind == "dropped_boilerplate" and bool(IMAGE_RE.match(text))
                continue
            if CONTACT_RE.match(text) or SEPARATOR_RE.match(text):
                self.flag("dropped_boilerplate", text, line.span)
                continue
            if roster := roster_of(text):
                self.speakers.extend(roster)  # the line stays text; its names are the hospital's people
            if OUTLET_RE.match(text) and any(u.kind == "para" for u in units) \
                    and not any(len(later.text) > 40 and "。" in later.text for later in lines[index + 1:]):
                # `界面新闻` under the text, an app's banner: whose page it was, no caption
                self.byline.merge(Byline(source=text, source_rank=-1))
                self.consumed.append(("metadata", line.span))
                continue
            if original := _ORIGINAL_TITLE_LINE.match(text):
                start = line.start + original.start("title")
                self.original_title = self.original_title or (original["title"], (start, start + len(original["title"])))
                self.consumed.append(("metadata", line.span))
                continue
            if (dated := parse_dateline(text)) and dated[1] >= len(text) and (dated[0].authors or dated[0].source):
                # `本报讯（记者 林小燕 通讯员 陈思思）` on a line of its own: the byline, not a heading
                self.byline.merge(dated[0])
                self.consumed.append(("byline", line.span))
                continue
            if described := _DESCRIBED_IMAGE.match(text):
                # `[图片：宋怀谦教授生前在病房查房（资料图）]`: an image's place, with its caption
                units.append(Unit("caption", described["caption"] or described["caption2"], [line.span], line.gap))
                continue
            if (listed := roster_line_of(text)) is not None:
                if listed[0]:
                    self.speakers.append(listed)  # a press conference's roster: `…医院院长　陈启明`
                self.consumed.append(("speaker", line.span))
                continue
            if ROSTER_LABEL_RE.match(text) or closings.VALEDICTION.match(text):
                # `发布人：` over the roster; a letter's `此致` / `敬礼`: no heading, no caption
                self.consumed.append(("speaker" if ROSTER_LABEL_RE.match(text) else "signature", line.span))
                continue
            if (bite := sound_bite_of(text)) is not None:
                if bite[0]:
                    self.speakers.append(bite)  # who speaks next in a broadcast script
                self.consumed.append(("speaker", line.span))
                continue
            if index >= len(lines) - 3 and (credit := closings.BARE_CREDIT.match(text)) and split_names(credit["names"]):
                # `（覃湘君 周雪梅）` closing the text: its writers, named without their role (`（编辑 苏菲）`: with it)
                keyed = parse_metadata_line(text)
                self.byline.merge(keyed if keyed and (keyed.authors or keyed.editors)
                                  else Byline(authors=split_names(credit["names"])))
                self.consumed.append(("byline", line.span))
                continue
            if issued := closings.ISSUER_IN_BRACKETS.match(text):
                self.byline.merge(Byline(source=issued["issuer"], source_rank=0))  # `（定西市纪委监委）` closing the text
                self.consumed.append(("byline", line.span))
                continue
            if issued := closings.ISSUED_ON.match(text):
                self.byline.merge(Byline(published=parse_date(issued["date"])))  # the report's day, if it printed none above
                self.consumed.append(("byline", line.span))
                continue
            if closings.SUPPLIED_BY_OFFICE.match(text):
                self.consumed.append(("byline", line.span))  # `（党委办公室 供稿）`: an office wrote it, no one by name
                continue
            if (signed := closings.LETTER_SIGNATURE.match(text)) is not None:
                # `读者 易国栋`, `患者家属：周敏` under a letter: its writer, unless the text credits one
                self.sent.authors.append(signed["name"])
                self.consumed.append(("byline", line.span))
                continue
            if closings.is_signature(lines, index):
                self.consumed.append(("signature", line.span))
                if self.signed_by is None and ORG_LINE_RE.match(text):
                    self.signed_by = text
                continue
            if after_image and (is_short(text) or is_credited_caption(text)) and not parse_metadata_line(text):
                units.append(Unit("caption", text, [line.span], line.gap))
                after_image = False
                continue
            after_image = False
            if STOP_RE.match(text) and not any(u.kind == "para" for u in units) and is_short(text):
                self.flag("dropped_boilerplate", text, line.span)  # a share bar above the text
                continue
            if STOP_RE.match(text):
                # Everything from here on is page furniture (related links, copyright notes),
                # except the credits that stand with it (`责任编辑：…`, then `审核：…`).
                self.flag("dropped_boilerplate", text, (line.start, lines[-1].end))
                ended = _END_MARK.fullmatch(text.strip())
                for offset, credit in enumerate(lines[index:index + 8]):
                    meta = parse_metadata_line(credit.text)
                    if credit is not line and STOP_RE.match(credit.text) and not (meta and meta.editors):
                        break  # the next block of links: no credit stands in it
                    if meta is not None:
                        # `责任编辑：张雨` under a disclaimer and a platform's follow prompt; a press
                        # release's date right under its `完`
                        self.byline.merge(Byline(editors=meta.editors, authors=meta.authors,
                                                 published=meta.published if ended and offset <= 3 else None))
                break
            if closings.PAGE_FOOTER.match(text) and any(u.kind == "para" for u in units) and (meta := parse_metadata_line(text)):
                # `本期编辑：…　审核：…` closing a newsletter or a page: the issue's imprint, contact and
                # unsubscribe lines under it are no item's text.
                self.byline.merge(meta)
                self.consumed.append(("metadata", line.span))
                if index + 1 < len(lines):
                    self.flag("dropped_boilerplate", lines[index + 1].text, (lines[index + 1].start, lines[-1].end))
                break
            if len(text) < 300 and COPYRIGHT_RE.search(text):
                self.flag("dropped_boilerplate", text, line.span)
                continue
            if BREADCRUMB_RE.match(text):
                self.flag("dropped_navigation", text, line.span)
                continue
            meta = parse_metadata_line(text)
            if meta:
                self.byline.merge(meta)
                self.consumed.append(("metadata", line.span))
                continue
            byline = parse_byline(text) or bracketed_credits(text)
            if byline:
                self.byline.merge(byline)
                self.consumed.append(("credit" if byline.credit else "byline", line.span))
                continue
            text, span_end = self._strip_trailing_byline(text, line)
            start = line.start
            if not any(u.kind == "para" for u in units):
                lead = parse_lead_byline(text)
                if lead:
                    byline, length = lead
                    self.byline.merge(byline)
                    self.consumed.append(("byline", (line.start, line.start + length)))
                    text, start = text[length:], line.start + length
            if (len(text) <= 80 and CAPTION_RE.search(text)) or is_credited_caption(text):
                units.append(Unit("caption", text, [(start, span_end)], line.gap))
                continue
            kind = "short" if is_short(text) and not SALUTATION_RE.match(text) and not roster and not EMOJI_ITEM_RE.match(text) \
                and not (FIELD_LINE_RE.match(text) and not BRACKET_HEADING_RE.match(text)) else "para"
            units.append(Unit(kind, text, [(start, span_end)], line.gap))
        return units

    def _strip_trailing_byline(self, text: str, line: Line) -> tuple[str, int]:
        if (editor := closings.TRAILING_EDITOR.search(text)) and editor.start() > 0 and split_names(editor["names"]):
            # `…之一。（编辑：杨凯程）1130312`: the desk's editor (and a wire's date code) after the text
            self.byline.merge(Byline(editors=split_names(editor["names"])))
            kept = text[: editor.start()].rstrip()
            end = line.end - (len(text) - len(kept))
            self.consumed.append(("byline", (end, line.end)))
            text, line = kept, Line(kept, line.start, end, line.gap)
        match = TRAILING_BYLINE.search(text)
        if not match or match.start() == 0 or is_credited_caption(text):
            return text, line.end  # `…（记者陈嘉欣摄）`: a photo's credit, its caption before it
        byline = parse_trailing_byline(match.group(0))
        if not byline:
            return text, line.end
        self.byline.merge(byline)
        kept = text[: match.start()].rstrip()
        end = line.end - (len(text) - len(kept))
        self.consumed.append(("byline", (end, line.end)))
        return kept, end

    def _join_broken(self, units: list[Unit]) -> list[Unit]:
        """Join paragraphs that a column break or a photo caption cut in two."""
        self.style = heading_style(units)
        gaps = Counter(u.gap for u in units[1:])
        normal_gap = gaps.most_common(1)[0][0] if gaps else 1
        out: list[Unit] = []
        pending_captions: list[Unit] = []
        i = 0
        while i < len(units):
            unit = units[i]
            i += 1
            if unit.kind == "short" and (fits_style(unit, self.style) or not out or out[-1].kind != "para" or ends_sentence(out[-1].text)):
                out.append(unit)
                continue
            out.append(unit)
            if unit.kind != "para":
                # Only a paragraph continues across a break; a short line that reaches here
                # stands on its own, and a caption never continues.
                continue
            while not ends_sentence(unit.text) and not SALUTATION_RE.match(unit.text) and not EMOJI_ITEM_RE.match(unit.text) \
                    and not FIELD_LINE_RE.match(unit.text) and not roster_of(unit.text):  # `院训：…`, `✅…`: whole as it stands
                j = i
                skipped: list[Unit] = []
                target = None
                while j < len(units) and j - i < 4:
                    candidate = units[j]
                    if candidate.kind == "short" and (fits_style(candidate, self.style)
                                                      or BRACKET_HEADING_RE.match(candidate.text)):
                        break
                    if candidate.kind == "caption" or candidate.kind == "short" and candidate.gap > normal_gap \
                            and could_be_caption(candidate.text):
                        skipped.append(candidate)  # a photo's caption set inside the paragraph it splits
                        j += 1
                        continue
                    if OPENER_RE.match(candidate.text) or EMOJI_ITEM_RE.match(candidate.text):
                        break
                    target = candidate
                    break
                if target is None:
                    self.flag("truncated_paragraph", unit.text[-20:], unit.spans[-1])
                    break
                for caption in skipped:
                    caption.kind = "caption"
                    self.flag("caption_inside_paragraph", caption.text, caption.spans[0])
                pending_captions.extend(skipped)
                self.flag("merged_broken_paragraph", f"{unit.text[-4:]}|{target.text[:5]}", target.spans[0])
                if unit.text[-1:] == target.text[:1] and re.match(f"[{CJK}]", target.text[:1]):
                    # `市中心|心医院`: the break may have printed a character twice.
                    self.flag("doubled_character_at_break", f"{unit.text[-4:]}|{target.text[:5]}", target.spans[0])
                joiner = " " if re.match(r"[A-Za-z0-9]", unit.text[-1:]) and re.match(r"[A-Za-z0-9]", target.text[:1]) else ""
                unit.text = unit.text + joiner + target.text
                unit.spans.extend(target.spans)
                unit.kind = "para"
                i = j + 1
            out.extend(pending_captions)
            pending_captions = []
        return out

    def _sections(self, units: list[Unit]) -> tuple[list[Section], list[Caption]]:
        sections: list[dict] = []
        captions: list[Caption] = []
        seen_paragraphs: list[str] = []
        by_heading: dict[str, dict] = {}
        current: dict | None = None
        for unit in units:
            if unit.kind == "caption":
                if is_photo_credit(unit.text):
                    self.flag("dropped_photo_credit", unit.text, unit.spans[0])
                    continue
                if not is_caption_text(unit.text):
                    self.flag("dropped_short_line", unit.text, unit.spans[0])
                    continue
                text, _ = self._repair(caption_text(unit.text), unit.spans[0], ocr=True)
                captions.append(Caption(text, unit.spans[0]))
                continue
            if unit.kind == "heading":
                text, _ = self._repair(unit.text, unit.spans[0], ocr=False)
                key = normalise_for_compare(text)
                if key in by_heading:
                    self.flag("duplicate_section", text, unit.spans[0])
                    current = by_heading[key]
                    continue
                current = {"label": unit.label, "heading": text, "span": unit.spans[0], "paragraphs": []}
                by_heading[key] = current
                sections.append(current)
                continue
            text, _ = self._repair(unit.text, unit.spans[0], ocr=True)
            key = normalise_for_compare(text)
            if any(key == seen or (len(key) >= 15 and key in seen) for seen in seen_paragraphs):
                self.flag("duplicate_paragraph", text[:30], (unit.spans[0][0], unit.spans[-1][1]))
                continue
            seen_paragraphs.append(key)
            if current is None:
                current = {"label": None, "heading": None, "span": None, "paragraphs": []}
                sections.append(current)
            current["paragraphs"].append(Paragraph(text, tuple(unit.spans)))
        built = [
            Section(s["label"], s["heading"], s["span"], tuple(s["paragraphs"]))
            for s in sections
            if s["heading"] or s["paragraphs"]
        ]
        return built, captions

    def _repair(self, text: str, span: Span, *, ocr: bool) -> tuple[str, bool]:
        changed = False
        text, found = fix_stray_and(text)
        if found:
            self.flag("replaced_stray_latin", "|".join(found), span)
            changed = True
        if ocr and looks_ocr_spaced(text):
            text = remove_cjk_spaces(text)
            self.flag("removed_ocr_spaces", text[:20], span)
            changed = True
        text, found = fix_dash_one(text)
        if found:
            self.flag("replaced_dash_with_one", text[:20], span)
            changed = True
        for word in stray_latin_words(text):
            self.flag("stray_latin_word", word, span)
        return text, changed


_POST_TAIL = re.compile(r"(?:\s*(?:O?网页链接|收起全文.?|展开全文.?|#[^#\s]{1,20}#))+\s*$")



def parse_articles(text: str) -> list[ParsedArticle]:
    page = read_crawled(text)
    if page is not None:
        lines = split_lines(text)
        return [_ArticleBuilder(0, lines, page=page, text=text).build()]
    lines, was_spaced = despaced(unwrap(unfold_columns(text) or split_lines(text)))
    if fragmented(lines):
        return [fragments_article(lines)]
    heads = running_heads(lines)
    dropped, lines = [lines[i] for i in sorted(heads)], [line for i, line in enumerate(lines) if i not in heads]
    builders = [_ArticleBuilder(position, block) for position, block in enumerate(split_articles(lines)) if block]
    articles = [builder.build() for builder in builders]
    if dropped and articles:  # accounted for on the first item: a page's head is the document's
        articles[0] = replace(articles[0], flags=(*(Flag("dropped_boilerplate", line.text.strip()[:80], line.span)
                                                    for line in dropped), *articles[0].flags))
    if was_spaced:
        articles = [replace(a, flags=(*a.flags, Flag("removed_ocr_spaces", "全文字间空格已去除", a.span))) for a in articles]
    return assemble_page(articles, builders[0].masthead if builders else None,
                         builders[0].site_hospital if builders else None, lines)


_END_MARK = re.compile(r"[（(]?完[)）]?|[-—]+\s*完\s*[-—]+")
_ORIGINAL_TITLE_LINE = re.compile(r"^(?P<open>[（(])?原标题\s*[:：]\s*《?(?P<title>[^《》]{4,80}?)》?(?(open)[)）])$")
_DESCRIBED_IMAGE = re.compile(r"^[\[［【](?:图片|图|照片|img|image)\s*[:：]\s*(?P<caption>[^\]］】]{2,60})[\]］】]$"
                             r"|^[\[［](?:图片|图|照片)[\]］]\s*(?P<caption2>[^\s\[］].{1,60})$", re.IGNORECASE)
