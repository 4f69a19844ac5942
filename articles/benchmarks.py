"""Measurements for `manage.py bench`: what the import costs next to jieba's segmentation,
which is the unavoidable floor (every article is segmented for keywords and search)."""

from __future__ import annotations

import time
from pathlib import Path

from articles.contract import analyse
from articles.extraction.segmenter import tokenizer
from articles.parsing import parse_bytes


def _rate(kilobytes: float, seconds: float) -> float:
    return round(kilobytes / seconds, 1) if seconds else float("inf")


def measure_parser(files: list[Path], repeat: int = 1) -> dict:
    """KB/s of jieba.cut, of the parser alone, and of entity extraction with keywords."""
    blobs = [(path.name, path.read_bytes()) for path in files] * repeat
    text = "\n".join(data.decode("utf-8", "replace") for _, data in blobs)
    kilobytes = sum(len(data) for _, data in blobs) / 1024

    started = time.perf_counter()
    init = tokenizer()  # the one-off cost, paid once per process
    init_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for _ in init.cut(text):
        pass
    jieba_seconds = time.perf_counter() - started

    started = time.perf_counter()
    parsed = [parse_bytes(name, data) for name, data in blobs]
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    articles = [analyse(article) for result in parsed for article in result.articles]
    extract_seconds = time.perf_counter() - started

    return {
        "kilobytes": round(kilobytes, 1),
        "articles": len(articles),
        "jieba_init_s": round(init_seconds, 3),
        "jieba_kbps": _rate(kilobytes, jieba_seconds),
        "parse_kbps": _rate(kilobytes, parse_seconds),
        "extract_kbps": _rate(kilobytes, extract_seconds),
        "parse_vs_jieba": round(jieba_seconds / parse_seconds, 2) if parse_seconds else None,
    }
