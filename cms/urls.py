from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.db import transaction
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms import discovery
from cms.api import api_router
from search import views as search_views

# Each admin request is one transaction: Wagtail's page create view, for one, writes the page, then
# its revision, then publishes, and a failure in between would leave a half-made page
# (tests/cms/test_faults.py, tests/cms/test_transactions.py).
decorate_urlpatterns(wagtailadmin_urls.urlpatterns, transaction.atomic)

urlpatterns = [
    # Ahead of Wagtail's admin: its page chooser and page types report, showing staff only the
    # pages they may edit and live pages (units/page_visibility.py).
    path("admin/", include("units.page_visibility")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Read-only JSON for the provincial and central portals (docs/api.md).
    path("api/v2/", api_router.urls),
    path("sitemap.xml", discovery.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", discovery.sitemap_pages, name="sitemap_pages"),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    # Staff's private editorial calendar feeds for their phones (planning/feed.py): no language prefix.
    path("", include("planning.feed_urls")),
    # Fact-check links (factcheck/): one token is one draft, in its own language, so no prefix.
    path("kiem-tra/", include("factcheck.urls")),
]

if settings.SERVE_MEDIA:  # no web server in front: long-lived headers for renditions (cms/media.py)
    from cms import media

    urlpatterns += media.urlpatterns()

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese is served without a prefix; Khmer and English under /km/ and /en/.
urlpatterns += i18n_patterns(
    path("tim-kiem/", search_views.search, name="search"),
    # Each app serves the feeds of its own pages (core/feeds.py lists them all).
    path("", include("exemplars.feed_urls")),
    path("", include("campaigns.feed_urls")),
    path("", include("columns.feed_urls")),
    path("", include("commendations.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
