"""Published public content for browser tests: stories in several units and fields (one translated
into Khmer and English), a campaign with an honouring event, and a column with an article.

Browser tests run on a flushed database, so each builds its content again: use the ``public_site``
fixture, or call ``build_public_site()`` after ``setup_newsroom`` (the ``fresh_newsroom`` fixture).
tests/e2e/conftest.py registers this module as a plugin, so its fixtures serve every browser test.
"""

import datetime
import io
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from campaigns.models import CampaignIndexPage, CampaignPage, HonouringEventPage
from columns.models import ColumnArticleFeaturedStory, ColumnArticlePage, ColumnPage, OutletPage
from commendations.models import HallOfHonourPage
from core.text import slugify_vi
from demo.images import MOTIFS, draw_picture
from exemplars.models import AwardType, ExemplarAward, ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage
from home.models import HomePage
from tests.helpers import at

LANGUAGES = ("vi", "km", "en")
# A query typed without diacritics that finds the translated story ("lúa - tôm ở Mỹ Xuyên").
SEARCH_QUERY = "lua tom my xuyen"
# Per language, a query that finds that language's version of the story.
SEARCH_QUERIES = {"vi": SEARCH_QUERY, "en": "rice shrimp", "km": "នៅមីស្វៀន"}

# The story every language has: (language, title, summary).
TRANSLATED_STORY = {
    "vi": (
        "Bà Lâm Thị Mỹ Dung làm giàu từ mô hình lúa - tôm ở Mỹ Xuyên",
        "Từ 3 ha ruộng nhiễm mặn ở xã Gia Hòa 1, bà Dung luân canh một vụ lúa, một vụ tôm sú, "
        "lãi hơn 400 triệu đồng mỗi năm và hướng dẫn 30 hộ trong ấp làm theo.",
    ),
    "en": (
        "Lâm Thị Mỹ Dung prospers with rice-shrimp farming in Mỹ Xuyên",
        "On 3 hectares of salty fields in Gia Hòa 1 commune, Mrs Dung alternates a rice crop with a tiger "
        "shrimp crop, earns over 400 million đồng a year and has taught 30 households of her hamlet.",
    ),
    "km": (
        "លោកស្រី ឡាំ ធីមីយ៉ុង មានបានដោយគំរូដាំស្រូវ និងចិញ្ចឹមបង្គា នៅមីស្វៀន",
        "នៅលើស្រែប្រៃ ៣ ហិកតា ក្នុងឃុំយ៉ាហ័រ ១ លោកស្រីដាំស្រូវមួយរដូវ និងចិញ្ចឹមបង្គាមួយរដូវ "
        "ទទួលបានប្រាក់ចំណេញជាង ៤០០ លានដុង ក្នុងមួយឆ្នាំ និងបានណែនាំគ្រួសារ ៣០ ក្នុងភូមិ។",
    ),
}

TRANSLATED_STORY_BODY = {
    "en": [
        "In 2015, when salt water reached deep into the fields, many households in Gia Hòa 1 left their land "
        "to work for others. Mrs Dung tried the rice-shrimp model on the advice of Mỹ Xuyên's farming "
        "extension station.",
        "She stocks tiger shrimp in the dry season, washes the salt out in the rainy season and plants ST24 rice.",
    ],
    "km": [
        "នៅឆ្នាំ ២០១៥ នៅពេលទឹកប្រៃចូលជ្រៅក្នុងស្រែ គ្រួសារជាច្រើនក្នុងឃុំយ៉ាហ័រ ១ បានបោះបង់ស្រែទៅធ្វើការឱ្យគេ។ "
        "លោកស្រីយ៉ុង បានសាកល្បងគំរូដាំស្រូវ និងចិញ្ចឹមបង្គា តាមការណែនាំរបស់ស្ថានីយផ្សព្វផ្សាយកសិកម្មស្រុកមីស្វៀន។",
        "នៅរដូវប្រាំង លោកស្រីចិញ្ចឹមបង្គាខ្លា ហើយនៅរដូវវស្សា លាងជាតិប្រៃចេញ រួចដាំស្រូវពូជ ST24។",
    ],
}

