"""The demo's editorial plan: which unit tells which story, when, in which field and campaign.

Stories run from the plan's start (Kế hoạch 123/KH-UBND, 04/9/2019) to the month ``today`` falls
in, following the quota (units/data/quota-rules-2019.yaml): a district-level unit tells a story
most months, the other units one most quarters; a few periods are missed and a few have two.

``build_plan`` touches no database and is a pure function of the units and ``today``: each unit's
period draws from ``random.Random`` seeded with the unit and the period, and periods are planned
in time order, so a later ``today`` only adds stories at the end and every run on the same day
plans exactly the same stories with the same slugs. No title repeats: a title already planned
makes the unit draw again. ``today`` decides only what happens in the current period: a few units
have nothing yet, a few wait for the Board, and the demo units' extra stories sit at each step of
the workflow, one of them sent back.
"""

import datetime
import random
import zoneinfo

from core.text import slugify_vi
from demo.compose import ARCHETYPES, compose
from demo.places import DISTRICTS
from reports.contributions import Period
from units.models import QuotaPeriod, UnitKind

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED = 2019
PLAN_START = datetime.date(2019, 9, 4)
# The provincial departments sit in the provincial city.
SEAT = "thanh-pho-soc-trang"
# Shares of the periods a unit misses, or tells two stories in.
MISS_SHARE = 0.06
DOUBLE_SHARE = 0.1
# In the current period: units with nothing yet, and units whose story waits for the Board.
BEHIND_NOW = 3
AWAITING_BOARD_NOW = 3
ATTEMPTS = 60

# Fields a district draws from, with weights.
DISTRICT_FIELDS = {
    "san-xuat-kinh-doanh": 3,
    "xay-dung-nong-thon-moi": 3,
    "ho-gia-dinh-san-xuat-gioi": 2,
    "nguoi-tot-viec-tot": 2,
    "day-tot-hoc-tot": 1,
    "y-duc": 1,
    "xay-dung-dang-doan-the": 1,
    "hoc-tap-va-lam-theo-bac": 1,
    "van-hoa-xa-hoi": 1,
    "quoc-phong-an-ninh": 1,
}

# Stories of the current period still in the editorial pipeline, beyond the quota, so each
# dashboard has work in it: the demo users of Huyện Kế Sách and Sở Y tế (users.py) see theirs.
# "moderation" waits at the unit's step, "unit-approved" at the Board's, "sent-back" was returned
# by the Board with a comment (exactly one in the demo).
UNPUBLISHED = {
    "huyen-ke-sach": ["moderation", "sent-back", "draft", "draft"],
    "so-y-te": ["unit-approved", "moderation", "draft", "draft"],
    "huyen-my-xuyen": ["draft"],
    "thi-xa-vinh-chau": ["draft"],
    "tinh-doan": ["draft"],
    "so-giao-duc-va-dao-tao": ["draft"],
}
DEMO_UNITS = ("huyen-ke-sach", "so-y-te")

# Campaign keys (campaigns.py) a live story may belong to, by its first field; the campaigns ran
# to the end of 2020.
CAMPAIGN_SHARE = 0.45
CAMPAIGNS_END = datetime.date(2020, 12, 31)
CAMPAIGN_BY_FIELD = {
    "xay-dung-nong-thon-moi": "nong-thon-moi",
    "ho-gia-dinh-san-xuat-gioi": "nong-thon-moi",
    "san-xuat-kinh-doanh": "doanh-nghiep",
    "nguoi-tot-viec-tot": "vi-nguoi-ngheo",
    "van-hoa-xa-hoi": "vi-nguoi-ngheo",
}
DEFAULT_CAMPAIGN = "thi-dua-yeu-nuoc"


def can_tell(unit, arch):
    """Whether ``unit`` could have written a story from ``arch``: a district about its own
    communes, a department about its sector, a mass organisation about its members."""
    if unit.kind == UnitKind.DISTRICT:
        return unit.slug in DISTRICTS and arch.get("districts", True) and arch.get("district", unit.slug) == unit.slug
    return unit.slug in arch.get("by", ())


def repertoire(unit):
    """[(field slug, archetype, weight)] the unit may draw from."""
    return [
        (field_slug, arch, DISTRICT_FIELDS.get(field_slug, 1) / len(archs))
        for field_slug, archs in sorted(ARCHETYPES.items())
        for arch in archs
        if can_tell(unit, arch)
    ]


def periods(unit, today):
    """The unit's quota periods from the plan's start to the one ``today`` falls in."""
    kind = QuotaPeriod.MONTH if unit.kind == UnitKind.DISTRICT else QuotaPeriod.QUARTER
    found, period = [], Period.containing(kind, PLAN_START)
    while period.start <= today:
        found.append(period)
        period = Period.containing(kind, period.end + datetime.timedelta(days=1))
    return found


