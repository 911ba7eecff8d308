"""Translators translate what the public already reads: never a draft, a story in moderation, a
newer draft's text or a private page. Sending any of those for translation would copy it into the
Khmer tree, where every Khmer translator reads it, and a later publish of that tree would publish
text the Board never approved."""

import json

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import LocaleSynchronization, TranslationSource

from columns.models import OutletPage
from exemplars.models import ExemplarPage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.units.moderation import edit_story, submit_story, workflow_action
from units.models import Role
from units.roles import add_member
from units.translation_rules import translation_refusal

LIVE_SUMMARY = "Bệnh viện Đa khoa tỉnh rút thời gian chờ khám xuống còn 30 phút."
DRAFT_SUMMARY = "BẢN NHÁP CHƯA DUYỆT: số liệu tiêm chủng còn đang đối chiếu."


@pytest.fixture
def translator_km(newsroom, django_user_model):
    user = django_user_model.objects.create_user("translator-km", "translator-km@example.invalid", "pw")
    add_member(user, Role.TRANSLATOR_KM)
    return user


@pytest.fixture
def khmer(newsroom):
    return Locale.objects.get(language_code="km")


@pytest.fixture
def login(client):
    def as_user(user):
        client.logout()
        client.force_login(user)
        return client

    return as_user


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def request_translation(client, page, locale, **fields):
    return client.post(submit_url(page), {"locales": [locale.pk], **fields})


def khmer_copies(page):
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code="km")


def khmer_copy(page):
    return ExemplarPage.objects.get(translation_key=page.translation_key, locale__language_code="km")


def source_summary(page):
    """The text wagtail-localize offers translators for the page's summary."""
    return json.loads(TranslationSource.objects.get(object_id=page.translation_key).content_json)["summary"]


def assert_refused(response, page):
    """Sent back with the rule's reason, as an error message."""
    assert response.status_code == 302
    errors = {str(m) for m in get_messages(response.wsgi_request) if m.level == message_levels.ERROR}
    with translation.override("vi"):
        assert errors == {translation_refusal(page)}


def live_story(section, title="Sở Y tế rút ngắn thời gian chờ khám"):
    story = ExemplarPageFactory(parent=section, title=title, summary=LIVE_SUMMARY, live=False)
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def drafted_story(login, staff, section):
    # No publish or submit button: the admin's "Save draft".
    client = login(staff["yt-contributor"])
    submit_story(client, section, "Trạm y tế xã đạt chuẩn", action="save", summary=DRAFT_SUMMARY)
    return ExemplarPage.objects.get(title="Trạm y tế xã đạt chuẩn")


def story_at_unit_step(login, staff, section):
    submit_story(login(staff["yt-contributor"]), section, "Bác sĩ trẻ về xã", summary=DRAFT_SUMMARY)
    story = ExemplarPage.objects.get(title="Bác sĩ trẻ về xã")
    assert story.current_workflow_task.name == "Lãnh đạo đơn vị duyệt"
    return story


def story_at_board_step(login, staff, section):
    story = story_at_unit_step(login, staff, section)
    workflow_action(login(staff["yt-approver"]), story, "approve")
    story.refresh_from_db()
    assert story.workflow_in_progress and story.current_workflow_task.name != "Lãnh đạo đơn vị duyệt"
    return story


@pytest.mark.django_db
@pytest.mark.parametrize("make_story", [drafted_story, story_at_unit_step, story_at_board_step])
def test_translator_cannot_copy_an_unpublished_story_into_the_khmer_tree(
    make_story, staff, y_te, login, translator_km, khmer
):
    story = make_story(login, staff, y_te)
    assert not story.live
    client = login(translator_km)

    assert_refused(client.get(submit_url(story)), story)  # not even the form
    assert_refused(request_translation(client, story, khmer), story)

    assert not khmer_copies(story).exists()
    assert not TranslationSource.objects.filter(object_id=story.translation_key).exists()


@pytest.mark.django_db
def test_a_live_story_with_a_draft_in_moderation_is_translated_as_published(staff, y_te, login, translator_km, khmer):
    story = live_story(y_te)
    # The unit edits the live story and sends the change; the Board has not approved it yet.
    edit_story(login(staff["yt-contributor"]), story, summary=DRAFT_SUMMARY)
    workflow_action(login(staff["yt-approver"]), story, "approve")
    story.refresh_from_db()
    assert story.live and story.workflow_in_progress
    assert story.get_latest_revision_as_object().summary == DRAFT_SUMMARY

    client = login(translator_km)
    response = request_translation(client, story, khmer)
    assert response.status_code == 302

    copy = khmer_copy(story)
    assert copy.summary == LIVE_SUMMARY
    # What a later publish of the Khmer page would put online.
    assert copy.get_latest_revision_as_object().summary == LIVE_SUMMARY
    assert source_summary(story) == LIVE_SUMMARY
    # And what the translator reads in the translation editor.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk]))
    assert editor.status_code == 200
    html = editor.content.decode()
    assert json.dumps(LIVE_SUMMARY)[1:-1] in html or LIVE_SUMMARY in html
    assert "BẢN NHÁP" not in html and json.dumps("BẢN NHÁP")[1:-1] not in html


