"""From a reader's nomination to a story: the Board drafts one in a unit's section, or links one.

The draft is the unit's to write (never published by the Board's action), the nomination names it,
the unit's contributors and approvers are told, and the audit log says who did it.
"""

import datetime
import unicodedata

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry, PageLogEntry

from exemplars.models import ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage
from submissions.admin_views import draft_created_message
from submissions.models import Nomination, NominationStatus
from submissions.story_drafts import DRAFTED, LINKED, Outcome, summary_of
from tests.factories import ExemplarPageFactory, UnitFactory, UnitSectionPageFactory
from tests.helpers import published
from units.models import Role, Unit
from units.roles import add_member

pytestmark = pytest.mark.django_db

NOMINATIONS = reverse("wagtailsnippets_submissions_nomination:list")
ACHIEVEMENTS = (
    "Năm 2018, anh chuyển 3 ha đất trồng mía kém hiệu quả sang trồng bưởi da xanh xen cam sành. "
    "Thu nhập mỗi năm trên 600 triệu đồng.\n"
    "\n"
    "Anh hướng dẫn 12 hộ trong ấp Béc Hen Lớn làm theo & lập tổ hợp tác <Tổ bưởi Mỹ Hương>."
)


def draft_url(nomination):
    return reverse("wagtailsnippets_submissions_nomination:draft_story", args=[nomination.pk])


def link_url(nomination):
    return reverse("wagtailsnippets_submissions_nomination:link_story", args=[nomination.pk])


def edit_url(nomination):
    return reverse("wagtailsnippets_submissions_nomination:edit", args=[nomination.pk])


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.fixture
def my_tu(newsroom):
    return Unit.objects.get(slug="huyen-my-tu")


@pytest.fixture
def my_tu_section(my_tu):
    return UnitSectionPage.objects.get(unit=my_tu, locale__language_code="vi")


@pytest.fixture
def my_tu_staff(my_tu, django_user_model):
    """Mỹ Tú's contributor and approver (told), a contributor who left and one without an address (not)."""

    def member(username, email, role, **extra):
        user = django_user_model.objects.create_user(username, email, "pw", **extra)
        add_member(user, role, my_tu)
        return user

    return {
        "contributor": member("mytu-lan", "lan.vt@mytu.soctrang.gov.vn", Role.CONTRIBUTOR),
        "approver": member("mytu-hung", "hung.ln@mytu.soctrang.gov.vn", Role.APPROVER),
        "left": member("mytu-cu", "cu.tv@mytu.soctrang.gov.vn", Role.CONTRIBUTOR, is_active=False),
        "no_email": member("mytu-khong-email", "", Role.CONTRIBUTOR),
    }


@pytest.fixture
def nomination(my_tu):
    field = Field.objects.all().first()
    return Nomination.objects.create(
        nominee_name="Anh Lý Văn Sến",
        nominee_kind="individual",
        unit=my_tu,
        address="ấp Béc Hen Lớn, xã Mỹ Hương, huyện Mỹ Tú",
        field=field,
        achievements=ACHIEVEMENTS,
        nominator_name="Trần Thị Ngọc Hân",
        nominator_phone="0299 3 871 456",
        language_code="vi",
    )


@pytest.fixture
def live_story(section):
    return published(ExemplarPageFactory(parent=section, title="Ông Trần Văn Út hiến đất làm đường"))


# Drafting ---------------------------------------------------------------------------------------


