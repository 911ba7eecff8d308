"""Image renditions are made when a page is published, before its first reader, in the sizes the
templates ask for; media files are served with long-lived cache headers where that is safe."""

import io
import re

import pytest
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.images.models import Image, Rendition

from campaigns.models import CampaignIndexPage
from cms import media
from core.api_fields import BODY_IMAGE_SPEC
from core.feeds import ENCLOSURE_RENDITION
from core.seo import SHARE_IMAGE_SPEC
from home.images import ALL_SPECS, RENDITIONS
from tests.factories import CampaignPageFactory, ExemplarPageFactory, HonouringEventPageFactory
from tests.helpers import png, published

IMAGE_TAG = re.compile(r"{%\s*(image|picture|srcset_image)\s+(.*?)\s*%}")


def template_specs():
    """``{(template, spec)}`` for every image tag in our templates."""
    found = set()
    folders = [settings.BASE_DIR / "templates"] + [
        path for path in settings.BASE_DIR.glob("*/templates") if path.parts[-2] not in {".venv", "node_modules"}
    ]
    for folder in folders:
        for template in folder.rglob("*.html"):
            for tag, arguments in IMAGE_TAG.findall(template.read_text(encoding="utf-8")):
                assert tag == "image", f"{template}: teach home/images.py and this test about {{% {tag} %}}"
                words = arguments.split()[1:]
                if "as" in words:
                    words = words[: words.index("as")]
                filters = [word for word in words if "=" not in word]
                found.add((str(template.relative_to(settings.BASE_DIR)), "|".join(filters)))
    return found


def test_every_size_the_templates_show_is_made_ahead_of_readers():
    specs = template_specs()
    assert len(specs) >= 10  # the story, article and event pages, the cards, body images
    missing = {(template, spec) for template, spec in specs if spec not in ALL_SPECS}
    assert not missing, f"add these to home/images.py RENDITIONS: {missing}"


def test_the_sizes_of_feeds_share_cards_and_the_api_are_made_ahead_of_readers():
    api_specs = set()
    for source in ("exemplars/models/pages.py", "columns/models.py"):
        text = (settings.BASE_DIR / source).read_text(encoding="utf-8")
        api_specs |= set(re.findall(r'RenditionField\("([^"]+)"\)', text))
    assert api_specs
    assert {SHARE_IMAGE_SPEC, ENCLOSURE_RENDITION, BODY_IMAGE_SPEC, *api_specs} <= ALL_SPECS


def renditions_of(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


@pytest.mark.django_db
def test_publishing_a_story_makes_its_renditions_before_anyone_reads_it(
    media_root, section, exemplar_index, django_capture_on_commit_callbacks
):
    main = Image.objects.create(title="Ông Thạch Sa Rươne bên ruộng tôm", file=png("ruong-tom.png"))
    inline = Image.objects.create(title="Vụ tôm đầu tiên", file=png("vu-tom.png", colour="blue"))
    story = ExemplarPageFactory(
        parent=section,
        title="Ông Thạch Sa Rươne nuôi tôm càng xanh trong ruộng lúa",
        main_image=main,
        body=[
            ("paragraph", "<p>Năm 2018, ông chuyển hai công ruộng sang mô hình lúa - tôm.</p>"),
            ("image", {"image": inline, "caption": "Vụ tôm đầu tiên", "credit": "Báo Sóc Trăng"}),
        ],
    )
    assert not Rendition.objects.filter(image__in=[main, inline]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        published(story)

    assert renditions_of(main) == {*RENDITIONS["card"], *RENDITIONS["hero"], *RENDITIONS["share"]}
    assert renditions_of(inline) == set(RENDITIONS["body"])
    for rendition in Rendition.objects.filter(image__in=[main, inline]):
        assert default_storage.exists(rendition.file.name), rendition.file.name

    before = Rendition.objects.count()
    reader = Client()
    for url in [story.url, exemplar_index.url, "/", "/rss/", f"/api/v2/pages/{story.pk}/"]:
        assert reader.get(url).status_code == 200, url
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_publishing_an_event_makes_its_gallery_and_share_picture(media_root, django_capture_on_commit_callbacks):
    campaign = published(
        CampaignPageFactory(parent=CampaignIndexPage.objects.get(locale__language_code="vi"), slug="dan-van-kheo")
    )
    first = Image.objects.create(title="Hội nghị biểu dương", file=png("hoi-nghi.png"))
    second = Image.objects.create(title="Trao bằng khen", file=png("trao-bang-khen.png", colour="red"))
    event = HonouringEventPageFactory(parent=campaign, photos=[("photo", first), ("photo", second)])

    with django_capture_on_commit_callbacks(execute=True):
        published(event)

    assert renditions_of(first) == {*RENDITIONS["gallery"], *RENDITIONS["share"]}
    assert renditions_of(second) == set(RENDITIONS["gallery"])
    before = Rendition.objects.count()
    assert Client().get(event.url).status_code == 200
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_generate_renditions_fills_in_pages_published_before(media_root, section):
    image = Image.objects.create(title="Chị Lâm Thị Sóc Hà", file=png("soc-ha.png"))
    published(ExemplarPageFactory(parent=section, main_image=image))  # no commit in a test: nothing made yet
    assert not renditions_of(image)

    call_command("generate_renditions", stdout=io.StringIO())

    assert renditions_of(image) == {*RENDITIONS["card"], *RENDITIONS["hero"], *RENDITIONS["share"]}


@pytest.mark.django_db
def test_media_files_are_served_with_long_lived_headers_only_where_names_never_change(media_root, settings):
    settings.MEDIA_MAX_AGE = 3600
    image = Image.objects.create(title="Cầu Mỹ Thanh", file=png("cau-my-thanh.png"))
    rendition = image.get_rendition("fill-480x320")
    factory = RequestFactory()

    def fetch(path):
        url = settings.MEDIA_URL + path
        [pattern] = media.urlpatterns()
        match = pattern.resolve(url.lstrip("/"))
        return match.func(factory.get(url), **match.kwargs)

    served = fetch(rendition.file.name)
    assert served.status_code == 200
    assert set(served["Cache-Control"].split(", ")) == {"public", "max-age=31536000", "immutable"}
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")

    # Originals never (tests/cms/test_private_files.py); other files, such as audio, for MEDIA_MAX_AGE.
    with pytest.raises(Http404):
        fetch(image.file.name)
    (media_root / "media").mkdir()
    (media_root / "media" / "phong-su.mp3").write_bytes(b"ID3")
    audio = fetch("media/phong-su.mp3")
    assert audio.status_code == 200
    assert set(audio["Cache-Control"].split(", ")) == {"public", "max-age=3600"}

    (media_root / "documents").mkdir()
    (media_root / "documents" / "quyet-dinh.pdf").write_bytes(b"%PDF-1.4 private")
    # Documents go through Wagtail's document view, which checks their collection's privacy.
    with pytest.raises(Http404):
        fetch("documents/quyet-dinh.pdf")
    with pytest.raises((Http404, SuspiciousFileOperation)):
        fetch("../cms/settings/base.py")