# (unit slug, field slugs, motif, kind, subject kind, when, title, subject, position, locality, summary, paragraphs)
STORIES = [
    (
        "huyen-my-xuyen",
        ["san-xuat-kinh-doanh", "ho-gia-dinh-san-xuat-gioi"],
        "shrimp",
        "exemplar",
        "individual",
        at(2020, 6, 12),
        *TRANSLATED_STORY["vi"][:1],
        "Lâm Thị Mỹ Dung",
        "Nông dân sản xuất, kinh doanh giỏi cấp tỉnh",
        "ấp Hòa Hinh, xã Gia Hòa 1, huyện Mỹ Xuyên",
        TRANSLATED_STORY["vi"][1],
        [
            "Năm 2015, khi nước mặn lấn sâu vào đồng, nhiều hộ ở xã Gia Hòa 1 bỏ ruộng đi làm thuê. Bà Dung "
            "quyết định thử mô hình lúa - tôm theo hướng dẫn của Trạm Khuyến nông huyện Mỹ Xuyên.",
            "Mùa khô bà thả tôm sú, mùa mưa rửa mặn rồi cấy giống lúa ST24. Vụ tôm không dùng kháng sinh, "
            "vụ lúa ít phân bón nên hạt gạo được thương lái mua giá cao.",
        ],
    ),
    (
        "huyen-ke-sach",
        ["xay-dung-nong-thon-moi"],
        "road",
        "exemplar",
        "individual",
        at(2020, 4, 8),
        "Ông Trần Văn Út hiến 1.200 m² đất làm đường nông thôn mới ở xã Ba Trinh",
        "Trần Văn Út",
        "Trưởng ấp Ba Rinh",
        "ấp Ba Rinh, xã Ba Trinh, huyện Kế Sách",
        "Ông Út hiến đất, vận động 45 hộ cùng góp công để con đường bê tông dài 2 km về tới ấp, "
        "giúp xã Ba Trinh về đích nông thôn mới năm 2019.",
        [
            "Trước đây, mùa mưa con đường đất vào ấp Ba Rinh lầy lội, học sinh phải đi đò.",
            "Ông Út là người đầu tiên dỡ hàng rào, hiến 1.200 m² đất vườn và đi từng nhà vận động bà con làm theo.",
        ],
    ),
    (
        "huyen-ke-sach",
        ["nguoi-tot-viec-tot"],
        "volunteer",
        "new_model",
        "collective",
        at(2020, 2, 20),
        "Tổ tiết kiệm xoay vòng của Chi hội Phụ nữ ấp Phú Hữu giúp chị em thoát nghèo",
        "Chi hội Phụ nữ ấp Phú Hữu",
        "Chi hội phụ nữ, xã Phú Hữu, huyện Kế Sách",
        "xã Phú Hữu, huyện Kế Sách",
        "Mỗi tháng 40 hội viên góp 100.000 đồng để lần lượt có vốn chăn nuôi, buôn bán; "
        "đã có 12 hộ thoát nghèo nhờ mô hình.",
        ["Số tiền góp được trao lần lượt cho chị em khó khăn nhất, không tính lãi."],
    ),
    (
        "so-y-te",
        ["y-duc"],
        "clinic",
        "exemplar",
        "individual",
        at(2019, 11, 5),
        "Bác sĩ Thạch Sô Phênh hơn 20 năm tận tụy ở trạm y tế xã Lịch Hội Thượng",
        "Thạch Sô Phênh",
        "Trưởng Trạm Y tế xã Lịch Hội Thượng",
        "xã Lịch Hội Thượng, huyện Trần Đề",
        "Nói thạo tiếng Khmer, bác sĩ Phênh đến tận nhà khám cho người già, "
        "vận động bà con đưa trẻ đi tiêm chủng đầy đủ.",
        ["Trạm y tế xã đạt chuẩn quốc gia năm 2018 nhờ sự tận tâm của bác sĩ và đồng nghiệp."],
    ),
    (
        "thi-xa-vinh-chau",
        ["ho-gia-dinh-san-xuat-gioi"],
        "orchard",
        "exemplar",
        "household",
        at(2019, 9, 18),
        "Hộ ông Trần Văn Sóc thu nửa tỷ đồng mỗi năm từ hành tím Vĩnh Châu",
        "Hộ ông Trần Văn Sóc",
        "Hộ gia đình sản xuất giỏi",
        "phường Vĩnh Phước, thị xã Vĩnh Châu",
        "Trồng hành tím theo tiêu chuẩn VietGAP trên 2 ha, gia đình ông Sóc tạo việc làm cho 15 lao động địa phương.",
        ["Hành tím Vĩnh Châu của gia đình ông được bán ở các siêu thị tại Cần Thơ và Thành phố Hồ Chí Minh."],
    ),
]