def test_the_board_drafts_a_story_for_my_tu_from_a_nomination(
    client, board_member, nomination, my_tu_section, my_tu_staff, contributor
):
    client.force_login(board_member)
    form = client.get(draft_url(nomination)).context["form"]
    assert form.initial == {"section": my_tu_section, "title": "Anh Lý Văn Sến"}

    response = client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến"})

    assert response.status_code == 302 and response["Location"] == edit_url(nomination)
    story = ExemplarPage.objects.get(title="Anh Lý Văn Sến")
    assert story.get_parent().pk == my_tu_section.pk and story.unit_id == my_tu_section.unit_id
    assert not story.live and story.first_published_at is None and story.live_revision is None
    assert (story.subject_name, story.subject_kind) == ("Anh Lý Văn Sến", "individual")
    assert story.locality == "ấp Béc Hen Lớn, xã Mỹ Hương, huyện Mỹ Tú"
    assert list(story.fields.all()) == [nomination.field]
    assert story.summary == (
        "Năm 2018, anh chuyển 3 ha đất trồng mía kém hiệu quả sang trồng bưởi da xanh xen cam sành. "
        "Thu nhập mỗi năm trên 600 triệu đồng. Anh hướng dẫn 12 hộ trong ấp Béc Hen Lớn làm theo & lập "
        "tổ hợp tác <Tổ bưởi Mỹ Hương>."
    )
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
    # A reader's text is text: escaped, never markup.
    assert "làm theo &amp; lập tổ hợp tác &lt;Tổ bưởi Mỹ Hương&gt;." in story.body[1].value.source
    nomination.refresh_from_db()
    assert nomination.story_id == story.pk and nomination.status == NominationStatus.STORY
    # The page's history says the Board member created it; the nomination's, that it became a draft.
    assert PageLogEntry.objects.filter(page=story, action="wagtail.create", user=board_member).exists()
    assert PageLogEntry.objects.filter(page=story, action="wagtail.edit", user=board_member).exists()
    assert story.owner == board_member and story.latest_revision.user == board_member
    entry = ModelLogEntry.objects.get(object_id=str(nomination.pk), action=DRAFTED)
    assert entry.user == board_member and entry.data["story"]["id"] == story.pk
    # Mỹ Tú's active contributor and approver with an address, nobody else (not Kế Sách's contributor).
    [email] = mail.outbox
    assert sorted(email.to) == ["hung.ln@mytu.soctrang.gov.vn", "lan.vt@mytu.soctrang.gov.vn"]
    assert "Anh Lý Văn Sến" in email.subject
    assert f"/admin/pages/{story.pk}/edit/" in email.body and "0299" not in email.body
    with translation.override("vi"):
        assert draft_created_message(Outcome(story, 2)) in messages_of(response)


def test_the_draft_stays_out_of_public_listings_search_and_the_api(
    client, board_member, nomination, my_tu_section, exemplar_index
):
    client.force_login(board_member)
    client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến, người trồng bưởi"})
    story = ExemplarPage.objects.get(title="Anh Lý Văn Sến, người trồng bưởi")
    client.logout()

    assert "Lý Văn Sến" not in client.get(exemplar_index.url).content.decode()
    assert "Lý Văn Sến" not in client.get(my_tu_section.url).content.decode()
    assert client.get(story.url or "/guong-dien-hinh/huyen-my-tu/anh-ly-van-sen-nguoi-trong-buoi/").status_code == 404
    search = client.get("/tim-kiem/", {"q": "Lý Văn Sến"})
    assert search.status_code == 200 and story.pk not in [entry.page_id for entry in search.context["results"]]
    api = client.get("/api/v2/pages/", {"type": "exemplars.ExemplarPage", "title": story.title})
    assert api.status_code == 200 and api.json()["items"] == []
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404


def test_the_draft_takes_the_text_in_nfc_and_a_summary_that_fits(client, board_member, nomination, my_tu_section):
    long_sentence = "Chị vận động " + "bà con trong ấp góp công, góp đất làm đường giao thông nông thôn " * 12
    Nomination.objects.filter(pk=nomination.pk).update(
        nominee_name=unicodedata.normalize("NFD", "Chị Thạch Thị Sa Rươl"),
        achievements=unicodedata.normalize("NFD", long_sentence.strip() + ". Đường dài 2 km."),
    )
    client.force_login(board_member)

    client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": ""})  # the title is required
    assert not ExemplarPage.objects.filter(subject_name__startswith="Chị").exists()
    client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Chị Thạch Thị Sa Rươl"})

    story = ExemplarPage.objects.get(subject_name="Chị Thạch Thị Sa Rươl")
    assert story.slug == "chi-thach-thi-sa-ruol"
    assert unicodedata.is_normalized("NFC", story.summary) and unicodedata.is_normalized(
        "NFC", story.body[0].value.source
    )
    assert len(story.summary) <= 500 and story.summary.endswith("…")


def test_a_unit_with_nobody_to_tell_gets_its_draft_and_the_board_is_told(
    client, board_member, nomination, my_tu_section
):
    client.force_login(board_member)

    response = client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến"})

    assert response.status_code == 302
    story = ExemplarPage.objects.get(title="Anh Lý Văn Sến")
    assert mail.outbox == []
    with translation.override("vi"):
        assert draft_created_message(Outcome(story, 0)) in messages_of(response)


