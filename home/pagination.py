"""The one pagination helper for public listings."""

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 20


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page"):
    """The requested page of ``object_list``; a malformed or out-of-range number gives the
    nearest valid page rather than an error, since people share and edit these URLs."""
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get(param, "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