@pytest.mark.django_db
@pytest.mark.parametrize("restricted", ["story", "section"])
def test_translator_cannot_copy_a_private_page(restricted, y_te, login, translator_km, khmer):
    story = live_story(y_te)
    if restricted == "story":
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="kin")
    else:
        PageViewRestriction.objects.create(page=y_te, restriction_type=PageViewRestriction.LOGIN)

    assert_refused(request_translation(login(translator_km), story, khmer), story)
    assert not khmer_copies(story).exists()


@pytest.mark.django_db
def test_translator_translates_a_live_public_story(y_te, login, translator_km, khmer):
    story = live_story(y_te)
    client = login(translator_km)
    assert client.get(submit_url(story)).status_code == 200

    response = request_translation(client, story, khmer)

    copy = khmer_copy(story)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert copy.summary == LIVE_SUMMARY
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
def test_translating_a_subtree_leaves_its_drafts_behind(superuser, login, khmer, newsroom):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = ColumnPageFactory(parent=outlet, title="Người tốt việc tốt", live=False)
    column.save_revision().publish()
    published = ColumnArticlePageFactory(parent=column, title="Cô giáo cắm bản", live=False)
    published.save_revision().publish()
    draft = ColumnArticlePageFactory(parent=column, title="Bài chưa duyệt", live=False)

    response = request_translation(login(superuser), column, khmer, include_subtree="on")

    assert response.status_code == 302
    assert khmer_copies(column).exists() and khmer_copies(published).exists()
    assert not khmer_copies(draft).exists()


def update_url(story):
    source = TranslationSource.objects.get(object_id=story.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["unpublished", "made private"])
def test_translator_cannot_resync_from_a_source_that_is_no_longer_public(
    change, y_te, login, translator_km, khmer, superuser
):
    story = live_story(y_te)
    client = login(translator_km)
    request_translation(client, story, khmer)
    source_before = TranslationSource.objects.get(object_id=story.translation_key).content_json
    if change == "unpublished":
        story.unpublish()
    else:
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="kin")
    story.summary = DRAFT_SUMMARY
    story.save_revision()
    story.refresh_from_db()

    assert_refused(client.get(update_url(story)), story)
    assert_refused(client.post(update_url(story), {}), story)

    assert TranslationSource.objects.get(object_id=story.translation_key).content_json == source_before
    assert khmer_copy(story).get_latest_revision_as_object().summary == LIVE_SUMMARY


@pytest.mark.django_db
def test_resync_takes_the_published_text_not_a_newer_draft(y_te, login, translator_km, khmer):
    story = live_story(y_te)
    client = login(translator_km)
    request_translation(client, story, khmer)
    approved = "Bệnh viện Đa khoa tỉnh rút thời gian chờ khám xuống còn 20 phút."
    story.summary = approved
    story.save_revision().publish()
    story = ExemplarPage.objects.get(pk=story.pk)
    story.summary = DRAFT_SUMMARY
    story.save_revision()

    response = client.post(update_url(story), {})

    assert response.status_code == 302
    assert source_summary(story) == approved


@pytest.mark.django_db
def test_translate_action_is_offered_only_for_live_public_pages(staff, y_te, login, superuser):
    draft = drafted_story(login, staff, y_te)
    story = live_story(y_te, title="Bệnh viện huyện khám bệnh ngày thứ bảy")
    client = login(superuser)

    # The page's "…" menu in the editor.
    assert submit_url(draft) not in client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert submit_url(story) in client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    # The section's listing.
    listing = client.get(reverse("wagtailadmin_explore", args=[y_te.pk])).content.decode()
    assert submit_url(story) in listing
    assert submit_url(draft) not in listing


@pytest.mark.django_db
def test_superuser_cannot_copy_a_draft_either(staff, y_te, login, superuser, khmer):
    draft = drafted_story(login, staff, y_te)
    assert_refused(request_translation(login(superuser), draft, khmer), draft)
    assert not khmer_copies(draft).exists()


@pytest.mark.django_db
def test_no_bulk_action_translates_pages(staff, y_te, login, translator_km, khmer):
    """wagtail-localize has no bulk action; wagtail.contrib.simple_translation's would bypass the rule."""
    actions = bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    assert not [action.action_type for action in actions if "translat" in action.action_type]

    draft = drafted_story(login, staff, y_te)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "submit_translation"]) + f"?id={draft.pk}"
    response = login(translator_km).post(url, {"locales": [khmer.pk]})
    assert response.status_code == 404
    assert not khmer_copies(draft).exists()


@pytest.mark.django_db
def test_no_locale_copies_new_pages_automatically(newsroom):
    """wagtail-localize's tree synchronisation would alias every new page, drafts included, into
    the other trees; the newsroom does not turn it on (see docs/security.md)."""
    assert not LocaleSynchronization.objects.exists()
