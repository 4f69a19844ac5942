"""A section's paragraphs: stored as a list, edited one paragraph per box.

Paragraphs once lived in one text field, separated by a blank line. A browser returns a
textarea's line ends as CRLF, so saving an article untouched turned every section into one
paragraph. As a list no line-end convention carries structure: the admin shows one box per
paragraph, spreadsheets one cell per section with a blank line between paragraphs.
"""

from __future__ import annotations

import json
import re

from django import forms

from core.admin_text import normalise_text

PARAGRAPH_BREAK = "\n\n"


class UnescapedJSONEncoder(json.JSONEncoder):
    """Chinese stored as itself, not as \\u escapes, so that a database text search (SQLite's
    LIKE over the JSON) finds it."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` joined by PARAGRAPH_BREAK, byte for byte (the importer's
    snapshot spells sections that way and must read back equal)."""
    return [p for p in text.split(PARAGRAPH_BREAK) if p.strip()]


def clean_paragraphs(texts) -> list[str]:
    """What an editor typed, one box (or cell) each: normalised line ends and spaces; a blank
    line inside a box splits it; empty boxes are dropped."""
    if isinstance(texts, str):
        texts = [texts]
    paragraphs = []
    for text in texts:
        if text is None:
            continue
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", normalise_text(str(text))) if p.strip()]
    return paragraphs


class ParagraphsWidget(forms.Widget):
    """One textarea per paragraph, all under the field's name, and an empty one to add a
    paragraph (static/articles/paragraphs.js adds more without saving first)."""

    template_name = "articles/widgets/paragraphs.html"

    class Media:
        js = ("articles/paragraphs.js",)

    def format_value(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = [value]
        return [str(p) for p in value]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        boxes = [*context["widget"]["value"], ""]
        context["widget"]["boxes"] = [
            {"text": text, "rows": max(2, min(12, len(text) // 40 + 1 + text.count("\n"))), "number": i + 1}
            for i, text in enumerate(boxes)]
        return context

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        value = data.get(name)
        return value if isinstance(value, list) else [value] if value is not None else []

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class ParagraphsField(forms.Field):
    widget = ParagraphsWidget
    default_error_messages = {"required": "至少需要一段正文。"}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "每段一个框。框内空一行即拆成两段；清空一个框即删除该段。")
        for unused in ("encoder", "decoder", "max_length"):
            kwargs.pop(unused, None)
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_paragraphs(value or [])

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return clean_paragraphs(initial or []) != self.to_python(data)
