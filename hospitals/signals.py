"""A renamed hospital keeps its old name as an alias, so that articles (and re-imports) that
use the old name still find it: the importer looks hospitals up by name and alias only."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import Hospital, HospitalAlias


@receiver(pre_save, sender=Hospital)
def remember_old_name(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    old = Hospital.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if old and old != instance.name:
        instance._old_name = old


@receiver(post_save, sender=Hospital)
def keep_old_name_as_alias(sender, instance, raw=False, **kwargs):
    old = getattr(instance, "_old_name", None)
    if old and not raw:
        del instance._old_name
        HospitalAlias.objects.get_or_create(name=old, defaults={"hospital": instance})
