"""A page form posted without the editor's script (a no-JS client, a script) is refused with a 400,
never a 500, and nothing is saved: for every StreamField of every page type, when creating a page
and when editing one."""

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.test.utils.form_data import querydict_from_html

from campaigns.models import CampaignIndexPage, CampaignPage, HonouringEventPage
from columns.models import ColumnArticlePage, OutletPage
from exemplars.models import ExemplarPage, UnitSectionPage
from home.documents import DocumentLibraryPage
from home.models import HomePage, StandardPage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    DocumentLibraryPageFactory,
    ExemplarPageFactory,
    HonouringEventPageFactory,
    StandardPageFactory,
)
from tests.helpers import published

TITLE = "Bài gửi bằng kịch bản"


def vi(model, **lookups):
    return model.objects.get(locale__language_code="vi", **lookups)


def section():
    return vi(UnitSectionPage, unit__slug="huyen-ke-sach")


def campaign():
    return published(CampaignPageFactory(parent=vi(CampaignIndexPage)))


def column():
    return published(ColumnPageFactory(parent=vi(OutletPage, unit__slug="bao-soc-trang")))


# Each page type with a StreamField: where a new one goes, and how to make one to edit.
PAGE_TYPES = {
    ExemplarPage: (section, ExemplarPageFactory),
    StandardPage: (lambda: vi(HomePage), StandardPageFactory),
    DocumentLibraryPage: (lambda: vi(HomePage), DocumentLibraryPageFactory),
    CampaignPage: (lambda: vi(CampaignIndexPage), CampaignPageFactory),
    HonouringEventPage: (campaign, HonouringEventPageFactory),
    ColumnArticlePage: (column, ColumnArticlePageFactory),
}


def stream_fields(model):
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


def malformed_stream(name, children):
    """Other ways than leaving it out to send a stream the editor's script would not: ``{label: data}``."""
    block = {f"{name}-count": "1", f"{name}-0-type": next(iter(children)), f"{name}-0-deleted": ""}
    posts = {
        "a count that is not a number": {f"{name}-count": "nhiều"},
        "a count without its blocks": {f"{name}-count": "2"},
        "a block without its order": block,
    }
    if "achievements" in children:
        achievements = {**block, f"{name}-0-type": "achievements", f"{name}-0-order": "0"}
        posts["a list without its count"] = {**achievements, f"{name}-0-value-heading": "Thành tích"}
    if "paragraph" in children:
        paragraph = {**block, f"{name}-0-type": "paragraph", f"{name}-0-order": "0"}
        posts["rich text that is not the editor's JSON"] = {**paragraph, f"{name}-0-value": "<p>Không phải JSON</p>"}
        posts["rich text that is a JSON list"] = {**paragraph, f"{name}-0-value": "[1, 2]"}
    return posts


# Every page type as a browser without the script sends it (no stream data at all), and the other
# malformed streams on the story's body.
CASES = [pytest.param(model, {}, id=f"{model.__name__}: no stream data") for model in PAGE_TYPES] + [
    pytest.param(ExemplarPage, data, id=f"ExemplarPage: {label}")
    for label, data in malformed_stream("body", ExemplarPage.body.field.stream_block.child_blocks).items()
]


def test_every_page_type_with_a_stream_field_is_covered():
    from wagtail.models import get_page_models

    with_streams = {model for model in get_page_models() if stream_fields(model) and not model._meta.abstract}
    assert with_streams == set(PAGE_TYPES)


def browser_form(client, url):
    """The page form's fields as a browser without the editor's script sends them: no StreamField data."""
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "data"), CASES)
def test_creating_a_page_with_a_malformed_stream_is_400_and_saves_nothing(admin_client, newsroom, model, data):
    parent = PAGE_TYPES[model][0]()
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    form = browser_form(admin_client, url)
    form.update({"title": TITLE, "slug": "bai-gui-bang-kich-ban", "action-publish": "1", **data})
    pages_before = Page.objects.count()

    response = admin_client.post(url, form)

    assert response.status_code == 400
    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(title=TITLE).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "data"), CASES)
def test_editing_a_page_with_a_malformed_stream_is_400_and_saves_nothing(admin_client, newsroom, model, data):
    parent_of, factory = PAGE_TYPES[model]
    page = published(factory(parent=parent_of()))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = browser_form(admin_client, url)
    form.update({"title": TITLE, "action-publish": "1", **data})
    revisions_before = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    logs_before = PageLogEntry.objects.filter(page=page).count()

    response = admin_client.post(url, form)

    assert response.status_code == 400
    page.refresh_from_db()
    assert page.title != TITLE
    assert not page.has_unpublished_changes
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions_before
    assert PageLogEntry.objects.filter(page=page).count() == logs_before


@pytest.mark.django_db
def test_the_editor_still_saves_a_well_formed_stream(admin_client, newsroom):
    page = published(ExemplarPageFactory(parent=section()))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = browser_form(admin_client, url)
    form.update(
        {
            "title": "Ông Thạch Sóc và ruộng lúa - tôm",
            "body-count": "1",
            "body-0-type": "heading",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-value": "Mô hình lúa - tôm",
            "action-publish": "1",
        }
    )

    response = admin_client.post(url, form)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Ông Thạch Sóc và ruộng lúa - tôm"
    assert [block.value for block in page.body] == ["Mô hình lúa - tôm"]
