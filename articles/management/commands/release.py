from django.core.management.base import BaseCommand, CommandError

from articles import release


class Command(BaseCommand):
    help = "写出一个数据集版本（SQLite、每表一个 CSV、datapackage.json），供 /data/ 下载。"

    def add_arguments(self, parser):
        parser.add_argument("--name", dest="release_version", help="版本号，默认为今天的日期（YYYY-MM-DD，重复时加 -2、-3…）")
        parser.add_argument("--out", help="写到这个目录，而不是 RELEASES_DIR")

    def handle(self, *args, release_version=None, out=None, **options):
        from pathlib import Path

        try:
            folder = release.build(release_version, root=Path(out) if out else None)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
