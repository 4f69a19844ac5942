"""Spreadsheet rows for articles and sections, keyed by source file path and position."""

from import_export import fields
from import_export.widgets import ForeignKeyWidget, IntegerWidget, Widget

from core.natural_keys import identity_fields
from core.resources import EditorResource

from .models import Article, Section, Source, SourceFile
from .paragraphs import PARAGRAPH_BREAK, clean_paragraphs


class ArticleResource(EditorResource):
    source_file = fields.Field(attribute="source_file", column_name="source_file",
                               widget=ForeignKeyWidget(SourceFile, field="path"))
    source = fields.Field(attribute="source", column_name="source", widget=ForeignKeyWidget(Source, field="name"))

    class Meta:
        model = Article
        import_id_fields = identity_fields(Article)
        fields = ("source_file", "position", "kicker", "title", "subtitle", "source", "published", "authors", "editors",
                  "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class ParagraphsCellWidget(Widget):
    """A section's paragraphs in one cell, a blank line between them (a spreadsheet has no
    list); read back with any line ends a spreadsheet program writes."""

    def clean(self, value, row=None, **kwargs):
        return clean_paragraphs(value or "")

    def render(self, value, obj=None, **kwargs):
        return PARAGRAPH_BREAK.join(value or [])


class SectionResource(EditorResource):
    id = fields.Field(attribute="id", column_name="编号", widget=IntegerWidget())
    source_file = fields.Field(attribute="article__source_file__path", column_name="源文件", readonly=True)
    position = fields.Field(attribute="article__position", column_name="文件内序号", readonly=True)
    paragraphs = fields.Field(attribute="paragraphs", column_name="正文", widget=ParagraphsCellWidget())

    class Meta:
        model = Section
        fields = ("id", "source_file", "position", "order", "label", "heading", "paragraphs")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True
