import json
from io import StringIO

from django.core.management import call_command


def test_bench_reports_parser_and_jieba_rates():
    out = StringIO()
    call_command("bench", "--parser", "--repeat", "1", "--json", stdout=out)
    figures = json.loads(out.getvalue())["parser"]
    assert figures["articles"] == 7
    assert figures["jieba_kbps"] > 0 and figures["parse_kbps"] > 0 and figures["extract_kbps"] > 0


def test_the_celery_bench_asks_for_postgresql():
    """`bench --celery-workers` writes from several processes at once: not into SQLite. (It runs
    real workers for minutes, so it is measured, not tested, beyond this.)"""
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench", "--articles", "5", "--celery-workers", "2", "--database-url", "sqlite:///x.sqlite3")
