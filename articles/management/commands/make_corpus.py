"""Generate a deterministic corpus of realistic hospital features (not committed; for benchmarks)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from articles.corpus import make_corpus


class Command(BaseCommand):
    help = "生成用于基准测试的仿真报道。Generate N realistic articles in the seeds' formats."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, articles, out, seed, **options):
        result = make_corpus(articles, Path(out), seed)
        self.stdout.write(f"{result['articles']} articles in {result['files']} files, "
                          f"{result['bytes'] / 1024:.0f} KB under {out}")
