"""Seed the benchmark database: 60 contributing units and N live stories over ten years, in bulk.

Usage (after migrate, setup_newsroom and load_demo_content)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench python -m bench.seed --stories 30000

Pages are written with bulk INSERTs instead of ``add_child`` + ``publish`` (about 8 stories a
second through Wagtail, an hour for 30,000): treebeard paths are computed here, then the
``wagtailcore_page`` rows, the ``exemplars_exemplarpage`` rows, their fields, awards and
``SearchEntry`` rows go in batches. Stories are live, in the vi locale, with url_path, a
first_published_at spread over ten years and (mostly) a first_submitted_at for the contribution
report. They get no revisions: the public site and the report never read them. Text comes from the
demo's story composer (demo.compose), so titles, names and places are real Vietnamese.

Seeded stories are recognisable by having no live revision; a rerun with the same size does
nothing, a different size asks for a fresh database (BENCH_FORCE=1 make bench).
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid

BATCH = 1000
SEED = "soc-trang-bench"


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()


def seeded_stories():
    """Stories the seeder wrote (live stories without a live revision)."""
    from exemplars.models import ExemplarPage

    return ExemplarPage.objects.filter(live=True, live_revision__isnull=True, locale__language_code="vi")


def ensure_bench_units(target_units, stdout=sys.stdout):
    """Add bench units (and their sections) until ``target_units`` units contribute; returns their sections."""
    from core.text import slugify_vi
    from exemplars.models import UnitSectionPage
    from units.models import EmulationBloc, Unit

    from .units import BENCH_UNITS

    blocs = {bloc.slug: bloc for bloc in EmulationBloc.objects.all()}
    missing = target_units - Unit.objects.contributing().exclude(slug__startswith="bench-").count()
    if missing > len(BENCH_UNITS):
        raise SystemExit(f"Only {len(BENCH_UNITS)} bench units are defined; {missing} are needed.")
    for name, kind, bloc_slug in BENCH_UNITS[: max(missing, 0)]:
        slug = f"bench-{slugify_vi(name, max_length=90)}"
        unit, _ = Unit.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "short_name": f"[bench] {name}"[:100], "kind": kind, "bloc": blocs.get(bloc_slug)},
        )
        UnitSectionPage.ensure_for(unit)
    sections = list(
        UnitSectionPage.objects.filter(locale__language_code="vi", unit__kind__in=_contributing_kinds())
        .select_related("unit")
        .order_by("path")
    )
    stdout.write(f"{len(sections)} contributing units with a section\n")
    return sections


def _contributing_kinds():
    from units.models import CONTRIBUTING_KINDS

    return [str(kind) for kind in CONTRIBUTING_KINDS]


def _dates(rng, count, years, now):
    """``count`` publication times, uniform over the ``years`` years before ``now``, in office hours."""
    span = int(years * 365.25 * 86400)
    start = now - datetime.timedelta(seconds=span)
    dates = []
    for _ in range(count):
        when = start + datetime.timedelta(seconds=rng.randrange(span))
        # 00–09 UTC is 07–16 h in the province.
        dates.append(when.replace(hour=rng.randint(0, 9), minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0))
    return sorted(dates)


def _compose_story(rng, unit, when, image_alts):
    from demo.compose import ARCHETYPES, compose
    from demo.places import DISTRICTS

    field_slug = rng.choice(sorted(ARCHETYPES))
    day = when.date().isoformat()
    arch = rng.choice([a for a in ARCHETYPES[field_slug] if a.get("not_before", "") <= day] or ARCHETYPES[field_slug])
    district = unit.slug if unit.slug in DISTRICTS else rng.choice(sorted(DISTRICTS))
    return compose(rng, arch, field_slug, unit, district, when, image_alts)


class Writer:
    """Batches of pages for one parent at a time: computes paths and inserts rows in bulk."""

    def __init__(self, locale, content_type, fields, award_types, images):
        from wagtail.models import Page

        from exemplars.models import ExemplarPage

        self.Page, self.ExemplarPage = Page, ExemplarPage
        self.locale, self.content_type = locale, content_type
        self.fields, self.award_types, self.images = fields, award_types, images
        self.page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        self.child_fields = ExemplarPage._meta.local_concrete_fields
        self.next_child = {}

    def _path(self, section):
        if section.pk not in self.next_child:
            last = self.Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).order_by("-path")
            last_path = last.values_list("path", flat=True).first()
            self.next_child[section.pk] = self.Page._str2int(last_path[-self.Page.steplen :]) + 1 if last_path else 1
        number = self.next_child[section.pk]
        self.next_child[section.pk] += 1
        return self.Page._get_path(section.path, section.depth + 1, number)

    def build(self, number, story, section, when, submitted_at):
        """An unsaved ExemplarPage (with fields, awards and unit set in memory) for ``story``."""
        from core.text import slugify_vi

        slug = f"{slugify_vi(story.title, max_length=80) or 'cau-chuyen'}-{number}"
        page = self.ExemplarPage(
            title=story.title,
            draft_title=story.title,
            slug=slug,
            path=self._path(section),
            depth=section.depth + 1,
            numchild=0,
            url_path=f"{section.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=when,
            last_published_at=when,
            content_type=self.content_type,
            locale=self.locale,
            translation_key=uuid.uuid4(),
            kind=story.kind,
            subject_kind=story.subject_kind,
            subject_name=story.subject_name,
            position=story.position[:255],
            locality=story.locality[:255],
            summary=story.summary[:500],
            main_image=self.images.get(story.image_key),
            main_image_alt=story.image_alt,
            body=story.body,
            first_submitted_at=submitted_at,
            unit=section.unit,
        )
        page.fields = [self.fields[slug] for slug in story.fields if slug in self.fields]
        page._bench_awards = [
            (self.award_types[name], year, awarded_by, decision)
            for name, year, awarded_by, decision in story.awards
            if name in self.award_types and self.award_types[name].is_for(story.subject_kind)
        ]
        return page

    def write(self, pages):
        """Insert ``pages`` (their Page rows, story rows, fields, awards and search entries)."""
        from django.db import transaction

        from exemplars.models import ExemplarAward
        from search.documents import entry_values, write_entries
        from search.models import SearchEntry

        with transaction.atomic():
            base_rows = [self.Page(**{f.attname: getattr(p, f.attname) for f in self.page_fields}) for p in pages]
            self.Page.objects.bulk_create(base_rows, batch_size=BATCH)
            for page, row in zip(pages, base_rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
            self.ExemplarPage.objects._insert(pages, fields=self.child_fields)

            through = self.ExemplarPage.fields.through
            field_rows, awards, entries, entry_fields = [], [], [], []
            for page in pages:
                field_rows += [through(exemplarpage_id=page.pk, field_id=f.pk) for f in page.fields.all()]
                awards += [
                    ExemplarAward(page_id=page.pk, sort_order=i, award_type=t, year=y, awarded_by=by, decision_number=d)
                    for i, (t, y, by, d) in enumerate(page._bench_awards)
                ]
                # The same entry as search.documents.index_page writes, without its per-page queries.
                document = page.search_document()
                entries.append(SearchEntry(page_id=page.pk, **entry_values(page, document)))
                entry_fields += [
                    SearchEntry.fields.through(searchentry_id=page.pk, field_id=pk) for pk in document.field_ids
                ]
            through.objects.bulk_create(field_rows, batch_size=BATCH)
            ExemplarAward.objects.bulk_create(awards, batch_size=BATCH)
            # The rows and their index entries (search_fields), in bulk.
            write_entries(entries, entry_fields, batch_size=BATCH)

    def finish(self, sections):
        """Give every section its true number of children (treebeard's numchild)."""
        from django.db.models import Count

        for section in sections:
            number = self.Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).aggregate(
                n=Count("pk")
            )["n"]
            self.Page.objects.filter(pk=section.pk).update(numchild=number)


