"""Forked processes in production: gunicorn's preloaded workers and the importer's analysis
workers, run for real on the database the suite runs on. No database connection crosses a fork,
and an import killed half-way leaves no process, session or lock behind."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from articles.management.commands.loadtest import free_port, stop_server
from articles.models import SourceFile
from tests.conftest import ROOT, finish, read_database
from tests.conftest import manage as run

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL is SQLite): production's database, whose sessions a fork shared")


def production_env(url: str, var: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DATABASE_URL=url, HOSPITALS_VAR_DIR=str(var), DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="127.0.0.1",
               DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_COOKIES="0", DJANGO_HSTS_SECONDS="0",
               DJANGO_SECRET_KEY="t" + "8c1e5a9f3b7d2c6e0a4f8b1d5c9e3a7f2b6d0c4e8a1f5b9d3c7e2a6f0b4d8c1e5")
    return env


def wait_for_port(port: int, server: subprocess.Popen) -> None:
    """Until gunicorn listens. Only a TCP connect, no request: the requests under test must be
    the first the workers answer."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited at start"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail("gunicorn did not listen within 60 s")


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError as error:  # reset, closed without an answer, timed out: a failure to count
        return 0, repr(error).encode()


@needs_postgresql
def test_preloaded_gunicorn_workers_each_use_their_own_connection(database_factory, tmp_path, seeds_dir):
    """`--preload` loads the app, which reads hospital names for jieba, in the master before it
    forks. Workers that inherited that connection interleaved their queries on one socket:
    500s and, worse, one request answered with another's rows."""
    url = database_factory()
    env = production_env(url, tmp_path / "var")
    for args in (["migrate", "--noinput"], ["import_seeds", str(seeds_dir), "--quiet"],
                 ["collectstatic", "--noinput", "-v0"]):
        code, _, err = finish(subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        assert code == 0, err
    code, out, err = finish(run(["shell", "--no-imports", "-c", PUBLIC_IDS], url, tmp_path))
    assert code == 0, err
    ids = json.loads(out.strip().splitlines()[-1])

    paths = ["/articles/", "/hospitals/", "/honours/", "/search/?q=%E5%8C%BB%E9%99%A2"]
    paths += [f"/articles/{pk}/" for pk in ids["articles"]] + [f"/hospitals/{pk}/" for pk in ids["hospitals"][:5]]
    json_paths = ["/articles/?format=json", "/hospitals/?format=json&page_size=1000", "/honours/?format=json",
                  "/search/?format=json&q=%E5%85%9A%E5%BB%BA", "/search/?format=json&q=%E8%8D%A3%E8%AA%89"]
    json_paths += [f"/articles/?format=json&hospital={pk}" for pk in ids["hospitals"][:5]]
    json_paths += [f"/honours/?format=json&hospital={pk}" for pk in ids["hospitals"][:3]]
    json_paths += [f"/articles/?format=json&page_size=1&page={n}" for n in range(1, len(ids["articles"]) + 1)]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3",
         "--preload"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True)
    answers: list[tuple[str, int, bytes]] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        for i in range(25):
            everything = paths + json_paths
            path = everything[(n * 25 + i) * 7 % len(everything)]
            status, body = fetch(base + path)
            with lock:
                answers.append((path, status, body))

    try:
        wait_for_port(port, server)
        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The same JSON asked once at a time: what each URL's answer must be.
        expected = {path: fetch(base + path) for path in json_paths}
    finally:
        stop_server(server, grace=30)
    log = server.stderr.read().decode(errors="replace")
    assert len(answers) == 200
    failed = [(path, status) for path, status, _ in answers if status != 200]
    assert not failed, (failed[:5], log[-3000:])
    foreign = [path for path, _, body in answers
               if path in expected and json.loads(body) != json.loads(expected[path][1])]
    assert not foreign, foreign[:5]
    assert sum(path in expected for path, _, _ in answers) >= 50


PUBLIC_IDS = (
    "import json; from articles.models import Article; from hospitals.models import Hospital; "
    "print(json.dumps({'articles': list(Article.objects.public().order_by('pk').values_list('pk', flat=True)), "
    "'hospitals': list(Hospital.objects.public().order_by('pk').values_list('pk', flat=True))}))"
)


STUBBORN = """
import signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # inherited by the child: neither stops on SIGTERM
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print(child.pid, flush=True)
time.sleep(600)
"""


