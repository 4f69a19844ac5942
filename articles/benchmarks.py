"""Measurements for `manage.py bench`: what the import costs next to jieba's segmentation,
which is the unavoidable floor (every article is segmented for keywords and search)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings

from articles.benchmark_databases import copy_of, migrated_template
from articles.extraction.segmenter import tokenizer
from articles.parsing import parse_bytes
from ingest.contract import analyse


def _rate(kilobytes: float, seconds: float) -> float:
    return round(kilobytes / seconds, 1) if seconds else float("inf")


def jieba_init_seconds() -> float:
    """The one-off cost of loading jieba's dictionary (with its cache under var/), paid once
    per process: measured in a fresh interpreter, since this one has loaded it already."""
    code = ("import time; t = time.perf_counter(); from articles.extraction.segmenter import warm_up; warm_up(); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                         text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


JIEBA_PASSES = 3


def measure_parser(files: list[Path], repeat: int = 1) -> dict:
    """KB/s of jieba.cut, of the parser alone, and of entity extraction with keywords."""
    blobs = [(path.name, path.read_bytes()) for path in files] * repeat
    text = "\n".join(data.decode("utf-8", "replace") for _, data in blobs)
    kilobytes = sum(len(data) for _, data in blobs) / 1024

    init = tokenizer()
    init_seconds = jieba_init_seconds()

    passes = []
    for _ in range(JIEBA_PASSES):  # the median: one pass varied by a fifth between runs
        started = time.perf_counter()
        for _ in init.cut(text):
            pass
        passes.append(time.perf_counter() - started)
    jieba_seconds = statistics.median(passes)

    started = time.perf_counter()
    parsed = [parse_bytes(name, data) for name, data in blobs]
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    articles = [analyse(article) for result in parsed for article in result.articles]
    extract_seconds = time.perf_counter() - started

    return {
        "kilobytes": round(kilobytes, 1),
        "articles": len(articles),
        "jieba_init_s": round(init_seconds, 3),  # in a fresh process
        "jieba_kbps": _rate(kilobytes, jieba_seconds),
        "parse_kbps": _rate(kilobytes, parse_seconds),
        "extract_kbps": _rate(kilobytes, extract_seconds),
        "parse_vs_jieba": round(jieba_seconds / parse_seconds, 2) if parse_seconds else None,
    }


# ---------------------------------------------------------------------------------------------
# The whole import and the pages, at N articles (`manage.py bench --articles N`)

PAGE_SAMPLES = 30
COLD_SAMPLES = 5


def _manage(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, check=True)


def production_env(workdir: Path) -> dict:
    """The environment of a production deployment (DJANGO_DEBUG=0), with its own database and
    var/ under `workdir`: with DEBUG on, Django logs every query, which is not what an editor's
    import on the server costs."""
    return {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + os.urandom(40).hex(),
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}", "HOSPITALS_VAR_DIR": str(workdir),
            "DJANGO_STATIC_ROOT": str(workdir / "static")}


def migrated_database(workdir: Path) -> Path:
    """An empty database as `migrate` leaves it, for measure_import to copy: every run starts
    from the same schema without paying a migrate (seconds) each. Beside it, jieba's caches as
    the first process to segment leaves them in var/ (its dictionary, tags and IDF, jieba's cache
    included): a deployment builds them once, so an import there reads them."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = production_env(workdir)
    _manage(["migrate", "--noinput", "-v0"], env)
    _manage(["shell", "-c", "from articles.extraction.segmenter import warm_up; warm_up()"], env)
    return workdir / "bench.sqlite3"


def _copy_var(migrated: Path, workdir: Path, database: bool = True) -> None:
    """The database (unless not `database`) and jieba's caches of `migrated_database` into a
    fresh `workdir`."""
    if database:
        shutil.copyfile(migrated, workdir / "bench.sqlite3")
    for cache in migrated.parent.glob("jieba.*"):
        shutil.copyfile(cache, workdir / cache.name)


