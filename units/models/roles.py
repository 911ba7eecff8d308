from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Who does what in the newsroom (see units.roles for what each role may do)."""

    CONTRIBUTOR = "contributor", _("Unit contributors")
    APPROVER = "approver", _("Unit approvers")
    BOARD = "board", _("Emulation and Commendation Board")
    OUTLET_REPORTER = "outlet-reporter", _("Outlet reporters")
    OUTLET_EDITOR = "outlet-editor", _("Outlet editors")
    TRANSLATOR_KM = "translator-km", _("Khmer translators")
    TRANSLATOR_EN = "translator-en", _("English translators")


class RoleGroup(models.Model):
    """The Django group that plays a role, for one unit or (Board, translators) for the whole site."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="newsroom_role")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_groups",
    )

    class Meta:
        verbose_name = _("role group")
        verbose_name_plural = _("role groups")
        constraints = [
            models.UniqueConstraint(fields=["role", "unit"], name="one_group_per_role_and_unit"),
            models.UniqueConstraint(
                fields=["role"], condition=models.Q(unit__isnull=True), name="one_site_wide_group_per_role"
            ),
        ]

    def __str__(self):
        return self.group.name
