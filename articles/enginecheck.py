"""Are the two segmentation engines interchangeable? (`manage.py compare_engines`, and the tests.)

Two checks: the analysis (the parse contract's JSON and the search tokens the importer stores,
file by file, in this process with each engine in turn, plus every sentence's words and tags),
and the stored records (an import into a fresh SQLite database per engine, each in its own
process, whose rows are then compared).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings

from articles.extraction import segmenter
from articles.extraction.entities import sentences
from articles.parsing import parse_bytes
from ingest.contract import analyse, file_json
from ingest.files import discover


def _analysis(parsed) -> dict:
    items = [analyse(a) for a in parsed.articles] if not parsed.error else []
    return {"contract": file_json(parsed, parsed.path, items),
            "index_tokens": [item.index_tokens for item in items]}


def compare_analysis(paths: list[str], examples: int = 3) -> dict:
    """Every file analysed with each engine: how many differ, and where (the first examples)."""
    inputs, problems = discover(paths)
    parsed = [parse_bytes(item.display, item.path.read_bytes()) for item in inputs]
    seconds: dict[str, float] = {}
    results: dict[str, list] = {}
    tokens: dict[str, list] = {}
    before = segmenter.engine_name()
    try:
        for engine in segmenter.ENGINES:
            segmenter.use_engine(engine)
            started = time.perf_counter()
            results[engine] = [json.dumps(_analysis(p), ensure_ascii=False, sort_keys=True) for p in parsed]
            seconds[engine] = round(time.perf_counter() - started, 2)
            # Words of whole texts and tags of every sentence, beyond what the rules happen to ask for.
            tokens[engine] = [(segmenter.words(p.text), [segmenter.pos_tokens(s) for _, s in sentences(p.text)])
                              for p in parsed]
    finally:
        segmenter.use_engine(before)
    differing = [item.display for item, a, b in zip(inputs, results["jieba"], results["fast"]) if a != b]
    token_differing = [item.display for item, a, b in zip(inputs, tokens["jieba"], tokens["fast"]) if a != b]
    return {"files": len(inputs), "unreadable": len(problems),
            "articles": sum(len(p.articles) for p in parsed),
            "analysis_differing": len(differing), "words_or_tags_differing": len(token_differing),
            "examples": (differing + token_differing)[:examples], "analysis_seconds": seconds,
            "fast_engine": segmenter.fast_engine_stats()}


SNAPSHOT_MODELS = ("hospitals.Hospital", "hospitals.HospitalAlias", "articles.Article", "articles.ArticleHospital",
                   "articles.Section", "articles.Caption", "articles.Keyword", "hospitals.Person",
                   "hospitals.PersonMention", "hospitals.Honour", "hospitals.HospitalFact", "articles.SearchDocument",
                   "articles.ReviewItem")


def records_snapshot() -> dict:
    """Every row of the imported records, field by field (times of day left out), keywords per
    article included: what two imports of the same files must agree on."""
    from django.apps import apps
    from django.core.serializers.json import DjangoJSONEncoder
    from django.db import models

    snapshot = {}
    for label in SNAPSHOT_MODELS:
        model = apps.get_model(label)
        fields = [f.attname for f in model._meta.concrete_fields if not isinstance(f, models.DateTimeField)]
        rows = model.objects.order_by("pk").values_list(*fields)
        snapshot[label] = json.loads(json.dumps([list(row) for row in rows], cls=DjangoJSONEncoder))
    through = apps.get_model("articles.Article").keywords.through
    snapshot["article_keywords"] = sorted(through.objects.values_list("article_id", "keyword__word"))
    return snapshot


def import_snapshot(folder: Path, engine: str, workdir: Path) -> dict:
    """Import `folder` into a fresh SQLite database in a child process using `engine`."""
    from articles.benchmarks import production_env

    workdir.mkdir(parents=True, exist_ok=True)
    env = {**production_env(workdir), "SEGMENTER": engine}

    def manage(*args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                              capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} ({engine}): {done.stderr[-2000:]}")
        return done.stdout

    manage("migrate", "--noinput", "-v0")
    manage("import_seeds", str(folder), "--quiet")
    return json.loads(manage("compare_engines", "--snapshot"))


def compare_records(folder: Path) -> dict:
    # The two imports are separate processes on separate databases: side by side, they take the
    # time of one on two cores.
    with tempfile.TemporaryDirectory(prefix="engines-") as temp, ThreadPoolExecutor(len(segmenter.ENGINES)) as pool:
        futures = {engine: pool.submit(import_snapshot, folder, engine, Path(temp) / engine)
                   for engine in segmenter.ENGINES}
        snapshots = {engine: future.result() for engine, future in futures.items()}
    jieba, fast = snapshots["jieba"], snapshots["fast"]
    return {"rows": {label: len(rows) for label, rows in jieba.items()},
            "differing": {label: sum(a != b for a, b in zip(jieba[label], fast[label])) + abs(len(jieba[label]) - len(fast[label]))
                          for label in jieba if jieba[label] != fast[label]}}
