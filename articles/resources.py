"""Spreadsheet rows for articles and sections, keyed by source file path and position."""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from .models import Article, Section, Source, SourceFile


class ArticleResource(resources.ModelResource):
    source_file = fields.Field(attribute="source_file", column_name="source_file",
                               widget=ForeignKeyWidget(SourceFile, field="path"))
    source = fields.Field(attribute="source", column_name="source", widget=ForeignKeyWidget(Source, field="name"))

    class Meta:
        model = Article
        import_id_fields = ("source_file", "position")
        fields = ("source_file", "position", "kicker", "title", "subtitle", "source", "published", "authors", "editors",
                  "status")
        export_order = fields
        skip_unchanged = True


class SectionResource(resources.ModelResource):
    source_file = fields.Field(attribute="article__source_file__path", column_name="source_file", readonly=True)
    position = fields.Field(attribute="article__position", column_name="position", readonly=True)

    class Meta:
        model = Section
        fields = ("id", "source_file", "position", "order", "label", "heading", "body")
        export_order = fields
        skip_unchanged = True
