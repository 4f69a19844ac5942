"""manage.py release and /data/: the whole public dataset as files a re-user takes whole."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3

import pytest
from django.core.management import call_command

from articles.release import TABLES
from hospitals.models import Honour, Hospital, Person, ReviewStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def released(seeded, tmp_path, settings):
    settings.RELEASES_DIR = tmp_path / "releases"
    # One person editors have not accepted: their name must not leave.
    person = Person.objects.public().first()
    person.status = ReviewStatus.PENDING
    person.save()
    call_command("release", "--name", "2026-01-02", stdout=io.StringIO())
    return settings.RELEASES_DIR / "2026-01-02", person


def csv_rows(folder, table) -> list[dict]:
    raw = (folder / f"{table}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_bundle_validates_as_a_frictionless_data_package(released):
    from frictionless import Package, validate

    folder, _ = released
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(str(folder / "datapackage.json"))
    assert package.licenses and package.version == "2026-01-02"
    for resource in package.resources:
        for field in resource.schema.fields:
            zh, en = field.title.split(" / ")
            assert zh and en and any("\u4e00" <= c <= "\u9fff" for c in zh), (resource.name, field.name)


def test_the_bundle_counts_equal_the_public_pages(client, released):
    folder, _ = released
    database = sqlite3.connect(folder / "hospitals.sqlite3")

    def count(table):
        rows = len(csv_rows(folder, table))
        assert database.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == rows
        return rows

    def page_count(url):
        return client.get(url).json()["count"]

    assert count("hospitals") == page_count("/hospitals/?format=json")
    assert count("articles") == page_count("/articles/?format=json")
    assert count("people") == page_count("/people/?format=json")
    assert count("sources") == page_count("/sources/?format=json")
    assert count("honours") == sum(page_count(f"/honours/?format=json&kind={kind}") for kind in Honour.Kind.values)
    assert count("honours") > 0 and count("sections") > 0


def test_nothing_pending_and_no_editor_notes_leave(released):
    folder, person = released
    hospital = Hospital.objects.filter(status=ReviewStatus.PENDING).first()
    names = {row["name"] for table in ("hospitals", "hospital_aliases", "people") for row in csv_rows(folder, table)}
    assert hospital.name not in names and person.name not in names
    assert person.name in {p.name for p in Person.objects.all()}  # the record exists, it just stays in
    for table in TABLES:
        for row in csv_rows(folder, table.name):
            assert row.get("hospital_id") != str(hospital.pk) and row.get("person_id") != str(person.pk), table.name
    columns = {f.name for table in TABLES for f in table.fields}
    assert not columns & {"status", "confidence", "import_snapshot", "flags", "detail"}


def test_data_page_lists_releases_with_sizes_and_checksums_and_serves_the_files(client, released):
    folder, _ = released
    page = client.get("/data/")
    html = page.content.decode()
    sqlite_bytes = (folder / "hospitals.sqlite3").read_bytes()
    digest = hashlib.sha256(sqlite_bytes).hexdigest()
    assert "2026-01-02" in html and digest in html
    listing = client.get("/data/?format=json").json()
    files = {f["name"]: f for f in listing["results"][0]["files"]}
    assert files["hospitals.sqlite3"]["bytes"] == len(sqlite_bytes)
    response = client.get(files["hospitals.sqlite3"]["url"])
    assert response.status_code == 200 and response.streaming  # a file streamed, not a page built in memory
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == digest
    assert set(files) >= {"datapackage.json", "SHA256SUMS", *(f"{t.name}.csv" for t in TABLES)}


def test_a_release_being_written_is_neither_listed_nor_served(client, released, settings):
    partial = settings.RELEASES_DIR / ".2026-01-03.partial"
    partial.mkdir()
    (partial / "datapackage.json").write_text(json.dumps({"resources": []}))
    assert "2026-01-03" not in client.get("/data/").content.decode()
    assert client.get("/data/files/.2026-01-03.partial/datapackage.json").status_code == 404


def test_a_second_release_the_same_day_gets_its_own_version(seeded, tmp_path, settings):
    settings.RELEASES_DIR = tmp_path / "releases"
    out = io.StringIO()
    call_command("release", stdout=out)
    call_command("release", stdout=out)
    first, second = out.getvalue().split()
    assert second == first + "-2"
