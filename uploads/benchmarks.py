"""`manage.py bench --articles N --celery-workers K`: an import job split into per-file tasks,
run by K real Celery worker processes through a real broker on this machine, writing to
PostgreSQL, timed against jieba's cut of the same text as `bench --articles N` times its imports
(articles/benchmarks.py: the yardstick right before and right after each import).

Each run gets a database of its own on the PostgreSQL server of `database_url` (copied from one
migrated once; dropped afterwards) and a queue of its own on the broker. The corpus is staged as
an upload's job would be (`uploads.service.stage`: the files' bytes in the database), then K
workers are started (one pool process each, as K machines would run them) and, once
every one says it is ready, the job's task is sent and the clock runs until the job's row says
it is done. With K > 1 every round also runs K = 1, for the speed-up.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from articles.benchmark_databases import bench_server, copy_of, is_postgresql, migrated_template, unreachable
from articles.benchmarks import REPEATS, _rate, _spread, jieba_rate, production_env, yardstick_text

from .models import ImportJob


class NeedsPostgreSQL(ValueError):
    pass


BROKERS = {"redis": "redis://127.0.0.1:6379/0", "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//"}
READY_SECONDS = 180
JOB_SECONDS = 3600

STAGE = """
import os
from pathlib import Path
from uploads import service
from uploads.models import ImportJob
files = sorted(Path(os.environ["BENCH_CORPUS"]).glob("*.txt"))
job = service.stage(service.read_uploads([(p.name, p.read_bytes()) for p in files]), None)
ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)
print(job.pk)
"""


def _tree(pid: int) -> list[int]:
    """The process and its descendants (a prefork worker: its parent and its pool process)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo += children.get(found[-1], [])
    return found


def _cpu_seconds(pid: int) -> float:
    total = 0
    for each in _tree(pid):
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    peak = 0.0
    for each in _tree(pid):
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) / 1024)
    return peak


def _manage(args: list[str], env: dict) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, capture_output=True,
                          text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout


