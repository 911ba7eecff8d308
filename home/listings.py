"""What the home page shows, gathered in a fixed number of queries."""

from django.db.models import Count, Q


def home_page_context(home):
    from campaigns.models import CampaignPage
    from columns.models import ColumnPage
    from exemplars.models import ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage

    live_stories = ExemplarPage.objects.live().filter(locale=home.locale)
    featured_ids = list(home.featured_stories.values_list("story_id", flat=True))
    featured = list(ExemplarPage.for_listing(live_stories.filter(pk__in=featured_ids)))
    featured.sort(key=lambda story: featured_ids.index(story.pk))
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
        .order_by("unit__kind", "title")
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
