"""The import service and the import_seeds command, against the real database."""

from __future__ import annotations

import json
import os

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from articles.models import Article, ArticleHospital, ReviewItem, Section, SourceFile, Tombstone
from articles.parsing.records import NO_RECORDS
from hospitals.models import Honour, Hospital, HospitalAlias, HospitalFact, Person, PersonMention, ReviewStatus
from ingest.pipeline import import_paths
from tests.conftest import GOLD, SEEDS

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_seeds", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_creates_the_seven_articles_and_the_gold_subject_hospitals(seeds_dir):
    output = run(str(seeds_dir))
    assert output.splitlines()[0] == "7 created, 0 updated, 0 unchanged, 0 kept (edited), 0 failed"
    assert Article.objects.count() == 7
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for gold_file in gold["files"]:
        for article in gold_file["articles"]:
            accepted = {h["gold"] for h in article["subject_hospitals"]} | {
                a for h in article["subject_hospitals"] for a in h.get("accept", [])}
            assert Hospital.objects.public().filter(name__in=accepted).exists(), accepted
    places = dict(Hospital.objects.values_list("name", "division_code"))
    # The 民政部 code of the most specific division each name gives.
    assert (places["孟津区中医院"], places["洛阳市中心医院"], places["重庆市綦江区人民医院"]) == ("410308", "410300", "500110")


def test_second_import_changes_nothing(seeds_dir):
    run(str(seeds_dir))
    snapshot = sorted(Article.objects.values_list("id", "title", "updated"))
    counts = (Hospital.objects.count(), Section.objects.count(), Honour.objects.count(), Person.objects.count())
    output = run(str(seeds_dir))
    assert output.splitlines()[0] == "0 created, 0 updated, 7 unchanged, 0 kept (edited), 0 failed"
    assert sorted(Article.objects.values_list("id", "title", "updated")) == snapshot
    assert counts == (Hospital.objects.count(), Section.objects.count(), Honour.objects.count(), Person.objects.count())


def test_reparse_of_unchanged_files_reports_unchanged(seeds_dir):
    run(str(seeds_dir))
    output = run(str(seeds_dir), "--reparse")
    assert output.splitlines()[0] == "0 created, 0 updated, 7 unchanged, 0 kept (edited), 0 failed"


def test_dry_run_writes_nothing_and_prints_the_contract(seeds_dir, capsys):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_seeds", str(seeds_dir), "--dry-run", "--json", stdout=out, stderr=err)
    assert Article.objects.count() == 0 and Hospital.objects.count() == 0 and SourceFile.objects.count() == 0
    document = json.loads(out.getvalue())
    assert [f["path"].rsplit("/", 1)[-1] for f in document["files"]] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    first = document["files"][0]
    assert first["encoding"] == "utf-8" and first["error"] is None and len(first["sha256"]) == 64
    article = first["articles"][0]
    for key in ("kicker", "title", "subtitle", "published", "source", "authors", "editors", "subject_hospitals",
                "mentioned_hospitals", "sections", "captions", "honours", "people", "keywords", "flags"):
        assert key in article
    assert "7 created" in err.getvalue()  # what an import would do, said on stderr


def test_editor_changes_survive_a_reimport_and_deleted_records_stay_deleted(seeds_dir):
    run(str(seeds_dir))
    article = Article.objects.get(title="党建领航办实事 争创标杆惠民生")
    article.title = "党建领航办实事，争创标杆惠民生"
    article.save()
    honour = Honour.objects.get(name="全国优秀县级医院")
    honour.delete()
    assert Tombstone.objects.filter(model="hospitals.Honour").count() == 1

    output = run(str(seeds_dir), "--reparse")

    article.refresh_from_db()
    assert article.title == "党建领航办实事，争创标杆惠民生"
    assert not Honour.objects.filter(name="全国优秀县级医院").exists()
    first_line = output.splitlines()[0]
    assert first_line.startswith("0 created, 0 updated, 6 unchanged, 1 kept (edited)")


def test_a_changed_file_updates_the_same_articles(seeds_dir):
    run(str(seeds_dir))
    path = seeds_dir / "004_e6602cedf5aa1e21.txt"
    ids = set(Article.objects.values_list("id", flat=True))
    path.write_text(path.read_text(encoding="utf-8").replace("仁和精诚铸医遗", "仁和精诚铸医魂"), encoding="utf-8")
    output = run(str(seeds_dir))
    assert output.splitlines()[0] == "0 created, 1 updated, 6 unchanged, 0 kept (edited), 0 failed"
    assert set(Article.objects.values_list("id", flat=True)) == ids
    assert Article.objects.filter(title="仁和精诚铸医魂 服务人民谱华章").exists()


