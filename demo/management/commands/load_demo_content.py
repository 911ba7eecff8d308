import datetime
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Workflow

from campaigns.models import CampaignIndexPage
from columns.models import ColumnIndexPage, OutletPage
from core.seeding import Tally
from demo.campaigns import ensure_campaigns, ensure_events
from demo.columns import COLUMNS, ensure_columns
from demo.commendations import ensure_commendations
from demo.documents import ensure_documents
from demo.images import ensure_images, image_alts
from demo.plan import TZ, build_plan, featured
from demo.stories import ensure_stories, sections_by_unit
from demo.unit_events import ensure_unit_events
from demo.users import ensure_demo_users
from exemplars.models import AwardType, ExemplarIndexPage, Field
from home.models import HomeFeaturedStory, HomePage
from units.workflows import EXEMPLAR_WORKFLOW


class Command(BaseCommand):
    help = (
        "Load demo content: exemplar stories from every contributing unit from the plan's start "
        "(04/9/2019) to the current month, meeting the quota most periods, campaigns with their "
        "honouring events, the outlets' columns with articles and broadcasts, generated images, and "
        "stories in draft, waiting at each step of moderation and sent back. Needs setup_newsroom "
        "first. Safe to run again: a second run on the same day creates nothing, a run in a later "
        "month adds that month's stories. Stories sent to moderation notify the demo approvers "
        "(addresses at example.invalid) through the configured email backend."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="The date the demo lives in, YYYY-MM-DD (default: today in the province).",
        )

    def handle(self, *args, no_progress=False, verbosity=1, today=None, **options):
        self._check_newsroom()
        latest = None
        if today is None or today == timezone.localdate(timezone=TZ):
            # Nothing is dated after now: a story of today is never published later in the day.
            today, latest = timezone.localdate(timezone=TZ), timezone.now()
        started = time.monotonic()
        tally = Tally()
        with transaction.atomic():
            users = ensure_demo_users()
            images = ensure_images(tally)
            campaigns = ensure_campaigns(tally)
            units = [section.unit for section in sections_by_unit().values() if section.unit.is_contributing]
            plan = build_plan(units, image_alts(), today, latest)

            def progress(stories):
                return tqdm(
                    stories, desc="Stories", unit="story", file=sys.stderr, disable=no_progress or verbosity == 0
                )

            pages = ensure_stories(plan, campaigns, images, users, tally, progress)
            ensure_events(campaigns, _live_by_campaign(plan, pages), images, tally)
            ensure_unit_events(tally)
            ensure_columns(plan, pages, images, tally)
            ensure_documents(tally)
            ensure_commendations(tally, today)
            _feature_on_home(plan, pages, tally)
        if verbosity:
            for line in tally.lines():
                self.stdout.write(line)
            created = sum(n for (_label, outcome), n in tally.items() if outcome == "created")
            seconds = time.monotonic() - started
            message = f"Demo content loaded: {created} objects created" if created else "Demo content already there"
            self.stdout.write(self.style.SUCCESS(f"{message} ({seconds:.1f} s)."))

    def _check_newsroom(self):
        try:
            self._find_missing()
        except DatabaseError as error:
            raise CommandError(
                f"The database is not ready ({error}). Run `manage.py migrate` and `manage.py setup_newsroom` first."
            ) from None

    def _find_missing(self):
        missing = []
        for model, what in (
            (HomePage, "the home page"),
            (ExemplarIndexPage, "the exemplar index"),
            (CampaignIndexPage, "the campaign index"),
            (ColumnIndexPage, "the column index"),
        ):
            if not model.objects.filter(locale__language_code="vi").exists():
                missing.append(what)
        for model, what in ((Field, "the fields"), (AwardType, "the award types")):
            if not model.objects.exists():
                missing.append(what)
        if not sections_by_unit():
            missing.append("the unit sections")
        for outlet_slug in COLUMNS:
            if not OutletPage.objects.filter(unit__slug=outlet_slug).exists():
                missing.append(f"the outlet page of {outlet_slug}")
        if not Workflow.objects.filter(name=EXEMPLAR_WORKFLOW).exists():
            missing.append(f"the workflow “{EXEMPLAR_WORKFLOW}”")
        if missing:
            raise CommandError(
                "The newsroom is not set up (missing: " + ", ".join(missing) + "). "
                "Run `manage.py setup_newsroom` first, then load the demo content."
            )


def _live_by_campaign(plan, pages):
    """Live story pages by campaign key, oldest first."""
    by_campaign = {}
    for story in sorted((s for s in plan if s.status == "live"), key=lambda s: s.published_at):
        page = pages.get((story.unit_slug, story.slug))
        if story.campaign_key and page is not None:
            by_campaign.setdefault(story.campaign_key, []).append(page)
    return by_campaign


def _feature_on_home(plan, pages, tally):
    """Feature the latest stories on the home page, unless an editor already chose some."""
    home = HomePage.objects.filter(locale__language_code="vi").first()
    existing = home.featured_stories.count()
    if existing:
        for _feature in range(existing):
            tally.record("home page features", "unchanged")
        return
    chosen = [pages[(s.unit_slug, s.slug)] for s in featured(plan) if (s.unit_slug, s.slug) in pages]
    home.featured_stories = [HomeFeaturedStory(story=page) for page in chosen]
    home.save_revision().publish()
    for _page in chosen:
        tally.record("home page features", "created")
