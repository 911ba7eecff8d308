"""Two editors on one story: a save from a form loaded before someone else's save is refused, with
the other's name and time, and nothing either of them typed is lost (core/concurrent_edits.py)."""

import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from exemplars.models import ExemplarPage
from tests.factories import ExemplarPageFactory
from tests.units.moderation import admin_form_data, submit_story, workflow_action
from units.models import Role
from units.roles import add_member

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def people(newsroom, section, django_user_model):
    """Signed-in browsers for Kế Sách's contributor and two approvers, and two Board members."""

    def person(username, full_name, role, unit=None):
        # The whole name in first_name, in its Vietnamese order, as units.staff_import stores it.
        user = django_user_model.objects.create_user(username, first_name=full_name)
        add_member(user, role, unit)
        client = Client()
        client.force_login(user)
        return client

    return {
        "contributor": person("an.nguyen", "Nguyễn Văn An", Role.CONTRIBUTOR, section.unit),
        "approver": person("binh.tran", "Trần Thị Bình", Role.APPROVER, section.unit),
        "approver2": person("cuong.le", "Lê Quốc Cường", Role.APPROVER, section.unit),
        "board": person("dung.pham", "Phạm Minh Dũng", Role.BOARD),
        "board2": person("em.thach", "Thạch Thị Em", Role.BOARD),
    }


@pytest.fixture
def story(section):
    page = ExemplarPageFactory(parent=section, title="Ông Thạch Sóc nuôi bò vỗ béo", live=False)
    page.save_revision()
    return page


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def open_editor(client, page):
    """The edit form as this browser received it, hidden fields included."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, response
    return admin_form_data(response.content.decode())


def changed(form, **changes):
    data = form.copy()
    for name, value in changes.items():
        data[name] = value  # replaces; QueryDict.update would append
    return data


def send(client, page, form, **changes):
    return client.post(edit_url(page), changed(form, **changes))


def autosave(client, page, form, **changes):
    """What the editor's script sends as the editor types (it asks for JSON)."""
    return client.post(edit_url(page), changed(form, **changes), HTTP_ACCEPT="application/json")


def latest(page):
    return ExemplarPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def saved_at(revision):
    return revision.created_at.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def messages_in(response):
    return " ".join(re.sub(r"\s+", " ", message.message) for message in response.context["messages"])


def field_value(response, name):
    """What the re-drawn form shows in one input or textarea (a browser drops a textarea's first newline)."""
    return admin_form_data(response.content.decode()).get(name).removeprefix("\n")


@pytest.mark.django_db
def test_a_stale_save_is_refused_naming_who_saved_and_when_and_keeps_what_was_typed(people, story):
    contributor, approver = people["contributor"], people["approver"]
    form_a = open_editor(contributor, story)
    form_b = open_editor(approver, story)

    saved = send(contributor, story, form_a, summary="Ông Sóc nuôi 40 con bò, lãi 300 triệu đồng mỗi năm.")
    assert saved.status_code == 302
    saved_by_a = Revision.page_revisions.filter(object_id=str(story.pk)).order_by("-created_at").first()

    refused = send(approver, story, form_b, summary="Ông Sóc giúp 12 hộ nghèo có bò giống.")
    assert refused.status_code == 409
    message = messages_in(refused)
    assert "Nguyễn Văn An" in message
    assert saved_at(saved_by_a) in message
    assert "Nguyễn Văn An" in refused.content.decode()  # shown on the page B gets back
    # A's change is what the story holds; B's is still in B's form, ready to copy.
    assert latest(story).summary == "Ông Sóc nuôi 40 con bò, lãi 300 triệu đồng mỗi năm."
    assert field_value(refused, "summary") == "Ông Sóc giúp 12 hộ nghèo có bò giống."
    # The form B got back still stands on the revision B loaded: sending it again is refused again.
    again = admin_form_data(refused.content.decode())
    assert again["loaded_revision_id"] == form_b["loaded_revision_id"]
    assert send(approver, story, again).status_code == 409
    assert latest(story).summary == "Ông Sóc nuôi 40 con bò, lãi 300 triệu đồng mỗi năm."

    # Reloaded, B sees A's change and saves on top of it.
    fresh = open_editor(approver, story)
    assert fresh["summary"].strip() == "Ông Sóc nuôi 40 con bò, lãi 300 triệu đồng mỗi năm."
    accepted = send(approver, story, fresh, summary="Ông Sóc nuôi 40 con bò và giúp 12 hộ nghèo có bò giống.")
    assert accepted.status_code == 302
    assert latest(story).summary == "Ông Sóc nuôi 40 con bò và giúp 12 hộ nghèo có bò giống."


