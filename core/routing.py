"""Routing a deep address in one lookup instead of one per level of the tree."""

from wagtail.models import Page


class RoutesDescendantsByPath:
    """Wagtail routes ``/a/b/c/`` one level at a time: the child by its slug, then that child's
    specific page, two queries per level (eight for a column article). A page with this mixin
    finds a descendant several levels down by its ``url_path`` (which Wagtail keeps as the slugs
    joined) in one query, then lets that page's own ``route`` finish as Wagtail's would.

    Only for pages whose descendants do not route sub-addresses themselves at intermediate levels
    (no RoutablePageMixin page with children): none here has children (``subpage_types = []``).
    An address that names no page (a routable page's sub-address) takes Wagtail's way."""

    def route(self, request, path_components):
        if len(path_components) > 1:
            url_path = self.url_path + "/".join(path_components) + "/"
            target = (
                Page.objects.filter(
                    url_path=url_path, path__startswith=self.path, depth=self.depth + len(path_components)
                )
                .specific()
                .first()
            )
            if target is not None:
                return target.route(request, [])
        return super().route(request, path_components)
