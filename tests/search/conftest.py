import pytest

from campaigns.models import CampaignIndexPage
from columns.models import OutletPage
from exemplars.models import Field, UnitSectionPage
from home.models import HomePage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    ExemplarPageFactory,
    StandardPageFactory,
)
from tests.helpers import at, published

# (key, section slug, title, summary, subject kind, field slug, year)
STORIES = [
    (
        "dang-bo",
        "huyen-ke-sach",
        "Đảng bộ xã An Mỹ lãnh đạo xây dựng nông thôn mới",
        "Đảng bộ xã đã lãnh đạo nhân dân hoàn thành 19 tiêu chí.",
        "collective",
        "xay-dung-dang-doan-the",
        2019,
    ),
    (
        "dien-hinh",
        "huyen-my-tu",
        "Gương điển hình tiên tiến trong sản xuất lúa đặc sản",
        "Ông Lâm Văn Sang trồng lúa ST25 theo hướng hữu cơ.",
        "individual",
        "san-xuat-kinh-doanh",
        2020,
    ),
    (
        "duong",
        "huyen-tran-de",
        "Ông Sáu hiến đất mở đường giao thông nông thôn",
        "Con đường mới giúp bà con ấp Lịch Hội Thượng đi lại thuận tiện.",
        "individual",
        "nguoi-tot-viec-tot",
        2020,
    ),
    (
        "duong-2",
        "huyen-tran-de",
        "Cô giáo Dương Thị Hồng tận tụy với học trò nghèo",
        "Cô Dương dạy học ở điểm trường xa nhất huyện.",
        "individual",
        "day-tot-hoc-tot",
        2019,
    ),
    (
        "van-hoa",
        "so-van-hoa-the-thao-va-du-lich",
        "Câu lạc bộ văn hoá Khmer giữ gìn nghệ thuật Dù kê",
        "Câu lạc bộ biểu diễn phục vụ bà con trong lễ Ok Om Bok.",
        "collective",
        "van-hoa-xa-hoi",
        2019,
    ),
    (
        "y-te",
        "so-y-te",
        "Bác sĩ Thạch Sô Phal tận tụy với người bệnh vùng biển",
        "Y đức của người thầy thuốc ở Trạm y tế xã Vĩnh Hải.",
        "individual",
        "y-duc",
        2020,
    ),
    (
        "ho-gia-dinh",
        "thi-xa-vinh-chau",
        "Hộ gia đình ông Kim Sà Rết làm giàu từ củ hành tím",
        "Gia đình trồng hành tím Vĩnh Châu, thu nhập 500 triệu đồng mỗi năm.",
        "household",
        "ho-gia-dinh-san-xuat-gioi",
        2020,
    ),
    (
        "soc-trang",
        "thanh-pho-soc-trang",
        "Thanh niên Sóc Trăng tình nguyện vì cộng đồng",
        "Đoàn viên phường 5 thắp sáng đường quê.",
        "collective",
        "nguoi-tot-viec-tot",
        2020,
    ),
    (
        "dong",
        "huyen-chau-thanh",
        "Ông Nguyễn Văn Đồng và mô hình nuôi bò vỗ béo",
        "Mô hình giúp nhiều hộ nghèo ở xã Phú Tâm có thu nhập ổn định.",
        "individual",
        "san-xuat-kinh-doanh",
        2019,
    ),
    (
        "khoa-hoc",
        "so-khoa-hoc-va-cong-nghe",
        "Kỹ sư Hồ Quang Cua và giống lúa ST25",
        "Nhà khoa học đã cống hiến cho quê hương Sóc Trăng giống lúa ngon nhất thế giới.",
        "individual",
        "nhan-si-tri-thuc-nha-khoa-hoc",
        2019,
    ),
    (
        "an-ninh",
        "huyen-long-phu",
        "Tổ tự quản an ninh trật tự ven sông Hậu",
        "Tổ tuần tra giữ bình yên cho xóm làng.",
        "collective",
        "quoc-phong-an-ninh",
        2020,
    ),
    (
        "thuy",
        "huyen-cu-lao-dung",
        "Chị Lê Thị Thuý làm kinh tế giỏi ở Cù Lao Dung",
        "Chị Thúy trồng mía và nuôi cá, giúp chị em phụ nữ cùng làm.",
        "individual",
        "san-xuat-kinh-doanh",
        2020,
    ),
]


@pytest.fixture
def corpus(newsroom):
    """A fixed Vietnamese corpus, published so that it is indexed as readers would find it."""
    pages = {}
    for key, section_slug, title, summary, subject_kind, field_slug, year in STORIES:
        section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=section_slug)
        page = ExemplarPageFactory(
            parent=section, title=title, summary=summary, subject_kind=subject_kind, first_published_at=at(year, 6)
        )
        page.fields.set([Field.objects.get(slug=field_slug)])
        pages[key] = published(page)
    campaign_index = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    pages["campaign"] = published(
        CampaignPageFactory(
            parent=campaign_index,
            title="Phong trào thi đua Sóc Trăng chung sức xây dựng nông thôn mới",
            summary="Phát động toàn tỉnh từ năm 2016.",
            first_published_at=at(2019, 3),
        )
    )
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"))
    pages["article"] = published(
        ColumnArticlePageFactory(
            parent=column,
            title="Người điển hình của vùng đất giồng cát",
            summary="Phóng sự về nông dân Vĩnh Châu.",
            first_published_at=at(2020, 8),
        )
    )
    pages["about"] = published(
        StandardPageFactory(
            parent=HomePage.objects.filter(locale__language_code="vi").get(),
            title="Hướng dẫn gửi bài điển hình",
            slug="huong-dan",
            intro="Các đơn vị gửi bài về Ban Thi đua - Khen thưởng.",
        )
    )
    # The about page setup_newsroom makes, which mentions the province.
    pages["gioi-thieu"] = (
        HomePage.objects.filter(locale__language_code="vi").get().get_children().get(slug="gioi-thieu")
    )
    draft = ExemplarPageFactory(
        parent=UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach"),
        title="Bản nháp điển hình chưa duyệt",
        live=False,
    )
    draft.save_revision()
    pages["draft"] = draft
    return pages