@pytest.mark.django_db
def test_a_stale_publish_by_the_board_is_refused_and_the_live_story_keeps_the_first_change(people, section):
    story = ExemplarPageFactory(parent=section, title="Mô hình trồng hành tím Vĩnh Châu")
    story.save_revision().publish()
    first, second = people["board"], people["board2"]
    form_a, form_b = open_editor(first, story), open_editor(second, story)

    assert send(first, story, form_a, summary="Bản Ban duyệt lần một.", **{"action-publish": "1"}).status_code == 302
    refused = send(second, story, form_b, summary="Bản Ban duyệt lần hai.", **{"action-publish": "1"})
    assert refused.status_code == 409
    assert "Phạm Minh Dũng" in messages_in(refused)
    live = ExemplarPage.objects.get(pk=story.pk)
    assert live.summary == "Bản Ban duyệt lần một." and not live.has_unpublished_changes
    assert field_value(refused, "summary") == "Bản Ban duyệt lần hai."

    fresh = open_editor(second, story)
    assert send(second, story, fresh, summary="Bản Ban duyệt lần hai.", **{"action-publish": "1"}).status_code == 302
    assert ExemplarPage.objects.get(pk=story.pk).summary == "Bản Ban duyệt lần hai."


@pytest.mark.django_db
def test_approving_from_a_stale_form_is_refused_and_the_story_stays_at_the_units_step(people, section):
    submit_story(people["contributor"], section, "Chị Lâm Thị Mai làm giàu từ cây sen")
    story = ExemplarPage.objects.get(title="Chị Lâm Thị Mai làm giàu từ cây sen")
    first, second = people["approver"], people["approver2"]
    form_a, form_b = open_editor(first, story), open_editor(second, story)

    assert send(first, story, form_a, summary="Đã sửa số liệu: 5 ha sen.").status_code == 302
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    refused = send(second, story, form_b, summary="Bản cũ được duyệt.", **approve)
    assert refused.status_code == 409
    assert "Trần Thị Bình" in messages_in(refused)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Lãnh đạo đơn vị duyệt"
    assert latest(story).summary == "Đã sửa số liệu: 5 ha sen."


@pytest.mark.django_db
def test_reverting_to_an_old_revision_from_a_stale_form_is_refused(people, story):
    contributor, approver = people["contributor"], people["approver"]
    old = story.latest_revision
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, old.pk))
    response = approver.get(revert_url)
    assert response.status_code == 200
    form_b = admin_form_data(response.content.decode())

    send(contributor, story, open_editor(contributor, story), summary="Bản mới nhất của An.")
    refused = approver.post(revert_url, form_b)
    assert refused.status_code == 409
    assert "Nguyễn Văn An" in messages_in(refused)
    assert latest(story).summary == "Bản mới nhất của An."


@pytest.mark.django_db
def test_ones_own_autosaves_do_not_block_ones_own_save(people, story):
    contributor = people["contributor"]
    form = open_editor(contributor, story)
    # The editor autosaves as it goes; the form's loaded revision stays the one it was drawn from.
    assert autosave(contributor, story, form, summary="Đang viết…").json()["success"] is True
    saved = send(contributor, story, form, summary="Viết xong.")
    assert saved.status_code == 302
    assert latest(story).summary == "Viết xong."


