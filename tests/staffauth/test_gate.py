"""Staff who owe the second factor reach no admin page, of any kind, before proving it."""

import pytest

from tests.staffauth.conftest import ENROL, VERIFY, enrolled
from units.models import Role

# Pages, the page explorer's JSON API, choosers, a snippet listing, the account, a report, search.
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/api/main/pages/?child_of=root",
    "/admin/choose-page/",
    "/admin/images/chooser/",
    "/admin/documents/chooser/",
    "/admin/snippets/units/unit/",
    "/admin/account/",
    "/admin/reports/site-history/",
    "/admin/pages/search/?q=a",
]

REQUIRED = [
    ("board", {"role": Role.BOARD}),
    ("approver", {"role": Role.APPROVER, "unit_slug": "huyen-ke-sach"}),
    ("outlet-editor", {"role": Role.OUTLET_EDITOR, "unit_slug": "bao-soc-trang"}),
    ("superuser", {"superuser": True}),
]


@pytest.mark.parametrize(("username", "kind"), REQUIRED)
def test_required_roles_are_sent_to_enrolment_from_every_admin_url(client, person, username, kind):
    user = person(username, **kind)
    client.force_login(user)

    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(ENROL), url

    forged = client.post(
        "/admin/account/", {"name_email-first_name": "Giả mạo", "name_email-email": "x@example.invalid"}
    )
    assert forged.status_code == 302 and forged.url.startswith(ENROL)
    user.refresh_from_db()
    assert user.first_name != "Giả mạo"


def test_an_enrolled_user_must_verify_before_any_admin_url(client, board_member):
    enrolled(board_member)
    client.force_login(board_member)

    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(VERIFY), url
    # Setting up a new phone is no way around the old one.
    assert client.get(ENROL).url.startswith(VERIFY)


def test_the_step_keeps_the_page_first_asked_for(client, board_member):
    client.force_login(board_member)

    response = client.get("/admin/pages/?ordering=title")

    assert response.url == f"{ENROL}?next=%2Fadmin%2Fpages%2F%3Fordering%3Dtitle"


@pytest.mark.parametrize(
    ("username", "kind"),
    [
        ("contributor", {"role": Role.CONTRIBUTOR, "unit_slug": "huyen-ke-sach"}),
        ("reporter", {"role": Role.OUTLET_REPORTER, "unit_slug": "bao-soc-trang"}),
        ("translator", {"role": Role.TRANSLATOR_EN}),
    ],
)
def test_other_roles_may_skip_enrolment(client, person, username, kind):
    client.force_login(person(username, **kind))

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200


def test_a_contributor_who_enrolled_verifies_like_everyone(client, person):
    contributor = person("my.linh", Role.CONTRIBUTOR, "huyen-ke-sach")
    enrolled(contributor)
    client.force_login(contributor)

    assert client.get("/admin/").url.startswith(VERIFY)


def test_before_the_second_step_the_public_site_treats_staff_as_readers(client, board_member, exemplar_index):
    client.force_login(board_member)

    response = client.get(exemplar_index.url)

    assert response.status_code == 200
    assert "wagtail-userbar" not in response.content.decode()


def test_the_steps_pages_get_the_admins_icons_and_translations(client, board_member):
    client.force_login(board_member)

    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200


def test_signing_out_stays_open(client, board_member):
    client.force_login(board_member)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
