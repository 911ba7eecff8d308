"""Emulation blocs get names for readers of Khmer and English, like units (core.names).

Translators no longer translate fields and award types as wagtail-localize snippets (their Khmer
and English names are columns now, filled in units.names_admin): the "view" and "change" rights
on them that translators' groups held would now reach the Vietnamese rows, so they are taken back.
"""

from django.db import migrations, models

TRANSLATOR_ROLES = ("translator-km", "translator-en")


def take_back_snippet_rights(apps, schema_editor):
    RoleGroup = apps.get_model("units", "RoleGroup")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(
        content_type__app_label="exemplars", content_type__model__in=("field", "awardtype")
    )
    for link in RoleGroup.objects.filter(role__in=TRANSLATOR_ROLES).select_related("group"):
        link.group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [("units", "0006_staff_member_proxy"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.AddField(
            model_name="emulationbloc",
            name="name_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="emulationbloc",
            name="name_km",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in Khmer"),
        ),
        migrations.RunPython(take_back_snippet_rights, migrations.RunPython.noop),
    ]
