"""The four demo campaigns (phong trào thi đua) and the events at which their exemplars are honoured.

The national campaigns' documents are the Prime Minister's decisions as published; the
province's campaign is Kế hoạch 67/KH-UBND (05/9/2016), named by the plan of 2019.
"""

import datetime

from campaigns.models import CampaignIndexPage, CampaignPage, HonouringEventPage
from demo.pages import ensure_published_child
from demo.plan import TZ

D = datetime.date
# When the demo site "opened": campaigns are published then.
SITE_OPENED = datetime.datetime(2019, 1, 7, 8, 0, tzinfo=TZ)

CAMPAIGNS = [
    {
        "key": "thi-dua-yeu-nuoc",
        "slug": "phong-trao-thi-dua-yeu-nuoc-giai-doan-2016-2020",
        "title": "Phong trào thi đua yêu nước giai đoạn 2016-2020",
        "launched_by": "UBND tỉnh Sóc Trăng",
        "document_number": "Kế hoạch số 67/KH-UBND",
        "document_date": D(2016, 9, 5),
        "start_date": D(2016, 9, 5),
        "end_date": D(2020, 12, 31),
        "summary": "Phong trào thi đua yêu nước của tỉnh Sóc Trăng trong 5 năm 2016-2020, gắn với việc thực hiện "
        "Chỉ thị 34-CT/TW của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.",
        "goals": [
            "Phát hiện, bồi dưỡng, tổng kết và nhân rộng các gương điển hình tiên tiến",
            "Hoàn thành thắng lợi các chỉ tiêu phát triển kinh tế - xã hội của tỉnh giai đoạn 2016-2020",
            "Đổi mới nội dung, hình thức tổ chức các phong trào thi đua ở cơ sở",
        ],
        "events": [
            {
                "slug": "toa-dam-hoc-tap-va-lam-theo-bac-2019",
                "title": "Tọa đàm học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "kind": "seminar",
                "date": D(2019, 5, 17),
                "place": "Hội trường Tỉnh ủy Sóc Trăng",
                "photos": ["meeting-1", "meeting-2"],
            },
            {
                "slug": "hoi-nghi-tong-ket-phong-trao-thi-dua-yeu-nuoc-2016-2020",
                "title": "Hội nghị tổng kết phong trào thi đua yêu nước giai đoạn 2016-2020",
                "kind": "conference",
                "date": D(2020, 9, 24),
                "place": "Hội trường UBND tỉnh Sóc Trăng",
                "photos": ["hall-1", "hall-2"],
            },
        ],
    },
    {
        "key": "nong-thon-moi",
        "slug": "ca-nuoc-chung-suc-xay-dung-nong-thon-moi",
        "title": "Cả nước chung sức xây dựng nông thôn mới",
        "launched_by": "Thủ tướng Chính phủ",
        "document_number": "Quyết định số 1730/QĐ-TTg",
        "document_date": D(2016, 9, 5),
        "start_date": D(2016, 9, 5),
        "end_date": D(2020, 12, 31),
        "summary": "Phong trào thi đua giai đoạn 2016-2020 huy động cả hệ thống chính trị và người dân chung sức "
        "xây dựng nông thôn mới. Ở Sóc Trăng, nhiều xã đã về đích nhờ sức dân.",
        "goals": [
            "Đến năm 2020 có ít nhất 50% số xã đạt chuẩn nông thôn mới",
            "Nâng cao thu nhập và đời sống vật chất, tinh thần của người dân nông thôn",
            "Phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới",
        ],
        "events": [
            {
                "slug": "toa-dam-nong-dan-chung-suc-xay-dung-nong-thon-moi",
                "title": "Tọa đàm nông dân Sóc Trăng chung sức xây dựng nông thôn mới",
                "kind": "seminar",
                "date": D(2019, 11, 14),
                "place": "Hội trường UBND huyện Kế Sách",
                "organiser": "UBND huyện Kế Sách phối hợp với Hội Nông dân tỉnh",
                "photos": ["rice-1", "road-2"],
            },
            {
                "slug": "bieu-duong-dien-hinh-xay-dung-nong-thon-moi-2020",
                "title": "Hội nghị biểu dương điển hình tiên tiến trong xây dựng nông thôn mới",
                "kind": "conference",
                "date": D(2020, 10, 22),
                "place": "Hội trường UBND tỉnh Sóc Trăng",
                "photos": ["hall-1", "road-1"],
            },
        ],
    },
    {
        "key": "vi-nguoi-ngheo",
        "slug": "ca-nuoc-chung-tay-vi-nguoi-ngheo",
        "title": "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "launched_by": "Thủ tướng Chính phủ",
        "document_number": "Quyết định số 1258/QĐ-TTg",
        "document_date": D(2017, 8, 21),
        "start_date": D(2017, 8, 21),
        "end_date": D(2020, 12, 31),
        "summary": "Phong trào thi đua giai đoạn 2016-2020 vì mục tiêu giảm nghèo bền vững. Các tập thể, cá nhân, "
        "hộ gia đình ở Sóc Trăng đã góp công, góp của giúp hộ nghèo, nhất là đồng bào dân tộc thiểu số.",
        "goals": [
            "Giảm tỷ lệ hộ nghèo bình quân 1-1,5% mỗi năm, riêng hộ nghèo dân tộc thiểu số giảm 3-4% mỗi năm",
            "Vận động xây dựng nhà đại đoàn kết cho hộ nghèo",
            "Không để ai bị bỏ lại phía sau",
        ],
        "events": [
            {
                "slug": "giao-luu-dien-hinh-chung-tay-vi-nguoi-ngheo-2020",
                "title": "Giao lưu điển hình tiên tiến chung tay vì người nghèo",
                "kind": "exchange",
                "date": D(2020, 10, 16),
                "place": "Hội trường Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng",
                "organiser": "Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng",
                "photos": ["volunteer-1", "volunteer-2"],
            },
        ],
    },
    {
        "key": "doanh-nghiep",
        "slug": "doanh-nghiep-viet-nam-hoi-nhap-va-phat-trien",
        "title": "Doanh nghiệp Việt Nam hội nhập và phát triển",
        "launched_by": "Thủ tướng Chính phủ",
        # The Prime Minister's decision could not be confirmed: left for the Board to fill in.
        "document_number": "",
        "document_date": None,
        "start_date": D(2016, 1, 1),
        "end_date": D(2020, 12, 31),
        "summary": "Phong trào thi đua giai đoạn 2016-2020 khuyến khích doanh nghiệp, hợp tác xã và hộ kinh doanh "
        "đổi mới sáng tạo, nâng cao năng lực cạnh tranh và chăm lo cho người lao động.",
        "goals": [
            "Cải thiện môi trường đầu tư, kinh doanh của tỉnh",
            "Phát triển hợp tác xã kiểu mới và doanh nghiệp khởi nghiệp",
            "Chăm lo đời sống, việc làm của người lao động",
        ],
        "events": [
            {
                "slug": "gap-mat-doanh-nghiep-doanh-nhan-tieu-bieu-2019",
                "title": "Gặp mặt, biểu dương doanh nghiệp, doanh nhân tiêu biểu nhân Ngày Doanh nhân Việt Nam",
                "kind": "conference",
                "date": D(2019, 10, 11),
                "place": "Hội trường UBND tỉnh Sóc Trăng",
                "photos": ["cooperative-1", "market-2"],
            },
        ],
    },
]

