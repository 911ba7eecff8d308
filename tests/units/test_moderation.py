"""The plan's process: a unit drafts, its leadership approves, the Board approves and publishes."""

import pytest
from django.core import mail

from exemplars.models import ExemplarPage
from tests.units.moderation import admin_form_data, edit_story, submit_story, workflow_action


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def login(client):
    def as_user(user):
        client.logout()
        client.force_login(user)
        return client

    return as_user


@pytest.mark.django_db
def test_story_goes_from_draft_to_public_through_unit_and_board(staff, ke_sach, login, superuser):
    superuser.email = "root@example.invalid"
    superuser.save()
    client = login(staff["ks-contributor"])
    response = submit_story(client, ke_sach, "Ông Trần Văn Út hiến đất làm đường")
    assert response.status_code == 302
    story = ExemplarPage.objects.get(title="Ông Trần Văn Út hiến đất làm đường")
    assert not story.live and story.workflow_in_progress
    assert story.unit.slug == "huyen-ke-sach"
    assert story.slug == "ong-tran-van-ut-hien-dat-lam-duong"  # folded, not stripped of accented letters
    # Only Kế Sách's approvers hear of it: not Sở Y tế's, not the Board, not the superuser.
    assert recipients() == ["kesach-approver@example.invalid"]
    assert "Ông Trần Văn Út hiến đất làm đường" in mail.outbox[0].subject
    assert f"/admin/pages/{story.pk}/edit/" in mail.outbox[0].body
    assert "Kesach" in mail.outbox[0].body  # who sent it
    assert "chờ" in mail.outbox[0].subject.lower() or "Awaiting" not in mail.outbox[0].subject  # in Vietnamese

    mail.outbox.clear()
    assert (
        client.get(story.url or "/guong-dien-hinh/huyen-ke-sach/ong-tran-van-ut-hien-dat-lam-duong/").status_code == 404
    )

    workflow_action(login(staff["ks-approver"]), story, "approve")
    story.refresh_from_db()
    assert not story.live
    assert recipients() == ["board-reviewer@example.invalid"]

    mail.outbox.clear()
    workflow_action(login(staff["board"]), story, "approve", comment="Bài viết tốt.")
    story.refresh_from_db()
    assert story.live and not story.workflow_in_progress
    assert recipients() == ["kesach-contributor@example.invalid"]
    assert story.full_url in mail.outbox[0].body

    client.logout()
    public = client.get(story.url)
    assert public.status_code == 200 and "Ông Trần Văn Út hiến đất làm đường" in public.content.decode()
    listing = client.get(ke_sach.get_parent().url)
    assert "Ông Trần Văn Út hiến đất làm đường" in listing.content.decode()


@pytest.mark.django_db
def test_board_rejection_reaches_the_contributor_with_its_comment(staff, ke_sach, login):
    client = login(staff["ks-contributor"])
    submit_story(client, ke_sach, "Mô hình nuôi tôm sú kết hợp trồng lúa")
    story = ExemplarPage.objects.get(title="Mô hình nuôi tôm sú kết hợp trồng lúa")
    workflow_action(login(staff["ks-approver"]), story, "approve")
    mail.outbox.clear()

    comment = "Đề nghị bổ sung số quyết định khen thưởng và ảnh minh họa."
    workflow_action(login(staff["board"]), story, "reject", comment=comment)
    story.refresh_from_db()
    assert not story.live
    assert recipients() == ["kesach-contributor@example.invalid"]
    assert comment in mail.outbox[0].body

    # The contributor sees the comment in the admin, beside the story.
    page = login(staff["ks-contributor"]).get(f"/admin/pages/{story.pk}/edit/")
    assert page.status_code == 200
    assert comment in page.content.decode()

    # Edited and sent again, it goes back to whoever asked for the changes: the Board.
    mail.outbox.clear()
    edit_story(login(staff["ks-contributor"]), story, summary="Đã bổ sung số quyết định.")
    assert recipients() == ["board-reviewer@example.invalid"]


@pytest.mark.django_db
def test_contributor_cannot_publish_even_with_a_forged_request(staff, ke_sach, login):
    client = login(staff["ks-contributor"])
    form = client.get(f"/admin/pages/add/exemplars/exemplarpage/{ke_sach.pk}/").content.decode()
    assert 'name="action-publish"' not in form
    submit_story(client, ke_sach, "Gương sáng tự xuất bản", action="action-publish")
    story = ExemplarPage.objects.get(title="Gương sáng tự xuất bản")
    assert not story.live and story.first_published_at is None


@pytest.mark.django_db
def test_approver_of_another_unit_cannot_approve(staff, ke_sach, login):
    submit_story(login(staff["ks-contributor"]), ke_sach, "Hộ ông Lý Văn Sơn thoát nghèo")
    story = ExemplarPage.objects.get(title="Hộ ông Lý Văn Sơn thoát nghèo")
    assert workflow_action(login(staff["yt-approver"]), story, "approve").status_code in (302, 403)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Lãnh đạo đơn vị duyệt"
    # Nor can the Board skip the unit's step.
    workflow_action(login(staff["board"]), story, "approve")
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Lãnh đạo đơn vị duyệt"


@pytest.mark.django_db
def test_outlet_editor_publishes_own_outlet_column_articles(staff, login, newsroom):
    from columns.models import ColumnArticlePage, OutletPage
    from tests.factories import ColumnPageFactory

    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = ColumnPageFactory(parent=outlet, title="Người tốt việc tốt")
    client = login(staff["bst-reporter"])
    url = f"/admin/pages/add/columns/columnarticlepage/{column.pk}/"
    data = admin_form_data(client.get(url).content.decode())
    data.update({"title": "Người thầy giữ lửa ở Cù Lao Dung", "slug": "nguoi-thay", "action-submit": "1"})
    assert client.post(url, data).status_code == 302
    article = ColumnArticlePage.objects.get(title="Người thầy giữ lửa ở Cù Lao Dung")
    assert recipients() == ["bst-editor@example.invalid"]
    workflow_action(login(staff["dai-editor"]), article, "approve")
    article.refresh_from_db()
    assert not article.live
    workflow_action(login(staff["bst-editor"]), article, "approve")
    article.refresh_from_db()
    assert article.live
