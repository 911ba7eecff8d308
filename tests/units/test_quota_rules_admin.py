"""The Board manages quota rules in the admin: lists them by status, adds rules from today on, ends a
rule with a "not required" one, never edits or deletes a rule that has taken effect, and every
change is in the audit log. Nobody else reaches the rules.

Dates are relative to the province's today: setup_newsroom's rules (from 01/10/2019) are in force.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from tests.units.exports import csv_rows
from units.models import QuotaPeriod, QuotaRule, Unit, province_today

LIST = "wagtailsnippets_units_quotarule:list"
ADD = "wagtailsnippets_units_quotarule:add"
EDIT = "wagtailsnippets_units_quotarule:edit"
DELETE = "wagtailsnippets_units_quotarule:delete"
DAY = datetime.timedelta(days=1)


PAST = "A new rule cannot take effect in the past: choose today or a later date."
IN_FORCE = "This rule is already in force; add a new rule from a later date instead of changing it."
SAME_DATE = "Another rule for the same kind of unit or unit takes effect on this date."
NOT_DELETED = (
    "A rule that has taken effect cannot be deleted: past periods were judged by it (%(rules)s). "
    "To end it, add a rule from a later date with “End this rule”."
)


def shown(response, message, context=None):
    """Whether the page shows ``message`` as the admin's default language (Vietnamese) renders it;
    up to its first placeholder."""
    with translation.override("vi"):
        text = translation.pgettext(context, message) if context else translation.gettext(message)
    return escape(text.split("%(")[0]) in response.content.decode()


def d(date):
    return date.strftime("%d/%m/%Y")


def rule_form(**values):
    form = {"unit_kind": "", "unit": "", "period": "quarter", "minimum": "1", "effective_from": "", "note": ""}
    form.update(values)
    return form


def listed(response):
    return list(response.context["object_list"])


def plan_rule(kind):
    return QuotaRule.objects.get(unit_kind=kind, unit__isnull=True, effective_from=datetime.date(2019, 10, 1))


@pytest.fixture
def rules(newsroom):
    """Beside the plan's rules: districts moved to a new rule in 2021 (so their 2019 rule ended), a
    future rule for departments, and an exception for Kế Sách. Straight in the database, as the
    forms would refuse the past dates."""
    today = province_today()
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    return {
        "district-2019": plan_rule("district"),
        "district-2021": QuotaRule.objects.create(
            unit_kind="district", period="quarter", minimum=2, effective_from=datetime.date(2021, 1, 1)
        ),
        "department-future": QuotaRule.objects.create(
            unit_kind="department", period="month", minimum=1, effective_from=today + 40 * DAY
        ),
        "ke-sach": QuotaRule.objects.create(
            unit=ke_sach, period="month", minimum=3, effective_from=datetime.date(2022, 1, 1)
        ),
    }


@pytest.mark.django_db
def test_list_filters_by_status(board, rules):
    ended = listed(board.get(reverse(LIST), {"status": "ended"}))
    assert ended == [rules["district-2019"]]

    future = listed(board.get(reverse(LIST), {"status": "future"}))
    assert future == [rules["department-future"]]

    in_force = listed(board.get(reverse(LIST), {"status": "in_force"}))
    assert rules["district-2021"] in in_force and rules["ke-sach"] in in_force
    assert plan_rule("department") in in_force  # the future rule has not taken effect yet
    assert rules["district-2019"] not in in_force and rules["department-future"] not in in_force
    # Each row says its status.
    response = board.get(reverse(LIST))
    assert response.status_code == 200
    assert "<td" in response.content.decode()
    # The status column sorts (ended, future, in force: by the stored value).
    by_status = listed(board.get(reverse(LIST), {"ordering": "rule_status"}))
    assert by_status[:2] == [rules["district-2019"], rules["department-future"]]
    for label in ("In force", "Ended", "Not yet in force"):
        assert shown(response, label, "quota rule")


@pytest.mark.django_db
def test_list_filters_by_kind_and_unit(board, rules):
    districts = listed(board.get(reverse(LIST), {"unit_kind": "district"}))
    assert set(districts) == {rules["district-2019"], rules["district-2021"], rules["ke-sach"]}

    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    for_ke_sach = listed(board.get(reverse(LIST), {"unit": ke_sach.pk}))
    assert set(for_ke_sach) == {rules["district-2019"], rules["district-2021"], rules["ke-sach"]}

    y_te = Unit.objects.get(slug="so-y-te")
    for_y_te = listed(board.get(reverse(LIST), {"unit": y_te.pk, "status": "in_force"}))
    assert for_y_te == [plan_rule(y_te.kind)]


@pytest.mark.django_db
def test_board_adds_a_rule_from_today_or_later(board, newsroom):
    today = province_today()
    for start in (today, today + 90 * DAY):
        response = board.post(
            reverse(ADD), rule_form(unit_kind="enterprise", period="month", minimum="2", effective_from=d(start))
        )
        assert response.status_code == 302
        assert QuotaRule.objects.filter(unit_kind="enterprise", effective_from=start, minimum=2).exists()


@pytest.mark.django_db
def test_a_rule_from_the_past_is_refused_with_a_message(board, newsroom):
    response = board.post(
        reverse(ADD), rule_form(unit_kind="district", period="none", minimum="0", effective_from="01/01/2021")
    )
    assert response.status_code == 200
    assert shown(response, PAST)
    assert not QuotaRule.objects.filter(effective_from=datetime.date(2021, 1, 1)).exists()


@pytest.mark.django_db
def test_a_rule_in_force_is_not_edited(board, newsroom):
    rule = plan_rule("district")
    response = board.post(
        reverse(EDIT, args=[rule.pk]),
        rule_form(unit_kind="district", period="month", minimum="5", effective_from=d(rule.effective_from)),
    )
    assert response.status_code == 200
    assert shown(response, IN_FORCE)
    rule.refresh_from_db()
    assert rule.minimum == 1


@pytest.mark.django_db
def test_a_future_rule_is_edited_but_not_moved_into_the_past(board, rules):
    rule = rules["department-future"]
    edit = reverse(EDIT, args=[rule.pk])
    later = rule.effective_from + 30 * DAY
    response = board.post(edit, rule_form(unit_kind="department", period="month", minimum="2", effective_from=d(later)))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.minimum, rule.effective_from) == (2, later)

    response = board.post(
        edit, rule_form(unit_kind="department", period="month", minimum="2", effective_from="01/01/2021")
    )
    assert response.status_code == 200
    assert shown(response, PAST)
    rule.refresh_from_db()
    assert rule.effective_from == later


@pytest.mark.django_db
def test_two_rules_for_one_target_from_one_date_are_refused(board, rules):
    start = rules["department-future"].effective_from
    response = board.post(reverse(ADD), rule_form(unit_kind="department", period="quarter", effective_from=d(start)))
    assert response.status_code == 200
    assert shown(response, SAME_DATE)
    # Another kind on the same date is fine.
    response = board.post(reverse(ADD), rule_form(unit_kind="enterprise", period="quarter", effective_from=d(start)))
    assert response.status_code == 302


def next_month_start(today):
    return (today.replace(day=1) + 32 * DAY).replace(day=1)


def next_quarter_start(today):
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = today.replace(month=first_month, day=1)
    return (start + 95 * DAY).replace(day=1)


@pytest.mark.django_db
def test_ending_a_rule_opens_the_add_form_prefilled(board, rules):
    today = province_today()
    district = rules["district-2021"]
    end_url = f"{reverse(ADD)}?end={district.pk}"
    listing = board.get(reverse(LIST)).content.decode()
    assert shown(board.get(reverse(LIST)), "End this rule") and end_url.replace("&", "&amp;") in listing
    # Neither an ended rule nor a future one is offered for ending.
    assert f'?end={rules["district-2019"].pk}"' not in listing
    assert f'?end={rules["department-future"].pk}"' not in listing

    form = board.get(end_url).context["form"]
    assert form.initial["unit_kind"] == "district"
    assert form.initial["period"] == QuotaPeriod.NONE
    assert form.initial["effective_from"] == next_quarter_start(today)

    monthly = board.get(f"{reverse(ADD)}?end={rules['ke-sach'].pk}").context["form"]
    assert monthly.initial["unit"] == rules["ke-sach"].unit_id
    assert monthly.initial["effective_from"] == next_month_start(today)

    # Posting the prefilled form ends the rule from that date.
    response = board.post(
        end_url,
        rule_form(unit_kind="district", period="none", minimum="0", effective_from=d(next_quarter_start(today))),
    )
    assert response.status_code == 302
    assert QuotaRule.objects.filter(unit_kind="district", period="none").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999", "-1", "0"])
def test_a_forged_end_parameter_opens_an_empty_form(board, newsroom, value):
    response = board.get(reverse(ADD), {"end": value})
    assert response.status_code == 200
    assert "unit_kind" not in response.context["form"].initial


@pytest.mark.django_db
def test_a_rule_in_force_is_not_deleted(board, rules):
    for rule in (rules["district-2019"], rules["district-2021"]):
        url = reverse(DELETE, args=[rule.pk])
        for response in (board.get(url, follow=True), board.post(url, follow=True)):
            assert shown(response, NOT_DELETED)
        assert QuotaRule.objects.filter(pk=rule.pk).exists()
    listing = board.get(reverse(LIST)).content.decode()
    assert reverse(DELETE, args=[rules["district-2021"].pk]) not in listing
    assert reverse(DELETE, args=[rules["department-future"].pk]) in listing


@pytest.mark.django_db
def test_bulk_delete_keeps_rules_in_effect(board, rules):
    url = reverse("wagtail_bulk_action", args=["units", "quotarule", "delete"])
    ids = [rules["district-2021"].pk, rules["department-future"].pk]
    response = board.post(f"{url}?{'&'.join(f'id={pk}' for pk in ids)}", follow=True)
    assert shown(response, NOT_DELETED)
    assert QuotaRule.objects.filter(pk__in=ids).count() == 2


@pytest.mark.django_db
def test_a_future_rule_is_deleted_and_logged(board, rules):
    rule = rules["department-future"]
    response = board.post(reverse(DELETE, args=[rule.pk]))
    assert response.status_code == 302
    assert not QuotaRule.objects.filter(pk=rule.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(rule.pk)).exists()


@pytest.mark.django_db
def test_adding_a_rule_is_in_the_audit_log(board, staff):
    start = province_today() + 10 * DAY
    board.post(reverse(ADD), rule_form(unit_kind="enterprise", period="quarter", effective_from=d(start)))
    rule = QuotaRule.objects.get(unit_kind="enterprise", effective_from=start)
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(rule.pk))
    assert entry.user == staff["board"]
    assert "Doanh nghiệp" in entry.label or "Enterprise" in entry.label


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ks-approver", "ks-contributor", "bst-editor"])
def test_nobody_but_the_board_reaches_quota_rules(client, staff, role):
    client.force_login(staff[role])
    rule = plan_rule("district")
    for url in (reverse(LIST), reverse(ADD), reverse(EDIT, args=[rule.pk]), reverse(DELETE, args=[rule.pk])):
        assert client.get(url).status_code in (302, 403)
    start = d(province_today() + 10 * DAY)
    client.post(reverse(ADD), rule_form(unit_kind="district", period="month", minimum="9", effective_from=start))
    client.post(reverse(EDIT, args=[rule.pk]), rule_form(unit_kind="district", period="none", effective_from=start))
    assert not QuotaRule.objects.filter(minimum=9).exists()
    rule.refresh_from_db()
    assert rule.period == "month"
    assert client.get("/admin/snippets/choose/units/quotarule/").status_code == 404  # no chooser either
    future = QuotaRule.objects.create(unit_kind="enterprise", period="month", effective_from=province_today() + 9 * DAY)
    client.post(reverse(DELETE, args=[future.pk]))
    assert QuotaRule.objects.filter(pk=future.pk).exists()


@pytest.mark.django_db
def test_csv_export_keeps_a_formula_in_the_basis_as_text(board, newsroom):
    rule = plan_rule("district")
    QuotaRule.objects.filter(pk=rule.pk).update(note='=HYPERLINK("http://evil.example","Kế hoạch")')
    response = board.get(reverse(LIST), {"export": "csv", "status": "in_force"})
    assert response.status_code == 200
    rows = csv_rows(response)
    notes = [row[-1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","Kế hoạch")' in notes
    assert all(not note.startswith("=") for note in notes)
