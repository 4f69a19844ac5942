from django.apps import AppConfig


class HospitalsConfig(AppConfig):
    name = "hospitals"
    verbose_name = "医院与人物"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .roles import ensure_roles_after_migrate, name_permissions_in_chinese

        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        # Every app's, after each app's permissions are made.
        post_migrate.connect(name_permissions_in_chinese)
        name_link_tables_in_chinese()


def name_link_tables_in_chinese():
    """The tables Django makes for many-to-many fields (an article's keywords, a user's groups)
    are named "Article-keyword relationship" and their rows "Article_keywords object (3)": the
    admin lists them so when deleting a keyword or a group. Named in Chinese instead."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.auto_created:
            continue
        source, target = [f for f in opts.fields if f.is_relation]
        opts.verbose_name = f"{source.related_model._meta.verbose_name}-{target.related_model._meta.verbose_name}关联"
        opts.verbose_name_plural = opts.verbose_name
        model.__str__ = lambda row, a=source.name, b=target.name: f"{getattr(row, a)} — {getattr(row, b)}"
