"""Who sees and changes which planned stories: a unit's staff their own unit's only, the Board all,
an outlet its own; forged requests for another unit's planned story are refused."""

from planning.models import PlannedStory
from tests.planning.conftest import CALENDAR, DUE, calendar_page, unit

EDIT = "/admin/snippets/planning/plannedstory/edit/{}/"
LIST = "/admin/snippets/planning/plannedstory/"


def test_a_units_staff_see_only_their_units_planned_stories(client, staff, ke_sach_plan, y_te_plan, outlet_plan):
    page = calendar_page(client, staff["ks-contributor"]).content.decode()
    assert ke_sach_plan.title_idea in page
    assert y_te_plan.title_idea not in page
    assert outlet_plan.title_idea not in page
    listing = client.get(LIST).content.decode()
    assert ke_sach_plan.title_idea in listing and y_te_plan.title_idea not in listing


def test_the_board_sees_every_units_planned_stories(client, staff, ke_sach_plan, y_te_plan, outlet_plan):
    page = calendar_page(client, staff["board"]).content.decode()
    for planned in (ke_sach_plan, y_te_plan, outlet_plan):
        assert planned.title_idea in page


def test_an_outlet_sees_its_own_planned_issues_only(client, staff, ke_sach_plan, outlet_plan):
    page = calendar_page(client, staff["bst-reporter"]).content.decode()
    assert outlet_plan.title_idea in page and outlet_plan.column.title in page
    assert ke_sach_plan.title_idea not in page
    other_outlet = calendar_page(client, staff["dai-editor"]).content.decode()
    assert outlet_plan.title_idea not in other_outlet


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def test_another_units_planned_story_cannot_be_opened_or_deleted(client, staff, y_te_plan):
    client.force_login(staff["ks-approver"])
    assert refused(client.get(EDIT.format(y_te_plan.pk)))
    form = {"unit": y_te_plan.unit_id, "title_idea": "x", "due_date": "01/03/2025"}
    assert refused(client.post(EDIT.format(y_te_plan.pk), form))
    assert refused(client.post(f"/admin/snippets/planning/plannedstory/delete/{y_te_plan.pk}/"))
    assert PlannedStory.objects.filter(pk=y_te_plan.pk).exists()
    y_te_plan.refresh_from_db()
    assert y_te_plan.title_idea == "Bác sĩ trạm y tế xã vùng sâu"


def test_a_forged_post_to_make_a_draft_of_another_units_story_is_refused(client, staff, y_te_plan):
    client.force_login(staff["ks-contributor"])
    assert refused(client.post(f"{CALENDAR}ke-hoach/{y_te_plan.pk}/tao-ban-nhap/"))
    y_te_plan.refresh_from_db()
    assert y_te_plan.converted_page_id is None


def test_a_unit_cannot_plan_for_another_unit(client, staff):
    client.force_login(staff["ks-contributor"])
    response = client.post(
        "/admin/snippets/planning/plannedstory/add/",
        {"unit": unit("so-y-te").pk, "title_idea": "Bài của đơn vị khác", "due_date": DUE.strftime("%d/%m/%Y")},
    )
    assert response.status_code == 200  # the form again, with the error
    assert not PlannedStory.objects.filter(title_idea="Bài của đơn vị khác").exists()
    client.post(
        "/admin/snippets/planning/plannedstory/add/",
        {"unit": unit("huyen-ke-sach").pk, "title_idea": "Bài của mình", "due_date": DUE.strftime("%d/%m/%Y")},
    )
    assert PlannedStory.objects.get(title_idea="Bài của mình").unit.slug == "huyen-ke-sach"


def test_a_translator_sees_the_anniversaries_but_no_planned_story(client, newsroom, ke_sach_plan, django_user_model):
    from units.models import Role
    from units.roles import add_member

    translator = django_user_model.objects.create_user("translator", "t@example.invalid", "pw")
    add_member(translator, Role.TRANSLATOR_EN)
    response = calendar_page(client, translator)
    assert response.status_code == 200
    assert ke_sach_plan.title_idea not in response.content.decode()

    april = calendar_page(client, translator, "?month=2025-04").content.decode()
    assert 'data-kind="anniversary"' in april  # 30/4 and Chôl Chnăm Thmây


def test_an_outlet_plans_only_in_its_own_columns(client, staff, column):
    from columns.models import OutletPage
    from tests.factories import ColumnPageFactory

    dai = OutletPage.objects.get(unit__slug="dai-phat-thanh-va-truyen-hinh-soc-trang", locale__language_code="vi")
    dai_column = ColumnPageFactory(parent=dai, title="Chuyện người tử tế")
    client.force_login(staff["bst-reporter"])
    form = client.get("/admin/snippets/planning/plannedstory/add/").content.decode()
    assert column.title in form and dai_column.title not in form
    data = {"unit": unit("bao-soc-trang").pk, "title_idea": "Kỳ mới", "due_date": DUE.strftime("%d/%m/%Y")}
    client.post("/admin/snippets/planning/plannedstory/add/", {**data, "column": dai_column.pk})
    assert not PlannedStory.objects.filter(title_idea="Kỳ mới").exists()
    client.post("/admin/snippets/planning/plannedstory/add/", {**data, "column": column.pk})
    assert PlannedStory.objects.get(title_idea="Kỳ mới").column_id == column.pk


def test_another_units_planned_story_history_and_usage_are_refused(client, staff, y_te_plan):
    client.force_login(staff["ks-contributor"])
    for view in ("history", "usage"):
        assert refused(client.get(f"/admin/snippets/planning/plannedstory/{view}/{y_te_plan.pk}/"))
    client.force_login(staff["yt-contributor"])
    assert client.get(f"/admin/snippets/planning/plannedstory/history/{y_te_plan.pk}/").status_code == 200