# Treebeard's find_problems() runs two queries per page (minutes at 30,000 pages); these are the
# same checks (path length and depth, orphans, numchild) plus sibling slugs, each in one query.
TREE_CHECKS = {
    "bad path length or depth": "SELECT COUNT(*) FROM wagtailcore_page WHERE LENGTH(path) %% %(step)s <> 0"
    " OR depth <> LENGTH(path) / %(step)s",
    "orphans": "SELECT COUNT(*) FROM wagtailcore_page c WHERE c.depth > 1 AND NOT EXISTS"
    " (SELECT 1 FROM wagtailcore_page p WHERE p.path = SUBSTR(c.path, 1, LENGTH(c.path) - %(step)s))",
    "wrong numchild": "SELECT COUNT(*) FROM wagtailcore_page p LEFT JOIN"
    " (SELECT SUBSTR(path, 1, LENGTH(path) - %(step)s) AS parent, COUNT(*) AS n FROM wagtailcore_page GROUP BY 1) c"
    " ON c.parent = p.path"
    " WHERE p.numchild <> COALESCE(c.n, 0)",
    "siblings sharing a slug": "SELECT COUNT(*) FROM (SELECT 1 FROM wagtailcore_page"
    " GROUP BY SUBSTR(path, 1, LENGTH(path) - %(step)s), slug HAVING COUNT(*) > 1) d",
}


