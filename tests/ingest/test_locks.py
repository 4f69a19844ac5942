"""Files written side by side on PostgreSQL (ingest/locks.py): a lock per record identity, not
one for every import. Each test holds one file's write transaction open at its end (the
`on_written` callback the job's file tasks use) while a second file is written in another
thread, with a connection of its own, as a second worker process would."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from articles.models import Article, ArticleHospital
from hospitals.models import Hospital, Person
from ingest.pipeline import import_file

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECT = "青山县人民医院"
FIRST = f"""{SUBJECT}：胸痛中心通过国家认证

本报讯（记者 王明）近日，{SUBJECT}胸痛中心顺利通过国家胸痛中心认证。{SUBJECT}始建于1950年，是一所集医疗、教学、科研于一体的二级甲等综合医院，开放床位600张。

院长李建国表示，医院将继续提升急危重症救治能力。
"""
SECOND = FIRST.replace("胸痛中心通过国家认证", "开展义诊活动").replace(
    "胸痛中心顺利通过国家胸痛中心认证", "组织专家深入社区开展义诊活动").replace("李建国", "赵志强")
OTHER = """白水县中医医院：新建康复大楼投入使用

本报讯（记者 刘洋）日前，白水县中医医院康复大楼正式投入使用，新增针灸、推拿、理疗诊室二十余间。

白水县中医医院副院长孙丽华介绍，大楼启用后可满足周边乡镇居民的中医康复需求。
"""


RUNNING: list[threading.Event] = []


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time (BEGIN IMMEDIATE): there is nothing to write side by side")
    yield
    for release in RUNNING:  # a failed test's threads end their transactions before the tables are emptied
        release.set()
    RUNNING.clear()


class Writer(threading.Thread):
    """`import_file` in a thread of its own (its own database connection). With `hold`, the
    file's transaction stays open, its records written, until `release` is set."""

    def __init__(self, name: str, text: str, hold: bool = False):
        super().__init__(daemon=True)
        self.key, self.data = name, text.encode()
        self.inside, self.release = threading.Event(), threading.Event()
        RUNNING.append(self.release)
        self.hold = hold
        self.result = self.error = None

    def _written(self, result) -> None:
        self.inside.set()
        if self.hold:
            assert self.release.wait(120), "never released"

    def run(self) -> None:
        try:
            self.result = import_file(self.key, self.key, self.data, on_written=self._written)
        except BaseException as exc:  # noqa: BLE001 — reported by the test
            self.error = exc
        finally:
            self.inside.set()
            connections.close_all()

    def finish(self):
        self.release.set()
        self.join(120)
        assert not self.is_alive() and self.error is None, self.error
        assert self.result.error is None, self.result.error
        return self.result


def held(name: str, text: str) -> Writer:
    """A writer whose transaction is open, its records written (and its jieba work done: the
    next thread may use jieba, which is not made for two threads at once)."""
    writer = Writer(name, text, hold=True)
    writer.start()
    assert writer.inside.wait(120) and writer.error is None, writer.error
    return writer


