"""The site's own receivers: keeping the page cache and the CDN in step with the content
(cms/cache_invalidation.py). Called from CmsConfig.ready(), once every app's models are loaded."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from cms.cache_invalidation import (
    content_changed,
    models_shown_on_pages,
    page_changed,
    page_deleted,
    page_deleting,
    page_moved,
    page_moving,
    slug_changed,
)


def register_signal_handlers():
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="page_cache_moving")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="page_cache_slug_changed")
    # Per page model, not for every model: a receiver for all senders would stop Django's fast
    # bulk deletes everywhere.
    for model in apps.get_models():
        if issubclass(model, Page):
            label = model._meta.label
            pre_delete.connect(page_deleting, sender=model, dispatch_uid=f"page_cache_deleting_{label}")
            post_delete.connect(page_deleted, sender=model, dispatch_uid=f"page_cache_deleted_{label}")
    for model in models_shown_on_pages():
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache_saved_{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache_deleted_{label}")
