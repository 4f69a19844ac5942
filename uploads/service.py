"""Uploads in, an import job out.

`read_uploads()` checks what an editor sent (plain .txt files, saved .html pages, .md exports, exports of records such as .csv or
.json, and .zip archives of them) and
returns the text files, or refuses the whole upload with one message per bad file: nothing is
stored unless every file is good. `stage()` keeps the files under UPLOAD_DIR/<job>/ (and their bytes in the
database, for workers on other machines) with their SHA-256 and makes the job; `preview()` runs
the import as a dry run; `run_job()` (the background task, uploads/jobs.py) imports them file by
file with `ingest.pipeline`, the service `import_seeds` uses, so an uploaded file gets exactly
the records the same file imported from disk would.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.parsing.decode import DecodeError, decode_bytes
from articles.parsing.records import EXPORT_SUFFIXES, read_records
from ingest.files import is_article_file
from ingest.pipeline import import_paths
from ingest.report import FileResult, ImportReport

from .jobs import run_job  # noqa: F401 — the background task's body
from .models import ImportJob, UploadedFile


class UploadRejected(Exception):
    """The upload is refused as a whole; `errors` name each file and the reason, in Chinese."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Entry:
    name: str  # the path the import will know the file by (inside a zip: the path in the zip)
    data: bytes
    archive: str = ""  # the zip it came from


def limits() -> dict:
    return {
        "files": settings.UPLOAD_MAX_FILES,
        "file_bytes": settings.IMPORT_MAX_FILE_BYTES,
        "total_bytes": settings.UPLOAD_MAX_TOTAL_BYTES,
        "ratio": settings.UPLOAD_MAX_ZIP_RATIO,
    }


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} 字节"


def _check_name(name: str, where: str) -> str | None:
    """The reason a file name cannot be used, or None."""
    if "\x00" in name or any(ord(ch) < 32 for ch in name):
        return f"{where}：文件名含有控制字符"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\\" in name:
        return f"{where}：不允许使用绝对路径或反斜杠"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return f"{where}：路径中不允许出现“..”、“.”或空的目录名"
    if len(name) > 400:
        return f"{where}：文件名过长"
    if not is_article_file(name):
        return f"{where}：只接受 .txt 文本、.html 网页、.md 文稿，或 .csv、.tsv、.json、.jsonl、.xml 导出文件"
    return None


def _check_text(name: str, data: bytes) -> str | None:
    limit = settings.IMPORT_MAX_FILE_BYTES
    if len(data) > limit:
        return f"{name}：{_mib(len(data))}，超过单个文件上限 {_mib(limit)}"
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        reason = str(exc)
        if "empty" in reason:
            return f"{name}：文件是空的"
        if "NUL" in reason or "binary" in reason:
            return f"{name}：不是文本文件（含有二进制内容）"
        return f"{name}：无法识别编码，不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 文本"
    if name.lower().endswith(EXPORT_SUFFIXES) and read_records(text) is None:
        return f"{name}：导出文件中没有找到文章记录（每条记录需有标题和正文字段，如 CSV 的表头、JSON 的对象、RSS 的条目）"
    return None


