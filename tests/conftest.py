from __future__ import annotations

import importlib.util
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


@pytest.fixture
def seeded(db, seeds_dir):
    call_command("import_seeds", str(seeds_dir), "--quiet")
    return seeds_dir


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts without aggregates cached by another test's database."""
    from config import datacache

    datacache.clear()
