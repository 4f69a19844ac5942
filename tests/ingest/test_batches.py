"""Files committed in batches (ingest/batches.py): each file still all or nothing, reported only
once it is kept. Inside the test's own transaction a batch's commit is a savepoint's release;
the failing commit needs a real one."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from articles import search
from articles.models import Article, Keyword, ReviewItem, SourceFile
from core import bulk, importcontext
from hospitals.models import Hospital, HospitalAlias
from ingest.batches import FileBatch
from ingest.report import FileResult
from ingest.review import file_review_items, forget_held_records, untouched_by_editors
from tests.search_index import assert_index_whole

pytestmark = pytest.mark.django_db


def _writer(*words):
    def write():
        for word in words:
            Keyword.objects.create(word=word)
        return "account"
    return write


def test_files_are_reported_once_their_batch_commits_and_a_failing_file_alone_is_written_again():
    reported, alone = [], []
    batch = FileBatch(seconds=60, files=10, done=lambda result: reported.append((result.display, result.error)))
    with batch:
        batch.write(FileResult("a.txt"), _writer("党建", "义诊"), lambda: pytest.fail("a.txt wrote"))
        assert reported == []  # not committed, not announced

        def again():  # as the lone write with its retries would, once the files before it are kept
            alone.append(list(reported))
            return _writer("医联体")()

        # Its first word is in already: rolled back to its savepoint, with nothing of it kept.
        assert batch.write(FileResult("b.txt"), _writer("胸痛中心", "党建"), again) == "account"
        assert [name for name, _ in reported] == ["a.txt", "b.txt"] and alone == [[("a.txt", None)]]
        batch.write(FileResult("c.txt"), _writer("家庭医生"), lambda: pytest.fail("c.txt wrote"))
    assert [name for name, _ in reported] == ["a.txt", "b.txt", "c.txt"]
    assert sorted(Keyword.objects.values_list("word", flat=True)) == sorted(["党建", "义诊", "医联体", "家庭医生"])


def test_the_search_index_keeps_the_batch_s_files_in_order_and_nothing_of_one_rolled_back():
    def indexing(object_id, word, *, fail=False):
        def write():
            search._replace({"kind": "hospital", "object_id": object_id},
                            [{"kind": "hospital", "object_id": object_id, "title": word, "url": f"/h/{object_id}/",
                              "body": word}])
            if fail:
                Keyword.objects.create(word="党建")  # already there: the file fails after indexing
            return "account"
        return write

    Keyword.objects.create(word="党建")
    with FileBatch(seconds=60, files=10, done=lambda result: None) as batch:
        batch.write(FileResult("a.txt"), indexing(1, "家庭医生"), lambda: pytest.fail("a.txt wrote"))
        batch.write(FileResult("b.txt"), indexing(2, "义诊", fail=True), _writer("核酸检测"))
        batch.write(FileResult("c.txt"), indexing(1, "医联体"), lambda: pytest.fail("c.txt wrote"))  # a's, replaced

    def found(word):
        return [(hit.object_id, hit.title) for hit in search.search(word)]

    def indexed():
        assert_index_whole()

    assert found("医联体") == [(1, "医联体")] and found("家庭医生") == [] and found("义诊") == []
    indexed()
    # The next batch replaces the document an earlier one indexed, then its own replacement:
    # the index applies what each document's last write left, deletions first.
    with FileBatch(seconds=60, files=10, done=lambda result: None) as batch:
        batch.write(FileResult("d.txt"), indexing(1, "核酸检测"), lambda: pytest.fail("d.txt wrote"))
        batch.write(FileResult("e.txt"), indexing(2, "义诊"), lambda: pytest.fail("e.txt wrote"))
        batch.write(FileResult("f.txt"), indexing(1, "家庭病床"), lambda: pytest.fail("f.txt wrote"))
    assert found("家庭病床") == [(1, "家庭病床")] and found("义诊") == [(2, "义诊")]
    assert found("核酸检测") == [] and found("医联体") == []
    indexed()


def _hospital_with_history(name: str) -> Hospital:
    """As a writer makes a new record: one insert, and its history row through core.bulk."""
    hospital = Hospital(name=name, import_snapshot={"name": name})
    bulk.insert([hospital])
    bulk.insert_history([hospital], Hospital, user=importcontext.importer_user(), reason="导入 a.txt")
    return hospital


def _history(hospital: Hospital) -> list[str]:
    return list(Hospital.history.filter(id=hospital.pk).order_by("history_id").values_list("history_type", flat=True))


def test_history_rows_wait_for_the_commit_and_go_in_first_for_whoever_reads_or_writes_history():
    made = {}

    def first():
        made["a"] = _hospital_with_history("甲市人民医院")
        assert _history(made["a"]) == []  # held for the batch's commit
        return "account"

    def reads_history_then_fails():
        made["b"] = _hospital_with_history("乙县中医医院")
        # Whether a record is the importer's alone is read from its history: the rows held go in.
        assert untouched_by_editors(Hospital, [made["a"], made["b"]]) == [made["a"], made["b"]]
        Keyword.objects.create(word="党建")  # already there: rolled back, a's rows with it

    def alone():
        made["b"] = _hospital_with_history("乙县中医医院")
        return "account"

    def saves():
        made["c"] = _hospital_with_history("丙区妇幼保健院")
        made["c"].motto = "厚德济世"
        made["c"].save()  # its own history row follows the held one
        return "account"

    Keyword.objects.create(word="党建")
    with FileBatch(seconds=60, files=10, done=lambda result: None) as batch:
        batch.write(FileResult("a.txt"), first, lambda: pytest.fail("a.txt wrote"))
        batch.write(FileResult("b.txt"), reads_history_then_fails, alone)
        batch.write(FileResult("c.txt"), saves, lambda: pytest.fail("c.txt wrote"))
    assert _history(made["a"]) == ["+"] and _history(made["b"]) == ["+"] and _history(made["c"]) == ["+", "~"]
    assert Hospital.history.count() == 4
    # Held rows are stamped with the batch's time, which is before the save's own: the history
    # an editor reads (newest first, each change against the one before) keeps its order.
    latest = made["c"].history.first()
    assert latest.history_type == "~" and latest.prev_record.history_type == "+"
    assert latest.diff_against(latest.prev_record).changed_fields == ["motto"]


def test_an_imports_own_change_is_written_at_once_and_its_history_row_waits_with_the_others():
    made = {}

    def changes():
        made["a"] = _hospital_with_history("甲市人民医院")
        made["b"] = _hospital_with_history("乙县中医医院")
        made["b"].motto = "厚德济世"
        bulk.update_fields(made["b"], ["motto"], user=importcontext.importer_user(), reason="导入 a.txt")
        assert Hospital.objects.get(pk=made["b"].pk).motto == "厚德济世"
        # A save's own history row would have written every held row first.
        assert Hospital.history.count() == 0
        return "account"

    with FileBatch(seconds=60, files=10, done=lambda result: None) as batch:
        batch.write(FileResult("a.txt"), changes, lambda: pytest.fail("a.txt wrote"))
    assert _history(made["a"]) == ["+"] and _history(made["b"]) == ["+", "~"]
    latest = made["b"].history.first()
    assert latest.history_type == "~" and latest.history_user.username == importcontext.IMPORTER_USERNAME
    assert latest.diff_against(latest.prev_record).changed_fields == ["motto"]
    assert Hospital.objects.get(pk=made["b"].pk).updated == latest.history_date


def test_review_items_wait_for_the_commit_and_go_in_first_for_a_retirement_that_reads_them():
    def files_an_item():
        file_review_items([dict(kind=ReviewItem.Kind.FLAG, code="duplicate_paragraph", excerpt="重复段落")])
        assert not ReviewItem.objects.exists()  # held for the batch's commit
        return "account"

    def retires():
        forget_held_records(Hospital, [1], "b.txt")  # reads open items: the held ones go in first
        assert ReviewItem.objects.count() == 1
        file_review_items([dict(kind=ReviewItem.Kind.FLAG, code="duplicate_paragraph", excerpt="重复段落")])
        return "account"

    with FileBatch(seconds=60, files=10, done=lambda result: None) as batch:
        batch.write(FileResult("a.txt"), files_an_item, lambda: pytest.fail("a.txt wrote"))
        batch.write(FileResult("b.txt"), retires, lambda: pytest.fail("b.txt wrote"))
    assert ReviewItem.objects.count() == 1  # the same item filed again is the one there


def test_a_batch_commits_when_it_is_full():
    reported = []
    batch = FileBatch(seconds=60, files=2, done=lambda result: reported.append(result.display))
    with batch:
        for name in ("a.txt", "b.txt", "c.txt"):
            batch.write(FileResult(name), _writer(name), lambda: None)
        assert reported == ["a.txt", "b.txt"] and Keyword.objects.count() == 3  # c.txt's in the open batch
    assert reported == ["a.txt", "b.txt", "c.txt"]


def test_an_interrupted_batch_keeps_and_reports_nothing_of_its_files():
    reported = []
    with pytest.raises(KeyboardInterrupt), FileBatch(seconds=60, files=10, done=reported.append) as batch:
        batch.write(FileResult("a.txt"), _writer("党建"), lambda: None)
        raise KeyboardInterrupt
    assert reported == [] and not Keyword.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_commit_meets_a_constraint_writes_each_file_again_alone_and_only_the_bad_one_fails():
    # Both engines check foreign keys at commit (Django makes them deferred): a row pointing at
    # nothing passes its insert and fails the commit, as a held row meeting another writer's does.
    reported, alone = [], []

    def dangling():
        Article.objects.create(source_file_id=999_999, position=0, title="无源文件")

    def b_alone(result):
        def write():
            alone.append(result.display)
            try:
                with transaction.atomic():
                    dangling()
            except IntegrityError as exc:
                result.error = f"{result.display}: could not be written ({exc}); nothing from it was kept"
        return write

    a, b = FileResult("a.txt"), FileResult("b.txt")
    with FileBatch(seconds=60, files=10, done=reported.append) as batch:
        batch.write(a, _writer("党建"), lambda: (alone.append("a.txt"), _writer("党建")()))
        batch.write(b, dangling, b_alone(b))
    assert alone == ["a.txt", "b.txt"]
    assert [(r.display, "could not be written" in (r.error or "")) for r in reported] == [("a.txt", False), ("b.txt", True)]
    assert list(Keyword.objects.values_list("word", flat=True)) == ["党建"] and not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_commit_fails_otherwise_reports_each_of_its_files_as_failed(monkeypatch):
    reported = []

    def broken(index_writes):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(search, "apply_index_writes", broken)
    with FileBatch(seconds=60, files=10, done=reported.append) as batch:
        batch.write(FileResult("a.txt"), _writer("党建"), lambda: pytest.fail("a.txt written alone"))
        batch.write(FileResult("b.txt"), _writer("义诊"), lambda: pytest.fail("b.txt written alone"))
    assert [(r.display, "could not be written" in (r.error or "")) for r in reported] == [("a.txt", True), ("b.txt", True)]
    assert not Keyword.objects.exists()


def test_the_batch_s_keyword_links_go_in_with_one_insert_at_its_commit(seeds_dir, settings):
    from django.test.utils import CaptureQueriesContext

    from ingest.pipeline import import_paths

    settings.IMPORT_BATCH_SECONDS, settings.IMPORT_BATCH_FILES = 60, 50  # the seven files in one batch
    table = Article.keywords.through._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        import_paths([str(seeds_dir)])
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(f'INSERT INTO "{table}"')]
    # Held with the history rows: written when the batch commits or when something reads held
    # rows earlier, not once per file.
    assert 1 <= len(inserts) < SourceFile.objects.count()
    # Every article has the keywords its parse gave it, each linked once.
    articles = Article.objects.prefetch_related("keywords")
    assert all(sorted(k.word for k in a.keywords.all()) == a.import_snapshot["keywords"] for a in articles)
    assert Article.keywords.through.objects.count() == sum(len(a.import_snapshot["keywords"]) for a in articles)


@pytest.fixture
def written_alone(monkeypatch):
    """The files an import had to write again alone: how a batch mends a constraint its held rows
    met, which a batch that remembers what it read and made should never need."""
    from ingest import pipeline

    alone = []
    write_alone = pipeline._write_with_retries
    monkeypatch.setattr(pipeline, "_write_with_retries", lambda result, *a, **k: (
        alone.append(result.display), write_alone(result, *a, **k))[1])
    return alone


@pytest.mark.parametrize("files_per_batch", [1, 50])
def test_a_hospital_an_earlier_file_of_the_batch_made_is_found_by_its_name_and_its_alias(
        tmp_path, settings, written_alone, files_per_batch):
    # In one SQLite batch the names are read once and the batch's new hospitals and aliases
    # added as they are made: the later files find the hospital, as they would across batches,
    # and no file meets a hospital it made again (which the batch would only mend by writing
    # each file again alone).
    from articles.models import ArticleHospital
    from ingest import pipeline

    settings.IMPORT_BATCH_SECONDS, settings.IMPORT_BATCH_FILES = 60, files_per_batch
    texts = {
        "a.txt": "重庆市綦江区人民医院开展义诊\n8月1日，重庆市綦江区人民医院在綦江区人民医院门诊大厅开展义诊活动，服务群众三百余人。\n",
        "b.txt": "綦江区人民医院举办健康讲座\n8月2日，綦江区人民医院举办健康讲座，讲解防暑知识。\n",
        "c.txt": "重庆市綦江区人民医院获评先进单位\n8月3日，重庆市綦江区人民医院获评全市卫生健康系统先进单位。\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = pipeline.import_paths([str(tmp_path)])
    assert report.counts.created == 3 and not report.failed_files and written_alone == []
    assert list(Hospital.objects.values_list("name", flat=True)) == ["重庆市綦江区人民医院"]
    assert HospitalAlias.objects.get().name == "綦江区人民医院"
    assert ArticleHospital.objects.filter(hospital__name="重庆市綦江区人民医院").count() == 3


@pytest.mark.parametrize("files_per_batch", [1, 50])
def test_keywords_are_made_once_whichever_file_of_which_batch_first_uses_them(
        tmp_path, settings, written_alone, files_per_batch):
    # In a SQLite batch every keyword is read once and a missing one inserted with the id the
    # batch gives it: a word two files of the batch use, or one an earlier import made, must
    # still be one keyword, and each article must keep its own.
    from ingest import pipeline

    settings.IMPORT_BATCH_SECONDS, settings.IMPORT_BATCH_FILES = 60, files_per_batch
    lead = "{date}，綦江区人民医院胸痛中心联合卒中中心开展{topic}培训，急诊科、心内科、神经内科医护人员参加。"
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, topics in ((first, ("胸痛救治", "卒中急救")), (second, ("胸痛救治", "溶栓治疗"))):
        folder.mkdir()
        for day, topic in enumerate(topics, 1):
            (folder / f"{folder.name}-{topic}.txt").write_text(
                f"綦江区人民医院开展{topic}培训\n" + lead.format(date=f"8月{day}日", topic=topic) * 3 + "\n", encoding="utf-8")
    for folder in (first, second):
        report = pipeline.import_paths([str(folder)])
        assert report.counts.created == 2 and not report.failed_files
    assert written_alone == []
    articles = list(Article.objects.prefetch_related("keywords"))
    assert len(articles) == 4
    for article in articles:
        assert sorted(k.word for k in article.keywords.all()) == article.import_snapshot["keywords"]
    used = {word for article in articles for word in article.import_snapshot["keywords"]}
    assert len(used) > 4 and sorted(Keyword.objects.values_list("word", flat=True)) == sorted(used)


@pytest.mark.parametrize("files_per_batch", [1, 50])
def test_each_article_keeps_its_publication_whichever_file_of_the_batch_made_it(
        tmp_path, settings, written_alone, files_per_batch):
    # A SQLite batch reads the publications once and again after it makes one: an article must
    # get its own, made once, whether an earlier import, an earlier file or this one made it.
    from articles.models import Source
    from ingest import pipeline

    settings.IMPORT_BATCH_SECONDS, settings.IMPORT_BATCH_FILES = 60, files_per_batch
    Source.objects.create(name="中国网")
    papers = ["重庆日报", "中国网", "衡阳晚报", "重庆日报", "衡阳晚报", "中国网"]
    for number, paper in enumerate(papers):
        (tmp_path / f"{number}.txt").write_text(
            f"綦江区人民医院开展义诊活动{number}\n发布时间:2022-08-0{number + 1} 09:00:00 | 来源:{paper}\n"
            f"8月{number + 1}日，綦江区人民医院在门诊大厅开展义诊活动，服务群众三百余人。\n", encoding="utf-8")
    report = pipeline.import_paths([str(tmp_path)])
    assert report.counts.created == len(papers) and not report.failed_files and written_alone == []
    got = dict(Article.objects.values_list("source_file__path", "source__name"))
    assert got == {f"{number}.txt": paper for number, paper in enumerate(papers)}
    assert sorted(Source.objects.values_list("name", flat=True)) == ["中国网", "衡阳晚报", "重庆日报"]
    assert Source.history.filter(history_type="+").count() == 3
