"""The search app's receivers: a page's entry is rewritten (by a task) each time it is published,
an entry's index row goes with it, and the entry's ``public`` flag follows unpublishing, moves and
view restrictions at once (search/visibility.py)."""

from django.db.models.signals import post_delete, post_save
from modelsearch import index
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import visibility
from search.models import SearchEntry
from search.tasks import index_after_publish


def reindex(sender, instance, **kwargs):
    index_after_publish(instance)


def remove_from_index(sender, instance, **kwargs):
    index.remove_object(instance)


def unpublished(sender, instance, **kwargs):
    visibility.refresh_page(instance)


def moved(sender, instance, **kwargs):
    # Read again: the moved page's new path is what says which restrictions now cover it.
    page = Page.objects.filter(pk=instance.pk).first()
    if page is not None:
        visibility.refresh_subtree(page)


def restriction_changed(sender, instance, **kwargs):
    # The restricted page may be going too (a deleted page takes its restrictions along).
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        visibility.refresh_subtree(page)


def register_signal_handlers():
    page_published.connect(reindex, dispatch_uid="search_index_on_publish")
    # SearchEntry is indexed by search.documents itself (search_auto_update is off), so that a
    # publish writes its index row once, with the entry's fields set; deletions still follow.
    post_delete.connect(remove_from_index, sender=SearchEntry, dispatch_uid="search_entry_unindex")
    # What the public may see of an entry's page (SearchEntry.public, search/visibility.py).
    page_unpublished.connect(unpublished, dispatch_uid="search_public_unpublished")
    post_page_move.connect(moved, dispatch_uid="search_public_moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_public_restricted")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search_public_unrestricted")
