"""The data version under which the public pages' aggregates are cached (core/datacache.py)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core import datacache
from hospitals.models import Hospital

pytestmark = pytest.mark.django_db(transaction=True)


def version_updates(queries) -> int:
    return sum(q["sql"].startswith("UPDATE") and "articles_dataversion" in q["sql"] for q in queries)


def test_version_changes_once_per_committed_transaction_and_not_on_rollback():
    hospital = Hospital.objects.create(name="测试市人民医院")
    before = datacache.current_version()
    assert before is not None

    with pytest.raises(RuntimeError), transaction.atomic():
        hospital.motto = "厚德"
        hospital.save()
        raise RuntimeError("the editor's save fails")
    assert datacache.current_version() == before

    with CaptureQueriesContext(connection) as queries:
        with transaction.atomic():
            for motto in ("厚德", "精诚", "博爱"):
                hospital.motto = motto
                hospital.save()
            # Inside the transaction the version is still the old one: nothing locked it.
            assert version_updates(queries.captured_queries) == 0
    assert version_updates(queries.captured_queries) == 1
    assert datacache.current_version() != before


def test_without_a_recorded_version_nothing_is_cached(rf):
    from articles.models import DataVersion

    DataVersion.objects.all().delete()
    calls = []
    for _ in range(2):
        datacache.cached(rf.get("/"), ("probe",), lambda: calls.append(1))
    assert len(calls) == 2


@pytest.mark.parametrize("interval, after_every_file", [(0, True), (3600, False)])
def test_an_import_refreshes_the_pages_at_most_every_interval_and_when_it_ends(
        settings, tmp_path, interval, after_every_file):
    """Readers' cached totals catch up with a running import every IMPORT_PAGE_REFRESH_SECONDS
    (not after every file, which made each reader recompute them all through a long import),
    and always when the import ends."""
    from articles.corpus import make_corpus
    from ingest.pipeline import import_paths

    settings.IMPORT_PAGE_REFRESH_SECONDS = interval
    settings.IMPORT_PAGE_REFRESH_SHARE = 0  # not spaced out by what a refresh costs
    made = make_corpus(4, tmp_path / "corpus", seed=3)
    assert made["files"] >= 3
    datacache.bump()
    before = datacache.current_version()
    seen = []
    import_paths([str(tmp_path / "corpus")], progress=lambda result: seen.append(datacache.current_version()))
    changes = sum(a != b for a, b in zip([before, *seen], seen))
    assert changes == (len(seen) if after_every_file else 0)
    assert datacache.current_version() != before


def test_the_main_pages_aggregates_are_ready_before_readers_see_the_change(client, seeded, settings):
    """A change computes the aggregates of PAGE_AGGREGATE_URLS before it publishes its version:
    a reader in another process (an empty memo) reads them, with the page it would have
    computed itself."""
    from articles.models import PageAggregate

    def reader(url):
        datacache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response.content, len(queries.captured_queries)

    for url in ("/", "/hospitals/", "/honours/"):
        settings.PAGE_AGGREGATE_URLS = []
        datacache.bump()
        computed, computing_queries = reader(url)
        settings.PAGE_AGGREGATE_URLS = [url]
        datacache.bump()
        assert PageAggregate.objects.filter(version=datacache.current_version()).exists()
        ready, ready_queries = reader(url)
        assert ready == computed
        assert ready_queries < computing_queries
    # Only the versions in use are kept.
    assert set(PageAggregate.objects.values_list("version", flat=True)) <= {datacache.current_version()}


def test_a_version_another_writer_published_meanwhile_is_computed_again(seeded, monkeypatch, settings):
    """Two writers: the aggregates one computed may predate the other's commit, so a writer
    publishes only over the version it started from, else computes again."""
    from articles.models import PageAggregate

    settings.PAGE_AGGREGATE_URLS = ["/hospitals/"]

    warmed = []
    real_warm = datacache.warm

    def warm(version):
        warmed.append(version)
        if len(warmed) == 1:  # another writer publishes while this one computes
            datacache._publish(None, 12345)
        return real_warm(version)

    monkeypatch.setattr(datacache, "warm", warm)
    datacache.bump()
    assert len(warmed) == 2 and datacache.current_version() == warmed[1]
    assert PageAggregate.objects.filter(version=warmed[1]).exists()
