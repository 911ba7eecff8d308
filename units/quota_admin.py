"""The Board's quota rules in the admin: the listing's "End this rule" action, the add form it
opens, and the refusal to delete a rule that has taken effect.

A rule that has taken effect judged past periods, so it is neither edited (``QuotaRule.clean``)
nor deleted (``refuse_deleting_rules_in_effect``, which the single and the bulk delete both run);
it is ended by a new rule from a later date, most often a "not required" one.
"""

import re

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import MenuItem
from wagtail.snippets.views.snippets import CreateView

from core.admin_search import FoldedSearchIndexView
from units.models import QuotaPeriod, QuotaRule, RuleStatus

# The "end" parameter of the add form: a rule's id, nothing else (a longer number is no rule).
_RULE_ID = re.compile(r"[0-9]{1,18}", re.ASCII)


def end_rule_url(add_url, rule):
    return f"{add_url}?{urlencode({'end': rule.pk})}"


class QuotaRuleIndexView(FoldedSearchIndexView):
    """Rules in force can be ended, not deleted; rules not yet in force can be deleted."""

    default_ordering = "-effective_from"

    def get_delete_url(self, instance):
        if instance.has_taken_effect():
            return None
        return super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        in_force = getattr(instance, "rule_status", None) == RuleStatus.IN_FORCE
        if self.add_url and in_force and instance.period != QuotaPeriod.NONE:
            buttons.append(
                MenuItem(
                    _("End this rule"),
                    url=end_rule_url(self.add_url, instance),
                    icon_name="calendar-check",
                    priority=15,
                )
            )
        return buttons


class QuotaRuleCreateView(CreateView):
    """The add form; with ``?end=<rule>`` it is prefilled to end that rule: the same kind or unit,
    "not required", from the start of the rule's next period."""

    def rule_to_end(self):
        value = self.request.GET.get("end", "")
        if not _RULE_ID.fullmatch(value):
            return None
        return QuotaRule.objects.select_related("unit").filter(pk=int(value)).first()

    def get_initial(self):
        initial = super().get_initial()
        rule = self.rule_to_end()
        if rule is not None:
            initial.update(
                unit_kind=rule.unit_kind,
                unit=rule.unit_id,
                period=QuotaPeriod.NONE,
                minimum=0,
                effective_from=rule.end_date(),
            )
        return initial

    def get_page_subtitle(self):
        rule = self.rule_to_end()
        if rule is not None:
            return _("End of the rule %(rule)s") % {"rule": rule}
        return super().get_page_subtitle()


def refuse_deleting_rules_in_effect(request, instances):
    """The ``before_delete_snippet`` hook: no rule that has taken effect is deleted, alone or in bulk."""
    in_effect = [rule for rule in instances if isinstance(rule, QuotaRule) and rule.has_taken_effect()]
    if not in_effect:
        return None
    messages.error(
        request,
        _(
            "A rule that has taken effect cannot be deleted: past periods were judged by it (%(rules)s). "
            "To end it, add a rule from a later date with “End this rule”."
        )
        % {"rules": "; ".join(str(rule) for rule in in_effect)},
    )
    return redirect(reverse(QuotaRule.snippet_viewset.get_url_name("list")))
