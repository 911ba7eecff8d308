"""The planned story's form: a unit's staff choose among their own units, their outlet's columns
and their colleagues; the Board among every unit. What a forged POST sends outside those choices
is refused by the fields themselves (a choice not offered is not valid)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from planning.drafting import columns_of
from planning.permissions import STAFF_ROLES, planning_unit_ids
from units.models import Role, Unit, UnitKind
from units.roles import acts_as_board


class ColumnChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        parent = obj.get_parent()
        return f"{parent.title} — {obj.title}" if parent else obj.title


class PlannedStoryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        board = user is not None and acts_as_board(user)
        units = Unit.objects.exclude(kind=UnitKind.BOARD)
        if not board:
            units = units.filter(pk__in=planning_unit_ids(user) if user else [])
        self.fields["unit"].queryset = units.order_by("name")
        if units.count() == 1 and not self.instance.pk:
            self.fields["unit"].initial = units.first().pk
        self._limit_columns(units)
        self._limit_assignees(units, board)

    def _limit_columns(self, units):
        outlets = units.filter(kind=UnitKind.MEDIA_OUTLET)
        paths = [path for outlet in outlets for path in columns_of(outlet).values_list("path", flat=True)]
        columns = Page.objects.filter(path__in=paths)
        field = self.fields["column"]
        self.fields["column"] = ColumnChoiceField(
            queryset=columns.order_by("path"),
            required=False,
            label=field.label,
            help_text=field.help_text,
            widget=forms.Select,
        )

    def _limit_assignees(self, units, board):
        roles = STAFF_ROLES | ({Role.BOARD} if board else set())
        members = Q(groups__newsroom_role__unit__in=units, groups__newsroom_role__role__in=STAFF_ROLES)
        if board:
            members |= Q(groups__newsroom_role__role__in=roles)
        self.fields["assignee"].queryset = (
            get_user_model().objects.filter(members, is_active=True).distinct().order_by("first_name", "username")
        )
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()

    def clean(self):
        cleaned = super().clean()
        unit, column, assignee = cleaned.get("unit"), cleaned.get("column"), cleaned.get("assignee")
        if unit and column and not columns_of(unit).filter(pk=column.pk).exists():
            self.add_error("column", _("This column is not one of the unit's."))
        if unit and assignee and not self._may_be_assigned(assignee, unit):
            self.add_error("assignee", _("Assign the story to someone working for the unit (or to the Board)."))
        return cleaned

    @staticmethod
    def _may_be_assigned(user, unit):
        links = user.groups.filter(newsroom_role__isnull=False)
        return links.filter(Q(newsroom_role__unit=unit) | Q(newsroom_role__role=Role.BOARD)).exists()
