"""Official documents in page bodies: the documents block shows each document's title, number, date
of issue, file type and size, and the rich-text editors of stories, campaigns and standard pages keep
a link to a document (core/blocks.py)."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection
from wagtail.test.utils.form_data import querydict_from_html

from campaigns.models import CampaignPage
from core.blocks import RICH_TEXT_FEATURES, StoryBodyBlock
from home.models import HomePage
from tests.factories import ExemplarPageFactory, StandardPageFactory
from tests.helpers import published
from units.models import Role, Unit
from units.roles import add_member, ensure_unit_collection

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.fixture
def plan(media_root, newsroom):
    return Document.objects.create(
        title="Kế hoạch 123/KH-UBND",
        file=ContentFile(PDF, name="ke-hoach-123-kh-ubnd.pdf"),
        collection=Collection.get_first_root_node(),
    )


def documents_block(plan, heading="Văn bản liên quan"):
    return {
        "heading": heading,
        "documents": [
            {
                "title": "Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến",
                "number": "123/KH-UBND",
                "issued_on": datetime.date(2019, 9, 4),
                "kind": "plan",
                "document": plan,
            }
        ],
    }


def document_link(document, text):
    """What the Draftail editor posts for a paragraph whose words ``text`` link to ``document``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": document.pk}}},
        }
    )


@pytest.mark.django_db
def test_the_documents_block_shows_title_number_date_type_and_size(plan):
    block = StoryBodyBlock().child_blocks["documents"]

    html = block.render(block.to_python(block.get_prep_value(documents_block(plan))))

    assert '<h2 class="documents__title">Văn bản liên quan</h2>' in html
    assert f'<a href="{plan.url}">Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến</a>' in html
    assert "123/KH-UBND" in html
    assert '<time datetime="2019-09-04">04/09/2019</time>' in html
    assert f"PDF, {filesizeformat(len(PDF))}" in html


@pytest.mark.django_db
def test_a_standard_page_shows_its_documents_block_to_readers(plan):
    home = HomePage.objects.get(locale__language_code="vi", depth=2)
    page = published(
        StandardPageFactory(parent=home, title="Kế hoạch", slug="ke-hoach", body=[("documents", documents_block(plan))])
    )

    html = Client().get(page.url).content.decode()

    assert f'<a href="{plan.url}">' in html
    assert "<dd>123/KH-UBND</dd>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "widget",
    [
        pytest.param(lambda: StoryBodyBlock().child_blocks["paragraph"].field.widget, id="story body paragraph"),
        pytest.param(lambda: CampaignPage._meta.get_field("goals").formfield().widget, id="campaign goals"),
    ],
)
def test_the_editor_keeps_a_link_to_a_document(plan, widget):
    stored = widget().value_from_datadict({"text": document_link(plan, "Kế hoạch 123")}, {}, "text")

    assert f'<a linktype="document" id="{plan.pk}">Kế hoạch 123</a>' in stored


@pytest.mark.django_db
def test_a_document_link_in_a_paragraph_reaches_readers_as_a_link_to_the_file(plan):
    home = HomePage.objects.get(locale__language_code="vi", depth=2)
    paragraph = StoryBodyBlock().child_blocks["paragraph"]
    stored = paragraph.field.widget.value_from_datadict({"p": document_link(plan, "Kế hoạch 123")}, {}, "p")
    page = published(
        StandardPageFactory(parent=home, title="Giới thiệu kế hoạch", slug="gt", body=[("paragraph", stored)])
    )

    html = Client().get(page.url).content.decode()

    assert f'<a href="{plan.url}">Kế hoạch 123</a>' in html
    assert "document-link" in RICH_TEXT_FEATURES


def documents_post(form, document_id):
    """The story form with its body replaced by one documents block choosing ``document_id``."""
    prefix = "body-0-value-documents-0"
    form.update(
        {
            "body-count": "1",
            "body-0-type": "documents",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-value-heading": "Văn bản liên quan",
            "body-0-value-documents-count": "1",
            f"{prefix}-deleted": "",
            f"{prefix}-order": "0",
            f"{prefix}-id": "",
            f"{prefix}-value-title": "Báo cáo sơ kết",
            f"{prefix}-value-number": "45/BC-SYT",
            f"{prefix}-value-issued_on": "2020-07-10",
            f"{prefix}-value-kind": "report",
            f"{prefix}-value-document": str(document_id),
        }
    )
    return form


@pytest.fixture
def contributor(django_user_model, newsroom):
    user = django_user_model.objects.create_user("kesach-writer", "kesach-writer@example.invalid", "pw")
    add_member(user, Role.CONTRIBUTOR, Unit.objects.get(slug="huyen-ke-sach"))
    client = Client()
    client.force_login(user)
    return client


def unit_document(unit_slug, title):
    unit = Unit.objects.get(slug=unit_slug)
    return Document.objects.create(
        title=title, file=ContentFile(PDF, name="bao-cao.pdf"), collection=ensure_unit_collection(unit)
    )


@pytest.mark.django_db
def test_a_forged_post_cannot_put_another_units_private_document_on_a_story(media_root, section, contributor):
    secret = unit_document("so-y-te", "Báo cáo nội bộ của Sở Y tế (dự thảo)")
    story = ExemplarPageFactory(parent=section, live=False)
    story.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    form = querydict_from_html(contributor.get(url).content.decode(), form_id="page-edit-form")

    response = contributor.post(url, documents_post(form, secret.pk))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    story.refresh_from_db()
    assert secret.pk not in referenced_documents(story.get_latest_revision_as_object())
    assert Client().get(secret.url).status_code == 404


@pytest.mark.django_db
def test_a_contributor_may_put_their_own_units_document_on_a_story(media_root, section, contributor):
    own = unit_document("huyen-ke-sach", "Báo cáo sơ kết của huyện Kế Sách")
    story = ExemplarPageFactory(parent=section, live=False)
    story.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    form = querydict_from_html(contributor.get(url).content.decode(), form_id="page-edit-form")

    response = contributor.post(url, documents_post(form, own.pk))

    assert response.status_code == 302
    story.refresh_from_db()
    assert own.pk in referenced_documents(story.get_latest_revision_as_object())


def referenced_documents(page):
    return {
        value["document"].pk
        for block in page.body
        if block.block_type == "documents"
        for value in block.value["documents"]
    }


@pytest.mark.django_db
def test_the_api_gives_a_story_documents_with_their_files_address(plan, section):
    story = published(ExemplarPageFactory(parent=section, body=[("documents", documents_block(plan))]))

    body = Client().get(f"/api/v2/pages/{story.pk}/").json()["body"]

    [document] = next(block for block in body if block["type"] == "documents")["value"]["documents"]
    assert document["number"] == "123/KH-UBND"
    assert document["issued_on"] == "2019-09-04"
    assert document["url"].startswith("http") and document["url"].endswith(plan.url)
