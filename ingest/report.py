"""What an import reports: counts per outcome, per file and in total, and the parse document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    failed: int = 0
    removed: int = 0  # the importer's own records that a newer parse no longer finds

    def add(self, outcome: str, n: int = 1) -> None:
        setattr(self, outcome, getattr(self, outcome) + n)

    def merge(self, other: "Counts") -> None:
        for name in ("created", "updated", "unchanged", "kept", "failed", "removed"):
            self.add(name, getattr(other, name))

    def summary(self) -> str:
        line = (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.kept} kept (edited), {self.failed} failed")
        return f"{line}, {self.removed} removed" if self.removed else line


@dataclass
class FileResult:
    display: str
    error: str | None = None
    articles: Counts = field(default_factory=Counts)
    records: Counts = field(default_factory=Counts)
    document: dict | None = None
    size: int = 0


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        """Article counts; a file that failed counts once."""
        total = Counts()
        for result in self.files:
            total.merge(result.articles)
            if result.error:
                total.failed += 1
        return total

    @property
    def record_counts(self) -> Counts:
        total = Counts()
        for result in self.files:
            total.merge(result.records)
        return total

    @property
    def failed_files(self) -> list[FileResult]:
        return [r for r in self.files if r.error]

    def document(self) -> dict:
        return {"files": [r.document for r in self.files if r.document is not None]}
