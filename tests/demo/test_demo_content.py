"""The demo content: loads into a set-up newsroom, covers what the plan names, and loads once."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import WorkflowState

from campaigns.models import CampaignPage, HonouringEventPage
from columns.models import ColumnArticlePage, ColumnPage
from exemplars.models import ExemplarKind, ExemplarPage, Field, SubjectKind
from search.models import SearchEntry
from units.models import UnitKind


def counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"wagtailcore", "wagtailimages", "wagtailmedia", "exemplars", "campaigns", "columns", "auth"}
        and not model._meta.label.endswith(("Rendition", "ReferenceIndex", "Session"))
    }


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates(newsroom, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", "--no-progress", stdout=io.StringIO())
    first = counts()
    call_command("load_demo_content", "--no-progress", stdout=io.StringIO())
    assert counts() == first

    live = ExemplarPage.objects.live()
    assert live.count() >= 200
    assert ExemplarPage.objects.filter(live=False).count() >= 10
    in_moderation = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert (
        ExemplarPage.objects.filter(
            pk__in=[int(pk) for pk in in_moderation.values_list("object_id", flat=True)]
        ).count()
        >= 5
    )
    assert set(live.values_list("kind", flat=True)) == set(ExemplarKind.values)
    assert set(live.values_list("subject_kind", flat=True)) == set(SubjectKind.values)
    assert set(Field.objects.filter(stories__live=True).values_list("slug", flat=True)) == set(
        Field.objects.values_list("slug", flat=True)
    )
    assert {UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.MASS_ORGANISATION} <= set(
        live.values_list("unit__kind", flat=True)
    )
    years = {date.year for date in live.values_list("first_published_at", flat=True)}
    assert years == {2019, 2020}
    assert CampaignPage.objects.live().count() == 4
    assert HonouringEventPage.objects.live().count() >= 4
    assert ColumnPage.objects.live().count() == 4
    assert ColumnArticlePage.objects.live().exclude(media=None).exists()
    # Published the way editors publish, so readers can search it at once.
    assert SearchEntry.objects.filter(kind="story").count() == live.count()
