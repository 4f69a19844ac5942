from __future__ import annotations

from collections import Counter

from django.db.models import Count, Prefetch, Q
from django.utils.functional import cached_property

from articles.models import Article
from core.listing import ID, YEAR, Choice, JsonDetailView, PinyinOrderedListView, Text, pinyin_key, related

from .models import Honour, Hospital, HospitalFact, Person, PersonMention, ReviewStatus

FACET_LIMIT = 30  # the most frequent choices; a long tail helps no reader


def hospital_fields(hospital: Hospital) -> dict:
    """A hospital's own fields as JSON: codes for programs, labels for people."""
    return {
        "id": hospital.pk,
        "url": hospital.get_absolute_url(),
        "name": hospital.name,
        "province": hospital.province or None,
        "city": hospital.city or None,
        "district": hospital.district or None,
        "place": hospital.place or None,
        "type": hospital.type or None,
        "type_label": hospital.get_type_display() if hospital.type else None,
        "grade": hospital.grade or None,
        "grade_label": hospital.get_grade_display() if hospital.grade else None,
    }


class HospitalListView(PinyinOrderedListView):
    template_name = "hospitals/hospital_list.html"
    context_object_name = "hospitals"
    csv_name = "hospitals"
    model = Hospital
    params = {"province": Text.of(Hospital, "province"), "city": Text.of(Hospital, "city"),
              "type": Choice(tuple(Hospital.Type.values)), "grade": Choice(tuple(Hospital.Grade.values))}

    def filtered(self):
        queryset = Hospital.objects.public()
        for field in self.params:
            value = self.param(field)
            if value:
                queryset = queryset.filter(**{field: value})
        return queryset

    @staticmethod
    def with_article_count(queryset):
        # Public articles as a subquery the status index answers, not a join to every link's
        # article row (which carries the article's whole text): 210 → 132 ms at 10,000 articles.
        return queryset.annotate(
            article_count=Count("article_links", filter=Q(article_links__article_id__in=Article.objects.public().values("pk")),
                                distinct=True),
        )

    def get_queryset(self):
        return self.with_article_count(self.filtered())

    def order_rows(self, queryset):
        # The most covered first; equal coverage in pinyin order of the name.
        rows = queryset.values_list("pk", "article_count", "name")
        return [(pk, n) for pk, n, name in sorted(rows, key=lambda r: (-r[1], pinyin_key(r[2])))]

    def page_objects(self, ids):
        return Hospital.objects.defer("import_snapshot").in_bulk(ids)

    def attach(self, objects, rows):
        for hospital, (_, count) in zip(objects, rows):
            hospital.article_count = count

    def facets(self):
        queryset = self.filtered()
        return [
            self.make_facet("province", "省份", queryset.values_list("province").annotate(n=Count("id")), pinyin=True),
            self.make_facet("city", "城市", queryset.values_list("city").annotate(n=Count("id")).order_by("-n")[:FACET_LIMIT],
                            pinyin=True),
            self.make_facet("type", "类型", queryset.values_list("type").annotate(n=Count("id")),
                            labels=dict(Hospital.Type.choices), order=Hospital.Type.values),
            self.make_facet("grade", "等级", queryset.values_list("grade").annotate(n=Count("id")),
                            labels=dict(Hospital.Grade.choices), order=Hospital.Grade.values),
        ]

    def row(self, hospital: Hospital) -> dict:
        return {**hospital_fields(hospital), "url": self.absolute(hospital.get_absolute_url()),
                "articles": hospital.article_count}


