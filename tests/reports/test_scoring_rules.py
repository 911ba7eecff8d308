"""The yearly scoring's rules as plain functions (reports.scoring): the order within a bloc, shared
ranks, the blocs' order, points per part and the Board's adjustments. Built on the engine's own
UnitResult/PeriodResult without a database, so each rule costs milliseconds to check."""

from decimal import Decimal
from types import SimpleNamespace

from reports.contributions import AWAITING_BOARD, MET, NOT_REQUIRED, PENDING, SHORT, Period, PeriodResult, UnitResult
from reports.scoring import UnitScore, points_of, score, score_parts, scoring_key, weigh
from units.models import QuotaPeriod

YEAR = 2020


def bloc(name, sort_order=0, pk=1):
    return SimpleNamespace(name=name, sort_order=sort_order, pk=pk)


def unit(name, pk, unit_bloc=None):
    return SimpleNamespace(name=name, pk=pk, bloc=unit_bloc)


def quarters(*statuses, counts=None, required=2):
    """One PeriodResult per quarter of YEAR, with the given statuses (and story counts)."""
    counts = counts or [required] * len(statuses)
    return [
        PeriodResult(Period(QuotaPeriod.QUARTER, YEAR, number), count, required, status)
        for number, (status, count) in enumerate(zip(statuses, counts, strict=True), start=1)
    ]


def result(name, pk, periods=(), total=0, unit_bloc=None):
    return UnitResult(unit(name, pk, unit_bloc), periods=list(periods), total=total)


def weights(met=10, beyond=1, featured=5, replicated=3, missed=5):
    return SimpleNamespace(
        per_period_met=Decimal(met),
        per_story_beyond_quota=Decimal(beyond),
        per_story_featured=Decimal(featured),
        per_story_replicated=Decimal(replicated),
        per_period_missed=Decimal(missed),
    )


def adjustment(unit_id, points):
    return SimpleNamespace(unit_id=unit_id, points=Decimal(points))


def ranks(rows):
    return [(row.unit.name, row.rank) for row in rows]


def test_compliance_first_then_stories_then_name_and_a_unit_owing_nothing_last():
    # Giáo dục met 2 of 4 quarters with many stories; Y tế met all four with fewer; Dân tộc owed nothing.
    y_te = result("Sở Y tế", 1, quarters(MET, MET, MET, MET), total=8)
    giao_duc = result("Sở Giáo dục và Đào tạo", 2, quarters(MET, MET, SHORT, SHORT), total=30)
    dan_toc = result("Ban Dân tộc", 3, quarters(NOT_REQUIRED, NOT_REQUIRED), total=50)
    assert ranks(score([dan_toc, giao_duc, y_te])) == [
        ("Sở Y tế", 1),
        ("Sở Giáo dục và Đào tạo", 2),
        ("Ban Dân tộc", 3),
    ]


def test_units_level_on_compliance_and_stories_share_a_rank_and_the_next_skips():
    # 1, 2, 2, 4: the two level units share rank 2 and are only ordered by name.
    best = result("Sở Y tế", 1, quarters(MET, MET), total=9)
    level_a = result("Ban Dân tộc", 2, quarters(MET, SHORT), total=4)
    level_b = result("Sở Giáo dục và Đào tạo", 3, quarters(MET, SHORT), total=4)
    last = result("Sở Tư pháp", 4, quarters(MET, SHORT), total=3)
    assert ranks(score([last, level_b, best, level_a])) == [
        ("Sở Y tế", 1),
        ("Ban Dân tộc", 2),
        ("Sở Giáo dục và Đào tạo", 2),
        ("Sở Tư pháp", 4),
    ]


def test_a_period_in_progress_is_not_held_against_a_unit():
    # Pending (the quarter not over) does not count; awaiting the Board counts only once the period is over.
    periods = quarters(MET, MET, PENDING, AWAITING_BOARD)
    assert (UnitResult(unit("Sở Y tế", 1), periods=periods).compliance, scoring_key(result("x", 1, periods))[:2]) == (
        100.0,
        (False, -100.0),
    )


def test_blocs_come_in_their_order_then_by_name_and_units_without_a_bloc_last():
    # The order decides before the name ("Xây dựng" first), the name before the id ("V" before "Đ").
    building = bloc("Khối Xây dựng", sort_order=1, pk=5)
    culture = bloc("Khối Văn hóa - Xã hội", sort_order=2, pk=4)
    party = bloc("Khối Đảng", sort_order=2, pk=3)
    rows = score(
        [
            result("Xã Đại Ân 2", 1, quarters(MET)),
            result("Sở Y tế", 2, quarters(MET), unit_bloc=party),
            result("Sở Giáo dục và Đào tạo", 3, quarters(MET), unit_bloc=culture),
            result("Sở Xây dựng", 4, quarters(SHORT), unit_bloc=building),
        ]
    )
    assert [(row.bloc.name if row.bloc else None, row.unit.name, row.rank) for row in rows] == [
        ("Khối Xây dựng", "Sở Xây dựng", 1),
        ("Khối Văn hóa - Xã hội", "Sở Giáo dục và Đào tạo", 1),
        ("Khối Đảng", "Sở Y tế", 1),
        (None, "Xã Đại Ân 2", 1),
    ]


