"""The framework's admin strings read Vietnamese: every message of the installed Wagtail,
wagtailmedia, wagtail-localize, taggit and django-filter has its translation in the project."""

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cms.framework_catalogue import DOMAINS, catalogue_path, framework_messages


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_framework_message_has_its_vietnamese(domain):
    catalogue = polib.pofile(str(catalogue_path(domain)))
    translated = {(entry.msgctxt or None, entry.msgid) for entry in catalogue.translated_entries()}
    missing = [
        msgid
        for key, message in framework_messages(domain).items()
        if key not in translated
        for msgid in [message.msgid]
    ]
    assert missing == [], "run `python -m cms.framework_catalogue` and translate these in locale/framework/vi"


def test_wagtails_sidebar_and_editor_words_are_vietnamese():
    with translation.override("vi"):
        assert [
            gettext(text) for text in ["Images", "Media", "Reports", "Help", "Save draft", "Search all pages…"]
        ] == [
            "Hình ảnh",
            "Âm thanh, video",
            "Báo cáo",
            "Trợ giúp",
            "Lưu bản nháp",
            "Tìm kiếm tất cả các trang…",
        ]


@pytest.mark.django_db
def test_the_admins_javascript_catalogue_is_vietnamese(client, django_user_model):
    user = django_user_model.objects.create_superuser("quan-tri", "quan-tri@example.invalid", "mat-khau-dai-123")
    client.force_login(user)
    with translation.override("vi"):
        response = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert "Menu ch\\u00ednh" in response.content.decode() or "Menu chính" in response.content.decode()


@pytest.mark.django_db
def test_the_admins_sidebar_names_pages_trang_not_pagination(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert '"name": "explorer", "label": "Trang"' in html
    assert "Phân trang" not in html
