"""Who may delete what (units/page_permissions.py), role by role, through the admin's own screens.

Only whoever publishes a page deletes it by Wagtail's rules: the Board under the exemplar index
and the translations, an outlet's editors in their outlet. Everyone else deletes only their own
draft that was never live and never submitted. The pages are made the way staff make them: the
admin's add form, the real moderation workflows.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page

from columns.models import ColumnArticlePage, OutletPage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from home.models import HomePage, StandardPage
from tests.factories import ColumnPageFactory
from tests.units.moderation import admin_form_data, submit_story, workflow_action
from units.models import Role
from units.roles import add_member


@dataclass(frozen=True)
class Area:
    """Where a role drafts, and who moderates there: the first step's approver, then the Board
    when there is a second step. The last approver publishes, and may unpublish."""

    name: str
    approvers: tuple


AREAS = {
    "unit": Area("unit", ("ks-approver", "board")),
    "outlet": Area("outlet", ("bst-editor",)),
    "translation": Area("translation", ("board",)),
}


@dataclass(frozen=True)
class Actor:
    area: str
    colleague: str
    publishes: bool


ROLES = {
    "ks-contributor": Actor("unit", "ks-approver", publishes=False),
    "ks-approver": Actor("unit", "ks-contributor", publishes=False),
    "board": Actor("unit", "ks-contributor", publishes=True),
    "bst-reporter": Actor("outlet", "bst-editor", publishes=False),
    "bst-editor": Actor("outlet", "bst-reporter", publishes=True),
    "translator": Actor("translation", "translator-2", publishes=False),
}

SCENARIOS = [
    "own draft, never submitted",
    "colleague's draft, never submitted",
    "own story in moderation, first step",
    "own story in moderation, Board's step",
    "own story sent back for changes",
    "own story, live",
    "own story, unpublished after being live",
]


def applies(role, scenario):
    # Only stories go through two steps; the outlets' and the translations' workflows have one.
    return "Board's step" not in scenario or ROLES[role].area == "unit"


CASES = [(role, scenario) for role in ROLES for scenario in SCENARIOS if applies(role, scenario)]


def may_delete(role, scenario):
    return ROLES[role].publishes or scenario == "own draft, never submitted"


@pytest.fixture
def people(staff, django_user_model):
    def translator(username):
        user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
        add_member(user, Role.TRANSLATOR_KM)
        return user

    return {**staff, "translator": translator("translator-km"), "translator-2": translator("translator-km-2")}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def parents(newsroom, ke_sach):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    return {
        "unit": ke_sach,
        "outlet": ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"),
        "translation": HomePage.objects.get(locale__language_code="km"),
    }


def add_page(client, area, parent, title, submit):
    """The admin's add form, filled in as the author would, saved as a draft or submitted."""
    action = "action-submit" if submit else "action-save-draft"
    if area == "unit":
        response = submit_story(client, parent, title, action=action)
    else:
        model = ColumnArticlePage if area == "outlet" else StandardPage
        url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
        form = client.get(url)
        assert form.status_code == 200, form
        data = admin_form_data(form.content.decode())
        data.update({"title": title, "slug": slugify(title, allow_unicode=True), action: "1"})
        response = client.post(url, data)
    assert response.status_code == 302, response
    return Page.objects.get(title=title).specific


def unpublish(client, page):
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,))).status_code == 302


def make_page(scenario, role, people, parents):
    """The page of ``scenario`` in ``role``'s area, checked to be in the state the scenario names."""
    area = AREAS[ROLES[role].area]
    author = ROLES[role].colleague if scenario.startswith("colleague") else role
    title = f"Gương sáng: {scenario}"
    page = add_page(client_for(people[author]), area.name, parents[area.name], title, submit="draft" not in scenario)
    approvers = [client_for(people[name]) for name in area.approvers]
    if "sent back" in scenario:
        workflow_action(approvers[0], page, "reject", comment="Đề nghị bổ sung ảnh.")
    elif "Board's step" in scenario:
        workflow_action(approvers[0], page, "approve")
    elif "live" in scenario:
        for approver in approvers:
            workflow_action(approver, page, "approve")
        if "unpublished" in scenario:
            unpublish(approvers[-1], page)
    page.refresh_from_db()

    assert page.owner == people[author]
    assert page.live == scenario.endswith(", live")
    assert (page.first_published_at is not None) == ("live" in scenario)
    assert page.workflow_in_progress == ("in moderation" in scenario)
    if "Board's step" in scenario:
        assert page.current_workflow_task.name != "Lãnh đạo đơn vị duyệt"
    return page


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=(page.pk,))


