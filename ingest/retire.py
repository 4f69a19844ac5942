"""What a newer parse no longer finds.

A record only the importer ever wrote (`untouched_by_editors`) that the new parse of its
article no longer yields was the parser's mistake, or the file changed: an article's links and
mentions are retired, honours and facts (which other articles may also state) leave the public
pages for an editor to decide; people and hospitals nothing names any more are retired at the
end of the file. A record an editor touched stays as it is, with a review item. `retire()` is
the one way the importer removes a record it made.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from articles import search
from articles.models import Article, ArticleHospital, ReviewItem
from core import bulk, importcontext
from core.models import ReviewStatus
from core.natural_keys import identity_of
from hospitals.models import Honour, Hospital, HospitalAlias, HospitalFact, Person, PersonMention

from .review import forget_held_records, untouched_by_editors
from .state import produced
from .writers.base import WriterBase

# The search documents of a retired record, by its kind (a hospital's hold its honours' and people's).
SEARCH_SCOPE = {
    Article: lambda pks: {"article_id__in": pks},
    Hospital: lambda pks: {"hospital_id__in": pks},
    Person: lambda pks: {"kind": "person", "object_id__in": pks},
}


class Retirer(WriterBase):
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
        found = self.state.produced
        links = [link for link in article.hospital_links.select_related("hospital")
                 if link.hospital_id not in found["links"]]
        mentions = [mention for mention in article.person_mentions.select_related("person__hospital")
                    if mention.person_id not in found["mentions"]]
        facts = [fact for fact in HospitalFact.objects.filter(article=article).select_related("hospital")
                 if identity_of(fact) not in found["facts"]]
        honours = [honour for honour in Honour.objects.filter(article=article).select_related("hospital")
                   if identity_of(honour) not in found["honours"]]
        self._retire_or_review(article, ArticleHospital, links, lambda link: (link.hospital, link.hospital.name))
        self._retire_or_review(article, PersonMention, mentions,
                               lambda mention: (mention.person.hospital, mention.person.name))
        self._unpublish_or_review(article, HospitalFact, facts)
        self._unpublish_or_review(article, Honour, honours)

    def _retire_or_review(self, article: Article, model, records: list, describe) -> None:
        """An article's links or mentions its new parse no longer gives: retired if only the importer
        wrote them, else kept with a review item. `describe(record)`: the hospital it belongs to and the name the article no longer gives."""
        if not records:
            return
        untouched = self._untouched(model, records)
        for record in records:
            if record not in untouched:
                hospital, name = describe(record)
                self._review(ReviewItem.Kind.STALE, model._meta.label, article=article, hospital=hospital,
                             target=record, excerpt=f"文章不再提及{name}；编辑改过，保留")
                self.state.result.records.add("kept")
        if untouched:
            self.state.orphan_candidates["hospitals"].update(getattr(r, "hospital_id", None) for r in untouched)
            self.state.orphan_candidates["people"].update(getattr(r, "person_id", None) for r in untouched)
            self.retire(model, untouched)

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
                    self.state.changed["honours"].append(record)
                self.state.result.records.add("removed")
                excerpt = f"文章不再有：{record}；已转为待审核"
            else:
                excerpt = f"文章不再有：{record}；编辑改过，保留"
                self.state.result.records.add("kept")
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
                self.state.result.articles.add("kept")
                continue
            self.state.produced = produced()
            self._retire_parts(article)  # links and mentions go, its honours and facts leave the pages
            self.retire(Article, [article], counts=self.state.result.articles)  # its review items with it

    def _retire_orphans(self) -> None:
        """People and hospitals the importer made that no article names any more: a person with
        no mention and no honour; a hospital no article links, with everything attached to it
        (aliases, facts, honours, people), if nobody but the importer wrote any of it. No other
        article can state that hospital's facts or honours: it would link the hospital."""
        candidates = self.state.orphan_candidates
        if not (candidates["people"] | candidates["hospitals"]) - {None}:
            return  # nothing lost a link or a mention in this file: a first import, most often
        person_ids = self._lock(Person, self.state.orphan_candidates["people"] - {None})
        people = untouched_by_editors(Person, list(Person.objects.filter(
            pk__in=person_ids, mentions__isnull=True, honours__isnull=True)))
        if people:
            self.retire(Person, people)
            self.state.changed["whole_hospitals"] += Hospital.objects.filter(pk__in={p.hospital_id for p in people},
                                                                       status=ReviewStatus.ACCEPTED)
        hospital_ids = self._lock(Hospital, (self.state.orphan_candidates["hospitals"] | {p.hospital_id for p in people}) - {None})
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
        self.retire(Person, [p for p in attached[Person] if p.hospital_id in gone])
        self.state.hospital_by_name = {name: h for name, h in self.state.hospital_by_name.items() if h.pk not in gone}
        # Its aliases, facts and honours go with it (and so do their search documents).
        self.state.result.records.add("removed", sum(r.hospital_id in gone for model in (HospitalAlias, HospitalFact, Honour)
                                               for r in attached[model]))
        self.retire(Hospital, [h for h in hospitals if h.pk in gone])

    def retire(self, model, records: list, *, counts=None) -> None:
        """Remove records only the importer wrote that a newer parse no longer finds: the one way
        the importer removes what it made. No tombstone is left (a later parse that finds them
        again brings them back); their open review items, the items this file was about to file
        on them (or on a retired hospital's parts) and their search documents go with them.
        `counts`: where they are counted as removed (the file's records, or its articles)."""
        if not records:
            return
        bulk.write_held_rows()  # the review items held so far: read and deleted below, or by the cascade
        pks = [r.pk for r in records]
        self.state.retired.update((model, pk) for pk in pks)
        self.state.review = [spec for spec in self.state.review
                             if not any(self.state.was_retired(spec[name]) for name in ("article", "hospital", "target")
                                        if spec.get(name) is not None)]
        with importcontext.retiring():
            ReviewItem.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks,
                                      status=ReviewItem.Status.OPEN).delete()
            forget_held_records(model, pks, self.state.key)
            scope = SEARCH_SCOPE.get(model)
            if scope:
                search.remove(scope(pks))
            model.objects.filter(pk__in=pks).delete()
        (counts or self.state.result.records).add("removed", len(pks))
