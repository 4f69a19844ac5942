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


def test_the_postgresql_rounds_compare_each_import_with_sqlite_s_of_the_same_round():
    from articles.benchmarks import postgresql_figures

    def runs(*seconds):
        return [{"seconds": s, "ratio": 4.0 / s, "kbps": 7500 / s, "cpu_s": s} for s in seconds]

    figures = postgresql_figures(runs(10, 11, 10), runs(8, 8, 9), runs(17, 16.5, 18), runs(15, 14, 18))
    assert figures["postgresql_vs_sqlite_1"] == 1.7  # 1.7, 1.5, 1.8
    assert figures["postgresql_vs_sqlite_1_range"] == [1.5, 1.8]
    assert figures["postgresql_vs_sqlite_all"] == 1.88  # 1.875, 1.75, 2.0
    assert figures["ratio_1_postgresql"] == round(4.0 / 17, 3)
    assert postgresql_figures(runs(10), runs(8), [], runs(12))["postgresql_vs_sqlite_all"] == 1.5
    assert "ratio_1_postgresql" not in postgresql_figures(runs(10), runs(8), [], runs(12))


def test_the_bench_finds_its_postgresql_server_or_says_why_not(monkeypatch):
    from articles.benchmark_databases import LOCAL_POSTGRESQL, bench_server, unreachable

    monkeypatch.delenv("BENCH_DATABASE_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///site.sqlite3")
    assert bench_server() == LOCAL_POSTGRESQL  # the site's SQLite is no place for it
    monkeypatch.setenv("DATABASE_URL", "postgres://site@db:5432/hospitals")
    assert bench_server() == "postgres://site@db:5432/hospitals"
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgres://bench@db2:5432/x")
    assert bench_server() == "postgres://bench@db2:5432/x"
    assert bench_server("postgres://given@db3/y") == "postgres://given@db3/y"
    assert unreachable("sqlite:///x.sqlite3") == "needs PostgreSQL, not 'sqlite'"
    assert unreachable("postgres://postgres@127.0.0.1:1/postgres").startswith("PostgreSQL not reachable at postgres@127.0.0.1:1")
