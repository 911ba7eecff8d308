"""What the home page shows, gathered in a fixed number of queries."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from units.models import UnitKind


def unit_kind_order(field="unit__kind"):
    """Order units as the plan lists them: districts, departments, …, outlets, the Board."""
    return Case(
        *[When(**{field: kind}, then=Value(i)) for i, kind in enumerate(UnitKind.values)],
        output_field=IntegerField(),
    )


def in_given_order(queryset, ids):
    """The objects of ``queryset`` in the order of ``ids`` (an editor's chosen order)."""
    position = {pk: i for i, pk in enumerate(ids)}
    return sorted(queryset.filter(pk__in=ids), key=lambda obj: position[obj.pk])


def home_page_context(home):
    from campaigns.models import CampaignPage
    from columns.models import ColumnPage
    from exemplars.models import ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage

    live_stories = ExemplarPage.objects.live().filter(locale=home.locale)
    featured_ids = list(home.featured_stories.values_list("story_id", flat=True))
    featured = in_given_order(ExemplarPage.for_listing(live_stories), featured_ids)
    latest = ExemplarPage.for_listing(live_stories.exclude(pk__in=featured_ids))[:9]
    if not featured:
        latest = list(latest)
        featured, latest = latest[:1], latest[1:]
    index = ExemplarIndexPage.objects.live().filter(locale=home.locale).first()
    fields = (
        Field.objects.filter(locale=home.locale)
        .annotate(story_count=Count("stories", filter=Q(stories__live=True, stories__locale=home.locale)))
        .filter(story_count__gt=0)
    )
    sections = (
        UnitSectionPage.objects.live()
        .filter(locale=home.locale)
        .select_related("unit")
        .annotate(
            story_count=Count("unit__stories", filter=Q(unit__stories__live=True, unit__stories__locale=home.locale))
        )
        .filter(story_count__gt=0)
        .order_by(unit_kind_order(), "title")
    )
    campaigns = CampaignPage.objects.live().filter(locale=home.locale).order_by("-start_date")[:4]
    columns = ColumnPage.objects.live().filter(locale=home.locale).order_by("path")
    return {
        "featured_stories": featured,
        "latest_stories": latest,
        "exemplar_index": index,
        "browse_fields": fields,
        "browse_sections": sections,
        "campaigns": campaigns,
        "columns": columns,
    }
