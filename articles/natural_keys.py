"""Natural keys of imported records: how a record is recognised across imports and in
spreadsheets, independent of database ids (see DESIGN, "Identity and reconciliation")."""

from __future__ import annotations


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
