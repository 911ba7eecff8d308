"""The demo content: loads into a set-up newsroom, covers what the plan names, lives in the day it is
loaded (periods met up to the current one, work waiting at each step), tells each story through a
unit that could have written it, never repeats a title, and loads once."""

import datetime
import io
import unicodedata
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import TaskState, WorkflowState

from campaigns.models import CampaignPage, HonouringEventPage
from columns.models import ColumnArticlePage, ColumnPage
from commendations.models import CommendationProposal, ProposalStatus
from demo.images import image_alts
from demo.places import DISTRICTS
from demo.plan import build_plan
from demo.stories import sections_by_unit
from exemplars.models import ExemplarAward, ExemplarKind, ExemplarPage, Field, ReplicationPage, SubjectKind
from reports.contributions import MET, PENDING, contribution_report
from search.models import SearchEntry
from submissions.models import Nomination, NominationStatus
from units.models import Unit, UnitKind

# What a story of each provincial unit talks about: one of these appears in its title, position or summary.
SECTOR_WORDS = {
    "so-y-te": ("y tế", "bác sĩ", "bệnh", "điều dưỡng"),
    "so-giao-duc-va-dao-tao": ("trường", "giáo", "học sinh"),
    "so-nong-nghiep-va-phat-trien-nong-thon": ("nông", "lúa", "tôm", "vườn", "hợp tác xã"),
    "so-khoa-hoc-va-cong-nghe": ("khoa học", "kỹ sư", "nghiên cứu"),
    "so-ke-hoach-va-dau-tu": ("hợp tác xã", "doanh nghiệp"),
    "so-cong-thuong": ("khuyến công", "thương mại", "khởi nghiệp", "công nghiệp"),
    "so-tai-chinh": ("ngân sách", "tài chính", "tài sản công"),
    "so-giao-thong-van-tai": ("giao thông", "đường", "cầu"),
    "so-xay-dung": ("xây dựng", "quy hoạch", "nhà"),
    "so-tai-nguyen-va-moi-truong": ("môi trường", "quan trắc"),
    "so-thong-tin-va-truyen-thong": ("chuyển đổi số", "công nghệ số"),
    "so-lao-dong-thuong-binh-va-xa-hoi": ("nghề", "chính sách"),
    "so-noi-vu": ("cải cách hành chính", "thi đua"),
    "ban-dan-toc": ("khmer", "dân tộc", "dù kê"),
    "van-phong-ubnd-tinh": ("hành chính công", "cổng thông tin"),
    "thanh-tra-tinh": ("thanh tra",),
    "so-tu-phap": ("hòa giải", "pháp lý", "pháp luật"),
    "so-van-hoa-the-thao-va-du-lich": ("dù kê", "ghe ngo", "nghệ thuật"),
    "uy-ban-mttq-viet-nam-tinh": ("mttq", "nông thôn mới", "từ thiện", "suất cơm", "hiến đất", "con đường"),
    "lien-doan-lao-dong-tinh": ("công nhân", "công đoàn"),
    "tinh-doan": ("thanh niên", "đoàn", "học sinh"),
    "hoi-lien-hiep-phu-nu-tinh": ("phụ nữ", "hội viên"),
    "hoi-nong-dan-tinh": ("nông dân", "vườn", "tôm", "lúa", "hợp tác xã"),
    "hoi-cuu-chien-binh-tinh": ("cựu chiến binh", "tòng quân", "cách mạng"),
}


def counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"wagtailcore", "wagtailimages", "wagtailmedia", "exemplars", "campaigns", "columns", "auth"}
        and not model._meta.label.endswith(("Rendition", "ReferenceIndex", "Session"))
    }


def plan_for(today):
    units = [section.unit for section in sections_by_unit().values() if section.unit.is_contributing]
    return build_plan(units, image_alts(), today)


@pytest.mark.django_db
def test_the_plan_reaches_the_current_month_without_repeating_a_title(newsroom):
    today = datetime.date(2026, 12, 7)
    plan = plan_for(today)

    assert 1500 <= len(plan) <= 2500
    titles = [story.title for story in plan]
    assert [title for title, n in Counter(titles).items() if n > 1] == []
    live = [story for story in plan if story.status == "live"]
    assert min(story.published_at for story in live).date() >= datetime.date(2019, 9, 4)
    assert max(story.published_at for story in live).date() <= today
    months = {(story.published_at.year, story.published_at.month) for story in live}
    assert (2026, 12) in months and (2023, 6) in months
    assert all(unicodedata.is_normalized("NFC", story.title + story.summary) for story in plan)


