"""Wagtail's user bar ("Edit this page") on public pages: signed-in staff see it on a story, and
anonymous readers never do, not even from the page cache after a staff member's visit."""

import pytest
from django.test import Client

from tests.factories import ExemplarPageFactory
from tests.helpers import at, published
from units.models import Role
from units.roles import add_member

USERBAR = "wagtail-userbar"


@pytest.fixture
def story(section):
    page = ExemplarPageFactory(
        parent=section, title="Bà Lâm Thị Sa Rinh giữ nghề dệt chiếu", first_published_at=at(2021, 3)
    )
    return published(page)


@pytest.fixture
def board_member(newsroom, django_user_model):
    user = django_user_model.objects.create_user("board-userbar", "b@example.invalid", "pw")
    add_member(user, Role.BOARD)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("cache_seconds", [0, 300])
def test_staff_see_the_user_bar_on_a_story_and_readers_never_do(settings, story, board_member, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    settings.PAGE_CACHE_MAX_AGE = 60
    staff = Client()
    staff.force_login(board_member)
    as_staff = staff.get(story.url)
    assert as_staff.status_code == 200
    html = as_staff.content.decode()
    assert f"<{USERBAR}>" in html and f'/admin/pages/{story.pk}/edit/"' in html
    assert "X-Page-Cache" not in as_staff

    for _ in range(2):  # the first reader fills the cache (when on), the second is served from it
        as_reader = Client().get(story.url)
        assert as_reader.status_code == 200
        assert USERBAR not in as_reader.content.decode()
    if cache_seconds:
        assert as_reader["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_signed_in_user_without_admin_access_gets_no_user_bar(story, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user("reader-account", "r@example.invalid", "pw"))
    assert USERBAR not in client.get(story.url).content.decode()
