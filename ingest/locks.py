"""The locks a file's write transaction takes on PostgreSQL: one per record identity the file can
create or remove, not one for every import, so files about different hospitals are written at
the same time by any number of processes or machines.

Two files race only for what both can create or remove:
- the file itself (its key): two tasks of the same file (a task delivered twice, the same file
  uploaded twice) write one after the other;
- each hospital name or alias it names that no hospital holds yet: two files naming a new
  hospital would both create it;
- the duplicate-suggestion key (`name_core`) of each such new name: a new hospital is compared
  with the hospitals that exist when its file writes, so two files creating `长沙湘雅三医院` and
  `中南大学湘雅三医院` must not both miss the other;
- each existing hospital the file writes records under (its subjects: profile, aliases, facts,
  honours, people; the hospitals its people are named with), by id, whichever name or alias led
  to it; and each hospital the file's articles link or whose people they mention now, which a
  re-import may retire. A hospital an article only mentions is not locked: its link is unique per
  article, and one retired meanwhile fails the link's insert (the file is written again).

Sources (`get_or_create`), keywords and review items (`ON CONFLICT DO NOTHING`) need no lock: a
second insert of the same row waits for the first and then finds it. A race the locks do not
cover (an editor adding the same hospital in the admin, a deadlock between two inserts) ends in
an IntegrityError or a deadlock error, and the pipeline writes the file again.

Transaction-level advisory locks (`pg_advisory_xact_lock`), released by the commit or the
rollback, also when the process dies. A file takes them in one global order — its key, then
new names, their duplicate-suggestion keys, then hospitals, each group sorted by its 64-bit key
— so two files written on their own never wait for each other in a cycle. `import_paths`
writes files in batches, one transaction with a savepoint per file (ingest/batches.py), and a
batch holds the locks of all its files until it commits: two batches can deadlock; PostgreSQL
ends one of the waits with an error, the file that got it is rolled back to its savepoint and
written again on its own once its batch's other files are committed. SQLite lets one writer in at a time (`BEGIN IMMEDIATE`): nothing to do.
"""

from __future__ import annotations

import hashlib

from django.db import connection
from django.db.models import Value

from articles.extraction.names import name_core
from articles.models import ArticleHospital
from hospitals.models import Hospital, HospitalAlias, PersonMention


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit advisory-lock key for `kind:value` (the first 8 bytes of its SHA-256)."""
    return int.from_bytes(hashlib.sha256(f"{kind}:{value}".encode()).digest()[:8], "big", signed=True)


def _take(*groups) -> None:
    """Lock the keys of each group, the groups in the order given, each sorted."""
    ordered = [key for keys in groups for key in sorted(set(keys))]
    if ordered:
        with connection.cursor() as cursor:
            # One statement for them all; unnest reads the array out in order.
            cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [ordered])


def names_of(analysed) -> set[str]:
    """The hospital names and aliases the file's articles name."""
    return {name for item in analysed for mention in item.entities.hospitals
            for name in (mention.name, *mention.aliases) if name}


def _written_under(analysed) -> set[str]:
    """The names of the hospitals the file may write records under (not only link): its
    subjects (profile, aliases, facts, honours, people, publication) and the hospitals its
    people are named with. A hospital an article only mentions gets a link, unique per article."""
    names = set()
    for item in analysed:
        for mention in item.entities.hospitals:
            if mention.subject:
                names.update((mention.name, *mention.aliases))
        names.update(person.hospital for person in item.entities.people if person.hospital)
    return names


def take_file_locks(key: str, analysed, *, new_file: bool = False) -> None:
    """Lock what the file at `key` can create or remove (see the module's docstring); call first
    in the file's write transaction, before it reads anything it decides from. `new_file`: no
    source row had its key when the import began, so none of its articles links or mentions
    anything yet, and its own lock goes with the others in one statement (a writer of the same
    file meanwhile fails the source row's insert, and the file is written again as a known one)."""
    if connection.vendor != "postgresql":
        return
    own = [lock_key("file", key)]
    if not new_file:
        _take(own)  # before the file's links and mentions are read
        own = []
    names = names_of(analysed)
    # One query for hospitals and aliases (an alias's hospital wins, as it did read second), one
    # for the hospitals the file's articles link or whose people they mention now.
    existing = {}
    named = (Hospital.objects.filter(name__in=names).annotate(alias=Value(False)).values_list("name", "pk", "alias")
             .union(HospitalAlias.objects.filter(name__in=names).annotate(alias=Value(True))
                    .values_list("name", "hospital_id", "alias"), all=True))
    for name, pk, _ in sorted(named, key=lambda row: row[2]):
        existing[name] = pk
    # Read before their locks: a name made meanwhile is waited for (its lock), and one gone
    # meanwhile fails the insert that needs it, and the file is written again, locking it then.
    new = names - existing.keys()
    hospitals = {existing[name] for name in _written_under(analysed) if name in existing}
    if not new_file:
        linked = ArticleHospital.objects.filter(article__source_file__path=key).values_list("hospital_id", flat=True)
        hospitals.update(linked.union(PersonMention.objects.filter(article__source_file__path=key)
                                      .values_list("person__hospital_id", flat=True)))
    _take(own,
          [lock_key("hospital-name", name) for name in new],
          [lock_key("hospital-core", core) for name in new if len(core := name_core(name)) >= 4],
          [lock_key("hospital", str(pk)) for pk in hospitals])
