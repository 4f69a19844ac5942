"""Spreadsheet columns as editors read them: Chinese headers, Chinese choice labels.

Every resource column is headed by its field's Chinese name and a choice cell holds the
choice's label (`三级甲等`, `已采用`). Imports read a choice from its label or its code (`3A`,
`accepted`: what sheets exported before, and the public CSV, hold) and refuse anything else
with an error naming the column, row by row in the preview, so that nothing the public facets
and the admin's drop-downs cannot show gets stored. Columns may also be headed by the field's
code name, as sheets exported before the Chinese headers were.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist, MultipleObjectsReturned, ObjectDoesNotExist, ValidationError
from import_export import resources, widgets
from import_export.declarative import ModelDeclarativeMetaclass

from .admin_text import normalise_text


class ChoiceLabelWidget(widgets.Widget):
    def __init__(self, choices, column: str = ""):
        super().__init__()
        self.choices = [(str(code), str(label)) for code, label in choices]
        self.by_code = dict(self.choices)
        self.by_label = {label: code for code, label in self.choices}
        self.column = column

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if text in self.by_code:
            return text
        if text in self.by_label:
            return self.by_label[text]
        allowed = "、".join(label for code, label in self.choices if code)
        codes = "、".join(code for code, _ in self.choices if code)
        blank = "，或留空" if "" in self.by_code else ""
        raise ValueError(f"“{self.column}”不能是“{text}”：可填 {allowed}（或代码 {codes}）{blank}。")

    def render(self, value, obj=None, **kwargs):
        if value is None or value == "":
            return ""
        return self.by_code.get(str(value), str(value))


class NamedForeignKeyWidget(widgets.ForeignKeyWidget):
    """A related record looked up by its name (or id); one that does not exist is the row's
    error, in the column's words, not an exception that fails the row in English."""

    column = ""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except ObjectDoesNotExist:
            raise ValueError(f"“{self.column}”：没有“{value}”这一{self.model._meta.verbose_name}。") from None
        except MultipleObjectsReturned:
            raise ValueError(f"“{self.column}”：“{value}”对应多条{self.model._meta.verbose_name}。") from None


HINTS = {widgets.IntegerWidget: "，应为整数", widgets.FloatWidget: "，应为数字", widgets.DecimalWidget: "，应为数字",
         widgets.DateWidget: "，应为日期，如 2024-05-01", widgets.DateTimeWidget: "，应为日期和时间，如 2024-05-01 08:00",
         widgets.BooleanWidget: "，应为 1 或 0"}


def _model_field(model, path: str):
    """The model field a resource attribute (`hospital`, `article__source_file__path`) reads."""
    field = None
    for part in path.split("__"):
        if model is None:
            return None
        try:
            field = model._meta.get_field(part.removesuffix("_id") if part.endswith("_id") else part)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field


class EditorResourceMetaclass(ModelDeclarativeMetaclass):
    def __new__(cls, name, bases, attrs):
        new_class = super().__new__(cls, name, bases, attrs)
        model = getattr(new_class._meta, "model", None)
        if model is None:
            return new_class
        for field_name, field in new_class.fields.items():
            model_field = _model_field(model, field.attribute or field_name)
            if model_field is None:
                continue
            if field.column_name == field_name:
                field.column_name = "编号" if model_field.primary_key else str(model_field.verbose_name)
            if model_field.choices and not isinstance(field.widget, ChoiceLabelWidget):
                field.widget = ChoiceLabelWidget(model_field.choices, field.column_name)
            field.holds_text = model_field.get_internal_type() in ("CharField", "TextField") and not model_field.choices
        for field in new_class.fields.values():
            if type(field.widget) is widgets.ForeignKeyWidget:
                field.widget.__class__ = NamedForeignKeyWidget
            if isinstance(field.widget, NamedForeignKeyWidget):
                field.widget.column = field.column_name
        return new_class


class EditorResource(resources.ModelResource, metaclass=EditorResourceMetaclass):
    class Meta:
        # The model's own checks (lengths, ranges, uniqueness) run on every row, so the preview
        # lists every bad cell instead of the database refusing the whole file.
        clean_model_instances = True

    @classmethod
    def get_display_name(cls):
        return str(cls._meta.model._meta.verbose_name) if cls._meta.model else super().get_display_name()

    def before_import(self, dataset, **kwargs):
        """Columns headed by a field's code name are read as that field's column. A sheet
        with both headers reads the code-named one (the later, hand-added column)."""
        super().before_import(dataset, **kwargs)
        headers = list(dataset.headers or [])
        renames = {name: field.column_name for name, field in self.fields.items()
                   if name in headers and name != field.column_name}
        if not renames:
            return
        replaced = set(renames.values())
        kept = [i for i, header in enumerate(headers) if header not in replaced]
        rows = [[row[i] for i in kept] for row in dataset]
        new_headers = [renames.get(headers[i], headers[i]) for i in kept]
        dataset.wipe()
        dataset.headers = new_headers
        for row in rows:
            dataset.append(row)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """Text compared and stored as admin forms do (core/admin_text.py); a cell the
        library cannot read failed in English ("invalid literal for int()"): the editor reads
        which column, which value and what it should be."""
        value = row.get(field.column_name) if field.column_name in row else None
        if value is None and field.column_name in row and getattr(field, "holds_text", False):
            value = ""  # an empty XLSX cell reads as None: text columns store no NULL
        if isinstance(value, str) and getattr(field, "holds_text", False):
            # A cell that reads as the stored text (Excel's CRLF, a trailing space) is no edit.
            current = getattr(instance, field.attribute or "", None)
            if isinstance(current, str) and normalise_text(current) == normalise_text(value):
                return None
            row = {**row, field.column_name: normalise_text(value)}
        try:
            return super().import_field(field, instance, row, is_m2m, **kwargs)
        except (ValueError, ArithmeticError) as error:  # decimal.InvalidOperation for "一千"
            if isinstance(error, ValueError) and any("\u4e00" <= ch <= "\u9fff" for ch in str(error)):
                raise
            hint = next((text for kind, text in HINTS.items() if isinstance(field.widget, kind)), "")
            raise ValueError(f"“{field.column_name}”的值“{row.get(field.column_name)}”无法识别{hint}。") from error

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Errors keyed by the column an editor sees, not by the field's code name."""
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            columns = {field.attribute: field.column_name for field in self.fields.values() if field.attribute}
            columns.update({field.attribute.removesuffix("_id"): field.column_name
                            for field in self.fields.values() if field.attribute})
            raise ValidationError({columns.get(key, key): messages for key, messages in error.message_dict.items()})


def editor_resource_for(model, exclude=()):
    """The spreadsheet rows of a model that has no resource of its own."""
    # What the system keeps (the import snapshot, creation and change times) is not the
    # editors' to change: a sheet carrying it back would rewrite the importer's bookkeeping.
    exclude = [*exclude, *(f.name for f in model._meta.concrete_fields if not f.editable and not f.primary_key)]
    # Unchanged rows are skipped, not saved again: a save is an editor's correction to the
    # importer, and an untouched sheet corrects nothing.
    return resources.modelresource_factory(model, resource_class=EditorResource, meta_options={
        "exclude": exclude, "skip_unchanged": True, "clean_model_instances": True})
