"""Media in an S3-compatible bucket (cms/object_storage.py), against moto's fake S3: what readers may
fetch from the bucket, what stays private there, and renditions made once for every instance."""

import re

import boto3
import pytest
from django.core.files.base import ContentFile
from django.test import Client
from moto import mock_aws
from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition

from cms.object_storage import S3RenditionStorage
from tests.factories import ExemplarPageFactory
from tests.helpers import png, published

BUCKET = "newsroom-media"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def s3(settings, monkeypatch):
    """The default storage and the renditions' storage in a fresh bucket, as production has them
    with AWS_STORAGE_BUCKET_NAME set."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.AWS_STORAGE_BUCKET_NAME = BUCKET
        settings.AWS_S3_REGION_NAME = "us-east-1"
        settings.AWS_S3_CUSTOM_DOMAIN = "media.guongdienhinh.example"
        settings.AWS_S3_OBJECT_ACLS = True
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "cms.object_storage.MediaStorage"}}
        # The rendition field takes its storage once, when models load (WAGTAILIMAGES_RENDITION_STORAGE).
        field = Rendition._meta.get_field("file")
        monkeypatch.setattr(field, "storage", S3RenditionStorage())
        yield client


def linking(document):
    """A story body paragraph that links to ``document``, as the editor stores it."""
    return [("paragraph", f'<p>Toàn văn: <a linktype="document" id="{document.pk}">quyết định</a>.</p>')]


def keys(client, prefix):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


def readable_by_anyone(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS and grant["Permission"] == "READ" for grant in grants)


@pytest.mark.django_db
def test_an_uploaded_photo_stays_private_and_its_rendition_is_public_under_an_unguessable_name(s3):
    image = Image.objects.create(title="Nông dân Trần Văn Hai bên ruộng lúa", file=png("ruong-lua.png"))

    [original] = keys(s3, "original_images/")
    assert original == "original_images/ruong-lua.png"
    assert not readable_by_anyone(s3, original)

    rendition = image.get_rendition("fill-400x300")

    [stored] = keys(s3, "images/")
    assert re.fullmatch(r"images/ruong-lua\.2e16d0ba\.fill-400x300\.[0-9a-f]{16}\.png", stored)
    assert readable_by_anyone(s3, stored)
    head = s3.head_object(Bucket=BUCKET, Key=stored)
    assert head["CacheControl"] == "public, max-age=31536000, immutable"
    # Pages show the bucket's (or CDN's) address, plain and cacheable: no signature to expire.
    assert rendition.url == f"https://media.guongdienhinh.example/{stored}"


@pytest.mark.django_db
def test_a_rendition_is_made_once_whichever_instance_asks(s3, django_assert_num_queries):
    image = Image.objects.create(title="Lễ tuyên dương điển hình tiên tiến", file=png("tuyen-duong.png"))
    first = image.get_rendition("width-800")

    # Another instance: its own copy of the image, the rendition cache shared (Redis in production).
    elsewhere = Image.objects.get(pk=image.pk)
    with django_assert_num_queries(0):
        again = elsewhere.get_rendition("width-800")
    # Without the cache (evicted), the database row is found: still nothing generated or written.
    Rendition.cache_backend.clear()
    third = Image.objects.get(pk=image.pk).get_rendition("width-800")

    assert first.file.name == again.file.name == third.file.name
    assert keys(s3, "images/") == [first.file.name]
    assert Rendition.objects.filter(image=image).count() == 1


@pytest.mark.django_db
def test_documents_stay_private_in_the_bucket_and_readers_get_them_through_the_site(s3, section):
    document = Document.objects.create(
        title="Quyết định khen thưởng số 15/QĐ-UBND",
        file=ContentFile(b"%PDF-1.4 quyet dinh", name="quyet-dinh-15.pdf"),
        collection=section.unit.collection,
    )
    [key] = keys(s3, "documents/")
    assert not readable_by_anyone(s3, key)
    assert Client().get(document.url).status_code == 404  # no live page uses it yet

    published(ExemplarPageFactory(parent=section, body=linking(document)))
    response = Client().get(document.url)

    # Served by Django from the bucket, never a redirect to the bucket's address.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 quyet dinh"
