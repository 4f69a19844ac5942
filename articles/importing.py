"""The import service: files in, records out, editors' corrections untouched.

`import_paths()` finds the files, parses each (pure Python, no database), then writes each file
in its own transaction. Every record remembers the values the importer last wrote
(`import_snapshot`); on a re-import each field is compared three ways:

    current == snapshot  → the editor left it alone: take the new parse
    current != snapshot  → the editor changed it: keep theirs (counted as "kept (edited)")
    record deleted       → a tombstone remembers it: never created again

The `import_seeds` command is a thin shell around this module.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from articles.contract import AnalysedArticle, analyse, file_json
from articles.extraction.names import likely_same_hospital, name_core
from articles.parsing import ParsedFile, parse_bytes
from core import datacache
from core import importcontext
from articles.lexicon import teach_jieba
from hospitals.models import (
    PERSON_ALIAS_SEPARATOR,
    Honour,
    Hospital,
    HospitalAlias,
    HospitalFact,
    Person,
    PersonMention,
    ReviewStatus,
)

from . import search
from .models import Article, ArticleHospital, Caption, Keyword, ReviewItem, Section, Source, SourceFile, Tombstone
from core.natural_keys import alias_key, article_key, fact_key, honour_key, link_key, mention_key, person_key
from .review import file_review_items, forget_held_records, group_held_records, untouched_by_editors

PARSER_VERSION = "5"
# Below this an extracted record waits for an editor before readers see it.
REVIEW_THRESHOLD = 0.8
GRADE_CODES = {"三级甲等": "3A", "三级乙等": "3B", "三级": "3", "二级甲等": "2A", "二级乙等": "2B", "二级": "2", "一级": "1"}


class ImportInputError(Exception):
    """A path or file that cannot be imported; the message names it and says why."""


@dataclass(frozen=True)
class InputFile:
    path: Path  # on disk
    display: str  # as the user named it (the contract's "path")
    key: str  # relative to the import root: the file's identity in the database


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    failed: int = 0
    removed: int = 0  # the importer's own records that a newer parse no longer finds

    def add(self, outcome: str, n: int = 1) -> None:
        setattr(self, outcome, getattr(self, outcome) + n)

    def merge(self, other: "Counts") -> None:
        for name in ("created", "updated", "unchanged", "kept", "failed", "removed"):
            self.add(name, getattr(other, name))

    def summary(self) -> str:
        line = (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.kept} kept (edited), {self.failed} failed")
        return f"{line}, {self.removed} removed" if self.removed else line


@dataclass
class FileResult:
    display: str
    error: str | None = None
    articles: Counts = field(default_factory=Counts)
    records: Counts = field(default_factory=Counts)
    document: dict | None = None
    size: int = 0


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        """Article counts; a file that failed counts once."""
        total = Counts()
        for result in self.files:
            total.merge(result.articles)
            if result.error:
                total.failed += 1
        return total

    @property
    def record_counts(self) -> Counts:
        total = Counts()
        for result in self.files:
            total.merge(result.records)
        return total

    @property
    def failed_files(self) -> list[FileResult]:
        return [r for r in self.files if r.error]

    def document(self) -> dict:
        return {"files": [r.document for r in self.files if r.document is not None]}


# ---------------------------------------------------------------------------------------------
# Finding and reading files


def discover(paths: list[str]) -> tuple[list[InputFile], list[FileResult]]:
    """The .txt files named by `paths` (files or folders, recursively, links not followed into
    loops), sorted by display path; and a failed result for each path that cannot be used."""
    found: dict[str, InputFile] = {}
    problems: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            problems.append(FileResult(raw, error=f"{raw}: no such file or directory"))
            continue
        if path.is_dir():
            files = list(_walk_txt(path))
            if not files:
                problems.append(FileResult(raw, error=f"{raw}: the directory holds no .txt file"))
            for file in files:
                rel = file.relative_to(path).as_posix()
                display = (Path(raw) / rel).as_posix()
                found.setdefault(display, InputFile(file, display, rel))
        elif path.is_file():
            found.setdefault(path.as_posix(), InputFile(path, path.as_posix(), path.name))
        else:
            problems.append(FileResult(raw, error=f"{raw}: not a regular file (broken link or device)"))
    return [found[k] for k in sorted(found)], problems


def _walk_txt(root: Path):
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=False):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                yield Path(folder) / name


def read_file(item: InputFile, limit: int) -> bytes:
    """The file's bytes, refusing what is not a readable regular file or is over the limit."""
    try:
        info = os.stat(item.path)  # follows links; a link loop raises here
    except OSError as exc:
        raise ImportInputError(f"{item.display}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportInputError(f"{item.display}: not a regular file")
    if info.st_size > limit:
        raise ImportInputError(
            f"{item.display}: {info.st_size:,} bytes is over the import limit of {limit:,} bytes (IMPORT_MAX_FILE_BYTES)"
        )
    try:
        with open(item.path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportInputError(f"{item.display}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ImportInputError(f"{item.display}: grew over the import limit of {limit:,} bytes while being read")
    return data


# ---------------------------------------------------------------------------------------------
# Three-way reconciliation


def reconcile(record, new: dict, current: dict) -> tuple[str, dict]:
    """Decide per field what a re-import may change. Returns the outcome ("created" is the
    caller's) and the fields to apply; updates the record's snapshot to the new parse. Where the
    new parse differs from an editor's correction, the correction stays and the difference is
    filed for review (`record._import_conflicts`)."""
    snapshot = record.import_snapshot or {}
    apply, kept = {}, {}
    for name, value in new.items():
        now = current.get(name)
        before = snapshot.get(name, now)
        if now == before:
            if now != value:
                apply[name] = value
        elif now != value:
            kept[name] = {"editor": now, "parser": value}
    record.import_snapshot = {**snapshot, **new}
    record._import_conflicts = kept
    outcome = "kept" if kept else ("updated" if apply else "unchanged")
    return outcome, apply


_ARTICLE_COLUMNS = {"kicker": ["kicker"], "title": ["title"], "subtitle": ["subtitle"], "authors": ["authors"],
                    "editors": ["editors"], "flags": ["flags"], "published": ["published"], "source": ["source"],
                    "span": ["span_start", "span_end"]}


def _article_fields(apply: dict) -> list[str]:
    return [column for name in apply for column in _ARTICLE_COLUMNS.get(name, [])]


def _jsonable(value):
    import json

    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@lru_cache(maxsize=None)
def _history_manager(model):
    # Each `Model.history` access builds a new manager class (inspect.getmembers and all): a
    # noticeable cost when a file's writes ask for it a dozen times.
    return get_history_manager_for_model(model)


def _title_from_lead(lead: str, limit: int = 30) -> str:
    """The lead's first sentence, or its clauses up to `limit` characters: a title cut mid-word
    (免费测量血…) read as a typo on the article list."""
    sentence = re.split(r"(?<=[。！？!?])", lead, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip("。")
    cut = max(sentence.rfind(mark, 0, limit) for mark in "，、；：")
    return (sentence[:cut] if cut >= limit // 3 else sentence[:limit]) + "…"


def _tombstones() -> set[tuple[str, str]]:
    """Every tombstone, read once per file: editors delete few records, and a lookup per
    imported row would cost a query each."""
    return set(Tombstone.objects.values_list("model", "natural_key"))


# ---------------------------------------------------------------------------------------------
# Writing one file


class _FileWriter:
    """Writes one parsed file. Set-based: the file's existing hospitals, keywords and articles are
    read in one query each, and new rows of a kind go in with one insert per article (history
    rows in bulk too); only records that already exist are compared and saved one by one."""

    def __init__(self, result: FileResult, parsed: ParsedFile, key: str, analysed: list[AnalysedArticle], reparse: bool):
        self.result = result
        self.parsed = parsed
        self.key = key
        self.analysed = analysed
        self.reparse = reparse

    def write(self) -> None:
        self.tombstones = _tombstones()
        self.touched_articles: list[Article] = []
        self.article_parts: dict[int, tuple[list, list]] = {}  # sections and captions written here
        # What the search index must hear of: records this file created or changed (one
        # document each), and hospitals that became public (all their documents).
        self.changed: dict[str, list] = {"hospitals": [], "honours": [], "people": [], "whole_hospitals": []}
        self.review: list[dict] = []  # filed in one insert once every target has its id
        self.article: Article | None = None
        self.dropped: set[tuple] = set()  # (model, pk) of what this file retired
        with importcontext.importing(self.key) as context:
            self.context = context
            self._write()
            file_review_items(group_held_records(self.review))
            # One reindex of this file's articles and hospitals, instead of one per save, with
            # the tokens the analysis computed for the texts it saw.
            known = {text: tokens for item in self.analysed for text, tokens in item.index_tokens.items()}
            with importcontext.known_tokens(known):
                unique = {kind: [r for r in {id(r): r for r in records}.values() if not self._was_dropped(r)]
                          for kind, records in self.changed.items()}
                search.index_many(self.touched_articles, self.article_parts, **unique)

    def _create(self, objects: list, model) -> None:
        """Insert new rows with one statement, and their history rows with another (bulk
        inserts skip save() and its signals, so history is written here)."""
        if not objects:
            return
        if not connection.features.can_return_rows_from_bulk_insert:
            bulk_create_with_history(objects, model, default_change_reason=self.context.reason,
                                     default_user=self.context.user)
            return
        model._default_manager.bulk_create(objects)
        _history_manager(model).bulk_history_create(objects, default_change_reason=self.context.reason,
                                                    default_user=self.context.user, default_date=timezone.now())

    def _review(self, kind: str, code: str, **fields) -> None:
        if kind == ReviewItem.Kind.LOW_CONFIDENCE:
            fields.setdefault("article", self.article)
        self.review.append(dict(kind=kind, code=code, **fields))

    def _review_conflicts(self, record, article: Article | None, hospital=None) -> None:
        conflicts = getattr(record, "_import_conflicts", None)
        if conflicts:
            excerpt = "、".join(conflicts)
            self._review(ReviewItem.Kind.CONFLICT, record._meta.label, article=article, hospital=hospital,
                         target=record, excerpt=f"{record}：{excerpt}", detail=_jsonable(conflicts))

    def _write(self) -> None:
        source_file, created = SourceFile.objects.get_or_create(
            path=self.key,
            defaults=dict(sha256=self.parsed.sha256, size=self.parsed.size, encoding=self.parsed.encoding,
                          raw_text=self.parsed.text, parser_version=PARSER_VERSION),
        )
        if not created:
            if source_file.sha256 == self.parsed.sha256 and not self.reparse and source_file.parser_version == PARSER_VERSION:
                n = source_file.articles.count()
                self.result.articles.add("unchanged", n)
                return
            source_file.sha256 = self.parsed.sha256
            source_file.size = self.parsed.size
            source_file.encoding = self.parsed.encoding
            source_file.raw_text = self.parsed.text
            source_file.parser_version = PARSER_VERSION
            source_file.save()
        existing = {} if created else {
            a.position: a for a in Article.objects.select_for_update().filter(source_file=source_file)
        }
        self._prefetch()
        # Hospitals and people that lost a link or mention here: retired at the end of the file if
        # nothing points at them any more (a later article of the file may still name them).
        self.orphan_candidates: dict[str, set[int]] = {"hospitals": set(), "people": set()}
        for item in self.analysed:
            self._write_article(source_file, item, existing.get(item.parsed.position))
        Article.keywords.through.objects.bulk_create(self.keyword_links, ignore_conflicts=True)
        positions = {item.parsed.position for item in self.analysed}
        self._retire_articles([article for position, article in existing.items() if position not in positions])
        self._retire_orphans()

    def _prefetch(self) -> None:
        """The file's hospitals (by name and alias) and keywords that are already stored."""
        names = {name for item in self.analysed for mention in item.entities.hospitals
                 for name in (mention.name, *mention.aliases)}
        self.hospital_by_name: dict[str, Hospital] = {}
        by_pk: dict[int, Hospital] = {}
        for hospital in Hospital.objects.filter(name__in=names):
            self.hospital_by_name[hospital.name] = by_pk[hospital.pk] = hospital
        # A hospital an editor renamed is found by its old name through the alias its rename
        # left (hospitals/signals.py).
        for alias in HospitalAlias.objects.filter(name__in=names).select_related("hospital"):
            self.hospital_by_name.setdefault(alias.name, by_pk.setdefault(alias.hospital_id, alias.hospital))
        self.new_hospital_ids: set[int] = set()  # created by this file: nothing of theirs to look up
        self.people: dict[int, list[Person]] = {}
        self.honours: dict[int, dict[tuple, Honour]] = {}
        self.facts: dict[int, dict[tuple, HospitalFact]] = {}  # also those written by this file's articles
        self.sources: dict[str, Source] = {}
        words = {w[:30] for item in self.analysed for w in item.keywords}
        self.keyword_ids = dict(Keyword.objects.filter(word__in=words).values_list("word", "id"))
        missing = words - self.keyword_ids.keys()
        if missing:
            Keyword.objects.bulk_create([Keyword(word=w) for w in sorted(missing)], ignore_conflicts=True)
            self.keyword_ids.update(Keyword.objects.filter(word__in=missing).values_list("word", "id"))
        self.keyword_links: list = []

    # -- articles ----------------------------------------------------------------------------

    def _write_article(self, source_file: SourceFile, item: AnalysedArticle, article: Article | None) -> None:
        parsed = item.parsed
        key = article_key(source_file.path, parsed.position)
        title = parsed.title
        if not title:
            # No headline found (flagged missing_title): readers still need something to click.
            first = parsed.paragraphs[0].text if parsed.paragraphs else ""
            title = _title_from_lead(first) or f"{source_file.path} 第{parsed.position + 1}篇"
        new = {
            "kicker": parsed.kicker or "",
            "title": title[:200],
            "subtitle": parsed.subtitle or "",
            "source": parsed.source or "",
            "published": parsed.published.isoformat() if parsed.published else None,
            "authors": "、".join(parsed.authors),
            "editors": "、".join(parsed.editors),
            "sections": [[s.label or "", s.heading or "", "\n\n".join(p.text for p in s.paragraphs),
                          {"heading": list(s.heading_span) if s.heading_span else None,
                           "paragraphs": [[list(span) for span in p.spans] for p in s.paragraphs]}]
                         for s in parsed.sections],
            "captions": [[c.text, list(c.span)] for c in parsed.captions],
            "keywords": sorted({w[:30] for w in item.keywords}),
            "span": list(parsed.span),
            "flags": [f.as_json() for f in parsed.flags],
        }
        if article is None:
            if ("articles.Article", key) in self.tombstones:
                self.result.articles.add("kept")
                return
            article = Article(source_file=source_file, position=parsed.position, title=new["title"])
            self._apply_article(article, new)
            article.import_snapshot = new
            article.save()
            self._apply_article_relations(article, new, created=True)
            applied = new
            outcome = "created"
        else:
            current = self._article_state(article)
            outcome, applied = reconcile(article, new, current)
            self._apply_article(article, applied)
            # Only what the import changes is written: an editor's concurrent save of other
            # fields is not overwritten.
            article.save(update_fields=_article_fields(applied) + ["import_snapshot", "updated"])
            self._apply_article_relations(article, applied, created=False)
            self._review_conflicts(article, article)
        self.result.articles.add(outcome)
        self.touched_articles.append(article)
        self.article = article  # what held records are grouped under
        hospital = self._write_entities(article, item, created=outcome == "created")
        for flag in parsed.flags:
            self._review(ReviewItem.Kind.FLAG, flag.kind, article=article, hospital=hospital, excerpt=flag.excerpt,
                         detail={"span": list(flag.span) if flag.span else None})

    @staticmethod
    def _article_state(article: Article) -> dict:
        return {
            "kicker": article.kicker,
            "title": article.title,
            "subtitle": article.subtitle,
            "source": article.source.name if article.source_id else "",
            "published": article.published.isoformat() if article.published else None,
            "authors": article.authors,
            "editors": article.editors,
            "sections": [[s.label, s.heading, s.body, s.spans] for s in article.sections.order_by("order")],
            "captions": [[c.text, [c.span_start, c.span_end]] for c in article.captions.order_by("order")],
            "keywords": sorted(article.keywords.values_list("word", flat=True)),
            "span": [article.span_start, article.span_end],
            "flags": article.flags,
        }

    def _apply_article(self, article: Article, apply: dict) -> None:
        for name in ("kicker", "title", "subtitle", "authors", "editors", "flags"):
            if name in apply:
                setattr(article, name, apply[name])
        if "published" in apply:
            article.published = apply["published"]
        if "source" in apply:
            article.source = self._source(apply["source"]) if apply["source"] else None
        if "span" in apply:
            article.span_start, article.span_end = apply["span"]

    def _source(self, name: str) -> Source:
        if name not in self.sources:
            self.sources[name] = Source.objects.get_or_create(name=name)[0]
        return self.sources[name]

    def _apply_article_relations(self, article: Article, apply: dict, *, created: bool) -> None:
        sections = captions = None
        if "sections" in apply:
            if not created:
                article.sections.all().delete()
            sections = [Section(article=article, order=i, label=label, heading=heading, body=body, spans=spans)
                        for i, (label, heading, body, spans) in enumerate(apply["sections"])]
            self._create(sections, Section)
        if "captions" in apply:
            if not created:
                article.captions.all().delete()
            captions = [Caption(article=article, order=i, text=text[:200], span_start=span[0], span_end=span[1])
                        for i, (text, span) in enumerate(apply["captions"])]
            self._create(captions, Caption)
        if created:
            self.article_parts[article.pk] = (sections or [], captions or [])
        if "keywords" in apply:
            ids = [self.keyword_ids[w] for w in apply["keywords"]]
            if created:
                self.keyword_links += [Article.keywords.through(article_id=article.pk, keyword_id=i) for i in ids]
            else:
                article.keywords.set(ids)

    # -- hospitals, people, honours --------------------------------------------------------

    def _hospital(self, name: str, *, subject: bool, new: list[Hospital], confidence: float = 0.9) -> Hospital | None:
        """The hospital a name refers to (by official name or alias), or a new one, unsaved. Only
        a subject whose name is well formed (`confidence`) is published without an editor."""
        public = subject and confidence >= REVIEW_THRESHOLD
        hospital = self.hospital_by_name.get(name)
        if hospital is not None:
            if public and hospital.pk and hospital.status == ReviewStatus.PENDING and hospital.import_snapshot \
                    and hospital.import_snapshot.get("status") == ReviewStatus.PENDING:
                # First seen as a mere mention, now an article is about it: readers may see it.
                hospital.status = ReviewStatus.ACCEPTED
                hospital.import_snapshot = {**hospital.import_snapshot, "status": ReviewStatus.ACCEPTED}
                hospital.save(update_fields=["status", "import_snapshot", "updated"])
                self.changed["whole_hospitals"].append(hospital)
            self.result.records.add("unchanged")
            return hospital
        if ("hospitals.Hospital", name) in self.tombstones:
            self.result.records.add("kept")
            return None
        status = ReviewStatus.ACCEPTED if public else ReviewStatus.PENDING
        hospital = Hospital(name=name, status=status, confidence=min(confidence, 0.9 if subject else 0.6),
                            import_snapshot={"name": name, "status": status})
        self.hospital_by_name[name] = hospital
        new.append(hospital)
        self.changed["hospitals"].append(hospital)
        if status == ReviewStatus.PENDING and subject:
            # A subject held back is a decision; a hospital only mentioned in passing is a pending
            # record an editor finds under 待审核, not an item of its own (299 of 1,775 on the
            # real corpus).
            self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Hospital", target=hospital,
                         excerpt=f"名称不完整或不够明确的医院：{name}")
        self.result.records.add("created")
        return hospital

    def _write_entities(self, article: Article, item: AnalysedArticle, *, created: bool) -> Hospital | None:
        entities = item.entities
        # The records this parse of the article yields, by identity; on a re-import the article's
        # other records are ones a newer parse no longer finds (`_retire_parts`).
        self.produced: dict[str, set] = {"links": set(), "mentions": set(), "facts": set(), "honours": set()}
        hospitals: dict[str, Hospital] = {}
        new_hospitals: list[Hospital] = []
        for mention in entities.hospitals:
            hospital = self._hospital(mention.name, subject=mention.subject, new=new_hospitals,
                                      confidence=mention.confidence)
            if hospital is not None:
                hospitals[mention.name] = hospital
        subjects = [(mention, hospitals[mention.name]) for mention in entities.hospitals
                    if mention.subject and mention.name in hospitals]
        # Profiles first, so a new hospital is inserted with its place and facts in one row.
        new_aliases = [alias for mention, hospital in subjects for alias in self._profile(hospital, mention, entities.facts, article)]
        self._create(new_hospitals, Hospital)
        self.new_hospital_ids.update(h.pk for h in new_hospitals)
        for hospital in new_hospitals:
            self._suggest_duplicates(hospital)
        self._create(new_aliases, HospitalAlias)
        self._write_links(article, entities, hospitals, created=created)
        self._write_facts(subjects, entities.facts, article)

        default = hospitals.get(entities.subject_hospitals[0]) if entities.subject_hospitals else None
        people = self._write_people(article, entities, hospitals, default, created=created)
        if default is not None:
            self._write_honours(article, default, people, entities.honours)
        if not created:
            self._retire_parts(article)
        return default

    def _suggest_duplicates(self, hospital: Hospital) -> None:
        """A new hospital whose name says what another's says (`长沙湘雅三医院`, `中南大学湘雅三医院`)
        is filed as a suggested duplicate: an editor merges the two or says they differ, and a
        pair they rejected is not suggested again (the item keeps its fingerprint)."""
        core = name_core(hospital.name)
        if len(core) < 4:
            return
        for pk, name in Hospital.objects.filter(name__endswith=core).exclude(pk=hospital.pk).values_list("pk", "name")[:20]:
            if likely_same_hospital(hospital.name, name):
                pair = sorted([hospital.name, name])
                # Tied to neither hospital: a rejection must outlive them (deleted, merged, created again).
                self._review(ReviewItem.Kind.DUPLICATE, "hospitals.Hospital",
                             excerpt=f"{pair[0]} 与 {pair[1]} 可能是同一家医院", detail={"names": pair})

    def _write_links(self, article: Article, entities, hospitals: dict[str, Hospital], *, created: bool) -> None:
        links = {} if created else {link.hospital_id: link for link in article.hospital_links.all()}
        new_links: dict[int, ArticleHospital] = {}
        unlinked: set[int] = set()  # links an editor deleted
        for mention in entities.hospitals:
            hospital = hospitals.get(mention.name)
            if hospital is None or hospital.pk in unlinked:
                continue
            self.produced["links"].add(hospital.pk)
            role = ArticleHospital.Role.SUBJECT if mention.subject else ArticleHospital.Role.MENTIONED
            link = links.get(hospital.pk)
            if link is None:
                link = new_links.get(hospital.pk)
                if link is None:
                    if self._deleted("articles.ArticleHospital", lambda name: link_key(self._article_key(article), name),
                                     hospital.name, mention.name):
                        unlinked.add(hospital.pk)
                        self.result.records.add("kept")
                        continue
                    new_links[hospital.pk] = ArticleHospital(
                        article=article, hospital=hospital, role=role, import_snapshot={"role": role},
                        confidence=0.9 if mention.subject else 0.6)
                elif mention.subject:
                    # Named twice (by name and by alias): being the subject outranks a mention.
                    link.role = ArticleHospital.Role.SUBJECT
                    link.import_snapshot = {"role": link.role}
                continue
            self._update(link, {"role": role})
        self._create(list(new_links.values()), ArticleHospital)

    def _article_key(self, article: Article) -> str:
        return article_key(self.key, article.position)

    def _profile(self, hospital: Hospital, mention, facts, article: Article) -> list[HospitalAlias]:
        """Place, aliases and hard facts of a subject hospital. Only values the article gives are
        proposed, and only fields no editor has changed take them. Returns the new aliases."""
        aliases = []
        for alias in mention.aliases:
            # A name that is already a hospital's or an alias stays as it is; an alias an editor
            # deleted stays deleted.
            if alias not in self.hospital_by_name and not self._deleted(
                    "hospitals.HospitalAlias", lambda name: alias_key(name, alias), hospital.name, mention.name):
                self.hospital_by_name[alias] = hospital
                aliases.append(HospitalAlias(name=alias, hospital=hospital))
                self.changed["hospitals"].append(hospital)
        new = {}
        if mention.place:
            new.update(province=mention.place.province, city=mention.place.city, district=mention.place.district,
                       division_code=mention.place.code)
        for fact in facts:
            if fact.confidence < REVIEW_THRESHOLD:
                continue
            if fact.kind == "founded":
                new["founded_year"] = int(fact.value)
            elif fact.kind in ("beds", "staff"):
                new[fact.kind] = int(fact.value)
            elif fact.kind == "grade":
                new["grade"] = GRADE_CODES.get(fact.value, "")
            elif fact.kind == "type":
                new["type"] = fact.value
            elif fact.kind == "motto":
                new["motto"] = fact.value[:100]
        new = {key: value for key, value in new.items() if value not in ("", None)}
        if not new:
            return aliases
        self._update(hospital, new, "hospitals")
        self._review_conflicts(hospital, article, hospital)
        return aliases

    def _update(self, record, new: dict, kind: str | None = None) -> str:
        """Reconcile a record with the new parse and save only the fields that change (a record
        still waiting for its insert just takes them); `kind` names it for the search index.
        Returns the outcome."""
        before = record.import_snapshot
        outcome, apply = reconcile(record, new, {name: getattr(record, name) for name in new})
        for name, value in apply.items():
            setattr(record, name, value)
        if record.pk is not None and (apply or record.import_snapshot != before):
            record.save(update_fields=[*apply, "import_snapshot", "updated"])
            if kind:
                self.changed[kind].append(record)
        return outcome

    def _deleted(self, model: str, key: Callable[[str], str], *hospital_names: str) -> bool:
        """Whether an editor deleted the record keyed by `key(hospital name)`: under the hospital's
        name, or under the article's name for it if an editor renamed the hospital since."""
        return any((model, key(name)) in self.tombstones for name in set(filter(None, hospital_names)))

    def _write_facts(self, subjects: list[tuple], facts, article: Article) -> None:
        if not facts or not subjects:
            return
        # Loaded once per file and hospital, and kept up to date with what this file writes: a
        # second article about a hospital states the same facts (re-inserting them broke the file).
        lookup = {h.pk for _, h in subjects if h.pk not in self.facts and h.pk not in self.new_hospital_ids}
        for _, hospital in subjects:
            self.facts.setdefault(hospital.pk, {})
        if lookup:
            for record in HospitalFact.objects.filter(hospital__in=lookup):
                self.facts[record.hospital_id][(record.hospital_id, record.kind, record.value)] = record
        new_facts = []
        for mention, hospital in subjects:
            known = self.facts[hospital.pk]
            for fact in facts:
                key = (hospital.pk, fact.kind, fact.value[:100])
                self.produced["facts"].add(key)
                status = ReviewStatus.ACCEPTED if fact.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
                if key in known:
                    self._republish(known[key], status)
                    continue
                if self._deleted("hospitals.HospitalFact", lambda name: fact_key(name, *key[1:]), hospital.name,
                                 mention.name):
                    continue
                record = known[key] = HospitalFact(
                    hospital=hospital, kind=fact.kind, value=fact.value[:100], article=article, evidence=fact.sentence,
                    confidence=fact.confidence, status=status, import_snapshot={"value": fact.value})
                new_facts.append(record)
                if status == ReviewStatus.PENDING:
                    self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.HospitalFact", article=article,
                                 hospital=hospital, target=record, excerpt=f"{record}：{fact.sentence[:80]}")
        self._create(new_facts, HospitalFact)

    def _people_of(self, hospitals: list[Hospital]) -> None:
        """Load, in one query, the people of the hospitals not seen yet in this file."""
        wanted = {h.pk for h in hospitals if h.pk not in self.people}
        for pk in wanted:
            self.people[pk] = []
        lookup = wanted - self.new_hospital_ids
        if lookup:
            for person in Person.objects.filter(hospital__in=lookup).order_by("name", "pk"):
                self.people[person.hospital_id].append(person)

    def _write_people(self, article: Article, entities, hospitals: dict[str, Hospital], default: Hospital | None,
                      *, created: bool) -> dict[str, Person]:
        found = []
        for mention in entities.people:
            hospital = hospitals.get(mention.hospital or "") or default
            if hospital is not None:
                found.append((mention, hospital))
        if not found:
            return {}
        self._people_of([hospital for _, hospital in found])
        people: dict[str, Person] = {}
        new_people: list[Person] = []
        for mention, hospital in found:
            person = self._person(hospital, mention, new_people)
            if person is not None:
                people[mention.name] = person
        self._create(new_people, Person)
        mentioned = set() if created else set(article.person_mentions.values_list("person_id", flat=True))
        new_mentions = []
        self.produced["mentions"].update(person.pk for person in people.values())
        for mention, hospital in found:
            person = people.get(mention.name)
            if person is not None and person.pk not in mentioned:
                mentioned.add(person.pk)
                # Under the names of the deletion's time: the hospital's and the person's may both
                # have been corrected since.
                hospital_names = (hospital.name, mention.hospital or next(iter(entities.subject_hospitals), ""))
                if any(self._deleted("hospitals.PersonMention",
                                     lambda name: mention_key(self._article_key(article), name, person_name),
                                     *hospital_names) for person_name in {person.name, mention.name}):
                    self.result.records.add("kept")
                    continue
                new_mentions.append(PersonMention(person=person, article=article, role=mention.role,
                                                  evidence=mention.evidence.sentence))
        self._create(new_mentions, PersonMention)
        return people

    def _person(self, hospital: Hospital, mention, new_people: list[Person]) -> Person | None:
        known = self.people[hospital.pk]
        person = next((p for p in known if p.name == mention.name), None) \
            or next((p for p in known if mention.name in p.aliases.split(PERSON_ALIAS_SEPARATOR)), None)
        new = {"name": mention.name, "role": mention.role}
        if person is None:
            if ("hospitals.Person", person_key(hospital.name, mention.name)) in self.tombstones:
                self.result.records.add("kept")
                return None
            status = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            person = Person(hospital=hospital, name=mention.name, role=mention.role, status=status,
                            confidence=mention.confidence, import_snapshot=new)
            known.append(person)
            new_people.append(person)
            self.changed["people"].append(person)
            if status == ReviewStatus.PENDING:
                self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Person", hospital=hospital, target=person,
                             excerpt=f"{mention.name}（{mention.role}）：{mention.evidence.sentence[:80]}")
            self.result.records.add("created")
            return person
        snapshot_role = (person.import_snapshot or {}).get("role", "")
        if len(mention.role) <= len(snapshot_role) and snapshot_role:
            # Another article naming the same person with a shorter title adds nothing.
            self.result.records.add("unchanged")
            return person
        before = person.import_snapshot
        outcome, apply = reconcile(person, new, {"name": person.name, "role": person.role})
        if "role" in apply:
            person.role = apply["role"]
        person._import_conflicts.pop("name", None)  # found under another spelling: an alias, no conflict
        if person.pk is not None and ("role" in apply or person.import_snapshot != before):
            person.save(update_fields=[*(["role"] if "role" in apply else []), "import_snapshot", "updated"])
            self.changed["people"].append(person)
        self._review_conflicts(person, None, hospital)
        self.result.records.add(outcome)
        return person

    def _write_honours(self, article: Article, hospital: Hospital, people: dict[str, Person], mentions) -> None:
        if not mentions:
            return
        if hospital.pk not in self.honours:
            self.honours[hospital.pk] = {} if hospital.pk in self.new_hospital_ids else {
                (h.department, h.person_id, h.name, h.year): h for h in Honour.objects.filter(hospital=hospital)
            }
        known = self.honours[hospital.pk]
        new_honours = []
        for mention in mentions:
            person = people.get(mention.recipient) if mention.recipient_kind == "person" else None
            recipient_kind = mention.recipient_kind if (mention.recipient_kind != "person" or person) else "hospital"
            department = mention.recipient if recipient_kind == "department" else ""
            key = (department, person.pk if person else None, mention.name, mention.year)
            self.produced["honours"].add((hospital.pk, *key))
            existing = known.get(key)
            new = {"name": mention.name, "year": mention.year, "level": mention.level, "kind": mention.kind}
            if existing is not None and "status" in (existing.import_snapshot or {}):
                # Retired by an earlier parse (`_retire_parts`), found again: public again, unless
                # an editor has decided its status since.
                new["status"] = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            if existing is not None:
                outcome = self._update(existing, new, "honours")
                self._review_conflicts(existing, article, hospital)
                self.result.records.add(outcome)
                continue
            natural = honour_key(hospital.name, department, person.name if person else "", mention.name, mention.year)
            if ("hospitals.Honour", natural) in self.tombstones:
                self.result.records.add("kept")
                continue
            status = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            honour = known[key] = Honour(
                hospital=hospital, department=department, person=person, recipient_kind=recipient_kind,
                article=article, evidence=mention.evidence.sentence, confidence=mention.confidence, status=status,
                import_snapshot=new, **new,
            )
            new_honours.append(honour)
            self.changed["honours"].append(honour)
            if status == ReviewStatus.PENDING:
                self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Honour", article=article, hospital=hospital,
                             target=honour, excerpt=f"{honour}：{mention.evidence.sentence[:80]}")
            self.result.records.add("created")
        self._create(new_honours, Honour)

    # -- what a newer parse no longer finds ------------------------------------------------
    # A record only the importer ever wrote (`untouched_by_editors`) that the new parse of its
    # article no longer yields was the parser's mistake, or the file changed: an article's links
    # and mentions go, honours and facts (which other articles may also state) leave the public
    # pages for an editor to decide. A record an editor touched stays as it is, with a review item.

    @staticmethod
    def _lock(model, pks) -> set:
        """Lock rows before deciding from their history or their references whether they are the
        importer's alone (PostgreSQL; SQLite lets one writer in at a time): an editor's save in
        flight commits first and then shows in what is read next, or waits for this file's
        transaction; so does a new link to a locked hospital. Returns the pks still there."""
        if not pks:
            return set()
        return set(model.objects.select_for_update().filter(pk__in=pks).values_list("pk", flat=True))

    def _untouched(self, model, records: list, state=None) -> list:
        present = self._lock(model, [r.pk for r in records])
        return untouched_by_editors(model, [r for r in records if r.pk in present], state)

    def _republish(self, record, status: str) -> None:
        """A record an earlier parse retired (its snapshot holds the status given then), found again."""
        if record is not None and "status" in (record.import_snapshot or {}):
            self._update(record, {"status": status})

    def _retire_parts(self, article: Article) -> None:
        produced = self.produced
        links = [link for link in article.hospital_links.select_related("hospital")
                 if link.hospital_id not in produced["links"]]
        mentions = [mention for mention in article.person_mentions.select_related("person__hospital")
                    if mention.person_id not in produced["mentions"]]
        facts = [fact for fact in HospitalFact.objects.filter(article=article).select_related("hospital")
                 if (fact.hospital_id, fact.kind, fact.value) not in produced["facts"]]
        honours = [honour for honour in Honour.objects.filter(article=article).select_related("hospital")
                   if (honour.hospital_id, honour.department, honour.person_id, honour.name, honour.year)
                   not in produced["honours"]]
        self._delete_or_review(article, ArticleHospital, links, lambda link: (link.hospital, link.hospital.name))
        self._delete_or_review(article, PersonMention, mentions,
                               lambda mention: (mention.person.hospital, mention.person.name))
        self._unpublish_or_review(article, HospitalFact, facts)
        self._unpublish_or_review(article, Honour, honours)

    def _delete_or_review(self, article: Article, model, records: list, describe) -> None:
        """`describe(record)`: the hospital it belongs to and the name the article no longer gives."""
        if not records:
            return
        untouched = self._untouched(model, records)
        for record in records:
            if record not in untouched:
                hospital, name = describe(record)
                self._review(ReviewItem.Kind.STALE, model._meta.label, article=article, hospital=hospital,
                             target=record, excerpt=f"文章不再提及{name}；编辑改过，保留")
                self.result.records.add("kept")
        if untouched:
            self.orphan_candidates["hospitals"].update(getattr(r, "hospital_id", None) for r in untouched)
            self.orphan_candidates["people"].update(getattr(r, "person_id", None) for r in untouched)
            with importcontext.retiring():
                model.objects.filter(pk__in=[r.pk for r in untouched]).delete()
            self.result.records.add("removed", len(untouched))

    def _unpublish_or_review(self, article: Article, model, records: list) -> None:
        records = [r for r in records if r.status != ReviewStatus.PENDING]  # already off the public pages
        if not records:
            return
        untouched = self._untouched(model, records)
        for record in records:
            if record in untouched:
                record.status = ReviewStatus.PENDING
                record.import_snapshot = {**record.import_snapshot, "status": ReviewStatus.PENDING}
                record.save(update_fields=["status", "import_snapshot", "updated"])
                if model is Honour:
                    self.changed["honours"].append(record)
                self.result.records.add("removed")
                excerpt = f"文章不再有：{record}；已转为待审核"
            else:
                excerpt = f"文章不再有：{record}；编辑改过，保留"
                self.result.records.add("kept")
            self._review(ReviewItem.Kind.STALE, model._meta.label, article=article, hospital=record.hospital,
                         target=record, excerpt=excerpt)

    def _retire_articles(self, articles: list[Article]) -> None:
        """Articles at positions the file no longer has (it changed, or the parser now splits it
        otherwise): deleted with their parts if nobody but the importer wrote them or their links
        and mentions, else kept with a review item."""
        if not articles:
            return
        untouched = untouched_by_editors(Article, articles, state=self._article_state)  # locked in `_write`
        for article in articles:
            links, mentions = list(article.hospital_links.all()), list(article.person_mentions.all())
            whole = article in untouched and len(self._untouched(ArticleHospital, links)) == len(links) \
                and len(self._untouched(PersonMention, mentions)) == len(mentions)
            if not whole:
                self._review(ReviewItem.Kind.STALE, "articles.Article", article=article, target=article,
                             excerpt="文件中已没有这篇文章；编辑改过，保留")
                self.result.articles.add("kept")
                continue
            self.produced = {"links": set(), "mentions": set(), "facts": set(), "honours": set()}
            self._retire_parts(article)  # links and mentions go, its honours and facts leave the pages
            self._forget(Article, [article.pk])
            with importcontext.retiring():
                search.remove({"article_id": article.pk})
                article.delete()  # its review items with it
            self.result.articles.add("removed")

    def _retire_orphans(self) -> None:
        """People and hospitals the importer made that no article names any more: a person with
        no mention and no honour; a hospital no article links, with everything attached to it
        (aliases, facts, honours, people), if nobody but the importer wrote any of it. No other
        article can state that hospital's facts or honours: it would link the hospital."""
        person_ids = self._lock(Person, self.orphan_candidates["people"] - {None})
        people = untouched_by_editors(Person, list(Person.objects.filter(
            pk__in=person_ids, mentions__isnull=True, honours__isnull=True)))
        if people:
            self._drop(Person, people)
            self.changed["whole_hospitals"] += Hospital.objects.filter(pk__in={p.hospital_id for p in people},
                                                                       status=ReviewStatus.ACCEPTED)
        hospital_ids = self._lock(Hospital, (self.orphan_candidates["hospitals"] | {p.hospital_id for p in people}) - {None})
        hospitals = untouched_by_editors(Hospital, list(Hospital.objects.filter(pk__in=hospital_ids,
                                                                                  article_links__isnull=True)))
        if not hospitals:
            return
        kept = set(PersonMention.objects.filter(person__hospital__in=hospitals).values_list("person__hospital_id",
                                                                                           flat=True))
        attached: dict = {}
        for model in (HospitalAlias, HospitalFact, Honour, Person):
            records = list(model.objects.filter(hospital__in=hospitals))
            untouched = {r.pk for r in self._untouched(model, records)}
            kept |= {r.hospital_id for r in records if r.pk not in untouched}
            attached[model] = records
        gone = {h.pk for h in hospitals} - kept
        if not gone:
            return
        self._drop(Person, [p for p in attached[Person] if p.hospital_id in gone])
        self.hospital_by_name = {name: h for name, h in self.hospital_by_name.items() if h.pk not in gone}
        search.remove({"hospital_id__in": gone})
        # Its aliases, facts and honours go with it.
        self.result.records.add("removed", sum(r.hospital_id in gone for model in (HospitalAlias, HospitalFact, Honour)
                                               for r in attached[model]))
        self._drop(Hospital, [h for h in hospitals if h.pk in gone])

    def _was_dropped(self, record) -> bool:
        return (type(record), record.pk) in self.dropped or (Hospital, getattr(record, "hospital_id", None)) in self.dropped

    def _forget(self, model, pks: list) -> None:
        """Records this file retires: the review items it was about to file on them (or on a
        retired hospital's parts) and their search documents have nothing to point at."""
        self.dropped.update((model, pk) for pk in pks)
        self.review = [spec for spec in self.review
                       if not any(self._was_dropped(spec[name]) for name in ("article", "hospital", "target")
                                  if spec.get(name) is not None)]

    def _drop(self, model, records: list) -> None:
        if not records:
            return
        pks = [r.pk for r in records]
        self._forget(model, pks)
        with importcontext.retiring():
            ReviewItem.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks,
                                      status=ReviewItem.Status.OPEN).delete()
            forget_held_records(model, pks, self.key)
            if model is Person:
                search.remove({"kind": "person", "object_id__in": pks})
            model.objects.filter(pk__in=pks).delete()
        self.result.records.add("removed", len(pks))



