from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What the hospitals, articles and the import share (see docs/architecture.md)."""

    name = "core"
    verbose_name = "公共"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from .importcontext import mark_import_history

        pre_create_historical_record.connect(mark_import_history, dispatch_uid="core.mark_import_history")
