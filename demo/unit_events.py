"""A unit's own honouring event in the demo: Huyện Kế Sách's year-end review of last year.

Plan II.3 asks units to honour their exemplars at their own half-year and year-end reviews; a
district records the event in its section of the exemplar index, and the Board's approval
publishes it. The demo shows one, dated relative to the day it runs (last December), honouring
the district's latest live stories, so the section page lists it and those stories say where they
were honoured.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.images import get_image_model

from campaigns.models import EventKind, HonouringEventPage
from exemplars.models import ExemplarPage, UnitSectionPage

UNIT_SLUG = "huyen-ke-sach"
RECORDED_BY = "kesach-approver"
PUBLISHED_BY = "board"
HONOURED = 4
# The demo's pictures of a ceremony (demo/images.py, motif "hall"), found by their title.
PHOTO_TITLE = "Tôn vinh điển hình tiên tiến"
LABEL = "unit honouring events"


def ensure_unit_events(tally, today=None):
    """Kế Sách's year-end review of last year, published; nothing when it is already there."""
    section = UnitSectionPage.objects.filter(unit__slug=UNIT_SLUG, locale__language_code="vi").first()
    if section is None:
        return None
    year = (today or timezone.localdate()).year - 1
    slug = f"hoi-nghi-tong-ket-thi-dua-nam-{year}"
    existing = HonouringEventPage.objects.child_of(section).filter(slug=slug).first()
    if existing is not None:
        tally.record(LABEL, "unchanged")
        return existing

    held_on = datetime.date(year, 12, 18)
    held_at = timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(8, 0)))
    honoured = _latest_live_stories(section, held_at)
    users = get_user_model().objects.in_bulk([RECORDED_BY, PUBLISHED_BY], field_name="username")
    event = HonouringEventPage(
        title=f"Hội nghị tổng kết phong trào thi đua yêu nước năm {year} huyện Kế Sách",
        slug=slug,
        kind=EventKind.YEAR_END_REVIEW,
        date=held_on,
        place="Hội trường Ủy ban nhân dân huyện Kế Sách, thị trấn Kế Sách",
        description=(
            f"<p>Sáng ngày 18/12/{year}, Ủy ban nhân dân huyện Kế Sách tổ chức Hội nghị tổng kết phong trào "
            f"thi đua yêu nước năm {year} và triển khai nhiệm vụ năm {year + 1}. Thực hiện Kế hoạch 123/KH-UBND "
            f"của UBND tỉnh, hội nghị biểu dương {len(honoured)} gương điển hình tiên tiến, mô hình mới, nhân tố "
            "mới của huyện đã được giới thiệu trên trang Gương điển hình tiên tiến Sóc Trăng.</p>"
            "<p>Các điển hình chia sẻ cách làm hay, kinh nghiệm vượt khó trong sản xuất, xây dựng nông thôn mới "
            "và giữ gìn an ninh trật tự ở ấp, xã; Chủ tịch UBND huyện trao giấy khen cho các tập thể, cá nhân.</p>"
        ),
        photos=_photos(honoured),
        owner=users.get(RECORDED_BY),
    )
    event.exemplars = honoured
    published_at = held_at + datetime.timedelta(days=2)
    event.first_published_at = published_at
    section.add_child(instance=event)
    # Recorded by the district's approver; published by the Board, the workflow's last step.
    event.save_revision(user=users.get(RECORDED_BY)).publish(user=users.get(PUBLISHED_BY))
    HonouringEventPage.objects.filter(pk=event.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    tally.record(LABEL, "created")
    return event


def _latest_live_stories(section, before):
    """The section's latest live stories introduced before ``before``, oldest first."""
    stories = ExemplarPage.objects.live().child_of(section).filter(first_published_at__lt=before)
    return list(reversed(stories.order_by("-first_published_at", "-pk")[:HONOURED]))


def _photos(honoured):
    """The demo's ceremony pictures, or else the honoured stories' own pictures."""
    images = list(get_image_model().objects.filter(title__startswith=PHOTO_TITLE).order_by("title")[:2])
    images = images or [story.main_image for story in honoured if story.main_image_id][:2]
    return [
        {
            "type": "photo",
            "value": {"image": image.pk, "decorative": False, "alt_text": image.description or image.title},
        }
        for image in images
    ]
