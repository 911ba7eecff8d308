"""Fields and award types read in Khmer and English: a translator translates them in the admin,
and the Khmer and English pages show the translation where there is one, the Vietnamese otherwise,
at a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from exemplars.models import AwardType, ExemplarAward, ExemplarIndexPage, Field
from tests.factories import ExemplarPageFactory
from tests.helpers import published
from units.models import Role
from units.roles import add_member

MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
KHMER_MERIT = "លិខិតសរសើររបស់ប្រធានគណៈកម្មាធិការប្រជាជនខេត្ត"
KHMER_HEALTH_ETHICS = "សីលធម៌វេជ្ជសាស្ត្រ"


@pytest.fixture
def khmer(newsroom):
    return Locale.objects.get(language_code="km")


def translated(obj, locale, name):
    copy = obj.copy_for_translation(locale)
    copy.name = name
    copy.save()
    return copy


@pytest.fixture
def khmer_story(section, khmer):
    """A story with a field, an untranslated field and an award, in Vietnamese and in Khmer."""
    story = ExemplarPageFactory(parent=section, title="Bác sĩ Lâm Thị Sa Rươne", subject_name="Lâm Thị Sa Rươne")
    story.fields.set(Field.objects.filter(slug__in=["y-duc", "van-hoa-xa-hoi"], locale__language_code="vi"))
    ExemplarAward.objects.create(
        page=story, award_type=AwardType.objects.get(name=MERIT, locale__language_code="vi"), year=2021
    )
    story = published(story)
    copy = story.copy_for_translation(khmer, copy_parents=True)
    copy.title = "វេជ្ជបណ្ឌិត ឡាំ ធី សារឿន"
    return published(copy)


@pytest.mark.django_db
def test_khmer_story_page_names_award_and_fields_in_khmer_where_translated(client, khmer, khmer_story):
    translated(AwardType.objects.get(name=MERIT, locale__language_code="vi"), khmer, KHMER_MERIT)
    ethics = translated(Field.objects.get(slug="y-duc", locale__language_code="vi"), khmer, KHMER_HEALTH_ETHICS)

    html = client.get(khmer_story.url).content.decode()

    assert KHMER_MERIT in html and MERIT not in html
    assert KHMER_HEALTH_ETHICS in html and "Y đức" not in html
    assert "Văn hóa, xã hội" in html  # not translated: the Vietnamese name stands in
    # The chip leads to the Khmer listing filtered by the Khmer field, which lists the story.
    index_url = ExemplarIndexPage.objects.get(locale=khmer).url
    assert f'href="{index_url}?field={ethics.slug}"' in html
    listing = client.get(index_url, {"field": ethics.slug})
    assert listing.status_code == 200
    assert khmer_story.title in listing.content.decode()


@pytest.mark.django_db
def test_khmer_listing_offers_translated_and_untranslated_fields_and_names_them_on_cards(client, khmer, khmer_story):
    ethics = translated(Field.objects.get(slug="y-duc", locale__language_code="vi"), khmer, KHMER_HEALTH_ETHICS)
    index_url = ExemplarIndexPage.objects.get(locale=khmer).url

    html = client.get(index_url).content.decode()

    assert f'<option value="{ethics.slug}">{KHMER_HEALTH_ETHICS}</option>' in html
    assert '<option value="van-hoa-xa-hoi">Văn hóa, xã hội</option>' in html
    assert f"<li>{KHMER_HEALTH_ETHICS}</li>" in html  # the story's card
    # The untranslated field's chip on the story page must not lead to a 400 either.
    response = client.get(index_url, {"field": "van-hoa-xa-hoi"})
    assert response.status_code == 200 and khmer_story.title in response.content.decode()


@pytest.mark.django_db
def test_khmer_listing_costs_the_same_for_one_and_many_translated_fields(client, khmer, section, khmer_story):
    index_url = ExemplarIndexPage.objects.get(locale=khmer).url
    for field in Field.objects.filter(locale__language_code="vi"):
        translated(field, khmer, f"ខ្មែរ {field.name}")
    client.get(index_url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index_url).status_code == 200
        return len(queries)

    one = count()
    for i in range(5):
        story = ExemplarPageFactory(parent=section, title=f"Chuyện {i}", subject_name=f"Người {i}")
        story.fields.set(Field.objects.filter(locale__language_code="vi")[: i + 2])
        story = published(story)
        copy = story.copy_for_translation(khmer)
        copy.slug = f"khmer-{i}"
        published(copy)
    assert count() == one


def refused(response):
    """Wagtail's admin answers a refusal by sending the user to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


@pytest.fixture
def translator(django_user_model, newsroom):
    def make(role):
        user = django_user_model.objects.create_user(f"dich-{role}", f"{role}@example.invalid", "pw")
        add_member(user, role)
        return user

    return make


@pytest.mark.django_db
def test_a_khmer_translator_translates_an_award_type_in_the_admin_and_only_into_khmer(client, khmer, translator):
    merit = AwardType.objects.get(name=MERIT, locale__language_code="vi")
    client.force_login(translator(Role.TRANSLATOR_KM))

    assert client.get(reverse("wagtailsnippets_exemplars_awardtype:list")).status_code == 200
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["exemplars", "awardtype", merit.pk])
    response = client.post(submit, {"locales": [khmer.pk]})
    assert response.status_code == 302
    khmer_merit = AwardType.objects.get(translation_key=merit.translation_key, locale=khmer)

    # wagtail-localize's translation editor opens on the Khmer award type.
    response = client.get(reverse("wagtailsnippets_exemplars_awardtype:edit", args=[khmer_merit.pk]))
    assert response.status_code == 200
    assert 'class="js-translation-editor"' in response.content.decode()
    # The Vietnamese source is not theirs to change, even by a forged post.
    edit_source = reverse("wagtailsnippets_exemplars_awardtype:edit", args=[merit.pk])
    assert refused(client.get(edit_source))
    assert refused(client.post(edit_source, {"name": "Đã sửa", "category": merit.category, "level": merit.level}))
    assert AwardType.objects.get(pk=merit.pk).name == MERIT


@pytest.mark.django_db
def test_an_english_translator_cannot_edit_the_khmer_field(client, khmer, translator):
    ethics = translated(Field.objects.get(slug="y-duc", locale__language_code="vi"), khmer, KHMER_HEALTH_ETHICS)
    client.force_login(translator(Role.TRANSLATOR_EN))
    assert refused(client.get(reverse("wagtailsnippets_exemplars_field:edit", args=[ethics.pk])))


@pytest.mark.django_db
def test_khmer_home_page_browses_by_the_khmer_fields(client, khmer, khmer_story):
    ethics = translated(Field.objects.get(slug="y-duc", locale__language_code="vi"), khmer, KHMER_HEALTH_ETHICS)
    html = client.get("/km/").content.decode()
    assert f"?field={ethics.slug}" in html and KHMER_HEALTH_ETHICS in html


@pytest.mark.django_db
def test_khmer_search_filters_and_names_fields_in_khmer(client, khmer, khmer_story):
    ethics = translated(Field.objects.get(slug="y-duc", locale__language_code="vi"), khmer, KHMER_HEALTH_ETHICS)
    response = client.get("/km/tim-kiem/", {"q": "", "field": ethics.slug})
    assert response.status_code == 200
    assert khmer_story.title in response.content.decode()
    fields = [v for f in response.context["facets"] if f["name"] == "field" for v in f["values"]]
    assert KHMER_HEALTH_ETHICS in {v["label"] for v in fields}