def test_two_blocs_of_the_same_name_and_order_stay_apart():
    # Two blocs can share a name and order (renamed, merged): each ranks its own units from 1.
    first, second = bloc("Khối Huyện", 1, pk=1), bloc("Khối Huyện", 1, pk=2)
    rows = score(
        [
            result("Xã Đại Ân 2", 1, quarters(MET), unit_bloc=second),
            result("Xã Long Phú", 2, quarters(MET), unit_bloc=first),
            result("Xã Trung Bình", 3, quarters(SHORT), unit_bloc=second),
        ]
    )
    assert [(row.bloc.pk, row.unit.name, row.rank) for row in rows] == [
        (1, "Xã Long Phú", 1),
        (2, "Xã Đại Ân 2", 1),
        (2, "Xã Trung Bình", 2),
    ]


def test_score_parts_count_met_missed_and_stories_beyond_each_period_s_quota():
    # Q1 met with 5 of 2 (3 beyond), Q2 short with 1 of 2 (none beyond, not -1), Q3 met exactly.
    unit_result = result("Sở Y tế", 1, quarters(MET, SHORT, MET, PENDING, counts=[5, 1, 2, 0]))
    assert score_parts(unit_result, featured=4) == {
        "periods_met": 2,
        "stories_beyond_quota": 3,
        "stories_featured": 4,
        "stories_replicated": 0,
        "periods_missed": 1,
    }
    # Featured stories are counted by the caller (featured_counts): none unless it says so.
    assert score_parts(unit_result)["stories_featured"] == 0


def test_the_board_s_notes_read_on_one_line_separated_by_semicolons():
    notes = (
        SimpleNamespace(summary=lambda: "Đăng cai hội nghị (+5, Nguyễn Thị Hồng, 12/03/2020)"),
        SimpleNamespace(summary=lambda: "Nộp chậm báo cáo (-2, Trần Văn Minh, 20/11/2020)"),
    )
    row = UnitScore(None, 1, result("Sở Y tế", 1), notes=notes)
    assert row.notes_text() == (
        "Đăng cai hội nghị (+5, Nguyễn Thị Hồng, 12/03/2020); Nộp chậm báo cáo (-2, Trần Văn Minh, 20/11/2020)"
    )
    assert UnitScore(None, 1, result("Sở Y tế", 1)).notes_text() == ""


def test_points_add_each_part_by_its_weight_and_take_off_missed_periods():
    parts = {
        "periods_met": 3,
        "stories_beyond_quota": 7,
        "stories_featured": 2,
        "stories_replicated": 1,
        "periods_missed": 1,
    }
    # 3*10 + 7*1 + 2*5 + 1*3 - 1*5 = 45
    assert points_of(parts, weights()) == Decimal(45)
    assert points_of(dict.fromkeys(parts, 0), weights()) == Decimal(0)


def test_weights_rank_by_points_with_featured_stories_and_adjustments():
    # Without weights Giáo dục (more stories) leads; with them Y tế's featured stories and the Board's
    # adjustment put it first, and Dân tộc's penalty sinks it.
    y_te = result("Sở Y tế", 1, quarters(MET, MET, counts=[2, 2]), total=4)
    giao_duc = result("Sở Giáo dục và Đào tạo", 2, quarters(MET, MET, counts=[3, 3]), total=6)
    dan_toc = result("Ban Dân tộc", 3, quarters(MET, MET, counts=[3, 3]), total=6)
    notes = [adjustment(1, "2.5"), adjustment(3, "-4"), adjustment(1, "0.5")]
    unweighted = weigh([y_te, giao_duc, dan_toc], None, notes, {1: 1})
    assert [(s.unit.name, s.rank, s.points, s.adjustments) for s in unweighted] == [
        ("Ban Dân tộc", 1, None, Decimal(-4)),
        ("Sở Giáo dục và Đào tạo", 1, None, Decimal(0)),
        ("Sở Y tế", 3, None, Decimal(3)),
    ]
    weighted = weigh([y_te, giao_duc, dan_toc], weights(), notes, {1: 1})
    # Y tế 20 + 5 (featured) + 3 = 28; Giáo dục 20 + 2 = 22; Dân tộc 22 - 4 = 18.
    assert [(s.unit.name, s.rank, s.points, s.weighted) for s in weighted] == [
        ("Sở Y tế", 1, Decimal(28), True),
        ("Sở Giáo dục và Đào tạo", 2, Decimal(22), True),
        ("Ban Dân tộc", 3, Decimal(18), True),
    ]
    assert [note.points for note in weighted[0].notes] == [Decimal("2.5"), Decimal("0.5")]
    assert dict(weighted[0].parts)["stories_featured"] == 1


def test_level_points_fall_back_to_compliance_then_stories_and_share_a_rank():
    y_te = result("Sở Y tế", 1, quarters(MET, SHORT), total=2)  # 10 - 5 = 5 points, 50 %
    giao_duc = result("Sở Giáo dục và Đào tạo", 2, quarters(NOT_REQUIRED), total=0)  # 0 + 5 = 5 points
    dan_toc = result("Ban Dân tộc", 3, quarters(MET, SHORT), total=2)  # 5 points, 50 %, same stories
    scores = weigh([giao_duc, y_te, dan_toc], weights(), [adjustment(2, 5)])
    assert [(s.unit.name, s.rank, s.points) for s in scores] == [
        ("Ban Dân tộc", 1, Decimal(5)),
        ("Sở Y tế", 1, Decimal(5)),
        ("Sở Giáo dục và Đào tạo", 3, Decimal(5)),
    ]
