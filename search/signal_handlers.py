"""The search app's receivers: a page's entry is rewritten each time it is published."""

from wagtail.signals import page_published

from search.documents import index_page


def reindex(sender, instance, **kwargs):
    index_page(instance)


def register_signal_handlers():
    page_published.connect(reindex, dispatch_uid="search_index_on_publish")
