"""Fit the keyword IDF to the imported articles (writes var/idf.txt)."""

from django.core.management.base import BaseCommand

from articles.extraction.segmenter import CORPUS_IDF, corpus_idf_lines
from articles.models import Section


class Command(BaseCommand):
    help = "根据已导入文章计算关键词 IDF。Fit the keyword IDF to the imported articles."

    def handle(self, *args, **options):
        bodies: dict[int, list[str]] = {}
        for article_id, body in Section.objects.values_list("article_id", "body").iterator():
            bodies.setdefault(article_id, []).append(body)
        documents = ["\n".join(parts) for parts in bodies.values()]
        lines = corpus_idf_lines(documents)
        CORPUS_IDF.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.stdout.write(f"{CORPUS_IDF}: {len(lines)} words from {len(documents)} articles; "
                          "re-import with --reparse to refresh keywords")
