"""Filing things for editors to look at (the review queue), and telling the importer's records from
those an editor touched."""

from __future__ import annotations

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from articles.models import ReviewItem
from core import bulk
from core.importcontext import IMPORTER_USERNAME

# Repairs the parser is sure of: recorded on the article (closed items, 已修正), no decision
# left for an editor. Every other flag is a doubt and stays open.
REPAIR_FLAGS = frozenset({
    "merged_broken_paragraph", "caption_inside_paragraph", "duplicate_paragraph", "duplicate_section",
    "removed_ocr_spaces", "replaced_stray_latin", "replaced_dash_with_one", "dropped_boilerplate",
    "dropped_navigation", "dropped_advertisement", "dropped_photo_credit", "dropped_player_text",
    "headline_not_printed", "dropped_short_line",
})


def _new_item(kind: str, code: str, *, now, article=None, hospital=None, target=None, excerpt: str = "",
              detail: dict | None = None) -> ReviewItem:
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    key = json.dumps([kind, code, article.pk if article else None, content_type.pk if content_type else None,
                      target.pk if target is not None else None, excerpt, detail or {}],
                     ensure_ascii=False, sort_keys=True, default=str)
    repaired = kind == ReviewItem.Kind.FLAG and code in REPAIR_FLAGS
    return ReviewItem(
        fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest(), kind=kind, code=code, article=article,
        hospital=hospital, content_type=content_type, object_id=target.pk if target is not None else None,
        excerpt=excerpt[:200], detail=detail or {},
        status=ReviewItem.Status.FIXED if repaired else ReviewItem.Status.OPEN,
        resolved=now if repaired else None,
    )


def file_review_items(specs: list[dict]) -> None:
    """Many at once (everything a file raises): one insert, existing items left as they are."""
    items = {}
    now = bulk.insert_time()  # repairs are resolved as their items are made: one time to prepare, not one each
    for spec in specs:
        item = _new_item(**spec, now=now)
        items.setdefault(item.fingerprint, item)
    if items:
        bulk.insert(list(items.values()), ReviewItem, ignore_conflicts=True, hold=True)


HELD_RECORDS = "held_records"


def group_held_records(specs: list[dict]) -> list[dict]:
    """The records of one article held back below the bar go to editors as one decision, not one
    item each (on the 901 real documents, 250 of the 448 held records share an article with
    another: 93 items instead of 250): the item lists them, and 采用/忽略 decides them all. A
    single held record keeps its own item."""
    held: dict[int, list[dict]] = {}
    kept = []
    for spec in specs:
        article = spec.get("article")
        if spec["kind"] == ReviewItem.Kind.LOW_CONFIDENCE and article is not None and spec.get("target") is not None:
            held.setdefault(id(article), []).append(spec)
        else:
            kept.append(spec)
    for group in held.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        hospitals = {id(spec.get("hospital")): spec.get("hospital") for spec in group}
        kept.append(dict(
            kind=ReviewItem.Kind.LOW_CONFIDENCE, code=HELD_RECORDS, article=group[0]["article"],
            hospital=next(iter(hospitals.values())) if len(hospitals) == 1 else None,
            excerpt=f"本文 {len(group)} 条待审记录：" + "；".join(spec["excerpt"].split("：")[0] for spec in group),
            detail={"records": [[spec["target"]._meta.label, spec["target"].pk, spec["excerpt"]] for spec in group]},
        ))
    return kept


def held_records(item: ReviewItem) -> list:
    """The records an item decides: its own target, or the ones a group of held records lists."""
    if item.code != HELD_RECORDS:
        target = item.target
        return [target] if target is not None and hasattr(target, "status") else []
    from django.apps import apps

    wanted: dict[str, list[int]] = {}
    for label, pk, _ in (item.detail or {}).get("records", []):
        wanted.setdefault(label, []).append(pk)
    found = []
    for label, pks in wanted.items():
        found.extend(apps.get_model(label)._default_manager.filter(pk__in=pks))
    return found


