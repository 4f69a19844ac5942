"""Whether the fast segmentation engine reads a folder exactly as jieba does (not part of the test
suite when the folder is third-party text, such as a corpus of real articles)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import enginecheck


class Command(BaseCommand):
    help = "比较两种分词引擎的结果。Analyse (and with --records import) a folder with jieba and with the fast engine."

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*")
        parser.add_argument("--records", action="store_true",
                            help="also import each folder once per engine into fresh SQLite databases and compare the rows")
        parser.add_argument("--snapshot", action="store_true", help="print this database's records as JSON (internal)")

    def handle(self, *args, folders, records: bool, snapshot: bool, **options):
        if snapshot:
            self.stdout.write(json.dumps(enginecheck.records_snapshot(), ensure_ascii=False))
            return
        if not folders:
            raise CommandError("name a folder of .txt files")
        result = {"analysis": enginecheck.compare_analysis(folders)}
        if records:
            result["records"] = {folder: enginecheck.compare_records(Path(folder)) for folder in folders}
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