def waiting_locks(kind: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = %s", [kind])
        return cursor.fetchone()[0]


def wait_until(condition, what: str, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def test_two_files_making_the_same_new_hospital_make_it_once():
    """The second file waits for the first's lock on the hospital's name, then finds the
    hospital the first made and adds its article, people and links to it."""
    first = held("first.txt", FIRST)
    second = Writer("second.txt", SECOND)
    second.start()
    wait_until(lambda: waiting_locks("advisory"), "the second file never waited for the first's lock")
    assert second.is_alive()
    first.finish()
    results = [first.result, second.finish()]
    assert [r.records.created for r in results][0] > 0 and results[1].articles.created == 1
    hospital = Hospital.objects.get(name=SUBJECT)
    assert Hospital.objects.count() == 1
    assert sorted(ArticleHospital.objects.values_list("article__source_file__path", "hospital")) == [
        ("first.txt", hospital.pk), ("second.txt", hospital.pk)]
    assert sorted(Person.objects.filter(hospital=hospital).values_list("name", flat=True)) == ["李建国", "赵志强"]


def test_files_about_different_hospitals_do_not_wait_for_each_other():
    first = held("first.txt", FIRST)
    other = Writer("other.txt", OTHER)
    other.start()
    other.join(60)
    # Written and committed while the first file's transaction is still open: no import lock.
    assert not other.is_alive() and other.error is None and other.result.error is None
    assert first.is_alive()
    first.finish()
    assert set(Hospital.objects.values_list("name", flat=True)) == {SUBJECT, "白水县中医医院"}


def test_a_write_that_loses_a_race_the_locks_do_not_cover_is_tried_again():
    """An editor adds the hospital in the admin (no import lock) while a file that names it is
    written: the file's insert waits for the editor's transaction, fails on the unique name
    once it commits, and the file is written again, linking the editor's hospital."""
    from django.db import transaction

    editing, commit = threading.Event(), threading.Event()
    RUNNING.append(commit)
    made = []

    def editor():
        try:
            with transaction.atomic():
                made.append(Hospital.objects.create(name=SUBJECT).pk)
                editing.set()
                assert commit.wait(120)
        finally:
            connections.close_all()

    thread = threading.Thread(target=editor, daemon=True)
    thread.start()
    assert editing.wait(60)
    writer = Writer("first.txt", FIRST)
    writer.start()
    wait_until(lambda: waiting_locks("transactionid"), "the file's insert never waited for the editor's")
    commit.set()
    thread.join(60)
    result = writer.finish()
    hospital = Hospital.objects.get(name=SUBJECT)
    assert Hospital.objects.count() == 1 and [hospital.pk] == made  # the editor's
    assert result.articles.created == 1
    assert list(ArticleHospital.objects.values_list("hospital", flat=True)) == [hospital.pk]
    assert Article.objects.count() == 1


def test_two_first_imports_at_once_make_one_importer_account():
    """The importer's account is made by the first import that writes, before its first file's
    transaction: two worker processes starting on an empty database both make it, and the
    second, whose insert waited for the first's, takes the first's."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from core.importcontext import IMPORTER_USERNAME, importer_user

    making, commit = threading.Event(), threading.Event()
    RUNNING.append(commit)

    def first():
        try:
            with transaction.atomic():
                User.objects.create(username=IMPORTER_USERNAME, is_active=False)
                making.set()
                assert commit.wait(120)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first, daemon=True)
    thread.start()
    assert making.wait(60)
    found = []
    second = threading.Thread(target=lambda: (found.append(importer_user()), connections.close_all()), daemon=True)
    second.start()
    wait_until(lambda: waiting_locks("transactionid"), "the second account's insert never waited for the first's")
    commit.set()
    thread.join(60)
    second.join(60)
    assert [user.username for user in found] == [IMPORTER_USERNAME]
    assert User.objects.filter(username=IMPORTER_USERNAME).count() == 1


def _advisory_locks_held() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT classid::bigint, objid::bigint FROM pg_locks WHERE locktype = 'advisory' "
                       "AND granted AND pid = pg_backend_pid()")
        # A bigint key shows as its high and low 32 bits.
        return {int.from_bytes(((high << 32) | low).to_bytes(8, "big"), "big", signed=True)
                for high, low in cursor.fetchall()}


def test_a_file_locks_itself_its_new_names_and_the_hospitals_it_writes_under_or_linked():
    from django.db import transaction

    from articles.models import SourceFile
    from articles.parsing import parse_bytes
    from ingest.contract import analyse
    from ingest.locks import lock_key, take_file_locks

    subject = Hospital.objects.create(name=SUBJECT)
    linked = Hospital.objects.create(name="白水县中医医院")
    article = Article.objects.create(source_file=SourceFile.objects.create(path="old.txt", sha256="0" * 64, size=1),
                                     position=0, title="旧稿")
    ArticleHospital.objects.create(article=article, hospital=linked, role=ArticleHospital.Role.MENTIONED)
    analysed = [analyse(a) for a in parse_bytes("old.txt", FIRST.replace("李建国", "李建国与新城区妇幼保健院").encode()).articles]
    with transaction.atomic():
        take_file_locks("old.txt", analysed)
        held = _advisory_locks_held()
    expected = {lock_key("file", "old.txt"), lock_key("hospital", str(subject.pk)), lock_key("hospital", str(linked.pk)),
                lock_key("hospital-name", "新城区妇幼保健院")}
    assert expected <= held
    assert lock_key("hospital-name", SUBJECT) not in held  # it exists: its id is locked instead


def test_a_new_file_takes_its_locks_in_one_statement_after_one_read():
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from articles.parsing import parse_bytes
    from ingest.contract import analyse
    from ingest.locks import lock_key, take_file_locks

    subject = Hospital.objects.create(name=SUBJECT)
    analysed = [analyse(a) for a in parse_bytes("new.txt", FIRST.replace("李建国", "李建国与新城区妇幼保健院").encode()).articles]
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        take_file_locks("new.txt", analysed, new_file=True)
        held = _advisory_locks_held()
    # The names it reads, then every lock at once: no links or mentions of a file never written.
    assert len(queries.captured_queries) == 3 and "pg_advisory_xact_lock" in queries.captured_queries[1]["sql"]
    assert {lock_key("file", "new.txt"), lock_key("hospital", str(subject.pk)),
            lock_key("hospital-name", "新城区妇幼保健院")} <= held
