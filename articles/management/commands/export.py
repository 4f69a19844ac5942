"""django-import-export's `export` command, with our formula-escaping formats.

    python manage.py export CSV articles.Article > articles.csv
"""

from import_export.management.commands import export

from core.spreadsheets import FORMATS_BY_NAME


class Command(export.Command):
    def handle(self, *args, **options):
        name = options.get("format")
        if name and name.upper() in FORMATS_BY_NAME:
            options["format"] = f"{FORMATS_BY_NAME[name.upper()].__module__}.{name.upper()}"
        return super().handle(*args, **options)
