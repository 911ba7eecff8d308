"""The search app's receivers: a page's entry is rewritten (by a task) each time it is published,
and an entry's index row goes with it."""

from django.db.models.signals import post_delete
from modelsearch import index
from wagtail.signals import page_published

from search.models import SearchEntry
from search.tasks import index_after_publish


def reindex(sender, instance, **kwargs):
    index_after_publish(instance)


def remove_from_index(sender, instance, **kwargs):
    index.remove_object(instance)


def register_signal_handlers():
    page_published.connect(reindex, dispatch_uid="search_index_on_publish")
    # SearchEntry is indexed by search.documents itself (search_auto_update is off), so that a
    # publish writes its index row once, with the entry's fields set; deletions still follow.
    post_delete.connect(remove_from_index, sender=SearchEntry, dispatch_uid="search_entry_unindex")
