"""Dependencies point one way: core ← hospitals ← articles ← ingest ← uploads ← config.

A model or service module imports only from its own app or the apps below it, lazily or not.
The modules that wire the apps together for people (admin, views, URLs, feeds, sitemaps,
spreadsheet resources, template tags, commands) may look across; migrations are history. The
apps' models still name each other in foreign keys ("articles.Article" from a hospital's
honour): those are tables, not imports, and moving models between apps is not worth a
migration of every table.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["core", "hospitals", "articles", "ingest", "uploads", "config"]
MAY_LOOK_ACROSS = {"admin.py", "review_admin.py", "views.py", "urls.py", "feeds.py", "sitemaps.py", "resources.py",
                   # the `bench` and `compare_engines` commands' bodies: they measure and compare the
                   # import end to end
                   "benchmarks.py", "enginecheck.py"}
MAY_LOOK_ACROSS_DIRS = {"migrations", "templatetags", "commands"}


def imported_apps(source: str, package: str) -> list[tuple[int, str]]:
    """(line, top-level name) of every import in `source`, relative ones resolved in `package`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append((node.lineno, package.split(".")[0]))
            elif node.module:
                found.append((node.lineno, node.module.split(".")[0]))
    return found


def upward_imports(app: str, path: Path, source: str) -> list[str]:
    rank = LAYERS.index(app)
    return [f"{path.relative_to(ROOT)}:{line} imports {name}" for line, name in imported_apps(source, app)
            if name in LAYERS and LAYERS.index(name) > rank]


def checked_modules():
    for app in LAYERS[:-1]:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = set(path.relative_to(ROOT / app).parts[:-1])
            if path.name in MAY_LOOK_ACROSS or parts & MAY_LOOK_ACROSS_DIRS:
                continue
            yield app, path


def test_models_and_services_import_only_their_own_app_or_the_apps_below():
    modules = list(checked_modules())
    assert len(modules) > 40  # the walk found the apps
    problems = [problem for app, path in modules for problem in upward_imports(app, path, path.read_text("utf-8"))]
    assert problems == []


def test_the_walk_sees_an_upward_import_even_inside_a_function():
    source = "from django.db import models\n\ndef later():\n    from articles.models import Article\n"
    assert upward_imports("hospitals", ROOT / "hospitals" / "models.py", source) == [
        "hospitals/models.py:4 imports articles"]
    assert upward_imports("articles", ROOT / "articles" / "models.py", source) == []


def test_no_module_of_the_shared_layer_or_the_import_is_over_500_lines():
    sizes = {str(path.relative_to(ROOT)): len(path.read_text("utf-8").splitlines())
             for app in ("core", "ingest") for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts}
    assert len(sizes) > 20
    assert {path: n for path, n in sizes.items() if n > 500} == {}
