"""Fields, award types and units read in Khmer and English: one row each with names per language
(core/names.py), shown in the reader's language with the Vietnamese name where none is given, at a
fixed number of queries; and the setup seeds names without undoing the translators' work."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from exemplars.models import AwardType, ExemplarAward, ExemplarIndexPage, Field
from exemplars.setup import load_fields
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from units.loading import load_units
from units.models import EmulationBloc, Unit

MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
KHMER_MERIT = "លិខិតសរសើររបស់ប្រធានគណៈកម្មាធិការប្រជាជនខេត្ត"
KHMER_HEALTH_ETHICS = "សីលធម៌វេជ្ជសាស្ត្រ"
KHMER_KE_SACH = "ស្រុកកឺសាច"


@pytest.fixture
def khmer(newsroom):
    return Locale.objects.get(language_code="km")


@pytest.fixture
def names(newsroom):
    """Ethics and the merit award named in Khmer; "Văn hóa, xã hội" left without a Khmer name."""
    Field.objects.filter(slug="y-duc").update(name_km=KHMER_HEALTH_ETHICS)
    Field.objects.filter(slug="van-hoa-xa-hoi").update(name_km="")
    AwardType.objects.filter(name=MERIT).update(name_km=KHMER_MERIT)


@pytest.fixture
def khmer_story(section, khmer, names):
    """A story with two fields and an award, in Vietnamese and in Khmer."""
    story = ExemplarPageFactory(parent=section, title="Bác sĩ Lâm Thị Sa Rươne", subject_name="Lâm Thị Sa Rươne")
    story.fields.set(Field.objects.filter(slug__in=["y-duc", "van-hoa-xa-hoi"]))
    ExemplarAward.objects.create(page=story, award_type=AwardType.objects.get(name=MERIT), year=2021)
    story = published(story)
    copy = story.copy_for_translation(khmer, copy_parents=True)
    copy.title = "វេជ្ជបណ្ឌិត ឡាំ ធី សារឿន"
    return published(copy)


@pytest.mark.django_db
def test_the_setup_names_fields_award_types_blocs_and_district_units_for_other_readers(newsroom):
    assert Field.objects.filter(name_en="").count() == 0
    assert Field.objects.filter(name_km="").count() == 0
    assert AwardType.objects.filter(name_en="").count() == 0
    assert EmulationBloc.objects.filter(name_en="").count() == 0
    assert Unit.objects.filter(name_en="").count() == 0
    districts = Unit.objects.filter(kind="district")
    assert districts.count() == 11 and not districts.filter(name_km="").exists()
    assert Unit.objects.get(slug="huyen-ke-sach").name_km == KHMER_KE_SACH


@pytest.mark.django_db
def test_running_the_setup_again_keeps_names_changed_in_the_admin(newsroom):
    Field.objects.filter(slug="y-duc").update(name_en="Ethics in medicine", name_km="")
    Unit.objects.filter(slug="huyen-ke-sach").update(name_en="Ke Sach district (edited)")

    load_fields(None)
    load_units()

    ethics = Field.objects.get(slug="y-duc")
    assert ethics.name_en == "Ethics in medicine"  # the admin's, not the file's
    assert ethics.name_km == KHMER_HEALTH_ETHICS  # empty: seeded again from the file
    assert Unit.objects.get(slug="huyen-ke-sach").name_en == "Ke Sach district (edited)"


@pytest.mark.django_db
def test_khmer_story_page_names_award_and_fields_in_khmer_with_the_vietnamese_fallback(client, khmer, khmer_story):
    html = client.get(khmer_story.url).content.decode()

    assert KHMER_MERIT in html and MERIT not in html
    assert KHMER_HEALTH_ETHICS in html and "Y đức" not in html
    assert "Văn hóa, xã hội" in html  # no Khmer name: the Vietnamese one stands in
    # The chip leads to the Khmer listing filtered by the field's one slug, which lists the story.
    index_url = ExemplarIndexPage.objects.get(locale=khmer).url
    assert f'href="{index_url}?field=y-duc"' in html
    listing = client.get(index_url, {"field": "y-duc"})
    assert listing.status_code == 200
    assert khmer_story.title in listing.content.decode()


@pytest.mark.django_db
def test_vietnamese_story_page_keeps_the_vietnamese_names(client, khmer_story):
    vietnamese = khmer_story.get_translation(Locale.objects.get(language_code="vi"))
    html = client.get(vietnamese.url).content.decode()
    assert MERIT in html and "Y đức" in html
    assert KHMER_MERIT not in html and KHMER_HEALTH_ETHICS not in html


@pytest.mark.django_db
def test_khmer_listing_offers_fields_and_units_by_their_khmer_names(client, khmer, khmer_story):
    html = client.get(ExemplarIndexPage.objects.get(locale=khmer).url).content.decode()

    assert f'<option value="y-duc">{KHMER_HEALTH_ETHICS}</option>' in html
    assert '<option value="van-hoa-xa-hoi">Văn hóa, xã hội</option>' in html
    assert f'<option value="huyen-ke-sach">{KHMER_KE_SACH}</option>' in html
    assert f"<li>{KHMER_HEALTH_ETHICS}</li>" in html  # the story's card


@pytest.mark.django_db
def test_khmer_listing_costs_the_same_for_one_and_many_stories_with_fields(client, khmer, section, khmer_story):
    index_url = ExemplarIndexPage.objects.get(locale=khmer).url
    client.get(index_url)

    def count():
        client.get(index_url)  # fills what pages keep between requests (core/fragments.py)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index_url).status_code == 200
        return len(queries)

    one = count()
    for i in range(5):
        story = ExemplarPageFactory(parent=section, title=f"Chuyện {i}", subject_name=f"Người {i}")
        story.fields.set(Field.objects.all()[: i + 2])
        story = published(story)
        copy = story.copy_for_translation(khmer)
        copy.slug = f"khmer-{i}"
        published(copy)
    assert count() == one


@pytest.mark.django_db
def test_khmer_home_page_browses_by_the_khmer_field_names(client, khmer_story):
    html = client.get("/km/").content.decode()
    assert "?field=y-duc" in html and KHMER_HEALTH_ETHICS in html


@pytest.mark.django_db
def test_khmer_search_filters_and_names_fields_and_units_in_khmer(client, khmer_story):
    response = client.get("/km/tim-kiem/", {"q": "", "field": "y-duc"})
    assert response.status_code == 200
    assert khmer_story.title in response.content.decode()
    labels = {f["name"]: {v["label"] for v in f["values"]} for f in response.context["facets"]}
    assert KHMER_HEALTH_ETHICS in labels["field"]
    assert KHMER_KE_SACH in labels["unit"]
    # The Khmer story is found by its unit's Khmer name, as Khmer readers type it.
    found = client.get("/km/tim-kiem/", {"q": KHMER_KE_SACH}).content.decode()
    assert khmer_story.title in found


@pytest.mark.django_db
def test_english_feed_names_the_fields_in_english(client, section):
    story = published(ExemplarPageFactory(parent=section, title="Anh Danh Sơn", subject_name="Danh Sơn"))
    story.fields.set(Field.objects.filter(slug="y-duc"))
    published(story.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True))

    xml = client.get("/en/rss/").content.decode()

    assert "<category>Medical ethics</category>" in xml
    assert "Kế Sách District" in xml  # the unit's English name, as author and category
