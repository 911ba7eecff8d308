"""From story to commendation and replication in the demo (issue 17), dated relative to the day it runs.

Public nominations: one the Board drafted into Huyện Mỹ Tú's section, one linked to the story that
already told it, one declined, two waiting. Commendation proposals in every state: proposed by
Kế Sách's approver, sent to the council, two decided (their awards published on the stories, so
the hall of honour lists them), one declined, one from a nomination. Two models taken up in other
communes and districts (live records, and one still in moderation), so a story says "Nhân rộng ở
… xã". Everything goes through the same functions as the admin: the draft, the decisions and the
awards leave the history a user would leave.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from commendations.models import CommendationProposal
from commendations.proposals import Decision, board_unit, decide, decline, fill_from_source, send_to_council
from exemplars.models import AwardType, ExemplarKind, ExemplarPage, Field, ReplicationPage, ScaleUnit, UnitSectionPage
from submissions.models import Nomination, NominationStatus
from submissions.story_drafts import create_draft_story, link_story
from units.models import Unit

BOARD, KESACH_APPROVER, KESACH_CONTRIBUTOR = "board", "kesach-approver", "kesach-contributor"
MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
COMMENDATION = "Giấy khen"
SIGNER = "Phó Chủ tịch UBND tỉnh Lâm Hoàng Nghiệp"
AWARDED_BY = "Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng"

# (nominee, kind, unit slug, address, field slug, achievements, nominator, status)
NOMINATIONS = [
    (
        "Lâm Thị Sa Rên",
        "individual",
        "huyen-my-tu",
        "ấp Tam Sóc, xã Mỹ Thuận, huyện Mỹ Tú",
        "ho-gia-dinh-san-xuat-gioi",
        "Chị Lâm Thị Sa Rên chuyển 1,2 ha đất lúa kém hiệu quả sang trồng màu luân canh, thu nhập mỗi năm "
        "hơn 300 triệu đồng.\nChị hướng dẫn miễn phí cho 15 hộ đồng bào Khmer trong ấp cách làm đất, chọn "
        "giống và bao tiêu sản phẩm.",
        "Thạch Sô Khên",
        "draft",
    ),
    (
        "Tổ hợp tác nuôi tôm càng xanh ấp Phú Hữu",
        "collective",
        "huyen-ke-sach",
        "ấp Phú Hữu, xã An Lạc Tây, huyện Kế Sách",
        "san-xuat-kinh-doanh",
        "Tổ hợp tác 12 thành viên nuôi tôm càng xanh xen canh trên ruộng lúa, mỗi vụ lãi bình quân "
        "60 triệu đồng một hộ.",
        "Nguyễn Văn Tám",
        "link",
    ),
    (
        "Trần Quốc Khởi",
        "individual",
        "huyen-my-tu",
        "xã Long Hưng, huyện Mỹ Tú",
        "nguoi-tot-viec-tot",
        "Ông Trần Quốc Khởi hiến 600 m² đất và vận động bà con góp tiền làm 2 cây cầu bê tông liên ấp.",
        "Lý Thị Mỹ Hạnh",
        "waiting",
    ),
    (
        "Hộ ông Danh Sà Rây",
        "household",
        "huyen-my-tu",
        "ấp Phương Hòa, xã Phú Mỹ, huyện Mỹ Tú",
        "xay-dung-nong-thon-moi",
        "Gia đình ông Danh Sà Rây nuôi bò vỗ béo kết hợp trồng cỏ, thoát nghèo từ năm 2021 và giúp 4 hộ "
        "lân cận có bò giống.",
        "Sơn Thị Hồng",
        "waiting",
    ),
    (
        "Phạm Văn Út",
        "individual",
        "huyen-ke-sach",
        "xã Ba Trinh, huyện Kế Sách",
        "san-xuat-kinh-doanh",
        "Đề nghị biểu dương ông Phạm Văn Út.",
        "Phạm Văn Út",
        "declined",
    ),
]

# A model taken up elsewhere: the story's unit, then the adopting records as
# (adopting unit slug, commune, district, days ago, scale, unit of measure, live?).
REPLICATED_MODELS = {
    "huyen-ke-sach": [
        ("huyen-ke-sach", "xã An Lạc Thôn", "huyện Kế Sách", 300, "45", ScaleUnit.HOUSEHOLDS, True),
        ("huyen-ke-sach", "xã Phong Nẫm", "huyện Kế Sách", 240, "32", ScaleUnit.HOUSEHOLDS, True),
        ("huyen-ke-sach", "xã Ba Trinh", "huyện Kế Sách", 180, "18,5", ScaleUnit.HECTARES, True),
        ("huyen-ke-sach", "xã Trinh Phú", "huyện Kế Sách", 120, "27", ScaleUnit.HOUSEHOLDS, True),
        ("huyen-my-tu", "xã Mỹ Thuận", "huyện Mỹ Tú", 90, "12", ScaleUnit.HECTARES, True),
        ("huyen-my-tu", "xã Long Hưng", "huyện Mỹ Tú", 60, "20", ScaleUnit.MEMBERS, True),
        ("huyen-long-phu", "", "", 45, "150", ScaleUnit.HOUSEHOLDS, True),
        ("huyen-ke-sach", "xã Xuân Hòa", "huyện Kế Sách", 10, "16", ScaleUnit.HOUSEHOLDS, False),
    ],
    "so-y-te": [
        ("huyen-my-xuyen", "", "huyện Mỹ Xuyên", 150, "", "", True),
        ("thi-xa-vinh-chau", "phường Khánh Hòa", "thị xã Vĩnh Châu", 75, "3", ScaleUnit.OTHER, True),
    ],
}
LABEL_NOMINATIONS = "nominations"
LABEL_PROPOSALS = "commendation proposals"
LABEL_RECORDS = "replication records"


def ensure_commendations(tally, today=None):
    """The nominations, proposals and replication records above; nothing when they are there."""
    today = today or timezone.localdate()
    if CommendationProposal.objects.exists():
        tally.record(LABEL_PROPOSALS, "unchanged")
        return
    users = get_user_model().objects.in_bulk([BOARD, KESACH_APPROVER, KESACH_CONTRIBUTOR], field_name="username")
    board = users[BOARD]
    nominations = _nominations(board, tally)
    _proposals(users, nominations, today, tally)
    _replications(users, today, tally)


def _section(unit_slug):
    return UnitSectionPage.objects.get(unit__slug=unit_slug, locale__language_code="vi")


def _live_stories(unit_slug, **filters):
    stories = ExemplarPage.objects.live().filter(unit__slug=unit_slug, locale__language_code="vi", **filters)
    return list(stories.order_by("-first_published_at", "-pk"))


def _nominations(board, tally):
    fields = {field.slug: field for field in Field.objects.all()}
    units = {unit.slug: unit for unit in Unit.objects.filter(slug__in={n[2] for n in NOMINATIONS})}
    made = {}
    for name, kind, unit_slug, address, field_slug, achievements, nominator, status in NOMINATIONS:
        nomination = Nomination.objects.create(
            nominee_name=name,
            nominee_kind=kind,
            unit=units[unit_slug],
            address=address,
            field=fields.get(field_slug),
            achievements=achievements,
            nominator_name=nominator,
            language_code="vi",
        )
        if status == "draft":
            create_draft_story(nomination, _section(unit_slug), board)
        elif status == "link":
            link_story(nomination, _live_stories(unit_slug, subject_kind=kind)[0], board)
        elif status == "declined":
            nomination.status = NominationStatus.DECLINED
            nomination.board_notes = "Chưa nêu được thành tích cụ thể; đã hướng dẫn người giới thiệu bổ sung."
            nomination.save(update_fields=["status", "board_notes"])
        made[name] = nomination
        tally.record(LABEL_NOMINATIONS, "created")
    return made


def _award(name):
    return AwardType.objects.get(name=name)


def _propose(user, proposing_unit, award_type, reason, days_ago, today, story=None, nomination=None):
    proposal = CommendationProposal(
        story=story,
        nomination=nomination,
        award_type=award_type,
        proposing_unit=proposing_unit,
        reason=reason,
        proposed_by=user,
        proposed_at=_at(today, days_ago),
    )
    fill_from_source(proposal)
    proposal.save()
    return proposal


def _at(today, days_ago):
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(9, 30))
    return timezone.make_aware(moment)


def _proposals(users, nominations, today, tally):
    board, approver = users[BOARD], users[KESACH_APPROVER]
    kesach, yte = _live_stories("huyen-ke-sach"), _live_stories("so-y-te")
    merit, commendation = _award(MERIT), _award(COMMENDATION)
    province_board = board_unit()
    kesach_unit = Unit.objects.get(slug="huyen-ke-sach")
    year = today.year

    def reason(story):
        return f"{story.summary} Thành tích tiêu biểu trong phong trào thi đua yêu nước năm {year}."

    _propose(approver, kesach_unit, commendation, reason(kesach[1]), 5, today, story=kesach[1])
    sent = _propose(board, province_board, merit, reason(yte[0]), 30, today, story=yte[0])
    send_to_council(sent, board)
    for number, story in enumerate((kesach[2], yte[1]), start=1):
        decided = _propose(board, province_board, merit, reason(story), 60 + number, today, story=story)
        send_to_council(decided, board)
        decision = Decision(
            number=f"{1200 + number * 37}/QĐ-UBND",
            date=today - datetime.timedelta(days=20 - number),
            signer=SIGNER,
            awarded_by=AWARDED_BY,
        )
        decide(decided, board, decision)
    declined = _propose(approver, kesach_unit, merit, reason(kesach[3]), 45, today, story=kesach[3])
    decline(declined, board, "Thành tích chưa đủ điều kiện đề nghị Bằng khen cấp tỉnh; đề nghị huyện xét Giấy khen.")
    waiting = nominations["Trần Quốc Khởi"]
    _propose(board, province_board, commendation, waiting.achievements, 2, today, nomination=waiting)
    for _proposal in range(6):
        tally.record(LABEL_PROPOSALS, "created")


def _replications(users, today, tally):
    board, contributor = users[BOARD], users[KESACH_CONTRIBUTOR]
    for model_unit, records in REPLICATED_MODELS.items():
        models = _live_stories(model_unit, kind=ExemplarKind.NEW_MODEL) or _live_stories(model_unit)
        story = models[0]
        for unit_slug, commune, district, days_ago, scale, measure, live in records:
            record = ReplicationPage(
                story=story,
                commune=commune,
                district=district,
                adopted_on=today - datetime.timedelta(days=days_ago),
                scale_value=Decimal(scale.replace(",", ".")) if scale else None,
                scale_unit=measure,
                scale_unit_other="trạm y tế áp dụng" if measure == ScaleUnit.OTHER else "",
                note="Theo báo cáo sơ kết của Ủy ban nhân dân xã." if commune else "",
            )
            section = _section(unit_slug)
            record.locale, record.unit = section.locale, section.unit
            record.live = live  # Wagtail adds a page live unless told otherwise
            record.has_unpublished_changes = not live
            record.title = record.default_title()
            section.add_child(instance=record)
            recorded_by = contributor if unit_slug == "huyen-ke-sach" else board
            revision = record.save_revision(user=recorded_by)
            if live:
                revision.publish(user=board)
            elif unit_slug == "huyen-ke-sach":
                # Waiting at Kế Sách's approval step, as a contributor's submission does.
                section.get_workflow().start(record, contributor)
            tally.record(LABEL_RECORDS, "created")
