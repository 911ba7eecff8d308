"""Making, listing and revoking a story's fact-check links in the admin, and who may."""

import pytest
from django.urls import reverse

from factcheck.models import FactCheckLink, hash_token
from tests.factories import ExemplarPageFactory
from tests.units.moderation import workflow_action


def links_url(story):
    return reverse("factcheck_admin:links", args=(story.pk,))


def refused(response):
    """Wagtail's admin answers a refusal by sending the user home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def revoke_url(link):
    return reverse("factcheck_admin:revoke", args=(link.page_id, link.pk))


@pytest.mark.django_db
def test_approver_makes_a_link_shown_once_and_stored_hashed(story_in_moderation, staff, login):
    client = login(staff["ks-approver"])
    response = client.post(links_url(story_in_moderation), {"days": "7", "note": "Chủ tịch UBND xã Ba Trinh"})
    assert response.status_code == 302
    link = FactCheckLink.objects.get(page=story_in_moderation)
    assert link.created_by == staff["ks-approver"]
    assert link.revision_id == story_in_moderation.latest_revision_id
    assert (link.expires_at - link.created_at).days == 7

    listing = client.get(links_url(story_in_moderation)).content.decode()
    address = listing.split('id="factcheck-new-address" type="text" readonly value="')[1].split('"')[0]
    token = address.rstrip("/").rsplit("/", 1)[1]
    assert "/kiem-tra/" in address and len(token) >= 43
    assert link.token_hash == hash_token(token) and token not in link.token_hash
    # Shown once: the address is not in the database and not on the page any more.
    assert token not in client.get(links_url(story_in_moderation)).content.decode()


@pytest.mark.django_db
def test_links_listed_with_maker_date_and_whether_opened(link_and_token, story_in_moderation, staff, login, client):
    link, token = link_and_token
    FactCheckLink.make(story_in_moderation, staff["board"], note="Ông Trần Văn Út")
    client.get(reverse("factcheck:preview", args=(token,)))
    page = login(staff["board"]).get(links_url(story_in_moderation)).content.decode()
    assert "Chủ tịch UBND xã Ba Trinh" in page and "Ông Trần Văn Út" in page
    assert "Kesach" in page and "Board" in page  # first names of the makers
    assert page.count("data-factcheck-link=") == 2
    opened_row = page.split(f'data-factcheck-link="{link.pk}"')[1].split("</tr>")[0]
    assert "(1 " in opened_row  # opened once


@pytest.mark.django_db
def test_board_makes_links_at_any_step(story_in_moderation, staff, login):
    response = login(staff["board"]).post(links_url(story_in_moderation), {"days": "3"})
    assert response.status_code == 302
    assert FactCheckLink.objects.filter(page=story_in_moderation, created_by=staff["board"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["ks-contributor", "yt-approver", "yt-contributor", "bst-editor"])
def test_others_may_neither_see_nor_make_nor_revoke(who, link_and_token, story_in_moderation, staff, login):
    link, _token = link_and_token
    client = login(staff[who])
    assert refused(client.get(links_url(story_in_moderation)))
    assert refused(client.post(links_url(story_in_moderation), {"days": "30"}))
    assert refused(client.post(revoke_url(link)))
    link.refresh_from_db()
    assert not link.is_revoked
    assert FactCheckLink.objects.filter(page=story_in_moderation).count() == 1


@pytest.mark.django_db
def test_unit_approver_makes_no_link_once_the_story_is_at_the_boards_step(story_in_moderation, staff, login):
    client = login(staff["ks-approver"])
    workflow_action(client, story_in_moderation, "approve")
    story_in_moderation.refresh_from_db()
    assert story_in_moderation.current_workflow_task.name.startswith("Ban Thi đua")
    assert refused(client.post(links_url(story_in_moderation), {"days": "7"}))
    assert client.get(links_url(story_in_moderation)).status_code == 200  # still sees and may revoke


@pytest.mark.django_db
def test_revoke_is_post_only_and_logged(link_and_token, staff, login):
    link, _token = link_and_token
    client = login(staff["ks-approver"])
    assert client.get(revoke_url(link)).status_code == 405
    assert client.post(revoke_url(link)).status_code == 302
    link.refresh_from_db()
    assert link.is_revoked and link.revoked_by == staff["ks-approver"]
    history = client.get(reverse("wagtailadmin_pages:history", args=(link.page_id,))).content.decode()
    assert "Chủ tịch UBND xã Ba Trinh" in history


@pytest.mark.django_db
def test_a_link_of_another_story_cannot_be_revoked_through_this_one(link_and_token, staff, login):
    link, _token = link_and_token
    other = ExemplarPageFactory(parent=link.page.get_parent(), live=False, first_published_at=None)
    client = login(staff["ks-approver"])
    assert client.post(reverse("factcheck_admin:revoke", args=(other.pk, link.pk))).status_code == 404
    link.refresh_from_db()
    assert not link.is_revoked


@pytest.mark.django_db
def test_bad_days_is_refused_with_the_form_again(story_in_moderation, staff, login):
    response = login(staff["ks-approver"]).post(links_url(story_in_moderation), {"days": "365"})
    assert response.status_code == 200
    assert "error" in response.content.decode()
    assert not FactCheckLink.objects.exists()


@pytest.mark.django_db
def test_story_header_has_a_button_for_approvers_only(story_in_moderation, staff, login):
    edit = reverse("wagtailadmin_pages:edit", args=(story_in_moderation.pk,))
    assert links_url(story_in_moderation) in login(staff["ks-approver"]).get(edit).content.decode()
    assert links_url(story_in_moderation) not in login(staff["ks-contributor"]).get(edit).content.decode()