@pytest.mark.django_db
def test_someone_elses_autosave_over_the_loaded_revision_counts(people, story):
    contributor, approver = people["contributor"], people["approver"]
    form_a = open_editor(contributor, story)
    revision_id = autosave(contributor, story, form_a, summary="Nháp 1.").json()["revision_id"]
    form_b = open_editor(approver, story)  # loads A's autosaved revision
    assert form_b["loaded_revision_id"] == str(revision_id)
    # A keeps typing: the autosave overwrites that same revision, after B loaded it.
    second = autosave(contributor, story, form_a, summary="Nháp 2.", overwrite_revision_id=str(revision_id))
    assert second.json()["revision_id"] == revision_id
    refused = send(approver, story, form_b, summary="Bản của Bình.")
    assert refused.status_code == 409
    assert "Nguyễn Văn An" in messages_in(refused)
    assert latest(story).summary == "Nháp 2."


@pytest.mark.django_db
def test_a_form_without_its_loaded_revision_cannot_overwrite_someone_elses_save(people, story):
    contributor, approver = people["contributor"], people["approver"]
    form_b = open_editor(approver, story)
    send(contributor, story, open_editor(contributor, story), summary="Bản của An.")
    for name in ("loaded_revision_id", "loaded_revision_created_at"):
        form_b.pop(name)
    refused = send(approver, story, form_b, summary="Bản gửi bằng công cụ.")
    assert refused.status_code == 409
    assert latest(story).summary == "Bản của An."


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["loaded_revision_id", "overwrite_revision_id"])
def test_a_malformed_revision_id_is_a_bad_request_and_saves_nothing(people, story, field):
    approver = people["approver"]
    response = send(approver, story, open_editor(approver, story), summary="Bản gửi lỗi.", **{field: "mới nhất"})
    assert response.status_code == 400
    assert latest(story).summary != "Bản gửi lỗi."


@pytest.mark.django_db
def test_autosave_from_a_stale_form_is_refused_with_the_same_message(people, story):
    contributor, approver = people["contributor"], people["approver"]
    form_a, form_b = open_editor(contributor, story), open_editor(approver, story)
    send(contributor, story, form_a, summary="Bản của An.")
    body = autosave(approver, story, form_b, summary="Nháp của Bình.").json()
    assert body["success"] is False and body["error_code"] == "invalid_revision"
    assert "Nguyễn Văn An" in body["error_message"]
    assert latest(story).summary == "Bản của An."


@pytest.mark.django_db
def test_at_the_boards_step_the_units_staff_cannot_change_the_story(people, section):
    """Wagtail's moderation lock: once the unit has approved, only the Board edits the story."""
    submit_story(people["contributor"], section, "Anh Kim Văn Sóc khởi nghiệp với cá kèo")
    story = ExemplarPage.objects.get(title="Anh Kim Văn Sóc khởi nghiệp với cá kèo")
    workflow_action(people["approver"], story, "approve")
    for who in ("contributor", "approver"):
        client = people[who]
        response = client.get(edit_url(story))
        assert response.status_code == 200 and response.context["page_locked"] is True
        refused = send(client, story, admin_form_data(response.content.decode()), summary="Sửa lén.")
        assert refused.status_code == 200 and refused.context["page_locked"] is True
    assert latest(story).summary != "Sửa lén."
    # The Board's own members edit it.
    board = people["board"]
    assert send(board, story, open_editor(board, story), summary="Ban sửa câu chữ.").status_code == 302
    assert latest(story).summary == "Ban sửa câu chữ."


@pytest.mark.django_db
def test_at_the_units_step_only_the_units_approvers_change_the_story(people, section):
    """The unit's own step locks its contributors out (units.models.UnitApprovalTask), not its approvers."""
    submit_story(people["contributor"], section, "Bà Danh Thị Sa Ry dạy chữ Khmer miễn phí")
    story = ExemplarPage.objects.get(title="Bà Danh Thị Sa Ry dạy chữ Khmer miễn phí")
    contributor = people["contributor"]
    response = contributor.get(edit_url(story))
    assert response.context["page_locked"] is True
    send(contributor, story, admin_form_data(response.content.decode()), summary="Sửa khi đang chờ duyệt.")
    assert latest(story).summary != "Sửa khi đang chờ duyệt."
    approver = people["approver"]
    assert send(approver, story, open_editor(approver, story), summary="Lãnh đạo sửa.").status_code == 302
    assert latest(story).summary == "Lãnh đạo sửa."
