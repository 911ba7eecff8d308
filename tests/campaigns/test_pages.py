import pytest

from campaigns.models import CampaignIndexPage
from tests.factories import CampaignPageFactory, ExemplarPageFactory, HonouringEventPageFactory


@pytest.mark.django_db
def test_campaign_page_lists_its_stories_and_events(client, section, newsroom):
    index = CampaignIndexPage.objects.filter(locale__language_code="vi").get()
    campaign = CampaignPageFactory(
        parent=index, title="Sóc Trăng chung sức xây dựng nông thôn mới", document_number="67/KH-UBND"
    )
    story = ExemplarPageFactory(parent=section, title="Ấp văn hóa Phước Hòa", campaign=campaign)
    ExemplarPageFactory(parent=section, title="Câu chuyện của phong trào khác")
    event = HonouringEventPageFactory(parent=campaign, title="Hội nghị tổng kết phong trào năm 2020")
    event.exemplars.set([story])
    event.save_revision().publish()

    html = client.get(campaign.url).content.decode()
    assert "Ấp văn hóa Phước Hòa" in html
    assert "Câu chuyện của phong trào khác" not in html
    assert "Hội nghị tổng kết phong trào năm 2020" in html
    assert "67/KH-UBND" in html

    assert "Sóc Trăng chung sức xây dựng nông thôn mới" in client.get(index.url).content.decode()
    event_html = client.get(event.url).content.decode()
    assert "Hội trường UBND tỉnh Sóc Trăng" in event_html and "Ấp văn hóa Phước Hòa" in event_html
