"""Two imports at once, and an editor saving while an import runs, on the database the suite
runs on (a SQLite file, or a fresh PostgreSQL database), in separate processes as in production."""

from __future__ import annotations

import json
import subprocess

import pytest
from django.db import connection

from tests.conftest import finish
from tests.conftest import manage as run

SHELL_COUNTS = (
    "import json; from articles.models import Article, SourceFile, Section; "
    "from hospitals.models import Hospital, Honour, Person; "
    "print(json.dumps({m.__name__: m.objects.count() for m in (Article, SourceFile, Section, Hospital, Honour, Person)}))"
)


@pytest.fixture
def fresh_database(database_factory):
    """A database as `migrate` leaves it, of the kind the suite runs on."""
    return database_factory(migrated=True)


def counts(url, tmp_path):
    code, out, err = finish(run(["shell", "--no-imports", "-c", SHELL_COUNTS], url, tmp_path))
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_two_imports_at_once_leave_one_copy_of_everything(fresh_database, database_factory, tmp_path, seeds_dir):
    first = run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path)
    second = run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path)
    results = [finish(first), finish(second)]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    summaries = sorted(out.splitlines()[0] for _, out, _ in results)
    created = [int(s.split()[0]) for s in summaries]
    unchanged = [int(s.split(", ")[2].split()[0]) for s in summaries]
    assert sum(created) == 7 and sum(created) + sum(unchanged) == 14, summaries
    found = counts(fresh_database, tmp_path)
    assert found["Article"] == 7 and found["SourceFile"] == 5
    single = counts_after_single_import(database_factory(migrated=True), tmp_path, seeds_dir)
    assert found == single


def counts_after_single_import(url, tmp_path, seeds_dir):
    assert finish(run(["import_seeds", str(seeds_dir)], url, tmp_path))[0] == 0
    return counts(url, tmp_path)


EDIT_DURING_IMPORT = """
from articles.models import Article
from hospitals.admin import *  # noqa: the admin's save_model is what an editor's save runs
from django.contrib import admin
from django.test import RequestFactory
from django.contrib.auth.models import User
article = Article.objects.get(position=0, source_file__path='004_e6602cedf5aa1e21.txt')
model_admin = admin.site._registry[Article]
request = RequestFactory().post('/')
request.user = User.objects.get_or_create(username='editor', defaults={'is_staff': True, 'is_superuser': True})[0]
Form = model_admin.get_form(request, article, change=True)
stale = Form(instance=article).initial  # the editor opened the form before the import
import sys
sys.stdout.write('opened\\n'); sys.stdout.flush()
sys.stdin.readline()  # ... and saves after it
data = {k: v for k, v in stale.items() if v is not None and k != 'keywords'}
data['title'] = '编辑改过的标题'
data['keywords'] = [k.pk for k in article.keywords.all()]
form = Form(data, instance=Article.objects.get(pk=article.pk), initial=stale)
assert form.is_valid(), form.errors
model_admin.save_model(request, form.save(commit=False), form, change=True)
print('saved')
"""


def test_an_editor_saving_during_an_import_loses_neither_change(fresh_database, tmp_path, seeds_dir):
    assert finish(run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path))[0] == 0
    editor = run(["shell", "--no-imports", "-c", EDIT_DURING_IMPORT], fresh_database, tmp_path, stdin=subprocess.PIPE)
    assert editor.stdout.readline().strip() == "opened"
    path = seeds_dir / "004_e6602cedf5aa1e21.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("■衡阳晚报全媒体记者 朱嘉林", "■衡阳晚报全媒体记者 朱嘉林 王小明"),
                    encoding="utf-8")
    assert finish(run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path))[0] == 0
    out, err = editor.communicate("go\n", timeout=120)
    assert editor.returncode == 0 and "saved" in out, err
    check = ("from articles.models import Article; a = Article.objects.get(position=0, "
             "source_file__path='004_e6602cedf5aa1e21.txt'); print(a.title + '|' + a.authors)")
    code, out, err = finish(run(["shell", "--no-imports", "-c", check], fresh_database, tmp_path))
    assert out.strip().splitlines()[-1] == "编辑改过的标题|朱嘉林、王小明"


SHELL_STATE = (
    "import json; from articles.models import Article; from hospitals.models import Hospital, Honour, Person; "
    "print(json.dumps({"
    "'articles': sorted([a.source_file.path, a.position, a.title, sorted(a.keywords.values_list('word', flat=True))] "
    "for a in Article.objects.select_related('source_file')), "
    "'hospitals': sorted(map(list, Hospital.objects.values_list('name', 'status', 'province', 'city', 'district'))), "
    "'honours': sorted(map(list, Honour.objects.values_list('hospital__name', 'name', 'year', 'level', 'status'))), "
    "'people': sorted(map(list, Person.objects.values_list('hospital__name', 'name', 'role', 'status')))}, "
    "ensure_ascii=False, default=str))"
)