CAMPAIGN = {
    "vi": ("Cả nước chung sức xây dựng nông thôn mới", "Phong trào thi đua giai đoạn 2016-2020 ở Sóc Trăng."),
    "en": ("The whole country joins hands to build new rural areas", "The 2016-2020 campaign in Sóc Trăng."),
    "km": ("ប្រទេសទាំងមូលរួមគ្នាកសាងជនបទថ្មី", "ចលនាប្រកួតប្រជែងឆ្នាំ ២០១៦-២០២០ នៅសុកត្រាំង។"),
}
COLUMN = {
    "vi": ("Gương sáng đời thường", "Chuyên mục kể về những con người bình dị mà đáng quý."),
    "en": ("Everyday examples", "A column about ordinary people who do extraordinary good."),
    "km": ("គំរូល្អក្នុងជីវិតប្រចាំថ្ងៃ", "កម្មវិធីអំពីមនុស្សសាមញ្ញដែលធ្វើអំពើល្អ។"),
}
ARTICLE = {
    "vi": (
        "Người giữ đường quê ở ấp Ba Rinh",
        "Chuyên mục Gương sáng đời thường kỳ này giới thiệu ông Trần Văn Út, người hiến đất làm đường ở Kế Sách.",
    ),
    "en": (
        "The man who gave his land for the road to Ba Rinh",
        "This issue of Everyday examples meets Trần Văn Út, who gave land for a road in Kế Sách.",
    ),
    "km": (
        "បុរសដែលបរិច្ចាគដីធ្វើផ្លូវទៅភូមិបារិញ",
        "កម្មវិធីនេះណែនាំលោក ត្រឹន វ៉ាន់អ៊ុត ដែលបានបរិច្ចាគដីធ្វើផ្លូវនៅកេសាច។",
    ),
}


@dataclass
class SiteUrls:
    """The public URLs of one language's key pages (paths, relative to the live server)."""

    home: str
    listing: str
    story: str
    search: str
    campaign: str
    column: str
    article: str
    hall: str


@dataclass
class PublicSite:
    """What ``build_public_site`` made: URLs per language, and the pages themselves."""

    urls: dict = field(default_factory=dict)  # language code -> SiteUrls
    stories: list = field(default_factory=list)  # the Vietnamese stories, newest first
    story: dict = field(default_factory=dict)  # language code -> the translated story
    campaign: dict = field(default_factory=dict)
    column: dict = field(default_factory=dict)
    article: dict = field(default_factory=dict)
    search_query: str = SEARCH_QUERY

    def __getitem__(self, language):
        return self.urls[language]


def picture(motif, variant=1):
    """A demo scene (drawn locally) as a Wagtail image, its description the alt text."""
    caption, *alts = MOTIFS[motif]
    image = get_image_model()(
        title=f"{caption} ({variant})", description=alts[variant - 1], collection=Collection.get_first_root_node()
    )
    image.file = ImageFile(io.BytesIO(draw_picture(motif, variant)), name=f"e2e-{motif}-{variant}.jpg")
    image.save()
    return image


