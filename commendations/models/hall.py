"""The hall of honour (trang vinh danh): the exemplars honoured, by award level and year.

It reads the awards recorded on stories (``exemplars.ExemplarAward``): only the stories readers
of the page may see (live, public: core/visibility.py), in the page's language. A translated story
carries copies of its source's awards, still pointing at the Vietnamese award types, so each award
type is shown in the page's language where a translator made one (core/api_fields.py).
"""

from itertools import groupby

from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from commendations.hall_filters import HallOfHonourFilter
from core.pages import IndexPage
from core.pagination import paginate
from core.visibility import ViewRestrictionsFromSnapshot
from exemplars.models import AwardLevel, ExemplarAward, ExemplarPage
from units.page_permissions import NewsroomPagePermissions

AWARDS_PER_PAGE = 30


def level_order():
    """The award's level as its position in AwardLevel (State first, grassroots last)."""
    whens = [When(award_type__level=level, then=Value(i)) for i, level in enumerate(AwardLevel.values)]
    return Case(*whens, default=Value(len(AwardLevel.values)), output_field=IntegerField())


class HallOfHonourPage(NewsroomPagePermissions, ViewRestrictionsFromSnapshot, IndexPage):
    """One per language under the home page; lists awards, has no pages below it. Like the other
    index pages it gives the site's search no document of its own (search/documents.py)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    # The Board edits and publishes it (units.roles); it lists every unit's stories.
    board_publishes_here = True
    # Every story published anywhere may change it: the CDN forgets it with any page (cms/cache_invalidation.py).
    purged_with_every_page = True

    class Meta:
        verbose_name = _("hall of honour")

    def awards(self):
        """The awards on the stories readers of this page may see, in its language."""
        stories = ExemplarPage.objects.visible_to_readers_of(self).filter(locale_id=self.locale_id)
        return ExemplarAward.objects.filter(page__in=stories.values("pk"))

    def filterset(self, request):
        return HallOfHonourFilter(request.GET or None, queryset=self.awards(), request=request)

    def serve(self, request, *args, **kwargs):
        filterset = self.filterset(request)
        if filterset.is_bound and not filterset.is_valid():
            html = render_to_string(
                "commendations/hall_of_honour_bad_filter.html", {"page": self, "filterset": filterset}, request=request
            )
            return HttpResponseBadRequest(html)
        request.hall_filterset = filterset
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = getattr(request, "hall_filterset", None) or self.filterset(request)
        awards = paginate(request, for_listing(filterset.qs), per_page=AWARDS_PER_PAGE)
        context.update(filterset=filterset, awards=awards, levels=self.grouped(list(awards)))
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context

    def grouped(self, awards):
        """``[(level label, [(year, [award, …]), …]), …]``."""
        labels = dict(AwardLevel.choices)
        levels = []
        for level, in_level in groupby(awards, key=lambda award: award.award_type.level):
            years = [(year, list(in_year)) for year, in_year in groupby(in_level, key=lambda award: award.year)]
            levels.append((labels.get(level, level), years))
        return levels


def for_listing(awards):
    """Awards with their story, its unit and the award type, by level, then newest year first."""
    return (
        awards.select_related("award_type", "page", "page__unit")
        .annotate(level_position=level_order())
        .order_by("level_position", "-year", "award_type__sort_order", "page__title", "pk")
    )