def measure_import(corpus: Path, workers: int, workdir: Path, migrated: Path, database_url: str | None = None) -> dict:
    """Import the corpus into a fresh SQLite database (a copy of `migrated`), or into the fresh
    database `database_url` names, in a child process with production settings; its KB/s,
    articles/s and the child's peak resident memory."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = production_env(workdir)
    if database_url:
        env["DATABASE_URL"] = database_url
    _copy_var(migrated, workdir, database=not database_url)
    cpu = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "manage.py", "import_seeds", str(corpus), "--quiet", "--workers",
                              str(workers)], cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    out, err = child.communicate()
    seconds = time.perf_counter() - started
    cpu_seconds = _children_cpu() - cpu  # the importer and the workers it waited for
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # largest child waited for so far
    if child.returncode != 0:
        raise RuntimeError(err)
    created = int(out.split()[0])
    kilobytes = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1024
    return {"seconds": round(seconds, 1), "kbps": _rate(kilobytes, seconds), "articles": created,
            "articles_per_s": round(created / seconds, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "cpu_s": round(cpu_seconds, 1), "kbps_cpu": _rate(kilobytes, cpu_seconds), "env": env}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_pages() -> dict:
    """p50/p95 latency and query count of the main pages, in-process (no network): as readers
    get them, with the aggregates cached; the first request after a change of the data
    (`uncached_*`: the writer's bump has precomputed what PAGE_AGGREGATE_URLS need, this process's
    memo is empty as another process's would be); and a request that computes every aggregate
    itself (`computed_*`: a page or filter nothing precomputed)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from articles.models import Article
    from core import datacache
    from hospitals.models import Hospital

    article = Article.objects.public().order_by("pk").first()
    hospital = Hospital.objects.public().order_by("pk").first()
    pages = {
        "home": "/", "articles": "/articles/", "hospitals": "/hospitals/", "honours": "/honours/",
        "people": "/people/", "sources": "/sources/",
        "article": article.get_absolute_url() if article else "/", "hospital": hospital.get_absolute_url() if hospital else "/",
        "search": "/search/?q=%E5%85%9A%E5%BB%BA",
    }
    client = Client()

    def timed(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, url
        return (time.perf_counter() - started) * 1000

    def after_change(precompute: bool) -> None:
        if precompute:
            datacache.bump()
        else:
            with override_settings(PAGE_AGGREGATE_URLS=[]):
                datacache.bump()
        datacache.clear()

    result = {}
    for name, url in pages.items():
        for _ in range(3):
            client.get(url)
        times = sorted(timed(url) for _ in range(PAGE_SAMPLES))
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        entry = {"p50_ms": round(statistics.median(times), 1),
                 "p95_ms": round(times[int(len(times) * 0.95) - 1], 1), "queries": len(context.captured_queries)}
        for label, precompute in (("uncached", True), ("computed", False)):
            cold = []
            for _ in range(COLD_SAMPLES):
                after_change(precompute)
                cold.append(timed(url))
            after_change(precompute)
            with CaptureQueriesContext(connection) as cold_context:
                client.get(url)
            entry.update({f"{label}_p50_ms": round(statistics.median(cold), 1),
                          f"{label}_max_ms": round(max(cold), 1),
                          f"{label}_queries": len(cold_context.captured_queries)})
        result[name] = entry
    return result


YARDSTICK_MAX_BYTES = 2_000_000
REPEATS = 3


def yardstick_text(files: list[Path]) -> str:
    """The text jieba's cut is timed on: the corpus's own files, every k-th of them so that a
    large corpus gives about 2 MB (the rate, not the total, is what the ratios use)."""
    total = sum(p.stat().st_size for p in files)
    step = max(1, -(-total // YARDSTICK_MAX_BYTES))
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files[::step])


def jieba_rate(text: str) -> tuple[float, float]:
    """KB per second of jieba's own precise cut (the reference engine, one core), whatever
    `SEGMENTER` is: of wall-clock time, and of this process's CPU time."""
    tok = tokenizer()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in tok.cut(text):
        pass
    kilobytes = len(text.encode()) / 1024
    return kilobytes / (time.perf_counter() - started), kilobytes / (time.process_time() - cpu)


def interleaved_import(corpus: Path, workers: int, workdir: Path, yardstick: str, migrated: Path,
                       database_url: str | None = None) -> dict:
    """One import between two measurements of jieba's rate: a shared machine's speed drifts by
    half within minutes, so the ratio divides by the rate of the same moments."""
    before = jieba_rate(yardstick)
    result = measure_import(corpus, workers, workdir, migrated, database_url)
    after = jieba_rate(yardstick)
    result["jieba_kbps"] = (before[0] + after[0]) / 2
    result["ratio"] = result["kbps"] / result["jieba_kbps"]
    # CPU seconds, which other processes on the cores change far less than wall-clock time: the
    # import's (with its workers') against jieba's.
    result["ratio_cpu"] = result["kbps_cpu"] / ((before[1] + after[1]) / 2)
    result.pop("env")
    return result


def _spread(values: list[float], digits: int = 3) -> tuple[float, list[float]]:
    return round(statistics.median(values), digits), [round(min(values), digits), round(max(values), digits)]


def run(articles: int, seed: int = 1, workers_all: int | None = None, single: bool = True,
        repeats: int = REPEATS, postgresql: str | None = None) -> dict:
    """`repeats` rounds, each a one-process import then an all-cores one, each between two
    measurements of jieba's rate; medians and ranges. `postgresql`: a server (its URL) where
    every round imports the same way into fresh databases too (`postgresql_rounds`)."""
    from articles.corpus import make_corpus
    from articles.extraction.segmenter import engine_name

    workers_all = workers_all or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-") as temp, ExitStack() as stack:
        temp_path = Path(temp)
        corpus = temp_path / "corpus"
        made = make_corpus(articles, corpus, seed)
        files = sorted(corpus.glob("*.txt"))
        parser = measure_parser(files[: min(len(files), 400)])
        migrated = migrated_database(temp_path / "migrated")
        yardstick = yardstick_text(files)
        template = None
        if postgresql:
            (temp_path / "pg").mkdir()
            template = stack.enter_context(migrated_template(postgresql, production_env(temp_path / "pg"), "bench_plain"))
        ones, everys, pg_ones, pg_everys = [], [], [], []
        for repeat in range(repeats):
            for workers, sqlite_runs, pg_runs in ((1, ones, pg_ones), (workers_all, everys, pg_everys)):
                if workers == 1 and not single:
                    continue
                sqlite_runs.append(interleaved_import(corpus, workers, temp_path / f"db{workers}-{repeat}", yardstick,
                                                      migrated))
                if template:
                    with copy_of(postgresql, template, "bench_plain") as url:
                        pg_runs.append(interleaved_import(corpus, workers, temp_path / f"pg{workers}-{repeat}",
                                                          yardstick, migrated, url))
        last = f"db{1 if single else workers_all}-{repeats - 1}"
        page_env = production_env(temp_path / last)
        _manage(["collectstatic", "--noinput", "-v0"], page_env)  # production serves hashed names
        pages = json.loads(_manage(["bench", "--measure-pages"], page_env).stdout)
    yardsticks = [r["jieba_kbps"] for r in ones + everys + pg_ones + pg_everys]
    ratio_1, ratio_1_range = _spread([r["ratio"] for r in ones]) if ones else (None, None)
    ratio_all, ratio_all_range = _spread([r["ratio"] for r in everys])
    ratio_1_cpu, ratio_1_cpu_range = _spread([r["ratio_cpu"] for r in ones]) if ones else (None, None)
    median = statistics.median
    return {
        "articles": made["articles"], "files": made["files"], "corpus_kb": round(made["bytes"] / 1024, 1),
        "engine": engine_name(),
        "jieba_kbps": round(median(yardsticks), 1), "jieba_kbps_range": [round(min(yardsticks), 1), round(max(yardsticks), 1)],
        "jieba_init_s": parser["jieba_init_s"],
        "jieba_inits": "one per process: the importer, and each worker once, forked after loading",
        "parse_kbps": parser["parse_kbps"], "extract_kbps": parser["extract_kbps"],
        "import_kbps_1": round(median([r["kbps"] for r in ones]), 1) if ones else None,
        "import_kbps_all": round(median([r["kbps"] for r in everys]), 1), "workers_all": workers_all,
        "ratio_1": ratio_1, "ratio_all": ratio_all, "ratio_1_range": ratio_1_range, "ratio_all_range": ratio_all_range,
        "ratio_1_cpu": ratio_1_cpu, "ratio_1_cpu_range": ratio_1_cpu_range,
        "import_cpu_s_1": round(median([r["cpu_s"] for r in ones]), 1) if ones else None,
        "import_cpu_s_all": round(median([r["cpu_s"] for r in everys]), 1),
        "repeats": repeats,
        "yardstick": "jieba 0.42's precise cut, one core, timed right before and right after each import (mean of "
                     "the two); ratios are the median of the repeats, ranges their min and max; ratio_1_cpu compares "
                     "CPU seconds (the import's, workers included, against jieba's)",
        "articles_per_s_1": round(median([r["articles_per_s"] for r in ones]), 1) if ones else None,
        "articles_per_s_all": round(median([r["articles_per_s"] for r in everys]), 1),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in ones + everys),
        **(postgresql_figures(ones, everys, pg_ones, pg_everys) if postgresql else {}),
        "pages": pages,
    }


def postgresql_figures(ones: list[dict], everys: list[dict], pg_ones: list[dict], pg_everys: list[dict]) -> dict:
    """The PostgreSQL rounds' ratios, and each round's PostgreSQL import time over the SQLite
    import's just before it (`postgresql_vs_sqlite_*`: the issue's target is at most 1.2)."""
    figures = {}
    for name, sqlite_runs, pg_runs in (("1", ones, pg_ones), ("all", everys, pg_everys)):
        if not pg_runs:
            continue
        ratio, ratio_range = _spread([r["ratio"] for r in pg_runs])
        slower, slower_range = _spread([pg["seconds"] / lite["seconds"] for pg, lite in zip(pg_runs, sqlite_runs)], 2)
        figures.update({f"ratio_{name}_postgresql": ratio, f"ratio_{name}_postgresql_range": ratio_range,
                        f"import_kbps_{name}_postgresql": round(statistics.median(r["kbps"] for r in pg_runs), 1),
                        f"import_cpu_s_{name}_postgresql": round(statistics.median(r["cpu_s"] for r in pg_runs), 1),
                        f"postgresql_vs_sqlite_{name}": slower, f"postgresql_vs_sqlite_{name}_range": slower_range})
    return figures


def pathological_files(folder: Path, megabytes: float = 5.0, lines: int = 100_000) -> dict[str, Path]:
    """Two files no newsroom writes but an editor may upload: one line of `megabytes` (a page
    whose line ends were lost) and `lines` short fragments; and 300 generated articles, the
    normal case."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in seeds)
    flat = text.replace("\n", "")
    one_line = (flat * (int(megabytes * 1_000_000) // len(flat.encode()) + 1))[: int(megabytes * 1_000_000 / 3)]
    pieces = [line.strip()[:8] for line in text.splitlines() if line.strip()]
    fragments = "\n".join(pieces[i % len(pieces)] for i in range(lines))
    from articles.corpus import make_corpus

    normal = folder / "normal"
    make_corpus(300, normal, seed=1)  # a few MB of ordinary articles: start-up is a small part of its time
    (folder / "one_line.txt").write_text(one_line, encoding="utf-8")
    (folder / "fragments.txt").write_text(fragments, encoding="utf-8")
    return {"normal": normal, "one_line": folder / "one_line.txt", "fragments": folder / "fragments.txt"}


def measure_pathological(megabytes: float = 5.0, lines: int = 100_000) -> dict:
    """Import rates of the pathological files against normal articles, each into a fresh
    database with production settings (the target: at least half the normal rate)."""
    with tempfile.TemporaryDirectory(prefix="bench-path-") as temp:
        temp_path = Path(temp)
        files = pathological_files(temp_path / "in", megabytes, lines)
        migrated = migrated_database(temp_path / "migrated")
        rates = {}
        for name, path in files.items():
            corpus = path if path.is_dir() else path.parent / f"only_{name}"
            if not path.is_dir():
                corpus.mkdir()
                (corpus / path.name).write_bytes(path.read_bytes())
            result = measure_import(corpus, 1, temp_path / f"db_{name}", migrated)
            result.pop("env")
            rates[name] = result
    normal = rates["normal"]["kbps"]
    return {
        "normal_kbps": normal, "one_line_kbps": rates["one_line"]["kbps"], "fragments_kbps": rates["fragments"]["kbps"],
        "ratio_one_line": round(rates["one_line"]["kbps"] / normal, 2),
        "ratio_fragments": round(rates["fragments"]["kbps"] / normal, 2),
        "seconds": {name: r["seconds"] for name, r in rates.items()},
        "peak_rss_mb": max(r["peak_rss_mb"] for r in rates.values()),
    }
