"""Files that hold articles as records of named fields rather than as pages: a feed (RSS, Atom),
a spreadsheet's CSV or TSV export, a JSON export (an array, or one object a line), a library
database's export (`【题名】…【全文】…`).

`read_records(text)` finds the records and, in each, where its fields' values are; a record's
title, date, source and authors are what its fields say, and its body is parsed as any text is.
`record_text(text, record)` is the text of the same length in which only the record's title and
body are left (every other character a FILLER, line breaks kept), its values decoded in place
(`""` of CSV, `\\n` of JSON, CDATA and entities of XML: each decoded character followed by
FILLERs), so that every span the parser finds still points at the file. Nothing here guesses a
layout from one sign: a format is read only when its own structure and a title's and a body's
field names are there.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from dataclasses import dataclass, field, replace

from .credits import clean_names, outlet_of, parse_chain, parse_reporter_run
from .markup import strip_html
from .metadata import parse_date
from .model import ParsedArticle, Span
from .text import FILLER

# The names such exports are saved under; a file so named must hold records.
EXPORT_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".xml", ".rss", ".atom")
NO_RECORDS = ("no records found: an export needs a title and a body (content) field in each record "
              "(a CSV or TSV header row naming them, JSON objects, feed items)")

# Field names, by what they fill (compared lower-cased, without spaces).
_NAMES = {
    "title": ("title", "headline", "标题", "题名", "篇名", "题目", "新闻标题", "文章标题"),
    "body": ("content", "content:encoded", "body", "text", "article", "fulltext", "正文", "全文", "内容", "新闻内容", "文章内容",
             "原文"),  # a monitoring report's quoted story: `【标题】… 【来源】… 【原文】…`
    "summary": ("description", "summary", "abstract", "digest", "摘要", "正文快照", "导语", "简介"),
    "published": ("pubdate", "date", "published", "pubtime", "publishtime", "publishdate", "releasetime", "time",
                  "dc:date", "updated", "日期", "发布时间", "发表时间", "出版日期", "发布日期", "时间"),
    "source": ("source", "来源", "报纸", "报纸名称", "媒体", "出处", "刊名", "site", "sitename", "文献来源"),
    "authors": ("author", "authors", "dc:creator", "creator", "byline", "作者", "记者"),
    "editors": ("editor", "编辑", "责任编辑"),
}
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,500}>")
_KIND = {name: kind for kind, names in _NAMES.items() for name in names}


def _kind(name: str) -> str | None:
    """What a field's name fills: `pub_time`, `Pub-Date` and `pubdate` alike."""
    name = name.strip().lower()
    return _KIND.get(name) or _KIND.get(re.sub(r"[\s_\-]", "", name))


@dataclass(frozen=True)
class Record:
    span: Span
    # Each field's value: its raw span in the file and how it is written there.
    fields: dict[str, Span] = field(default_factory=dict)
    encoding: str = "plain"  # "csv", "json", "xml" or "plain": how values are escaped

    # More values of a field a record repeats (a feed entry's second `<author>`).
    more: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def value(self, text: str, kind: str) -> str:
        spans = [self.fields[kind], *self.more.get(kind, ())] if kind in self.fields else []
        values = [_decoded(text[a:b], self.encoding) for a, b in spans]
        if self.encoding == "xml":
            values = [_TAG.sub(" ", value) for value in values]  # `<source><title>四川在线</title></source>`
        return "、".join(v.replace(FILLER, "").strip() for v in values if v.replace(FILLER, "").strip())


def read_records(text: str) -> list[Record] | None:
    head = text[:4000].lstrip("\ufeff \t\r\n")
    for reader in (_xml_records, _json_records, _labelled_records, _delimited_records):
        records = reader(text, head)
        if records:
            return records
    return None


