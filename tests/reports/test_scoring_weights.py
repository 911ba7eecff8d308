"""The Board weighs the yearly scoring: weights per year, adjustments with who and why, frozen once
the year is closed; nobody else touches them."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from columns.models import ColumnArticleFeaturedStory, OutletPage
from exemplars.models import UnitSectionPage
from reports.models import ScoreAdjustment, ScoringWeights
from reports.scoring import yearly_scores
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory, UnitFactory
from tests.helpers import at, published
from tests.units.exports import csv_rows, xlsx_sheet
from units.models import Unit

pytestmark = pytest.mark.django_db

YEAR = 2020
SCORING = "units_reports:scoring"
VHXH = "khoi-van-hoa-xa-hoi"
Y_TE, GIAO_DUC, DAN_TOC = "so-y-te", "so-giao-duc-va-dao-tao", "ban-dan-toc"
FORMULA_NOTE = '=HYPERLINK("http://evil.example/","Đăng cai hội nghị")'


def url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def section_of(slug):
    return UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)


def weights(year=YEAR, **values):
    fields = {"per_period_met": 10, "per_story_beyond_quota": 1, "per_story_featured": 5, "per_story_replicated": 3}
    fields.update(per_period_missed=5, **values)
    return ScoringWeights.objects.create(year=year, **fields)


def weights_form(**values):
    form = {
        "year": YEAR,
        "per_period_met": "10",
        "per_story_beyond_quota": "1",
        "per_story_featured": "5",
        "per_story_replicated": "3",
        "per_period_missed": "5",
        "basis": "Hướng dẫn 05/HD-HĐTĐKT",
        "closed_on": "",
    }
    form.update(values)
    return form


@pytest.fixture
def board(client, staff):
    """The Board's reviewer, reading the admin in English (the messages and headings checked here)."""
    profile = UserProfile.get_for_user(staff["board"])
    profile.preferred_language = "en"
    profile.save()
    client.force_login(staff["board"])
    return client


@pytest.fixture
def scenario(newsroom):
    """In the culture and society bloc, 2020: Y tế meets its four quarters, one story featured by Báo
    Sóc Trăng (twice); Giáo dục meets them with one story more; Dân tộc meets one quarter of four."""
    stories = {}
    for month in (2, 5, 8, 11):
        stories.setdefault(Y_TE, ExemplarPageFactory(parent=section_of(Y_TE), first_published_at=at(YEAR, month, 3)))
        ExemplarPageFactory(parent=section_of(GIAO_DUC), first_published_at=at(YEAR, month, 3))
    ExemplarPageFactory(parent=section_of(GIAO_DUC), first_published_at=at(YEAR, 1, 20))
    dan_toc_story = ExemplarPageFactory(parent=section_of(DAN_TOC), first_published_at=at(YEAR, 2, 3))
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    column = published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"))
    for month in (3, 9):  # two articles featuring one story: it counts once
        article = published(ColumnArticlePageFactory(parent=column, first_published_at=at(YEAR, month, 12)))
        ColumnArticleFeaturedStory.objects.create(page=article, story=stories[Y_TE], sort_order=0)
    # Featured only in 2021, and by an article never published: neither counts in 2020.
    later = published(ColumnArticlePageFactory(parent=column, first_published_at=at(YEAR + 1, 2, 1)))
    ColumnArticleFeaturedStory.objects.create(page=later, story=dan_toc_story, sort_order=0)
    draft = ColumnArticlePageFactory(parent=column, live=False, first_published_at=None)
    ColumnArticleFeaturedStory.objects.create(page=draft, story=dan_toc_story, sort_order=0)
    return stories


def bloc_rows(response, bloc=VHXH):
    """[(unit slug, rank, points, adjustments, notes)] of a bloc as the scoring page shows it."""
    soup = BeautifulSoup(response.content, "html.parser")
    rows = []
    for tr in soup.select(f'section[data-bloc="{bloc}"] tbody tr'):
        cells = {td["data-column"]: td.get_text(" ", strip=True) for td in tr.select("td[data-column]")}
        rows.append((tr["data-unit"], cells["rank"], cells.get("points"), cells.get("adjustments"), cells["notes"]))
    return rows


