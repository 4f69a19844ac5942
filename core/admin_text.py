"""Text an editor submits, compared and saved the way it reads, not the way a browser sends it.

Browsers send a textarea's line ends as CRLF and keep the trailing spaces an editor cannot see;
a form that compared those bytes with the stored value found "changes" nobody made, saved them
as the editor's, and the importer then kept them as corrections. Every text field of the admin
normalises both sides before it compares, so a form saved untouched changes nothing.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin import widgets
from django.db import models


def normalise_text(value: str) -> str:
    """LF line ends, no trailing spaces on any line, no blank edges."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


class NormalisedCharField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return normalise_text(value) if isinstance(value, str) else value

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial = normalise_text(initial) if isinstance(initial, str) else initial
        return (initial or "") != (self.to_python(data) or "")


# For ModelAdmin and InlineModelAdmin alike: the admin's own widgets, our field class.
TEXT_FIELD_OVERRIDES = {
    models.CharField: {"form_class": NormalisedCharField, "widget": widgets.AdminTextInputWidget},
    models.TextField: {"form_class": NormalisedCharField, "widget": widgets.AdminTextareaWidget},
}
