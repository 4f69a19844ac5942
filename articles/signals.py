"""Deleting an imported record (or an article's link to a hospital or person, a fact, an alias)
leaves a tombstone, so the next import does not resurrect it;
and every save or delete keeps the search index in step (inside an import these stand aside:
it reindexes each file at once, core/importcontext.py)."""

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver

from core import datacache, importcontext
from core.natural_keys import natural_key_of
from hospitals.models import Honour, Hospital, HospitalAlias, HospitalFact, Person, PersonMention

from . import search
from .models import Article, ArticleHospital, Caption, SearchDocument, Section, Tombstone


@receiver(pre_delete, sender=ArticleHospital)
@receiver(pre_delete, sender=HospitalFact)
@receiver(pre_delete, sender=PersonMention)
@receiver(pre_delete, sender=HospitalAlias)
def remember_deleted_part(sender, instance, origin=None, **kwargs):
    """An article's link, a person's mention, a fact or an alias deleted by itself. Deleted with
    its article, hospital or person, the whole's tombstone covers it: deleting that tombstone
    brings the whole back with all its parts."""
    if importcontext.is_retiring():  # the importer's own, found no more: may come back
        return
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if origin is not None and origin_model is not sender:
        return
    # Mentions and aliases carry no snapshot: any of them may be the importer's, so every
    # deletion is remembered (the editor wanted it gone either way).
    remember_deleted_import(sender, instance)


@receiver(pre_delete, sender=Article)
@receiver(pre_delete, sender=Hospital)
@receiver(pre_delete, sender=Person)
@receiver(pre_delete, sender=Honour)
def remember_deleted_import(sender, instance, **kwargs):
    if importcontext.is_retiring():  # the importer's own, found no more: may come back
        return
    if getattr(instance, "import_snapshot", True) is None:
        return  # made by an editor, not by the importer: nothing to protect from re-import
    try:
        key = natural_key_of(instance)
    except Exception:  # a related row already gone in a cascade: its own tombstone covers it
        return
    if key:
        Tombstone.objects.get_or_create(model=sender._meta.label, natural_key=key)


@receiver(pre_delete, sender=SearchDocument)
def document_deleted(sender, instance, **kwargs):
    # Inside an import too: an article or hospital it retires takes its documents along.
    search.forget_deleted(instance)


@receiver(post_migrate)
def index_after_flush(sender, using=None, **kwargs):
    if sender.label == "articles":  # once per migrate or flush
        search.empty_index_if_no_documents()


def _reindex_article(article_id):
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        search.remove({"article_id": article_id})
    else:
        search.index_article(article)


def _reindex_hospital(hospital_id):
    hospital = Hospital.objects.filter(pk=hospital_id).first()
    if hospital is None:
        search.remove({"hospital_id": hospital_id})
    else:
        search.index_hospital(hospital)


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def article_changed(sender, instance, **kwargs):
    if search.signals_active():
        transaction.on_commit(lambda: _reindex_article(instance.pk))


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=Caption)
@receiver(post_delete, sender=Caption)
def article_part_changed(sender, instance, **kwargs):
    if search.signals_active():
        article_id = instance.article_id
        transaction.on_commit(lambda: _reindex_article(article_id))


@receiver(post_save, sender=Hospital)
@receiver(post_delete, sender=Hospital)
def hospital_changed(sender, instance, **kwargs):
    if search.signals_active():
        transaction.on_commit(lambda: _reindex_hospital(instance.pk))


@receiver(post_save, sender=HospitalAlias)
@receiver(post_delete, sender=HospitalAlias)
@receiver(post_save, sender=Honour)
@receiver(post_delete, sender=Honour)
@receiver(post_save, sender=Person)
@receiver(post_delete, sender=Person)
def hospital_part_changed(sender, instance, **kwargs):
    if search.signals_active():
        hospital_id = instance.hospital_id
        transaction.on_commit(lambda: _reindex_hospital(hospital_id))


# Models whose rows readers never see, or that record changes rather than make them.
_NOT_PUBLISHED = {"Tombstone", "ReviewItem", "SearchDocument", "DataVersion", "PageAggregate", "SourceFile"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def published_data_changed(sender, **kwargs):
    """Any save or delete of published data invalidates the pages' cached aggregates. The
    import context stands it aside and the import bumps itself (`ingest.pipeline._PageRefresh`)."""
    meta = getattr(sender, "_meta", None)
    if (meta is None or meta.app_label not in ("articles", "hospitals") or sender.__name__.startswith("Historical")
            or sender.__name__ in _NOT_PUBLISHED or not search.signals_active()):
        return
    datacache.bump_on_commit()