def test_a_server_that_ignores_sigterm_is_killed_with_what_it_forked():
    """`loadtest` stops its gunicorn this way; it lost its whole report when gunicorn did not
    stop within the 30 s it waited."""
    server = subprocess.Popen([sys.executable, "-c", STUBBORN], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    child = int(server.stdout.readline())
    stop_server(server, grace=1)
    assert server.returncode == -signal.SIGKILL
    assert still_alive([child]) == []


def still_alive(pids: list[int], within: float = 10) -> list[int]:
    """Those of `pids` still running after up to `within` seconds (a kill takes effect a moment
    after it is sent)."""
    deadline = time.monotonic() + within
    while (left := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting for a reaper does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def children(pid: int) -> list[int]:
    """Every process descended from `pid`."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError):
                continue
    found, frontier = [], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def database_sockets(port: int) -> set[str]:
    """The inodes of this machine's TCP sockets connected to `port`."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[2].rsplit(":", 1)[1], 16) == port and fields[9] != "0":  # 0: closed already
                inodes.add(fields[9])
    return inodes


def open_sockets(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


def wait_for(condition, what: str, within: float = 120):
    deadline = time.monotonic() + within
    while not (result := condition()):
        assert time.monotonic() < deadline, what
        time.sleep(0.02)
    return result


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "kill-TERM"])
def test_an_import_killed_half_way_leaves_no_worker_session_or_lock(database_factory, tmp_path, sig):
    """kill -9 of `import_seeds --workers 2` in the middle of a file's transaction: its analysis
    workers lived on, holding the parent's session idle in transaction with the import lock, and
    every later import waited for them forever."""
    from articles.corpus import make_corpus
    from tests.ingest.test_concurrency import SHELL_STATE

    corpus = tmp_path / "corpus"
    # Enough files that the import is still writing when the signal comes: the first commit is
    # seen within milliseconds (read_database), and each file takes far longer than that.
    make_corpus(20, corpus, seed=11)
    url = database_factory(migrated=True)
    importer = run(["import_seeds", str(corpus), "--workers", "2", "--quiet"], url, tmp_path)
    workers = []
    try:
        workers = interrupt(importer, url, tmp_path, sig)
        assert still_alive(workers) == [], "analysis workers outlived the killed import"
    finally:  # whatever this test found, none of its processes is left to run
        for pid in still_alive([importer.pid, *workers, *children(importer.pid)], within=0):
            os.kill(pid, signal.SIGKILL)
    if connection.vendor == "postgresql":
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            leftovers = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND state LIKE 'idle in transaction%%' OR pid IN (SELECT pid FROM pg_locks "
                         "WHERE locktype = 'advisory')")
            wait_for(lambda: conn.execute(leftovers).fetchone()[0] == 0,
                     "a session of the killed import is still open", within=10)

    code, _, err = finish(run(["import_seeds", str(corpus), "--workers", "2", "--quiet"], url, tmp_path), timeout=150)
    assert code == 0, err
    clean = database_factory(migrated=True)
    assert finish(run(["import_seeds", str(corpus), "--workers", "2", "--quiet"], clean, tmp_path))[0] == 0
    states = []
    for database in (url, clean):
        code, out, err = finish(run(["shell", "--no-imports", "-c", SHELL_STATE], database, tmp_path))
        assert code == 0, err
        states.append(json.loads(out.strip().splitlines()[-1]))
    rerun, fresh = states
    assert len(fresh["articles"]) == 20 and rerun == fresh


def interrupt(importer: subprocess.Popen, url: str, tmp_path: Path, sig: int) -> list[int]:
    """Send `sig` to the import once its workers run and it is writing a file; its workers."""
    workers = wait_for(lambda: len(children(importer.pid)) >= 2 and children(importer.pid), "no workers started")
    if connection.vendor == "postgresql":
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            # The parent is writing a file: its transaction holds the import lock.
            wait_for(lambda: conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
                     .fetchone()[0], "the import never took its lock")
        port = int(connection.settings_dict["PORT"] or 5432)
        assert open_sockets(importer.pid) & database_sockets(port), "the parent holds no database connection?"
        for worker in workers:
            assert not open_sockets(worker) & database_sockets(port), "a worker holds a database connection"
    else:
        wait_for(lambda: read_database(url, f"SELECT count(*) FROM {SourceFile._meta.db_table}")[0][0],
                 "the import never wrote a file")
    assert importer.poll() is None, "the import finished before it could be interrupted"
    importer.send_signal(sig)
    assert importer.wait() == -sig
    importer.stdout.close()  # not read to its end: a worker left behind would hold it open
    importer.stderr.close()
    return workers



def test_a_dry_run_with_workers_before_the_first_migrate_prints_the_contract(database_factory, tmp_path, seeds_dir):
    """As with one process: the workers are taught no hospital names when there is no table to
    read them from, and nothing asks the database for one."""
    code, out, err = finish(run(["import_seeds", str(seeds_dir), "--dry-run", "--json", "--quiet", "--workers", "2"],
                                database_factory(), tmp_path))
    assert code == 0, err
    assert len(json.loads(out)["files"]) == len(list(seeds_dir.glob("*.txt")))


def test_an_import_from_the_command_line_ends_without_its_teardown_but_with_everything_kept(
        database_factory, tmp_path, seeds_dir):
    """The command ends its process without freeing its objects one by one (import_seeds'
    run_from_argv): what it printed is all there, its records are committed and its database
    connection closed (on SQLite the last connection's close folds the write-ahead log back into
    the database and deletes it). A run with a failed file still ends the usual way, with 1."""
    url = database_factory(migrated=True)
    folder = tmp_path / "in"
    folder.mkdir()
    seed = min(seeds_dir.glob("*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    # Block-buffered as on a server's pipe (the suite's environment may say unbuffered).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update(DATABASE_URL=url, HOSPITALS_VAR_DIR=str(tmp_path / "var"))
    code, out, err = finish(subprocess.Popen([sys.executable, "manage.py", "import_seeds", str(folder)], cwd=ROOT,
                                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    assert code == 0, err
    assert " created, " in out.splitlines()[0]
    assert "KB/s" in out.splitlines()[-1]  # the last line printed, flushed before the process ended
    assert read_database(url, "SELECT count(*) FROM articles_sourcefile")[0][0] == 1
    if url.startswith("sqlite"):
        assert not Path(url.removeprefix("sqlite:///") + "-wal").exists()
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00" * 10)
    code, out, err = finish(run(["import_seeds", str(folder)], url, tmp_path))
    assert code == 1 and "broken.txt" in err
