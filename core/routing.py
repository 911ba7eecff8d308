"""Routing an address in one lookup instead of one per level of the tree."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core import fragments


class RoutesDescendantsByPath:
    """Wagtail routes ``/a/b/c/`` one level at a time: the child by its slug, then that child's
    specific page, two queries per level (eight for a column article). A page with this mixin
    finds a descendant, a child or several levels down, by its ``url_path`` (which Wagtail keeps
    as the slugs joined), kept under the content generation, and reads it in one query; then lets
    that page's own ``route`` finish as Wagtail's would.

    Only for pages whose descendants do not route sub-addresses themselves at intermediate levels
    (no RoutablePageMixin page with children): none here has children (``subpage_types = []``).
    An address that names no page (a routable page's sub-address) takes Wagtail's way."""

    @property
    def localized_draft(self):
        """Wagtail starts routing every request at ``site.root_page.localized``, and Wagtail's
        ``localized_draft`` reads the active language's Locale from the database (a query each
        request) only to find it is this page's own. The site's root page comes from the cache with
        its locale (core/sites.py), so that comparison costs nothing; another language takes
        Wagtail's lookup, for the translation."""
        try:
            language = get_supported_content_language_variant(get_language())
        except LookupError:
            return super().localized_draft
        if self.locale.language_code == language:
            return self
        return super().localized_draft

    def route(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            depth = self.depth + len(path_components)
            # Which page (its type and id) has the address, kept under the content generation,
            # which every publish, move, slug change and deletion moves. The page itself is read
            # afresh below, and its own ``route`` refuses it unless live; view restrictions are
            # checked by Wagtail on every request after routing.
            found = fragments.cached(
                "route", (self.path, url_path, depth), lambda: _find(self, url_path, depth), request
            )
            if found is not None:
                model = ContentType.objects.get_for_id(found[0]).model_class()
                target = model._default_manager.filter(pk=found[1]).first() if model is not None else None
                if target is not None:
                    return target.route(request, [])
        return super().route(request, path_components)


def _find(root, url_path, depth):
    return (
        Page.objects.filter(url_path=url_path, path__startswith=root.path, depth=depth)
        .values_list("content_type_id", "pk")
        .first()
    )
