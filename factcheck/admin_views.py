"""The story's fact-check links in the admin: the list (who made each, when, until when, whether
it was opened, its comments), a form to make one and a button to revoke one, both POST with CSRF.

A new link's address is shown once, on the page the maker lands on after making it: only its hash
is stored, so it cannot be shown again (a lost address is revoked and made anew).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from factcheck import history
from factcheck.forms import MakeLinkForm
from factcheck.models import FactCheckLink
from factcheck.permissions import may_make_link, may_revoke_links, may_see_links

# Where the address of a link just made waits, in the maker's session, until the list shows it.
NEW_LINK_SESSION_KEY = "factcheck_new_link"


def _story(page_id):
    return get_object_or_404(Page, pk=page_id).specific


def links_url(page):
    return reverse("factcheck_admin:links", args=(page.pk,))


class LinksView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "factcheck/admin/links.html"
    header_icon = "link"

    def dispatch(self, request, page_id):
        self.story = _story(page_id)
        if not may_see_links(request.user, self.story):
            raise PermissionDenied
        self.may_make = may_make_link(request.user, self.story)
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Fact-check links")

    def get_page_subtitle(self):
        return self.story.get_admin_display_title()

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=(self.story.pk,))
        return super().get_breadcrumbs_items() + [
            {"url": edit_url, "label": self.story.get_admin_display_title()},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, page_id):
        if not self.may_make:
            raise PermissionDenied
        form = MakeLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            link, token = FactCheckLink.make(
                self.story, request.user, days=form.cleaned_data["days"], note=form.cleaned_data["note"]
            )
            history.log_made(link, request.user)
        address = request.build_absolute_uri(reverse("factcheck:preview", args=(token,)))
        request.session[NEW_LINK_SESSION_KEY] = {"page": self.story.pk, "link": link.pk, "address": address}
        return redirect(links_url(self.story))

    def _new_link(self):
        new = self.request.session.pop(NEW_LINK_SESSION_KEY, None)
        if isinstance(new, dict) and new.get("page") == self.story.pk:
            return new
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        links = FactCheckLink.objects.filter(page=self.story).select_related("created_by", "revoked_by", "revision")
        context.update(
            story=self.story,
            links=links.prefetch_related("comments"),
            may_make=self.may_make,
            may_revoke=may_revoke_links(self.request.user, self.story),
            form=kwargs.get("form") or MakeLinkForm(),
            new_link=self._new_link() if self.request.method == "GET" else None,
            latest_revision_id=self.story.latest_revision_id,
        )
        return context


@require_POST
def revoke(request, page_id, link_id):
    story = _story(page_id)
    if not may_revoke_links(request.user, story):
        raise PermissionDenied
    link = get_object_or_404(FactCheckLink, page=story, pk=link_id)
    if not link.is_revoked:
        with transaction.atomic():
            link.revoke(request.user)
            history.log_revoked(link, request.user)
        messages.success(request, _("The link was revoked: it shows nothing any more."))
    return redirect(links_url(story))
