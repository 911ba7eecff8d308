"""wagtail-localize's translation entry points, held to units.translation_rules.

wagtail-localize checks only the ``submit_translation`` permission: anyone holding it could copy
any page, drafts and stories in moderation included, into the Khmer or English tree, where
translators read it. Here its submit and update views are subclassed (and served at the same
addresses, ahead of its own) to refuse sources the rule refuses, its "include subtree" option
translates only the pages the rule allows, and its "Translate this page" / "Sync translated
pages" buttons are shown only for such pages. wagtail-localize registers no bulk action.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.tasks import background
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from units.translation_rules import may_be_translated, translation_refusal

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def _refuse(request, refusal, page):
    """Back where the user came from (or to the page, if they may edit it) with the reason."""
    messages.error(request, refusal)
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    if page is not None and page.permissions_for_user(request.user).can_edit():
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect("wagtailadmin_home")


@transaction.atomic
def translate_public_subtree(page_id, locales, components, user):
    """wagtail-localize's ``translate_page_subtree``, skipping the pages the rule refuses: a
    section's drafts and stories in moderation stay out of the other trees."""
    translator = TranslationCreator(user, locales)
    # Tree order, so each page's parent is translated before it; a refused page's descendants are
    # refused too (the rule looks at every page above).
    for page in Page.objects.get(id=page_id).get_descendants().order_by("path"):
        if may_be_translated(page):
            translator.create_translations(page)
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


class SubmitPublicPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SUBMIT_TRANSLATION):
            raise PermissionDenied
        page = self.get_object()
        refusal = translation_refusal(page)
        if refusal:
            return _refuse(request, refusal, page)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        include_subtree = form.cleaned_data["include_subtree"]
        # wagtail-localize's own subtree walk would translate every descendant: ours filters.
        form.cleaned_data["include_subtree"] = False
        response = super().form_valid(form)
        if include_subtree:
            arguments = [self.object.id, form.cleaned_data["locales"], self.components, self.request.user]
            background.enqueue(translate_public_subtree, arguments, {})
        return response


class UpdatePublicTranslationsView(UpdateTranslationsView):
    """Re-syncing copies the source's database row again: the same rule as submitting."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SUBMIT_TRANSLATION):
            raise PermissionDenied
        try:
            instance = self.get_object().get_source_instance()
        except ObjectDoesNotExist as error:  # the source was deleted
            raise Http404 from error
        if isinstance(instance, Page):
            refusal = translation_refusal(instance)
            if refusal:
                return _refuse(request, refusal, instance)
        return super().dispatch(request, *args, **kwargs)


# Served ahead of wagtail-localize's own admin URLs (order -1 sorts this hook first), at the very
# same addresses, so that reverse("wagtail_localize:…") links, theirs included, reach these views.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path("localize/submit/page/<int:page_id>/", SubmitPublicPageTranslationView.as_view()),
        path("localize/update/<int:translation_source_id>/", UpdatePublicTranslationsView.as_view()),
    ]


def translation_buttons(page, user, next_url=None, view_name=None):
    """wagtail-localize's page buttons, only for pages the rule allows."""
    if page.is_root() or not user.has_perm(SUBMIT_TRANSLATION):
        return []
    # An alias page's "Translate" button translates the page it mirrors.
    if not may_be_translated(page.alias_of if page.alias_of_id else page):
        return []
    return localize_hooks.page_listing_more_buttons(page, user, view_name=view_name, next_url=next_url)


def _replace_hook(hook_name, original, replacement):
    # Wagtail has no hook to filter a page's header buttons or its listing's "More" buttons, and
    # wagtail-localize decides on its buttons by permission alone; so its function is swapped for
    # ours in the hook registry. Failing loudly keeps an upgrade that renames it from silently
    # showing both.
    registered = hooks._hooks.get(hook_name, [])
    if not any(fn is original for fn, _order in registered):
        raise RuntimeError(f"wagtail-localize no longer registers {original.__name__} for {hook_name}")
    hooks._hooks[hook_name] = [(replacement if fn is original else fn, order) for fn, order in registered]


for _hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
    _replace_hook(_hook_name, localize_hooks.page_listing_more_buttons, translation_buttons)
