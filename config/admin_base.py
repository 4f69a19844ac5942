"""What every editors' admin page shares: history (who changed what, with revert),
spreadsheets (django-import-export) and list filters that show their counts."""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin


class EditorAdmin(SimpleHistoryAdmin, ImportExportModelAdmin):
    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50

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
