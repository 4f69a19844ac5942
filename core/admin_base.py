"""What every editors' admin page shares: history (who changed what, with revert),
spreadsheets (django-import-export) with Chinese columns, list filters that show their counts,
text compared as it reads (core/admin_text.py), and the importer's snapshot tucked away."""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ImportForm, SelectableFieldsExportForm
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .admin_display import snapshot_table
from .admin_text import TEXT_FIELD_OVERRIDES
from .resources import editor_resource_for

SNAPSHOT_FIELDSET = "导入时的值"


class EditorFormsMixin:
    """For admins and inlines alike."""

    formfield_overrides = TEXT_FIELD_OVERRIDES


class ExactSaveMixin(EditorFormsMixin):
    """A model admin's save writes what the editor changed and nothing else."""

    def save_model(self, request, obj, form, change):
        """Write only the fields this editor changed, so an import (or another editor) that
        saved other fields since the form was opened keeps its changes."""
        concrete = {f.name for f in obj._meta.concrete_fields}
        changed = [name for name in form.changed_data if name in concrete]
        if change and changed:
            if "updated" in concrete:
                changed.append("updated")
            obj.save(update_fields=changed)
        elif not change:
            obj.save()

    def log_change(self, request, obj, message):
        # A form saved untouched changed nothing; the admin's log would say otherwise.
        if not message:
            return None
        return super().log_change(request, obj, message)


class _FormatNames:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # tablib's names ("csv") as people write them; the upload's guess by file extension
        # compares case-insensitively and still finds them.
        field = self.fields["format"]
        field.choices = [(value, label.upper() if value else label) for value, label in field.choices]


class ChineseImportForm(_FormatNames, ImportForm):
    pass


class ChineseExportForm(_FormatNames, SelectableFieldsExportForm):
    def _get_field_label(self, resource, field_name: str) -> str:
        # The library titles the code name ("Founded Year (建院年份)"); the column is what the
        # editor will see in the sheet.
        field = resource.fields.get(field_name)
        return str(field.column_name) if field is not None else field_name


class EditorAdmin(ExactSaveMixin, SimpleHistoryAdmin, ImportExportModelAdmin):
    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50
    export_form_class = ChineseExportForm
    import_form_class = ChineseImportForm
    # Records only the importer makes (a source file, an article at a position of it) have no
    # add form: one made by hand would lack what the import gives it.
    import_owned = False
    spreadsheet_import = True

    def get_resource_classes(self, request):
        return self.resource_classes or [editor_resource_for(self.model)]

    def has_add_permission(self, request):
        return not self.import_owned and super().has_add_permission(request)

    def has_import_permission(self, request):
        return self.spreadsheet_import and not self.import_owned and super().has_import_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = [f for f in super().get_readonly_fields(request, obj) if f != "import_snapshot"]
        if self._has_snapshot():
            fields.append("import_snapshot_table")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._has_snapshot():
            return fieldsets
        cleaned = [(name, {**options, "fields": [f for f in options["fields"] if f != "import_snapshot_table"]})
                   for name, options in fieldsets]
        return [*cleaned, (SNAPSHOT_FIELDSET, {"classes": ["collapse"], "fields": ["import_snapshot_table"],
                                               "description": "导入程序上次写入的值。编辑改过的字段，重新导入时保留编辑的值。"})]

    @admin.display(description="导入时的值")
    def import_snapshot_table(self, obj):
        return snapshot_table(obj) if obj is not None and obj.pk else "—"

    def _has_snapshot(self) -> bool:
        return any(f.name == "import_snapshot" for f in self.model._meta.concrete_fields)

    def get_historical_record_context_helper(self, request, historical_record):
        return ChineseChangeHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        # Models without field-by-field history (source files, keywords, tombstones) show the
        # admin's own log; django-simple-history's view failed on them with a 500.
        if not hasattr(self.model._meta, "simple_history_manager_attribute"):
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        return super().history_view(request, object_id, extra_context)


class ChineseChangeHelper(HistoricalRecordContextHelper):
    """A change in the history list as an editor reads it: a choice by its label (三级甲等, not
    3A), nothing as `（空）`, not Python's `None`."""

    EMPTY = "（空）"

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value in (None, ""):
            return self.EMPTY
        if getattr(field, "choices", None):
            return dict(field.flatchoices).get(value, value)
        return value