class HospitalDetailView(JsonDetailView):
    template_name = "hospitals/hospital_detail.html"
    context_object_name = "hospital"

    def get_queryset(self):
        # Without import snapshots: a fact's article carries its whole text.
        return Hospital.objects.public().defer("import_snapshot").prefetch_related(
            "aliases",
            Prefetch("facts", queryset=HospitalFact.objects.public().select_related("article")
                     .defer("import_snapshot", "article__import_snapshot").order_by("kind", "value")),
            Prefetch("honours", queryset=Honour.objects.public().select_related("person")
                     .defer("import_snapshot", "person__import_snapshot").order_by("-year", "name")),
            Prefetch("people", queryset=Person.objects.public().defer("import_snapshot").order_by("name")),
        )

    def articles(self):
        return (Article.objects.public().filter(hospital_links__hospital=self.object).select_related("source")
                .defer("import_snapshot").distinct().order_by("-published", "-id"))

    def people(self):
        return sorted(self.object.people.all(), key=lambda p: pinyin_key(p.name))

    def record(self, hospital):
        return {
            **hospital_fields(hospital),
            "aliases": [alias.name for alias in hospital.aliases.all()],
            "founded_year": hospital.founded_year, "beds": hospital.beds, "staff": hospital.staff,
            "motto": hospital.motto or None,
            "facts": [{"kind": f.kind, "kind_label": f.get_kind_display(), "value": f.value, "value_label": f.value_label,
                       "evidence": f.evidence, "article": related(f.article)} for f in hospital.facts.all()],
            "honours": [{**related(h), "year": h.year, "kind": h.kind, "level": h.level} for h in hospital.honours.all()],
            "people": [{**related(p), "role": p.role or None} for p in self.people()],
            "articles": [{**related(a), "published": a.published.isoformat() if a.published else None}
                         for a in self.articles()],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = self.articles()
        context["people"] = self.people()
        per_year: dict[int, int] = {}
        for honour in self.object.honours.all():
            if honour.year and honour.kind == Honour.Kind.HONOUR:
                per_year[honour.year] = per_year.get(honour.year, 0) + 1
        context["honours_per_year"] = sorted(per_year.items())
        # One quotation per sentence, with every fact it states.
        grouped: dict[str, dict] = {}
        for fact in self.object.facts.all():
            if fact.kind == HospitalFact.Kind.TYPE:
                continue
            entry = grouped.setdefault(fact.evidence, {"evidence": fact.evidence, "article": fact.article, "facts": []})
            entry["facts"].append(fact)
        context["fact_groups"] = list(grouped.values())
        return context


class HonourListView(PinyinOrderedListView):
    template_name = "hospitals/honour_list.html"
    context_object_name = "honours"
    csv_name = "honours"
    model = Honour
    # Honours unless the URL names another kind (资质认定, 排名).
    params = {"kind": Choice(tuple(Honour.Kind.values), default=Honour.Kind.HONOUR),
              "level": Choice(tuple(Honour.Level.values)), "year": YEAR, "hospital": ID}

    def filtered(self, *, without=()):
        # A join, not a subquery on public hospitals: the subquery sped the (cached) counts up by a
        # fifth but doubled the page's own rows query, which every reader pays (77 → 143 ms).
        queryset = Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED)
        for field in self.params:
            value = self.param(field)
            if value and field not in without:
                queryset = queryset.filter(**{field: value})
        return queryset

    def get_queryset(self):
        return self.filtered()

    @cached_property
    def scanned(self) -> list[tuple]:
        """(pk, year, name, level, hospital_id, kind) of the honours the filters select, of every
        kind: one scan gives the order and every facet's counts (five scans of the ~35,000 honours
        took about 1 s at 10,000 articles)."""
        return list(self.filtered(without=("kind",)).values_list("pk", "year", "name", "level", "hospital_id", "kind"))

    def of_kind(self) -> list[tuple]:
        kind = self.param("kind")
        return [row for row in self.scanned if row[5] == kind] if kind else self.scanned

    def order_rows(self, queryset):
        # The newest year first (undated last), names in pinyin order within a year.
        return [(pk,) for pk, *_ in sorted(self.of_kind(), key=lambda r: (-(r[1] or 0), pinyin_key(r[2]), r[0]))]

    def page_objects(self, ids):
        # Not the article (nothing on the list shows it), nor the snapshots: an article's row
        # carries its whole text (20 rows: 9.2 → 1.0 ms at 10,000 articles).
        return (Honour.objects.select_related("hospital", "person")
                .defer("import_snapshot", "hospital__import_snapshot", "person__import_snapshot").in_bulk(ids))

    def facets(self):
        rows = self.of_kind()
        by_hospital = sorted(Counter(row[4] for row in rows).items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]
        hospitals = {str(k): v for k, v in Hospital.objects.filter(pk__in=[pk for pk, _ in by_hospital])
                     .values_list("pk", "name")}
        years = sorted(Counter(row[1] for row in rows if row[1] is not None).items(), reverse=True)
        return [
            self.make_facet("kind", "类别", Counter(row[5] for row in self.scanned).items(),
                            labels=dict(Honour.Kind.choices), order=Honour.Kind.values, toggle=False),
            self.make_facet("year", "年份", years),
            self.make_facet("level", "级别", Counter(row[3] for row in rows).items(),
                            labels=dict(Honour.Level.choices), order=Honour.Level.values),
            self.make_facet("hospital", "医院", by_hospital, labels=hospitals, pinyin=True),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind_label"] = dict(Honour.Kind.choices)[self.param("kind") or Honour.Kind.HONOUR]
        return context

    def row(self, honour: Honour) -> dict:
        return {
            "id": honour.pk,
            "url": self.absolute(honour.get_absolute_url()),
            "name": honour.name,
            "year": honour.year,
            "level": honour.level,
            "level_label": honour.get_level_display(),
            "kind": honour.kind,
            "kind_label": honour.get_kind_display(),
            "recipient": honour.recipient,
            "hospital": honour.hospital.name,
            "hospital_id": honour.hospital_id,
        }


class HonourDetailView(JsonDetailView):
    template_name = "hospitals/honour_detail.html"
    context_object_name = "honour"

    def get_queryset(self):
        return Honour.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).select_related(
            "hospital", "person", "article")

    def record(self, honour):
        person = honour.person if honour.person_id and honour.person.status == ReviewStatus.ACCEPTED else None
        article = honour.article if honour.article_id and honour.article.status == ReviewStatus.ACCEPTED else None
        return {
            "id": honour.pk, "url": honour.get_absolute_url(), "name": honour.name, "year": honour.year,
            "level": honour.level, "level_label": honour.get_level_display(),
            "kind": honour.kind, "kind_label": honour.get_kind_display(),
            "recipient": honour.recipient, "recipient_kind": honour.recipient_kind,
            "department": honour.department or None, "evidence": honour.evidence,
            "hospital": related(honour.hospital), "person": related(person), "article": related(article),
        }