def test_links_mentions_facts_and_aliases_an_editor_deleted_stay_deleted(seeds_dir):
    """Not only whole records: an editor who unlinks a hospital from an article, or deletes a
    person's mention, a fact or an alias, does not see it come back with the next parse."""
    run(str(seeds_dir))
    link = ArticleHospital.objects.filter(role=ArticleHospital.Role.MENTIONED).first()
    mention = PersonMention.objects.first()
    fact = HospitalFact.objects.first()
    alias = HospitalAlias.objects.first()
    lookups = [
        (ArticleHospital, {"article_id": link.article_id, "hospital_id": link.hospital_id}),
        (PersonMention, {"article_id": mention.article_id, "person_id": mention.person_id}),
        (HospitalFact, {"hospital_id": fact.hospital_id, "kind": fact.kind, "value": fact.value}),
        (HospitalAlias, {"name": alias.name, "hospital_id": alias.hospital_id}),
    ]
    for record in (link, mention, fact, alias):
        record.delete()

    run(str(seeds_dir), "--reparse")

    for model, lookup in lookups:
        assert not model.objects.filter(**lookup).exists(), model.__name__
    assert ArticleHospital.objects.filter(article_id=link.article_id).exists()  # the other links stay

    # After a rename the old name stays as an alias, so the articles still find the hospital by it;
    # what an editor deleted under the old name stays deleted.
    renamed = {link.hospital_id, fact.hospital_id, alias.hospital_id, mention.person.hospital_id}
    for hospital in Hospital.objects.filter(pk__in=renamed):
        hospital.name = f"{hospital.name}（新名）"
        hospital.save()
    run(str(seeds_dir), "--reparse")
    for model, lookup in lookups:
        assert not model.objects.filter(**lookup).exists(), model.__name__


def test_an_article_restored_from_its_tombstone_comes_back_whole(seeds_dir):
    """Deleting an article takes its links and mentions with it under the article's one
    tombstone: deleting that tombstone brings the article back with all of them."""
    run(str(seeds_dir))
    article = Article.objects.annotate(n=Count("person_mentions")).order_by("-n", "pk").first()
    title = article.title
    links = sorted(article.hospital_links.values_list("hospital__name", "role"))
    people = sorted(article.person_mentions.values_list("person__name", flat=True))
    assert links and people
    article.delete()
    assert list(Tombstone.objects.values_list("model", flat=True)) == ["articles.Article"]

    Tombstone.objects.all().delete()
    run(str(seeds_dir), "--reparse")

    article = Article.objects.get(title=title)
    assert sorted(article.hospital_links.values_list("hospital__name", "role")) == links
    assert sorted(article.person_mentions.values_list("person__name", flat=True)) == people


def test_a_revert_to_an_older_version_survives_the_next_import(seeds_dir):
    """History rows leave the importer's snapshot out: reverting is the editor's choice, so the
    next import must keep the reverted title rather than take it for its own and overwrite it."""
    run(str(seeds_dir))
    path = seeds_dir / "004_e6602cedf5aa1e21.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("仁和精诚铸医遗", "仁和精诚铸医魂"), encoding="utf-8")
    run(str(seeds_dir))
    article = Article.objects.get(title="仁和精诚铸医魂 服务人民谱华章")
    article.history.order_by("history_date").first().instance.save()  # what the admin's revert does

    output = run(str(seeds_dir), "--reparse")

    article.refresh_from_db()
    assert article.title == "仁和精诚铸医遗 服务人民谱华章"
    assert output.splitlines()[0] == "0 created, 0 updated, 6 unchanged, 1 kept (edited), 0 failed"


