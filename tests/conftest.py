from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "fixtures" / "gold" / "seeds.json"
INPUTS = ROOT / "fixtures" / "inputs"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "fixtures" / "gold" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DATABASE_FIXTURES = {"django_db_setup", "database_factory", "migrated_template"}


def on_sqlite_leg() -> bool:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def pytest_collection_modifyitems(config, items):
    """Tests marked database_independent (parsing and extraction: pure Python by design) run on
    the SQLite leg only: the PostgreSQL leg would repeat them to the byte. A marked test that
    reaches for a database is a mistake in the marking, and fails here rather than hide."""
    other_leg = not on_sqlite_leg()
    skip = pytest.mark.skip(reason="database-independent: runs on the SQLite leg")
    for item in items:
        if item.get_closest_marker("database_independent") is None:
            continue
        uses = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses or item.get_closest_marker("django_db"):
            raise pytest.UsageError(f"{item.nodeid} is marked database_independent but uses the database "
                                    f"({', '.join(sorted(uses)) or 'django_db'})")
        if other_leg:
            item.add_marker(skip)


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
    with django_db_blocker.unblock(), override_settings(PAGE_AGGREGATE_URLS=[]):  # see fresh_page_cache
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


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """Passwords hashed cheaply in this process: PBKDF2's million rounds cost a quarter of a
    second of CPU, paid for every user made and every login tried, failed ones included. The
    production settings, with their hashers, are checked in processes of their own
    (tests/core/test_production.py)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def fresh_page_cache(settings):
    """Each test starts without aggregates cached by another test's database. A change does not
    precompute the main pages' aggregates (core/datacache.py) unless the test asks for it with
    PAGE_AGGREGATE_URLS: most tests save inside a transaction that never commits, so no change
    publishes a version, and their pages would show what an earlier import precomputed."""
    from core import datacache

    settings.PAGE_AGGREGATE_URLS = []
    datacache.clear()


def _admin_url() -> str:
    from django.db import connection

    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/postgres"


def _create_postgres(name: str, template: str | None = None) -> str:
    import psycopg

    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return _admin_url().rsplit("/", 1)[0] + "/" + name


def _drop_postgres(names, admin_url: str | None = None) -> None:
    import psycopg

    with psycopg.connect(admin_url or _admin_url(), autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """An empty database of the suite's kind, migrated once per session by a real
    `manage.py migrate`; database_factory(migrated=True) hands out copies of it (a file copy, or
    PostgreSQL's CREATE DATABASE ... TEMPLATE), so tests skip a migrate of their own."""
    from django.db import connection

    folder = tmp_path_factory.mktemp("migrated")
    if connection.vendor != "postgresql":
        path = folder / "template.sqlite3"
        code, _, err = finish(manage(["migrate", "--noinput"], f"sqlite:///{path}", folder))
        assert code == 0, err
        yield path
        return
    name = f"hospitals_tpl_{uuid.uuid4().hex[:8]}"
    url = _create_postgres(name)
    try:
        code, _, err = finish(manage(["migrate", "--noinput"], url, folder))
        assert code == 0, err
        yield name
    finally:
        _drop_postgres([name])


@pytest.fixture(scope="session")
def _dropping():
    """Threads dropping the PostgreSQL databases of finished tests: a DROP DATABASE waits for a
    checkpoint (seconds of disk, little CPU), so the next tests run meanwhile."""
    threads: list[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.join()


@pytest.fixture
def database_factory(tmp_path, request, _dropping):
    """Makes databases of the kind the suite runs on (SQLite files, or PostgreSQL databases
    dropped afterwards) and returns their URLs: empty, or with migrated=True as `migrate`
    leaves them."""
    from django.db import connection

    made = []  # PostgreSQL databases to drop
    count = iter(range(1_000_000))

    def make(migrated: bool = False) -> str:
        template = request.getfixturevalue("migrated_template") if migrated else None
        if connection.vendor != "postgresql":
            path = tmp_path / f"database-{next(count)}.sqlite3"  # a new file each time
            if template:
                shutil.copyfile(template, path)  # its last connection closed: no write-ahead log beside it
            return f"sqlite:///{path}"
        name = f"hospitals_conc_{uuid.uuid4().hex[:8]}"
        made.append(name)
        return _create_postgres(name, template)

    yield make
    if made:
        thread = threading.Thread(target=_drop_postgres, args=(made, _admin_url()))
        thread.start()
        _dropping.append(thread)


def read_database(url: str, sql: str, params=()) -> list[tuple]:
    """The rows of one query on another database of the suite's kind, read here: a `manage.py
    shell` of its own costs a second of start-up, and polling loops ran dozens of them."""
    if url.startswith("sqlite:///"):
        import sqlite3
        from contextlib import closing

        with closing(sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30)) as conn:
            return conn.execute(sql.replace("%s", "?"), params).fetchall()
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def manage(args, url, tmp_path, **popen):
    """`manage.py args` in a process of its own, on the database at `url`."""
    env = {**os.environ, "DATABASE_URL": url, "HOSPITALS_VAR_DIR": str(tmp_path / "var")}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def finish(process, timeout=300):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err
