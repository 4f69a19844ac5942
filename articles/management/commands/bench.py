"""Benchmarks, separate from the test suite. Prints a table, or one JSON object with --json."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.benchmarks import measure_parser


class Command(BaseCommand):
    help = "测量解析与导入速度。Measure parser speed against jieba's segmentation."

    def add_arguments(self, parser):
        parser.add_argument("--parser", action="store_true", help="parser and extraction against jieba, on seeds/")
        parser.add_argument("--repeat", type=int, default=20, help="how many times the seeds are parsed (default 20)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        files = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))
        result = {"parser": measure_parser(files, options["repeat"])}
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for section, figures in result.items():
            self.stdout.write(f"[{section}]")
            for key, value in figures.items():
                self.stdout.write(f"  {key:<16} {value}")
