"""The admin draws staff avatars from their initials and asks no outside service (Gravatar)."""

import pytest

from core.avatars import initials


@pytest.mark.django_db
def test_the_admin_shows_initials_and_never_asks_gravatar(admin_client, superuser):
    superuser.first_name, superuser.last_name = "Huỳnh Thanh Tâm", ""
    superuser.save()
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "data:image/svg+xml," in html


@pytest.mark.parametrize(
    ("first_name", "last_name", "username", "expected"),
    [
        ("Huỳnh Thanh Tâm", "", "board", "HT"),
        ("Danh Sóc Khum", "", "translator-km", "DK"),
        ("", "", "bientap", "BI"),
        ("Đức", "", "x", "ĐỨ"),
    ],
)
def test_initials_follow_the_vietnamese_name_order(django_user_model, first_name, last_name, username, expected):
    user = django_user_model(first_name=first_name, last_name=last_name, username=username)
    assert initials(user) == expected