def test_the_same_files_give_the_same_records_with_any_workers_and_in_any_order(database_factory, tmp_path):
    """`--workers 2` analyses files in forked processes, and a reversed order reads every file
    after different others: the records (hospitals, honours, people, keywords) depend only on
    the files."""
    from articles.corpus import make_corpus

    make_corpus(30, tmp_path / "corpus", seed=4)
    files = sorted((tmp_path / "corpus").glob("*.txt"))
    reversed_corpus = tmp_path / "reversed"
    reversed_corpus.mkdir()
    for index, path in enumerate(reversed(files)):  # imported in sorted order: the last file first
        (reversed_corpus / f"{index:03d}_{path.name}").write_bytes(path.read_bytes())
    # Three databases of their own: the imports run side by side (a second core is not idle).
    runs = [(name, database_factory(migrated=True), corpus, workers)
            for name, corpus, workers in (("serial", "corpus", "1"), ("parallel", "corpus", "2"),
                                          ("reversed", "reversed", "1"))]
    imports = [run(["import_seeds", str(tmp_path / corpus), "--workers", workers, "--quiet"], url, tmp_path / name)
               for name, url, corpus, workers in runs]
    for process in imports:
        code, out, err = finish(process)
        assert code == 0, err
    states = []
    for name, url, _, _ in runs:
        code, out, err = finish(run(["shell", "--no-imports", "-c", SHELL_STATE], url, tmp_path / name))
        assert code == 0, err
        states.append(json.loads(out.strip().splitlines()[-1]))
    serial, parallel, backwards = states
    assert len(serial["articles"]) >= 25 and len(serial["honours"]) > 30
    assert parallel == serial
    for kind in ("hospitals", "honours", "people"):
        assert backwards[kind] == serial[kind], kind
    # Articles are identified by their file, renamed here: compare what each one holds.
    assert sorted(a[2:] for a in backwards["articles"]) == sorted(a[2:] for a in serial["articles"])


EDIT_HELD_OPEN = """
import sys
from django.db import transaction
from articles.models import ArticleHospital
with transaction.atomic():
    link = ArticleHospital.objects.get(article__source_file__path='001_6ff0cf5427d759dd.txt',
                                       hospital__name='河南省儿童医院商丘医院')
    link.role = ArticleHospital.Role.SUBJECT  # the editor reviews the link ...
    link.save()
    sys.stdout.write('saved\\n'); sys.stdout.flush()
    sys.stdin.readline()  # ... and the save commits while the import runs
print('committed')
"""


def test_an_editors_save_in_flight_is_not_undone_by_an_import_retiring_the_record(fresh_database, tmp_path,
                                                                                   seeds_dir):
    """The import decides that a record no longer found is only its own by reading the record's
    history. An editor's save not yet committed must not be missed: the import waits for it."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: an import cannot start while an editor's save is open")
    import time

    import psycopg

    assert finish(run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path))[0] == 0
    editor = run(["shell", "--no-imports", "-c", EDIT_HELD_OPEN], fresh_database, tmp_path, stdin=subprocess.PIPE)
    assert editor.stdout.readline().strip() == "saved"
    path = seeds_dir / "001_6ff0cf5427d759dd.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "依托河南省儿童医院商丘医院建设项目,成立河南省儿童医院商丘医院,力争用3年时间完成并投入使用。", ""), encoding="utf-8")
    importer = run(["import_seeds", str(seeds_dir)], fresh_database, tmp_path)

    waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    with psycopg.connect(fresh_database, autocommit=True) as conn:
        deadline = time.monotonic() + 120
        while not conn.execute(waiting).fetchone()[0]:
            assert importer.poll() is None, "the import finished without waiting for the editor's save"
            assert time.monotonic() < deadline, "the import never waited for the editor's save"
            time.sleep(0.05)
    out, err = editor.communicate("go\n", timeout=60)
    assert editor.returncode == 0 and "committed" in out, err
    code, out, err = finish(importer)
    assert code == 0, err

    check = ("from articles.models import ArticleHospital; print(list(ArticleHospital.objects.filter("
             "hospital__name='河南省儿童医院商丘医院').values_list('role', flat=True)))")
    code, out, err = finish(run(["shell", "--no-imports", "-c", check], fresh_database, tmp_path))
    assert out.strip().splitlines()[-1] == "['subject']", err
