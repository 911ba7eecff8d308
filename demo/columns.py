"""The outlets' demo columns (chuyên trang, chuyên mục) and their articles, with broadcasts for the radio-TV."""

import datetime

from columns.models import ColumnArticleFeaturedStory, ColumnArticlePage, ColumnPage, OutletPage
from core.text import slugify_vi
from demo.images import ensure_audio
from demo.pages import ensure_published_child
from demo.plan import TZ

BAO = "bao-soc-trang"
DAI = "dai-phat-thanh-va-truyen-hinh-soc-trang"
COLUMNS_OPENED = datetime.datetime(2019, 2, 4, 8, 0, tzinfo=TZ)

# Outlet unit slug -> its columns. ``fields``: the stories a column draws on (empty: any field).
COLUMNS = {
    BAO: [
        {
            "slug": "guong-sang-doi-thuong",
            "title": "Gương sáng đời thường",
            "kind": "column",
            "description": "Chuyên mục kể về những con người bình dị mà đáng quý ở khắp các huyện, thị xã, thành phố.",
            "schedule": "",
            "fields": [],
        },
        {
            "slug": "nguoi-tot-viec-tot",
            "title": "Người tốt việc tốt",
            "kind": "dedicated_page",
            "description": "Chuyên trang hằng tháng về người tốt, việc tốt và những tấm lòng vì cộng đồng.",
            "schedule": "",
            "fields": ["nguoi-tot-viec-tot", "van-hoa-xa-hoi"],
        },
    ],
    DAI: [
        {
            "slug": "dien-hinh-tien-tien",
            "title": "Điển hình tiên tiến",
            "kind": "column",
            "description": "Chuyên mục truyền hình giới thiệu điển hình tiên tiến, mô hình mới, nhân tố mới của tỉnh.",
            "schedule": "20 giờ thứ Năm hằng tuần trên STV1; phát lại bằng tiếng Khmer trên STV2",
            "fields": ["san-xuat-kinh-doanh", "xay-dung-nong-thon-moi", "ho-gia-dinh-san-xuat-gioi"],
        },
        {
            "slug": "hoc-tap-va-lam-theo-bac",
            "title": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "kind": "column",
            "description": "Chuyên mục phát thanh về những tấm gương học tập và làm theo Bác trong cán bộ và nhân dân.",
            "schedule": "6 giờ 15 sáng Chủ nhật hằng tuần trên sóng phát thanh; phát lại 17 giờ 30 cùng ngày",
            "fields": ["hoc-tap-va-lam-theo-bac", "xay-dung-dang-doan-the", "day-tot-hoc-tot", "y-duc"],
        },
    ],
}
ARTICLES_PER_COLUMN = 4
FEATURED_PER_ARTICLE = 2


def _article_dates(column_number):
    """Four dates from the plan's first stories (September 2019) on, offset per column so the outlets
    do not publish together."""
    dates = []
    for j in range(ARTICLES_PER_COLUMN):
        month = 9 + column_number + j * 6  # months after January 2019
        dates.append(datetime.datetime(2019 + month // 12, month % 12 + 1, 10 + column_number * 3, 9, 0, tzinfo=TZ))
    return dates


def _featured(plan, fields, when, taken):
    """The latest live planned stories of ``fields`` published before ``when``, not featured yet."""
    candidates = [
        s
        for s in plan
        if s.status == "live" and s.published_at < when and (not fields or s.fields[0] in fields) and id(s) not in taken
    ]
    chosen = sorted(candidates, key=lambda s: s.published_at)[-FEATURED_PER_ARTICLE:]
    taken.update(id(s) for s in chosen)
    return chosen


def _quote(story):
    for block in story.body:
        if block["type"] == "quote":
            return block
    return None


def issue(when):
    """A weekly programme's issue number: "45/2020"."""
    return f"{when.isocalendar().week}/{when.year}"


def _article_values(column, outlet_slug, when, featured):
    lead = featured[-1]
    radio = outlet_slug == DAI
    title = f"Số {issue(when)}: {lead.title}" if radio else lead.title
    names = " và ".join(s.who for s in featured)
    label = "Chuyên trang" if column["kind"] == "dedicated_page" else "Chuyên mục"
    summary = f"{label} {column['title']} kỳ này giới thiệu {names}, những điển hình tiên tiến của phong trào thi đua yêu nước."
    intro = (
        f"Trong {'số phát sóng' if radio else 'kỳ báo'} này, {label.lower()} {column['title']} đến với {featured[0].locality} "
        f"và {lead.locality}, gặp gỡ những con người bình dị mà các đơn vị trong tỉnh đã giới thiệu."
    )
    body = [{"type": "paragraph", "value": f"<p>{intro}</p>"}]
    for story in featured:
        body.append({"type": "heading", "value": story.subject_name})
        body.append({"type": "paragraph", "value": f"<p>{story.summary}</p>"})
        quote = _quote(story)
        if quote:
            body.append(quote)
    transcript = ""
    if radio:
        transcript = "".join(
            f"<p><b>Phát thanh viên:</b> {text}</p>"
            for text in [
                f"Kính thưa quý vị và các bạn, chào mừng quý vị đến với chuyên mục {column['title']}.",
                *(story.summary for story in featured),
                "Cảm ơn quý vị đã theo dõi. Hẹn gặp lại quý vị trong số phát sóng tiếp theo.",
            ]
        )
    return title, summary, body, transcript


def ensure_columns(plan, pages, images, tally):
    """Two columns per outlet, each with its articles featuring demo stories; returns the articles."""
    articles = []
    column_number = 0
    for outlet_slug, columns in COLUMNS.items():
        outlet = OutletPage.objects.filter(unit__slug=outlet_slug, locale__language_code="vi").first()
        if outlet is None:
            continue
        for spec in columns:
            column = ColumnPage(
                title=spec["title"],
                slug=spec["slug"],
                kind=spec["kind"],
                description=spec["description"],
                broadcast_schedule=spec["schedule"],
            )
            column = ensure_published_child(outlet, column, COLUMNS_OPENED, tally, "columns")
            taken = set()
            for number, when in enumerate(_article_dates(column_number), start=1):
                featured = _featured(plan, spec["fields"], when, taken)
                if not featured:
                    continue
                articles.append(
                    _ensure_article(column, spec, outlet_slug, number, when, featured, pages, images, tally)
                )
            column_number += 1
    return articles


def _ensure_article(column, spec, outlet_slug, number, when, featured, pages, images, tally):
    title, summary, body, transcript = _article_values(spec, outlet_slug, when, featured)
    lead = featured[-1]
    image = images.get(lead.image_key)
    media = None
    if outlet_slug == DAI:
        media = ensure_audio(f"{spec['title']} - số {issue(when)}", 330 + 40 * number, tally)
    article = ColumnArticlePage(
        title=title,
        slug=f"so-{number}-{slugify_vi(lead.title, max_length=70)}",
        summary=summary,
        main_image=image,
        main_image_alt=lead.image_alt,
        media=media,
        body=body,
        transcript=transcript,
    )
    article.featured_stories = [
        ColumnArticleFeaturedStory(story=pages[(s.unit_slug, s.slug)])
        for s in featured
        if (s.unit_slug, s.slug) in pages
    ]
    return ensure_published_child(column, article, when, tally, "column articles")
