"""Teach the configured jieba the hospital names and aliases the database knows, so that
`璧山区人民医院` is one token at index and query time. Call after imports that add names."""

from __future__ import annotations

from django.db import DatabaseError

from articles.extraction.segmenter import add_words
from hospitals.models import Hospital, HospitalAlias


def teach_jieba(upto: dict | None = None) -> int:
    """Teach the names the database holds now. An import calls it once, before it reads any
    file: names its own files add later are not taught mid-run (the same files give the same
    records whichever process read which file first). `upto` ({"hospital": id, "alias": id}):
    only the names of hospitals and aliases up to those ids, the ones an import job found when
    it started; its files are read in other processes, later."""
    global _taught
    _taught = True
    hospitals, aliases = Hospital.objects.all(), HospitalAlias.objects.all()
    if upto is not None:
        hospitals, aliases = hospitals.filter(pk__lte=upto["hospital"]), aliases.filter(pk__lte=upto["alias"])
    try:
        names = list(hospitals.values_list("name", flat=True))
        names += list(aliases.values_list("name", flat=True))
    except DatabaseError:  # not migrated yet: the domain words are enough
        return 0
    add_words(names)
    return len(names)


_taught = False


def ensure_taught() -> None:
    """Teach jieba once per process, before the first search or index write."""
    global _taught
    if not _taught:
        _taught = True
        teach_jieba()
