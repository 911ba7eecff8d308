"""Ending quota rules and the refusal to delete those that have taken effect (units.quota_admin):
the hook itself (which rules the message names, where the Board is sent back to, what passes
untouched), the end link, and the add form that ends a rule. The other admin pages of the rules
are in test_quota_rules_admin.py."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from units.models import QuotaRule, Unit, province_today
from units.quota_admin import end_rule_url, refuse_deleting_rules_in_effect

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_units_quotarule:list"
ADD = "wagtailsnippets_units_quotarule:add"


def request():
    made = RequestFactory().post("/admin/snippets/units/quotarule/delete/")
    made.session = {}
    made._messages = FallbackStorage(made)
    return made


def rule(effective_from, **values):
    values.setdefault("unit_kind", "district")
    return QuotaRule.objects.create(period="month", minimum=2, effective_from=effective_from, **values)


def test_rules_in_effect_are_named_in_one_message_and_the_board_goes_back_to_the_list(newsroom):
    ke_sach = Unit.objects.get(slug="huyen-ke-sach")
    in_effect = [rule(datetime.date(2021, 1, 1)), rule(datetime.date(2022, 1, 1), unit_kind="", unit=ke_sach)]
    future = rule(province_today() + datetime.timedelta(days=40))
    made = request()
    with translation.override("en"):
        response = refuse_deleting_rules_in_effect(made, [in_effect[0], future, ke_sach, in_effect[1]])
        [message] = [str(m) for m in get_messages(made)]
        # Only the rules in effect (not the future one, not a unit passed along), in order, joined by "; ".
        assert f"judged by it ({in_effect[0]}; {in_effect[1]})." in message
        assert str(future) not in message
    assert (response.status_code, response.url) == (302, reverse(LIST))


def test_future_rules_and_other_snippets_are_deleted_without_a_word(newsroom):
    today = province_today()
    made = request()
    starts_tomorrow = rule(today + datetime.timedelta(days=1))
    assert refuse_deleting_rules_in_effect(made, [starts_tomorrow, Unit.objects.get(slug="so-y-te")]) is None
    assert not list(get_messages(made))
    # A rule taking effect today has taken effect: it judges today's period.
    assert refuse_deleting_rules_in_effect(made, [rule(today)]).status_code == 302


def test_the_end_link_names_the_rule_to_end(newsroom):
    ended = rule(datetime.date(2021, 1, 1))
    assert end_rule_url("/admin/snippets/units/quotarule/add/", ended) == (
        f"/admin/snippets/units/quotarule/add/?end={ended.pk}"
    )


def test_the_form_ending_a_rule_names_it_and_a_not_required_rule_has_nothing_to_end(board):
    # A "not required" rule in force already ends what came before it: no "End this rule" for it.
    monthly = rule(datetime.date(2021, 1, 1))
    not_required = QuotaRule.objects.create(
        unit_kind="public_service", period="none", minimum=0, effective_from=datetime.date(2021, 1, 1)
    )
    listing = board.get(reverse(LIST)).content.decode()
    assert f"?end={monthly.pk}" in listing and f"?end={not_required.pk}" not in listing
    assert "icon-calendar-check" in listing  # the action shows its own icon
    response = board.get(reverse(ADD), {"end": monthly.pk})
    # Prefilled as "not required", with no minimum to meet.
    assert (response.context["form"].initial["period"], response.context["form"].initial["minimum"]) == ("none", 0)
    page = response.content.decode()
    with translation.override("vi"):  # the admin's default language
        subtitle = translation.gettext("End of the rule %(rule)s") % {"rule": monthly}
    assert escape(subtitle) in page
    assert escape(subtitle.split(":")[0]) not in board.get(reverse(ADD)).content.decode()
