"""Migration 0011: a section's body text becomes its list of paragraphs, history rows too, and
back again. Bodies an admin form saved with CRLF line ends are split where the editor saw
paragraphs; every other body splits exactly as the public page split it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0010_article_status_source")]
AFTER = [("articles", "0011_section_paragraphs")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_bodies_become_paragraphs_and_back():
    try:
        old = migrate(BEFORE)
        source_file = old.get_model("articles", "SourceFile").objects.create(
            path="a.txt", sha256="0" * 64, size=1, encoding="utf-8", raw_text="x", parser_version="5")
        article = old.get_model("articles", "Article").objects.create(source_file=source_file, position=0, title="题")
        Section = old.get_model("articles", "Section")
        imported = Section.objects.create(article=article, order=0, body="第一段。\n\n第二段，含 空格。\n\n第三段。")
        saved_by_a_browser = Section.objects.create(article=article, order=1, body="甲段。\r\n\r\n乙段。\r\n")
        empty = Section.objects.create(article=article, order=2, body="")
        old.get_model("articles", "HistoricalSection").objects.create(
            id=imported.pk, article_id=article.pk, order=0, body="旧的一段。\n\n旧的二段。", spans={},
            history_date="2024-01-01T00:00:00Z", history_type="+")

        new = migrate(AFTER)
        by_pk = dict(new.get_model("articles", "Section").objects.values_list("pk", "paragraphs"))
        assert by_pk[imported.pk] == ["第一段。", "第二段，含 空格。", "第三段。"]
        assert by_pk[saved_by_a_browser.pk] == ["甲段。", "乙段。"]
        assert by_pk[empty.pk] == []
        history = new.get_model("articles", "HistoricalSection").objects.get(id=imported.pk)
        assert history.paragraphs == ["旧的一段。", "旧的二段。"]

        old = migrate(BEFORE)
        bodies = dict(old.get_model("articles", "Section").objects.values_list("pk", "body"))
        assert bodies[imported.pk] == "第一段。\n\n第二段，含 空格。\n\n第三段。"
        assert old.get_model("articles", "HistoricalSection").objects.get(id=imported.pk).body == "旧的一段。\n\n旧的二段。"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
