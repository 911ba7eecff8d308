"""Stories in each state of the exemplar workflow, made through Wagtail's own workflow: submitted by a
contributor, approved (or sent back) by the unit's approvers, waiting at the Board's step."""

from django.core import mail

from exemplars.models import ExemplarPage, UnitSectionPage
from tests.factories import ExemplarPageFactory
from tests.helpers import at
from units.models import Role, Unit
from units.roles import add_member


def submitted(section, when, contributor, title=None):
    """A story of ``section`` submitted for moderation by ``contributor``, dated ``when`` (its first submission)."""
    fields = {"title": title} if title else {}
    page = ExemplarPageFactory(parent=section, live=False, first_published_at=None, **fields)
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)
    # The counting date is the first submission: set it as if the story had been submitted on ``when``.
    ExemplarPage.objects.filter(pk=page.pk).update(first_submitted_at=when)
    page.refresh_from_db()
    return page


def at_unit_step(section, when, contributor, title=None):
    page = submitted(section, when, contributor, title)
    mail.outbox.clear()  # the workflow's notifications are not what the tests look at
    return page


def at_board_step(section, when, contributor, approver, title=None):
    page = submitted(section, when, contributor, title)
    page.current_workflow_task_state.approve(user=approver)
    page.refresh_from_db()
    mail.outbox.clear()
    return page


def sent_back(section, when, contributor, approver, title=None):
    page = submitted(section, when, contributor, title)
    page.current_workflow_task_state.reject(user=approver, comment="Bổ sung ảnh và số liệu.")
    page.refresh_from_db()
    mail.outbox.clear()
    return page


def published_through_workflow(section, when, contributor, approver, board, title=None):
    """A story the unit approved and the Board published: it counts."""
    page = at_board_step(section, when, contributor, approver, title)
    page.current_workflow_task_state.approve(user=board)
    page.refresh_from_db()
    mail.outbox.clear()
    return page


def chau_thanh_staff(django_user_model):
    """Châu Thành's people: a contributor and an approver with addresses, a contributor without one,
    and a contributor who has left (inactive)."""
    unit = Unit.objects.get(slug="huyen-chau-thanh")
    people = {}
    for username, role, email, active in (
        ("chauthanh-contributor", Role.CONTRIBUTOR, "tranthimai.chauthanh@example.invalid", True),
        ("chauthanh-approver", Role.APPROVER, "lyvanhung.chauthanh@example.invalid", True),
        ("chauthanh-no-email", Role.CONTRIBUTOR, "", True),
        ("chauthanh-left", Role.CONTRIBUTOR, "danguyen.chauthanh@example.invalid", False),
    ):
        user = django_user_model.objects.create_user(username, email, "pw", is_active=active)
        add_member(user, role, unit)
        people[username] = user
    return people


def june_2020(staff, django_user_model):
    """Stories in every state around 25 June 2020 (five days before the end of June and of Q2):

    - Kế Sách (a story a month): one at the Board's step from 3 June, one from 15 March: both
      periods are awaiting the Board;
    - Châu Thành: one at its own step (10 June), one sent back (12 June): June is in progress;
    - Sở Y tế (a story a quarter): one submitted on 2 April, approved by both steps since: Q2 met.
    """
    ke_sach, chau_thanh, y_te = (section_of(slug) for slug in ("huyen-ke-sach", "huyen-chau-thanh", "so-y-te"))
    people = chau_thanh_staff(django_user_model)
    stories = {
        "ks-june": at_board_step(
            ke_sach, at(2020, 6, 3), staff["ks-contributor"], staff["ks-approver"], "Chị Lâm Thị Sa Rin nuôi tôm sạch"
        ),
        "ks-march": at_board_step(
            ke_sach, at(2020, 3, 15), staff["ks-contributor"], staff["ks-approver"], "Ông Sơn Ngọc Thành làm đường"
        ),
        "ct-unit": at_unit_step(chau_thanh, at(2020, 6, 10), people["chauthanh-contributor"], "Tổ hợp tác rau an toàn"),
        "ct-back": sent_back(
            chau_thanh,
            at(2020, 6, 12),
            people["chauthanh-contributor"],
            people["chauthanh-approver"],
            "Bà Thạch Thị Nương hiến đất",
        ),
        "yt-q2": published_through_workflow(
            y_te,
            at(2020, 4, 2),
            staff["yt-contributor"],
            staff["yt-approver"],
            staff["board"],
            "Bác sĩ Trần Văn Hòa khám bệnh miễn phí",
        ),
    }
    return stories, people


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)