# ---------------------------------------------------------------------------------------------
# Entry point


# One lock for every import's write transactions: two imports running at once interleave file by
# file, each seeing what the other committed, instead of racing to create the same records.
IMPORT_LOCK_ID = 0x486F7370  # "Hosp"
WRITE_ATTEMPTS = 5


def _take_import_lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])
    # SQLite: transactions open with BEGIN IMMEDIATE (settings), which takes the write lock.


def _write_with_retries(result: FileResult, parsed: ParsedFile, item: InputFile, analysed, *, reparse: bool,
                        dry_run: bool) -> None:
    """Write one file in one transaction. A race lost to a concurrent writer (a unique
    constraint, a lock timeout, a deadlock) rolls the file back and tries it again."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        result.articles, result.records = Counts(), Counts()
        try:
            with transaction.atomic():
                _take_import_lock()
                _FileWriter(result, parsed, item.key, analysed, reparse).write()
                if dry_run:
                    transaction.set_rollback(True)
            return
        except (IntegrityError, OperationalError) as exc:
            if attempt == WRITE_ATTEMPTS:
                result.error = f"{item.display}: could not be written ({exc}); nothing from it was kept"
                result.articles, result.records = Counts(), Counts()
                return
            time.sleep(0.1 * attempt)


def _unchanged_articles(item: InputFile, data: bytes) -> int | None:
    digest = hashlib.sha256(data).hexdigest()
    source_file = SourceFile.objects.filter(path=item.key, sha256=digest, parser_version=PARSER_VERSION).first()
    return source_file.articles.count() if source_file else None


def database_ready() -> bool:
    return Article._meta.db_table in connection.introspection.table_names()


def _analyse_file(item: InputFile, limit: int) -> tuple:
    """Read, decode, parse and analyse one file: the pure part of an import, run in worker
    processes when there are several."""
    try:
        data = read_file(item, limit)
    except ImportInputError as exc:
        return item, 0, None, [], str(exc)
    parsed = parse_bytes(item.display, data)
    if parsed.error:
        return item, len(data), parsed, [], f"{item.display}: {parsed.error}"
    return item, len(data), parsed, [analyse(a) for a in parsed.articles], None


def _worker_init(names: list[str], parent_pid: int) -> None:
    from articles.extraction.segmenter import add_words
    from core.forking import die_with_parent

    # An import killed (kill -9, SIGTERM) must not leave workers waiting for files forever.
    die_with_parent(parent_pid)
    add_words(names)


def _analysed_in_order(items: list[InputFile], limit: int, workers: int):
    """(item, size, parsed, analysed, error) per file, in input order. With several workers the
    files are analysed in forked processes (jieba is loaded before the fork and shared), at most
    a few files ahead of the writer, so memory does not grow with the corpus."""
    if workers <= 1 or len(items) < 2:
        for item in items:
            yield _analyse_file(item, limit)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from articles.extraction.segmenter import warm_up
    from hospitals.models import Hospital as _Hospital
    from hospitals.models import HospitalAlias

    warm_up()
    names = list(_Hospital.objects.values_list("name", flat=True)) + list(HospitalAlias.objects.values_list("name", flat=True))
    context = multiprocessing.get_context("fork")
    # The workers forget the database connection they inherit (core/forking.py): it stays the
    # parent's, so its session, transaction and import lock end with the parent.
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                             initargs=(names, os.getpid())) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(_analyse_file, item, limit))
            if len(pending) >= workers * 3:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def import_paths(
    paths: list[str],
    *,
    dry_run: bool = False,
    reparse: bool = False,
    want_document: bool = False,
    progress: Callable[[FileResult], None] | None = None,
    workers: int = 1,
) -> ImportReport:
    """Import every file under `paths`. Each file is written in its own transaction; a file that
    fails leaves the database as it was and the others still import. With `dry_run` nothing is
    kept: the writes run and are rolled back, so the counts say what an import would do (or,
    before the first migrate, only the parse runs)."""
    report = ImportReport()
    inputs, problems = discover(paths)
    for problem in problems:
        if want_document:
            problem.document = {"path": problem.display, "sha256": None, "encoding": None, "error": problem.error,
                                "articles": []}
        report.files.append(problem)
        if progress:
            progress(problem)
    write = not dry_run or database_ready()
    if write:
        teach_jieba()
    limit = settings.IMPORT_MAX_FILE_BYTES
    refresh = _PageRefresh(settings.IMPORT_PAGE_REFRESH_SECONDS)
    to_parse: list[InputFile] = []
    for item in inputs:
        if write and not reparse and not want_document:
            try:
                data = read_file(item, limit)
            except ImportInputError:
                data = None
            unchanged = _unchanged_articles(item, data) if data is not None else None
            if unchanged is not None:
                # Same bytes, same parser: nothing to parse, nothing to write.
                result = FileResult(item.display, size=len(data))
                result.articles.add("unchanged", unchanged)
                report.files.append(result)
                if progress:
                    progress(result)
                continue
        to_parse.append(item)
    with refresh, _checkpoints_spaced():
        for item, size, parsed, analysed, error in _analysed_in_order(to_parse, limit, workers):
            result = FileResult(item.display, error=error, size=size)
            if want_document:
                result.document = (
                    file_json(parsed, item.display, analysed) if parsed is not None
                    else {"path": item.display, "sha256": None, "encoding": None, "error": result.error,
                          "articles": []}
                )
            if parsed is not None and not parsed.error and write:
                _write_with_retries(result, parsed, item, analysed, reparse=reparse, dry_run=dry_run)
                if not dry_run and not result.error:
                    refresh.written()
            elif parsed is not None and not parsed.error:
                result.articles.add("created", len(analysed))
            report.files.append(result)
            if progress:
                progress(result)
    report.files.sort(key=lambda r: r.display)
    if write and not dry_run and (report.counts.created or report.counts.updated):
        refresh_planner_statistics()
    return report


# SQLite copies the write-ahead log back into the database every 1,000 pages by default; an
# import commits a file at a time, touching the same index and full-text pages file after file,
# so spacing the copies out writes each hot page once per 40 MB instead of every few files.
IMPORT_WAL_AUTOCHECKPOINT = 10_000


@contextmanager
def _checkpoints_spaced():
    previous = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            if cursor.fetchone()[0] == "wal":  # the test suite's in-memory database has no log
                cursor.execute("PRAGMA wal_autocheckpoint")
                previous = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_AUTOCHECKPOINT}")
    try:
        yield
    finally:
        if previous is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA wal_autocheckpoint = {int(previous)}")
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the log back to its usual size


class _PageRefresh:
    """When readers' cached page aggregates learn of what the import committed: at most every
    `interval` seconds while it runs, and once when it ends. A bump per file made every reader
    recompute the totals, facets and rankings (up to 0.3 s at 10,000 articles) after every file
    of a long import; the rows themselves show as soon as their file commits."""

    def __init__(self, interval: float):
        self.interval = interval
        self.pending = False
        self.last = time.monotonic()

    def written(self) -> None:
        self.pending = True
        if time.monotonic() - self.last >= self.interval:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            spent = datacache.bump()  # computes the main pages' aggregates: a share of the import at most
            if share := settings.IMPORT_PAGE_REFRESH_SHARE:
                self.interval = max(self.interval, spent / share)
            self.pending = False
        self.last = time.monotonic()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.flush()  # also when the import stops half-way: what it committed is there


def refresh_planner_statistics() -> None:
    """Let SQLite's query planner know the tables' sizes and selectivities after an import.
    Without statistics it reads "the public people of this hospital" through the status index,
    every accepted person, because that index also gives the order; with them it takes the
    hospital's. PostgreSQL's autovacuum keeps its own statistics."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")  # sampled: seconds, not minutes, on gigabytes
            cursor.execute("ANALYZE")
