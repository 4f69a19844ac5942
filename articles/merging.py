"""Merging duplicate hospitals or people: every link moves to the survivor (an article's links and
review items too, so this lives with the articles), the other name stays as an alias.

The duplicate is deleted afterwards; its tombstone and the alias keep a re-import from creating
it again (the importer finds a hospital by alias before it looks for tombstones)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from hospitals.models import (
    PERSON_ALIAS_SEPARATOR,
    Honour,
    Hospital,
    HospitalAlias,
    HospitalFact,
    Person,
    PersonMention,
)

from .models import ArticleHospital, ReviewItem


def _move(queryset, **changes) -> None:
    """Re-point rows one by one; a row that would duplicate one the survivor has is dropped."""
    for row in queryset:
        for field, value in changes.items():
            setattr(row, field, value)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            row.__class__.objects.filter(pk=row.pk).delete()


@transaction.atomic
def merge_people(survivor: Person, others: list[Person]) -> Person:
    names = [n for n in survivor.aliases.split(PERSON_ALIAS_SEPARATOR) if n]
    for other in others:
        if other.pk == survivor.pk:
            continue
        _move(PersonMention.objects.filter(person=other), person=survivor)
        Honour.objects.filter(person=other).update(person=survivor)
        for name in [other.name, *other.aliases.split(PERSON_ALIAS_SEPARATOR)]:
            if name and name != survivor.name and name not in names:
                names.append(name)
        if not survivor.role and other.role:
            survivor.role = other.role
        other.delete()
    survivor.aliases = PERSON_ALIAS_SEPARATOR.join(names)[:100]
    survivor.save()
    return survivor


@transaction.atomic
def merge_hospitals(survivor: Hospital, others: list[Hospital]) -> Hospital:
    for other in others:
        if other.pk == survivor.pk:
            continue
        _move(ArticleHospital.objects.filter(hospital=other), hospital=survivor)
        _move(HospitalFact.objects.filter(hospital=other), hospital=survivor)
        _move(Honour.objects.filter(hospital=other), hospital=survivor)
        for person in Person.objects.filter(hospital=other):
            twin = Person.objects.filter(hospital=survivor, name=person.name).first()
            if twin:
                merge_people(twin, [person])
            else:
                person.hospital = survivor
                person.save()
        ReviewItem.objects.filter(hospital=other).update(hospital=survivor)
        HospitalAlias.objects.filter(hospital=other).update(hospital=survivor)
        for field in ("province", "city", "district", "type", "grade", "founded_year", "beds", "staff", "motto"):
            if not getattr(survivor, field) and getattr(other, field):
                setattr(survivor, field, getattr(other, field))
        name = other.name
        other.delete()
        HospitalAlias.objects.get_or_create(name=name, defaults={"hospital": survivor})
    survivor.save()
    return survivor
