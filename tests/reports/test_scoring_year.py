"""The yearly scoring on the database, at the edges of the province's calendar (Asia/Ho_Chi_Minh):
which featured stories earn a unit points (reports.scoring.featured_counts: a live story of the unit,
featured by a live source-language article, not an alias nor a translation, first published from
00:00 on 1 January to 23:59 on 31 December), and a quarter judged only once its last day is over."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from columns.models import ColumnArticleFeaturedStory, OutletPage
from exemplars.models import UnitSectionPage
from reports.models import ScoreAdjustment, ScoringWeights
from reports.scoring import featured_counts, yearly_scores
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory
from tests.helpers import at, published
from units.models import Unit

pytestmark = pytest.mark.django_db

Y_TE, GIAO_DUC, DAN_TOC = "so-y-te", "so-giao-duc-va-dao-tao", "ban-dan-toc"


def story_of(slug, **kwargs):
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug=slug)
    kwargs.setdefault("first_published_at", at(2020, 3, 3))
    return ExemplarPageFactory(parent=section, **kwargs)


def feature(page, story):
    ColumnArticleFeaturedStory.objects.create(page=page, story=story, sort_order=0)


@pytest.fixture
def column(newsroom):
    outlet = OutletPage.objects.filter(locale__language_code="vi").get(unit__slug="bao-soc-trang")
    return published(ColumnPageFactory(parent=outlet, title="Gương sáng đời thường"))


def article(column, year, month, day, hour=10, minute=0):
    with timezone.override("Asia/Ho_Chi_Minh"):  # the province's wall clock, whatever the test's zone
        first = at(year, month, day, hour).replace(minute=minute)
    return published(ColumnArticlePageFactory(parent=column, first_published_at=first))


def test_the_year_runs_from_midnight_on_1_january_to_23_59_on_31_december_province_time(column):
    # 23:59 on 31/12/2020 is 16:59 UTC, 00:00 on 1/1/2021 is 17:00 UTC on 31/12/2020: only the
    # province's calendar puts them in different years.
    last_minute, new_year = story_of(Y_TE), story_of(Y_TE)
    feature(article(column, 2020, 12, 31, 23, 59), last_minute)
    feature(article(column, 2021, 1, 1, 0, 0), new_year)
    first_minute = story_of(GIAO_DUC)
    feature(article(column, 2020, 1, 1, 0, 0), first_minute)
    ids = list(Unit.objects.filter(slug__in=[Y_TE, GIAO_DUC]).order_by("slug").values_list("pk", flat=True))
    giao_duc, y_te = ids
    assert featured_counts(2020, ids) == {y_te: 1, giao_duc: 1}
    assert featured_counts(2021, ids) == {y_te: 1}
    assert featured_counts(2019, ids) == {}


def test_the_province_s_year_holds_for_a_reader_in_another_time_zone(column):
    # An admin user whose profile sets another zone: Django once counted by that zone's year.
    last_minute, new_year = story_of(Y_TE), story_of(Y_TE)
    feature(article(column, 2020, 12, 31, 23, 59), last_minute)
    feature(article(column, 2021, 1, 1, 0, 0), new_year)
    y_te = Unit.objects.get(slug=Y_TE).pk
    with timezone.override("UTC"):
        assert featured_counts(2020, [y_te]) == {y_te: 1}


def test_only_live_stories_of_the_units_asked_in_live_source_articles_count(column):
    y_te, dan_toc = Unit.objects.get(slug=Y_TE), Unit.objects.get(slug=DAN_TOC)
    counted = story_of(Y_TE)
    feature(article(column, 2020, 6, 1), counted)
    # Published in 2020, then taken down by the outlet.
    withdrawn = article(column, 2020, 6, 2)
    feature(withdrawn, story_of(Y_TE))
    withdrawn.unpublish()
    # A story featured, then unpublished by its unit.
    taken_down = story_of(Y_TE)
    feature(article(column, 2020, 6, 3), taken_down)
    taken_down.unpublish()
    # The English translation and an alias of a 2020 article feature stories the source does not.
    source = article(column, 2020, 6, 4)
    english = source.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.first_published_at = source.first_published_at  # a translation of the 2020 article
    english = published(english)
    feature(english, story_of(Y_TE))
    alias = source.create_alias(parent=column, update_slug="bai-viet-ban-sao")
    feature(alias, story_of(Y_TE))
    # A unit not asked about (Dân tộc's story) is left out.
    feature(article(column, 2020, 6, 5), story_of(DAN_TOC))
    assert featured_counts(2020, [y_te.pk]) == {y_te.pk: 1}
    assert featured_counts(2020, [y_te.pk, dan_toc.pk]) == {y_te.pk: 1, dan_toc.pk: 1}


def test_a_quarter_is_judged_the_day_after_its_last_day_and_a_story_at_23_59_counts_in_it(newsroom):
    # Y tế sends its quarter's story at 23:59 on 31 March; Giáo dục sends nothing. On 31 March the
    # first quarter is still open for Giáo dục; on 1 April it is short. Later quarters are not due yet.
    with timezone.override("Asia/Ho_Chi_Minh"):
        story_of(Y_TE, first_published_at=at(2020, 3, 31, 23).replace(minute=59))
    units = Unit.objects.filter(slug__in=[Y_TE, GIAO_DUC])

    def compliance(today):
        return {s.unit.slug: s.result.compliance for s in yearly_scores(2020, units=units, today=today)}

    assert compliance(datetime.date(2020, 3, 31)) == {Y_TE: 100.0, GIAO_DUC: None}
    assert compliance(datetime.date(2020, 4, 1)) == {Y_TE: 100.0, GIAO_DUC: 0.0}


def test_the_year_s_adjustments_of_each_unit_show_oldest_first_with_who_made_them(newsroom, django_user_model):
    hong = django_user_model.objects.create_user("hong", "hong@example.invalid", "pw", first_name="Nguyễn Thị Hồng")
    y_te = Unit.objects.get(slug=Y_TE)

    def note(year, reason, recorded_at):
        return ScoreAdjustment.objects.create(
            unit=y_te, year=year, points=2, reason=reason, recorded_by=hong, recorded_at=recorded_at
        )

    note(2020, "Đăng cai hội nghị", at(2020, 11, 20))  # recorded later, saved first
    note(2020, "Bài viết được giải", at(2020, 3, 12))
    note(2021, "Năm sau", at(2021, 2, 1))  # another year's
    [score] = yearly_scores(2020, units=Unit.objects.filter(pk=y_te.pk))
    assert [n.reason for n in score.notes] == ["Bài viết được giải", "Đăng cai hội nghị"]
    with CaptureQueriesContext(connection) as captured:  # who recorded them comes with the notes
        assert "Nguyễn Thị Hồng" in score.notes_text()
    assert len(captured) == 0


def test_a_year_without_weights_does_not_look_up_featured_stories(newsroom):
    units = Unit.objects.filter(slug__in=[Y_TE, GIAO_DUC])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            yearly_scores(2020, units=units, today=datetime.date(2021, 1, 1))
        return len(captured)

    unweighted = queries()
    ScoringWeights.objects.create(
        year=2020, per_period_met=10, per_story_beyond_quota=1, per_story_featured=5, per_story_replicated=3
    )
    assert queries() == unweighted + 1  # the featured stories, only worth looking up for points