def test_the_board_chooses_another_unit_than_the_nominated_one(client, board_member, nomination, section):
    ExemplarPageFactory(parent=section, title="Anh Lý Văn Sến", slug="anh-ly-van-sen")
    client.force_login(board_member)

    client.post(draft_url(nomination), {"section": section.pk, "title": "Anh Lý Văn Sến"})

    nomination.refresh_from_db()
    assert nomination.story.get_parent().pk == section.pk and nomination.story.unit.slug == "huyen-ke-sach"
    assert nomination.story.slug == "anh-ly-van-sen-2"  # the section had one of that name


def test_only_sections_of_active_contributing_units_are_offered(client, board_member, nomination, exemplar_index):
    dissolved = UnitFactory(name="Thị xã Ngã Năm cũ", slug="thi-xa-nga-nam-cu", active_until=datetime.date(2020, 1, 1))
    old_section = UnitSectionPageFactory(parent=exemplar_index, unit=dissolved, slug="thi-xa-nga-nam-cu")
    client.force_login(board_member)

    offered = client.get(draft_url(nomination)).context["form"].fields["section"].queryset
    response = client.post(draft_url(nomination), {"section": old_section.pk, "title": "Anh Lý Văn Sến"})

    assert old_section not in offered
    assert not offered.exclude(locale__language_code="vi").exists()
    assert response.status_code == 400 and response.context["form"].errors["section"]
    assert not ExemplarPage.objects.filter(title="Anh Lý Văn Sến").exists()


# Linking ----------------------------------------------------------------------------------------


def test_the_board_links_a_nomination_to_an_existing_story(client, board_member, nomination, live_story):
    client.force_login(board_member)
    stories_before = ExemplarPage.objects.count()

    response = client.post(link_url(nomination), {"story": live_story.pk})

    assert response.status_code == 302 and response["Location"] == edit_url(nomination)
    nomination.refresh_from_db()
    assert nomination.story_id == live_story.pk and nomination.status == NominationStatus.STORY
    entry = ModelLogEntry.objects.get(object_id=str(nomination.pk), action=LINKED)
    assert entry.user == board_member and entry.data["story"]["title"] == live_story.title
    assert ExemplarPage.objects.count() == stories_before and mail.outbox == []


def test_a_forged_link_to_a_page_that_is_not_a_story_is_a_form_error(client, board_member, nomination, section):
    client.force_login(board_member)

    for forged in (section.pk, ExemplarIndexPage.objects.first().pk, "abc", 10**12):
        response = client.post(link_url(nomination), {"story": forged})
        assert response.status_code == 400 and response.context["form"].errors["story"]

    nomination.refresh_from_db()
    assert nomination.story is None and nomination.status == NominationStatus.NEW


# Refusals ---------------------------------------------------------------------------------------


