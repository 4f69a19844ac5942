"""Writing an article: its source file, its fields, sections, captions and keywords, then what
it names (hospitals, people, honours: the other writers)."""

from __future__ import annotations

import re

from django.db import connection

from articles.models import Article, Caption, ReviewItem, Section, Source, SourceFile
from core import bulk
from core.natural_keys import article_key
from hospitals.models import Hospital, HospitalAlias

from ..contract import AnalysedArticle
from ..reconcile import reconcile
from ..state import produced, remember_names
from .base import PARSER_VERSION, WriterBase

_ARTICLE_COLUMNS = {"kicker": ["kicker"], "title": ["title"], "subtitle": ["subtitle"], "authors": ["authors"],
                    "editors": ["editors"], "flags": ["flags"], "published": ["published"], "source": ["source"],
                    "span": ["span_start", "span_end"]}


def _article_fields(apply: dict) -> list[str]:
    return [column for name in apply for column in _ARTICLE_COLUMNS.get(name, [])]


def _title_from_lead(lead: str, limit: int = 30) -> str:
    """The lead's first sentence, or its clauses up to `limit` characters: a title cut mid-word
    (免费测量血…) read as a typo on the article list."""
    sentence = re.split(r"(?<=[。！？!?])", lead, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip("。")
    cut = max(sentence.rfind(mark, 0, limit) for mark in "，、；：")
    return (sentence[:cut] if cut >= limit // 3 else sentence[:limit]) + "…"


class ArticleWriter(WriterBase):
    def _write(self) -> None:
        # Not get_or_create: its savepoint is the file's own here, and a file that loses a race
        # for its path to another importer is rolled back and written again (ingest/batches.py).
        source_file = None if self.state.new_file else SourceFile.objects.filter(path=self.state.key).first()
        created = source_file is None
        if created:
            source_file = SourceFile(
                path=self.state.key, sha256=self.state.parsed.sha256, size=self.state.parsed.size,
                encoding=self.state.parsed.encoding, raw_text=self.state.parsed.text, parser_version=PARSER_VERSION)
            if connection.features.can_return_rows_from_bulk_insert:
                bulk.insert([source_file])  # no history, no signal listens: save()'s row, without its ORM work
            else:  # SQLite before 3.35: no id back from an insert
                source_file.save()
        else:
            if source_file.sha256 == self.state.parsed.sha256 and not self.state.reparse and source_file.parser_version == PARSER_VERSION:
                n = source_file.articles.count()
                self.state.result.articles.add("unchanged", n)
                return
            source_file.sha256 = self.state.parsed.sha256
            source_file.size = self.state.parsed.size
            source_file.encoding = self.state.parsed.encoding
            source_file.raw_text = self.state.parsed.text
            source_file.parser_version = PARSER_VERSION
            source_file.save()
        existing = {} if created else {
            a.position: a for a in Article.objects.select_for_update().filter(source_file=source_file)
        }
        self.state.load()
        for item in self.state.analysed:
            self._write_article(source_file, item, existing.get(item.parsed.position))
        # Nothing reads an article's keywords while its batch is open: held to the batch's commit
        # with the history rows (one insert for all its files).
        bulk.insert(self.state.keyword_links, Article.keywords.through, ignore_conflicts=True, hold=True)
        positions = {item.parsed.position for item in self.state.analysed}
        self._retire_articles([article for position, article in existing.items() if position not in positions])
        self._retire_orphans()

    def _write_article(self, source_file: SourceFile, item: AnalysedArticle, article: Article | None) -> None:
        parsed = item.parsed
        key = article_key(source_file.path, parsed.position)
        title = parsed.title
        if not title:
            # No headline found (flagged missing_title): readers still need something to click.
            first = parsed.paragraphs[0].text if parsed.paragraphs else ""
            title = _title_from_lead(first) or f"{source_file.path} 第{parsed.position + 1}篇"
        values = {
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
            if ("articles.Article", key) in self.state.tombstones:
                self.state.result.articles.add("kept")
                return
            article = Article(source_file=source_file, position=parsed.position, title=values["title"])
            self._apply_article(article, values)
            article.import_snapshot = values
            self._create([article], Article)  # with its history row, as save() would
            self._apply_article_relations(article, values, created=True)
            applied = values
            outcome = "created"
        else:
            before = article.import_snapshot
            current = self._article_state(article)
            outcome, applied = reconcile(article, values, current)
            self._apply_article(article, applied)
            if applied or article.import_snapshot != before:
                # Only what the import changes is written: an editor's concurrent save of other
                # fields is not overwritten. An article the new parse leaves as it was is not
                # saved at all (a history row per article and re-import said nothing).
                article.save(update_fields=_article_fields(applied) + ["import_snapshot", "updated"])
            self._apply_article_relations(article, applied, created=False)
            self._review_conflicts(article, article)
        self.state.result.articles.add(outcome)
        if applied:
            # Its search documents are made of its own fields, sections and captions only.
            self.state.touched_articles.append(article)
        self.state.article = article  # what held records are grouped under
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
        # On SQLite the batch reads every source once (a few dozen publications) and again only
        # after one is made (its insert empties the memo); elsewhere the file remembers its own.
        known = bulk.batch_remembered(Source, "by_name", lambda: {s.name: s for s in Source.objects.order_by()})
        if known is None:
            known = self.state.sources
        source = known.get(name)
        if source is None:
            source = known[name] = Source.objects.get_or_create(name=name)[0]
        return source

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
            self.state.article_parts[article.pk] = (sections or [], captions or [])
        if "keywords" in apply:
            ids = [self.state.keyword_ids[w] for w in apply["keywords"]]
            if created:
                self.state.keyword_links += [Article.keywords.through(article_id=article.pk, keyword_id=i) for i in ids]
            else:
                article.keywords.set(ids)

    def _write_entities(self, article: Article, item: AnalysedArticle, *, created: bool) -> Hospital | None:
        entities = item.entities
        # The records this parse of the article yields, by identity; on a re-import the article's
        # other records are ones a newer parse no longer finds (`_retire_parts`).
        self.state.produced = produced()
        hospitals: dict[str, Hospital] = {}
        new_hospitals: list[Hospital] = []
        for mention in entities.hospitals:
            hospital = self._hospital(mention.name, subject=mention.subject, inserts=new_hospitals,
                                      confidence=mention.confidence)
            if hospital is not None:
                hospitals[mention.name] = hospital
        subjects = [(mention, hospitals[mention.name]) for mention in entities.hospitals
                    if mention.subject and mention.name in hospitals]
        # Profiles first, so a new hospital is inserted with its place and facts in one row.
        new_aliases = [alias for mention, hospital in subjects for alias in self._profile(hospital, mention, entities.facts, article)]
        self._create(new_hospitals, Hospital)
        remember_names(hospitals=new_hospitals)
        self.state.new_hospital_ids.update(h.pk for h in new_hospitals)
        self._suggest_duplicates(new_hospitals)
        self._create(new_aliases, HospitalAlias)
        remember_names(aliases=new_aliases)
        for alias in new_aliases:
            self.state.new_aliases.setdefault(alias.hospital_id, []).append(alias.name)
        self._write_links(article, entities, hospitals, created=created)
        self._write_facts(subjects, entities.facts, article)

        default = hospitals.get(entities.subject_hospitals[0]) if entities.subject_hospitals else None
        people = self._write_people(article, entities, hospitals, default, created=created)
        if default is not None:
            self._write_honours(article, default, people, entities.honours)
        if not created:
            self._retire_parts(article)
        return default