def forget_held_records(model, pks: list[int], file_key: str) -> None:
    """A record a newer parse no longer finds leaves the grouped items that listed it (an item
    listing nothing more is deleted, as a single record's item is)."""
    bulk.write_held_rows()
    label, gone = model._meta.label, set(pks)
    for item in ReviewItem.objects.open().filter(code=HELD_RECORDS, article__source_file__path=file_key):
        records = [r for r in item.detail.get("records", []) if not (r[0] == label and r[1] in gone)]
        if not records:
            item.delete()
        elif len(records) != len(item.detail["records"]):
            item.detail = {**item.detail, "records": records}
            item.save(update_fields=["detail"])


def untouched_by_editors(model, records: list, state=None) -> list:
    """The records only the importer ever wrote: it created them, every row of their history is
    the importer's, and their fields still hold what it last wrote (a shell `update()` leaves no
    history). Anyone else's save, delete-and-restore, merge or review action shows in the history.
    `state(record)` gives the record's values as its snapshot spells them (default: its
    attributes of those names). One query for all of them."""
    if not records:
        return []
    bulk.write_held_rows()
    created_by_import, written_by_others = set(), set()
    rows = get_history_manager_for_model(model).filter(id__in=[r.pk for r in records])
    for pk, kind, username in rows.values_list("id", "history_type", "history_user__username"):
        if username == IMPORTER_USERNAME:
            if kind == "+":
                created_by_import.add(pk)
        else:
            written_by_others.add(pk)

    def holds_what_the_import_wrote(record) -> bool:
        if not hasattr(record, "import_snapshot"):
            return True  # a model without snapshots (a person's mention): its history decides
        snapshot = record.import_snapshot
        if not snapshot:
            return False  # an editor made it, or took it over
        current = state(record) if state else {name: getattr(record, name, None) for name in snapshot}
        return all(current.get(name) == value for name, value in snapshot.items())

    return [r for r in records
            if r.pk in created_by_import and r.pk not in written_by_others and holds_what_the_import_wrote(r)]


def resolve(item: ReviewItem, status: str, user) -> None:
    item.status = status
    item.resolved = timezone.now()
    item.resolved_by = user if getattr(user, "pk", None) else None
    item.save(update_fields=["status", "resolved", "resolved_by"])


def withdraw_stale_suggestions() -> int:
    """Open duplicate suggestions that no longer hold go: one of the two names names no hospital
    any more (a newer parse retired it, an editor deleted it), both now name one hospital (an
    editor merged them), or today's rule no longer pairs them (the rule grew stricter since it
    filed them). An open suggestion is the importer's alone; one an editor decided stays, and a
    rejected pair's fingerprint still keeps it from being suggested again. Returns how many went."""
    from articles.extraction.names import likely_same_hospital
    from hospitals.models import Hospital, HospitalAlias

    items = list(ReviewItem.objects.open().filter(kind=ReviewItem.Kind.DUPLICATE).values_list("pk", "detail"))
    if not items:
        return 0
    names = sorted({name for _, detail in items for name in (detail or {}).get("names", [])})
    hospital_of: dict[str, int] = {}
    for start in range(0, len(names), 500):
        chunk = names[start:start + 500]
        hospital_of.update(HospitalAlias.objects.filter(name__in=chunk).values_list("name", "hospital_id"))
        hospital_of.update(Hospital.objects.filter(name__in=chunk).values_list("name", "pk"))

    def holds(pair) -> bool:
        return (len(pair) == 2 and all(name in hospital_of for name in pair)
                and hospital_of[pair[0]] != hospital_of[pair[1]] and likely_same_hospital(*pair))

    stale = [pk for pk, detail in items if not holds((detail or {}).get("names", []))]
    if stale:
        ReviewItem.objects.open().filter(pk__in=stale).delete()
    return len(stale)
