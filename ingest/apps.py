from django.apps import AppConfig


class IngestConfig(AppConfig):
    """The import: files in, records out (ingest/pipeline.py). No tables of its own: it writes the
    hospitals' and the articles'."""

    name = "ingest"
    verbose_name = "导入"