def test_weights_give_points_and_change_the_ranking_within_the_bloc(board, scenario):
    before = bloc_rows(board.get(reverse(SCORING), {"year": YEAR}))
    assert [(slug, rank, points) for slug, rank, points, *_ in before[:3]] == [
        (GIAO_DUC, "1", None),  # without weights: compliance, then stories
        (Y_TE, "2", None),
        (DAN_TOC, "3", None),
    ]

    weights()
    scores = {row.unit.slug: row for row in yearly_scores(YEAR)}
    # 4 periods × 10 + 1 story featured × 5; replications count nothing yet.
    assert scores[Y_TE].points == Decimal(45)
    assert scores[GIAO_DUC].points == Decimal(41)  # 4 × 10 + 1 beyond
    assert scores[DAN_TOC].points == Decimal(-5)  # 1 × 10 − 3 missed × 5
    assert (scores[Y_TE].rank, scores[GIAO_DUC].rank, scores[DAN_TOC].rank) == (1, 2, 3)

    after_page = board.get(reverse(SCORING), {"year": YEAR})
    assert "scoring-weights" in board.get(reverse("wagtailadmin_home")).content.decode()  # in its Reports menu
    after = bloc_rows(after_page)
    assert [(slug, rank, points) for slug, rank, points, *_ in after[:3]] == [
        (Y_TE, "1", "45"),
        (GIAO_DUC, "2", "41"),
        (DAN_TOC, "3", "-5"),
    ]


def test_adjustment_changes_the_rank_and_records_who_and_when_whatever_the_post_says(board, staff, scenario):
    weights()
    page = board.get(reverse(SCORING), {"year": YEAR})
    [adjust] = BeautifulSoup(page.content, "html.parser").select(f'tr[data-unit="{DAN_TOC}"] a.unit-scoring__adjust')
    form = BeautifulSoup(board.get(adjust["href"]).content, "html.parser")
    assert form.select_one('input[name="unit"]')["value"] == str(Unit.objects.get(slug=DAN_TOC).pk)
    assert form.select_one('input[name="year"]')["value"] == str(YEAR)
    assert board.get(url(ScoreAdjustment, "add"), {"unit": "<b>", "year": "x" * 30}).status_code == 200

    response = board.post(
        url(ScoreAdjustment, "add"),
        {
            "unit": Unit.objects.get(slug=DAN_TOC).pk,
            "year": YEAR,
            "points": "60",
            "reason": "Đăng cai Hội nghị biểu dương điển hình tiên tiến vùng đồng bào Khmer",
            # Forged: the form has no such fields, the view sets them.
            "recorded_by": staff["ks-approver"].pk,
            "recorded_at": "2001-01-01 00:00",
        },
    )
    assert response.status_code == 302
    adjustment = ScoreAdjustment.objects.get()
    assert adjustment.recorded_by == staff["board"]
    assert abs(timezone.now() - adjustment.recorded_at) < datetime.timedelta(minutes=5)

    rows = bloc_rows(board.get(reverse(SCORING), {"year": YEAR}))
    slug, rank, points, adjustments, notes = rows[0]
    assert (slug, rank, points, adjustments) == (DAN_TOC, "1", "55", "60")
    assert "Đăng cai Hội nghị biểu dương" in notes and "Board" in notes  # the recorder's name

    assert board.get(url(ScoreAdjustment, "history", adjustment.pk)).status_code == 200
    assert ModelLogEntry.objects.filter(object_id=str(adjustment.pk), action="wagtail.create").exists()


def test_an_adjustment_needs_a_reason_and_the_year_s_weights(board, scenario):
    unit = Unit.objects.get(slug=Y_TE).pk
    no_weights = board.post(url(ScoreAdjustment, "add"), {"unit": unit, "year": YEAR, "points": "5", "reason": "Tốt"})
    assert no_weights.status_code == 200 and "Set the scoring weights of 2020" in no_weights.content.decode()
    weights()
    board_unit = Unit.objects.get(kind="board").pk  # scores nothing: the form refuses it
    not_scored = board.post(
        url(ScoreAdjustment, "add"), {"unit": board_unit, "year": YEAR, "points": "5", "reason": "Tốt"}
    )
    assert not_scored.status_code == 200
    no_reason = board.post(url(ScoreAdjustment, "add"), {"unit": unit, "year": YEAR, "points": "5", "reason": ""})
    assert no_reason.status_code == 200
    assert not ScoreAdjustment.objects.exists()


