"""Natural keys of imported records: how a record is recognised across imports and in
spreadsheets, independent of database ids (see DESIGN, "Identity and reconciliation")."""

from __future__ import annotations


def article_key(source_path: str, position: int) -> str:
    return f"{source_path}#{position}"


def person_key(hospital_name: str, name: str) -> str:
    return f"{hospital_name}|{name}"


def honour_key(hospital_name: str, department: str, person_name: str, name: str, year: int | None) -> str:
    return f"{hospital_name}|{department}|{person_name}|{name}|{year or ''}"


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
    return None