class PersonListView(PinyinOrderedListView):
    template_name = "hospitals/person_list.html"
    context_object_name = "people"
    csv_name = "people"
    model = Person
    params = {"province": Text.of(Hospital, "province"), "hospital": ID}

    def filtered(self):
        queryset = Person.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED)
        if province := self.param("province"):
            queryset = queryset.filter(hospital__province=province)
        if hospital := self.param("hospital"):
            queryset = queryset.filter(hospital_id=hospital)
        return queryset

    def get_queryset(self):
        return self.filtered()

    @cached_property
    def scanned(self) -> list[tuple]:
        """(pk, name, hospital_id, hospital's name, hospital's province) of the people the filters
        select: one scan gives the order and the facets' counts (three took 0.4–0.9 s at 10,000
        articles)."""
        return list(self.filtered().values_list("pk", "name", "hospital_id", "hospital__name", "hospital__province"))

    def order_rows(self, queryset):
        return [(pk,) for pk, *_ in sorted(self.scanned, key=lambda r: (pinyin_key(r[1]), pinyin_key(r[3]), r[0]))]

    def page_objects(self, ids):
        return Person.objects.select_related("hospital").defer("import_snapshot", "hospital__import_snapshot").in_bulk(ids)

    def facets(self):
        per_hospital = Counter(row[2] for row in self.scanned)
        by_hospital = sorted(per_hospital.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]
        names = {str(row[2]): row[3] for row in self.scanned}
        return [
            self.make_facet("province", "省份", Counter(row[4] for row in self.scanned).items(), pinyin=True),
            self.make_facet("hospital", "医院", by_hospital, labels=names, pinyin=True),
        ]

    def row(self, person: Person) -> dict:
        return {"id": person.pk, "url": self.absolute(person.get_absolute_url()), "name": person.name,
                "role": person.role or None, "hospital": person.hospital.name, "hospital_id": person.hospital_id}


class PersonDetailView(JsonDetailView):
    template_name = "hospitals/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().filter(hospital__status=ReviewStatus.ACCEPTED).select_related(
            "hospital").prefetch_related(
            Prefetch("mentions", queryset=PersonMention.objects.filter(article__status=ReviewStatus.ACCEPTED)
                     .select_related("article")),
            Prefetch("honours", queryset=Honour.objects.public().order_by("-year", "name")),
        )

    def record(self, person):
        return {
            "id": person.pk, "url": person.get_absolute_url(), "name": person.name, "role": person.role or None,
            "aliases": [a for a in person.aliases.split("、") if a],
            "hospital": related(person.hospital),
            "honours": [{**related(h), "year": h.year} for h in person.honours.all()],
            "mentions": [{"role": m.role or None, "evidence": m.evidence, "article": related(m.article)}
                         for m in person.mentions.all()],
        }
