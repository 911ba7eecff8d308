"""The demo's unit honouring event: Huyện Kế Sách's year-end review of last year, honouring its live stories."""

import datetime

import pytest

from campaigns.models import HonouringEventPage
from core.seeding import Tally
from demo.unit_events import ensure_unit_events
from demo.users import ensure_demo_users
from tests.factories import ExemplarPageFactory
from tests.helpers import at, published


@pytest.mark.django_db
def test_demo_records_ke_sachs_year_end_review_once(client, section):
    ensure_demo_users()
    story = published(
        ExemplarPageFactory(parent=section, title="Ông Danh Sơn trồng sen", first_published_at=at(2025, 6))
    )
    ExemplarPageFactory(parent=section, title="Bản nháp chưa gửi duyệt", live=False)

    event = ensure_unit_events(Tally(), today=datetime.date(2026, 3, 2))
    again = Tally()
    ensure_unit_events(again, today=datetime.date(2026, 3, 2))

    event.refresh_from_db()
    assert event.live and event.get_parent().pk == section.pk
    assert (event.kind, event.date) == ("year_end_review", datetime.date(2025, 12, 18))
    assert list(event.exemplars.all()) == [story]
    assert event.owner.username == "kesach-approver"
    assert again == Tally({("unit honouring events", "unchanged"): 1})
    assert HonouringEventPage.objects.child_of(section).count() == 1
    assert event.title in client.get(story.url).content.decode()
