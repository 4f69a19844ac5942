"""Benchmarks, separate from the test suite. Prints a table, or one JSON object with --json.

    python manage.py bench --articles 1000 --json   # corpus → 3 × import (1 and all cores; SQLite, then
                                                     # PostgreSQL where it answers) → pages
    SEGMENTER=jieba python manage.py bench ...       # the same with jieba itself as the engine
    python manage.py bench --parser                  # parser and extraction against jieba, seeds
    python manage.py bench --pathological            # a 5 MB line and 100,000 fragments against normal files
    python manage.py bench --articles 300 --celery-workers 2 --json   # per-file tasks, 1 and 2 Celery workers,
                                                     # Redis (or --broker rabbitmq), PostgreSQL (DATABASE_URL)
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles import benchmarks
from articles.benchmark_databases import bench_server, unreachable


class Command(BaseCommand):
    help = "测量导入与页面速度。Measure import throughput against jieba, memory and page latency."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, help="generate this many articles and measure the import")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--workers", type=int, help="processes for the all-cores run (default: one per core)")
        parser.add_argument("--only-all-cores", action="store_true",
                            help="skip the one-process import (large N: halves the run)")
        parser.add_argument("--repeats", type=int, default=benchmarks.REPEATS,
                            help="rounds of imports, each between two measurements of jieba's rate")
        parser.add_argument("--celery-workers", type=int,
                            help="with --articles: only an upload's job split into per-file tasks, run by this many "
                                 "Celery worker processes (and by one, for the speed-up) through a broker on "
                                 "127.0.0.1, into PostgreSQL (DATABASE_URL or --database-url names the server)")
        parser.add_argument("--without-celery", action="store_true",
                            help="with --articles: leave out the rounds through Celery (ratio_celery_2), which "
                                 "otherwise run when PostgreSQL and the broker answer on their addresses")
        parser.add_argument("--without-postgresql", action="store_true",
                            help="with --articles: leave out the same imports into PostgreSQL (ratio_1_postgresql, "
                                 "postgresql_vs_sqlite_1, …), which otherwise run when its server answers")
        parser.add_argument("--broker", choices=["redis", "rabbitmq"], default="redis",
                            help="the Celery rounds' broker on 127.0.0.1 (or --broker-url)")
        parser.add_argument("--broker-url", help="the Celery rounds' broker's URL")
        parser.add_argument("--database-url", help="the PostgreSQL server of the PostgreSQL and Celery rounds "
                                                   "(default: BENCH_DATABASE_URL, DATABASE_URL if it is one, else "
                                                   "127.0.0.1:5432); the bench makes and drops databases of its own "
                                                   "there")
        parser.add_argument("--parser", action="store_true", help="parser and extraction against jieba, on seeds/")
        parser.add_argument("--repeat", type=int, default=20, help="with --parser: times the seeds are parsed")
        parser.add_argument("--pathological", action="store_true",
                            help="a 5 MB single-line file and a 100,000-line file of fragments against normal articles")
        parser.add_argument("--measure-pages", action="store_true", help=argparse_hidden())
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        if options["measure_pages"]:
            self.stdout.write(json.dumps(benchmarks.measure_pages()))
            return
        from uploads import benchmarks as celery_bench

        if options["articles"] and options["celery_workers"]:
            try:
                result = celery_bench.run(options["articles"], options["celery_workers"], seed=options["seed"],
                                          repeats=options["repeats"], broker=options["broker"],
                                          broker_url=options["broker_url"], database_url=options["database_url"])
            except celery_bench.NeedsPostgreSQL as exc:
                raise CommandError(str(exc)) from None
        elif options["articles"]:
            server = bench_server(options["database_url"])
            why = "--without-postgresql" if options["without_postgresql"] else unreachable(server)
            result = benchmarks.run(options["articles"], options["seed"], options["workers"],
                                    single=not options["only_all_cores"], repeats=options["repeats"],
                                    postgresql=None if why else server)
            if why:
                result.update({"ratio_1_postgresql": None, "ratio_all_postgresql": None,
                               "postgresql_vs_sqlite_1": None, "postgresql_vs_sqlite_all": None,
                               "postgresql": {"skipped": why}})
            if options["without_celery"]:
                result.update({"ratio_celery_2": None, "celery": {"skipped": "--without-celery"}})
            else:
                result.update(celery_bench.beside_plain_bench(
                    options["articles"], seed=options["seed"], repeats=options["repeats"], broker=options["broker"],
                    broker_url=options["broker_url"], database_url=options["database_url"]))
        elif options["pathological"]:
            result = {"pathological": benchmarks.measure_pathological()}
        elif options["parser"]:
            files = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))
            result = {"parser": benchmarks.measure_parser(files, options["repeat"])}
        else:
            raise CommandError("say what to measure: --articles N, --parser or --pathological")
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for key, value in result.items():
            self.stdout.write(f"{key:<20} {value}")


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
