"""Deleting an imported record leaves a tombstone, so the next import does not resurrect it."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from hospitals.models import Honour, Hospital, Person

from .models import Article, Tombstone
from .natural_keys import natural_key_of


@receiver(pre_delete, sender=Article)
@receiver(pre_delete, sender=Hospital)
@receiver(pre_delete, sender=Person)
@receiver(pre_delete, sender=Honour)
def remember_deleted_import(sender, instance, **kwargs):
    if instance.import_snapshot is None:
        return  # made by an editor, not by the importer: nothing to protect from re-import
    try:
        key = natural_key_of(instance)
    except Exception:  # a related row already gone in a cascade: its own tombstone covers it
        return
    if key:
        Tombstone.objects.get_or_create(model=sender._meta.label, natural_key=key)
