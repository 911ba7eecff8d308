"""A story page shows everything the plan asks an exemplar article to carry."""

import pytest

from exemplars.models import AwardType, ExemplarAward, ExemplarRelatedStory, Field
from tests.factories import ExemplarPageFactory


@pytest.mark.django_db
def test_story_page_shows_subject_awards_fields_and_related_stories(client, section):
    story = ExemplarPageFactory(
        parent=section,
        title="Chị Lâm Thị Sóc Hà làm giàu từ mô hình nuôi tôm càng xanh",
        subject_name="Lâm Thị Sóc Hà",
        position="Hội viên Hội Nông dân xã",
        locality="ấp Phước Thuận, xã Phong Nẫm, huyện Kế Sách",
        body=[
            ("paragraph", "<p>Năm 2015, chị mạnh dạn chuyển đổi hai công ruộng.</p>"),
            ("quote", {"text": "Làm giàu không khó nếu chịu học hỏi.", "attribution": "Chị Sóc Hà"}),
            ("achievements", {"heading": "Thành tích", "items": ["Thu nhập 300 triệu đồng mỗi năm"]}),
        ],
    )
    story.fields.set([Field.objects.get(slug="ho-gia-dinh-san-xuat-gioi")])
    ExemplarAward.objects.create(
        page=story,
        award_type=AwardType.objects.get(name="Bằng khen của Chủ tịch UBND tỉnh"),
        year=2019,
        awarded_by="Chủ tịch UBND tỉnh Sóc Trăng",
        decision_number="Quyết định số 2456/QĐ-UBND",
    )
    related = ExemplarPageFactory(parent=section, title="Anh Danh Sà Rết nuôi bò vỗ béo")
    ExemplarRelatedStory.objects.create(page=story, story=related)
    story.save_revision().publish()

    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Lâm Thị Sóc Hà",
        "Hội viên Hội Nông dân xã",
        "ấp Phước Thuận, xã Phong Nẫm, huyện Kế Sách",
        "Huyện Kế Sách",
        "Hộ gia đình sản xuất giỏi",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Quyết định số 2456/QĐ-UBND",
        "Làm giàu không khó nếu chịu học hỏi.",
        "Thu nhập 300 triệu đồng mỗi năm",
        "Anh Danh Sà Rết nuôi bò vỗ béo",
        "https://www.facebook.com/sharer/sharer.php?u=",
    ]:
        assert text in html, text


@pytest.mark.django_db
def test_draft_story_is_not_served(client, section):
    draft = ExemplarPageFactory(parent=section, title="Chưa xuất bản", live=False)
    assert client.get(draft.url or f"/guong-dien-hinh/huyen-ke-sach/{draft.slug}/").status_code == 404
