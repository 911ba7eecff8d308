from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CmsConfig(AppConfig):
    """The site as a whole (layer 8): settings, URLs, middleware, the page cache and CDN purge, the
    API router. Above every other app of ours, so it may import any of them and none imports it."""

    name = "cms"
    verbose_name = pgettext_lazy("app", "Site infrastructure")

    def ready(self):
        # Here, not at the top: the receivers use the models, which are loaded only once apps are ready.
        from cms import sitemap_store
        from cms.signal_handlers import register_signal_handlers

        # The sitemaps' first: at a commit their store is emptied before the page cache moves on, so
        # no request in between can cache the old sitemap again (cms/sitemap_store.py).
        sitemap_store.register_signal_handlers()
        register_signal_handlers()