def tree_problems():
    """{problem: number of pages} for every check of the page tree that fails; empty when sound."""
    from django.db import connection
    from wagtail.models import Page

    found = {}
    with connection.cursor() as cursor:
        for problem, sql in TREE_CHECKS.items():
            cursor.execute(sql % {"step": Page.steplen})
            count = cursor.fetchone()[0]
            if count:
                found[problem] = count
    return found


def seed(stories=30000, units=60, years=10, stdout=sys.stdout):
    """Seed ``stories`` stories over ``years`` years across ``units`` units; returns seconds taken."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from tqdm import tqdm
    from wagtail.models import Locale

    from core.seeding import Tally
    from demo.images import ensure_images, image_alts
    from exemplars.models import AwardType, ExemplarPage, Field

    started = time.monotonic()
    existing = seeded_stories().count()
    if existing == stories:
        stdout.write(f"Already seeded with {existing} stories: nothing to do.\n")
        return 0.0
    if existing:
        raise SystemExit(f"The database holds {existing} seeded stories, not {stories}: recreate it (BENCH_FORCE=1).")

    sections = ensure_bench_units(units, stdout)
    rng = random.Random(SEED)
    locale = Locale.objects.get(language_code="vi")
    writer = Writer(
        locale,
        ContentType.objects.get_for_model(ExemplarPage),
        {f.slug: f for f in Field.objects.all()},
        {a.name: a for a in AwardType.objects.all()},
        ensure_images(Tally()),
    )
    alts = image_alts()
    now = timezone.now()
    # District-level units owe a story a month, others a quarter: give them twice the share.
    weights = [2 if s.unit.kind == "district" else 1 for s in sections]
    dates = _dates(rng, stories, years, now)
    pending = []
    with tqdm(total=stories, unit="story", desc="Seeding stories", file=sys.stderr, mininterval=1) as bar:
        for number, when in enumerate(dates, start=1):
            section = rng.choices(sections, weights=weights)[0]
            story = _compose_story(rng, section.unit, when, alts)
            # Most stories were submitted by the unit days before the Board published them.
            submitted = when - datetime.timedelta(days=rng.randint(1, 12)) if rng.random() < 0.9 else None
            pending.append(writer.build(number, story, section, when, submitted))
            if len(pending) == BATCH:
                writer.write(pending)
                bar.update(len(pending))
                pending = []
        if pending:
            writer.write(pending)
            bar.update(len(pending))
    writer.finish(sections)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
        # index-only scans skip the rows. VACUUM cannot run in a transaction (tests seed inside one).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    problems = tree_problems()
    if problems:
        raise SystemExit(f"The page tree has problems after seeding: {problems}")
    seconds = time.monotonic() - started
    stdout.write(f"Seeded {stories} stories across {len(sections)} units in {seconds:.0f} s; tree checked.\n")
    return seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=int(os.environ.get("BENCH_STORIES", 30000)))
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    _setup_django()
    seed(args.stories, args.units, args.years)


if __name__ == "__main__":
    main()
