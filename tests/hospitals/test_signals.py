"""A renamed hospital or person keeps the old name as an alias (hospitals/signals.py): the
importer finds records by name and alias only, and would otherwise make the old name again."""

from __future__ import annotations

import pytest

from hospitals.models import PERSON_ALIAS_SEPARATOR, Hospital, HospitalAlias, Person, ReviewStatus

pytestmark = pytest.mark.django_db


def test_a_renamed_hospital_keeps_its_old_name_as_an_alias():
    hospital = Hospital.objects.create(name="綦江人民医院", status=ReviewStatus.ACCEPTED)
    hospital.name = "重庆市綦江区人民医院"
    hospital.save()
    assert list(HospitalAlias.objects.filter(hospital=hospital).values_list("name", flat=True)) == ["綦江人民医院"]
    assert hospital.history.count() == 2  # the rename's own row; the alias is its own record


def test_saving_a_hospital_unrenamed_adds_no_alias():
    hospital = Hospital.objects.create(name="平顶山市第二人民医院", status=ReviewStatus.ACCEPTED)
    hospital.beds = 1404
    hospital.save()
    assert not HospitalAlias.objects.exists()


def test_a_renamed_person_keeps_each_old_name_with_one_history_row_per_save():
    hospital = Hospital.objects.create(name="綦江人民医院", status=ReviewStatus.ACCEPTED)
    person = Person.objects.create(name="王江", role="书记", hospital=hospital)
    for name in ("王江华", "王小江"):
        person.name = name
        person.save()
    person.refresh_from_db()
    assert person.aliases.split(PERSON_ALIAS_SEPARATOR) == ["王江", "王江华"]
    assert person.history.count() == 3