def record_text(text: str, record: Record) -> str:
    """The file's text with only the record's title and body left, of the same length."""
    out = [ch if ch in "\r\n" else FILLER for ch in text]
    title, body = record.fields.get("title"), record.fields.get("body") or record.fields.get("summary")
    for span in (title, body):
        if span:
            value = _decoded(text[span[0]:span[1]], record.encoding)
            if _TAG.search(value):
                value = strip_html(value)  # a feed's or an export's HTML, however few its tags
            out[span[0]:span[1]] = value
    if title and body and "\n" not in "".join(out[title[1]:body[0]]):
        out[title[1]] = "\n"  # the title on a line of its own (a CSV row, a JSON line)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Decoding values in place: one character for one, the rest FILLER.

_JSON_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
_JSON_SIMPLE = {"n": "\n", "r": "\n", "t": " ", "b": FILLER, "f": FILLER, '"': '"', "\\": "\\", "/": "/"}
_XML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")


def _decoded(raw: str, encoding: str) -> str:
    if encoding == "csv":
        # `""` is a quote; a literal `\n` is the line break an exporter wrote out (a TSV's cell)
        return raw.replace('""', '"' + FILLER).replace("\\n", "\n" + FILLER)
    if encoding == "json":
        def escape(match: re.Match) -> str:
            code = match.group(0)[1:]
            character = chr(int(code[1:], 16)) if code[0] == "u" else _JSON_SIMPLE[code]
            return character + FILLER * (len(match.group(0)) - 1)
        return _JSON_ESCAPE.sub(escape, raw)
    if encoding == "xml":
        raw = _CDATA.sub(lambda m: FILLER * len(m.group(0)), raw)

        def entity(match: re.Match) -> str:
            character = html.unescape(match.group(0))
            if len(character) != 1:
                return match.group(0)
            filler = FILLER * (len(match.group(0)) - 1)
            return filler + character if character == "<" else character + filler  # `&lt;p&gt;` reads `<p>`
        if "<![CDATA[" not in raw:
            raw = _XML_ENTITY.sub(entity, raw)  # `&lt;p&gt;`: the markup the feed escaped, read as markup
        return raw
    return raw


def _record(span: Span, fields: dict[str, Span], encoding: str) -> Record | None:
    """A record has a title and a body (or, lacking one, a summary that stands for it)."""
    if "title" not in fields or not ({"body", "summary"} & fields.keys()):
        return None
    return Record(span, fields, encoding)


# ---------------------------------------------------------------------------------------------
# RSS and Atom

_FEED = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
_ITEM = re.compile(r"<(?P<tag>item|entry)\b[^>]*>(?P<body>.*?)</(?P=tag)>", re.DOTALL)
_ELEMENT = re.compile(r"<(?P<tag>[A-Za-z][\w:.-]*)\b[^>]*?(?<!/)>(?P<value>.*?)</(?P=tag)>", re.DOTALL)


def _xml_records(text: str, head: str) -> list[Record] | None:
    if not _FEED.match(head):
        return None
    records = []
    for item in _ITEM.finditer(text):
        fields: dict[str, Span] = {}
        more: dict[str, list[Span]] = {}
        for element in _ELEMENT.finditer(text, item.start("body"), item.end("body")):
            kind = _kind(element["tag"])
            if kind and element["value"].strip():
                if kind not in fields:
                    fields[kind] = element.span("value")
                elif kind == "authors":
                    more.setdefault(kind, []).append(element.span("value"))
        if record := _record(item.span(), fields, "xml"):
            records.append(replace(record, more={kind: tuple(spans) for kind, spans in more.items()}))
    return records or None


# ---------------------------------------------------------------------------------------------
# JSON: an array of objects, or one object a line

_JSON_START = re.compile(r"^[\[{]\s*[\[{\"]")
_JSON_PAIR = re.compile(r'"(?P<key>[^"\\]{1,40})"\s*:\s*(?:"(?P<value>(?:[^"\\]|\\.)*)"|\[\s*"(?P<first>(?:[^"\\]|\\.)*)"'
                        r'|(?P<number>\d{10}(?:\d{3})?)\b)', re.DOTALL)