def test_a_nomination_with_a_story_gets_no_other(client, board_member, nomination, my_tu_section, live_story):
    Nomination.objects.filter(pk=nomination.pk).update(story=live_story, status=NominationStatus.STORY)
    client.force_login(board_member)
    stories_before = ExemplarPage.objects.count()

    for url, data in [
        (draft_url(nomination), None),
        (draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến"}),
        (link_url(nomination), {"story": live_story.pk}),
    ]:
        response = client.post(url, data) if data else client.get(url)
        assert response.status_code == 302 and response["Location"] == edit_url(nomination)
        # The refusal offers to open the story it has.
        assert f"/admin/pages/{live_story.pk}/edit/" in messages_of(response)

    assert ExemplarPage.objects.count() == stories_before
    assert not ModelLogEntry.objects.filter(object_id=str(nomination.pk), action__in=[DRAFTED, LINKED]).exists()


def test_a_forged_section_that_is_not_a_unit_section_is_refused(client, board_member, nomination, live_story):
    client.force_login(board_member)

    for forged in (ExemplarIndexPage.objects.first().pk, live_story.pk, "x"):
        response = client.post(draft_url(nomination), {"section": forged, "title": "Anh Lý Văn Sến"})
        assert response.status_code == 400 and response.context["form"].errors["section"]

    nomination.refresh_from_db()
    assert nomination.story is None and not ExemplarPage.objects.filter(title="Anh Lý Văn Sến").exists()


def test_a_unit_user_cannot_draft_or_link_even_with_a_forged_post(
    client, contributor, nomination, my_tu_section, live_story, django_user_model
):
    my_tu_approver = django_user_model.objects.create_user("mytu-approver", "a@mytu.example.invalid", "pw")
    add_member(my_tu_approver, Role.APPROVER, nomination.unit)
    stories_before = ExemplarPage.objects.count()

    for user in (contributor, my_tu_approver):
        client.force_login(user)
        assert client.get(draft_url(nomination)).status_code == 403
        assert client.get(link_url(nomination)).status_code == 403
        draft = client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến"})
        link = client.post(link_url(nomination), {"story": live_story.pk})
        assert draft.status_code == 403 and link.status_code == 403

    nomination.refresh_from_db()
    assert nomination.story is None and nomination.status == NominationStatus.NEW
    assert ExemplarPage.objects.count() == stories_before and mail.outbox == []
    assert not ModelLogEntry.objects.filter(object_id=str(nomination.pk)).exists()


def test_the_status_says_turned_into_a_story_only_with_a_story(client, board_member, nomination, live_story):
    client.force_login(board_member)
    form = client.get(edit_url(nomination)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(unit=nomination.unit_id, field=nomination.field_id, status="story")

    refused = client.post(edit_url(nomination), data)
    Nomination.objects.filter(pk=nomination.pk).update(story=live_story)
    accepted = client.post(edit_url(nomination), {**data, "board_notes": "Đã có bài."})

    assert refused.status_code == 200 and refused.context["form"].errors["status"]
    assert accepted.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.STORY and nomination.story_id == live_story.pk


# What the Board sees ----------------------------------------------------------------------------


def test_the_edit_view_and_the_listing_show_the_story_and_the_actions(client, board_member, nomination, live_story):
    other = Nomination.objects.create(
        nominee_name="Hợp tác xã Nông nghiệp Hòa Tú",
        nominee_kind="collective",
        achievements="Liên kết tiêu thụ lúa ST25 cho 120 xã viên.",
        nominator_name="Lý Thị Mai",
        language_code="vi",
    )
    client.force_login(board_member)
    story_edit = f"/admin/pages/{live_story.pk}/edit/"

    without = client.get(edit_url(nomination)).content.decode()
    Nomination.objects.filter(pk=nomination.pk).update(story=live_story, status=NominationStatus.STORY)
    with_story = client.get(edit_url(nomination)).content.decode()
    listing = client.get(NOMINATIONS).content.decode()

    assert draft_url(nomination) in without and link_url(nomination) in without and story_edit not in without
    assert story_edit in with_story and live_story.title in with_story and draft_url(nomination) not in with_story
    # The story's column, and the actions offered only on the row that has no story yet.
    assert story_edit in listing and draft_url(other) in listing and link_url(other) in listing
    assert draft_url(nomination) not in listing
    export = client.get(NOMINATIONS, {"export": "csv"})
    assert live_story.title in b"".join(export.streaming_content).decode("utf-8-sig")


def test_the_nominations_history_shows_both_actions(client, board_member, nomination, my_tu_section, live_story):
    other = Nomination.objects.create(
        nominee_name="Bà Nguyễn Thị Hoa",
        achievements="Nấu cơm từ thiện.",
        nominator_name="Lê Văn Bình",
        language_code="vi",
    )
    client.force_login(board_member)
    client.post(draft_url(nomination), {"section": my_tu_section.pk, "title": "Anh Lý Văn Sến trồng bưởi"})
    client.post(link_url(other), {"story": live_story.pk})

    drafted = client.get(reverse("wagtailsnippets_submissions_nomination:history", args=[nomination.pk]))
    linked = client.get(reverse("wagtailsnippets_submissions_nomination:history", args=[other.pk]))

    assert "Anh Lý Văn Sến trồng bưởi" in drafted.content.decode() and my_tu_section.title in drafted.content.decode()
    assert live_story.title in linked.content.decode()


# The draft's text -------------------------------------------------------------------------------


def test_the_summary_is_the_first_sentences_that_fit():
    text = "Câu thứ nhất. Câu thứ hai!\nCâu thứ ba? " + "x" * 600

    assert summary_of(text) == "Câu thứ nhất. Câu thứ hai! Câu thứ ba?"
    assert summary_of("Ngắn gọn.") == "Ngắn gọn."
    assert summary_of("") == ""
