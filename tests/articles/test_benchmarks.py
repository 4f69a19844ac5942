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


def test_the_plain_bench_says_why_it_has_no_celery_figures():
    """`bench --articles N` adds the Celery rounds (ratio_celery_2) only where PostgreSQL and the
    broker answer; otherwise the figure is None and the reason is given, before any corpus is made."""
    import socket

    from uploads.benchmarks import beside_plain_bench

    assert beside_plain_bench(5, database_url="sqlite:///x.sqlite3") == {
        "ratio_celery_2": None, "celery": {"skipped": "needs PostgreSQL, not 'sqlite'"}}
    nothing_there = "postgres://postgres@127.0.0.1:1/postgres"
    no_broker = beside_plain_bench(5, database_url=nothing_there, broker_url="redis://127.0.0.1:1/0")
    assert no_broker["ratio_celery_2"] is None
    assert no_broker["celery"]["skipped"].startswith("broker not reachable at 127.0.0.1:1")
    with socket.create_server(("127.0.0.1", 0)) as listening:  # something answers where the broker is
        broker = f"redis://127.0.0.1:{listening.getsockname()[1]}/0"
        no_server = beside_plain_bench(5, database_url=nothing_there, broker_url=broker)
    assert no_server["celery"]["skipped"].startswith("PostgreSQL not reachable at postgres@127.0.0.1:1")
