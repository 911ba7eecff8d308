"""Files of unpublished work stay private: a unit's document until a live page uses it, an image's
original upload always, and renditions under names nobody can guess (units/private_documents.py,
cms/media.py, cms/storage.py)."""

import re

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, PageViewRestriction

from cms import media
from tests.factories import ExemplarPageFactory
from tests.helpers import png, published
from units.models import Role, Unit
from units.roles import add_member


@pytest.fixture
def ke_sach_document(section):
    return Document.objects.create(
        title="Báo cáo sơ kết 6 tháng của huyện Kế Sách (dự thảo)",
        file=ContentFile(b"%PDF-1.4 du thao", name="bao-cao-so-ket.pdf"),
        collection=section.unit.collection,
    )


def linking(document, text="Xem báo cáo sơ kết"):
    """A story body paragraph that links to ``document``, as the editor stores it."""
    return [("paragraph", f'<p>Kết quả cụ thể: <a linktype="document" id="{document.pk}">{text}</a>.</p>')]


def reader_gets(document):
    return Client().get(document.url).status_code


def staff_member(django_user_model, username, role, unit_slug=None):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
    add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
    client = Client()
    client.force_login(user)
    return client


# Documents


@pytest.mark.django_db
def test_a_document_no_page_uses_is_not_found_for_readers(media_root, ke_sach_document):
    response = Client().get(ke_sach_document.url)

    assert response.status_code == 404
    assert b"%PDF" not in response.content
    # The same answer as for a document that does not exist.
    assert Client().get(f"/documents/{ke_sach_document.pk + 1000}/khong-co.pdf").status_code == 404


@pytest.mark.django_db
def test_a_document_a_live_story_links_to_is_served(media_root, section, ke_sach_document):
    published(ExemplarPageFactory(parent=section, body=linking(ke_sach_document)))

    response = Client().get(ke_sach_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 du thao"


@pytest.mark.django_db
def test_a_link_in_a_draft_does_not_publish_the_document_until_the_draft_is_published(
    media_root, section, ke_sach_document
):
    never_published = ExemplarPageFactory(parent=section, live=False, body=linking(ke_sach_document))
    never_published.save_revision()
    story = published(ExemplarPageFactory(parent=section))
    story.body = linking(ke_sach_document)
    revision = story.save_revision()  # "Save draft" on a live story

    assert reader_gets(ke_sach_document) == 404

    revision.publish()

    assert reader_gets(ke_sach_document) == 200


@pytest.mark.django_db
def test_unpublishing_or_restricting_the_only_page_hides_the_document_again(media_root, section, ke_sach_document):
    story = published(ExemplarPageFactory(parent=section, body=linking(ke_sach_document)))
    assert reader_gets(ke_sach_document) == 200

    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert reader_gets(ke_sach_document) == 404

    PageViewRestriction.objects.all().delete()
    story.unpublish()
    assert reader_gets(ke_sach_document) == 404


@pytest.mark.django_db
def test_staff_who_may_use_the_document_still_get_it(media_root, django_user_model, ke_sach_document):
    own_unit = staff_member(django_user_model, "kesach-contributor", Role.CONTRIBUTOR, "huyen-ke-sach")
    other_unit = staff_member(django_user_model, "yte-contributor", Role.CONTRIBUTOR, "so-y-te")
    board = staff_member(django_user_model, "board-reviewer", Role.BOARD)

    assert own_unit.get(ke_sach_document.url).status_code == 200
    assert board.get(ke_sach_document.url).status_code == 200
    assert other_unit.get(ke_sach_document.url).status_code == 404


@pytest.mark.django_db
def test_the_boards_documents_in_the_root_collection_follow_the_same_rule(media_root, section):
    document = Document.objects.create(
        title="Kế hoạch 123/KH-UBND",
        file=ContentFile(b"%PDF-1.4 ke hoach", name="ke-hoach-123.pdf"),
        collection=Collection.get_first_root_node(),
    )
    assert reader_gets(document) == 404

    published(ExemplarPageFactory(parent=section, body=linking(document, "Kế hoạch 123/KH-UBND")))

    assert reader_gets(document) == 200


# Images


def fetch(settings, path):
    """``path`` under MEDIA_URL as Django serves it with SERVE_MEDIA on; 404 as Http404."""
    url = settings.MEDIA_URL + path
    [pattern] = media.urlpatterns()
    match = pattern.resolve(url.lstrip("/"))
    try:
        return match.func(RequestFactory().get(url), **match.kwargs).status_code
    except Http404:
        return 404


@pytest.mark.django_db
def test_the_original_of_an_uploaded_image_is_never_served(media_root, settings):
    image = Image.objects.create(title="Ảnh chưa đăng", file=png("anh-chua-dang.png"))
    assert (media_root / image.file.name).is_file()

    assert fetch(settings, image.file.name) == 404
    assert fetch(settings, "images/../" + image.file.name) == 404


@pytest.mark.django_db
def test_renditions_the_admin_makes_for_a_draft_image_are_not_where_a_stranger_would_look(media_root, settings):
    image = Image.objects.create(title="Ảnh chưa đăng", file=png("anh-1.png"))
    # The admin's listing thumbnail and the edit page's full-size view.
    thumbnail = image.get_rendition("max-165x165")
    full_size = image.get_rendition("original")

    assert re.fullmatch(r"images/anh-1\.max-165x165\.[0-9a-f]{16}\.png", thumbnail.file.name)
    assert fetch(settings, "images/anh-1.max-165x165.png") == 404
    assert fetch(settings, "images/anh-1.original.png") == 404
    # Whoever was shown the rendition (a page, the admin) still gets it.
    assert fetch(settings, thumbnail.file.name) == 200
    assert fetch(settings, full_size.file.name) == 200


@pytest.mark.django_db
def test_pages_feeds_and_the_api_show_renditions_never_originals(media_root, settings, section, exemplar_index):
    main = Image.objects.create(title="Chị Lâm Thị Sóc Hà bên ao tôm", file=png("soc-ha.png"))
    inline = Image.objects.create(title="Ao tôm", file=png("ao-tom.png", colour="blue"))
    story = published(
        ExemplarPageFactory(
            parent=section,
            main_image=main,
            body=[("image", {"image": inline, "caption": "Ao tôm của gia đình chị", "credit": "Báo Sóc Trăng"})],
        )
    )
    reader = Client()

    shown = set()
    for url in [story.url, exemplar_index.url, "/", "/rss/", "/atom/", f"/api/v2/pages/{story.pk}/"]:
        response = reader.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "original_images" not in text, url
        shown |= set(re.findall(r"/media/(images/[^\"'\s<>?&]+)", text))

    assert {name.split(".")[0] for name in shown} >= {"images/soc-ha", "images/ao-tom"}
    for name in shown:
        assert fetch(settings, name) == 200, name
