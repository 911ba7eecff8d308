"""The hall of honour lists the awards on the stories the public may read, by level then year, in
the page's language, with filters, a feed and a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, PageViewRestriction

from commendations.models import HallOfHonourPage
from exemplars.models import AwardLevel, AwardType, ExemplarAward, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import published

MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
LABOUR_ORDER = "Huân chương Lao động hạng Ba"
GRASSROOTS = "Chiến sĩ thi đua cơ sở"


def award_type(name):
    return AwardType.objects.get(name=name)


def honoured(section, title, subject, awards, live=True, **extra):
    """A story in ``section`` with ``awards`` (``(award type name, year, decision number)``)."""
    story = ExemplarPageFactory(parent=section, title=title, subject_name=subject, live=live, **extra)
    for name, year, decision in awards:
        ExemplarAward.objects.create(page=story, award_type=award_type(name), year=year, decision_number=decision)
    return published(story) if live else story


@pytest.fixture
def hall(newsroom):
    return HallOfHonourPage.objects.get(locale__language_code="vi")


@pytest.fixture
def y_te(newsroom):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="so-y-te")


def entries(html):
    """How many awards the page lists (one row each)."""
    return html.count('<th scope="row"')


def page_html(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.django_db
def test_setup_makes_the_hall_in_every_language_and_in_the_menu(client, hall):
    assert hall.live and hall.show_in_menus and hall.title == "Vinh danh" and hall.url == "/vinh-danh/"
    for language in ("km", "en"):
        translated = HallOfHonourPage.objects.get(locale__language_code=language)
        assert translated.live and translated.title != "Vinh danh"
    home = page_html(client, "/")
    assert 'href="/vinh-danh/"' in home


@pytest.mark.django_db
def test_hall_lists_a_live_public_storys_awards_by_level_then_newest_year(client, hall, section):
    story = honoured(
        section,
        "Ông Trần Văn Sáu hiến đất làm đường",
        "Trần Văn Sáu",
        [(MERIT, 2021, "Quyết định số 2456/QĐ-UBND"), (LABOUR_ORDER, 2019, "Quyết định số 118/QĐ-CTN")],
    )
    honoured(section, "Chị Lâm Thị Sóc Hà nuôi tôm", "Lâm Thị Sóc Hà", [(MERIT, 2023, "Quyết định số 77/QĐ-UBND")])

    html = page_html(client, hall.url)

    with translation.override("vi"):
        results = html.index('id="results-title"')  # after the filters, which name every level
        state = html.index(str(AwardLevel.STATE.label), results)
        province = html.index(str(AwardLevel.PROVINCE.label), results)
    assert state < html.index("Trần Văn Sáu", state) < province  # the Order, a State award, comes first
    # In the province's level, the newest year first.
    assert html.index("2023", province) < html.index("2021", province)
    assert f'href="{story.url}"' in html
    for text in [MERIT, LABOUR_ORDER, "Quyết định số 2456/QĐ-UBND", "Quyết định số 118/QĐ-CTN", "Huyện Kế Sách"]:
        assert text in html, text
    assert entries(html) == 3


@pytest.mark.django_db
def test_hall_leaves_out_drafts_private_stories_and_other_languages(client, hall, section):
    honoured(section, "Bản nháp", "Người Trong Bản Nháp", [(MERIT, 2020, "")], live=False)
    private = honoured(section, "Chuyện riêng tư", "Người Riêng Tư", [(MERIT, 2020, "")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    public = honoured(section, "Ông Thạch Sóc hiến đất", "Thạch Sóc", [(MERIT, 2020, "")])
    english = public.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title, english.subject_name = "Mr Thach Soc gives land", "Thach Soc (EN)"
    published(english)

    vi_html = page_html(client, hall.url)
    en_html = page_html(client, HallOfHonourPage.objects.get(locale__language_code="en").url)

    assert "Thạch Sóc" in vi_html and "Thach Soc (EN)" not in vi_html
    assert "Người Trong Bản Nháp" not in vi_html and "Người Riêng Tư" not in vi_html
    assert "Thach Soc (EN)" in en_html and "Thạch Sóc" not in en_html
    assert entries(en_html) == 1


@pytest.mark.django_db
def test_filters_by_year_level_award_type_and_unit(client, hall, section, y_te):
    honoured(section, "Ông Sáu hiến đất", "Trần Văn Sáu", [(MERIT, 2021, "")])
    honoured(section, "Bà Tư làm đường", "Nguyễn Thị Tư", [(GRASSROOTS, 2020, "")])
    honoured(y_te, "Bác sĩ Sa Rươne", "Lâm Thị Sa Rươne", [(LABOUR_ORDER, 2021, "")])
    merit = award_type(MERIT)

    def subjects(**params):
        html = page_html(client, hall.url, params)
        return {name for name in ["Trần Văn Sáu", "Nguyễn Thị Tư", "Lâm Thị Sa Rươne"] if name in html}

    assert subjects(year="2021") == {"Trần Văn Sáu", "Lâm Thị Sa Rươne"}
    assert subjects(level="grassroots") == {"Nguyễn Thị Tư"}
    assert subjects(award_type=str(merit.pk)) == {"Trần Văn Sáu"}
    assert subjects(unit="so-y-te") == {"Lâm Thị Sa Rươne"}
    assert subjects(unit="huyen-ke-sach", year="2020") == {"Nguyễn Thị Tư"}
    # The year list offers the years that have awards.
    html = page_html(client, hall.url)
    assert '<option value="2021">' in html and '<option value="2019">' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"year": "hai nghìn"}, {"year": "1800"}, {"level": "galaxy"}, {"award_type": "abc"}, {"unit": "khong-co"}],
)
def test_a_malformed_filter_is_a_400_that_says_what_is_wrong(client, hall, section, params):
    honoured(section, "Ông Sáu hiến đất", "Trần Văn Sáu", [(MERIT, 2021, "")])
    response = client.get(hall.url, params)
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("vi"):
        assert gettext("These filters cannot be used") in html
    assert 'name="robots" content="noindex"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("format", ["rss", "atom"])
def test_feed_lists_the_newest_awards_first_and_no_draft(client, hall, section, format):
    story = honoured(section, "Ông Sáu hiến đất", "Trần Văn Sáu", [(MERIT, 2019, ""), (LABOUR_ORDER, 2022, "")])
    honoured(section, "Bản nháp", "Người Trong Bản Nháp", [(MERIT, 2024, "")], live=False)

    html = page_html(client, hall.url)
    url = reverse("feed_hall_of_honour", kwargs={"format": format})
    assert f'href="{url}"' in html  # the page's head links its feed

    response = client.get(url)
    assert response.status_code == 200
    feed = response.content.decode()
    assert feed.index(f"{LABOUR_ORDER} (2022): Trần Văn Sáu") < feed.index(f"{MERIT} (2019): Trần Văn Sáu")
    assert f"http://testserver{story.url}" in feed
    assert "Người Trong Bản Nháp" not in feed
    assert client.get("/km" + url).status_code == 200


@pytest.mark.django_db
def test_hall_costs_the_same_queries_for_one_award_and_many(client, hall, section, y_te):
    honoured(section, "Ông Sáu hiến đất", "Trần Văn Sáu", [(MERIT, 2021, "")])
    client.get(hall.url)  # warm the site root and locale caches

    def count():
        client.get(hall.url)  # fills what pages keep between requests (core/fragments.py)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(hall.url).status_code == 200
        return len(queries)

    one = count()
    for i in range(6):
        honoured(
            y_te if i % 2 else section,
            f"Chuyện thứ {i}",
            f"Người thứ {i}",
            [(MERIT, 2015 + i, f"Số {i}"), (LABOUR_ORDER, 2010 + i, ""), (GRASSROOTS, 2020, "")],
        )
    assert count() == one
    assert count() <= 30


@pytest.mark.django_db
def test_hall_shows_the_award_types_in_the_pages_language_where_translated(client, hall, section):
    story = honoured(section, "Ông Sáu hiến đất", "Trần Văn Sáu", [(MERIT, 2021, "")])
    khmer = Locale.objects.get(language_code="km")
    merit = award_type(MERIT)
    merit.name_km = "លិខិតសរសើររបស់ប្រធានគណៈកម្មាធិការប្រជាជនខេត្ត"
    merit.save()
    published(story.copy_for_translation(khmer, copy_parents=True))

    html = page_html(client, HallOfHonourPage.objects.get(locale=khmer).url)

    assert merit.name_km in html and MERIT not in html
    # The award type filter offers the Khmer name, and picking it finds the award.
    assert f'<option value="{merit.pk}">{merit.name_km}</option>' in html
    filtered = page_html(client, HallOfHonourPage.objects.get(locale=khmer).url, {"award_type": merit.pk})
    assert entries(filtered) == 1 and merit.name_km in filtered
