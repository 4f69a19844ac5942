"""Bar charts as server-rendered SVG: no script, no external CDN, readable without colour."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def bar_chart(pairs, title: str, unit: str = ""):
    pairs = [(str(label), int(value)) for label, value in pairs]
    if not pairs:
        return ""
    bar, gap, label_width, width = 20, 8, 96, 380
    top = max(value for _, value in pairs) or 1
    height = len(pairs) * (bar + gap) + gap
    rows = []
    for index, (label, value) in enumerate(pairs):
        y = gap + index * (bar + gap)
        length = max(2, round((width - label_width - 60) * value / top))
        rows.append(
            f'<text x="{label_width - 8}" y="{y + bar * 0.72:.0f}" text-anchor="end" class="chart-label">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar}" rx="2" class="chart-bar"><title>{escape(label)}：{value}{escape(unit)}</title></rect>'
            f'<text x="{label_width + length + 6}" y="{y + bar * 0.72:.0f}" class="chart-value">{value}</text>'
        )
    return mark_safe(
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg></figure>'
    )
