"""A planned story becomes a draft in one click: under the unit's section (a story) or the outlet's
column (an article), titled with the idea, not published, and its editor opens."""

from django.contrib.messages import get_messages
from django.utils import translation
from wagtail.models import Page

from columns.models import ColumnArticlePage
from exemplars.models import ExemplarPage
from tests.planning.conftest import CALENDAR, plan


def told(response, msgid):
    """Whether the response's messages include ``msgid`` as the admin shows it (in Vietnamese)."""
    with translation.override("vi"):
        return translation.gettext(msgid) in [str(m) for m in get_messages(response.wsgi_request)]


def make_draft(client, user, planned):
    client.force_login(user)
    return client.post(f"{CALENDAR}ke-hoach/{planned.pk}/tao-ban-nhap/")


def test_a_units_planned_story_becomes_a_draft_story_in_its_section(client, staff, ke_sach_plan, section):
    response = make_draft(client, staff["ks-contributor"], ke_sach_plan)
    ke_sach_plan.refresh_from_db()
    story = ke_sach_plan.converted_page.specific
    assert isinstance(story, ExemplarPage)
    assert response.status_code == 302 and response.url == f"/admin/pages/{story.pk}/edit/"
    assert story.title == ke_sach_plan.title_idea and not story.live
    assert story.get_parent().pk == section.pk and story.unit.slug == "huyen-ke-sach"
    assert story.latest_revision is not None and story.owner == staff["ks-contributor"]
    assert client.get(response.url).status_code == 200


def test_a_second_click_makes_no_second_draft(client, staff, ke_sach_plan):
    make_draft(client, staff["ks-contributor"], ke_sach_plan)
    response = make_draft(client, staff["ks-approver"], ke_sach_plan)
    assert response.status_code == 302 and response.url.startswith(CALENDAR)
    assert ExemplarPage.objects.filter(title=ke_sach_plan.title_idea).count() == 1
    assert told(response, "This planned story is already a draft.")


def test_the_board_makes_a_draft_for_a_unit(client, staff, y_te_plan):
    make_draft(client, staff["board"], y_te_plan)
    y_te_plan.refresh_from_db()
    assert y_te_plan.converted_page.specific.unit.slug == "so-y-te"


def test_an_outlets_planned_issue_becomes_a_draft_article_in_its_column(client, staff, outlet_plan):
    response = make_draft(client, staff["bst-reporter"], outlet_plan)
    outlet_plan.refresh_from_db()
    article = outlet_plan.converted_page.specific
    assert isinstance(article, ColumnArticlePage) and not article.live
    assert article.get_parent().pk == outlet_plan.column_id
    assert response.url == f"/admin/pages/{article.pk}/edit/"


def test_an_outlets_item_without_a_column_asks_for_one(client, staff, newsroom):
    planned = plan("bao-soc-trang", "Kỳ chưa chọn chuyên mục")
    pages = Page.objects.count()
    response = make_draft(client, staff["bst-editor"], planned)
    assert response.status_code == 302 and response.url.startswith(CALENDAR)
    assert Page.objects.count() == pages
    assert told(response, "Choose the column the issue is planned for first.")


def test_making_a_draft_is_post_only(client, staff, ke_sach_plan):
    client.force_login(staff["ks-contributor"])
    assert client.get(f"{CALENDAR}ke-hoach/{ke_sach_plan.pk}/tao-ban-nhap/").status_code == 405