EVENT_VERB = {"conference": "tổ chức hội nghị", "seminar": "tổ chức tọa đàm", "exchange": "tổ chức buổi giao lưu"}
HONOURED_PER_EVENT = 6


def _body(spec):
    return [
        {"type": "paragraph", "value": f"<p>{spec['summary']}</p>"},
        {"type": "heading", "value": "Triển khai ở Sóc Trăng"},
        {
            "type": "paragraph",
            "value": "<p>Các sở, ban, ngành, đoàn thể tỉnh và UBND các huyện, thị xã, thành phố đã xây dựng kế hoạch "
            "thực hiện, đăng ký thi đua và giới thiệu các gương điển hình tiên tiến trên trang này. Ban Thi đua - "
            "Khen thưởng theo dõi, tổng hợp kết quả và đề xuất khen thưởng kịp thời.</p>",
        },
    ]


def _campaign_phrase(title):
    if title.startswith("Phong trào"):
        return "p" + title[1:]
    return f"phong trào thi đua “{title}”"


def ensure_campaigns(tally):
    """The demo campaigns, by key (without their events, which need the stories)."""
    index = CampaignIndexPage.objects.filter(locale__language_code="vi").first()
    campaigns = {}
    for spec in CAMPAIGNS:
        page = CampaignPage(
            title=spec["title"],
            slug=spec["slug"],
            launched_by=spec["launched_by"],
            document_number=spec["document_number"],
            document_date=spec["document_date"],
            start_date=spec["start_date"],
            end_date=spec["end_date"],
            summary=spec["summary"],
            goals="<ul>" + "".join(f"<li>{goal}</li>" for goal in spec["goals"]) + "</ul>",
            body=_body(spec),
        )
        campaigns[spec["key"]] = ensure_published_child(index, page, SITE_OPENED, tally, "campaigns")
    return campaigns


def ensure_events(campaigns, stories_by_campaign, images, tally):
    """Each campaign's honouring events, honouring its live stories published before the event."""
    for spec in CAMPAIGNS:
        campaign = campaigns[spec["key"]]
        for event in spec["events"]:
            when = datetime.datetime.combine(event["date"], datetime.time(16, 0), tzinfo=TZ)
            earlier = [page for page in stories_by_campaign.get(spec["key"], []) if page.first_published_at < when]
            honoured = earlier[-HONOURED_PER_EVENT:]
            page = HonouringEventPage(
                title=event["title"],
                slug=event["slug"],
                kind=event["kind"],
                date=event["date"],
                place=event["place"],
                description=f"<p>Thực hiện {_campaign_phrase(campaign.title)}, "
                f"{event.get('organiser', 'UBND tỉnh Sóc Trăng')} {EVENT_VERB[event['kind']]} tại {event['place']}. "
                f"{len(honoured)} gương điển hình tiên tiến đã chia sẻ cách làm hay và được biểu dương, khen thưởng.</p>",
                photos=[
                    {
                        "type": "photo",
                        "value": {"image": images[key].pk, "decorative": False, "alt_text": images[key].description},
                    }
                    for key in event["photos"]
                ],
            )
            page.exemplars = honoured
            ensure_published_child(campaign, page, when, tally, "honouring events")
