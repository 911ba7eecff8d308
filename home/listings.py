"""What the home page shows, gathered in a fixed number of queries."""

from django.core.cache import cache
from django.db.models import Count
from django.utils.functional import SimpleLazyObject

from campaigns.models import CampaignPage
from columns.models import ColumnPage
from core import cache_generation
from core.fragments import cached, newest_live_id
from core.pages import in_given_order
from core.visibility import visible_q
from exemplars.models import ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage
from units.models import unit_kind_order

# Counts are keyed on the page cache's generation, so stale keys are never read; this only bounds
# how long they linger in the cache.
STORY_COUNTS_SECONDS = 24 * 60 * 60


def newest_story(home):
    """The newest live story's id in the home page's language (one index lookup): with the content
    generation, it keys what the home page keeps, so stories written to the database without the
    signals that move the generation (imports, the bench's seeding, tests) are seen too."""
    return newest_live_id(ExemplarPage, home.locale_id)


def story_counts(home, newest=None):
    """Stories the home page's readers may see (core/visibility.py) in its language, per field and
    per unit: ``({field_id: n}, {unit_id: n})``.

    Counting reads every story (about 90 ms at 30,000 stories, most of an uncached home page),
    while the counts change only when a story is published, unpublished, moved or deleted or a
    field, unit or view restriction changes, each of which moves the page cache's generation
    (cms/cache_invalidation.py). So they are kept in the cache under that generation, and under
    the newest live story's id (one index lookup), which also catches stories written to the
    database without those signals (imports, the bench's seeding, tests).
    """
    locale = home.locale
    if newest is None:
        newest = newest_story(home)
    key = f"home:story-counts:{home.pk}:{cache_generation.generation()}:{newest}"
    counts = cache.get(key)
    if counts is None:
        by_field = dict(
            Field.stories.through.objects.filter(
                visible_q("exemplarpage", readers_of=home), exemplarpage__locale=locale
            )
            .order_by()
            .values_list("field_id")
            .annotate(n=Count("*"))
        )
        by_unit = dict(
            ExemplarPage.objects.visible_to_readers_of(home)
            .filter(locale=locale, unit__isnull=False)
            .order_by()
            .values_list("unit_id")
            .annotate(n=Count("*"))
        )
        counts = (by_field, by_unit)
        cache.set(key, counts, STORY_COUNTS_SECONDS)
    return counts


HOME_CONTEXT_NAMES = (
    "featured_stories",
    "latest_stories",
    "exemplar_index",
    "browse_fields",
    "browse_sections",
    "campaigns",
    "columns",
)


def home_page_context(home, request=None):
    """What the home page shows, kept for the content generation and the newest story (see
    ``newest_story``): one query when kept, a fixed number when not. Each value is lazy, so that
    when the template's kept fragment of the page (``home_version`` among its keys) is found,
    nothing is read at all."""
    newest = newest_story(home)
    found = SimpleLazyObject(
        lambda: cached("home", (home.pk, newest), lambda: _home_page_context(home, newest), request)
    )
    context = {name: SimpleLazyObject(lambda name=name: found[name]) for name in HOME_CONTEXT_NAMES}
    context["home_version"] = newest
    return context


def _home_page_context(home, newest):
    # Featured stories are the Board's choice, but one that has since become private is left out
    # like any other: the listing is built from the visible stories only.
    visible_stories = ExemplarPage.objects.visible_to_readers_of(home).filter(locale=home.locale)
    featured_ids = list(home.featured_stories.values_list("story_id", flat=True))
    featured = in_given_order(ExemplarPage.for_listing(visible_stories), featured_ids)
    latest = ExemplarPage.for_listing(visible_stories.exclude(pk__in=featured_ids))[:9]
    if not featured:
        latest = list(latest)
        featured, latest = latest[:1], latest[1:]
    index = ExemplarIndexPage.objects.visible_to_readers_of(home).filter(locale=home.locale).first()
    by_field, by_unit = story_counts(home, newest)
    fields = []
    for field in Field.objects.all():
        field.story_count = by_field.get(field.pk, 0)
        if field.story_count:
            fields.append(field)
    sections = []
    for section in (
        UnitSectionPage.objects.visible_to_readers_of(home)
        .filter(locale=home.locale)
        .select_related("unit")
        .order_by(unit_kind_order(), "title")
    ):
        section.story_count = by_unit.get(section.unit_id, 0)
        if section.story_count:
            sections.append(section)
    campaigns = CampaignPage.objects.visible_to_readers_of(home).filter(locale=home.locale).order_by("-start_date")[:4]
    columns = ColumnPage.objects.visible_to_readers_of(home).filter(locale=home.locale).order_by("path")
    return {
        "featured_stories": list(featured),
        "latest_stories": list(latest),
        "exemplar_index": index,
        "browse_fields": fields,
        "browse_sections": sections,
        "campaigns": list(campaigns),
        "columns": list(columns),
    }