def offers_delete(client, page):
    """Whether the explorer's listing of the page's parent, or the page's editor, shows "Delete"."""
    listing = client.get(reverse("wagtailadmin_explore", args=(page.get_parent().pk,)))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    return any(
        response.status_code == 200 and delete_url(page) in response.content.decode() for response in (listing, editor)
    )


def bulk_delete(client, pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    return client.post(url + "?" + "&".join(f"id={page.pk}" for page in pages))


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "scenario"), CASES)
def test_each_role_deletes_only_what_the_rule_allows(role, scenario, people, parents):
    page = make_page(scenario, role, people, parents)
    client = client_for(people[role])

    assert offers_delete(client, page) == may_delete(role, scenario)
    confirmation = client.get(delete_url(page))
    if may_delete(role, scenario):
        assert confirmation.status_code == 200
        client.post(delete_url(page))
        assert not exists(page)
    else:
        assert confirmation.status_code in (302, 403)
        client.post(delete_url(page))
        assert exists(page)
        bulk_delete(client, [page])
        assert exists(page)


@pytest.mark.django_db
def test_bulk_delete_removes_only_the_pages_the_user_may_delete(people, parents):
    contributor = client_for(people["ks-contributor"])
    own = make_page("own draft, never submitted", "ks-contributor", people, parents)
    colleagues = make_page("colleague's draft, never submitted", "ks-contributor", people, parents)
    submitted = make_page("own story in moderation, first step", "ks-contributor", people, parents)

    bulk_delete(contributor, [own, colleagues, submitted])

    assert not exists(own)
    assert exists(colleagues) and exists(submitted)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_only_publishers_unpublish(role, people, parents):
    page = make_page("own story, live", role, people, parents)
    client = client_for(people[role])
    url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))

    assert (client.get(url).status_code == 200) == ROLES[role].publishes
    client.post(url)
    page.refresh_from_db()
    assert page.live != ROLES[role].publishes


@pytest.mark.django_db
def test_moving_follows_the_same_rule(people, parents):
    """Wagtail moves a page by the deletion rule: a reporter moves their own draft to another of
    the outlet's columns, but not an article already submitted."""
    other_column = ColumnPageFactory(parent=parents["outlet"].get_parent(), title="Người tốt việc tốt")
    draft = make_page("own draft, never submitted", "bst-reporter", people, parents)
    submitted = make_page("own story in moderation, first step", "bst-reporter", people, parents)
    reporter = client_for(people["bst-reporter"])

    for page in (draft, submitted):
        reporter.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, other_column.pk)))

    assert Page.objects.get(pk=draft.pk).get_parent().pk == other_column.pk
    assert Page.objects.get(pk=submitted.pk).get_parent().pk == parents["outlet"].pk


@pytest.mark.django_db
def test_nobody_but_a_superuser_deletes_the_page_their_permissions_hang_on(people, superuser):
    """The Board's permissions are on the exemplar index and the translated home pages, an
    outlet editor's on the outlet's page: deleting it would take everything below with it."""
    exemplar_index = ExemplarIndexPage.objects.get(locale__language_code="vi")
    khmer_home = HomePage.objects.get(locale__language_code="km")
    radio = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug__startswith="dai-phat-thanh")

    board = client_for(people["board"])
    assert board.get(delete_url(exemplar_index)).status_code in (302, 403)
    assert board.get(delete_url(khmer_home)).status_code in (302, 403)
    radio_editor = client_for(people["dai-editor"])
    assert radio_editor.get(delete_url(radio)).status_code in (302, 403)
    radio_editor.post(delete_url(radio))
    assert exists(radio)

    assert client_for(superuser).get(delete_url(radio)).status_code == 200


@pytest.mark.django_db
def test_every_page_type_follows_the_newsroom_rule():
    from wagtail.models import get_page_models

    from units.page_permissions import NewsroomPagePermissions

    ours = [model for model in get_page_models() if model is not Page]
    assert ExemplarPage in ours and ColumnArticlePage in ours
    assert [model.__name__ for model in ours if not issubclass(model, NewsroomPagePermissions)] == []
