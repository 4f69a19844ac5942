"""What every editors' admin page shares: history (who changed what, with revert),
spreadsheets (django-import-export) and list filters that show their counts."""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin


class EditorAdmin(SimpleHistoryAdmin, ImportExportModelAdmin):
    show_facets = admin.ShowFacets.ALWAYS
    list_per_page = 50
