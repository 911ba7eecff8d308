"""The page form every page type of ours uses (``base_form_class``): ASCII slugs, a 400 for bad stream data."""

from django.core.exceptions import BadRequest, FieldDoesNotExist
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockField
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from core.text import slugify_vi

# What reading a StreamField's posted blocks raises when the data is not what the editor's script
# sends: a missing key (no "body-count", no "body-0-type"), a count or an order that is not a
# number, rich text that is not the editor's JSON.
MALFORMED_STREAM_ERRORS = (KeyError, ValueError, TypeError, AttributeError, IndexError)
# Primary keys are 32-bit integers on PostgreSQL; a bigger number in a query is a DataError.
MAX_ID = 2**31


class NewsroomPageForm(WagtailAdminPageForm):
    """The page form of every page type here: addresses are ASCII, folded from Vietnamese.

    The admin's JavaScript fills the slug from the title keeping diacritics ("chị-thạch-thị");
    without Unicode it would drop each accented letter ("ch-thch-th"). Folding the Unicode slug on
    the server keeps every letter: "chi-thach-thi".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.mark_fields_to_fill(getattr(self.instance, "fields_to_fill", None) or {})

    def mark_fields_to_fill(self, messages):
        """Show ``messages`` (field name -> text) as errors on a form just opened: a page drafted
        from elsewhere (a Word file, wordimport/) opens with what its writer must still add marked
        where it goes. Nothing is validated; saving validates as usual."""
        marks = {name: message for name, message in messages.items() if name in self.fields}
        if marks:
            self._errors = ErrorDict({name: self.error_class([message]) for name, message in marks.items()})

    def full_clean(self):
        if self.is_bound:
            self.check_stream_data()
        super().full_clean()

    def check_stream_data(self):
        """Refuse (400) a post whose StreamField data the editor's script did not write.

        The editor posts each stream as ``<name>-count`` and numbered blocks. A client without the
        script (a no-JS browser, a script) leaves them out, and Wagtail's widget then raises a
        KeyError or ValueError while the form is validated: a 500. It cannot be a form error,
        since drawing the form again reads the same data; the request is malformed, so it is a
        400 (Django's ``BadRequest``) before anything is saved. Checking here, in the form every
        page type uses, covers each StreamField of each page type, present and future.
        """
        for name, field in self.fields.items():
            if isinstance(field, BlockField) and not field.disabled:
                try:
                    field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
                except MALFORMED_STREAM_ERRORS as error:
                    raise BadRequest(f"The page form's '{name}' stream data is missing or malformed.") from error

    def clean(self):
        cleaned_data = super().clean()
        self.check_added_documents(cleaned_data)
        return cleaned_data

    def check_added_documents(self, cleaned_data):
        """Refuse documents the editor could not have chosen (another unit's, by a forged id).

        A document becomes public once a live page uses it (units/private_documents.py), so the
        chooser's rule (choose permission on the document's collection) must hold for what is
        posted too. Only documents the page did not use already are checked: an approver may still
        edit a page that cites the Board's documents.
        """
        user = self.for_user
        if user is None or user.is_superuser:
            return
        added = set()
        for name, value in cleaned_data.items():
            field = _model_field(self.instance, name)
            if hasattr(field, "extract_references"):
                added |= document_ids(field, value) - document_ids(field, getattr(self.instance, name))
        if not added:
            return
        policy = policy_registry.get_by_type(get_document_model())
        allowed = policy.instances_user_has_any_permission_for(user, ["choose", "change"]).filter(pk__in=added)
        if set(allowed.values_list("pk", flat=True)) != added:
            self.add_error(None, _("This page uses a document you may not choose. Remove it, or ask the Board."))

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slugify_vi(slug, max_length=255) if slug else slug


def document_ids(field, value):
    """Ids of the documents a StreamField or rich-text ``value`` refers to (chosen or linked)."""
    ids = set()
    if value is None:
        return ids
    document_model = get_document_model()
    for model, object_id, _path, _content_path in field.extract_references(value):
        # A forged rich-text link may carry any id; only a number in the key's range names a document.
        digits = str(object_id)
        if issubclass(model, document_model) and digits.isascii() and digits.isdigit() and 0 < int(digits) < MAX_ID:
            ids.add(int(digits))
    return ids


def _model_field(instance, name):
    try:
        return instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None
