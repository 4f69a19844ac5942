"""Everything the import knows while it writes one file, in one place.

A `FileState` is made once per file write (`FileState.start`), before anything is read, and
`load()` fills what the file's articles need from the database, one query per kind. The
writers (ingest/writers/) and the retiring (ingest/retire.py) read and grow it; nothing of it
outlives the file's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.models import Article, Keyword, Source, Tombstone
from core import bulk
from core.importcontext import ImportContext
from hospitals.models import Honour, Hospital, HospitalAlias, HospitalFact, Person

from .contract import AnalysedArticle
from .report import FileResult


def produced() -> dict[str, set]:
    return {"links": set(), "mentions": set(), "facts": set(), "honours": set()}


@dataclass
class FileState:
    # What is written: the file as parsed and analysed, under its key (its path from the root).
    key: str
    parsed: object  # articles.parsing.ParsedFile
    analysed: list[AnalysedArticle]
    reparse: bool
    result: FileResult  # its counts
    context: ImportContext | None = None  # the import context of its write (core/importcontext.py)
    importer: object = None  # the importer's account, if an earlier file of the import found it
    new_file: bool = False  # no source row had its key when the import began

    # Read from the database once per file.
    tombstones: set[tuple[str, str]] = field(default_factory=set)  # (model label, natural key) editors deleted
    hospital_by_name: dict[str, Hospital] = field(default_factory=dict)  # by official name and alias
    keyword_ids: dict[str, int] = field(default_factory=dict)
    # Loaded per hospital the first time an article of the file needs them, then kept up to date
    # with what the file writes (a second article about a hospital states the same facts).
    people: dict[int, list[Person]] = field(default_factory=dict)
    honours: dict[int, dict[tuple, Honour]] = field(default_factory=dict)
    facts: dict[int, dict[tuple, HospitalFact]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    new_hospital_ids: set[int] = field(default_factory=set)  # created by this file: nothing of theirs to look up
    # (model, pk) of every row this file inserted: none of them has a search document yet.
    created: set[tuple[type, int]] = field(default_factory=set)
    new_aliases: dict[int, list[str]] = field(default_factory=dict)  # hospital pk → alias names inserted here

    # What the file wrote, for the steps after its articles.
    keyword_links: list = field(default_factory=list)  # an article's keywords, inserted at the end
    touched_articles: list[Article] = field(default_factory=list)
    article_parts: dict[int, tuple[list, list]] = field(default_factory=dict)  # sections and captions written here
    # What the search index must hear of: records this file created or changed (one document
    # each), and hospitals that became public (all their documents).
    changed: dict[str, list] = field(default_factory=lambda: {"hospitals": [], "honours": [], "people": [],
                                                               "whole_hospitals": []})
    review: list[dict] = field(default_factory=list)  # filed in one insert once every target has its id
    retired: set[tuple] = field(default_factory=set)  # (model, pk) of what this file retired
    # Hospitals and people that lost a link or mention here: retired at the end of the file if
    # nothing points at them any more (a later article of the file may still name them).
    orphan_candidates: dict[str, set[int]] = field(default_factory=lambda: {"hospitals": set(), "people": set()})

    # The article being written, and the records its parse yields, by identity: on a re-import the
    # article's other records are ones a newer parse no longer finds.
    article: Article | None = None
    produced: dict[str, set] = field(default_factory=produced)

    @classmethod
    def start(cls, result: FileResult, parsed, key: str, analysed: list[AnalysedArticle], reparse: bool,
              importer=None, new_file: bool = False) -> "FileState":
        return cls(key=key, parsed=parsed, analysed=analysed, reparse=reparse, result=result, importer=importer,
                   new_file=new_file)

    def load(self) -> None:
        """Every tombstone (editors delete few records, and a lookup per imported row would cost a
        query each), the file's hospitals by name and alias, and its keywords (made if missing)."""
        def tombstones():
            return set(Tombstone.objects.values_list("model", "natural_key"))

        # Editors' deletions: none can happen while a SQLite batch is open.
        remembered = bulk.batch_remembered(Tombstone, "all", tombstones)
        self.tombstones = remembered if remembered is not None else tombstones()
        names = {name for item in self.analysed for mention in item.entities.hospitals
                 for name in (mention.name, *mention.aliases)}
        if (known := known_names()) is not None:
            self._load_known(names, *known)
        else:
            by_pk: dict[int, Hospital] = {}
            # Unordered: the models' default order costs a sort and nothing here needs it.
            for hospital in Hospital.objects.filter(name__in=names).order_by():
                self.hospital_by_name[hospital.name] = by_pk[hospital.pk] = hospital
            # A hospital an editor renamed is found by its old name through the alias its rename
            # left (hospitals/signals.py).
            for alias in HospitalAlias.objects.filter(name__in=names).select_related("hospital").order_by():
                self.hospital_by_name.setdefault(alias.name, by_pk.setdefault(alias.hospital_id, alias.hospital))
        words = {w[:30] for item in self.analysed for w in item.keywords}
        if (keywords := known_keywords()) is not None:
            # The batch knows every keyword, so a missing one is new: inserted (held, with the id
            # the batch gives it) without looking for it first or reading its id back.
            missing = [Keyword(word=w) for w in sorted(words - keywords.keys())]
            bulk.insert(missing, Keyword)
            keywords.update((keyword.word, keyword.pk) for keyword in missing)
            self.keyword_ids = {word: keywords[word] for word in words}
            return
        self.keyword_ids = dict(Keyword.objects.filter(word__in=words).order_by().values_list("word", "id"))
        missing = words - self.keyword_ids.keys()
        if missing:
            Keyword.objects.bulk_create([Keyword(word=w) for w in sorted(missing)], ignore_conflicts=True)
            self.keyword_ids.update(Keyword.objects.filter(word__in=missing).order_by().values_list("word", "id"))

    def _load_known(self, names: set[str], by_name: dict[str, int], by_alias: dict[str, int]) -> None:
        # The same lookup from the batch's names: a file naming no known hospital reads nothing.
        pks = {by_name[name] for name in names if name in by_name} | {by_alias[name] for name in names if name in by_alias}
        if not pks:
            return
        by_pk = {hospital.pk: hospital for hospital in Hospital.objects.filter(pk__in=pks).order_by()}
        for name in names & by_name.keys():
            self.hospital_by_name[name] = by_pk[by_name[name]]
        for name in names & by_alias.keys():
            self.hospital_by_name.setdefault(name, by_pk[by_alias[name]])

    def was_retired(self, record) -> bool:
        """The record, or the hospital it belongs to, was retired by this file."""
        return (type(record), record.pk) in self.retired or (Hospital, getattr(record, "hospital_id", None)) in self.retired