def _json_records(text: str, head: str) -> list[Record] | None:
    if not _JSON_START.match(head):
        return None
    records = []
    for start, end in _json_objects(text):
        fields: dict[str, Span] = {}
        for pair in _JSON_PAIR.finditer(text, start, end):
            kind = _kind(pair["key"])
            group = next(name for name in ("value", "first", "number") if pair[name] is not None)
            if group == "number" and kind != "published":
                continue
            if kind and kind not in fields and pair[group].strip():
                fields[kind] = pair.span(group)
        if record := _record((start, end), fields, "json"):
            records.append(record)
    return records or None


def _json_objects(text: str):
    """The spans of the outermost objects (of an array, or one a line), strings skipped."""
    depth, start, in_string, escaped = 0, None, False, False
    for index, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
            if depth == 1:
                start = index
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0 and start is not None:
                yield start, index + 1


# ---------------------------------------------------------------------------------------------
# A library database's export (`【题名】…` lines, the body after `【全文】`), or articles written out
# with `标题：` `来源：` `正文：` lines, records apart

_LABEL = re.compile(r"^[ \t\u3000]*【(?P<label>[^【】\n]{1,8})】[ \t\u3000]*", re.MULTILINE)
# With a colon only the plainest labels, and a body only after 正文 or 全文 (not `内容：`, a notice's item)
_COLON_LABEL = re.compile(r"^[ \t\u3000]*(?P<label>标题|题名|篇名|正文|全文|来源|出处|作者|记者|时间|日期|发布时间|"
                          r"编辑|责任编辑|摘要|导语)[ \t\u3000]*[:：][ \t\u3000]*", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*[=＝\-—_*]{6,}[ \t]*$", re.MULTILINE)


def _labelled_records(text: str, head: str) -> list[Record] | None:
    for pattern in (_LABEL, _COLON_LABEL):
        labels = list(pattern.finditer(text))
        kinds = [_kind(m["label"]) for m in labels]
        if "title" in kinds and "body" in kinds:
            return _records_of_labels(text, labels, kinds, bracketed=pattern is _LABEL)
    return None


def _records_of_labels(text: str, labels: list[re.Match], kinds: list[str | None], *, bracketed: bool) -> list[Record] | None:
    title_label = next(m["label"] for m, kind in zip(labels, kinds) if kind == "title")
    # A record begins at the label before its title that opens every record (`【序号】`), or at the title
    firsts = [i for i, m in enumerate(labels) if m["label"] == title_label]
    opener = labels[firsts[0] - 1]["label"] if firsts[0] > 0 and kinds[firsts[0] - 1] is None else title_label
    if sum(m["label"] == opener for m in labels) < len(firsts):
        opener = title_label  # a label of the whole report's before its first record (`【监测范围】`) opens no record
    starts = [m.start() for m in labels if m["label"] == opener]
    records = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        fields: dict[str, Span] = {}
        inside = [(m, kind) for m, kind in zip(labels, kinds) if start <= m.start() < end]
        for index, (match, kind) in enumerate(inside):
            if kind is None or kind in fields or "body" in fields and not bracketed:
                continue  # after `正文：` a line's `来源：` or `时间：` is the text's own
            if kind == "body":
                # The body runs to the next label (a colon's label: to the next record), or to a rule (`=====`)
                stop = inside[index + 1][0].start() if index + 1 < len(inside) and bracketed else end
                rule = _RULE.search(text, match.end(), stop)
                fields[kind] = (match.end(), rule.start() if rule else stop)
            else:
                line_end = text.find("\n", match.end())
                fields[kind] = (match.end(), line_end if line_end != -1 else len(text))
        if record := _record((start, end), fields, "plain"):
            records.append(record)
    return records or None


# ---------------------------------------------------------------------------------------------
# CSV and TSV with a header row


def _delimited_records(text: str, head: str) -> list[Record] | None:
    first_line = head.split("\n", 1)[0].strip("\r")
    delimiter = "\t" if first_line.count("\t") >= 2 else "," if first_line.count(",") >= 2 else None
    if delimiter is None:
        return None
    rows = list(_rows(text, delimiter))
    if len(rows) < 2:
        return None
    header = [_kind(text[a:b].strip().strip('"')) for a, b in rows[0][1]]
    if "title" not in header or not ({"body", "summary"} & set(header)):
        return None
    records = []
    for span, cells in rows[1:]:
        fields: dict[str, Span] = {}
        for kind, (a, b) in zip(header, cells):
            if kind and kind not in fields and text[a:b].strip():
                quoted = text[a:a + 1] == '"' and text[b - 1:b] == '"' and b - a >= 2
                fields[kind] = (a + 1, b - 1) if quoted else (a, b)
        if record := _record(span, fields, "csv"):
            records.append(record)
    return records or None


def _rows(text: str, delimiter: str):
    """Each row's span and its cells' spans (quotes included); a quoted cell may hold line breaks."""
    pos, length = text.startswith("\ufeff") and 1 or 0, len(text)
    while pos < length:
        row_start, cells, cell_start, quoted = pos, [], pos, False
        while pos < length:
            ch = text[pos]
            if quoted:
                if ch == '"':
                    if text[pos + 1:pos + 2] == '"':
                        pos += 2
                        continue
                    quoted = False
            elif ch == '"' and pos == cell_start:
                quoted = True
            elif ch == delimiter:
                cells.append((cell_start, pos))
                cell_start = pos + 1
            elif ch in "\r\n":
                break
            pos += 1
        cells.append((cell_start, pos))
        end = pos
        while pos < length and text[pos] in "\r\n":
            pos += 1
        if text[row_start:end].strip():
            yield (row_start, end), cells


# ---------------------------------------------------------------------------------------------
# What a record's fields say of its article


def _runs(offsets: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for offset in offsets:
        if runs and runs[-1][-1] + 1 == offset:
            runs[-1].append(offset)
        else:
            runs.append([offset])
    return runs


def _date(value: str):
    """A field's date, in a feed's RFC 822 form too (`Tue, 12 Sep 2023 09:30:00 +0800`)."""
    if not value:
        return None
    if re.fullmatch(r"\d{10}(?:\d{3})?", value):
        # a crawler's epoch time (seconds, or milliseconds), as a day in China
        seconds = int(value[:10])
        return (dt.datetime.fromtimestamp(seconds, dt.timezone.utc) + dt.timedelta(hours=8)).date()
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return parse_date(value)


def with_fields(article: ParsedArticle, text: str, record: Record, variant: str) -> ParsedArticle:
    """The article parsed from the record's text, with the title, date, source and people its
    fields name (a field says it outright; the text's own reading is kept where one is empty)."""
    title = record.value(text, "title")
    title_span = record.fields["title"]
    published = _date(record.value(text, "published")) or article.published
    source = outlet_of(record.value(text, "source")) or article.source
    authors, editors = list(article.authors), list(article.editors)
    credited = record.value(text, "authors")
    if credited:
        byline = parse_chain(credited) or parse_chain(f"（{credited}）")
        if byline is None and (run := parse_reporter_run(credited)):
            byline = run[0]
        names = byline.authors if byline else (clean_names(re.sub(r"[；;，,/／]", " ", credited)) or [])
        authors = [*names, *(a for a in authors if a not in names)]
        if byline and byline.source and not record.value(text, "source"):
            source = byline.source
    edited = record.value(text, "editors")
    if edited and (names := clean_names(re.sub(r"[；;，,/／]", " ", edited))):
        editors = [*names, *(e for e in editors if e not in names)]
    # Every field but the body is the record's metadata: accounted for on the article.
    body = record.fields.get("body") or record.fields.get("summary")
    consumed = [*article.consumed, ("metadata", (record.span[0], body[0])), ("metadata", (body[1], record.span[1]))]
    # the markup and escapes the body's value was read without (`<![CDATA[<p>`, `&lt;p&gt;`, `""`)
    changed = [i for i in range(body[0], body[1]) if variant[i] != text[i]]
    consumed += [("markup", (run[0], run[-1] + 1)) for run in _runs(changed)]
    return replace(article, title=title, title_span=(title_span[0], title_span[1]), published=published,
                   source=source, authors=tuple(authors), editors=tuple(editors),
                   span=(record.span[0], record.span[1]), consumed=tuple(consumed))
