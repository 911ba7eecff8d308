"""A person's request: the Board finds what is held about an email or phone number, exports it,
corrects or erases it, each act in the audit log; nobody else reaches the page or its actions."""

import io
import json

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from privacy.actions import NEUTRAL_STAFF_NAME
from privacy.people import normalise_phone
from submissions.models import DifficultyReport, Nomination
from tests.factories import ExemplarPageFactory

from .conftest import nomination, report

pytestmark = pytest.mark.django_db

URL = reverse("privacy:requests")
TAM = {"email": "tam.nguyen@example.vn", "phone": "0299 3 821 234"}


@pytest.fixture
def tam(newsroom, django_user_model):
    """Nguyễn Văn Tâm's records, as he typed them over the years, and his staff account."""
    return {
        "by_email": nomination(nominator_email="Tam.Nguyen@Example.VN", nominator_phone=""),
        "by_phone": report(reporter_name="Nguyễn Văn Tâm", email="", phone="+84 299 3821.234"),
        "both": nomination(nominee_name="Hợp tác xã Hòa Tú"),
        "account": django_user_model.objects.create_user(
            "tam-nguyen", "tam.nguyen@example.vn", "pw", first_name="Nguyễn Văn Tâm"
        ),
    }


@pytest.fixture
def other(newsroom):
    """Someone else, whose number differs from Tâm's by one digit."""
    return nomination(
        nominator_name="Lý Thị Hoa", nominator_email="hoa.ly@example.vn", nominator_phone="0299 3 821 235"
    )


def test_phone_numbers_match_whatever_the_prefix_and_separators():
    assert normalise_phone("+84 299 3821 234") == normalise_phone("0299 3 821 234") == "02993821234"
    assert normalise_phone("0084-912.345.678") == normalise_phone("(091) 234 5678") == "0912345678"


def test_the_board_sees_every_record_of_the_person_and_no_one_else(client, board_member, tam, other):
    client.force_login(board_member)

    html = client.get(URL, TAM).content.decode()

    for key in ("by_email", "both"):
        assert reverse("wagtailsnippets_submissions_nomination:edit", args=[tam[key].pk]) in html
    assert reverse("wagtailsnippets_submissions_difficultyreport:edit", args=[tam["by_phone"].pk]) in html
    assert reverse("wagtailusers_users:edit", args=[tam["account"].pk]) in html
    assert reverse("wagtailsnippets_submissions_nomination:edit", args=[other.pk]) not in html
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()  # in the Board's menu


def test_the_json_export_holds_every_record_of_the_person_and_nothing_of_another(client, board_member, tam, other):
    client.force_login(board_member)

    response = client.post(URL, {**TAM, "action": "export-json"})

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    ids = {(title, row["id"]) for title, rows in document["records"].items() for row in rows}
    assert len(ids) == 4
    text = response.content.decode()
    assert "Lý Thị Hoa" not in text and "hoa.ly@example.vn" not in text and "821 235" not in text
    rows = [row for rows in document["records"].values() for row in rows]
    assert {row.get("nominator_email") for row in rows if "nominator_email" in row} == {
        "Tam.Nguyen@Example.VN",
        "tam.nguyen@example.vn",
    }
    assert any(row.get("phone") == "+84 299 3821.234" for row in rows)
    assert any(row.get("username") == "tam-nguyen" for row in rows)
    assert all("password" not in row for row in rows)
    logged = ModelLogEntry.objects.filter(action="privacy.exported", user=board_member)
    assert logged.count() == 4