def known_names() -> tuple[dict[str, int], dict[str, int]] | None:
    """Within a SQLite batch (core.bulk.batch_memo): every hospital's id by its name and by its
    aliases' names, read once per batch and kept up to date with the batch's own new ones
    (`remember_names`); forgotten when anything else writes either table. None elsewhere."""
    hospitals = bulk.batch_remembered(Hospital, "by_name", lambda: dict(
        Hospital.objects.order_by().values_list("name", "pk")))
    aliases = bulk.batch_remembered(HospitalAlias, "by_name", lambda: dict(
        HospitalAlias.objects.order_by().values_list("name", "hospital_id")))
    return None if hospitals is None or aliases is None else (hospitals, aliases)


def known_keywords() -> dict[str, int] | None:
    """Within a SQLite batch (core.bulk.batch_memo): every keyword's id by its word, read once per
    batch; its user adds the keywords it inserts. None elsewhere."""
    return bulk.batch_remembered(Keyword, "by_word", lambda: dict(Keyword.objects.order_by().values_list("word", "id")))


def remember_names(hospitals=(), aliases=()) -> None:
    """The batch's own new hospitals and aliases, inserted just now (held rows write no memo off)."""
    for model, records, value in ((Hospital, hospitals, "pk"), (HospitalAlias, aliases, "hospital_id")):
        memo = bulk.batch_memo(model)
        if memo is None or not records:
            continue
        if "by_name" in memo:
            memo["by_name"].update((record.name, getattr(record, value)) for record in records)
        if "by_ending" in memo:
            for record in records:
                file_by_ending(memo["by_ending"], record.name, record.pk)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """As SQLite's LIKE compares: ASCII letters without case, every other character as it is."""
    return text.translate(_ASCII_LOWER)


def ending(name: str) -> str:
    return ascii_lower(name)[-4:]


def file_by_ending(by_ending: dict[str, list[tuple[str, int, str]]], name: str, pk: int) -> None:
    """A hospital's (name, pk, lower-cased name) under its name's `ending`: the batch's index of
    names for duplicate suggestions (ingest/writers/hospitals.py), each name folded once."""
    folded = ascii_lower(name)
    by_ending.setdefault(folded[-4:], []).append((name, pk, folded))
