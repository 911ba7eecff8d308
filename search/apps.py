from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.signals import page_published

        from search.documents import index_page

        def reindex(sender, instance, **kwargs):
            index_page(instance)

        page_published.connect(reindex, dispatch_uid="search_index_on_publish", weak=False)
