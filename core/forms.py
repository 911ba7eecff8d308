"""The page form every page type of ours uses (``base_form_class``): ASCII slugs, a 400 for bad stream data."""

from django.core.exceptions import BadRequest
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockField

from core.text import slugify_vi

# What reading a StreamField's posted blocks raises when the data is not what the editor's script
# sends: a missing key (no "body-count", no "body-0-type"), a count or an order that is not a
# number, rich text that is not the editor's JSON.
MALFORMED_STREAM_ERRORS = (KeyError, ValueError, TypeError, AttributeError, IndexError)


class NewsroomPageForm(WagtailAdminPageForm):
    """The page form of every page type here: addresses are ASCII, folded from Vietnamese.

    The admin's JavaScript fills the slug from the title keeping diacritics ("chị-thạch-thị");
    without Unicode it would drop each accented letter ("ch-thch-th"). Folding the Unicode slug on
    the server keeps every letter: "chi-thach-thi".
    """

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

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slugify_vi(slug, max_length=255) if slug else slug