def publish_under(parent, page, when):
    """Add ``page`` under ``parent`` and publish it as of ``when`` (which fires page_published: it is indexed)."""
    # The editor's form slugifies titles to ASCII; a page built in code must do it itself.
    page.slug = page.slug or slugify_vi(page.title, max_length=80)
    page.first_published_at = when
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language, title, summary_field=None, summary=None, when=None, body=None):
    """``page`` translated into ``language`` and published (its parent must already be translated)."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=language))
    translated.title = title
    if summary_field:
        setattr(translated, summary_field, summary)
    if body is not None:
        translated.body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in body]
    translated.first_published_at = when or page.first_published_at
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def _story(section, fields, spec):
    _unit, field_slugs, motif, kind, subject_kind, when, title, subject, position, locality, summary, paras = spec
    image = picture(motif)
    body = [{"type": "paragraph", "value": f"<p>{paras[0]}</p>"}, {"type": "heading", "value": "Dám nghĩ, dám làm"}]
    body += [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paras[1:]]
    body.append({"type": "quote", "value": {"text": "Muốn làm giàu thì phải chịu học hỏi.", "attribution": subject}})
    page = ExemplarPage(
        title=title,
        kind=kind,
        subject_kind=subject_kind,
        subject_name=subject,
        position=position,
        locality=locality,
        summary=summary,
        main_image=image,
        main_image_alt=image.description,
        body=body,
    )
    page.fields = [fields[slug] for slug in field_slugs]
    return publish_under(section, page, when)


def _in(model, language, **filters):
    return model.objects.filter(locale__language_code=language, **filters).get()


def build_public_site():
    """Published Vietnamese content, one story, campaign, column and article also in km and en.

    Call after ``setup_newsroom`` in a test that may write to the database.
    """
    site = PublicSite()
    fields = {f.slug: f for f in Field.objects.all()}
    sections = UnitSectionPage.objects.filter(locale__language_code="vi").select_related("unit")
    sections = {section.unit.slug: section for section in sections}
    stories = [_story(sections[spec[0]], fields, spec) for spec in STORIES]
    site.stories = sorted(stories, key=lambda page: page.first_published_at, reverse=True)
    site.story["vi"] = stories[0]
    # Awards for the hall of honour; the story's translations below copy them.
    for award_name, year in [("Huân chương Lao động hạng Ba", 2019), ("Bằng khen của Chủ tịch UBND tỉnh", 2021)]:
        award_type = AwardType.objects.get(name=award_name)
        ExemplarAward.objects.create(
            page=stories[0], award_type=award_type, year=year, decision_number=f"Quyết định số {year - 1900}/QĐ-UBND"
        )

    campaign = CampaignPage(
        title=CAMPAIGN["vi"][0],
        slug="ca-nuoc-chung-suc-xay-dung-nong-thon-moi",
        launched_by="Thủ tướng Chính phủ",
        document_number="Quyết định số 1730/QĐ-TTg",
        document_date=datetime.date(2016, 9, 5),
        start_date=datetime.date(2016, 9, 5),
        end_date=datetime.date(2020, 12, 31),
        summary=CAMPAIGN["vi"][1],
        goals="<ul><li>Đến năm 2020 có ít nhất 50% số xã đạt chuẩn nông thôn mới</li></ul>",
        body=[{"type": "paragraph", "value": "<p>Các huyện, thị xã, thành phố giới thiệu gương điển hình.</p>"}],
    )
    site.campaign["vi"] = publish_under(_in(CampaignIndexPage, "vi"), campaign, at(2019, 1, 7))
    ExemplarPage.objects.filter(pk__in=[stories[0].pk, stories[1].pk]).update(campaign=campaign)
    event = HonouringEventPage(
        title="Hội nghị biểu dương điển hình tiên tiến trong xây dựng nông thôn mới",
        kind="conference",
        date=datetime.date(2020, 10, 22),
        place="Hội trường UBND tỉnh Sóc Trăng",
        description="<p>UBND tỉnh Sóc Trăng biểu dương các gương điển hình xây dựng nông thôn mới.</p>",
        photos=[{"type": "photo", "value": {"image": picture("hall").pk, "decorative": False, "alt_text": ""}}],
    )
    event.exemplars = stories[:2]
    publish_under(campaign, event, at(2020, 10, 22, 16))

    outlet = _in(OutletPage, "vi", unit__slug="bao-soc-trang")
    column = ColumnPage(title=COLUMN["vi"][0], slug="guong-sang-doi-thuong", kind="column", description=COLUMN["vi"][1])
    site.column["vi"] = publish_under(outlet, column, at(2019, 2, 4))
    article = ColumnArticlePage(
        title=ARTICLE["vi"][0],
        summary=ARTICLE["vi"][1],
        main_image=stories[1].main_image,
        main_image_alt=stories[1].main_image_alt,
        body=[{"type": "paragraph", "value": f"<p>{stories[1].summary}</p>"}],
    )
    article.featured_stories = [ColumnArticleFeaturedStory(story=stories[1])]
    site.article["vi"] = publish_under(column, article, at(2020, 5, 10))

    for language in ("km", "en"):
        title, summary = TRANSLATED_STORY[language]
        site.story[language] = translate(
            stories[0], language, title, "summary", summary, body=TRANSLATED_STORY_BODY[language]
        )
        site.campaign[language] = translate(campaign, language, CAMPAIGN[language][0], "summary", CAMPAIGN[language][1])
        site.column[language] = translate(column, language, COLUMN[language][0], "description", COLUMN[language][1])
        site.article[language] = translate(article, language, ARTICLE[language][0], "summary", ARTICLE[language][1])

    for language in LANGUAGES:
        prefix = "" if language == "vi" else f"/{language}"
        query = SEARCH_QUERIES[language]
        site.urls[language] = SiteUrls(
            home=_in(HomePage, language, depth=2).url,
            listing=_in(ExemplarIndexPage, language).url,
            story=site.story[language].url,
            search=f"{prefix}/tim-kiem/?{urlencode({'q': query})}",
            campaign=site.campaign[language].url,
            column=site.column[language].url,
            article=site.article[language].url,
            hall=_in(HallOfHonourPage, language).url,
        )
    return site


@pytest.fixture(scope="session")
def newsroom_snapshot(django_db_setup, django_db_blocker):
    """The whole database as the session's ``setup_newsroom`` left it, serialized once."""
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: saving other rows may look them up, and would otherwise create new ones.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def restore_newsroom(snapshot):
    """Put the database back as ``setup_newsroom`` left it.

    Browser tests flush the database after each test, which also removes what the migrations made
    (the root page, the permissions of data migrations), so running ``setup_newsroom`` again is not
    enough; the flush here keeps post_migrate from recreating rows the snapshot brings back.
    """
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(snapshot)
    # The flush restarted PostgreSQL's sequences; move them past the ids just loaded (as loaddata does).
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture(name="fresh_newsroom")
def fresh_newsroom_fixture(newsroom_snapshot, transactional_db):
    """For browser tests: the newsroom as ``setup_newsroom`` leaves it, whatever ran before."""
    restore_newsroom(newsroom_snapshot)


@pytest.fixture(name="public_site")
def public_site_fixture(fresh_newsroom):
    """The newsroom as ``setup_newsroom`` leaves it, with ``build_public_site()``'s content."""
    return build_public_site()


def serve_media(page):
    """``page`` itself. The test live server already serves MEDIA_URL (Django's _MediaFilesHandler),
    so nothing is needed; kept only until test_accessibility.py stops calling it."""
    return page
