"""The demo's editorial plan: which unit tells which story, when, in which field and campaign.

``build_plan`` is a pure function of the units and of ``random.Random`` seeded with 2019 (and the
unit's slug, so adding or removing a unit leaves the other units' stories as they were): it
touches no database, so every run plans exactly the same stories with the same slugs, and the
loader only has to create the ones that are missing.
"""

import datetime
import random
import zoneinfo

from core.text import slugify_vi
from demo.compose import ARCHETYPES, compose
from demo.places import DISTRICTS

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED = 2019
MONTHS = 24  # January 2019 to December 2020

# District-level units owe a story a month, the others one a quarter: districts get more.
LIVE_PER_DISTRICT = 13
LIVE_PER_OTHER_UNIT = 3

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
# Fields of the other units' own work; a unit not listed draws from every field.
UNIT_FIELDS = {
    "so-y-te": ["y-duc"],
    "so-giao-duc-va-dao-tao": ["day-tot-hoc-tot"],
    "so-nong-nghiep-va-phat-trien-nong-thon": ["san-xuat-kinh-doanh", "ho-gia-dinh-san-xuat-gioi"],
    "so-khoa-hoc-va-cong-nghe": ["nhan-si-tri-thuc-nha-khoa-hoc"],
    "so-ke-hoach-va-dau-tu": ["san-xuat-kinh-doanh"],
    "so-cong-thuong": ["san-xuat-kinh-doanh"],
    "so-tai-chinh": ["hoc-tap-va-lam-theo-bac", "xay-dung-dang-doan-the"],
    "so-giao-thong-van-tai": ["xay-dung-nong-thon-moi"],
    "so-xay-dung": ["xay-dung-nong-thon-moi"],
    "so-tai-nguyen-va-moi-truong": ["xay-dung-nong-thon-moi", "nhan-si-tri-thuc-nha-khoa-hoc"],
    "so-thong-tin-va-truyen-thong": ["hoc-tap-va-lam-theo-bac", "van-hoa-xa-hoi"],
    "so-lao-dong-thuong-binh-va-xa-hoi": ["nguoi-tot-viec-tot", "van-hoa-xa-hoi"],
    "so-noi-vu": ["xay-dung-dang-doan-the", "hoc-tap-va-lam-theo-bac"],
    "ban-dan-toc": ["van-hoa-xa-hoi"],
    "van-phong-ubnd-tinh": ["hoc-tap-va-lam-theo-bac"],
    "thanh-tra-tinh": ["hoc-tap-va-lam-theo-bac", "quoc-phong-an-ninh"],
    "so-tu-phap": ["quoc-phong-an-ninh", "hoc-tap-va-lam-theo-bac"],
    "so-van-hoa-the-thao-va-du-lich": ["van-hoa-xa-hoi"],
    "uy-ban-mttq-viet-nam-tinh": ["hoc-tap-va-lam-theo-bac", "nguoi-tot-viec-tot", "xay-dung-nong-thon-moi"],
    "lien-doan-lao-dong-tinh": ["san-xuat-kinh-doanh", "nguoi-tot-viec-tot"],
    "tinh-doan": ["xay-dung-dang-doan-the", "nguoi-tot-viec-tot"],
    "hoi-lien-hiep-phu-nu-tinh": ["xay-dung-dang-doan-the", "ho-gia-dinh-san-xuat-gioi"],
    "hoi-nong-dan-tinh": ["ho-gia-dinh-san-xuat-gioi", "san-xuat-kinh-doanh"],
    "hoi-cuu-chien-binh-tinh": ["quoc-phong-an-ninh", "nguoi-tot-viec-tot"],
}

# Stories still in the editorial pipeline, so the dashboards have work in them: the demo users of
# Huyện Kế Sách and Sở Y tế (users.py) see theirs; "unit-approved" ones wait for the Board.
UNPUBLISHED = {
    "huyen-ke-sach": ["moderation", "moderation", "unit-approved", "draft", "draft", "draft"],
    "so-y-te": ["moderation", "moderation", "unit-approved", "draft", "draft", "draft"],
    "huyen-my-xuyen": ["draft"],
    "thi-xa-vinh-chau": ["draft"],
    "tinh-doan": ["draft"],
    "so-giao-duc-va-dao-tao": ["draft"],
}

# Campaign keys (campaigns.py) a live story may belong to, by its first field.
CAMPAIGN_SHARE = 0.45
CAMPAIGN_BY_FIELD = {
    "xay-dung-nong-thon-moi": "nong-thon-moi",
    "ho-gia-dinh-san-xuat-gioi": "nong-thon-moi",
    "san-xuat-kinh-doanh": "doanh-nghiep",
    "nguoi-tot-viec-tot": "vi-nguoi-ngheo",
    "van-hoa-xa-hoi": "vi-nguoi-ngheo",
}
DEFAULT_CAMPAIGN = "thi-dua-yeu-nuoc"


def _when(rng, month_index):
    year, month = 2019 + month_index // 12, month_index % 12 + 1
    return datetime.datetime(
        year, month, rng.randint(1, 28), rng.randint(7, 16), rng.choice([0, 15, 30, 45]), tzinfo=TZ
    )


def _dates(rng, unit, count):
    if unit.kind == "district":
        months = [min(MONTHS - 1, j * MONTHS // count + rng.randint(0, 1)) for j in range(count)]
    else:
        months = [q * 3 + rng.randint(0, 2) for q in sorted(rng.sample(range(MONTHS // 3), count))]
    return [_when(rng, m) for m in months]


def _field_for(rng, unit):
    if unit.kind == "district":
        names = list(DISTRICT_FIELDS)
        return rng.choices(names, weights=[DISTRICT_FIELDS[n] for n in names])[0]
    return rng.choice(UNIT_FIELDS.get(unit.slug) or sorted(ARCHETYPES))


def _archetype(rng, field_slug, when, used):
    """An archetype of the field allowed at ``when``, preferring those the unit has not used yet."""
    day = (when or datetime.datetime(2020, 12, 31, tzinfo=TZ)).date().isoformat()
    allowed = [a for a in ARCHETYPES[field_slug] if a.get("not_before", "") <= day]
    fresh = [a for a in allowed if id(a) not in used] or allowed
    choice = rng.choice(fresh)
    used.add(id(choice))
    return choice


def _campaign(rng, story):
    if rng.random() >= CAMPAIGN_SHARE:
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


def build_plan(units, image_alts):
    """Every demo story, in creation order. ``units``: the contributing units with a section."""
    stories = []
    for unit in sorted(units, key=lambda u: u.slug):
        rng = random.Random(f"{SEED}:{unit.slug}")
        count = LIVE_PER_DISTRICT if unit.kind == "district" else LIVE_PER_OTHER_UNIT
        when_list = _dates(rng, unit, count) + [None] * len(UNPUBLISHED.get(unit.slug, []))
        statuses = ["live"] * count + UNPUBLISHED.get(unit.slug, [])
        taken, used = set(), set()
        for when, status in zip(when_list, statuses, strict=True):
            field_slug = _field_for(rng, unit)
            arch = _archetype(rng, field_slug, when, used)
            district = unit.slug if unit.slug in DISTRICTS else rng.choice(sorted(DISTRICTS))
            story = compose(rng, arch, field_slug, unit, district, when, image_alts)
            story.slug = _unique_slug(story.title, taken)
            story.published_at = when
            story.status = status
            story.campaign_key = _campaign(rng, story) if status == "live" else ""
            stories.append(story)
    return stories


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
