"""Finding and reading the files of an import: article files (`.txt`, and the exports of feeds,
spreadsheets and crawlers that articles/parsing/records.py reads) under the paths given, each
refused with a one-line reason when it cannot be used (missing, not a regular file, over the size
limit)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from articles.parsing.decode import DecodeError, decode_bytes
from articles.parsing.records import EXPORT_SUFFIXES, read_records

from .report import FileResult

# Plain text, a saved web page, a CMS's Markdown export, and the exports a file of records comes
# in (a feed, CSV/TSV, JSON).
PAGE_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
ARTICLE_SUFFIXES = (".txt", *PAGE_SUFFIXES, *MARKDOWN_SUFFIXES, *EXPORT_SUFFIXES)


def is_article_file(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


class ImportInputError(Exception):
    """A path or file that cannot be imported; the message names it and says why."""


@dataclass(frozen=True)
class InputFile:
    path: Path  # on disk
    display: str  # as the user named it (the contract's "path")
    key: str  # relative to the import root: the file's identity in the database


def discover(paths: list[str]) -> tuple[list[InputFile], list[FileResult]]:
    """The article files named by `paths` (files or folders, recursively, links not followed into
    loops), sorted by display path; and a failed result for each path that cannot be used."""
    found: dict[str, InputFile] = {}
    problems: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            problems.append(FileResult(raw, error=f"{raw}: no such file or directory"))
            continue
        if path.is_dir():
            files = list(_walk_articles(path))
            if not files:
                problems.append(FileResult(raw, error=f"{raw}: the directory holds no article file (.txt, .html, "
                                                      f".md with front matter, .csv, .tsv, .json, .jsonl or a feed export)"))
            for file in files:
                rel = file.relative_to(path).as_posix()
                display = (Path(raw) / rel).as_posix()
                found.setdefault(display, InputFile(file, display, rel))
        elif path.is_file():
            found.setdefault(path.as_posix(), InputFile(path, path.as_posix(), path.name))
        else:
            problems.append(FileResult(raw, error=f"{raw}: not a regular file (broken link or device)"))
    return [found[k] for k in sorted(found)], problems


def _walk_articles(root: Path):
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=False):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in sorted(files):
            lowered = name.lower()
            if lowered.endswith((".txt", *PAGE_SUFFIXES)) \
                    or (lowered.endswith(MARKDOWN_SUFFIXES) and _is_markdown_export(Path(folder) / name)) \
                    or (lowered.endswith(EXPORT_SUFFIXES) and _holds_records(Path(folder) / name)):
                yield Path(folder) / name


def _is_markdown_export(path: Path) -> bool:
    """A CMS's export opens with front matter that has a title, or with its `# ` headline over
    Chinese text (a copied post); a folder's README or notes do not, and are left alone (named on
    its own, any `.md` is read)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return False
    front = re.match(r"---[ \t]*\r?\n(?P<body>.*?)\r?\n---", head, re.DOTALL)
    if front:
        return bool(re.search(r"^title[ \t]*:", front["body"], re.MULTILINE))
    chinese, latin = len(re.findall(r"[\u4e00-\u9fff]", head)), len(re.findall(r"[A-Za-z]", head))
    return head.lstrip().startswith("# ") and chinese >= 200 and chinese >= latin and head.count("。") >= 3


def _holds_records(path: Path) -> bool:
    """Whether an export found in a folder holds articles: a folder's other `.json` or `.xml`
    (a tool's settings, a gold file) is not an article file, and is left alone as a `.md` is.
    Named on its own, an export is always read, and one without records fails by name."""
    try:
        with open(path, "rb") as handle:
            text, _ = decode_bytes(handle.read(64 * 1024 * 1024))
    except (OSError, DecodeError):
        return False
    return read_records(text) is not None


def read_file(item: InputFile, limit: int) -> bytes:
    """The file's bytes, refusing what is not a readable regular file or is over the limit."""
    try:
        info = os.stat(item.path)  # follows links; a link loop raises here
    except OSError as exc:
        raise ImportInputError(f"{item.display}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportInputError(f"{item.display}: not a regular file")
    if info.st_size > limit:
        raise ImportInputError(
            f"{item.display}: {info.st_size:,} bytes is over the import limit of {limit:,} bytes (IMPORT_MAX_FILE_BYTES)"
        )
    try:
        with open(item.path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportInputError(f"{item.display}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ImportInputError(f"{item.display}: grew over the import limit of {limit:,} bytes while being read")
    return data
