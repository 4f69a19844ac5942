"""Whole-corpus checks of the parser on a folder of real articles (not part of the test suite:
the corpus is third-party text that stays outside the repository). Prints counts an editor can
compare before and after a parser change; writes nothing to the database."""

from __future__ import annotations

import re
import time

from django.core.management.base import BaseCommand, CommandError

from articles.extraction.entities import extract
from articles.parsing import parse_bytes
from ingest.files import discover

# What must never reach a title or a body, in the forms the genre prints it.
TITLE_JUNK = re.compile(r"正文[:：]|原标题")
BODY_CHECKS = {
    "byline": re.compile(r"[（(](?:本报|全媒体|融媒体|见习|特约)?记者\s*[\u4e00-\u9fff]{2,4}|(?:记者|通讯员)\s[\u4e00-\u9fff]{2,3}(?:\s|通讯员|实习生)"),
    "dateline": re.compile(r"^[\u4e00-\u9fff（）()\-—·]{2,16}?(?:\d{1,2}月\d{1,2}日)?(?:讯|电)\s*[（(]"),
    "footer": re.compile(r"返回搜狐|查看更多|责任编辑[:：]|原标题|正文[:：]|版权(?:归|所有|说明)|转载请注明"),
    "advertisement": re.compile(r"扫码|点击下方|小程序|关注我们|别忘了点赞|商务合作"),
}


class Command(BaseCommand):
    help = "检查整批真实稿件的解析结果。Parse every file of a folder and count what the parser got right and wrong."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--examples", type=int, default=2, help="examples printed for each problem found")
        parser.add_argument("--entities", action="store_true", help="also run entity extraction (slower)")

    def handle(self, *args, folder, examples, entities: bool, **options):
        inputs, problems = discover([folder])
        if problems:
            raise CommandError("; ".join(p.error for p in problems))
        counts = {"files": len(inputs), "failed": 0, "articles": 0, "title": 0, "published": 0, "source": 0,
                  "authors": 0, "title_junk": 0, **{f"body_{k}": 0 for k in BODY_CHECKS}, "subject": 0}
        shown: dict[str, list[str]] = {}
        started = time.monotonic()
        for item in inputs:
            parsed = parse_bytes(item.display, item.path.read_bytes())
            if parsed.error:
                counts["failed"] += 1
                shown.setdefault("failed", []).append(f"{item.display}: {parsed.error}")
                continue
            for article in parsed.articles:
                counts["articles"] += 1
                counts["title"] += bool(article.title)
                counts["published"] += article.published is not None
                counts["source"] += bool(article.source)
                counts["authors"] += bool(article.authors)
                if TITLE_JUNK.search(article.title or ""):
                    counts["title_junk"] += 1
                    shown.setdefault("title_junk", []).append(f"{item.display}: {article.title[:60]}")
                for name, pattern in BODY_CHECKS.items():
                    for paragraph in article.paragraphs:
                        found = pattern.search(paragraph.text)
                        if found:
                            counts[f"body_{name}"] += 1
                            excerpt = paragraph.text[max(0, found.start() - 15): found.end() + 15]
                            shown.setdefault(f"body_{name}", []).append(f"{item.display}: …{excerpt}…")
                            break
                if entities:
                    counts["subject"] += bool(extract(article).subject_hospitals)
        elapsed = time.monotonic() - started
        for key, value in counts.items():
            if key == "subject" and not entities:
                continue
            self.stdout.write(f"{key}: {value}")
        self.stdout.write(f"seconds: {elapsed:.1f}")
        for key, lines in shown.items():
            for line in lines[:examples]:
                self.stdout.write(f"  {key}: {line}")
