"""Dataset releases: the public records as a versioned bundle a re-user takes whole.

A release is a folder `RELEASES_DIR/<version>/` holding one CSV per table (UTF-8 with BOM, so
Excel reads Chinese), the same tables in one SQLite file, a Frictionless `datapackage.json`
describing every field in Chinese and English, and `SHA256SUMS`. Only what readers see on the
public pages leaves: accepted records whose related records are accepted too; never import
snapshots, confidences, review items or history. The folder is written under a temporary name
and renamed when complete, so /data/ never lists half a release.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from hospitals.models import Honour, Hospital, HospitalAlias, HospitalFact, Person, PersonMention, ReviewStatus

from .models import Article, ArticleHospital, Caption, Section, Source

ACCEPTED = ReviewStatus.ACCEPTED
SQLITE_NAME = "hospitals.sqlite3"
SQLITE_TYPES = {"integer": "INTEGER", "string": "TEXT", "date": "TEXT"}
VERSION_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(-\d+)?$")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless: integer, string, date
    zh: str
    en: str
    get: Callable | None = None  # row object → value; default: the attribute of that name
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    zh: str
    en: str
    rows: Callable[[], Iterable]
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, table, field)


def _public(value, model_status_attr="status"):
    """A related record as its id when readers may see it, else empty."""
    return value.pk if value is not None and getattr(value, model_status_attr) == ACCEPTED else None


def _label(model, field):
    choices = dict(model._meta.get_field(field).choices)
    return lambda obj: str(choices.get(getattr(obj, field), "")) or None


PUBLIC_HOSPITALS = Q(hospital__status=ACCEPTED)
ID = Field("id", "integer", "编号", "identifier", required=True)


def _url(obj) -> str:
    return obj.get_absolute_url()


TABLES: tuple[Table, ...] = (
    Table("hospitals", "医院", "Hospitals", lambda: Hospital.objects.public().order_by("pk"), (
        ID,
        Field("name", "string", "正式名称", "official name", required=True),
        Field("province", "string", "省份", "province"),
        Field("city", "string", "城市", "city"),
        Field("district", "string", "区县", "district or county"),
        Field("type", "string", "类型代码", "type code"),
        Field("type_label", "string", "类型", "type (Chinese label)", _label(Hospital, "type")),
        Field("grade", "string", "等级代码", "grade code (3A = 三级甲等)"),
        Field("grade_label", "string", "等级", "grade (Chinese label)", _label(Hospital, "grade")),
        Field("founded_year", "integer", "建院年份", "year founded"),
        Field("beds", "integer", "床位数", "beds"),
        Field("staff", "integer", "职工数", "staff"),
        Field("motto", "string", "院训", "motto"),
        Field("url", "string", "网页", "page on the site (path)", _url),
    ), ("id",)),
    Table("hospital_aliases", "医院别名", "Other names of hospitals",
          lambda: HospitalAlias.objects.filter(PUBLIC_HOSPITALS).order_by("pk"), (
              Field("hospital_id", "integer", "医院编号", "hospital identifier", required=True),
              Field("name", "string", "别名", "other name", required=True),
          ), (), (("hospital_id", "hospitals", "id"),)),
    Table("sources", "来源媒体", "Publications",
          lambda: Source.objects.filter(articles__status=ACCEPTED).distinct().order_by("pk"), (
              ID, Field("name", "string", "名称", "name", required=True),
          ), ("id",)),
    Table("articles", "文章", "Articles", lambda: Article.objects.public().select_related("source_file").order_by("pk"), (
        ID,
        Field("title", "string", "标题", "headline", required=True),
        Field("kicker", "string", "眉题", "kicker (line above the headline)"),
        Field("subtitle", "string", "副题", "subtitle"),
        Field("published", "date", "发布日期", "publication date"),
        Field("source_id", "integer", "来源媒体编号", "publication identifier"),
        Field("authors", "string", "作者（以“、”分隔）", "authors (separated by 、)"),
        Field("editors", "string", "编辑（以“、”分隔）", "editors (separated by 、)"),
        Field("source_file", "string", "源文件", "source file", lambda a: a.source_file.path),
        Field("source_sha256", "string", "源文件 SHA-256", "SHA-256 of the source file", lambda a: a.source_file.sha256),
        Field("url", "string", "网页", "page on the site (path)", _url),
    ), ("id",), (("source_id", "sources", "id"),)),
    Table("sections", "章节", "Sections of articles",
          lambda: Section.objects.filter(article__status=ACCEPTED).order_by("article_id", "order"), (
              Field("article_id", "integer", "文章编号", "article identifier", required=True),
              Field("order", "integer", "顺序", "position in the article (from 0)", required=True),
              Field("label", "string", "序号", "label (一、 …)"),
              Field("heading", "string", "小标题", "heading"),
              Field("text", "string", "正文（段落间空一行）", "text (paragraphs separated by a blank line)",
                    lambda s: s.body),
          ), (), (("article_id", "articles", "id"),)),
    Table("captions", "图片说明", "Photo captions",
          lambda: Caption.objects.filter(article__status=ACCEPTED).order_by("article_id", "order"), (
              Field("article_id", "integer", "文章编号", "article identifier", required=True),
              Field("order", "integer", "顺序", "position (from 0)", required=True),
              Field("text", "string", "图片说明", "caption", required=True),
          ), (), (("article_id", "articles", "id"),)),
    Table("article_keywords", "文章关键词", "Keywords of articles",
          lambda: Article.keywords.through.objects.filter(article__status=ACCEPTED).select_related("keyword")
          .order_by("article_id", "keyword__word"), (
              Field("article_id", "integer", "文章编号", "article identifier", required=True),
              Field("keyword", "string", "关键词", "keyword", lambda k: k.keyword.word, required=True),
          ), (), (("article_id", "articles", "id"),)),
    Table("article_hospitals", "文章-医院关联", "Hospitals named by articles",
          lambda: ArticleHospital.objects.filter(status=ACCEPTED, article__status=ACCEPTED, hospital__status=ACCEPTED)
          .order_by("article_id", "hospital_id"), (
              Field("article_id", "integer", "文章编号", "article identifier", required=True),
              Field("hospital_id", "integer", "医院编号", "hospital identifier", required=True),
              Field("role", "string", "关系（subject 报道对象，mentioned 提及）",
                    "role (subject: the article is about it; mentioned)", required=True),
          ), (), (("article_id", "articles", "id"), ("hospital_id", "hospitals", "id"))),
    Table("people", "人物", "People",
          lambda: Person.objects.public().filter(PUBLIC_HOSPITALS).order_by("pk"), (
              ID,
              Field("name", "string", "姓名", "name", required=True),
              Field("hospital_id", "integer", "医院编号", "hospital identifier", required=True),
              Field("role", "string", "职务", "position"),
              Field("aliases", "string", "别名（以“、”分隔）", "other spellings (separated by 、)"),
              Field("url", "string", "网页", "page on the site (path)", _url),
          ), ("id",), (("hospital_id", "hospitals", "id"),)),
    Table("person_mentions", "人物出处", "Where articles name people",
          lambda: PersonMention.objects.filter(person__status=ACCEPTED, person__hospital__status=ACCEPTED,
                                               article__status=ACCEPTED).order_by("person_id", "article_id"), (
              Field("person_id", "integer", "人物编号", "person identifier", required=True),
              Field("article_id", "integer", "文章编号", "article identifier", required=True),
              Field("role", "string", "文中职务", "position as the article gives it"),
              Field("evidence", "string", "原文证据", "sentence of the article"),
          ), (), (("person_id", "people", "id"), ("article_id", "articles", "id"))),
    Table("honours", "荣誉与资质", "Honours, designations and rankings",
          lambda: Honour.objects.public().filter(PUBLIC_HOSPITALS).select_related("person", "article").order_by("pk"), (
              ID,
              Field("name", "string", "名称", "name", required=True),
              Field("year", "integer", "年份", "year"),
              Field("kind", "string", "类别代码", "kind code (honour, designation, ranking)", required=True),
              Field("kind_label", "string", "类别", "kind (Chinese label)", _label(Honour, "kind")),
              Field("level", "string", "级别代码", "level code (national, provincial, municipal, county, other)"),
              Field("level_label", "string", "级别", "level (Chinese label)", _label(Honour, "level")),
              Field("recipient_kind", "string", "获得者类型", "recipient kind (hospital, department, person)"),
              Field("hospital_id", "integer", "医院编号", "hospital identifier", required=True),
              Field("department", "string", "科室", "department"),
              Field("person_id", "integer", "人物编号", "person identifier", lambda h: _public(h.person)),
              Field("article_id", "integer", "来源文章编号", "article identifier", lambda h: _public(h.article)),
              Field("evidence", "string", "原文证据", "sentence of the article"),
              Field("url", "string", "网页", "page on the site (path)", _url),
          ), ("id",), (("hospital_id", "hospitals", "id"),)),
    Table("hospital_facts", "医院事实", "Facts articles state about hospitals",
          lambda: HospitalFact.objects.public().filter(PUBLIC_HOSPITALS).select_related("article")
          .order_by("hospital_id", "kind", "value"), (
              Field("hospital_id", "integer", "医院编号", "hospital identifier", required=True),
              Field("kind", "string", "事实类型", "kind (founded, beds, staff, grade, type, motto, branch)", required=True),
              Field("value", "string", "值", "value", lambda f: f.value_label, required=True),
              Field("article_id", "integer", "来源文章编号", "article identifier", lambda f: _public(f.article)),
              Field("evidence", "string", "原文证据", "sentence of the article"),
          ), (), (("hospital_id", "hospitals", "id"),)),
)


def _value(field: Field, obj):
    value = field.get(obj) if field.get else getattr(obj, field.name)
    if value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def releases_dir() -> Path:
    return Path(settings.RELEASES_DIR)


def next_version(root: Path, today: datetime.date) -> str:
    version, n = today.isoformat(), 1
    while (root / version).exists():
        n += 1
        version = f"{today.isoformat()}-{n}"
    return version


def _schema(table: Table) -> dict:
    schema: dict = {"fields": [
        {"name": f.name, "type": f.type, "title": f"{f.zh} / {f.en}", "description": f"{f.zh}；{f.en}",
         **({"constraints": {"required": True}} if f.required else {})}
        for f in table.fields]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": field, "reference": {"resource": other, "fields": ref}}
                                 for field, other, ref in table.foreign_keys]
    return schema


def build(version: str | None = None, *, root: Path | None = None) -> Path:
    """Writes a release and returns its folder."""
    root = root or releases_dir()
    root.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    version = version or next_version(root, now.date())
    if not VERSION_RE.match(version) or (root / version).exists():
        raise ValueError(f"版本号无效或已存在：{version}")
    work = root / f".{version}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    database = sqlite3.connect(work / SQLITE_NAME)
    resources, counts = [], {}
    for table in TABLES:
        columns = ", ".join(f'"{f.name}" {SQLITE_TYPES[f.type]}' for f in table.fields)
        database.execute(f'CREATE TABLE "{table.name}" ({columns})')
        insert = f'INSERT INTO "{table.name}" VALUES ({", ".join("?" for _ in table.fields)})'
        path = work / f"{table.name}.csv"
        count = 0
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([f.name for f in table.fields])
            for obj in table.rows().iterator(chunk_size=1000):
                values = [_value(f, obj) for f in table.fields]
                writer.writerow(["" if v is None else v for v in values])
                database.execute(insert, values)
                count += 1
        counts[table.name] = count
        resources.append({
            "name": table.name, "path": path.name, "title": f"{table.zh} / {table.en}",
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig", "bytes": path.stat().st_size, "hash": f"sha256:{_sha256(path)}",
            "schema": _schema(table),
        })
    database.commit()
    database.close()
    package = {
        "profile": "tabular-data-package",
        "name": "hospital-features",
        "title": "医院报道数据库 / Hospital features database",
        "description": "公立医院报道整理成的数据：经编辑采用的医院、文章、荣誉与人物。"
                       "Public hospitals in Chinese newspaper features: the records editors accepted.",
        "version": version,
        "created": now.isoformat(timespec="seconds"),
        "licenses": [settings.RELEASE_LICENSE],
        "resources": resources,
    }
    (work / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    sums = [f"{_sha256(work / name)}  {name}" for name in sorted(os.listdir(work))]
    (work / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    target = root / version
    work.rename(target)
    return target


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    size: int
    sha256: str
    url: str


@dataclass(frozen=True)
class Release:
    version: str
    created: str
    files: list[ReleaseFile]
    counts: dict


def list_releases(url_prefix: str) -> list[Release]:
    """The complete releases, newest first, as their own files describe them."""
    root = releases_dir()
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        if not (VERSION_RE.match(folder.name) and (folder / "SHA256SUMS").is_file()):
            continue
        try:
            package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
            sums = dict(reversed(line.split("  ", 1)) for line in
                        (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines() if "  " in line)
        except (OSError, ValueError):
            continue
        files = [ReleaseFile(name, (folder / name).stat().st_size, digest, f"{url_prefix}{folder.name}/{name}")
                 for name, digest in sorted(sums.items(), key=lambda kv: _file_order(kv[0]))
                 if (folder / name).is_file()]
        files.append(ReleaseFile("SHA256SUMS", (folder / "SHA256SUMS").stat().st_size, "",
                                 f"{url_prefix}{folder.name}/SHA256SUMS"))
        counts = {}
        # Row counts are not in the package's standard keys: read them from the SQLite file's tables.
        try:
            with sqlite3.connect(f"file:{folder / SQLITE_NAME}?mode=ro", uri=True) as db:
                for resource in package.get("resources", []):
                    counts[resource["title"]] = db.execute(f'SELECT count(*) FROM "{resource["name"]}"').fetchone()[0]
        except sqlite3.Error:
            pass
        found.append(Release(folder.name, package.get("created", ""), files, counts))
    return sorted(found, key=lambda r: (r.created, r.version), reverse=True)


def _file_order(name: str) -> tuple:
    return ({"datapackage.json": 0, SQLITE_NAME: 1}.get(name, 2), name)
