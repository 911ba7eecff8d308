"""Replication records (nhân rộng) are entered by the adopting unit in its own section and moderated
like stories: the unit's approvers, then the Board, whose approval publishes; only then does the
story show them. Another unit cannot add one there; the Board can; no draft shows anywhere."""

import pytest
from django.urls import reverse

from exemplars.models import ReplicationPage
from reports.contributions import contribution_report
from tests.exemplars.replication_world import MODEL_TITLE, record, section_of
from tests.factories import ExemplarPageFactory
from tests.units.moderation import admin_form_data, workflow_action
from units.models import Unit
from units.workflows import BOARD_TASK_NAME, UNIT_TASK_NAME

PLACE = "xã Phong Nẫm"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("exemplars", "replicationpage", parent.pk))


def post_record(client, parent, story, action="action-submit", form_html=None, **fields):
    if form_html is None:
        form = client.get(add_url(parent))
        assert form.status_code == 200, form
        form_html = form.content.decode()
    data = admin_form_data(form_html)
    data.update(
        {
            "title": "",
            "slug": "",
            "story": str(story.pk),
            "commune": PLACE,
            "district": "huyện Kế Sách",
            "adopted_on": "15/03/2024",
            "scale_value": "120",
            "scale_unit": "households",
            "note": "Theo báo cáo sơ kết 6 tháng của UBND xã.",
            action: "1",
            **fields,
        }
    )
    return client.post(add_url(parent), data)


def story_html(client, story):
    client.logout()
    response = client.get(story.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_adopting_units_record_shows_on_the_story_only_once_the_board_publishes_it(client, people, model_story):
    ke_sach = section_of("huyen-ke-sach")
    units = Unit.objects.filter(slug__in=["huyen-ke-sach", "huyen-my-tu"])
    before = {result.unit.slug: result.total for result in contribution_report(2024, units=units)}
    client.force_login(people["ks-contributor"])
    response = post_record(client, ke_sach, model_story)

    assert response.status_code == 302, response.content.decode()[:3000]
    replication = ReplicationPage.objects.get(story=model_story)
    # The title and address are written from the story and the place when left empty.
    assert MODEL_TITLE in replication.title and PLACE in replication.title
    assert replication.slug.isascii() and replication.get_parent().pk == ke_sach.pk
    assert replication.unit.slug == "huyen-ke-sach" and not replication.live
    replication.refresh_from_db()
    assert replication.current_workflow_task.name == UNIT_TASK_NAME
    assert PLACE not in story_html(client, model_story)

    client.force_login(people["ks-approver"])
    workflow_action(client, replication, "approve")
    replication.refresh_from_db()
    assert replication.current_workflow_task.name == BOARD_TASK_NAME and not replication.live
    assert PLACE not in story_html(client, model_story)

    client.force_login(people["board"])
    workflow_action(client, replication, "approve")
    replication.refresh_from_db()
    assert replication.live
    html = story_html(client, model_story)
    assert 'id="nhan-rong"' in html and PLACE in html and "15/03/2024" in html
    # A record is not a contribution, of the adopting unit or of the model's.
    after = {result.unit.slug: result.total for result in contribution_report(2024, units=units)}
    assert after == before


@pytest.mark.django_db
def test_another_units_contributor_cannot_add_a_record_in_this_section_even_by_a_forged_post(
    client, people, model_story
):
    ke_sach, y_te = section_of("huyen-ke-sach"), section_of("so-y-te")
    client.force_login(people["yt-contributor"])
    assert client.get(add_url(ke_sach)).status_code in (302, 403)
    own_form = client.get(add_url(y_te)).content.decode()  # they may add one in their own section
    response = post_record(client, ke_sach, model_story, form_html=own_form)
    assert response.status_code in (302, 403)
    assert not ReplicationPage.objects.filter(story=model_story).exists()


@pytest.mark.django_db
def test_the_board_adds_and_publishes_a_record_in_any_section(client, people, model_story):
    ke_sach = section_of("huyen-ke-sach")
    client.force_login(people["board"])
    response = post_record(client, ke_sach, model_story, action="action-publish", title="Nhân rộng ở Phong Nẫm")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ReplicationPage.objects.get(title="Nhân rộng ở Phong Nẫm").live
    assert PLACE in story_html(client, model_story)


@pytest.mark.django_db
def test_a_draft_story_cannot_be_recorded_as_replicated_even_by_a_forged_id(client, people, model_story):
    draft = ExemplarPageFactory(parent=section_of("huyen-my-tu"), title="Bản nháp: mô hình chưa duyệt", live=False)
    client.force_login(people["ks-contributor"])
    response = post_record(client, section_of("huyen-ke-sach"), draft, action="action-save")
    assert response.status_code == 200
    assert "story" in response.context["form"].errors
    assert not ReplicationPage.objects.exists()


@pytest.mark.django_db
def test_a_scale_needs_its_unit_of_measure_and_other_needs_a_name(client, people, model_story):
    client.force_login(people["ks-contributor"])
    ke_sach = section_of("huyen-ke-sach")
    response = post_record(client, ke_sach, model_story, action="action-save", scale_unit="")
    assert "scale_unit" in response.context["form"].errors
    response = post_record(client, ke_sach, model_story, action="action-save", scale_unit="other")
    assert "scale_unit_other" in response.context["form"].errors
    # What was typed is kept for the editor to correct.
    assert PLACE in response.content.decode()
    assert not ReplicationPage.objects.exists()


@pytest.mark.django_db
def test_a_records_own_address_never_shows_a_draft_and_sends_readers_to_the_story(client, model_story):
    ke_sach = section_of("huyen-ke-sach")
    draft = record(ke_sach, model_story, live=False, title="Nhân rộng (dự thảo)")
    assert client.get(f"{ke_sach.url}{draft.slug}/").status_code == 404
    live = record(ke_sach, model_story, commune="xã An Mỹ", title="Nhân rộng tại xã An Mỹ")
    response = client.get(live.url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{model_story.url}#nhan-rong")
    # Not in the section's listing of stories.
    section_page = client.get(ke_sach.url)
    assert "Nhân rộng tại xã An Mỹ" not in section_page.content.decode()
