"""Documents reach the public only once a live, public page links to them.

Units (and the Board) upload documents to their collections while drafting; Wagtail serves any
document at /documents/<id>/<name> to whoever has the address. The ``before_serve_document`` hook
below answers 404, as for a document that does not exist, unless the reader may use the document
in the admin (collection permissions: choose or change) or a live page without view restrictions
uses it.

"Uses" is read from Wagtail's reference index. A page's index entries come from its row, which
holds its live content: saving a draft of a live page writes only the revision (and bookkeeping
columns), and the index is rebuilt from the row as reloaded from the database. A page that was
never published also has its draft in the row, which is why the page must be live as well.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

STAFF_ACTIONS = ["choose", "change"]


def may_use_in_admin(user, document):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, STAFF_ACTIONS, document)


def shown_on_live_page(document):
    page_type = ContentType.objects.get_for_model(Page)
    referring = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    page_ids = [int(object_id) for object_id in referring.values_list("object_id", flat=True).distinct()]
    return bool(page_ids) and Page.objects.live().public().filter(pk__in=page_ids).exists()


# Before Wagtail's own collection-privacy hook (order 0), so an unpublished document in a
# restricted collection is a plain 404 too, not a sign-in page saying it exists.
@hooks.register("before_serve_document", order=-10)
def hide_unpublished_documents(document, request):
    if may_use_in_admin(request.user, document) or shown_on_live_page(document):
        return None
    raise Http404
