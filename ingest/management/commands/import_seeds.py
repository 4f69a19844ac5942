"""Import hospital features from text files. The work is done by ingest.pipeline."""

from __future__ import annotations

import json
import logging
import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from ingest.files import discover
from ingest.pipeline import import_paths
from ingest.report import FileResult


class Command(BaseCommand):
    help = "导入医院报道文本文件（默认 seeds/）。Import plain-text hospital features (default: seeds/)."
    # Django's system checks (URLs, admin, models: half a second of every run) are for a changed
    # deployment; `migrate`, `check` and every server start run them.
    requires_system_checks = ()

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["seeds"], help="files or folders (default: seeds)")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, keep nothing in the database")
        parser.add_argument("--json", action="store_true", help="print the parse contract's JSON document on stdout")
        parser.add_argument("--reparse", action="store_true",
                            help="parse files again even when their digest is unchanged (after a parser upgrade)")
        parser.add_argument("--quiet", action="store_true", help="print only errors and the summary line")
        parser.add_argument("--workers", type=int, default=1,
                            help="processes that parse and analyse files while this one writes (default 1; "
                                 "0 = one per core)")

    def run_from_argv(self, argv):
        super().run_from_argv(argv)  # closes the database connections once the command is done
        # From the command line, the process ends here without freeing its objects one by one:
        # jieba's tables and the analysis' caches are millions of them, 0.4–0.5 s of every run.
        # A failed run (SystemExit above) ends the usual way.
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing left to tell it
                pass
        os._exit(0)

    def handle(self, *args, paths, dry_run, json: bool, reparse, quiet, workers, **options):
        workers = workers or os.cpu_count() or 1
        # With --json, stdout carries exactly one JSON document; everything else goes to stderr.
        log = self.stderr if json else self.stdout
        started = time.monotonic()
        show_progress = not quiet and sys.stderr.isatty()

        inputs, problems = discover(paths)
        total = len(inputs) + len(problems)
        done = {"files": 0, "bytes": 0}

        def progress(result: FileResult) -> None:
            done["files"] += 1
            done["bytes"] += result.size
            if result.error:
                if show_progress:
                    sys.stderr.write("\r\033[K")
                self.stderr.write(f"error: {result.error}")
            if show_progress:
                # One line redrawn in place: a bar, files done, size and rate so far.
                elapsed = max(time.monotonic() - started, 1e-6)
                width = 30
                filled = int(width * done["files"] / max(total, 1))
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done['files']}/{total} files, "
                                 f"{done['bytes'] / 1024:.0f} KB, {done['bytes'] / 1024 / elapsed:.0f} KB/s")
                sys.stderr.flush()

        report = import_paths(paths, dry_run=dry_run, reparse=reparse, want_document=json, progress=progress,
                              workers=workers)
        if show_progress:
            sys.stderr.write("\n")
        if json:
            self.stdout.write(_dumps(report.document()))
        elapsed = time.monotonic() - started
        size = sum(r.size for r in report.files)
        prefix = "dry run, nothing kept: " if dry_run else ""
        log.write(f"{prefix}{report.counts.summary()}")
        if not quiet:
            log.write(f"records: {report.record_counts.summary()}")
            log.write(f"{len(report.files)} files, {size / 1024:.1f} KB in {elapsed:.2f} s"
                      f" ({size / 1024 / elapsed if elapsed else 0:.0f} KB/s)")
        if report.failed_files:
            raise CommandError(f"{len(report.failed_files)} file(s) failed; see the errors above", returncode=1)


def _dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
