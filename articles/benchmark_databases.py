"""The PostgreSQL server that `manage.py bench` measures on: where it is, whether it answers, and
databases of the bench's own there (a template migrated once, a fresh copy per import, all
dropped afterwards), for the plain imports (articles/benchmarks.py) and the Celery rounds
(uploads/benchmarks.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

# Where the bench looks when neither --database-url, BENCH_DATABASE_URL nor DATABASE_URL names a
# PostgreSQL server: the one .ci/test uses.
LOCAL_POSTGRESQL = "postgres://postgres@127.0.0.1:5432/postgres"


def is_postgresql(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


def bench_server(database_url: str | None = None) -> str:
    """--database-url, else BENCH_DATABASE_URL, else the site's DATABASE_URL if it is
    PostgreSQL, else the local server."""
    if database_url or os.environ.get("BENCH_DATABASE_URL"):
        return database_url or os.environ["BENCH_DATABASE_URL"]
    site = os.environ.get("DATABASE_URL", "")
    return site if is_postgresql(site) else LOCAL_POSTGRESQL


def server_url(url: str, database: str) -> str:
    """`url` naming `database` on the same server."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, "", ""))


def admin(url: str, sql: str) -> None:
    """Run `sql` (CREATE / DROP DATABASE) on the server's `postgres` database."""
    import psycopg

    with psycopg.connect(server_url(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def unreachable(url: str) -> str | None:
    """Why the bench cannot measure on `url`, or None."""
    import psycopg

    if not is_postgresql(url):
        return f"needs PostgreSQL, not {urlsplit(url).scheme or url!r}"
    try:
        psycopg.connect(server_url(url, "postgres"), connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {urlsplit(url).netloc}: {str(exc).strip().splitlines()[0]}"
    return None


@contextmanager
def migrated_template(url: str, env: dict, prefix: str):
    """A database migrated once on the server of `url` (its name), dropped on leaving. `env`:
    the environment `migrate` runs in (production settings, a var/ of its own)."""
    template = f"{prefix}_tpl_{uuid.uuid4().hex[:8]}"
    admin(url, f'CREATE DATABASE "{template}"')
    try:
        done = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=settings.BASE_DIR,
                              env={**env, "DATABASE_URL": server_url(url, template)}, capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(done.stderr[-3000:])
        yield template
    finally:
        admin(url, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


@contextmanager
def copy_of(url: str, template: str, prefix: str):
    """A fresh copy of `template` for one run (its URL), dropped on leaving."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin(url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield server_url(url, name)
    finally:
        admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
