"""A unit records its own honouring events (plan II.3: its half-year and year-end reviews) in its
section, moderated like a story; the picker offers only live stories; a story says where it was honoured."""

import datetime

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignIndexPage, HonouringEventPage
from exemplars.models import UnitSectionPage
from reports.contributions import contribution_report
from tests.factories import CampaignPageFactory, ExemplarPageFactory, HonouringEventPageFactory
from tests.helpers import at, published
from tests.units.moderation import admin_form_data, workflow_action
from units.models import Role, Unit
from units.roles import add_member
from units.workflows import BOARD_TASK_NAME, UNIT_TASK_NAME

TITLE = "Hội nghị tổng kết phong trào thi đua yêu nước năm 2024 huyện Kế Sách"


@pytest.fixture
def people(newsroom, django_user_model):
    def make(username, role, unit_slug=None):
        user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
        add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        return user

    return {
        "ks-contributor": make("kesach-contributor", Role.CONTRIBUTOR, "huyen-ke-sach"),
        "ks-approver": make("kesach-approver", Role.APPROVER, "huyen-ke-sach"),
        "yt-approver": make("yte-approver", Role.APPROVER, "so-y-te"),
        "board": make("board-reviewer", Role.BOARD),
    }


@pytest.fixture
def y_te(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")


@pytest.fixture
def stories(section, y_te):
    """Live and draft stories of Kế Sách and Sở Y tế."""
    return {
        "ks-live": published(
            ExemplarPageFactory(
                parent=section, title="Ông Lâm Văn Sóc nuôi lươn không bùn", first_published_at=at(2024, 5)
            )
        ),
        "ks-draft": ExemplarPageFactory(parent=section, title="Bản nháp: chị Thạch Thị Mai", live=False),
        "yt-live": published(ExemplarPageFactory(parent=y_te, title="Bác sĩ Trần Minh Tâm ở Trạm y tế Phú Tâm")),
        "yt-draft": ExemplarPageFactory(parent=y_te, title="Bản nháp: điều dưỡng Kim Thị Sa Ly", live=False),
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("campaigns", "honouringeventpage", parent.pk))


def event_form(client, parent):
    response = client.get(add_url(parent))
    assert response.status_code == 200, response
    return response


def post_event(client, parent, exemplars, action="action-submit", form_html=None, **fields):
    html = form_html or event_form(client, parent).content.decode()
    data = admin_form_data(html)
    data.setdefault("photos-count", "0")
    data.update(
        {
            "title": TITLE,
            "slug": slugify(TITLE, allow_unicode=True),
            "kind": "year_end_review",
            "date": "20/12/2024",
            "place": "Hội trường UBND huyện Kế Sách",
            action: "1",
            **fields,
        }
    )
    data.setlist("exemplars", [str(story.pk) for story in exemplars])
    return client.post(add_url(parent), data)


def current_task_name(page):
    page.refresh_from_db()
    return page.current_workflow_task.name


@pytest.mark.django_db
def test_district_approver_records_its_year_end_review_which_goes_to_the_board_and_counts_for_nothing(
    client, people, section, stories
):
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    before = contribution_report(2024, units=Unit.objects.filter(pk=ke_sach.pk))[0]
    client.force_login(people["ks-approver"])

    form = event_form(client, section).content.decode()
    assert 'value="year_end_review"' in form and 'value="half_year_review"' in form
    response = post_event(client, section, [stories["ks-live"]], form_html=form)

    assert response.status_code == 302, response.content.decode()[:2000]
    event = HonouringEventPage.objects.get(title=TITLE)
    assert event.get_parent().pk == section.pk and not event.live
    assert current_task_name(event) == UNIT_TASK_NAME
    workflow_action(client, event, "approve")
    assert current_task_name(event) == BOARD_TASK_NAME
    event.refresh_from_db()
    assert not event.live  # the unit's approval does not publish

    # An event is not a story: it neither counts nor waits in the unit's standings.
    after = contribution_report(2024, units=Unit.objects.filter(pk=ke_sach.pk))[0]
    assert (after.total, after.waiting) == (before.total, before.waiting)

    client.force_login(people["board"])
    workflow_action(client, event, "approve")
    event.refresh_from_db()
    assert event.live
    client.logout()
    section_page = client.get(section.url)
    assert TITLE in section_page.content.decode()
    assert section_page.context["stories"].paginator.count == 1  # the live story, not the event
    event_html = client.get(event.url).content.decode()
    assert "Ông Lâm Văn Sóc nuôi lươn không bùn" in event_html and "Huyện Kế Sách" in event_html


@pytest.mark.django_db
def test_a_contributor_may_draft_an_event_in_their_own_section(client, people, section, stories):
    client.force_login(people["ks-contributor"])
    response = post_event(client, section, [stories["ks-live"]], action="action-save")  # saved as a draft
    assert response.status_code == 302
    assert HonouringEventPage.objects.filter(title=TITLE, live=False).exists()


@pytest.mark.django_db
def test_another_units_approver_cannot_add_an_event_in_this_section_even_by_a_forged_post(
    client, people, section, y_te, stories
):
    client.force_login(people["yt-approver"])
    assert client.get(add_url(section)).status_code in (302, 403)
    # The form of their own section, sent to Kế Sách's address.
    own_form = event_form(client, y_te).content.decode()
    response = post_event(client, section, [], form_html=own_form)
    assert response.status_code in (302, 403)
    assert not HonouringEventPage.objects.filter(title=TITLE).exists()


@pytest.mark.django_db
def test_picker_offers_only_the_units_live_stories(client, people, section, stories):
    client.force_login(people["ks-approver"])
    html = event_form(client, section).content.decode()
    assert "Ông Lâm Văn Sóc nuôi lươn không bùn" in html
    for leaked in ("Bản nháp: chị Thạch Thị Mai", "Bản nháp: điều dưỡng Kim Thị Sa Ly"):
        assert leaked not in html


@pytest.mark.django_db
@pytest.mark.parametrize("forged", ["ks-draft", "yt-draft"])
def test_a_forged_post_with_a_draft_story_is_refused_with_a_form_error(client, people, section, stories, forged):
    client.force_login(people["ks-approver"])
    response = post_event(client, section, [stories["ks-live"], stories[forged]])
    assert response.status_code == 200
    assert "exemplars" in response.context["form"].errors
    assert not HonouringEventPage.objects.filter(title=TITLE).exists()


@pytest.mark.django_db
def test_the_boards_campaign_event_may_honour_any_units_live_story_but_no_draft(client, people, stories):
    campaigns = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    campaign = published(CampaignPageFactory(parent=campaigns))
    client.force_login(people["board"])
    html = event_form(client, campaign).content.decode()
    assert "Ông Lâm Văn Sóc nuôi lươn không bùn" in html and "Bác sĩ Trần Minh Tâm ở Trạm y tế Phú Tâm" in html
    assert "Bản nháp: chị Thạch Thị Mai" not in html and "Bản nháp: điều dưỡng Kim Thị Sa Ly" not in html
    response = post_event(client, campaign, [stories["yt-live"], stories["yt-draft"]], action="action-save")
    assert response.status_code == 200 and "exemplars" in response.context["form"].errors


@pytest.mark.django_db
def test_story_page_lists_the_live_public_events_that_honoured_it_and_no_draft_or_private_one(client, section, stories):
    story = stories["ks-live"]
    live = HonouringEventPageFactory(
        parent=section,
        title="Hội nghị sơ kết 6 tháng đầu năm 2024",
        kind="half_year_review",
        date=datetime.date(2024, 7, 12),
        place="Hội trường UBND huyện Kế Sách",
    )
    live.exemplars.set([story])
    published(live)
    draft = HonouringEventPageFactory(parent=section, title="Hội nghị tổng kết năm 2024 (dự thảo)", live=False)
    draft.exemplars.set([story])
    draft.save()
    campaigns = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    private_campaign = published(CampaignPageFactory(parent=campaigns, title="Phong trào nội bộ"))
    PageViewRestriction.objects.create(page=private_campaign, restriction_type=PageViewRestriction.LOGIN)
    private = HonouringEventPageFactory(parent=private_campaign, title="Giao lưu nội bộ của phong trào")
    private.exemplars.set([story])
    published(private)

    html = client.get(story.url).content.decode()
    assert "Hội nghị sơ kết 6 tháng đầu năm 2024" in html
    assert live.url in html and "12/07/2024" in html and "Hội trường UBND huyện Kế Sách" in html
    assert "Hội nghị tổng kết năm 2024 (dự thảo)" not in html
    assert "Giao lưu nội bộ của phong trào" not in html
    # The section lists its live event, not the draft.
    section_html = client.get(section.url).content.decode()
    assert "Hội nghị sơ kết 6 tháng đầu năm 2024" in section_html
    assert "Hội nghị tổng kết năm 2024 (dự thảo)" not in section_html
