"""Vietnamese, Khmer and English: the skeleton in each language, translated stories, the switcher."""

import pytest
from django.test import Client
from wagtail.models import Locale

from demo.users import ensure_demo_users
from exemplars.models import ExemplarIndexPage, UnitSectionPage
from home.models import HomePage
from tests.factories import ExemplarPageFactory


def translate(page, language, title):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title = title
    translation.save_revision().publish()
    return translation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "language", "title"),
    [("", "vi", "Gương điển hình"), ("/en", "en", "Exemplars"), ("/km", "km", None)],
)
def test_each_language_has_its_tree(client, newsroom, prefix, language, title):
    response = client.get(f"{prefix}/guong-dien-hinh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    index = ExemplarIndexPage.objects.get(locale__language_code=language)
    if title:
        assert index.title == title
    assert index.title in html


@pytest.mark.django_db
def test_translated_story_is_reachable_in_three_languages_with_a_switcher(client, section):
    story = ExemplarPageFactory(parent=section, title="Bà Lâm Thị Sa Ri nuôi heo giỏi")
    english = translate(story, "en", "Mrs Lâm Thị Sa Ri, a skilled pig farmer")
    khmer = translate(story, "km", "អ្នកស្រី ឡាំ ធី សារី")

    for version in (story, english, khmer):
        html = client.get(version.url).content.decode()
        assert version.title in html
        for other in {story, english, khmer} - {version}:
            assert f'href="{other.url}"' in html  # the switcher keeps the reader on this story
    assert english.url.startswith("/en/") and khmer.url.startswith("/km/")

    # The English index lists the English story, the Vietnamese one only the Vietnamese.
    assert english.title in client.get("/en/guong-dien-hinh/").content.decode()
    assert english.title not in client.get("/guong-dien-hinh/").content.decode()
    # The unit's English name is shown to English readers.
    assert "Kế Sách District" in client.get(english.url).content.decode()


@pytest.mark.django_db
def test_switcher_offers_only_translations_that_exist(client, section):
    story = ExemplarPageFactory(parent=section, title="Chưa có bản dịch")
    html = client.get(story.url).content.decode()
    assert 'hreflang="en"' not in html.split("</header>")[0]


@pytest.mark.django_db
def test_translators_work_only_in_their_language_and_cannot_publish(newsroom):
    users = ensure_demo_users()
    client = Client()
    client.force_login(users["translator-en"])
    english_home = HomePage.objects.get(locale__language_code="en")
    vietnamese_home = HomePage.objects.get(locale__language_code="vi")
    assert client.get(f"/admin/pages/{english_home.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{vietnamese_home.pk}/edit/").status_code == 302
    english_section = UnitSectionPage.objects.get(locale__language_code="en", unit__slug="huyen-ke-sach")
    assert english_section.title == "Kế Sách District"
    assert english_section.permissions_for_user(users["translator-en"]).can_edit()
    assert not english_section.permissions_for_user(users["translator-en"]).can_publish()
    # A translation goes to the Board before it is live, and the Board may publish it.
    assert english_section.get_workflow().name == "Ban Thi đua - Khen thưởng duyệt"
    assert english_section.permissions_for_user(users["board"]).can_publish()
    assert english_home.permissions_for_user(users["board"]).can_publish()
    # The Board publishes the Vietnamese home page itself too, but not through an inherited grant
    # (units.page_permissions): nothing below it follows, and it may not unpublish it.
    assert vietnamese_home.permissions_for_user(users["board"]).can_publish()
    assert not vietnamese_home.permissions_for_user(users["board"]).can_unpublish()