def _read_zip(upload_name: str, data: bytes, budget: dict, errors: list[str]) -> list[Entry]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        errors.append(f"{upload_name}：不是有效的 zip 压缩包（{exc.__class__.__name__}）")
        return []
    members = [info for info in infos if not info.is_dir()]
    lim = limits()
    if budget["files"] + len(members) > lim["files"]:
        errors.append(f"{upload_name}：压缩包内有 {len(members)} 个文件，一次最多上传 {lim['files']} 个文件")
        return []
    declared = sum(info.file_size for info in members)
    if budget["bytes"] + declared > lim["total_bytes"]:
        errors.append(f"{upload_name}：解压后共 {_mib(declared)}，超过一次上传的总上限 {_mib(lim['total_bytes'])}"
                      "（疑似压缩炸弹）")
        return []
    entries = []
    for info in members:
        where = f"{upload_name} 中的 {info.filename}"
        reason = _check_name(info.filename, where)
        if reason:
            errors.append(reason)
            continue
        if info.flag_bits & 0x1:
            errors.append(f"{where}：压缩包内的文件已加密")
            continue
        if info.file_size and info.compress_size and info.file_size / info.compress_size > lim["ratio"]:
            errors.append(f"{where}：压缩比 {info.file_size / info.compress_size:.0f}:1 超过上限 "
                          f"{lim['ratio']}:1（疑似压缩炸弹）")
            continue
        if info.file_size > lim["file_bytes"]:
            errors.append(f"{where}：{_mib(info.file_size)}，超过单个文件上限 {_mib(lim['file_bytes'])}")
            continue
        try:
            # Never trust the sizes the archive declares: read at most one byte past the limit.
            with archive.open(info) as handle:
                content = handle.read(lim["file_bytes"] + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
            errors.append(f"{where}：无法解压（{exc.__class__.__name__}）")
            continue
        if len(content) != info.file_size:
            errors.append(f"{where}：解压后的大小与压缩包声明的不符（疑似压缩炸弹或损坏）")
            continue
        reason = _check_text(where, content)
        if reason:
            errors.append(reason)
            continue
        budget["files"] += 1
        budget["bytes"] += len(content)
        entries.append(Entry(info.filename, content, archive=upload_name))
    return entries


def read_uploads(files: list[tuple[str, bytes]]) -> list[Entry]:
    """The text files in `files` ((name, bytes) as uploaded), checked; UploadRejected otherwise."""
    lim = limits()
    errors: list[str] = []
    if not files:
        raise UploadRejected(["没有选择文件"])
    if len(files) > lim["files"]:
        raise UploadRejected([f"一次最多上传 {lim['files']} 个文件，这次选择了 {len(files)} 个"])
    uploaded = sum(len(data) for _, data in files)
    if uploaded > lim["total_bytes"]:
        raise UploadRejected([f"这次上传共 {_mib(uploaded)}，超过总上限 {_mib(lim['total_bytes'])}"])
    budget = {"files": 0, "bytes": 0}
    entries: list[Entry] = []
    for raw_name, data in files:
        name = posixpath.basename((raw_name or "").replace("\\", "/")) or "（无名文件）"
        if name.lower().endswith(".zip"):
            entries += _read_zip(name, data, budget, errors)
            continue
        reason = _check_name(name, name) or _check_text(name, data)
        if reason:
            errors.append(reason)
            continue
        if budget["files"] + 1 > lim["files"]:
            errors.append(f"{name}：一次最多上传 {lim['files']} 个文件")
            continue
        budget["files"] += 1
        budget["bytes"] += len(data)
        entries.append(Entry(name, data))
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.name in seen:
            errors.append(f"{entry.name}：这次上传中有两个同名文件")
        seen[entry.name] = entry
    if budget["bytes"] > lim["total_bytes"]:
        errors.append(f"解压后共 {_mib(budget['bytes'])}，超过一次上传的总上限 {_mib(lim['total_bytes'])}")
    if errors:
        raise UploadRejected(errors)
    if not entries:
        raise UploadRejected(["压缩包中没有文章文件（.txt、.html、.md）或导出文件"])
    return entries


def stage(entries: list[Entry], uploader) -> ImportJob:
    """Keep the files under a folder of their own and make the job (status 待确认). On any
    failure nothing is left: no folder, no row."""
    root = Path(settings.UPLOAD_DIR)
    folder = root / f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}"
    files_dir = folder / "files"
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(uploader=uploader, folder=str(folder), total=len(entries))
            rows = []
            for entry in entries:
                target = files_dir / entry.name
                target.parent.mkdir(parents=True, exist_ok=True)
                if files_dir.resolve() not in target.resolve().parents:  # the names were checked; belt and braces
                    raise UploadRejected([f"{entry.name}：路径不在上传目录内"])
                target.write_bytes(entry.data)
                rows.append(UploadedFile(job=job, name=entry.name, stored_path=str(target), size=len(entry.data),
                                         sha256=hashlib.sha256(entry.data).hexdigest(), archive=entry.archive,
                                         content=entry.data))
            UploadedFile.objects.bulk_create(rows)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return job