def test_the_xlsx_export_survives_formulas_and_control_characters(client, board_member, newsroom):
    record = nomination(nominator_name='=HYPERLINK("http://x.invalid","Bấm")', achievements="Có\x01 ký tự lạ")
    client.force_login(board_member)

    response = client.post(URL, {"email": "tam.nguyen@example.vn", "action": "export-xlsx"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row}
    formula = cells['=HYPERLINK("http://x.invalid","Bấm")']
    assert formula.data_type == "s"  # text, never run
    assert "Có ký tự lạ" in cells and record.pk in cells


def test_erasing_empties_every_record_and_logs_it(client, board_member, tam, other):
    client.force_login(board_member)

    response = client.post(URL, {**TAM, "action": "erase", "confirm": "yes"})

    assert response.status_code == 302
    for key in ("by_email", "both"):
        erased = Nomination.objects.get(pk=tam[key].pk)
        assert erased.anonymised_at and erased.nominator_email == "" and erased.nominator_name == ""
    assert DifficultyReport.objects.get(pk=tam["by_phone"].pk).phone == ""
    account = type(tam["account"]).objects.get(pk=tam["account"].pk)
    assert not account.is_active and account.email == "" and not account.has_usable_password()
    assert "Tâm" not in account.get_full_name() and "tam" not in account.username
    assert Nomination.objects.get(pk=other.pk).nominator_name == "Lý Thị Hoa"
    assert ModelLogEntry.objects.filter(action="privacy.erased", user=board_member).count() == 4
    # Earlier log entries no longer carry the name either.
    assert not ModelLogEntry.objects.filter(label__contains="Tâm").exists()
    # Nothing is left to find.
    again = client.get(URL, TAM).content.decode()
    assert reverse("wagtailsnippets_submissions_nomination:edit", args=[tam["both"].pk]) not in again


def test_erasing_needs_the_confirmation_box(client, board_member, tam):
    client.force_login(board_member)

    client.post(URL, {**TAM, "action": "erase"})

    assert Nomination.objects.get(pk=tam["both"].pk).nominator_email == "tam.nguyen@example.vn"
    assert not ModelLogEntry.objects.filter(action="privacy.erased").exists()


def test_correcting_replaces_the_contact_details_and_logs_the_fields(client, board_member, tam, other):
    client.force_login(board_member)

    response = client.post(URL, {**TAM, "action": "correct", "new_email": "tam.nv@soctrang.gov.vn"})

    assert response.status_code == 302 and "tam.nv%40soctrang.gov.vn" in response["Location"]
    assert Nomination.objects.get(pk=tam["both"].pk).nominator_email == "tam.nv@soctrang.gov.vn"
    assert type(tam["account"]).objects.get(pk=tam["account"].pk).email == "tam.nv@soctrang.gov.vn"
    assert DifficultyReport.objects.get(pk=tam["by_phone"].pk).email == "tam.nv@soctrang.gov.vn"
    assert Nomination.objects.get(pk=other.pk).nominator_email == "hoa.ly@example.vn"
    entries = ModelLogEntry.objects.filter(action="privacy.corrected", user=board_member)
    assert entries.count() == 4
    assert all("tam.nv" not in json.dumps(entry.data) for entry in entries)  # the log holds no personal data
    # The history names the fields as the admin does, in its language.
    entry = entries.get(object_id=str(tam["both"].pk), content_type__model="nomination")
    with translation.override("vi"):
        label = str(Nomination._meta.get_field("nominator_email").verbose_name)
        assert entry.message.endswith(": " + label)
    history = client.get(reverse("wagtailsnippets_submissions_nomination:history", args=[tam["both"].pk]))
    # Each record's own history shows it, in the admin's language.
    with translation.override("vi"):
        shown = translation.gettext("Personal data corrected on the person's request: %(fields)s").split("%")[0]
    assert shown in history.content.decode()


def test_a_bad_correction_is_shown_back_and_changes_nothing(client, board_member, tam):
    client.force_login(board_member)

    response = client.post(URL, {**TAM, "action": "correct", "new_phone": "gọi tôi"})

    assert response.status_code == 400
    assert Nomination.objects.get(pk=tam["both"].pk).nominator_phone == "0299 3 821 234"


def test_malformed_lookups_answer_400(client, board_member, newsroom):
    client.force_login(board_member)

    assert client.get(URL, {"email": "không phải email"}).status_code == 400
    assert client.get(URL, {"email": "", "phone": ""}).status_code == 400
    assert client.post(URL, {**TAM, "action": "nonsense"}).status_code == 400


def test_the_board_cannot_erase_its_own_account(client, board_member, newsroom):
    client.force_login(board_member)

    client.post(URL, {"email": board_member.email, "action": "erase", "confirm": "yes"})

    board_member.refresh_from_db()
    assert board_member.is_active and board_member.email == "bich.btdkt@soctrang.gov.vn"


@pytest.mark.parametrize("role", ["contributor", "translator"])
def test_other_staff_can_neither_reach_the_page_nor_forge_its_actions(client, request, role, tam):
    client.force_login(request.getfixturevalue(role))

    # Refused as the rest of the admin refuses (Wagtail turns a 403 into a redirect to its dashboard).
    assert client.get(URL, TAM).status_code in (302, 403)
    export = client.post(URL, {**TAM, "action": "export-json"})
    assert export.status_code in (302, 403) and b"tam.nguyen" not in export.content
    assert client.post(URL, {**TAM, "action": "erase", "confirm": "yes"}).status_code in (302, 403)
    assert client.post(URL, {**TAM, "action": "correct", "new_email": "x@example.vn"}).status_code in (302, 403)
    assert Nomination.objects.get(pk=tam["both"].pk).nominator_email == "tam.nguyen@example.vn"
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not ModelLogEntry.objects.filter(action__startswith="privacy.").exists()


def test_visitors_are_sent_to_sign_in(client, tam):
    response = client.post(URL, {**TAM, "action": "erase", "confirm": "yes"})

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Nomination.objects.get(pk=tam["both"].pk).nominator_email == "tam.nguyen@example.vn"


def test_erasing_a_staff_author_keeps_their_stories_under_a_neutral_name(client, board_member, tam, section):
    author = tam["account"]
    story = ExemplarPageFactory(parent=section, title="Anh Danh Sơn nuôi tôm giỏi", owner=author)
    story.save_revision(user=author, log_action=True)
    client.force_login(board_member)

    client.post(URL, {**TAM, "action": "erase", "confirm": "yes"})

    story.refresh_from_db()
    assert story.owner_id == author.pk and story.revisions.filter(user=author).exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk])).content.decode()
    with translation.override("vi"):
        neutral = str(NEUTRAL_STAFF_NAME)
    assert neutral in history and "Nguyễn Văn Tâm" not in history
