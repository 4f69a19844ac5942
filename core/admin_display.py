"""JSON the importer keeps (snapshots, review details, parser flags) shown as tables an editor
reads: Chinese field names, choice labels, one row per field; never raw JSON."""

from __future__ import annotations

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html, format_html_join

# Keys of the article snapshot that are no model field of their own.
SNAPSHOT_LABELS = {"sections": "章节", "captions": "图片说明", "keywords": "关键词", "span": "原文位置",
                   "flags": "解析提示", "source": "来源媒体", "names": "医院名称"}

FLAG_LABELS = {
    "merged_broken_paragraph": "合并了被截断的段落",
    "caption_inside_paragraph": "段落中夹有图片说明",
    "duplicate_paragraph": "删去了重复的段落",
    "duplicate_section": "删去了重复的章节",
    "removed_ocr_spaces": "删去了文字识别多出的空格",
    "replaced_stray_latin": "替换了混入的拉丁字母",
    "replaced_dash_with_one": "把误识别的横线改为“一”",
    "dropped_boilerplate": "删去了版权声明等套话",
    "dropped_navigation": "删去了网页导航文字",
    "dropped_advertisement": "删去了广告",
    "dropped_photo_credit": "删去了图片署名",
    "dropped_player_text": "删去了视频播放器文字",
    "dropped_short_line": "删去了不属于正文和图片说明的短行（如“完”、日期、署名单位）",
    "fragmented_text": "全文多为不足一行的短句，未按文章版式解析",
    "truncated_paragraph": "段落疑似不完整",
    "doubled_character_at_break": "断行处疑有重复字",
    "stray_latin_word": "疑似混入的拉丁字母词",
    "missing_title": "未找到标题",
    "headline_not_printed": "原文无标题，以导语开头代题",
    "held_records": "本文待审记录",
}


def code_label(code: str) -> str:
    """A review item's detail code in Chinese: a parser flag, or the kind of record."""
    if code in FLAG_LABELS:
        return FLAG_LABELS[code]
    if "." in code:
        from django.apps import apps

        try:
            return str(apps.get_model(code)._meta.verbose_name)
        except (LookupError, ValueError):
            pass
    return code


def _field(model, name: str):
    """The model's own field of that name; None for a reverse relation or no field at all."""
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return None if field.auto_created and not field.concrete else field


def field_label(model, name: str) -> str:
    if name in SNAPSHOT_LABELS:
        return SNAPSHOT_LABELS[name]
    field = _field(model, name)
    return str(field.verbose_name) if field is not None else name


def value_text(model, name: str, value) -> str:
    """One stored value as an editor reads it."""
    if value is None or value == "" or value == []:
        return "（空）"
    field = _field(model, name)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "sections" and isinstance(value, list):
        parts = []
        for section in value:
            label, heading, body = (list(section) + ["", "", ""])[:3]
            count = len([p for p in str(body).split("\n\n") if p.strip()])
            parts.append(f"{' '.join(filter(None, [label, heading])) or '导语'}（{count} 段）")
        return "；".join(parts)
    if name == "captions" and isinstance(value, list):
        return "；".join(str(caption[0]) for caption in value if caption)
    if name == "span" and isinstance(value, list) and len(value) == 2:
        return f"第 {value[0]}–{value[1]} 字"
    if name == "flags" and isinstance(value, list):
        return "；".join(FLAG_LABELS.get(f.get("kind"), f.get("kind", "")) for f in value if isinstance(f, dict))
    if isinstance(value, list):
        return "、".join(value_text(None, "", v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{value_text(None, '', v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _current(obj, name: str):
    field = _field(type(obj), name)
    if field is None or not field.concrete or field.many_to_many:
        return None, False
    if field.is_relation:
        related = getattr(obj, name)
        return (str(related) if related is not None else ""), True
    value = field.value_from_object(obj)
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    return value, True


def snapshot_table(obj):
    """What the importer last wrote, field by field, marking the fields an editor changed since."""
    snapshot = getattr(obj, "import_snapshot", None)
    if not snapshot:
        return "编辑新建或接管的记录：导入程序没有写过它。"
    model = type(obj)
    rows = []
    for name, value in snapshot.items():
        current, comparable = _current(obj, name)
        changed = comparable and (current or None) != (value or None)
        shown = obj.label_of(obj.kind, value) if name == "value" and hasattr(obj, "label_of") else None
        rows.append((field_label(model, name), shown or value_text(model, name, value), "编辑已改" if changed else ""))
    return format_html(
        '<table class="readable-json"><thead><tr><th>字段</th><th>导入时的值</th><th></th></tr></thead>'
        "<tbody>{}</tbody></table>",
        format_html_join("", "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", rows))


def detail_table(model, detail: dict):
    """A review item's details: a conflict's two values side by side, anything else by key."""
    if not detail:
        return "—"
    if all(isinstance(v, dict) and {"editor", "parser"} <= v.keys() for v in detail.values()):
        rows = [(field_label(model, name), value_text(model, name, v["editor"]), value_text(model, name, v["parser"]))
                for name, v in detail.items()]
        return format_html(
            '<table class="readable-json"><thead><tr><th>字段</th><th>编辑的值（保留）</th><th>新解析的值（未采用）</th>'
            "</tr></thead><tbody>{}</tbody></table>",
            format_html_join("", "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", rows))
    rows = [(field_label(model, name), value_text(model, name, value)) for name, value in detail.items()]
    return format_html('<table class="readable-json"><tbody>{}</tbody></table>',
                       format_html_join("", "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", rows))


def flags_table(flags: list):
    if not flags:
        return "—"
    rows = [(FLAG_LABELS.get(f.get("kind"), f.get("kind", "")), f.get("excerpt", ""),
             value_text(None, "span", f.get("span")) if f.get("span") else "—") for f in flags]
    return format_html(
        '<table class="readable-json"><thead><tr><th>提示</th><th>摘录</th><th>原文位置</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows))
