# ruff: noqa: F811  (the fixtures imported from role_world are the tests' arguments)
"""One refused action of each kind, sent to the admin as a forged request: the page or file is left
as it was, and the admin answers with a redirect (to the dashboard) or a 403, never a 500. The
whole matrix is asked of Wagtail's permission API in test_role_matrix.py; these prove the admin
asks the same."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from exemplars.models import ExemplarPage
from tests.factories import ExemplarPageFactory
from tests.units.moderation import admin_form_data, edit_story, submit_story, workflow_action
from tests.units.role_world import client_for, files, pages, people  # noqa: F401  fixtures


def snapshot(page):
    page = Page.objects.get(pk=page.pk)
    # A refused publish may still save the edit as a draft (Wagtail's edit view does): what the
    # public sees, the live revision, is what must not move.
    return (page.title, page.live, page.locked, page.get_parent().pk, page.live_revision_id)


def forged_add(client, pages):
    section = pages["other unit's section"]
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarpage", section.pk))
    data = admin_form_data(
        client.get(
            reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarpage", pages["own section"].pk))
        ).content.decode()
    )
    data.update({"title": "Gương sáng thêm trộm", "slug": "guong-sang-them-trom", "action-submit": "1"})
    response = client.post(url, data)
    assert not Page.objects.filter(title="Gương sáng thêm trộm").exists()
    return response


def forged_edit(client, page):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, {"title": "Sửa trộm", "slug": page.slug, "action-publish": "1"})


def forged_publish(client, page):
    return edit_story(client, page, action="action-publish", title="Tự xuất bản")


def post_to(view):
    def send(client, page):
        return client.post(reverse(f"wagtailadmin_pages:{view}", args=(page.pk,)))

    send.__name__ = view
    return send


def forged_move(client, page, pages):
    target = pages["other unit's section"]
    return client.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, target.pk)))


# (who, on which page, the action): each refused by units/roles.py and units/page_permissions.py.
PAGE_REFUSALS = [
    (
        "contributor",
        "own story",
        "edit of another unit's story",
        lambda c, p, ps: forged_edit(c, ps["other unit's story"]),
    ),
    ("approver", "own story", "publish", lambda c, p, ps: forged_publish(c, p)),
    ("board", "own outlet's article", "edit", lambda c, p, ps: forged_edit(c, p)),
    ("approver", "own story", "unpublish", lambda c, p, ps: post_to("unpublish")(c, p)),
    ("approver", "own story", "delete", lambda c, p, ps: post_to("delete")(c, p)),
    ("reporter", "own outlet's article", "delete", lambda c, p, ps: post_to("delete")(c, p)),
    ("approver", "own story", "move", lambda c, p, ps: forged_move(c, p, ps)),
    ("contributor", "own story", "lock", lambda c, p, ps: post_to("lock")(c, p)),
    ("reporter", "own outlet's article", "lock", lambda c, p, ps: post_to("lock")(c, p)),
    ("translator-km", "Khmer story", "publish", lambda c, p, ps: forged_publish(c, p)),
    ("translator-en", "Khmer story", "edit", lambda c, p, ps: forged_edit(c, p)),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "target", "action", "send"), PAGE_REFUSALS, ids=[f"{r}-{a}" for r, _, a, _ in PAGE_REFUSALS]
)
def test_a_forged_request_leaves_the_page_as_it_was(role, target, action, send, people, pages):
    pages["own story"].save_revision()  # a draft on the live story, as the approver would publish it
    watched = [pages[target], pages["other unit's story"]]
    before = [snapshot(page) for page in watched]

    response = send(client_for(people[role]), pages[target], pages)

    if action == "publish":  # saved as a draft at most, back to the editor
        assert response.status_code in (200, 302), response
    else:
        assert (response.status_code, getattr(response, "url", "/admin/")) in ((302, "/admin/"), (403, "/admin/"))
    assert [snapshot(page) for page in watched] == before


@pytest.mark.django_db
def test_a_forged_add_under_another_units_section_adds_nothing(people, pages):
    response = forged_add(client_for(people["contributor"]), pages)
    assert (response.status_code, response.url) == (302, "/admin/")


# (who, what kind of file, in which collection, the view): each refused.
FILE_REFUSALS = [
    ("contributor", "image", "other unit", "wagtailimages:delete"),
    ("approver", "document", "other unit", "wagtaildocs:delete"),
    ("reporter", "media", "own unit", "wagtailmedia:delete"),
    ("translator-km", "image", "own unit", "wagtailimages:delete"),
    ("no-role", "document", "root", "wagtaildocs:delete"),
    ("editor", "image", "other unit", "wagtailimages:edit"),
    ("contributor", "document", "own outlet", "wagtaildocs:edit"),
    ("approver", "media", "other unit", "wagtailmedia:edit"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "kind", "where", "view"), FILE_REFUSALS, ids=[f"{r}-{v}" for r, _, _, v in FILE_REFUSALS]
)
def test_a_forged_request_leaves_the_file_as_it_was(role, kind, where, view, people, files):
    item = files[(kind, where)]
    response = client_for(people[role]).post(reverse(view, args=(item.pk,)), {"title": "Đổi tên trộm"})
    assert response.status_code in (302, 403), response
    item.refresh_from_db()
    assert item.title != "Đổi tên trộm"


@pytest.mark.django_db
def test_the_approver_publishes_only_by_approving_and_that_hands_the_story_to_the_board(people, pages):
    """The unit's step is the first of two: approving sends the story on to the Board, and a forged
    "publish" at either moment publishes nothing."""
    section = pages["own section"]
    submit_story(client_for(people["contributor"]), section, "Gương sáng chờ duyệt")
    story = ExemplarPage.objects.get(title="Gương sáng chờ duyệt")
    approver = client_for(people["approver"])

    edit_story(approver, story, action="action-publish")
    story.refresh_from_db()
    assert not story.live and story.current_workflow_task.name == "Lãnh đạo đơn vị duyệt"

    workflow_action(approver, story, "approve")
    story.refresh_from_db()
    assert not story.live and story.first_published_at is None
    assert story.current_workflow_task.name == "Ban Thi đua - Khen thưởng duyệt và xuất bản"
    assert not story.permissions_for_user(people["approver"]).can_publish()

    edit_story(approver, story, action="action-publish")
    story.refresh_from_db()
    assert not story.live

    workflow_action(client_for(people["board"]), story, "approve")
    story.refresh_from_db()
    assert story.live


@pytest.mark.django_db
def test_only_the_task_of_the_story_s_own_unit_offers_its_approvers_a_lock(people, pages):
    """While a story waits at its unit's step, the approval task decides who may lock it: the
    unit's approvers, not another unit's and not the contributors."""
    story = ExemplarPageFactory(parent=pages["own section"], title="Gương sáng đang duyệt", live=False)
    story.save_revision()
    story.get_workflow().start(story, people["contributor"])
    story.refresh_from_db()
    assert story.permissions_for_user(people["approver"]).can_lock()
    assert not story.permissions_for_user(people["contributor"]).can_lock()
    assert not story.permissions_for_user(people["reporter"]).can_lock()