@pytest.mark.django_db
def test_every_story_is_told_by_a_unit_that_could_have_written_it(newsroom):
    kinds = dict(Unit.objects.values_list("slug", "kind"))
    for story in plan_for(datetime.date(2026, 12, 7)):
        if kinds[story.unit_slug] == UnitKind.DISTRICT:
            # A district tells of its own communes, wards and townships.
            district, communes = DISTRICTS[story.unit_slug]
            assert story.locality.endswith(f", {district}"), (story.unit_slug, story.title, story.locality)
            assert story.locality.split(", ")[0] in {f"{kind} {name}" for kind, name in communes}
        else:
            text = f"{story.title} {story.position} {story.summary}".lower()
            assert any(word in text for word in SECTOR_WORDS[story.unit_slug]), (story.unit_slug, story.title)


@pytest.mark.django_db
def test_a_later_month_only_adds_stories(newsroom):
    december = {(s.unit_slug, s.slug): s.title for s in plan_for(datetime.date(2026, 12, 7)) if s.status == "live"}
    january = {(s.unit_slug, s.slug): s.title for s in plan_for(datetime.date(2027, 1, 12))}
    assert december.items() <= january.items()
    assert len(january) > len(december)


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates(newsroom, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = datetime.date(2021, 2, 10)
    call_command("load_demo_content", "--no-progress", f"--today={today}", stdout=io.StringIO())
    first = counts()
    call_command("load_demo_content", "--no-progress", f"--today={today}", stdout=io.StringIO())
    assert counts() == first

    live = ExemplarPage.objects.live()
    assert live.count() >= 300
    titles = list(ExemplarPage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    assert set(live.values_list("kind", flat=True)) == set(ExemplarKind.values)
    assert set(live.values_list("subject_kind", flat=True)) == set(SubjectKind.values)
    assert set(Field.objects.filter(stories__live=True).values_list("slug", flat=True)) == set(
        Field.objects.values_list("slug", flat=True)
    )
    assert {UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.MASS_ORGANISATION} <= set(
        live.values_list("unit__kind", flat=True)
    )
    dates = [when.date() for when in live.values_list("first_published_at", flat=True)]
    assert {date.year for date in dates} == {2019, 2020, 2021}
    assert max(dates) <= today and max(dates) >= datetime.date(2021, 2, 1)
    assert CampaignPage.objects.live().count() == 4
    assert HonouringEventPage.objects.live().count() >= 4
    assert ColumnPage.objects.live().count() == 4
    assert ColumnArticlePage.objects.live().exclude(media=None).exists()
    # Published the way editors publish, so readers can search it at once.
    assert SearchEntry.objects.filter(kind="story").count() == live.count()
    assert live.filter(live_revision__isnull=True).count() == 0

    # From story to commendation and replication (issue 17): proposals in every state, decisions
    # whose awards the stories now carry, nominations drafted and waiting, models taken up.
    proposals = CommendationProposal.objects.all()
    assert set(proposals.values_list("status", flat=True)) == set(ProposalStatus.values)
    for decided in proposals.filter(status=ProposalStatus.DECIDED):
        assert ExemplarAward.objects.filter(page=decided.story, decision_number=decided.decision_number).exists()
        assert decided.story.live_revision_id == decided.award_revision_id
    drafted = Nomination.objects.get(nominee_name="Lâm Thị Sa Rên")
    assert drafted.status == NominationStatus.STORY and not drafted.story.live
    assert drafted.story.get_parent().specific.unit.slug == "huyen-my-tu"
    assert Nomination.objects.filter(status=NominationStatus.NEW).count() >= 2
    records = ReplicationPage.objects.filter(locale__language_code="vi")
    assert records.live().count() >= 9 and records.filter(live=False).count() == 1


@pytest.mark.django_db
def test_demo_has_work_at_each_step_and_one_story_sent_back(newsroom, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", "--no-progress", "--today=2020-05-20", stdout=io.StringIO())

    waiting = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__status="in_progress")
    steps = Counter(waiting.values_list("task__name", flat=True))
    assert steps["Lãnh đạo đơn vị duyệt"] >= 1
    assert steps["Ban Thi đua - Khen thưởng duyệt và xuất bản"] >= 1
    sent_back = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert sent_back.count() == 1
    rejected = TaskState.objects.get(workflow_state=sent_back.get(), status=TaskState.STATUS_REJECTED)
    assert rejected.comment.startswith("Đề nghị đơn vị bổ sung")
    # The story sent back waits for its unit's demo contributor, dated in the current period.
    story = ExemplarPage.objects.get(pk=sent_back.get().object_id)
    assert story.unit.slug == "huyen-ke-sach"
    assert story.first_submitted_at.date() <= datetime.date(2020, 5, 20)

    # Most units met the last finished period; a few have nothing yet in the current one.
    report = contribution_report(2020, today=datetime.date(2020, 5, 20))
    previous = [r.result_for_month(4 if r.unit.kind == UnitKind.DISTRICT else 3) for r in report]
    assert sum(result.status == MET for result in previous) >= 0.8 * len(report)
    current = [r.result_for_month(5) for r in report]
    behind = [result for result in current if result.status == PENDING]
    assert 1 <= len(behind) <= 8
    assert sum(result.status == MET for result in current) >= 0.6 * len(report)
