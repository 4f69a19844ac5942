"""Where a value came from: the raw source text around it, highlighted, with file and digest."""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

CONTEXT = 160


def locate(raw: str, sentence: str) -> tuple[int, int] | None:
    """The span of `sentence` in `raw`, ignoring white space (OCR spaces, line breaks) and the
    repairs the parser made to punctuation-free characters."""
    if not sentence:
        return None
    positions = [i for i, ch in enumerate(raw) if not ch.isspace()]
    squeezed = "".join(raw[i] for i in positions)
    target = re.sub(r"\s+", "", sentence)
    for probe in (target, target[:30], target[-30:]):
        index = squeezed.find(probe) if probe else -1
        if index >= 0:
            start = positions[index]
            end = positions[min(index + len(probe), len(positions)) - 1] + 1
            if probe is not target and probe == target[:30]:
                end = positions[min(index + len(target), len(positions)) - 1] + 1
            return start, end
    return None


def excerpt_html(source_file, spans: list[tuple[int, int]], *, label: str = "") -> str:
    """The text around the spans, each span marked, with the file name and SHA-256."""
    raw = source_file.raw_text
    spans = sorted((max(0, s), min(len(raw), e)) for s, e in spans if e > s)
    header = format_html('<p class="provenance-file">文件 <code>{}</code> · SHA-256 <code>{}</code>{}</p>',
                         source_file.path, source_file.sha256, f" · {label}" if label else "")
    if not spans:
        return header + mark_safe("<p>原文中未找到对应位置。</p>")
    start, end = max(0, spans[0][0] - CONTEXT), min(len(raw), spans[-1][1] + CONTEXT)
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_start < cursor:
            continue
        parts.append(escape(raw[cursor:span_start]))
        parts.append(f"<mark>{escape(raw[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(raw[cursor:end]))
    body = "".join(parts)
    return header + mark_safe(f'<pre class="provenance">{"…" if start else ""}{body}{"…" if end < len(raw) else ""}</pre>')


def evidence_html(article, evidence: str) -> str:
    if article is None:
        return "—"
    span = locate(article.source_file.raw_text, evidence)
    return excerpt_html(article.source_file, [span] if span else [], label=f"第 {article.position + 1} 篇")
