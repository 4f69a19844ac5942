"""The three-way rule, in one place. Every record remembers the values the importer last wrote
(`import_snapshot`); on a re-import each field is compared three ways:

    current == snapshot  → the editor left it alone: take the new parse
    current != snapshot  → the editor changed it: keep theirs (counted as "kept (edited)")
    record deleted       → a tombstone remembers it: never created again (ingest/writers/)
"""

from __future__ import annotations


def reconcile(record, values: dict, current: dict) -> tuple[str, dict]:
    """Decide per field what a re-import may change; `values` is what the new parse gives, by
    field. Returns the outcome ("created" is the caller's) and the fields to apply; updates the
    record's snapshot to the new parse. Where the new parse differs from an editor's correction,
    the correction stays and the difference is filed for review (`record._import_conflicts`)."""
    snapshot = record.import_snapshot or {}
    apply, kept = {}, {}
    for name, value in values.items():
        now = current.get(name)
        before = snapshot.get(name, now)
        if now == before:
            if now != value:
                apply[name] = value
        elif now != value:
            kept[name] = {"editor": now, "parser": value}
    record.import_snapshot = {**snapshot, **values}
    record._import_conflicts = kept
    outcome = "kept" if kept else ("updated" if apply else "unchanged")
    return outcome, apply
