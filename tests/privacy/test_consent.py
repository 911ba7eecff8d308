"""Consent at collection: both public forms explain what happens to the sender's data and refuse a
form sent without the consent box ticked, keeping what was typed."""

import pytest

from submissions.models import DifficultyReport, DifficultyReportFormPage, Nomination, NominationFormPage
from tests.submissions.conftest import nomination as nomination_data
from units.models import Unit

pytestmark = pytest.mark.django_db


def notice(html):
    """The consent notice's sentences, as the page shows them above the box."""
    start = html.index('id="id_consent_help"')
    return html[start : html.index("</ul>", start)]


@pytest.fixture
def nomination_page(newsroom):
    return NominationFormPage.objects.get(locale__language_code="vi")


@pytest.fixture
def report_page(newsroom):
    return DifficultyReportFormPage.objects.get(locale__language_code="vi")


@pytest.mark.parametrize("page_fixture", ["nomination_page", "report_page"])
def test_each_form_explains_the_use_of_personal_data_beside_a_consent_box(client, request, page_fixture, settings):
    settings.SUBMISSIONS_CONTACT_EMAIL = "btdkt.sonv@soctrang.gov.vn"
    page = request.getfixturevalue(page_fixture)

    html = client.get(page.url).content.decode()

    assert 'type="checkbox" name="consent"' in html and 'id="id_consent"' in html
    assert 'aria-describedby="id_consent_help"' in html and 'id="id_consent_help"' in html
    sentences = notice(html)
    assert sentences.count("<li>") == 6  # what, why, who, how long, how to ask, the law
    assert "13/2023/NĐ-CP" in sentences  # the law named
    assert "btdkt.sonv@soctrang.gov.vn" in sentences  # how to ask for deletion
    assert " 24 " in sentences  # how long it is kept: the retention setting


def test_the_retention_period_shown_follows_the_setting(client, nomination_page, settings):
    settings.SUBMISSIONS_RETENTION_MONTHS = {**settings.SUBMISSIONS_RETENTION_MONTHS, "submissions.nomination": 18}

    html = client.get(nomination_page.url).content.decode()

    assert " 18 " in notice(html) and " 24 " not in notice(html)


def test_a_nomination_without_consent_is_refused_and_what_was_typed_is_kept(client, nomination_page):
    data = nomination_data()
    data.pop("consent", None)

    response = client.post(nomination_page.url, data)

    assert response.status_code == 200
    assert not Nomination.objects.exists()
    html = response.content.decode()
    assert 'href="#id_consent"' in html  # listed in the summary of what to fix
    assert 'id="id_consent_error"' in html and 'aria-invalid="true"' in html
    assert 'value="Chị Thạch Thị Sa Rươl"' in html and "lúa - tôm" in html


def report_form_data(**values):
    return {
        "unit": str(Unit.objects.get(slug="so-y-te").pk),
        "reporter_name": "Trần Minh Hiếu",
        "position": "Chuyên viên",
        "email": "hieu.tm@soctrang.gov.vn",
        "phone": "",
        "subject": "Chưa rõ cách tính chỉ tiêu theo quý",
        "description": "Đề nghị Ban hướng dẫn cách tính cho quý II.",
        "website": "",
        **values,
    }


def test_a_report_without_consent_is_refused(client, report_page):
    response = client.post(report_page.url, report_form_data())

    assert response.status_code == 200 and not DifficultyReport.objects.exists()
    html = response.content.decode()
    assert 'id="id_consent_error"' in html and 'value="Trần Minh Hiếu"' in html


def test_the_consent_version_is_stored_with_each_submission(client, nomination_page, report_page):
    client.post(nomination_page.url, nomination_data())
    client.post(report_page.url, report_form_data(consent="on"))

    assert Nomination.objects.get().consent_version == "2026-12"
    assert DifficultyReport.objects.get().consent_version == "2026-12"
