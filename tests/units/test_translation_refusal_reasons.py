"""units/translation_rules.py asked directly: which page may be a translation source and the reason
shown (in Vietnamese) when it may not. test_translation_rules.py sends the same pages through the
admin; these settle each branch in milliseconds (issue 22), the page above a story included."""

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from exemplars.models import UnitSectionPage
from home.models import HomePage
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from units.translation_rules import may_be_translated, translation_refusal

NOT_PUBLISHED = "Trang này chưa được xuất bản nên chưa thể dịch. Chỉ những trang đã xuất bản mới được gửi dịch."
PRIVATE = (
    "Trang này đang bị giới hạn quyền xem (trang này hoặc trang cấp trên được bảo vệ bằng mật khẩu hoặc "
    "yêu cầu đăng nhập) nên không thể dịch. Chỉ những trang công khai mới được gửi dịch."
)


@pytest.fixture
def section(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")


@pytest.fixture
def story(section):
    return published(ExemplarPageFactory(parent=section, title="Bác sĩ Nguyễn Thị Hồng về xã"))


def reason(page):
    with translation.override("vi"):
        return translation_refusal(page)


def test_a_live_public_story_may_be_translated(story):
    assert reason(story) is None
    assert may_be_translated(story)


def test_the_root_of_the_tree_is_refused_with_its_own_reason(newsroom):
    assert reason(Page.get_first_root_node()) == "Không thể dịch trang gốc của cây trang."
    assert not may_be_translated(Page.get_first_root_node())


def test_a_draft_is_refused_as_not_published(section):
    draft = ExemplarPageFactory(parent=section, title="Trạm y tế xã Đại Ân 2 đạt chuẩn", live=False)
    assert reason(draft) == NOT_PUBLISHED


@pytest.mark.parametrize("above", ["section", "home page"])
def test_a_live_story_below_an_unpublished_page_is_refused_as_not_published(above, story, section):
    # The home page is the tree's first page under the root: it counts as much as the section.
    page = section if above == "section" else HomePage.objects.get(locale__language_code="vi")
    Page.objects.filter(pk=page.pk).update(live=False)
    assert reason(story) == NOT_PUBLISHED


@pytest.mark.parametrize("on", ["story", "section"])
def test_a_story_behind_a_view_restriction_is_refused_as_private(on, story, section):
    PageViewRestriction.objects.create(
        page=story if on == "story" else section, restriction_type=PageViewRestriction.PASSWORD, password="bí-mật"
    )
    assert reason(story) == PRIVATE
    assert not may_be_translated(story)