def test_a_closed_year_refuses_changing_its_weights_and_any_adjustment(board, scenario):
    year_weights = weights()
    adjustment = ScoreAdjustment.objects.create(unit=Unit.objects.get(slug=Y_TE), year=YEAR, points=2, reason="Tốt")

    too_early = board.post(url(ScoringWeights, "edit", year_weights.pk), weights_form(closed_on="2020-12-20"))
    assert too_early.status_code == 200 and "only be closed after it has ended" in too_early.content.decode()
    closing = board.post(url(ScoringWeights, "edit", year_weights.pk), weights_form(closed_on="2021-01-15"))
    assert closing.status_code == 302
    year_weights.refresh_from_db()
    assert year_weights.closed_on == datetime.date(2021, 1, 15)

    changed = board.post(
        url(ScoringWeights, "edit", year_weights.pk), weights_form(per_period_met="50", closed_on="2021-01-15")
    )
    assert changed.status_code == 200 and "The scoring of 2020 is closed" in changed.content.decode()
    reopened = board.post(url(ScoringWeights, "edit", year_weights.pk), weights_form(closed_on=""))
    assert reopened.status_code == 200
    year_weights.refresh_from_db()
    assert (year_weights.per_period_met, year_weights.closed_on) == (Decimal(10), datetime.date(2021, 1, 15))

    added = board.post(
        url(ScoreAdjustment, "add"),
        {"unit": Unit.objects.get(slug=DAN_TOC).pk, "year": YEAR, "points": "60", "reason": "Muộn"},
    )
    assert added.status_code == 200 and "The scoring of 2020 is closed" in added.content.decode()
    edited = board.post(
        url(ScoreAdjustment, "edit", adjustment.pk),
        {"unit": adjustment.unit_id, "year": YEAR, "points": "90", "reason": "Tốt"},
    )
    assert edited.status_code == 200
    board.post(url(ScoreAdjustment, "delete", adjustment.pk))
    board.post(url(ScoringWeights, "delete", year_weights.pk))
    assert ScoreAdjustment.objects.get().points == Decimal(2)
    assert ScoringWeights.objects.filter(pk=year_weights.pk).exists()
    # The listings offer no delete for what is closed.
    for model, pk in ((ScoringWeights, year_weights.pk), (ScoreAdjustment, adjustment.pk)):
        listing = board.get(url(model, "list"))
        assert listing.status_code == 200 and url(model, "delete", pk) not in listing.content.decode()
    assert yearly_scores(YEAR)[0].points is not None


@pytest.mark.parametrize("role", ["ks-approver", "yt-contributor", "bst-editor"])
def test_only_the_board_sees_or_changes_weights_and_adjustments(client, staff, scenario, role):
    year_weights = weights()
    client.force_login(staff[role])
    for target in (
        url(ScoringWeights, "list"),
        url(ScoringWeights, "add"),
        url(ScoringWeights, "edit", year_weights.pk),
        url(ScoreAdjustment, "list"),
        url(ScoreAdjustment, "add"),
    ):
        assert client.get(target).status_code in (302, 403), target
    forged = client.post(
        url(ScoreAdjustment, "add"),
        {"unit": Unit.objects.get(slug=Y_TE).pk, "year": YEAR, "points": "99", "reason": "Tự cộng điểm"},
    )
    assert forged.status_code in (302, 403)
    client.post(url(ScoringWeights, "edit", year_weights.pk), weights_form(per_period_met="99"))
    assert not ScoreAdjustment.objects.exists()
    year_weights.refresh_from_db()
    assert year_weights.per_period_met == Decimal(10)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "scoring-weights" not in menu and "score-adjustments" not in menu


def test_scoring_exports_keep_a_formula_in_a_note_as_text(board, staff, scenario):
    weights()
    ScoreAdjustment.objects.create(
        unit=Unit.objects.get(slug=Y_TE), year=YEAR, points=-3, reason=FORMULA_NOTE, recorded_by=staff["board"]
    )

    heading, *rows = csv_rows(board.get(reverse(SCORING), {"year": YEAR, "export": "csv"}))
    values = dict(zip(heading, next(row for row in rows if row[2] == "Sở Y tế"), strict=True))
    assert values["Notes"].startswith("'" + FORMULA_NOTE)
    assert (values["Points"], values["Adjustments"]) == ("42.00", "-3.00")

    sheet = xlsx_sheet(board.get(reverse(SCORING), {"year": YEAR, "export": "xlsx"}))
    heading = [cell.value for cell in sheet[1]]
    [row] = [row for row in sheet.iter_rows(min_row=2) if row[2].value == "Sở Y tế"]
    cells = dict(zip(heading, row, strict=True))
    assert cells["Notes"].value.startswith(FORMULA_NOTE) and cells["Notes"].data_type == "s"
    assert cells["Points"].value == 42 and cells["Points"].data_type == "n"


def test_yearly_scores_runs_a_fixed_number_of_queries(scenario):
    weights()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            scores = yearly_scores(YEAR)
        return len(captured), len(scores)

    few, units_before = queries()
    for n in range(20):
        unit = UnitFactory(slug=f"xa-moi-{n}", name=f"Xã Mới {n}", kind="district")
        ScoreAdjustment.objects.create(unit=unit, year=YEAR, points=1, reason="Khen")
        if n % 5 == 0:
            ExemplarPageFactory(parent=section_of(unit.slug), first_published_at=at(YEAR, 6, 1))
    many, units_after = queries()
    assert units_after == units_before + 20
    assert many == few
