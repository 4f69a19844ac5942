"""Score the parser on a folder of articles against a gold annotation file: the same parse the
contract prints (`import_seeds --dry-run --json`), scored by the project's copy of the shared
scorer (fixtures/gold/score_extraction.py). Nothing is written to the database."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.parsing import parse_bytes
from ingest.contract import file_json
from ingest.files import discover

SCORER = Path(settings.BASE_DIR) / "fixtures" / "gold" / "score_extraction.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Command(BaseCommand):
    help = "按标注文件给解析结果打分。Score the parse of a folder against a gold file (per field and overall)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder (or file) of .txt articles")
        parser.add_argument("--gold", required=True, help="gold annotations (fixtures/gold/*.json layout)")
        parser.add_argument("--quiet", action="store_true", help="print only the per-field line and the score")

    def handle(self, *args, folder, gold, quiet, **options):
        if not Path(gold).is_file():
            raise CommandError(f"{gold}: no such gold file")
        inputs, problems = discover([folder])
        if problems:
            raise CommandError("; ".join(p.error for p in problems))
        document = {"files": [file_json(parse_bytes(item.display, item.path.read_bytes()), item.display) for item in inputs]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
            json.dump(document, handle, ensure_ascii=False)
        output = io.StringIO()
        argv = ["score_extraction", "--gold", gold, handle.name] + (["--quiet"] if quiet else [])
        scorer = _scorer()
        with contextlib.redirect_stdout(output):
            saved, sys.argv = sys.argv, argv
            try:
                status = scorer.main()
            finally:
                sys.argv = saved
        Path(handle.name).unlink(missing_ok=True)
        self.stdout.write(output.getvalue().rstrip("\n"))
        if status:
            raise CommandError(f"the scorer could not read {gold}")
