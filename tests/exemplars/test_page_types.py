"""Each page type lives only where the page tree of DESIGN.md puts it, and renders."""

import pytest
from django.apps import apps
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage, HonouringEventPage
from columns.models import ColumnArticlePage, ColumnIndexPage, ColumnPage, OutletPage
from commendations.models import HallOfHonourPage
from exemplars.models import ExemplarIndexPage, ExemplarPage, ReplicationPage, UnitSectionPage
from home.models import DocumentLibraryPage, HomePage, StandardPage
from tests.factories import ExemplarPageFactory

ALLOWED_PARENTS = {
    HomePage: {Page},
    ExemplarIndexPage: {HomePage},
    UnitSectionPage: {ExemplarIndexPage},
    ExemplarPage: {UnitSectionPage},
    ReplicationPage: {UnitSectionPage},
    CampaignIndexPage: {HomePage},
    CampaignPage: {CampaignIndexPage},
    HonouringEventPage: {CampaignPage, UnitSectionPage},
    ColumnIndexPage: {HomePage},
    OutletPage: {ColumnIndexPage},
    ColumnPage: {OutletPage},
    ColumnArticlePage: {ColumnPage},
    StandardPage: {HomePage, StandardPage},
    DocumentLibraryPage: {HomePage},
    HallOfHonourPage: {HomePage},
}


def test_every_page_type_of_the_project_is_in_the_table():
    ours = {
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"home", "exemplars", "campaigns", "columns", "commendations"}
    }
    assert ours == set(ALLOWED_PARENTS)


@pytest.mark.parametrize("page_type", list(ALLOWED_PARENTS), ids=lambda m: m.__name__)
def test_page_type_can_only_be_created_under_its_parents(page_type):
    for parent_type in [Page, *ALLOWED_PARENTS]:
        allowed = (
            page_type in parent_type.allowed_subpage_models() and parent_type in page_type.allowed_parent_page_models()
        )
        assert allowed == (parent_type in ALLOWED_PARENTS[page_type]), (parent_type.__name__, page_type.__name__)


@pytest.mark.django_db
def test_admin_refuses_a_story_outside_a_unit_section(newsroom, admin_client, exemplar_index):
    response = admin_client.get(f"/admin/pages/add/exemplars/exemplarpage/{exemplar_index.pk}/")
    # Wagtail sends the user back to the dashboard instead of showing the form.
    assert response.status_code == 302 and response.url == "/admin/"
    response = admin_client.get(f"/admin/pages/add/exemplars/exemplarpage/{exemplar_index.get_children().first().pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_story_unit_is_its_section_unit_and_follows_a_move(section, superuser):
    story = ExemplarPageFactory(parent=section)
    assert story.unit.slug == "huyen-ke-sach"
    other = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")
    story.move(other, pos="last-child", user=superuser)
    story.refresh_from_db()
    assert story.unit.slug == "so-y-te"


@pytest.mark.django_db
def test_a_unit_has_one_section_per_language(section):
    from django.core.exceptions import ValidationError

    duplicate = UnitSectionPage(title="Kế Sách lần hai", slug="ke-sach-2", unit=section.unit, locale=section.locale)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
