"""A unit's own summary (plan III.1): what its approvers and contributors paste into the unit's
half-year or annual emulation report. Its stories over the span (the engine's counted stories, dated
as the grid dates them) with their dates and links, its periods as the engine judged them, where
its stories were honoured, which outlets' articles featured them, and how many of its models were
replicated in the span (the contribution report's rule, reports.contributions). Only that unit's stories.
"""

from collections import defaultdict

from django.utils import timezone, translation
from wagtail.models import Page

from campaigns.models import HonouringEventPage
from columns.models import ColumnArticleFeaturedStory, ColumnArticlePage
from reports.contributions import STATUS_LABELS, counted_stories, province_timezone, replicated_counts
from reports.documents import figures
from reports.documents.layout import AdministrativeDocument, Heading, Letterhead, Paragraph, Signature, Table
from reports.documents.spans import vn_date, vn_number
from units.models import Unit


def _numbered(rows):
    return tuple((vn_number(index), *row) for index, row in enumerate(rows, start=1))


def _local_date(moment):
    return vn_date(timezone.localtime(moment, province_timezone()).date()) if moment else ""


def stories_table(stories, request):
    rows = [
        (story.title, str(story.get_kind_display()), _local_date(story.counted_at), story.get_full_url(request) or "")
        for story in stories
    ]
    headings = ("STT", "Tên bài", "Loại", "Ngày", "Đường dẫn")
    return Table(headings, _numbered(rows), (), "Bảng 1. Các bài viết của đơn vị")


def periods_table(span, results_by_year):
    rows = [
        (p.period.label, vn_number(p.count), vn_number(p.required), str(STATUS_LABELS[p.status]))
        for results in results_by_year.values()
        for result in results
        for p in result.periods
        if span.holds(p.period) and p.required
    ]
    headings = ("STT", "Kỳ", "Số bài", "Chỉ tiêu", "Kết quả")
    return Table(headings, _numbered(rows), (), "Bảng 2. Kết quả thực hiện chỉ tiêu theo kỳ")


def _names_by(rows):
    """{owner id: "title; title"} from (owner id, story title) pairs, in order."""
    names = defaultdict(list)
    for owner, title in rows:
        names[owner].append(title)
    return {owner: "; ".join(titles) for owner, titles in names.items()}


def honoured_table(unit_stories, span):
    """The live honouring events dated in the span at which one of the unit's stories (of any date) was honoured."""
    links = HonouringEventPage.exemplars.through.objects.filter(
        exemplarpage__in=unit_stories,
        honouringeventpage__live=True,
        honouringeventpage__date__gte=span.date_from,
        honouringeventpage__date__lte=span.date_to,
    ).order_by("honouringeventpage__date", "honouringeventpage_id", "exemplarpage__title")
    honoured = _names_by(links.values_list("honouringeventpage_id", "exemplarpage__title"))
    events = HonouringEventPage.objects.filter(pk__in=honoured).order_by("date", "pk")
    rows = [(vn_date(event.date), event.title, event.place, honoured[event.pk]) for event in events]
    headings = ("STT", "Ngày", "Sự kiện tôn vinh", "Địa điểm", "Gương được tôn vinh")
    return Table(headings, _numbered(rows), (), "Bảng 3. Gương được tôn vinh")


def featured_table(unit_stories, span):
    """Live articles first published in the span featuring one of the unit's stories, with outlet and column."""
    start, end = figures.bounds(span)
    links = ColumnArticleFeaturedStory.objects.filter(
        story__in=unit_stories,
        page__live=True,
        page__first_published_at__gte=start,
        page__first_published_at__lt=end,
    ).order_by("page_id", "sort_order")
    featured = _names_by(links.values_list("page_id", "story__title"))
    articles = list(ColumnArticlePage.objects.filter(pk__in=featured).order_by("first_published_at", "pk"))
    parents = {article.path[: -article.steplen] for article in articles}
    parents |= {path[: -Page.steplen] for path in parents}
    titles = dict(Page.objects.filter(path__in=parents).values_list("path", "title"))
    rows = []
    for article in articles:
        column_path = article.path[: -article.steplen]
        outlet, column = titles.get(column_path[: -article.steplen], ""), titles.get(column_path, "")
        rows.append((_local_date(article.first_published_at), outlet, column, article.title, featured[article.pk]))
    headings = ("STT", "Ngày", "Cơ quan báo chí", "Chuyên mục", "Tin, bài", "Gương được giới thiệu")
    return Table(headings, _numbered(rows), (), "Bảng 4. Gương được báo chí giới thiệu")


def unit_document(unit, span, request=None, today=None):
    """The AdministrativeDocument of ``unit``'s own summary over ``span``."""
    with translation.override("vi"):
        results_by_year = figures.engine_results(span, Unit.objects.filter(pk=unit.pk), today)
        stories = list(figures.span_stories(span, [unit.pk]).order_by("counted_at", "pk"))
        # Honours and articles in the span count whatever the date of the story they name.
        unit_stories = counted_stories([unit.pk]).values("pk")
        body = (
            Heading("I. KẾT QUẢ THỰC HIỆN"),
            Paragraph(
                f"Trong kỳ báo cáo ({span.label}), đơn vị đã giới thiệu {vn_number(len(stories))} bài viết "
                "về gương điển hình tiên tiến, nhân tố mới, mô hình mới."
            ),
            # The rule of the contribution report's column (reports.contributions), over the span.
            Paragraph(
                f"Có {vn_number(replicated_counts(span.date_from, span.date_to, [unit.pk]).get(unit.pk, 0))} "
                "mô hình, gương điển hình của đơn vị được nhân rộng trong kỳ."
            ),
            stories_table(stories, request),
            periods_table(span, results_by_year),
            honoured_table(unit_stories, span),
            featured_table(unit_stories, span),
        )
        return AdministrativeDocument(
            summary=f"Kết quả tuyên truyền, giới thiệu gương điển hình tiên tiến {span.label}",
            year=span.date_to.year,
            body=body,
            letterhead=Letterhead(superior_body="", issuing_body=unit.name, symbol="BC"),
            recipients=("Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT."),
            signature=Signature("THỦ TRƯỞNG ĐƠN VỊ"),
        )