def discard(job: ImportJob) -> None:
    shutil.rmtree(job.folder, ignore_errors=True)
    job.delete()


def _files_dir(job: ImportJob) -> Path:
    return Path(job.folder) / "files"


def _name_of(job: ImportJob, result: FileResult) -> str:
    prefix = _files_dir(job).as_posix().rstrip("/") + "/"
    return result.display[len(prefix):] if result.display.startswith(prefix) else result.display


ERROR_REASONS = (
    ("over the import limit", "超过单个文件上限"),
    ("empty", "文件是空的"),
    ("binary", "不是文本文件"),
    ("NUL", "不是文本文件"),
    ("a headline but no body", "只有标题，没有正文"),
    ("no records found", "导出文件中没有找到文章记录：每条记录需有标题和正文字段"),
    ("no article found", "没有找到文章：没有标题后接正文的内容"),
    ("cannot read", "无法读取"),
)


def chinese_error(job: ImportJob | None, error: str | None) -> str:
    """The importer's reason, in Chinese where it is a known one (its own English otherwise).
    `job`: whose folder the files were read from (none when read from the database)."""
    if not error:
        return ""
    text = error.replace(_files_dir(job).as_posix().rstrip("/") + "/", "") if job is not None else error
    for needle, chinese in ERROR_REASONS:
        if needle in text:
            return f"{chinese}（{text}）"
    return text


def _result_json(job: ImportJob, result: FileResult) -> dict:
    return {
        "name": _name_of(job, result),
        "status": "failed" if result.error else "done",
        "error": chinese_error(job, result.error),
        "articles": vars(result.articles).copy(),
        "records": vars(result.records).copy(),
    }


def preview(job: ImportJob) -> list[dict]:
    """What importing the job's files would do, file by file (a dry run: nothing is kept)."""
    report = import_paths([str(_files_dir(job))], dry_run=True, want_document=True)
    rows = []
    for result in report.files:
        row = _result_json(job, result)
        articles = (result.document or {}).get("articles", [])
        row["titles"] = [a.get("title") or "（无标题）" for a in articles]
        row["hospitals"] = sorted({h for a in articles for h in a.get("subject_hospitals", []) + a.get("mentioned_hospitals", [])})
        row["people"] = sorted({p["name"] for a in articles for p in a.get("people", [])})
        row["honours"] = sorted({h["name"] for a in articles for h in a.get("honours", []) + a.get("designations", [])})
        row["flags"] = sorted({f["kind"] for a in articles for f in a.get("flags", [])})
        rows.append(row)
    job.preview = rows
    job.save(update_fields=["preview"])
    return rows


def _counts_in_chinese(counts) -> str:
    line = (f"新建 {counts.created}，更新 {counts.updated}，未变 {counts.unchanged}，"
            f"保留（编辑已改）{counts.kept}，失败 {counts.failed}")
    return f"{line}，移除 {counts.removed}" if counts.removed else line


def summary_lines(report: ImportReport, elapsed: float) -> list[str]:
    """The job's summary, for editors: what `import_seeds` prints at the end, line for line, in
    Chinese."""
    size = sum(r.size for r in report.files)
    return [
        f"文章：{_counts_in_chinese(report.counts)}",
        f"其他记录：{_counts_in_chinese(report.record_counts)}",
        f"{len(report.files)} 个文件，{size / 1024:.1f} KB，用时 {elapsed:.2f} 秒"
        f"（{size / 1024 / elapsed if elapsed else 0:.0f} KB/秒）",
    ]
