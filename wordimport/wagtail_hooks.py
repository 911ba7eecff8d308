"""The Word import in Wagtail's admin: its address, the page header's "New from a Word file" (shown
only where the user may add a page type that accepts an import), the draft's "Original Word file",
the marks on the draft's editor, and the history's wording."""

from django.urls import include, path
from django.utils.translation import gettext as __
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from units.private_documents import may_use_in_admin
from wordimport.drafts import ASKS_FOR, IMPORTED, importable_page_type, missing_fields
from wordimport.models import WordImport
from wordimport.views import NewFromWordView


@hooks.register("register_admin_urls")
def register_word_import_urls():
    urls = [path("<int:parent_id>/", NewFromWordView.as_view(), name="new")]
    return [path("word-import/", include((urls, "wordimport"), namespace="wordimport"))]


class NewFromWordButton(PageMenuItem):
    label = _("New from a Word file")
    icon_name = "doc-full-inverse"
    url_name = "wordimport:new"
    priority = 16  # right after Wagtail's "Add child page"

    def is_shown(self, user):
        return importable_page_type(self.page, user) is not None


class OriginalWordFileButton(PageMenuItem):
    label = _("Original Word file")
    icon_name = "download"
    priority = 66

    def __init__(self, document, **kwargs):
        super().__init__(url=document.url, **kwargs)
        self.document = document

    def is_shown(self, user):
        return may_use_in_admin(user, self.document)


def original_document(page):
    record = WordImport.objects.filter(page_id=page.pk, document__isnull=False).select_related("document").first()
    return record.document if record else None


@hooks.register("register_page_header_buttons")
def word_import_header_buttons(page, user, view_name, next_url=None):
    yield NewFromWordButton(page=page)
    if getattr(page.specific_class, ASKS_FOR, None):
        document = original_document(page)
        if document is not None:
            yield OriginalWordFileButton(document, page=page)


@hooks.register("before_edit_page")
def mark_what_the_word_file_left_out(request, page):
    """On opening a draft made from a Word file, the fields its type asks for that are still empty
    carry a mark (core.forms.NewsroomPageForm shows ``fields_to_fill``): the form is built from
    this very page object."""
    if request.method != "GET" or not getattr(type(page), ASKS_FOR, None):
        return None
    if not WordImport.objects.filter(page_id=page.pk).exists():
        return None
    message = __("The Word file did not give this: fill it in before sending for moderation.")
    page.fields_to_fill = dict.fromkeys(missing_fields(page), message)
    return None


@hooks.register("register_log_actions")
def register_word_import_action(actions):
    @actions.register_action(IMPORTED)
    class ImportedFormatter(LogFormatter):
        label = _("Draft from a Word file")

        def format_message(self, log_entry):
            try:
                return __("Drafted from the Word file “%(file_name)s”") % {"file_name": log_entry.data["file_name"]}
            except (KeyError, TypeError):
                return __("Drafted from a Word file")
