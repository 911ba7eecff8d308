"""The read-only JSON API at /api/v2/ that the provincial and central portals pull stories from."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.models import Locale, PageViewRestriction

from campaigns.models import CampaignIndexPage
from exemplars.models import AwardType, ExemplarAward, ExemplarPage, Field, UnitSectionPage
from tests.factories import CampaignPageFactory, ExemplarPageFactory
from tests.helpers import at, png, published

API = "/api/v2/pages/"
STORY = "exemplars.ExemplarPage"


def section_of(unit_slug):
    return UnitSectionPage.objects.get(unit__slug=unit_slug, locale__language_code="vi")


def story(unit_slug, title, when, field_slugs=(), **kwargs):
    page = ExemplarPageFactory(parent=section_of(unit_slug), title=title, first_published_at=when, **kwargs)
    page.fields.set(Field.objects.filter(slug__in=field_slugs))
    return published(page)


def get(client, **params):
    return client.get(API, params)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def stories(newsroom):
    return {
        "ke_sach_2019": story(
            "huyen-ke-sach",
            "Ông Trần Văn Út hiến đất làm đường",
            at(2019, 12, 31, 23),
            ["nguoi-tot-viec-tot"],
            subject_name="Ông Trần Văn Út",
        ),
        "ke_sach_2020": story(
            "huyen-ke-sach",
            "Chị Lâm Thị Sóc Hà nuôi tôm càng xanh",
            at(2020, 1, 1, 0),
            ["ho-gia-dinh-san-xuat-gioi"],
            subject_kind="household",
        ),
        "y_te": story(
            "so-y-te",
            "Bác sĩ Thạch Sô Phal tận tụy với người bệnh vùng biển",
            at(2020, 6, 15),
            ["y-duc", "nguoi-tot-viec-tot"],
        ),
        "vinh_chau": story("thi-xa-vinh-chau", "Hộ ông Kim Sà Rết trồng hành tím", at(2021, 3, 2), []),
    }


# Filters


@pytest.mark.django_db
def test_no_stories_but_the_tests_own(client, stories):
    assert ids(get(client, type=STORY)) == {page.pk for page in stories.values()}


@pytest.mark.django_db
def test_filter_by_unit_returns_exactly_that_units_stories(client, stories):
    assert ids(get(client, type=STORY, unit="huyen-ke-sach")) == {
        stories["ke_sach_2019"].pk,
        stories["ke_sach_2020"].pk,
    }
    assert ids(get(client, type=STORY, unit="so-y-te")) == {stories["y_te"].pk}
    # A unit that exists but has published nothing: an empty list, not an error.
    assert ids(get(client, type=STORY, unit="huyen-cu-lao-dung")) == set()


@pytest.mark.django_db
def test_filter_by_field_returns_exactly_that_fields_stories(client, stories):
    assert ids(get(client, type=STORY, field="y-duc")) == {stories["y_te"].pk}
    assert ids(get(client, type=STORY, field="nguoi-tot-viec-tot")) == {
        stories["ke_sach_2019"].pk,
        stories["y_te"].pk,
    }
    assert ids(get(client, type=STORY, field="nguoi-tot-viec-tot", unit="so-y-te")) == {stories["y_te"].pk}


@pytest.mark.django_db
def test_filter_by_publication_dates_is_inclusive_in_the_sites_time_zone(client, stories):
    # 23:00 on 31 December 2019 in Sóc Trăng is still 2019, though it is 2020 somewhere else.
    assert ids(get(client, type=STORY, published_before="2019-12-31")) == {stories["ke_sach_2019"].pk}
    assert ids(get(client, type=STORY, published_after="2020-01-01", published_before="2020-12-31")) == {
        stories["ke_sach_2020"].pk,
        stories["y_te"].pk,
    }
    assert ids(get(client, type=STORY, published_after="2021-03-02")) == {stories["vinh_chau"].pk}
    assert ids(get(client, type=STORY, published_after="2020-06-15", unit="huyen-ke-sach")) == set()


@pytest.mark.django_db
def test_latest_stories_first(client, stories):
    response = get(client, type=STORY, order="-first_published_at,-id", limit=2)
    assert [item["id"] for item in response.json()["items"]] == [stories["vinh_chau"].pk, stories["y_te"].pk]
    assert response.json()["meta"]["total_count"] == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"published_after": "15/06/2020"}, "published_after must be a date as YYYY-MM-DD, got '15/06/2020'"),
        ({"published_before": "2020-02-30"}, "published_before must be a date as YYYY-MM-DD, got '2020-02-30'"),
        ({"published_after": "20200615"}, "published_after must be a date as YYYY-MM-DD, got '20200615'"),
        ({"published_after": "2020-W24-1"}, "published_after must be a date as YYYY-MM-DD, got '2020-W24-1'"),
        ({"published_after": ""}, "published_after must be a date as YYYY-MM-DD, got ''"),
        ({"unit": "huyện-kế-sách"}, "unit not found: 'huyện-kế-sách'"),
        ({"unit": "x\x00"}, "unit must not contain control characters"),
        (
            {"published_after": "2021-01-01", "published_before": "2020-01-01"},
            "published_after must not be later than published_before",
        ),
        ({"unit": "huyen-khong-co"}, "unit not found: 'huyen-khong-co'"),
        ({"field": "linh-vuc-khong-co"}, "field not found: 'linh-vuc-khong-co'"),
        ({"don_vi": "huyen-ke-sach"}, "query parameter is not an operation or a recognised field: don_vi"),
        ({"awards": "1"}, "query parameter is not an operation or a recognised field: awards"),
        ({"first_published_at": "hôm qua"}, "field filter error."),
        ({"campaign": "phong-trao"}, "field filter error."),
    ],
)
def test_bad_filters_are_400_with_a_message(client, stories, params, message):
    response = get(client, type=STORY, **params)
    assert response.status_code == 400, response.content
    assert response.json()["message"].startswith(message)


@pytest.mark.django_db
def test_story_filters_need_the_story_type_but_dates_do_not(client, stories):
    response = get(client, unit="huyen-ke-sach")
    assert response.status_code == 400
    assert response.json()["message"] == "filtering by unit needs type=exemplars.ExemplarPage"
    assert get(client, field="y-duc").status_code == 400
    # Dates apply to any page (the newsroom's own pages were published when it was set up).
    assert ids(get(client, published_before="2019-12-31")) == {stories["ke_sach_2019"].pk}


@pytest.mark.django_db
def test_kind_and_subject_kind_filter_as_plain_fields(client, stories):
    assert ids(get(client, type=STORY, subject_kind="household")) == {stories["ke_sach_2020"].pk}
    assert ids(get(client, type=STORY, kind="new_model")) == set()


@pytest.mark.django_db
def test_search_combines_with_the_story_filters(client, stories):
    response = get(client, type=STORY, unit="huyen-ke-sach", search="Sóc Hà", published_after="2019-01-01")
    assert ids(response) == {stories["ke_sach_2020"].pk}


# What a story carries


@pytest.fixture
def full_story(newsroom, media_root):
    campaign = published(
        CampaignPageFactory(
            parent=CampaignIndexPage.objects.get(locale__language_code="vi"),
            title="Phong trào thi đua Sóc Trăng chung sức xây dựng nông thôn mới",
            summary="Phát động toàn tỉnh từ năm 2016.",
        )
    )
    image = Image.objects.create(title="Chị Sóc Hà bên ao tôm", file=png())
    page = ExemplarPageFactory(
        parent=section_of("huyen-ke-sach"),
        title="Chị Lâm Thị Sóc Hà làm giàu từ mô hình nuôi tôm càng xanh",
        slug="chi-lam-thi-soc-ha",
        kind="new_model",
        subject_kind="household",
        subject_name="Hộ chị Lâm Thị Sóc Hà",
        position="Hội viên Hội Nông dân xã",
        locality="ấp Phước Thuận, xã Phong Nẫm, huyện Kế Sách",
        summary="Từ hai công ruộng, chị chuyển sang nuôi tôm càng xanh, thu nhập 300 triệu đồng mỗi năm.",
        main_image=image,
        main_image_alt="Chị Sóc Hà cho tôm ăn",
        campaign=campaign,
        first_published_at=at(2020, 5, 12, hour=9),
        body=[
            ("paragraph", "<p>Năm 2015, chị mạnh dạn chuyển đổi hai công ruộng.</p>"),
            (
                "image",
                {"image": image, "caption": "Ao tôm của gia đình chị", "credit": "Ảnh: Báo Sóc Trăng"},
            ),
        ],
    )
    page.fields.set(Field.objects.filter(slug__in=["ho-gia-dinh-san-xuat-gioi", "y-duc"]))
    ExemplarAward.objects.create(
        page=page,
        award_type=AwardType.objects.get(name="Bằng khen của Chủ tịch UBND tỉnh"),
        year=2019,
        awarded_by="Chủ tịch UBND tỉnh Sóc Trăng",
        decision_number="Quyết định số 2456/QĐ-UBND",
    )
    return published(page)


@pytest.mark.django_db
def test_story_detail_has_the_story_fields(client, full_story):
    response = client.get(f"{API}{full_story.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == STORY
    assert data["meta"]["locale"] == "vi"
    assert data["meta"]["html_url"] == "http://testserver/guong-dien-hinh/huyen-ke-sach/chi-lam-thi-soc-ha/"
    assert data["meta"]["first_published_at"].startswith("2020-05-12T09:00:00")
    assert data["title"] == "Chị Lâm Thị Sóc Hà làm giàu từ mô hình nuôi tôm càng xanh"
    assert data["kind"] == "new_model"
    assert data["subject_kind"] == "household"
    assert data["subject_name"] == "Hộ chị Lâm Thị Sóc Hà"
    assert data["position"] == "Hội viên Hội Nông dân xã"
    assert data["locality"] == "ấp Phước Thuận, xã Phong Nẫm, huyện Kế Sách"
    assert data["summary"].startswith("Từ hai công ruộng")
    assert data["unit"] == {"slug": "huyen-ke-sach", "name": "Huyện Kế Sách", "kind": "district"}
    assert {field["slug"] for field in data["fields"]} == {"ho-gia-dinh-san-xuat-gioi", "y-duc"}
    assert all(field["name"] for field in data["fields"])
    assert data["awards"] == [
        {
            "award_type": "Bằng khen của Chủ tịch UBND tỉnh",
            "category": "certificate_of_merit",
            "level": "province",
            "year": 2019,
            "awarded_by": "Chủ tịch UBND tỉnh Sóc Trăng",
            "decision_number": "Quyết định số 2456/QĐ-UBND",
        }
    ]
    assert data["campaign"]["title"] == "Phong trào thi đua Sóc Trăng chung sức xây dựng nông thôn mới"
    assert data["campaign"]["url"].startswith("http://testserver/phong-trao-thi-dua/")
    assert data["campaign"]["detail_url"] == f"http://testserver{API}{full_story.campaign_id}/"

    thumbnail, large = data["main_image_thumbnail"], data["main_image_large"]
    assert (thumbnail["width"], thumbnail["height"]) == (480, 320)
    assert (large["width"], large["height"]) == (1200, 630)
    assert thumbnail["url"].startswith("/media/images/") and ".fill-480x320" in thumbnail["url"]
    assert large["full_url"].startswith("http://testserver/media/images/")
    assert thumbnail["alt"] == large["alt"] == "Chị Sóc Hà cho tôm ăn"
    assert data["main_image_alt"] == "Chị Sóc Hà cho tôm ăn"

    paragraph, image_block = data["body"]
    assert paragraph["type"] == "paragraph"
    assert "chuyển đổi hai công ruộng" in paragraph["value"]
    assert image_block["value"]["caption"] == "Ao tôm của gia đình chị"
    assert image_block["value"]["image"]["image"] == full_story.main_image_id
    rendition = image_block["value"]["image"]["rendition"]
    assert rendition["full_url"].startswith("http://testserver/media/images/")
    assert (rendition["width"], rendition["height"]) == (1200, 750)
    assert data["translations"] == []
    assert "Huyện Kế Sách".encode() in response.content  # UTF-8, not \u escapes
    assert ids(get(client, type=STORY, campaign=full_story.campaign_id)) == {full_story.pk}


@pytest.mark.django_db
def test_story_without_image_or_campaign_has_nulls(client, stories):
    data = client.get(f"{API}{stories['y_te'].pk}/").json()
    assert data["main_image_thumbnail"] is None
    assert data["main_image_large"] is None
    assert data["campaign"] is None
    assert data["awards"] == []


@pytest.mark.django_db
def test_listing_defaults_are_a_story_card(client, full_story):
    (item,) = get(client, type=STORY).json()["items"]
    assert set(item) == {
        "id",
        "meta",
        "title",
        "summary",
        "kind",
        "subject_kind",
        "subject_name",
        "unit",
        "fields",
        "main_image_thumbnail",
    }
    assert set(item["meta"]) == {"type", "detail_url", "html_url", "slug", "first_published_at", "locale"}
    assert item["unit"]["slug"] == "huyen-ke-sach"
    assert item["meta"]["detail_url"] == f"http://testserver{API}{full_story.pk}/"


@pytest.mark.django_db
def test_translations_are_listed_with_absolute_urls(client, full_story):
    english = full_story.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Ms Lam Thi Soc Ha gets rich raising giant river prawns"
    published(english)

    vietnamese = client.get(f"{API}{full_story.pk}/").json()
    assert vietnamese["translations"] == [
        {
            "id": english.pk,
            "title": "Ms Lam Thi Soc Ha gets rich raising giant river prawns",
            "locale": "en",
            "url": "http://testserver/en/guong-dien-hinh/huyen-ke-sach/chi-lam-thi-soc-ha/",
            "detail_url": f"http://testserver{API}{english.pk}/",
        }
    ]
    in_english = client.get(f"{API}{english.pk}/").json()
    assert in_english["meta"]["locale"] == "en"
    assert in_english["meta"]["html_url"] == "http://testserver/en/guong-dien-hinh/huyen-ke-sach/chi-lam-thi-soc-ha/"
    assert [(t["locale"], t["url"]) for t in in_english["translations"]] == [
        ("vi", "http://testserver/guong-dien-hinh/huyen-ke-sach/chi-lam-thi-soc-ha/")
    ]
    # The English story keeps the unit; ?unit= and ?locale= narrow the listing to it.
    assert ids(get(client, type=STORY, unit="huyen-ke-sach", locale="en")) == {english.pk}
    assert ids(get(client, type=STORY, locale="vi")) == {full_story.pk}
    assert ids(get(client, type=STORY, translation_of=full_story.pk)) == {english.pk}
    listed = get(client, type=STORY, locale="vi", fields="translations").json()["items"][0]
    assert listed["translations"][0]["id"] == english.pk


@pytest.mark.django_db
def test_fields_and_award_types_are_named_in_the_pages_language(client, full_story):
    en = Locale.objects.get(language_code="en")
    Field.objects.filter(slug="ho-gia-dinh-san-xuat-gioi").update(name_en="")  # falls back to Vietnamese
    award_type = AwardType.objects.get(name="Bằng khen của Chủ tịch UBND tỉnh")
    award_type.name_en = "Certificate of merit of the Chairman of the Provincial People's Committee"
    award_type.save()
    english = published(full_story.copy_for_translation(en, copy_parents=True))

    data = client.get(f"{API}{english.pk}/").json()
    assert {"slug": "y-duc", "name": "Medical ethics"} in data["fields"]
    assert {"slug": "ho-gia-dinh-san-xuat-gioi", "name": "Hộ gia đình sản xuất giỏi"} in data["fields"]
    assert data["awards"][0]["award_type"] == award_type.name_en
    assert data["unit"]["slug"] == "huyen-ke-sach"
    (item,) = get(client, type=STORY, field="y-duc", locale="en", fields="fields").json()["items"]
    assert item["id"] == english.pk
    assert {"slug": "y-duc", "name": "Medical ethics"} in item["fields"]
    # The Vietnamese story keeps the Vietnamese names.
    assert {"slug": "y-duc", "name": "Y đức"} in client.get(f"{API}{full_story.pk}/").json()["fields"]


@pytest.mark.django_db
def test_a_draft_translation_is_not_listed(client, full_story):
    english = full_story.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert not english.live
    assert client.get(f"{API}{full_story.pk}/").json()["translations"] == []
    assert client.get(f"{API}{english.pk}/").status_code == 404


# Only what anyone may read


@pytest.mark.django_db
def test_only_live_public_pages(client, admin_client, superuser, stories):
    section = section_of("huyen-ke-sach")
    draft = ExemplarPageFactory(parent=section, title="Bản nháp chưa gửi", live=False)
    draft.save_revision()
    in_moderation = ExemplarPageFactory(parent=section, title="Bài đang chờ duyệt", live=False)
    in_moderation.save_revision(user=superuser)
    in_moderation.get_workflow().start(in_moderation, superuser)
    assert in_moderation.workflow_in_progress
    private = stories["vinh_chau"]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    expected = {stories["ke_sach_2019"].pk, stories["ke_sach_2020"].pk, stories["y_te"].pk}
    assert ids(get(client, type=STORY)) == expected
    for page in (draft, in_moderation, private):
        assert client.get(f"{API}{page.pk}/").status_code == 404
    # Signed in, an editor may read the private page on the site, but the API stays public-only.
    assert ids(get(admin_client, type=STORY)) == expected
    assert admin_client.get(f"{API}{private.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_live_story_with_a_newer_draft_shows_the_live_content(client, superuser, stories):
    page = ExemplarPage.objects.get(pk=stories["y_te"].pk)
    page.title = "Tiêu đề mới chưa duyệt"
    page.summary = "Tóm tắt mới chưa duyệt."
    page.save_revision(user=superuser)
    page.get_workflow().start(page, superuser)

    data = client.get(f"{API}{page.pk}/").json()
    assert data["title"] == "Bác sĩ Thạch Sô Phal tận tụy với người bệnh vùng biển"
    assert data["summary"] != "Tóm tắt mới chưa duyệt."


# Cost and caching


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_stories(client, newsroom, media_root):
    image = Image.objects.create(title="Ảnh", file=png(size=(1300, 700)))
    award_type = AwardType.objects.get(name="Bằng khen của Chủ tịch UBND tỉnh")
    en = Locale.objects.get(language_code="en")
    for number in range(20):
        page = story(
            ["huyen-ke-sach", "so-y-te", "huyen-my-tu"][number % 3],
            f"Gương sáng số {number}",
            at(2020, 1, 1 + number),
            ["y-duc", "nguoi-tot-viec-tot"],
            main_image=image,
        )
        ExemplarAward.objects.create(page=page, award_type=award_type, year=2019)
        ExemplarAward.objects.create(page=page, award_type=award_type, year=2020)
        if number % 4 == 0:
            published(page.copy_for_translation(en, copy_parents=True))
    params = {"type": STORY, "locale": "vi", "fields": "*", "order": "-first_published_at"}
    assert get(client, limit=20, **params).status_code == 200  # makes the renditions

    counts = {}
    for limit in (5, 20):
        with CaptureQueriesContext(connection) as queries:
            response = get(client, limit=limit, **params)
        assert len(response.json()["items"]) == limit
        counts[limit] = len(queries)
    # 14 today: restrictions, site, pages, count, locales, units, fields, awards, images, renditions,
    # translations and the site's root paths.
    assert counts[5] == counts[20] <= 16, counts


@pytest.mark.django_db
def test_responses_may_be_cached_publicly(client, stories):
    response = get(client, type=STORY)
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    error = get(client, type=STORY, unit="khong-co")
    assert error.status_code == 400
    assert "public" not in error.get("Cache-Control", "")


# Campaigns and column articles


@pytest.mark.django_db
def test_campaigns_have_their_dates_and_summary(client, newsroom):
    campaign = published(
        CampaignPageFactory(
            parent=CampaignIndexPage.objects.get(locale__language_code="vi"),
            title="Phong trào thi đua Cả nước chung tay vì người nghèo",
            summary="Không để ai bị bỏ lại phía sau.",
            document_number="Kế hoạch số 123/KH-UBND",
            document_date=datetime.date(2019, 9, 4),
        )
    )
    (item,) = get(client, type="campaigns.CampaignPage").json()["items"]
    assert item["summary"] == "Không để ai bị bỏ lại phía sau."
    assert item["start_date"] == "2019-01-01"
    assert item["end_date"] == "2030-12-31"
    data = client.get(f"{API}{campaign.pk}/").json()
    assert data["document_number"] == "Kế hoạch số 123/KH-UBND"
    assert data["document_date"] == "2019-09-04"
    assert data["launched_by"] == "UBND tỉnh Sóc Trăng"
    assert data["translations"] == []


@pytest.mark.django_db
def test_column_articles_have_their_media_and_image(client, newsroom, media_root):
    from django.core.files.base import ContentFile
    from wagtailmedia.models import Media

    from columns.models import OutletPage
    from tests.factories import ColumnArticlePageFactory, ColumnPageFactory

    column = published(
        ColumnPageFactory(parent=OutletPage.objects.get(unit__slug="bao-soc-trang", locale__language_code="vi"))
    )
    audio = Media.objects.create(
        title="Gương sáng đời thường số 12",
        file=ContentFile(b"ID3", name="guong-sang-12.mp3"),
        type="audio",
        duration=305,
    )
    article = published(
        ColumnArticlePageFactory(
            parent=column,
            title="Người điển hình của vùng đất giồng cát",
            main_image=Image.objects.create(title="Giồng cát Vĩnh Châu", file=png()),
            main_image_alt="Ruộng hành tím trên giồng cát",
            media=audio,
            transcript="<p>Xin chào quý thính giả.</p>",
        )
    )
    (item,) = get(client, type="columns.ColumnArticlePage").json()["items"]
    assert item["summary"] == "Câu chuyện về người tốt, việc tốt ở ấp Trà Canh."
    assert item["main_image_thumbnail"]["alt"] == "Ruộng hành tím trên giồng cát"
    data = client.get(f"{API}{article.pk}/").json()
    assert data["media"]["type"] == "audio"
    assert data["media"]["duration"] == 305
    assert data["media"]["url"].startswith("http://testserver/media/media/guong-sang-12")
    assert data["transcript"] == "<p>Xin chào quý thính giả.</p>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        (API, {"type": STORY, "fields": "tac_gia"}, 400, "unknown fields: tac_gia"),
        (API, {"type": STORY, "limit": "100"}, 400, "limit cannot be higher than 20"),
        (API, {"type": "exemplars.Story"}, 400, "type doesn't exist"),
        (API, {"type": STORY, "order": "unit"}, 400, "cannot order by 'unit' (unknown field)"),
        (API, {"type": STORY, "locale": "fr"}, 404, "No Locale matches the given query."),
        (f"{API}999999/", {}, 404, "No Page matches the given query."),
    ],
)
def test_documented_errors(client, stories, path, params, status, message):
    response = client.get(path, params)
    assert response.status_code == status
    assert response.json() == {"message": message}


@pytest.mark.django_db
def test_documented_field_selection_and_lookup(client, stories):
    story_pk = stories["y_te"].pk
    (item,) = get(client, type=STORY, unit="so-y-te", fields="_,id,title,unit").json()["items"]
    assert set(item) == {"id", "title", "unit"}
    (item,) = get(client, type=STORY, unit="so-y-te", fields="-fields,-main_image_thumbnail").json()["items"]
    assert "fields" not in item and "summary" in item
    latest = get(client, type=STORY, order="-last_published_at,-id", fields="_,id,last_published_at").json()
    assert len(latest["items"]) == 4
    found = client.get(f"{API}find/", {"html_path": stories["y_te"].url})
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://testserver{API}{story_pk}/")
    html = client.get(f"{API}{story_pk}/", HTTP_ACCEPT="text/html")
    assert html.status_code == 200
    assert "public" not in html.get("Cache-Control", "")
