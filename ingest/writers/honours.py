"""Writing the honours an article gives a hospital, one of its departments or one of its people."""

from __future__ import annotations

from articles.models import Article, ReviewItem
from core.models import ReviewStatus
from core.natural_keys import honour_key, identity_of
from hospitals.models import Honour, Hospital, Person

from .base import REVIEW_THRESHOLD, WriterBase


class HonourWriter(WriterBase):
    def _write_honours(self, article: Article, hospital: Hospital, people: dict[str, Person], mentions) -> None:
        if not mentions:
            return
        if hospital.pk not in self.state.honours:
            self.state.honours[hospital.pk] = {} if hospital.pk in self.state.new_hospital_ids else {
                identity_of(h): h for h in Honour.objects.filter(hospital=hospital).order_by()
            }
        known = self.state.honours[hospital.pk]
        new_honours = []
        for mention in mentions:
            person = people.get(mention.recipient) if mention.recipient_kind == "person" else None
            recipient_kind = mention.recipient_kind if (mention.recipient_kind != "person" or person) else "hospital"
            department = mention.recipient if recipient_kind == "department" else ""
            # The honour's identity (core/natural_keys.py): hospital, department, person, name, year.
            key = (hospital.pk, department, person.pk if person else None, mention.name, mention.year)
            self.state.produced["honours"].add(key)
            existing = known.get(key)
            values = {"name": mention.name, "year": mention.year, "level": mention.level, "kind": mention.kind}
            if existing is not None and "status" in (existing.import_snapshot or {}):
                # Retired by an earlier parse (`_retire_parts`), found again: public again, unless
                # an editor has decided its status since.
                values["status"] = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            if existing is not None:
                outcome = self._update(existing, values, "honours")
                self._review_conflicts(existing, article, hospital)
                self.state.result.records.add(outcome)
                continue
            natural = honour_key(hospital.name, department, person.name if person else "", mention.name, mention.year)
            if ("hospitals.Honour", natural) in self.state.tombstones:
                self.state.result.records.add("kept")
                continue
            status = ReviewStatus.ACCEPTED if mention.confidence >= REVIEW_THRESHOLD else ReviewStatus.PENDING
            honour = known[key] = Honour(
                hospital=hospital, department=department, person=person, recipient_kind=recipient_kind,
                article=article, evidence=mention.evidence.sentence, confidence=mention.confidence, status=status,
                import_snapshot=values, **values,
            )
            new_honours.append(honour)
            self.state.changed["honours"].append(honour)
            if status == ReviewStatus.PENDING:
                self._review(ReviewItem.Kind.LOW_CONFIDENCE, "hospitals.Honour", article=article, hospital=hospital,
                             target=honour, excerpt=f"{honour}：{mention.evidence.sentence[:80]}")
            self.state.result.records.add("created")
        self._create(new_honours, Honour)
