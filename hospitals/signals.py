"""A renamed hospital or person keeps its old name as an alias, so that articles (and
re-imports) that use the old name still find it: the importer looks them up by name and alias
only, and would otherwise create the old name again."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import PERSON_ALIAS_SEPARATOR, Hospital, HospitalAlias, Person


@receiver(pre_save, sender=Hospital)
@receiver(pre_save, sender=Person)
def remember_old_name(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if old and old != instance.name:
        instance._old_name = old


@receiver(post_save, sender=Hospital)
def keep_old_name_as_alias(sender, instance, raw=False, **kwargs):
    old = getattr(instance, "_old_name", None)
    if old and not raw:
        del instance._old_name
        HospitalAlias.objects.get_or_create(name=old, defaults={"hospital": instance})



@receiver(post_save, sender=Person)
def keep_old_person_name(sender, instance, raw=False, **kwargs):
    old = getattr(instance, "_old_name", None)
    if not old or raw:
        return
    del instance._old_name
    aliases = [a for a in instance.aliases.split(PERSON_ALIAS_SEPARATOR) if a]
    joined = PERSON_ALIAS_SEPARATOR.join([*aliases, old])
    max_length = Person._meta.get_field("aliases").max_length
    if old not in aliases and old != instance.name and len(joined) <= max_length:
        instance.aliases = joined
        # Not a second save: the rename's own history row stays the only one.
        Person.objects.filter(pk=instance.pk).update(aliases=joined)
