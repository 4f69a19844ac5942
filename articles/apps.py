from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "文章"

    def ready(self):
        from core import forking

        from . import signals  # noqa: F401  (signal receivers)

        forking.install()  # before any process of this project forks
