"""The home app's receivers: a published page's image renditions are made before its first reader
(home/images.py)."""

from wagtail.signals import page_published

from home.images import generate_after_commit


def page_published_renditions(sender, instance, **kwargs):
    generate_after_commit(instance)


def register_signal_handlers():
    page_published.connect(page_published_renditions, dispatch_uid="pregenerate_renditions")
