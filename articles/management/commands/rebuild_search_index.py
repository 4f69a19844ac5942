from django.core.management.base import BaseCommand

from articles import search
from articles.lexicon import teach_jieba


class Command(BaseCommand):
    help = "重建全文搜索索引。Rebuild the full-text search index (after the jieba dictionary changed)."

    def handle(self, *args, **options):
        teach_jieba()
        count = search.rebuild()
        self.stdout.write(f"{count} documents indexed")
