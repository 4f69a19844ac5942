"""The hospitals' public pages and JSON, on the imported seeds."""

from __future__ import annotations

import json

import pytest

from hospitals.models import Honour, Hospital, HospitalFact, Person, ReviewStatus
from tests.conftest import GOLD

pytestmark = pytest.mark.django_db


def test_hospitals_json_holds_every_gold_subject_hospital(client, seeded):
    names = {row["name"] for row in client.get("/hospitals/?format=json&page_size=1000").json()["results"]}
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for gold_file in gold["files"]:
        for article in gold_file["articles"]:
            for hospital in article["subject_hospitals"]:
                assert names & ({hospital["gold"]} | set(hospital.get("accept", []))), hospital


def test_hospital_detail_shows_honours_people_and_articles(client, seeded):
    hospital = Hospital.objects.get(name="平顶山市第二人民医院")
    html = client.get(hospital.get_absolute_url()).content.decode()
    assert "国家标准化胸痛中心示范中心" in html and "老静洁" in html and "奋力开启高质量发展新征程" in html


def test_hospital_page_shows_only_accepted_records(client, seeded):
    hospital = Hospital.objects.get(name="平顶山市第二人民医院")
    person = Person.objects.get(name="老静洁")
    honour = Honour.objects.get(name="国家爱婴医院")
    fact = HospitalFact.objects.get(hospital=hospital, kind="beds")
    shown = {
        "person": f'href="{person.get_absolute_url()}"',
        "honour": f'href="{honour.get_absolute_url()}"',
        "fact": "<strong>床位数</strong> 1404",
    }
    html = client.get(hospital.get_absolute_url()).content.decode()
    assert all(marker in html for marker in shown.values())
    for record in (person, honour, fact):
        record.status = ReviewStatus.PENDING
        record.save()
    html = client.get(hospital.get_absolute_url()).content.decode()
    assert [name for name, marker in shown.items() if marker in html] == []
    assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get(honour.get_absolute_url()).status_code == 404
