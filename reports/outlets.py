"""The outlets' output (plan III.2): what each outlet's columns published, month by month.

Rule: an article counts when it is live, in the source language (no translations, no aliases),
and lies under one of the outlet's columns; it counts in the month of its first publication in
the province's time zone (settings.TIME_ZONE), whatever time zone the person looking has chosen.
A broadcast is a counted article with audio or video or an air date: its air date is the one the
editor gave, else the day it was first published; its channel the one given, else the column's
broadcast schedule. An article's featured stories are the live stories it names, in its order.
A column may have a target (e.g. one issue each week, i.e. four a month): it is judged month by
month as a unit's quota is (reports.contributions.judge), with the outlet as the unit; a live column
with a target appears in every month of the range from the one it was first published in, even
with nothing published. Otherwise only the months in which an outlet published something appear,
and in them only the columns that published something.

Query budget: ``outlet_output`` runs four queries (the outlets, their columns, the articles, the
stories they featured), whatever the number of outlets, columns, articles or months; three when
``outlets`` is already a list.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from columns.models import ColumnArticleFeaturedStory, ColumnArticlePage, ColumnPage, OutletPage
from reports.contributions import NOT_REQUIRED, STATUS_LABELS, Period, judge, province_timezone
from units.models import QuotaPeriod


@dataclass(frozen=True)
class ArticleOutput:
    """One counted article: when it was first published (local date), whether it was a broadcast,
    and the stories it featured."""

    article: ColumnArticlePage
    published_on: datetime.date
    broadcast: tuple | None  # (title, air date, channel) for audio and video
    featured_stories: tuple


@dataclass(frozen=True)
class ColumnOutput:
    column: ColumnPage
    articles: int
    broadcasts: tuple  # of (title, air date, channel)
    featured_stories: tuple  # of ExemplarPage, each once, in the order the articles named them
    details: tuple = ()  # of ArticleOutput, oldest first: which story each article featured
    required: int = 0  # what the column's target asked of the month; 0 without a target
    status: str = NOT_REQUIRED  # the month judged against the target, as a unit's period is

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class OutletOutput:
    outlet: OutletPage
    month: datetime.date  # its first day
    columns: tuple  # of ColumnOutput, in the outlet's order

    @property
    def articles(self):
        return sum(column.articles for column in self.columns)

    @property
    def broadcasts(self):
        return sum(len(column.broadcasts) for column in self.columns)


def _bounds(date_from, date_to):
    tz = province_timezone()
    start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=tz)
    return start, datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)


def source_outlets():
    """The outlets' pages in the source language, by name."""
    return OutletPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True).order_by(
        "title", "pk"
    )


def _under(pages):
    under = Q()
    for page in pages:
        under |= Q(path__startswith=page.path)
    return under


def counted_articles(outlets, date_from, date_to):
    """The articles that count under ``outlets`` between two dates (inclusive), oldest first."""
    start, end = _bounds(date_from, date_to)
    return (
        ColumnArticlePage.objects.live()
        .filter(_under(outlets), locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .select_related("media")
        .order_by("first_published_at", "pk")
    )


def _featured(article_ids):
    """{article id: (live story, ...)} in each article's order, in one query."""
    rows = (
        ColumnArticleFeaturedStory.objects.filter(page_id__in=article_ids, story__live=True)
        .select_related("story__unit")
        .order_by("page_id", "sort_order", "pk")
    )
    featured = defaultdict(list)
    for row in rows:
        featured[row.page_id].append(row.story)
    return {article_id: tuple(stories) for article_id, stories in featured.items()}


def _broadcast(article, column, published_on):
    if article.media_id is None and article.aired_on is None:
        return None
    return (article.title, article.aired_on or published_on, article.channel or column.broadcast_schedule)


def _column_output(column, details, month, today):
    stories = {}
    for detail in details:
        stories.update((story.pk, story) for story in detail.featured_stories if story.pk not in stories)
    required = column.issues_required_in_a_month()
    over = Period(QuotaPeriod.MONTH, month.year, month.month).end < today
    return ColumnOutput(
        column=column,
        articles=len(details),
        broadcasts=tuple(detail.broadcast for detail in details if detail.broadcast),
        featured_stories=tuple(stories.values()),
        details=tuple(details),
        required=required,
        status=judge(len(details), required, 0, over),
    )


def _months(date_from, date_to):
    month = date_from.replace(day=1)
    while month <= date_to:
        yield month
        month = (month + datetime.timedelta(days=31)).replace(day=1)


def _owes(column, month, tz):
    """Whether ``column`` has a target and was live by the end of ``month``."""
    if not (column.live and column.target_issues and column.first_published_at):
        return False
    return timezone.localtime(column.first_published_at, tz).date().replace(day=1) <= month


def _group(articles, columns, featured, tz):
    """{(outlet path, month): {column path: [ArticleOutput]}} for the articles under a column."""
    steplen = Page.steplen
    grouped = defaultdict(lambda: defaultdict(list))
    for article in articles:
        column = columns.get(article.path[:-steplen])
        if column is None:  # not directly under a column: not part of any column's output
            continue
        published_on = timezone.localtime(article.first_published_at, tz).date()
        detail = ArticleOutput(
            article, published_on, _broadcast(article, column, published_on), featured.get(article.pk, ())
        )
        grouped[(column.path[:-steplen], published_on.replace(day=1))][column.path].append(detail)
    return grouped


def outlet_output(date_from, date_to, outlets=None, today=None):
    """[OutletOutput] per outlet (by name) and month (oldest first) between ``date_from`` and
    ``date_to`` (inclusive), for ``outlets`` (OutletPages; default: every source-language outlet).
    A month not over on ``today`` (default: the province's today) is "in progress" until its target
    is met. Four queries in all (see the module)."""
    tz = province_timezone()
    today = today or timezone.localdate(timezone=tz)
    outlets = list(source_outlets() if outlets is None else outlets)
    if not outlets:
        return []
    columns = {column.path: column for column in ColumnPage.objects.filter(_under(outlets))}
    articles = list(counted_articles(outlets, date_from, date_to))
    grouped = _group(articles, columns, _featured([article.pk for article in articles]), tz)
    results = []
    for outlet in outlets:
        own = [path for path in columns if path[: -Page.steplen] == outlet.path]
        for month in _months(date_from, date_to):
            by_column = grouped.get((outlet.path, month), {})
            paths = sorted(set(by_column) | {path for path in own if _owes(columns[path], month, tz)})
            if paths:
                outputs = tuple(_column_output(columns[p], by_column.get(p, []), month, today) for p in paths)
                results.append(OutletOutput(outlet=outlet, month=month, columns=outputs))
    return results
