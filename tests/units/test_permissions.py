"""Each role, each action, on its own unit and on another: what Wagtail's own permissions allow."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image

from exemplars.models import ExemplarPage
from tests.factories import ExemplarPageFactory
from tests.helpers import png
from tests.units.moderation import submit_story, workflow_action


@pytest.fixture
def world(staff, ke_sach, y_te):
    """A draft story in each unit, and an image in each unit's collection."""
    stories = {
        "own": ExemplarPageFactory(parent=ke_sach, title="Gương Kế Sách chưa đăng", live=False),
        "other": ExemplarPageFactory(parent=y_te, title="Gương Y tế chưa đăng", live=False),
    }
    for story in stories.values():
        story.save_revision()
    documents = {
        "own": Document.objects.create(
            title="Quyết định khen thưởng Kế Sách",
            file=ContentFile(b"%PDF-1.4", name="ks.pdf"),
            collection=ke_sach.unit.collection,
        ),
        "other": Document.objects.create(
            title="Quyết định khen thưởng Y tế",
            file=ContentFile(b"%PDF-1.4", name="yt.pdf"),
            collection=y_te.unit.collection,
        ),
    }
    images = {
        "own": Image.objects.create(title="Ảnh Kế Sách", file=png("ks.png"), collection=ke_sach.unit.collection),
        "other": Image.objects.create(title="Ảnh Y tế", file=png("yt.png"), collection=y_te.unit.collection),
    }
    return {"stories": stories, "images": images, "documents": documents, "sections": {"own": ke_sach, "other": y_te}}


def can_open_add_form(client, world, scope):
    section = world["sections"][scope]
    return client.get(f"/admin/pages/add/exemplars/exemplarpage/{section.pk}/").status_code == 200


def can_open_edit_form(client, world, scope):
    return client.get(f"/admin/pages/{world['stories'][scope].pk}/edit/").status_code == 200


def can_preview_draft(client, world, scope):
    return client.get(f"/admin/pages/{world['stories'][scope].pk}/view_draft/").status_code == 200


def sees_in_explorer(client, world, scope):
    response = client.get(f"/admin/pages/{world['sections'][scope].pk}/")
    return response.status_code == 200 and world["stories"][scope].title in response.content.decode()


def finds_in_admin_search(client, world, scope):
    story = world["stories"][scope]
    response = client.get("/admin/pages/search/", {"q": story.title})
    # The query itself is echoed in the search box, so look for the result's link.
    return f"/admin/pages/{story.pk}/edit/" in response.content.decode()


def can_choose_image(client, world, scope):
    response = client.get("/admin/images/chooser/")
    if response.status_code != 200:
        return False
    return world["images"][scope].title in response.json()["html"]


def can_choose_document(client, world, scope):
    response = client.get("/admin/documents/chooser/")
    if response.status_code != 200:
        return False
    return world["documents"][scope].title in response.json()["html"]


def can_move_own_story_into(client, world, scope):
    story = world["stories"]["own"]
    target = world["sections"][scope]
    client.post(f"/admin/pages/{story.pk}/move/{target.pk}/confirm/")
    story.refresh_from_db()
    moved = story.get_parent().pk == target.pk
    return moved


ACTIONS = [
    can_open_add_form,
    can_open_edit_form,
    can_preview_draft,
    sees_in_explorer,
    finds_in_admin_search,
    can_choose_image,
    can_choose_document,
]

# role -> the actions it may take on its own unit; on another unit it may take none of them,
# except the Board, which may take every action everywhere.
EXPECTED_OWN = {
    "ks-contributor": {f.__name__ for f in ACTIONS},
    "ks-approver": {f.__name__ for f in ACTIONS},
    "board": {f.__name__ for f in ACTIONS},
    "bst-reporter": set(),
    "bst-editor": set(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(EXPECTED_OWN))
@pytest.mark.parametrize("action", ACTIONS, ids=lambda f: f.__name__)
def test_permission_matrix(client, world, staff, role, action):
    client.force_login(staff[role])
    assert action(client, world, "own") == (action.__name__ in EXPECTED_OWN[role])
    assert action(client, world, "other") == (role == "board")


@pytest.mark.django_db
def test_contributor_cannot_move_own_story_into_another_unit(client, world, staff):
    client.force_login(staff["ks-contributor"])
    assert not can_move_own_story_into(client, world, "other")


@pytest.mark.django_db
def test_contributor_cannot_approve_own_unit_story(client, staff, ke_sach):
    client.force_login(staff["ks-contributor"])
    submit_story(client, ke_sach, "Tự duyệt bài của mình")
    story = ExemplarPage.objects.get(title="Tự duyệt bài của mình")
    task_state = story.current_workflow_task_state
    assert workflow_action(client, story, "approve").status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


@pytest.mark.django_db
def test_approver_sees_only_own_unit_work_awaiting_review(staff, ke_sach, y_te):
    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    submit_story(client_for(staff["ks-contributor"]), ke_sach, "Chờ lãnh đạo Kế Sách duyệt")
    submit_story(client_for(staff["yt-contributor"]), y_te, "Chờ lãnh đạo Sở Y tế duyệt")

    dashboard = client_for(staff["ks-approver"]).get("/admin/").content.decode()
    assert "Chờ lãnh đạo Kế Sách duyệt" in dashboard
    assert "Chờ lãnh đạo Sở Y tế duyệt" not in dashboard

    dashboard = client_for(staff["board"]).get("/admin/").content.decode()
    assert "Chờ lãnh đạo Kế Sách duyệt" not in dashboard  # not yet at the Board's step

    story = ExemplarPage.objects.get(title="Chờ lãnh đạo Kế Sách duyệt")
    workflow_action(client_for(staff["ks-approver"]), story, "approve")
    dashboard = client_for(staff["board"]).get("/admin/").content.decode()
    assert "Chờ lãnh đạo Kế Sách duyệt" in dashboard
    assert "Chờ lãnh đạo Sở Y tế duyệt" not in dashboard


@pytest.mark.django_db
def test_contributor_dashboard_shows_unit_drafts_and_what_was_sent_back(staff, ke_sach, y_te):
    from tests.units.moderation import workflow_action as act

    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    ExemplarPageFactory(parent=ke_sach, title="Nháp của đồng nghiệp Kế Sách", live=False).save_revision()
    ExemplarPageFactory(parent=y_te, title="Nháp của Sở Y tế", live=False).save_revision()
    submit_story(client_for(staff["ks-contributor"]), ke_sach, "Bài bị trả lại")
    story = ExemplarPage.objects.get(title="Bài bị trả lại")
    act(client_for(staff["ks-approver"]), story, "reject", comment="Thiếu ảnh và tên xã.")

    dashboard = client_for(staff["ks-contributor"]).get("/admin/").content.decode()
    assert "Nháp của đồng nghiệp Kế Sách" in dashboard
    assert "Nháp của Sở Y tế" not in dashboard
    assert "Bài bị trả lại" in dashboard and "Thiếu ảnh và tên xã." in dashboard