def _when(key, period, today, latest):
    """A time in office hours within ``period``, from the plan's start and never after ``latest``."""
    rng = random.Random(f"{key}:date")
    first = max(period.start, PLAN_START)
    last = period.end if period.end < today else today
    day = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
    when = datetime.datetime.combine(day, datetime.time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])), tzinfo=TZ)
    return min(when, latest)


def _story(rng, unit, choices, when, image_alts, titles):
    """A story of ``unit`` whose title no planned story has yet, or None."""
    weights = [weight for _field, _arch, weight in choices]
    for _attempt in range(ATTEMPTS):
        field_slug, arch, _weight = rng.choices(choices, weights=weights)[0]
        if arch.get("not_before", "") > when.date().isoformat():
            continue
        district = unit.slug if unit.kind == UnitKind.DISTRICT else arch.get("district")
        district = district or (SEAT if arch.get("seat") else rng.choice(sorted(DISTRICTS)))
        story = compose(rng, arch, field_slug, unit, district, when, image_alts)
        if story.title not in titles:
            titles.add(story.title)
            return story
    return None


def _campaign(rng, story):
    if story.published_at.date() > CAMPAIGNS_END or rng.random() >= CAMPAIGN_SHARE:
        return ""
    key = CAMPAIGN_BY_FIELD.get(story.fields[0], DEFAULT_CAMPAIGN)
    if key == "doanh-nghiep" and story.subject_kind != "collective" and story.kind != "new_factor":
        key = "nong-thon-moi"
    return key


def _unique_slug(title, taken):
    base = slugify_vi(title, max_length=80) or "cau-chuyen"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _slots(units, today):
    """(period, unit, number of stories) for every unit and period, in time order."""
    slots = []
    for unit in units:
        for period in periods(unit, today):
            roll = random.Random(f"{SEED}:{unit.slug}:{period.key}:count").random()
            count = 0 if roll < MISS_SHARE else 2 if roll < MISS_SHARE + DOUBLE_SHARE else 1
            slots.append((period, unit, count))
    return sorted(slots, key=lambda slot: (slot[0].start, slot[1].slug))


def current_status(units, today):
    """{unit slug: status} of the units' stories in the period ``today`` falls in, when not "live":
    a few units have nothing yet ("behind"), a few wait for the Board ("unit-approved")."""
    rng = random.Random(f"{SEED}:now:{today:%Y-%m}")
    others = sorted(unit.slug for unit in units if unit.slug not in DEMO_UNITS)
    chosen = rng.sample(others, min(len(others), BEHIND_NOW + AWAITING_BOARD_NOW))
    return {slug: "behind" if n < BEHIND_NOW else "unit-approved" for n, slug in enumerate(chosen)}


def build_plan(units, image_alts, today, latest=None):
    """Every demo story up to ``today``, in creation order. ``units``: the contributing units with a
    section; ``latest``: no story is dated after it (default: the end of ``today``)."""
    latest = latest or datetime.datetime.combine(today, datetime.time(23, 59), tzinfo=TZ)
    units = sorted(units, key=lambda u: u.slug)
    choices = {unit.slug: repertoire(unit) for unit in units}
    now_status = current_status(units, today)
    titles, slugs, stories = set(), {unit.slug: set() for unit in units}, []
    for period, unit, count in _slots(units, today):
        current = period.contains(today)
        for number in range(count):
            key = f"{SEED}:{unit.slug}:{period.key}:{number}"
            when = _when(key, period, today, latest)
            story = _story(random.Random(key), unit, choices[unit.slug], when, image_alts, titles)
            status = now_status.get(unit.slug, "live") if current else "live"
            if story is None or status == "behind":
                continue
            stories.append(_finish(story, unit, when, status, slugs, random.Random(f"{key}:campaign")))
    for unit in units:
        period = periods(unit, today)[-1]
        for number, status in enumerate(UNPUBLISHED.get(unit.slug, [])):
            key = f"{SEED}:{unit.slug}:{period.key}:extra{number}"
            when = _when(key, period, today, latest)
            story = _story(random.Random(key), unit, choices[unit.slug], when, image_alts, titles)
            if story is not None:
                stories.append(_finish(story, unit, when, status, slugs, None))
    return stories


def _finish(story, unit, when, status, slugs, campaign_rng):
    story.slug = _unique_slug(story.title, slugs[unit.slug])
    story.published_at = when
    story.status = status
    story.campaign_key = _campaign(campaign_rng, story) if campaign_rng and status == "live" else ""
    return story


def featured(stories, count=4):
    """The latest live stories, one per unit: what the home page features."""
    chosen, units = [], set()
    for story in sorted((s for s in stories if s.status == "live"), key=lambda s: s.published_at, reverse=True):
        if story.unit_slug not in units:
            chosen.append(story)
            units.add(story.unit_slug)
        if len(chosen) == count:
            break
    return chosen
