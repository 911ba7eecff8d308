"""The "Văn bản" page: the plan, the Law and award decisions with their number and date, newest
first, filterable by year and kind; its files public only once the page is live (home/documents.py,
units/private_documents.py)."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Collection
from wagtail.test.utils.form_data import querydict_from_html

from core.blocks import DocumentKind
from core.seeding import Tally
from demo.documents import ensure_documents
from home.documents import DocumentLibraryPage
from home.models import HomePage
from tests.factories import ExemplarPageFactory, StandardPageFactory
from tests.helpers import published
from units.models import Role, Unit
from units.roles import add_member
from units.workflows import BOARD_WORKFLOW


def pdf(title, name):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n", name=name),
        collection=Collection.get_first_root_node(),
    )


def entry(document, title, number, issued_on, kind):
    return ("document", {"title": title, "number": number, "issued_on": issued_on, "kind": kind, "document": document})


@pytest.fixture
def home(newsroom):
    return HomePage.objects.get(locale__language_code="vi", depth=2)


@pytest.fixture
def files(media_root, newsroom):
    return {
        "plan": pdf("Kế hoạch 123/KH-UBND", "ke-hoach-123-kh-ubnd.pdf"),
        "law": pdf("Luật Thi đua, khen thưởng 2022", "luat-thi-dua-khen-thuong-2022.pdf"),
        "decision": pdf("Quyết định khen thưởng năm 2020", "quyet-dinh-khen-thuong-2020.pdf"),
        "directive": pdf("Chỉ thị 34-CT/TW", "chi-thi-34-ct-tw.pdf"),
    }


def library(home, files, live=True):
    page = DocumentLibraryPage(
        title="Văn bản",
        slug="van-ban",
        intro="Các văn bản chỉ đạo, hướng dẫn công tác thi đua, khen thưởng.",
        documents=[
            entry(
                files["plan"],
                "Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến",
                "123/KH-UBND",
                datetime.date(2019, 9, 4),
                "plan",
            ),
            entry(files["law"], "Luật Thi đua, khen thưởng", "06/2022/QH15", datetime.date(2022, 6, 15), "law"),
            entry(
                files["decision"],
                "Quyết định tặng Bằng khen cho các gương điển hình tiên tiến năm 2020",
                "2345/QĐ-UBND",
                datetime.date(2020, 11, 20),
                "decision",
            ),
            entry(
                files["directive"],
                "Chỉ thị về tiếp tục đổi mới công tác thi đua, khen thưởng",
                "34-CT/TW",
                datetime.date(2014, 4, 7),
                "other",
            ),
        ],
        live=live,
    )
    home.add_child(instance=page)
    if live:
        return published(page)
    page.save_revision()
    return page


def numbers_in_order(response):
    return re.findall(r"<dd>(\d[^<]*/[^<]*)</dd>", response.content.decode())


@pytest.mark.django_db
def test_the_page_lists_each_document_with_its_number_date_and_file_newest_first(home, files):
    page = library(home, files)

    response = Client().get(page.url)

    assert response.status_code == 200
    assert numbers_in_order(response) == ["06/2022/QH15", "2345/QĐ-UBND", "123/KH-UBND", "34-CT/TW"]
    html = response.content.decode()
    assert f'<a href="{files["plan"].url}">Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến</a>' in html
    assert '<time datetime="2019-09-04">04/09/2019</time>' in html
    assert "PDF" in html
    with translation.override("vi"):
        assert f"<dd>{DocumentKind.OTHER.label}</dd>" in html  # the directive's kind, in the page's language


@pytest.mark.django_db
def test_readers_filter_by_year_and_by_kind(home, files):
    page = library(home, files)
    reader = Client()

    assert numbers_in_order(reader.get(page.url, {"year": "2019"})) == ["123/KH-UBND"]
    assert numbers_in_order(reader.get(page.url, {"kind": "decision"})) == ["2345/QĐ-UBND"]
    assert numbers_in_order(reader.get(page.url, {"year": "2020", "kind": "law"})) == []
    assert numbers_in_order(reader.get(page.url, {"year": "", "kind": ""})) == [
        "06/2022/QH15",
        "2345/QĐ-UBND",
        "123/KH-UBND",
        "34-CT/TW",
    ]
    # The lists offer only the years and kinds the page has.
    html = reader.get(page.url).content.decode()
    assert '<option value="2022">2022</option>' in html
    assert '<option value="2021">' not in html
    assert '<option value="decree">' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"year": "hai-nghin"},
        {"year": "1900"},
        {"year": "99999999999999999999999"},
        {"kind": "nghi-quyet"},
        {"kind": "law\x00"},
        {"year": "2019\n"},
    ],
)
def test_a_filter_value_the_form_does_not_offer_is_a_400_with_the_reason(home, files, query):
    page = library(home, files)

    response = Client().get(page.url, query)

    assert response.status_code == 400
    html = response.content.decode()
    assert "notice--error" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_files_of_a_draft_documents_page_stay_private_until_it_is_published(home, files):
    page = library(home, files, live=False)
    reader = Client()

    assert reader.get(files["plan"].url).status_code == 404

    page.get_latest_revision().publish()

    assert reader.get(files["plan"].url).status_code == 200
    assert reader.get(files["law"].url).status_code == 200


@pytest.mark.django_db
def test_a_document_chosen_in_a_story_documents_block_is_public_once_the_story_is_live(section, files):
    body = [
        (
            "documents",
            {
                "heading": "Văn bản liên quan",
                "documents": [
                    {
                        "title": "Quyết định khen thưởng năm 2020",
                        "number": "2345/QĐ-UBND",
                        "issued_on": datetime.date(2020, 11, 20),
                        "kind": "decision",
                        "document": files["decision"],
                    }
                ],
            },
        )
    ]
    story = ExemplarPageFactory(parent=section, live=False, body=body)
    revision = story.save_revision()
    reader = Client()

    assert reader.get(files["decision"].url).status_code == 404

    revision.publish()
    story.refresh_from_db()

    assert reader.get(files["decision"].url).status_code == 200
    assert f'href="{files["decision"].url}"' in reader.get(story.url).content.decode()
    # Other documents nobody published stay private.
    assert reader.get(files["law"].url).status_code == 404


@pytest.mark.django_db
def test_a_document_linked_from_a_standard_pages_text_is_public_once_the_page_is_live(home, files):
    body = [("paragraph", f'<p>Xem <a linktype="document" id="{files["law"].pk}">Luật Thi đua, khen thưởng</a>.</p>')]
    about = StandardPageFactory(parent=home, title="Hướng dẫn", slug="huong-dan", live=False, body=body)
    revision = about.save_revision()
    reader = Client()

    assert reader.get(files["law"].url).status_code == 404

    revision.publish()

    assert reader.get(files["law"].url).status_code == 200
    assert f'<a href="{files["law"].url}">Luật Thi đua, khen thưởng</a>' in reader.get("/huong-dan/").content.decode()


@pytest.mark.django_db
def test_the_site_search_finds_the_page_by_a_documents_number(home, files):
    library(home, files)

    response = Client().get("/tim-kiem/", {"q": "06/2022/QH15"})

    assert response.status_code == 200
    assert "Văn bản" in response.content.decode()
    assert "Luật Thi đua, khen thưởng" in DocumentLibraryPage.objects.get().search_document().text


@pytest.mark.django_db
def test_the_page_is_in_the_sitemap_and_the_api_with_its_files(home, files):
    page = library(home, files)
    reader = Client()

    assert page.full_url in reader.get("/sitemap-pages.xml").content.decode()
    data = reader.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "home.DocumentLibraryPage"
    plan = next(item for item in data["documents"] if item["number"] == "123/KH-UBND")
    assert plan["issued_on"] == "2019-09-04"
    assert plan["kind"] == "plan"
    assert plan["url"].endswith(files["plan"].url)
    assert plan["file_type"] == "pdf"


@pytest.mark.django_db
def test_the_board_publishes_the_page_through_its_workflow(home, files, django_user_model):
    page = library(home, files)
    # Setting up again grants the Board its rights on page types that declare them (units.roles).
    call_command("setup_newsroom", verbosity=0, stdout=io.StringIO())
    board = django_user_model.objects.create_user("board-member", "board@example.invalid", "pw")
    add_member(board, Role.BOARD)
    contributor = django_user_model.objects.create_user("kesach", "kesach@example.invalid", "pw")
    add_member(contributor, Role.CONTRIBUTOR, Unit.objects.get(slug="huyen-ke-sach"))

    assert page.get_workflow().name == BOARD_WORKFLOW
    assert page.permissions_for_user(board).can_publish()
    assert not page.permissions_for_user(contributor).can_edit()


@pytest.mark.django_db
def test_the_demo_publishes_a_documents_page_with_the_plans_pdf(media_root, newsroom):
    tally = Tally()
    page = ensure_documents(tally)
    again = Tally()
    ensure_documents(again)

    reader = Client()
    response = reader.get(page.url)
    assert response.status_code == 200
    assert "<dd>123/KH-UBND</dd>" in response.content.decode()
    plan = next(entry.value["document"] for entry in page.documents if entry.value["number"] == "123/KH-UBND")
    served = b"".join(reader.get(plan.url).streaming_content)
    assert served.startswith(b"%PDF-1.4") and served.rstrip().endswith(b"%%EOF")
    assert tally[("documents", "created")] == 4
    assert not again.changed


@pytest.mark.django_db
def test_the_board_adds_and_publishes_a_documents_page_with_the_plan_in_the_admin(home, files, django_user_model):
    board_member = django_user_model.objects.create_user("board-editor", "board-editor@example.invalid", "pw")
    add_member(board_member, Role.BOARD)
    board = Client()
    board.force_login(board_member)
    url = reverse("wagtailadmin_pages:add", args=["home", "documentlibrarypage", home.pk])
    response = board.get(url)
    assert response.status_code == 200
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    prefix = "documents-0"
    form.update(
        {
            "title": "Văn bản",
            "slug": "van-ban",
            "documents-count": "1",
            f"{prefix}-type": "document",
            f"{prefix}-deleted": "",
            f"{prefix}-order": "0",
            f"{prefix}-value-title": "Kế hoạch tuyên truyền và nhân rộng gương điển hình tiên tiến",
            f"{prefix}-value-number": "123/KH-UBND",
            f"{prefix}-value-issued_on": "2019-09-04",
            f"{prefix}-value-kind": "plan",
            f"{prefix}-value-document": str(files["plan"].pk),
            "action-publish": "1",
        }
    )

    response = board.post(url, form)

    assert response.status_code == 302
    page = DocumentLibraryPage.objects.get(slug="van-ban")
    assert page.live
    assert Client().get(files["plan"].url).status_code == 200
    assert "<dd>123/KH-UBND</dd>" in Client().get(page.url).content.decode()