def test_mentioned_hospitals_wait_for_review_and_subjects_are_public(seeded):
    subject = ArticleHospital.objects.filter(role=ArticleHospital.Role.SUBJECT).values_list("hospital__status", flat=True)
    assert set(subject) == {ReviewStatus.ACCEPTED}
    mentioned_only = Hospital.objects.exclude(article_links__role=ArticleHospital.Role.SUBJECT)
    assert mentioned_only.exists()
    assert set(mentioned_only.values_list("status", flat=True)) == {ReviewStatus.PENDING}


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t\n", "white space"),
        (b"\x00\x01\x02binary", "NUL"),
        ("只有一个标题\n".encode(), "headline but no body"),
    ],
)
def test_bad_files_fail_clearly_and_the_others_still_import(tmp_path, seeds_dir, content, reason):
    (seeds_dir / "zzz_bad.txt").write_bytes(content)
    with pytest.raises(CommandError):
        run(str(seeds_dir))
    report = import_paths([str(seeds_dir)])
    bad = [r for r in report.files if r.error]
    assert len(bad) == 1 and "zzz_bad.txt" in bad[0].error and reason in bad[0].error
    assert Article.objects.count() == 7


def test_missing_path_and_empty_directory_are_errors(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    report = import_paths([str(tmp_path / "nope"), str(empty)])
    errors = sorted(r.error for r in report.files)
    assert "no such file or directory" in errors[1] or "no such file or directory" in errors[0]
    assert any("holds no article file" in e for e in errors)


def test_a_folder_s_saved_pages_and_markdown_exports_are_read_but_not_its_readme(tmp_path):
    from ingest.files import discover

    for name, text in (("a.txt", "x"), ("b.html", "<p>x</p>"), ("c.htm", "<p>x</p>"), ("README.md", "# 说明\n\n本目录存放稿件。"),
                       ("d.md", "---\ntitle: 某医院开展义诊\ndate: 2023-11-07\n---\n\n正文"), ("e.md", "---\ntags: [a]\n---\n正文"),
                       ("f.md", "# 某医院成功开展首例手术\n\n" + "近日，某医院心血管内科成功为一名患者实施手术。" * 12),
                       ("NOTES.md", "# Corpus notes\n\nThese files are crawled pages. " * 10 + "医院。" * 3)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    files, problems = discover([str(tmp_path)])
    assert [f.key for f in files] == ["a.txt", "b.html", "c.htm", "d.md", "f.md"] and problems == []
    named, _ = discover([str(tmp_path / "README.md")])  # named on its own, any file is read
    assert [f.key for f in named] == ["README.md"]


def test_file_over_the_size_limit_is_refused(seeds_dir, settings):
    settings.IMPORT_MAX_FILE_BYTES = 12_000
    report = import_paths([str(seeds_dir)])
    refused = [r for r in report.files if r.error]
    assert {r.display.rsplit("/", 1)[-1] for r in refused} == {"000_5b264ede828971bb.txt", "002_ec0c30fe86448813.txt"}
    assert all("over the import limit" in r.error for r in refused)
    assert Article.objects.count() == 3


def test_symlink_loop_does_not_hang(tmp_path, seeds_dir):
    os.symlink(seeds_dir, seeds_dir / "loop")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    report = import_paths([str(seeds_dir), str(tmp_path / "loop-a")])
    assert Article.objects.count() == 7
    assert any(r.error for r in report.files)


def test_writes_are_set_based_queries_per_file_do_not_grow_with_its_records(tmp_path, settings):
    """A file's queries depend on how many articles it holds, not on how many hospitals, people,
    honours and facts they name: those go in with one insert per kind."""
    from django.db import connection

    settings.PAGE_AGGREGATE_URLS = []  # the pages' refresh when the import ends: its own queries, not the file's
    from django.test.utils import CaptureQueriesContext

    from articles.corpus import make_corpus
    from articles.parsing import parse_bytes
    from ingest.contract import analyse

    make_corpus(40, tmp_path, seed=3)
    sizes = []
    for path in sorted(tmp_path.glob("*.txt")):
        parsed = parse_bytes(path.name, path.read_bytes())
        records = sum(len(a.entities.hospitals) + len(a.entities.people) + len(a.entities.honours)
                      + len(a.entities.facts) for a in map(analyse, parsed.articles))
        with CaptureQueriesContext(connection) as queries:
            import_paths([str(path)])
        sizes.append((len(parsed.articles), records, len(queries.captured_queries)))
    assert max(r for _, r, _ in sizes) >= 3 * min(r for _, r, _ in sizes)  # files differ a lot
    for articles, records, queries in sizes:
        # 40 for the file, 3 for the import's look at open duplicate suggestions when it ends
        assert queries <= 43 + 25 * articles, (articles, records, queries)
    assert Honour.objects.count() > 40 and Person.objects.count() > 20



def test_sqlite_planner_statistics_are_refreshed_after_an_import(seeds_dir):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's autovacuum analyses tables itself")
    import_paths([str(seeds_dir)])
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        analysed = {row[0] for row in cursor.fetchall()}
    assert {"hospitals_person", "hospitals_honour", "articles_article"} <= analysed


SHANGQIU = "001_6ff0cf5427d759dd.txt"
HENGYANG = "004_e6602cedf5aa1e21.txt"


def test_two_articles_of_one_file_about_a_new_hospital_state_its_facts_once(tmp_path):
    """A follow-up printed in the same file repeats the hospital's motto and type. The file used
    to fail whole: the second article inserted the first one's facts again."""
    text = (SEEDS / HENGYANG).read_text(encoding="utf-8")
    follow_up = text.replace("仁和精诚铸医遗 服务人民谱华章", "传承精华守正创新 中医药服务惠及百姓")
    (tmp_path / "two.txt").write_text(text + "\n\n" + follow_up, encoding="utf-8")

    assert run(str(tmp_path)).splitlines()[0] == "2 created, 0 updated, 0 unchanged, 0 kept (edited), 0 failed"
    facts = HospitalFact.objects.filter(hospital__name="衡阳市中医医院")
    assert sorted(facts.values_list("kind", flat=True)) == ["motto", "type"]


# -- what a newer parse no longer finds ----------------------------------------------------------


def _edit(path, *replacements) -> str:
    original = path.read_text(encoding="utf-8")
    text = original
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return original


def _stale_items(record):
    from django.contrib.contenttypes.models import ContentType

    from articles.models import ReviewItem

    return ReviewItem.objects.filter(kind=ReviewItem.Kind.STALE, object_id=record.pk,
                                     content_type=ContentType.objects.get_for_model(record))


def test_records_a_changed_file_no_longer_yields_are_removed_and_may_come_back(seeds_dir):
    """The file no longer names a partner hospital or a person: the article's link and mention
    go, and so do the hospital and the person the importer had made only for them. No tombstone:
    when the text names them again, they come back."""
    from articles.models import ReviewItem

    run(str(seeds_dir))
    path = seeds_dir / SHANGQIU
    article = Article.objects.get(source_file__path=SHANGQIU)
    partner = Hospital.objects.get(name="河南省儿童医院商丘医院")
    # Only mentioned: a pending record, without a review item of its own.
    assert partner.status == ReviewStatus.PENDING
    assert not ReviewItem.objects.filter(object_id=partner.pk, content_type__model="hospital").exists()
    person = Person.objects.get(name="张玉玲")
    links_before = ArticleHospital.objects.filter(article=article).count()

    original = _edit(path, ("依托河南省儿童医院商丘医院建设项目,成立河南省儿童医院商丘医院,力争用3年时间完成并投入使用。", ""),
                     ("、张玉玲以及", "以及"))
    lines = run(str(seeds_dir)).splitlines()

    assert lines[0] == "0 created, 1 updated, 6 unchanged, 0 kept (edited), 0 failed"
    assert lines[1].endswith(", 4 removed")  # link, hospital, mention, person
    assert not Hospital.objects.filter(pk=partner.pk).exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert ArticleHospital.objects.filter(article=article).count() == links_before - 1
    assert not PersonMention.objects.filter(person_id=person.pk).exists()
    assert not ReviewItem.objects.filter(object_id=partner.pk, content_type__model="hospital").exists()
    assert not Tombstone.objects.exists()

    path.write_text(original, encoding="utf-8")
    run(str(seeds_dir))
    assert ArticleHospital.objects.filter(article=article, hospital__name="河南省儿童医院商丘医院").exists()
    assert PersonMention.objects.filter(article=article, person__name="张玉玲").exists()


def test_what_an_editor_touched_stays_when_the_new_parse_no_longer_yields_it(seeds_dir):
    """An editor who reviewed a link (here: changed its role) or accepted a hospital made that
    record theirs: it stays, and the review queue says the new text no longer has it."""
    run(str(seeds_dir))
    article = Article.objects.get(source_file__path=SHANGQIU)
    link = ArticleHospital.objects.get(article=article, hospital__name="河南省儿童医院商丘医院")
    link.role = ArticleHospital.Role.SUBJECT
    link.save()
    person = Person.objects.get(name="张玉玲")
    person.status = ReviewStatus.ACCEPTED
    person.role = "副院长"
    person.save()

    _edit(seeds_dir / SHANGQIU, ("依托河南省儿童医院商丘医院建设项目,成立河南省儿童医院商丘医院,力争用3年时间完成并投入使用。", ""),
          ("、张玉玲以及", "以及"))
    lines = run(str(seeds_dir)).splitlines()

    link.refresh_from_db()
    assert link.role == ArticleHospital.Role.SUBJECT and Hospital.objects.filter(name="河南省儿童医院商丘医院").exists()
    assert list(_stale_items(link).values_list("hospital__name", flat=True)) == ["河南省儿童医院商丘医院"]
    # The mention was the importer's alone, so it goes; the person the editor edited stays.
    assert not PersonMention.objects.filter(person=person).exists()
    person.refresh_from_db()
    assert person.role == "副院长"
    assert lines[1].endswith(", 1 kept (edited), 0 failed, 1 removed")


def test_honours_the_new_text_no_longer_has_leave_the_public_pages_unless_edited(seeds_dir, client):
    """An honour may be stated by other articles too, so it is not deleted: one only the importer
    wrote waits for review again (and is public again once the text has it again); one an
    editor corrected stays as they left it. Both are filed for review."""
    run(str(seeds_dir))
    award = Honour.objects.get(name="河南省医学科技奖")
    pioneer = Honour.objects.get(name="衡阳市工人先锋号")
    assert award.status == pioneer.status == ReviewStatus.ACCEPTED
    pioneer.level = Honour.Level.PROVINCIAL
    pioneer.save()

    award_text = _edit(seeds_dir / SHANGQIU, ("2021年荣获河南省医学科技奖1项,", "2021年"))
    _edit(seeds_dir / HENGYANG, ('于2023年荣获"衡阳市 工人先锋号"。', "。"))
    lines = run(str(seeds_dir)).splitlines()

    award.refresh_from_db()
    pioneer.refresh_from_db()
    assert award.status == ReviewStatus.PENDING
    assert pioneer.status == ReviewStatus.ACCEPTED and pioneer.level == Honour.Level.PROVINCIAL
    assert _stale_items(award).count() == _stale_items(pioneer).count() == 1
    assert lines[1].endswith(", 1 kept (edited), 0 failed, 1 removed")
    names = [row["name"] for row in client.get("/honours/?format=json&page_size=1000").json()["results"]]
    assert "河南省医学科技奖" not in names and "衡阳市工人先锋号" in names

    (seeds_dir / SHANGQIU).write_text(award_text, encoding="utf-8")
    run(str(seeds_dir))
    award.refresh_from_db()
    assert award.status == ReviewStatus.ACCEPTED


def test_an_article_the_file_no_longer_holds_is_removed_unless_edited(seeds_dir):
    """A file that held two articles now holds one (it changed, or the parser splits it
    otherwise): the second goes with its links and mentions, unless an editor corrected it."""
    run(str(seeds_dir))
    path = seeds_dir / "000_5b264ede828971bb.txt"
    second = Article.objects.get(source_file__path=path.name, position=1)
    doctor = Person.objects.get(name="和晓波")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.startswith("孟津区中医院:"))
    original = "".join(lines)
    path.write_text("".join(lines[:cut]), encoding="utf-8")

    output = run(str(seeds_dir)).splitlines()
    assert output[0] == "0 created, 0 updated, 6 unchanged, 0 kept (edited), 0 failed, 1 removed"
    assert not Article.objects.filter(pk=second.pk).exists()
    assert not Person.objects.filter(pk=doctor.pk).exists()
    assert not Hospital.objects.filter(name="河南省肿瘤医院").exists()  # named by that article alone
    assert not Tombstone.objects.exists()

    path.write_text(original, encoding="utf-8")
    run(str(seeds_dir))
    second = Article.objects.get(source_file__path=path.name, position=1)
    second.title = "编辑改过的标题"
    second.save()
    path.write_text("".join(lines[:cut]), encoding="utf-8")
    output = run(str(seeds_dir)).splitlines()
    assert output[0] == "0 created, 0 updated, 6 unchanged, 1 kept (edited), 0 failed"
    assert Article.objects.filter(pk=second.pk, title="编辑改过的标题").exists()
    assert _stale_items(second).count() == 1


def test_reparse_after_a_parser_upgrade_retires_what_the_old_parser_made(seeds_dir):
    """An older parser took 国家爱婴医院 (an honour's title) for a hospital the article names;
    the current one does not, so `--reparse` removes the link and the hospital made for it."""
    from core.importcontext import importing

    run(str(seeds_dir))
    article = Article.objects.get(source_file__path="002_ec0c30fe86448813.txt", position=0)
    with importing("002_ec0c30fe86448813.txt"):  # as the old import wrote them
        snapshot = {"name": "国家爱婴医院", "status": ReviewStatus.PENDING}
        false = Hospital.objects.create(name="国家爱婴医院", status=ReviewStatus.PENDING, import_snapshot=snapshot)
        ArticleHospital.objects.create(article=article, hospital=false, role=ArticleHospital.Role.MENTIONED,
                                       import_snapshot={"role": ArticleHospital.Role.MENTIONED})

    output = run(str(seeds_dir), "--reparse").splitlines()

    assert output[1].endswith(", 2 removed")
    assert not Hospital.objects.filter(name="国家爱婴医院").exists()
    assert ArticleHospital.objects.filter(article=article, hospital__name="平顶山市第二人民医院").exists()


def test_a_person_an_editor_renamed_is_not_created_again_under_the_old_name(seeds_dir):
    """Editors correct names (OCR, a wrong character): the next parse still spells the name as
    the text does, and must find the corrected person by it, as it finds a renamed hospital."""
    run(str(seeds_dir))
    person = Person.objects.get(name="张玉玲")
    person.name = "张钰玲"
    person.save()
    mention = PersonMention.objects.get(person__name="寇学斌")
    mention_lookup = {"article_id": mention.article_id, "person_id": mention.person_id}
    mention.delete()
    mention.person.name = "寇学彬"
    mention.person.save()

    run(str(seeds_dir), "--reparse")

    assert not Person.objects.filter(name__in=["张玉玲", "寇学斌"]).exists()
    assert PersonMention.objects.filter(person=person).exists()
    assert not PersonMention.objects.filter(**mention_lookup).exists()  # deleted before the rename: stays deleted


PUBLIC_STATE = (
    "import json; from articles.models import Article, ArticleHospital; "
    "from hospitals.models import Hospital, Honour, Person, PersonMention; "
    "acc = 'accepted'; "
    "print(json.dumps({"
    "'articles': sorted([a.source_file.path, a.position, a.title] for a in Article.objects.select_related('source_file')), "
    "'hospitals': sorted(map(list, Hospital.objects.values_list('name', 'status'))), "
    "'links': sorted(map(list, ArticleHospital.objects.values_list("
    "'article__source_file__path', 'article__position', 'hospital__name', 'role'))), "
    "'mentions': sorted(map(list, PersonMention.objects.values_list("
    "'article__source_file__path', 'article__position', 'person__hospital__name', 'person__name'))), "
    "'people': sorted(map(list, Person.objects.values_list('hospital__name', 'name', 'status'))), "
    "'honours': sorted(map(list, Honour.objects.filter(status=acc).values_list('hospital__name', 'name', 'year'))), "
    "}, ensure_ascii=False, default=str))"
)


def test_reimporting_changed_files_converges_on_a_fresh_import_of_them(database_factory, tmp_path):
    """Nobody edited anything: every file of a corpus is replaced by another text under the same
    name and imported again. What readers and editors see must be what a fresh import of the new
    texts gives: nothing of the old texts left over (honours other articles might state are kept
    for review, not public; hospital profiles gather facts from every article, so they are not
    compared)."""
    import shutil

    from articles.corpus import make_corpus
    from tests.conftest import finish, manage

    old, new, work = tmp_path / "old", tmp_path / "new", tmp_path / "work"
    make_corpus(16, old, seed=11)  # every file replaced: its size adds repetitions, not cases
    make_corpus(16, new, seed=12)
    names = sorted({p.name for p in old.glob("*.txt")} & {p.name for p in new.glob("*.txt")})
    work.mkdir()

    def state(url, var) -> dict:
        code, out, err = finish(manage(["shell", "--no-imports", "-c", PUBLIC_STATE], url, var))
        assert code == 0, err
        return json.loads(out.strip().splitlines()[-1])

    def import_into(url, var, source) -> str:
        for name in names:
            shutil.copyfile(source / name, work / name)
        code, out, err = finish(manage(["import_seeds", str(work)], url, var))
        assert code == 0, err
        return out

    reimported, fresh = database_factory(migrated=True), database_factory(migrated=True)
    # The fresh import reads its own copy of the new texts (same names, so the same file keys)
    # and runs beside the two imports of the other database.
    fresh_copy = tmp_path / "fresh"
    fresh_copy.mkdir()
    for name in names:
        shutil.copyfile(new / name, fresh_copy / name)
    fresh_import = manage(["import_seeds", str(fresh_copy)], fresh, tmp_path / "b")
    import_into(reimported, tmp_path / "a", old)
    output = import_into(reimported, tmp_path / "a", new)
    code, _, err = finish(fresh_import)
    assert code == 0, err

    assert "removed" in output.splitlines()[1]
    got, want = state(reimported, tmp_path / "a"), state(fresh, tmp_path / "b")
    assert all(want.values()), {kind: len(rows) for kind, rows in want.items()}  # every kind is compared
    for kind in want:
        extra = [row for row in got[kind] if row not in want[kind]]
        missing = [row for row in want[kind] if row not in got[kind]]
        assert (kind, extra, missing) == (kind, [], [])


def test_the_review_queue_on_the_seeds_holds_only_decisions(seeds_dir):
    """Repairs the parser is sure of are recorded closed (已修正); open items are decisions:
    doubts about the text, records held back. Counted, so a rule that floods the queue shows
    here. (A hospital one seed names in full and by its shorter form is one hospital, not a
    suggested duplicate.)"""
    from collections import Counter

    run(str(seeds_dir))
    open_items = Counter(ReviewItem.objects.open().values_list("kind", "code"))
    assert open_items == {
        ("flag", "truncated_paragraph"): 6, ("flag", "doubled_character_at_break"): 1,
        ("low_confidence", "held_records"): 5,
    }
    assert not Hospital.objects.filter(name="上海儿童医学中心").exists()
    # The 22 people and honours held back, one decision per article that holds them.
    held = [record for item in ReviewItem.objects.open().filter(code="held_records")
            for record in item.detail["records"]]
    assert len(held) == 22 and {label for label, _, _ in held} == {"hospitals.Person", "hospitals.Honour"}
    repairs = ReviewItem.objects.filter(status=ReviewItem.Status.FIXED)
    assert repairs.count() == 45 and not repairs.exclude(kind="flag").exists()
    assert set(repairs.values_list("code", flat=True)) >= {"removed_ocr_spaces", "merged_broken_paragraph"}


def test_a_held_record_a_newer_parse_no_longer_finds_leaves_its_group(seeds_dir):
    run(str(seeds_dir))
    item = next(i for i in ReviewItem.objects.open().filter(code="held_records")
                if sum(label == "hospitals.Person" for label, _, _ in i.detail["records"]) >= 1
                and len(i.detail["records"]) >= 3)
    label, pk, _ = next(r for r in item.detail["records"] if r[0] == "hospitals.Person")
    person = Person.objects.get(pk=pk)
    path = seeds_dir / item.article.source_file.path
    path.write_text(path.read_text(encoding="utf-8").replace(person.name, "某某"), encoding="utf-8")

    run(str(seeds_dir))

    item.refresh_from_db()
    assert not Person.objects.filter(pk=pk).exists()
    assert [label, pk] not in [r[:2] for r in item.detail["records"]] and len(item.detail["records"]) >= 2


def test_a_crawled_page_without_a_headline_is_noted_not_queued(tmp_path, staff_client):
    """The page starts with its lead: the article takes the lead's first words as its title and
    carries a closed note an editor can filter on, not an open decision."""
    from django.urls import reverse

    folder = tmp_path / "crawled"
    folder.mkdir()
    (folder / "page.txt").write_text(
        "2023-08-17，正文：8月16日，市第一人民医院举行义诊活动，为社区居民免费测量血压。"
        "活动持续一整天，共服务群众三百余人次。\n", encoding="utf-8")
    run(str(folder))

    article = Article.objects.get()
    assert article.title == "8月16日，市第一人民医院举行义诊活动…"
    assert not ReviewItem.objects.open().filter(article=article, kind="flag").exists()
    note = ReviewItem.objects.get(article=article, code="headline_not_printed")
    assert note.status == ReviewItem.Status.FIXED
    listed = staff_client.get(reverse("admin:articles_article_changelist"), {"headline": "derived"})
    assert "原文无标题" in listed.content.decode() and listed.context["cl"].result_count == 1
    printed = staff_client.get(reverse("admin:articles_article_changelist"), {"headline": "printed"})
    assert printed.context["cl"].result_count == 0


def test_a_file_whose_source_row_appears_after_the_import_began_is_written_again(seeds_dir, tmp_path, monkeypatch):
    """The import looks for source rows once, for every file; a file it found none for inserts
    its row without looking again. If another importer made the row meanwhile, that insert fails,
    and the file is written again on its own, as an update of the row now there."""
    from ingest import pipeline

    folder = tmp_path / "feature"
    folder.mkdir()
    feature = folder / "feature.txt"
    feature.write_text(sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    import_paths([str(folder)])
    articles = Article.objects.count()
    feature.write_text(feature.read_text(encoding="utf-8") + "\n该院院长表示，将持续改善群众就医体验。\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "_unchanged_files", lambda digests, known=None: {})  # saw no row: made since
    report = import_paths([str(folder)])
    assert not report.failed_files and report.counts.updated and not report.counts.created
    assert SourceFile.objects.count() == 1 and Article.objects.count() == articles


def test_files_of_a_batch_whose_rows_another_importer_made_meanwhile_are_each_written_again_as_themselves(
        seeds_dir, monkeypatch):
    """Several files of one batch meet rows made meanwhile (on SQLite at the batch's commit, where
    its held rows go in): each is written again alone, as itself, and counted once."""
    from ingest import pipeline

    first = import_paths([str(seeds_dir)])
    monkeypatch.setattr(pipeline, "_unchanged_files", lambda digests, known=None: {})  # saw no rows
    again = import_paths([str(seeds_dir)])
    assert [(f.display, f.articles.unchanged, f.error) for f in again.files] == \
        [(f.display, f.articles.created, None) for f in first.files]
    assert SourceFile.objects.count() == len(first.files) and Article.objects.count() == first.counts.created


def test_one_file_s_import_writes_a_new_file_without_looking_for_its_row_and_a_row_made_since_again(
        seeds_dir, monkeypatch):
    """`import_file` (a job's per-file task) learns whether the key is new from its one look for
    unchanged bytes: a new file inserts its source row without looking again; if another task
    made the row meanwhile, the insert fails and the next attempt writes the file as known."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ingest import pipeline
    from ingest.pipeline import import_file

    data = min(seeds_dir.glob("*.txt")).read_bytes()
    with CaptureQueriesContext(connection) as queries:
        assert not import_file("a/feature.txt", "feature.txt", data).error
    looked = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith("SELECT") and 'FROM "articles_sourcefile"' in q["sql"]]
    assert len(looked) == 1  # the look for unchanged bytes, no second one before the insert
    articles = Article.objects.count()

    changed = data + "\n该院院长表示，将持续改善群众就医体验。\n".encode()
    monkeypatch.setattr(pipeline, "_unchanged_files", lambda digests, known=None: {})  # saw no row: made since
    result = import_file("a/feature.txt", "feature.txt", changed)
    assert not result.error and result.articles.updated and not result.articles.created
    assert SourceFile.objects.count() == 1 and Article.objects.count() == articles


def test_a_folder_of_exports_imports_each_record_and_refuses_an_export_without_records(tmp_path):
    """A crawler's CSV, a feed and a JSON export are read record by record (articles/parsing/
    records.py); a .json that holds no records is passed over in a folder and fails when named."""
    (tmp_path / "crawl.csv").write_text(
        "title,date,source,content\n"
        "湘雅医院开展义诊,2023-07-03,华声在线,\"7月3日，中南大学湘雅医院在长沙开展义诊活动。\"\n"
        "郑大一附院启用日间手术中心,2023-07-05,大河网,\"7月5日，郑州大学第一附属医院日间手术中心启用。\"\n",
        encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"theme": "dark", "size": 3}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 待办\n- 导入本周稿件\n", encoding="utf-8")
    report = import_paths([str(tmp_path)])
    # a folder's .json that holds no records is not an article file; named on its own, it fails
    assert [(os.path.basename(r.display), r.error) for r in report.files] == [("crawl.csv", None)]
    [refused] = import_paths([str(tmp_path / "settings.json")]).files
    assert refused.error.endswith("settings.json: " + NO_RECORDS)
    titles = dict(Article.objects.filter(source_file__path="crawl.csv").values_list("position", "title"))
    assert titles == {0: "湘雅医院开展义诊", 1: "郑大一附院启用日间手术中心"}
    assert Article.objects.get(position=1).source.name == "大河网"
