"""The suite's own rule for database-independent tests (tests/conftest.py)."""

import pytest

from tests import conftest
from tests.conftest import pytest_collection_modifyitems


class Item:
    def __init__(self, markers=(), fixtures=()):
        self.nodeid = "tests/x.py::test_x"
        self.markers, self.fixturenames, self.added = set(markers), list(fixtures), []

    def get_closest_marker(self, name):
        return name if name in self.markers else None

    def add_marker(self, marker):
        self.added.append(marker)


@pytest.mark.parametrize("fixtures, markers", [(["seeded", "db", "django_db_setup"], []),
                                               (["database_factory"], []),
                                               ([], ["django_db"])])
def test_a_database_independent_test_that_uses_a_database_stops_the_collection(fixtures, markers):
    with pytest.raises(pytest.UsageError, match="tests/x.py::test_x is marked database_independent"):
        pytest_collection_modifyitems(None, [Item({"database_independent", *markers}, fixtures)])


def test_only_marked_tests_are_skipped_and_only_off_the_sqlite_leg(monkeypatch):
    marked, plain = Item({"database_independent"}, ["tmp_path"]), Item(fixtures=["db"])
    monkeypatch.setattr(conftest, "on_sqlite_leg", lambda: True)
    pytest_collection_modifyitems(None, [marked, plain])
    assert marked.added == [] and plain.added == []
    monkeypatch.setattr(conftest, "on_sqlite_leg", lambda: False)
    pytest_collection_modifyitems(None, [marked, plain])
    assert [m.kwargs["reason"] for m in marked.added] == ["database-independent: runs on the SQLite leg"]
    assert plain.added == []
