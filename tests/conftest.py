from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold" / "seeds.json"
INPUTS = ROOT / "fixtures" / "inputs"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "fixtures" / "gold" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seeds_dir(tmp_path) -> Path:
    """A private copy of the seeds, so a test may change or remove files."""
    target = tmp_path / "seeds"
    target.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (target / path.name).write_bytes(path.read_bytes())
    return target


@pytest.fixture(scope="session")
def seeds_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seeds imported once per session (tests/seeds_snapshot.py); None if that cannot work."""
    from tests import seeds_snapshot

    target = tmp_path_factory.mktemp("session-seeds")
    for path in sorted(SEEDS.glob("*.txt")):
        (target / path.name).write_bytes(path.read_bytes())
    with django_db_blocker.unblock():
        return seeds_snapshot.take_and_roll_back(target)


def _unchanged_seeds(seeds_dir: Path) -> bool:
    """The private copy still holds exactly the seeds (a fixture may have changed it first)."""
    ours = sorted(p.name for p in seeds_dir.iterdir())
    theirs = sorted(p.name for p in SEEDS.glob("*.txt"))
    return ours == theirs and all((seeds_dir / n).read_bytes() == (SEEDS / n).read_bytes() for n in ours)


def import_seeds_into_test(seeds_dir: Path, snapshot) -> None:
    """The database as `import_seeds seeds_dir` leaves an empty one: the session's copy when it
    applies, a real import otherwise."""
    from tests import seeds_snapshot

    if snapshot is not None and _unchanged_seeds(seeds_dir) and seeds_snapshot.restore(snapshot):
        return
    call_command("import_seeds", str(seeds_dir), "--quiet", stdout=StringIO())


@pytest.fixture
def seeded(db, seeds_dir, seeds_snapshot):
    import_seeds_into_test(seeds_dir, seeds_snapshot)
    return seeds_dir


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts without aggregates cached by another test's database."""
    from core import datacache

    datacache.clear()


@pytest.fixture
def database_factory(tmp_path):
    """Makes empty databases of the kind the suite runs on (SQLite files, or PostgreSQL
    databases dropped afterwards) and returns their URLs."""
    from django.db import connection

    made = []  # PostgreSQL databases to drop
    count = iter(range(1_000_000))

    def make() -> str:
        if connection.vendor != "postgresql":
            return f"sqlite:///{tmp_path / f'database-{next(count)}.sqlite3'}"  # a new file each time
        import psycopg

        name = f"hospitals_conc_{uuid.uuid4().hex[:8]}"
        made.append(name)
        with psycopg.connect(admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return admin_url().rsplit("/", 1)[0] + "/" + name

    def admin_url() -> str:
        settings = connection.settings_dict
        return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/postgres"

    yield make
    if made:
        import psycopg

        with psycopg.connect(admin_url(), autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(args, url, tmp_path, **popen):
    """`manage.py args` in a process of its own, on the database at `url`."""
    env = {**os.environ, "DATABASE_URL": url, "HOSPITALS_VAR_DIR": str(tmp_path / "var")}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def finish(process, timeout=300):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err
