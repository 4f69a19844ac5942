"""Writing the people an article names, as staff of a hospital, and their mentions in it."""

from __future__ import annotations

from articles.models import Article, ReviewItem
from core.models import ReviewStatus
from core.natural_keys import mention_key, person_key
from hospitals.models import PERSON_ALIAS_SEPARATOR, Hospital, Person, PersonMention

from ..reconcile import reconcile
from .base import REVIEW_THRESHOLD, WriterBase


class PeopleWriter(WriterBase):
    def _people_of(self, hospitals: list[Hospital]) -> None:
        """Load, in one query, the people of the hospitals not seen yet in this file."""
        wanted = {h.pk for h in hospitals if h.pk not in self.state.people}
        for pk in wanted:
            self.state.people[pk] = []
        lookup = wanted - self.state.new_hospital_ids
        if lookup:
            for person in Person.objects.filter(hospital__in=lookup).order_by("name", "pk"):
                self.state.people[person.hospital_id].append(person)

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
        self.state.produced["mentions"].update(person.pk for person in people.values())
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
                    self.state.result.records.add("kept")
                    continue
                new_mentions.append(PersonMention(person=person, article=article, role=mention.role,
                                                  evidence=mention.evidence.sentence))
        self._create(new_mentions, PersonMention)
        return people

    def _person(self, hospital: Hospital, mention, inserts: list[Person]) -> Person | None:
        known = self.state.people[hospital.pk]
        person = next((p for p in known if p.name == mention.name), None) \
            or next((p for p in known if mention.name in p.aliases.split(PERSON_ALIAS_SEPARATOR)), None)
        values = {"name": mention.name, "role": mention.role}
        if person is None:
            if ("hospitals.Person", person_key(hospital.name, mention.name)) in self.state.tombstones:
                self.state.result.records.add("kept")
                return None
            status = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            person = Person(hospital=hospital, name=mention.name, role=mention.role, status=status,
                            confidence=mention.confidence, import_snapshot=values)
            known.append(person)
            inserts.append(person)
            self.state.changed["people"].append(person)
            if status == ReviewStatus.PENDING:
                self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Person", hospital=hospital, target=person,
                             excerpt=f"{mention.name}（{mention.role}）：{mention.evidence.sentence[:80]}")
            self.state.result.records.add("created")
            return person
        snapshot_role = (person.import_snapshot or {}).get("role", "")
        if len(mention.role) <= len(snapshot_role) and snapshot_role:
            # Another article naming the same person with a shorter title adds nothing.
            self.state.result.records.add("unchanged")
            return person
        before = person.import_snapshot
        outcome, apply = reconcile(person, values, {"name": person.name, "role": person.role})
        if "role" in apply:
            person.role = apply["role"]
        person._import_conflicts.pop("name", None)  # found under another spelling: an alias, no conflict
        if person.pk is not None and ("role" in apply or person.import_snapshot != before):
            self._save(person, [*(["role"] if "role" in apply else []), "import_snapshot"])
            self.state.changed["people"].append(person)
        self._review_conflicts(person, None, hospital)
        self.state.result.records.add(outcome)
        return person
