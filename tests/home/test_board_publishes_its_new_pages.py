"""The Board's "Publish" on a page it is adding under the home page publishes it: the grants the
new page receives (units.roles.grant_board_on_new_page) count within the same request."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import PageLogEntry

from demo.users import ensure_demo_users
from home.documents import DocumentLibraryPage
from home.models import HomePage, StandardPage
from tests.units.moderation import admin_form_data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "title", "stream"),
    [
        (StandardPage, "Liên hệ Ban Thi đua - Khen thưởng", "body"),
        (DocumentLibraryPage, "Văn bản chỉ đạo", "documents"),
    ],
)
def test_board_publishes_the_page_it_adds_under_the_home_page(newsroom, model, title, stream):
    board = Client()
    board.force_login(ensure_demo_users()["board"])
    home = HomePage.objects.get(locale__language_code="vi")
    add_url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, home.pk))
    data = admin_form_data(board.get(add_url).content.decode())
    data.update(
        {"title": title, "slug": slugify(title, allow_unicode=True), f"{stream}-count": "0", "action-publish": "1"}
    )

    response = board.post(add_url, data)

    # Back to the home page's listing with Wagtail's "created and published", not to the dashboard
    # with "you do not have permission".
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=(home.pk,))
    page = model.objects.get(title=title)
    assert page.live and page.live_revision is not None and page.first_published_at is not None
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
