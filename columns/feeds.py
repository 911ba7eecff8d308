"""The feed of a column's articles (URL in columns/feed_urls.py).

A column is looked up by slug among the live, public columns of the active locale; its outlet
(the parent page) names the feed's author.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext
from wagtail.models import Page

from columns.models import ColumnArticlePage, ColumnPage, OutletPage
from core.feeds import PageFeed, unit_name


class ColumnFeed(PageFeed):
    """A column's articles: the outlet is the author, the outlet and the column the categories."""

    url_name = "feed_column"

    def lookup(self, slug):
        column = self.live_pages(ColumnPage).filter(slug=slug).order_by("path").first()
        if column is None:
            raise ObjectDoesNotExist(slug)
        outlet = OutletPage.objects.filter(path=column.path[: -Page.steplen]).select_related("unit").first()
        self.outlet_name = unit_name(outlet.unit) if outlet is not None else ""
        return column

    def title(self, column):
        if not self.outlet_name:
            return column.title
        return gettext("%(column)s – %(outlet)s") % {"column": column.title, "outlet": self.outlet_name}

    def description(self, column):
        return column.description or gettext("The latest articles of %(column)s.") % {"column": column.title}

    def link(self, column):
        return self.absolute(column.get_url(self.request))

    def pages(self, column):
        return (
            self.live_pages(ColumnArticlePage)
            .child_of(column)
            .select_related("main_image", "locale")
            .prefetch_related("main_image__renditions")
            .order_by("-first_published_at", "-pk")
        )

    def items(self, column):
        self.column_title = column.title
        return super().items(column)

    def item_author_name(self, page):
        return self.outlet_name or None

    def item_categories(self, page):
        return [name for name in (self.outlet_name, self.column_title) if name]
