"""Each record's identity, defined once: the fields that tell one record of a kind from another,
independent of database ids.

`IDENTITY` is what the database's unique constraint holds (a test checks each model's
constraint against it), what a spreadsheet row is matched by (the resources' `import_id_fields`
are `identity_fields(model)`), and what the importer's keys below spell, in the same order, a
related record by its name: the key of an article is its file's path and position, of a
hospital its name, of a person the hospital's name and theirs. Tombstones store these keys, so
their spelling never changes (a database's tombstones would stop matching).

An alias is one exception, on purpose: its name is unique in the database and in sheets, but
the tombstone of a deleted alias also names the hospital it was deleted from, so the same name
may still be proposed for another hospital.
"""

from __future__ import annotations

IDENTITY: dict[str, tuple[str, ...]] = {
    "articles.Article": ("source_file", "position"),
    "articles.ArticleHospital": ("article", "hospital"),
    "hospitals.Hospital": ("name",),
    "hospitals.HospitalAlias": ("name",),
    "hospitals.Person": ("hospital", "name"),
    "hospitals.PersonMention": ("article", "person"),
    # No person and no year are values like any other: a hospital's honour and the same honour of
    # one of its people are two records (NULLs compare equal in the constraint).
    "hospitals.Honour": ("hospital", "department", "person", "name", "year"),
    "hospitals.HospitalFact": ("hospital", "kind", "value"),
}


def identity_fields(model) -> tuple[str, ...]:
    """The fields that identify a record of `model` (a model class or its label)."""
    return IDENTITY[model if isinstance(model, str) else model._meta.label]


def article_key(source_path: str, position: int) -> str:
    return f"{source_path}#{position}"


def person_key(hospital_name: str, name: str) -> str:
    return f"{hospital_name}|{name}"


def honour_key(hospital_name: str, department: str, person_name: str, name: str, year: int | None) -> str:
    return f"{hospital_name}|{department}|{person_name}|{name}|{year or ''}"


def link_key(article: str, hospital_name: str) -> str:
    """An article's link to a hospital; `article` is the article's own key."""
    return f"{article}|{hospital_name}"


def mention_key(article: str, hospital_name: str, person_name: str) -> str:
    return f"{article}|{person_key(hospital_name, person_name)}"


def fact_key(hospital_name: str, kind: str, value: str) -> str:
    return f"{hospital_name}|{kind}|{value}"


def alias_key(hospital_name: str, alias: str) -> str:
    return f"{hospital_name}|{alias}"


def natural_key_of(instance) -> str | None:
    """The key of a model instance, for the tombstone written when an editor deletes it."""
    label = instance._meta.label
    if label == "articles.Article":
        return article_key(instance.source_file.path, instance.position)
    if label == "hospitals.Hospital":
        return instance.name
    if label == "hospitals.Person":
        return person_key(instance.hospital.name, instance.name)
    if label == "hospitals.Honour":
        return honour_key(instance.hospital.name, instance.department,
                          instance.person.name if instance.person_id else "", instance.name, instance.year)
    if label == "articles.ArticleHospital":
        return link_key(_article_key_of(instance.article), instance.hospital.name)
    if label == "hospitals.PersonMention":
        return mention_key(_article_key_of(instance.article), instance.person.hospital.name, instance.person.name)
    if label == "hospitals.HospitalFact":
        return fact_key(instance.hospital.name, instance.kind, instance.value)
    if label == "hospitals.HospitalAlias":
        return alias_key(instance.hospital.name, instance.name)
    return None


def _article_key_of(article) -> str:
    return article_key(article.source_file.path, article.position)


def identity_of(record) -> tuple:
    """A record's identity as values (a related record by its id), in `IDENTITY`'s order: how
    the importer tells the records it meets apart within one database."""
    meta = record._meta
    return tuple(getattr(record, meta.get_field(name).attname) for name in IDENTITY[meta.label])
