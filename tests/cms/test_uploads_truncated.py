"""An image cut short (an interrupted copy or download) is refused like any other bad file: a form
error saying what to do, no row and no file, in the single and in the multiple upload form."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

Image = get_image_model()

# The start of the message, in Vietnamese (the admin's language) or in English.
MESSAGE = ("Tệp ảnh này bị hỏng hoặc không trọn vẹn", "This image file is damaged or incomplete")


def photo_bytes(image_format, size=(320, 240)):
    """A photo-like picture (a gradient, so every part of the file carries pixels) in ``image_format``."""
    picture = PILImage.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, image_format)
    return buffer.getvalue()


def cut_in_half(content):
    return content[: len(content) // 2]


TRUNCATED = {
    "jpeg": ("anh-le-tuyen-duong.jpg", "image/jpeg", cut_in_half(photo_bytes("JPEG"))),
    "png": ("anh-le-tuyen-duong.png", "image/png", cut_in_half(photo_bytes("PNG"))),
    "webp": ("anh-le-tuyen-duong.webp", "image/webp", cut_in_half(photo_bytes("WEBP"))),
    "gif": ("anh-le-tuyen-duong.gif", "image/gif", cut_in_half(photo_bytes("GIF"))),
    "avif": ("anh-le-tuyen-duong.avif", "image/avif", cut_in_half(photo_bytes("AVIF"))),
}


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def root_collection():
    return Collection.get_first_root_node().pk


def upload(kind):
    name, content_type, content = TRUNCATED[kind]
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(TRUNCATED))
def test_a_truncated_image_is_a_form_error_and_nothing_is_kept(admin_client, media_root, kind):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Ảnh", "collection": root_collection(), "file": upload(kind)}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith(MESSAGE)
    assert any(start in response.content.decode() for start in MESSAGE)
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(TRUNCATED))
def test_the_multiple_upload_refuses_a_truncated_image_too(admin_client, media_root, kind):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"collection": root_collection(), "files[]": upload(kind)}
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert response.json()["error_message"].startswith(MESSAGE)
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_the_whole_photo_is_still_accepted(admin_client, media_root):
    whole = SimpleUploadedFile("anh-le-tuyen-duong.jpg", photo_bytes("JPEG"), content_type="image/jpeg")

    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Ảnh", "collection": root_collection(), "file": whole}
    )

    assert response.status_code == 302
    assert Image.objects.get().file.name == "original_images/anh-le-tuyen-duong.jpg"


@pytest.mark.django_db
def test_replacing_an_images_file_with_a_truncated_one_keeps_the_old_file(admin_client, media_root):
    whole = SimpleUploadedFile("anh-le-tuyen-duong.jpg", photo_bytes("JPEG"), content_type="image/jpeg")
    admin_client.post(reverse("wagtailimages:add"), {"title": "Ảnh", "collection": root_collection(), "file": whole})
    image = Image.objects.get()

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Ảnh", "collection": root_collection(), "file": upload("jpeg")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith(MESSAGE)
    image.refresh_from_db()
    assert image.file.name == "original_images/anh-le-tuyen-duong.jpg"
    # The old file is kept and the truncated one was not stored (the edit page shows renditions).
    originals = [name for name in stored_files(media_root) if name.startswith("original_images/")]
    assert originals == ["original_images/anh-le-tuyen-duong.jpg"]
