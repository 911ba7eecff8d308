"""The one pagination helper for public listings."""

from contextlib import suppress

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 20


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page", count=None):
    """The requested page of ``object_list``; a malformed or out-of-range number gives the
    nearest valid page rather than an error, since people share and edit these URLs.

    Django's ``get_page`` does that for a number that is not one (page 1) or past the end (the last
    page), but sends a number below 1 to the last page too; the nearest valid page is the first.

    ``count``, when the caller knows it (kept between requests), spares the count query.
    """
    number = request.GET.get(param)
    with suppress(TypeError, ValueError):
        number = max(int(number), 1)
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is what it would read
    return paginator.get_page(number)
