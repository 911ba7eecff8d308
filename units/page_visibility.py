"""What staff see of pages in the admin's page pickers and reports: what they may edit, and what is live.

Wagtail's explorer and page search show a user only the part of the tree they work in, but the
page chooser (the "choose a page" window of every page field and link) and the "page types usage"
report read the whole tree, so any staff member could read the titles of other units' unpublished
stories there. Here they show a non-superuser only the pages the user may edit (by Wagtail's own
"change" rule: everything under a boundary where they have "change", their own pages where they
have "add") and live pages.

- The chooser's listing and search: Wagtail's ``construct_page_chooser_queryset`` hook.
- The chooser's other ways to read a title by its id (browsing into a page, which shows that
  page as the heading, and "chosen-multiple", which returns the chosen pages' titles) and the
  report's "last edited page" have no hook, so ``urlpatterns`` below serves those addresses with
  subclasses of Wagtail's views; ``cms/urls.py`` puts them ahead of Wagtail's admin URLs.

A chooser asked for page types that declare ``chooser_offers_live_only`` (stories, chosen to be
featured or related) offers live pages only, to everyone: a draft is never featured. The "add a
page here" list of page types offers only those the user may add (``AddSubpageView`` below, after
units.page_permissions: the Board under the home page adds only the types it publishes).

The rule is a filter on ``live``, ``path`` and ``owner``, which every search backend can apply
(they are ``FilterField``s of ``Page``), so the chooser's search works the same on OpenSearch.
"""

from django.apps import apps
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404, HttpResponseBadRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.pages import create
from wagtail.admin.views.reports import page_types_usage
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from units.page_permissions import may_add_page_type


def visible_to(user):
    """A filter for the pages ``user`` may see in the admin's pickers and reports."""
    if user.is_superuser:
        return Q()
    visible = Q(live=True)
    # Mirrors PagePermissionPolicy.instances_user_has_permission_for(user, "change") as paths, so
    # that search backends can apply it.
    for perm in policy_registry.get_by_type(Page).get_cached_permissions_for_user(user):
        action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
        if action == "change":
            visible |= Q(path__startswith=perm.page.path)
        elif action == "add":
            visible |= Q(path__startswith=perm.page.path, owner=user)
    return visible


def chooses_live_pages_only(request):
    """Whether the chooser is asked for page types that declare ``chooser_offers_live_only`` (a
    story picked to be featured): then nobody, the Board included, is offered a draft."""
    try:
        models = chooser.page_models_from_string(request.GET.get("page_type") or "")
    except (ValueError, LookupError):
        return False
    return all(getattr(model, "chooser_offers_live_only", False) for model in models)


@hooks.register("construct_page_chooser_queryset")
def show_only_visible_pages(pages, request):
    if chooses_live_pages_only(request):
        return pages.filter(live=True)
    return pages.filter(visible_to(request.user))


class BrowseView(chooser.BrowseView):
    """Browsing into a page shows its title as the heading: only into pages the user may see."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not Page.objects.filter(visible_to(request.user), pk=parent_page_id).exists():
            raise Http404
        return super().get(request, parent_page_id)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """The titles of the chosen pages, leaving out pages the user may not see. Wagtail's view has
    no hook, so its few lines are written again here over the filtered pages."""

    def get(self, request):
        ids = request.GET.getlist("id")
        if not all(pk.isdigit() for pk in ids):
            return HttpResponseBadRequest(_("Page ids must be whole numbers."))
        pages = Page.objects.filter(visible_to(request.user), pk__in=ids).specific()
        return self.render_chosen_response(
            [
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
                for page in pages
            ]
        )


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Wagtail's report, whose "last edited page" of each type is the last the user may see.

    The counts stay Wagtail's: how many pages of a type exist names none of them."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        filters = self.filters.form.cleaned_data
        latest = Page.objects.filter(visible_to(user), content_type=OuterRef("pk"))
        if filters.get("page_locale"):
            latest = latest.filter(locale__language_code=filters["page_locale"])
        if filters.get("site"):
            latest = latest.filter(path__startswith=filters["site"])
        # Wagtail's own order for "last edited" (page_types_usage._annotate_last_edit_info).
        latest = latest.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        return queryset.annotate(last_edited_page_id=Subquery(latest.values("pk")[:1]))


class AddSubpageView(create.AddSubpageView):
    """Wagtail offers every page type that may be created under the parent; this offers those the
    user may add there (the Board, under the home page, only the types it publishes:
    units.page_permissions, which also refuses the others at the create form's address)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_types"] = [
            page_type
            for page_type in context["page_types"]
            if may_add_page_type(self.parent_page, self.request.user, apps.get_model(page_type[1], page_type[2]))
        ]
        return context


# Served under /admin/ ahead of Wagtail's own patterns for the same addresses (cms/urls.py), which
# keep their names, so every link Wagtail builds reaches these views.
urlpatterns = decorate_urlpatterns(
    [
        path("choose-page/<int:parent_page_id>/", BrowseView.as_view()),
        path("choose-page/chosen-multiple/", ChosenMultipleView.as_view()),
        path("pages/<int:parent_page_id>/add_subpage/", AddSubpageView.as_view()),
        path("reports/page-types-usage/", PageTypesUsageReportView.as_view()),
        path("reports/page-types-usage/results/", PageTypesUsageReportView.as_view(results_only=True)),
    ],
    require_admin_access,
)