class Workers:
    """K `celery worker --concurrency 1` (prefork: a parent and one pool process each) on one
    queue, each logging to a file. Not `--pool solo`: with RabbitMQ (Celery and kombu 5.7) a solo
    worker sat up to 10 s at a time with messages waiting (100 no-op tasks: 51-60 s, against
    1.6-2.5 s with the prefork or threads pool, and 3 s over Redis with any pool)."""

    def __init__(self, count: int, env: dict, logs: Path):
        logs.mkdir(parents=True, exist_ok=True)
        self.logs = [logs / f"worker-{i}.log" for i in range(count)]
        self.processes = []
        for i, log in enumerate(self.logs):
            with open(log, "w") as handle:
                self.processes.append(subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "uploads.celery_backend", "worker", "--pool", "prefork",
                     "--concurrency", "1",
                     "-n", f"bench{i}-{uuid.uuid4().hex[:6]}@%h", "-Q", env["CELERY_QUEUE"], "--loglevel", "INFO",
                     "--without-gossip", "--without-mingle", "--without-heartbeat"],
                    cwd=settings.BASE_DIR, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True))

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while not all(" ready." in log.read_text(errors="replace") for log in self.logs):
            for process, log in zip(self.processes, self.logs):
                if process.poll() is not None:
                    raise RuntimeError(f"a Celery worker stopped:\n{log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("the Celery workers never said they were ready")
            time.sleep(0.2)

    def cpu(self) -> float:
        return sum(_cpu_seconds(p.pid) for p in self.processes)

    def peak_rss_mb(self) -> float:
        return max(_peak_rss_mb(p.pid) for p in self.processes)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _send(broker_url: str, queue: str, job_id: int) -> None:
    """What the Celery task backend sends for `import_job.enqueue(job_id)` (uploads/celery_backend.py)."""
    from celery import Celery

    from .tasks import import_job

    app = Celery("bench", broker=broker_url)
    try:
        app.send_task("hospitals.run_django_task", args=[import_job.module_path, [job_id], {}], queue=queue)
    finally:
        app.close()


WAITING = ("SELECT locktype, count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
           "WHERE NOT l.granted AND a.datname = current_database() GROUP BY locktype")


def _watch(url: str, job_id: int) -> tuple[float, dict, str]:
    """Poll the job's row until it is done: the seconds from now, the share of polls that saw a
    file's transaction waiting for a lock (by kind), and the summary's first line."""
    import psycopg

    started = time.perf_counter()
    polls, waits = 0, {}
    with psycopg.connect(url, autocommit=True) as conn:
        while True:
            status, summary = conn.execute(f"SELECT status, summary FROM {ImportJob._meta.db_table} WHERE id = %s",
                                           [job_id]).fetchone()
            if status in ("done", "failed"):
                seconds = time.perf_counter() - started
                break
            if time.perf_counter() - started > JOB_SECONDS:
                raise RuntimeError("the job did not finish within an hour")
            polls += 1
            for kind, _ in conn.execute(WAITING).fetchall():
                waits[kind] = waits.get(kind, 0) + 1
            time.sleep(0.1)
    if status != "done":
        raise RuntimeError(f"the job failed: {summary}")
    return seconds, {kind: round(n / max(polls, 1), 2) for kind, n in sorted(waits.items())}, summary.splitlines()[0]


def _one_run(k: int, corpus: Path, workdir: Path, template: str, database_url: str, broker_url: str,
             yardstick: str) -> dict:
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    with copy_of(database_url, template, "bench_celery") as url:
        env = {**production_env(workdir), "HOSPITALS_VAR_DIR": str(workdir.parent / "var"), "DATABASE_URL": url,
               "TASKS_BACKEND": "celery", "CELERY_BROKER_URL": broker_url, "CELERY_QUEUE": queue,
               "IMPORT_SPLIT_FILES": "1", "UPLOAD_MAX_FILES": "1000000", "UPLOAD_MAX_TOTAL_BYTES": str(1 << 40),
               "HOSPITALS_UPLOAD_DIR": str(workdir / "uploads")}
        workers = None
        try:
            job_id = int(_manage(["shell", "-c", STAGE], {**env, "BENCH_CORPUS": str(corpus)}).strip().splitlines()[-1])
            workers = Workers(k, env, workdir / "logs")
            workers.wait_ready()
            before = jieba_rate(yardstick)
            cpu = workers.cpu()
            _send(broker_url, queue, job_id)
            seconds, waits, summary = _watch(url, job_id)
            cpu = workers.cpu() - cpu
            rss = workers.peak_rss_mb()
            workers.stop()
            after = jieba_rate(yardstick)
        finally:
            if workers is not None:
                workers.stop()
    kilobytes = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1024
    jieba_kbps = (before[0] + after[0]) / 2
    return {"seconds": seconds, "kbps": _rate(kilobytes, seconds), "jieba_kbps": jieba_kbps,
            "ratio": kilobytes / seconds / jieba_kbps, "cpu_s": cpu, "peak_rss_mb": rss, "lock_waits": waits,
            "articles": int(re.search(r"新建 (\d+)", summary)[1])}


def _configured_database(database_url: str | None) -> str:
    return database_url or os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")


def _unreachable(database_url: str, broker_url: str) -> str | None:
    """Why the Celery rounds cannot run here, or None."""
    import socket

    if not is_postgresql(database_url):
        return f"needs PostgreSQL, not {urlsplit(database_url).scheme or database_url!r}"
    parts = urlsplit(broker_url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=3).close()
    except OSError as exc:
        return f"broker not reachable at {parts.hostname}:{parts.port}: {exc}"
    return unreachable(database_url)


def beside_plain_bench(articles: int, *, seed: int = 1, repeats: int = REPEATS, broker: str = "redis",
                       broker_url: str | None = None, database_url: str | None = None) -> dict:
    """What `bench --articles N` reports beside its SQLite imports: the same corpus as an
    upload's job run by 2 Celery workers and by 1 (`run`), writing to PostgreSQL, when a server
    and the broker can be reached; otherwise `ratio_celery_2` None and the reason. A round that
    breaks is reported the same way: the SQLite figures measured before it are not lost."""
    import psycopg

    database_url = bench_server(database_url)
    broker_url = broker_url or BROKERS[broker]
    if why := _unreachable(database_url, broker_url):
        return {"ratio_celery_2": None, "celery": {"skipped": why}}
    try:
        figures = run(articles, 2, seed=seed, repeats=repeats, broker_url=broker_url, database_url=database_url)
    except (RuntimeError, OSError, psycopg.Error) as exc:
        return {"ratio_celery_2": None, "celery": {"failed": str(exc)[-3000:]}}
    return {"ratio_celery_2": figures["ratio_celery_2"], "ratio_celery_2_range": figures["ratio_celery_2_range"],
            "ratio_celery_1": figures["ratio_celery_1"], "celery_speedup_2": figures["celery_speedup_2"],
            "celery": figures}


def run(articles: int, workers: int, *, seed: int = 1, repeats: int = REPEATS, broker: str = "redis",
        broker_url: str | None = None, database_url: str | None = None) -> dict:
    from articles.corpus import make_corpus
    from articles.extraction.segmenter import engine_name

    database_url = _configured_database(database_url)
    if not is_postgresql(database_url):
        raise NeedsPostgreSQL("--celery-workers writes to PostgreSQL: set DATABASE_URL (or BENCH_DATABASE_URL, or "
                         "--database-url) to postgres://user@host:5432/any; the bench makes its own databases there")
    broker_url = broker_url or BROKERS[broker]
    counts = [1, workers] if workers > 1 else [workers]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-celery-") as temp:
        temp_path = Path(temp)
        corpus = temp_path / "corpus"
        made = make_corpus(articles, corpus, seed)
        yardstick = yardstick_text(sorted(corpus.glob("*.txt")))
        migrate_env = {**production_env(temp_path / "migrate"), "HOSPITALS_VAR_DIR": str(temp_path / "var")}
        with migrated_template(database_url, migrate_env, "bench_celery") as template:
            runs: dict[int, list[dict]] = {k: [] for k in counts}
            for repeat in range(repeats):
                for k in counts:
                    runs[k].append(_one_run(k, corpus, temp_path / f"run-{k}-{repeat}", template, database_url,
                                            broker_url, yardstick))
                    print(f"round {repeat + 1}, {k} worker(s): {runs[k][-1]['seconds']:.1f} s, ratio "
                          f"{runs[k][-1]['ratio']:.3f}, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    created = sorted({r["articles"] for results in runs.values() for r in results})
    if len(created) != 1:  # every run imports the same files into an empty database
        raise RuntimeError(f"the runs created different numbers of articles: {runs}")
    yardsticks = [r["jieba_kbps"] for results in runs.values() for r in results]
    result = {
        "articles": made["articles"], "files": made["files"], "corpus_kb": round(made["bytes"] / 1024, 1),
        "articles_created": created[0], "engine": engine_name(), "celery_workers": workers,
        "celery_broker": urlsplit(broker_url).scheme,
        "celery_pool": "prefork, --concurrency 1 per worker", "database": "postgresql",
        "jieba_kbps": round(statistics.median(yardsticks), 1),
        "jieba_kbps_range": [round(min(yardsticks), 1), round(max(yardsticks), 1)],
        "repeats": repeats,
    }
    for k, results in runs.items():
        ratio, ratio_range = _spread([r["ratio"] for r in results])
        result.update({
            f"seconds_celery_{k}": round(statistics.median(r["seconds"] for r in results), 2),
            f"import_kbps_celery_{k}": round(statistics.median(r["kbps"] for r in results), 1),
            f"ratio_celery_{k}": ratio, f"ratio_celery_{k}_range": ratio_range,
            f"worker_cpu_s_celery_{k}": round(statistics.median(r["cpu_s"] for r in results), 1),
            f"lock_waits_celery_{k}": {kind: round(statistics.mean(r["lock_waits"].get(kind, 0) for r in results), 2)
                                       for kind in sorted({kind for r in results for kind in r["lock_waits"]})},
        })
    if workers > 1:
        speedups = [one["seconds"] / many["seconds"] for one, many in zip(runs[1], runs[workers])]
        result[f"celery_speedup_{workers}"], result[f"celery_speedup_{workers}_range"] = _spread(speedups, 2)
    result["worker_peak_rss_mb"] = round(max(r["peak_rss_mb"] for results in runs.values() for r in results), 1)
    result["load_average"] = [round(x, 2) for x in (*load_before[:1], *os.getloadavg()[:1])]
    result["yardstick"] = ("jieba 0.42's precise cut, one core, in the bench's process, timed right before and right "
                           "after each import (mean of the two); the import: from sending the job's task to its row "
                           "saying done, K idle workers ready; ratios the median of the repeats, ranges min and max; "
                           "celery_speedup_K per round, K=1's seconds over K's; lock_waits: share of 0.1 s polls that "
                           "saw a write waiting for a lock; worker CPU: the workers' processes, not PostgreSQL's")
    return result
