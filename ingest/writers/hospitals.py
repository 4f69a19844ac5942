"""Writing the hospitals an article names: found by name or alias or made, an article's links
to them, a subject's profile (place, aliases, hard facts), suggested duplicates."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Reverse

from articles.extraction.names import likely_same_hospital, name_core
from articles.models import Article, ArticleHospital, ReviewItem
from core import bulk
from core.models import ReviewStatus
from core.natural_keys import alias_key, fact_key, identity_of, link_key
from hospitals.models import Hospital, HospitalAlias, HospitalFact

from ..state import ascii_lower, ending, file_by_ending, known_names
from .base import REVIEW_THRESHOLD, WriterBase

GRADE_CODES = {"三级甲等": "3A", "三级乙等": "3B", "三级": "3", "二级甲等": "2A", "二级乙等": "2B", "二级": "2", "一级": "1"}


class HospitalWriter(WriterBase):
    def _hospital(self, name: str, *, subject: bool, inserts: list[Hospital], confidence: float = 0.9) -> Hospital | None:
        """The hospital a name refers to (by official name or alias), or a new one, unsaved. Only
        a subject whose name is well formed (`confidence`) is published without an editor."""
        public = subject and confidence >= REVIEW_THRESHOLD
        hospital = self.state.hospital_by_name.get(name)
        if hospital is not None:
            if public and hospital.pk and hospital.status == ReviewStatus.PENDING and hospital.import_snapshot \
                    and hospital.import_snapshot.get("status") == ReviewStatus.PENDING:
                # First seen as a mere mention, now an article is about it: readers may see it.
                hospital.status = ReviewStatus.ACCEPTED
                hospital.import_snapshot = {**hospital.import_snapshot, "status": ReviewStatus.ACCEPTED}
                self._save(hospital, ["status", "import_snapshot"])
                self.state.changed["whole_hospitals"].append(hospital)
            self.state.result.records.add("unchanged")
            return hospital
        if ("hospitals.Hospital", name) in self.state.tombstones:
            self.state.result.records.add("kept")
            return None
        status = ReviewStatus.ACCEPTED if public else ReviewStatus.PENDING
        hospital = Hospital(name=name, status=status, confidence=min(confidence, 0.9 if subject else 0.6),
                            import_snapshot={"name": name, "status": status})
        self.state.hospital_by_name[name] = hospital
        inserts.append(hospital)
        self.state.changed["hospitals"].append(hospital)
        if status == ReviewStatus.PENDING and subject:
            # A subject held back is a decision; a hospital only mentioned in passing is a pending
            # record an editor finds under 待审核, not an item of its own (299 of 1,775 on the
            # real corpus).
            self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Hospital", target=hospital,
                         excerpt=f"名称不完整或不够明确的医院：{name}")
        self.state.result.records.add("created")
        return hospital

    def _suggest_duplicates(self, hospitals: list[Hospital]) -> None:
        """A new hospital whose name says what another's says (`长沙湘雅三医院`, `中南大学湘雅三医院`)
        is filed as a suggested duplicate: an editor merges the two or says they differ, and a
        pair they rejected is not suggested again (the item keeps its fingerprint). Each is
        compared with the first 20 names (by name) ending in its core: within a SQLite batch
        from the names it read once, elsewhere with one query for an article's new hospitals."""
        cores = {hospital.pk: core for hospital in hospitals if len(core := name_core(hospital.name)) >= 4}
        if not cores:
            return
        if (by_ending := self._names_by_ending()) is not None:
            for hospital in hospitals:
                if hospital.pk in cores:
                    core = ascii_lower(cores[hospital.pk])
                    similar = sorted((name, pk) for name, pk, folded in by_ending.get(ending(core), ())
                                     if pk != hospital.pk and folded.endswith(core))
                    self._suggest_pairs(hospital, [(pk, name) for name, pk in similar[:20]])
            return
        candidates = list(_ending_in(set(cores.values())).values_list("pk", "name"))
        fold = ascii_lower if connection.vendor == "sqlite" else str  # SQLite's LIKE ignores ASCII case
        for hospital in hospitals:
            if hospital.pk in cores:
                core = fold(cores[hospital.pk])
                similar = [(pk, name) for pk, name in candidates if pk != hospital.pk and fold(name).endswith(core)]
                self._suggest_pairs(hospital, similar[:20])

    @staticmethod
    def _names_by_ending() -> dict[str, list[tuple[str, int, str]]] | None:
        """Within a SQLite batch, every hospital's (name, pk, name ASCII lower-cased as SQLite's
        LIKE compares) by the last 4 characters of the lower-cased name, the batch's new hospitals
        included (ingest/state.py): no scan of all names per article, no folding per comparison."""
        def by_ending() -> dict[str, list[tuple[str, int, str]]]:
            found: dict[str, list[tuple[str, int, str]]] = {}
            for name, pk in known_names()[0].items():
                file_by_ending(found, name, pk)
            return found

        return bulk.batch_remembered(Hospital, "by_ending", by_ending)

    def _suggest_pairs(self, hospital: Hospital, candidates: list[tuple[int, str]]) -> None:
        for pk, name in candidates:
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
            self.state.produced["links"].add(hospital.pk)
            role = ArticleHospital.Role.SUBJECT if mention.subject else ArticleHospital.Role.MENTIONED
            link = links.get(hospital.pk)
            if link is None:
                link = new_links.get(hospital.pk)
                if link is None:
                    if self._deleted("articles.ArticleHospital", lambda name: link_key(self._article_key(article), name),
                                     hospital.name, mention.name):
                        unlinked.add(hospital.pk)
                        self.state.result.records.add("kept")
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

    def _profile(self, hospital: Hospital, mention, facts, article: Article) -> list[HospitalAlias]:
        """Place, aliases and hard facts of a subject hospital. Only values the article gives are
        proposed, and only fields no editor has changed take them. Returns the new aliases."""
        aliases = []
        for alias in mention.aliases:
            # A name that is already a hospital's or an alias stays as it is; an alias an editor
            # deleted stays deleted.
            if alias not in self.state.hospital_by_name and not self._deleted(
                    "hospitals.HospitalAlias", lambda name: alias_key(name, alias), hospital.name, mention.name):
                self.state.hospital_by_name[alias] = hospital
                aliases.append(HospitalAlias(name=alias, hospital=hospital))
                self.state.changed["hospitals"].append(hospital)
        values = {}
        if mention.place:
            values.update(province=mention.place.province, city=mention.place.city, district=mention.place.district,
                       division_code=mention.place.code)
        for fact in facts:
            if fact.confidence < REVIEW_THRESHOLD:
                continue
            if fact.kind == "founded":
                values["founded_year"] = int(fact.value)
            elif fact.kind in ("beds", "staff"):
                values[fact.kind] = int(fact.value)
            elif fact.kind == "grade":
                values["grade"] = GRADE_CODES.get(fact.value, "")
            elif fact.kind == "type":
                values["type"] = fact.value
            elif fact.kind == "motto":
                values["motto"] = fact.value[:100]
        values = {key: value for key, value in values.items() if value not in ("", None)}
        if not values:
            return aliases
        self._update(hospital, values, "hospitals")
        self._review_conflicts(hospital, article, hospital)
        return aliases

    def _write_facts(self, subjects: list[tuple], facts, article: Article) -> None:
        if not facts or not subjects:
            return
        # Loaded once per file and hospital, and kept up to date with what this file writes: a
        # second article about a hospital states the same facts (re-inserting them broke the file).
        lookup = {h.pk for _, h in subjects if h.pk not in self.state.facts and h.pk not in self.state.new_hospital_ids}
        for _, hospital in subjects:
            self.state.facts.setdefault(hospital.pk, {})
        if lookup:
            for record in HospitalFact.objects.filter(hospital__in=lookup).order_by():
                self.state.facts[record.hospital_id][identity_of(record)] = record
        new_facts = []
        for mention, hospital in subjects:
            known = self.state.facts[hospital.pk]
            for fact in facts:
                key = (hospital.pk, fact.kind, fact.value[:100])
                self.state.produced["facts"].add(key)
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


def _ending_in(cores: set[str]):
    """Hospitals whose name ends in one of `cores`. On PostgreSQL through the index of reversed
    names (hospitals migration 0011): `LIKE '%…'` read every hospital for every article (1 ms
    per file at 1,000 hospitals, growing with them)."""
    if connection.vendor == "postgresql":
        reversed_endings = Q()
        for core in cores:
            reversed_endings |= Q(reversed_name__startswith=core[::-1])
        return Hospital.objects.annotate(reversed_name=Reverse("name")).filter(reversed_endings)
    endings = Q()
    for core in cores:
        endings |= Q(name__endswith=core)
    return Hospital.objects.filter(endings)
