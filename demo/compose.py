"""Compose one demo story from an archetype: names, place, title, summary, body and awards."""

from dataclasses import dataclass, field

from demo.archetypes_agencies import AGENCIES
from demo.archetypes_civic import CIVIC
from demo.archetypes_economy import ECONOMY
from demo.archetypes_sectors import SECTORS
from demo.archetypes_society import SOCIETY
from demo.people import award_line, capitalise, nfc, person, pick_awards, place
from demo.places import DISTRICTS

# Field slug -> its archetypes, from every template module.
ARCHETYPES = {}
for _templates in (ECONOMY, SOCIETY, CIVIC, AGENCIES, SECTORS):
    for _field_slug, _archetypes in _templates.items():
        ARCHETYPES.setdefault(_field_slug, []).extend(_archetypes)

CLOSINGS = [
    "Những việc làm thiết thực của {who} là minh chứng sinh động cho phong trào thi đua yêu nước ở {district}, "
    "cần được tuyên truyền, nhân rộng.",
    "{Unit} giới thiệu điển hình này để cán bộ, đảng viên và nhân dân trong tỉnh học tập, làm theo.",
    "Từ câu chuyện của {who}, nhiều cách làm hay đã được các địa phương trong tỉnh học hỏi và áp dụng.",
]
# From 04/9/2019 stories cite the plan that asks units to introduce them.
PLAN_CLOSING = (
    "Câu chuyện do {unit} giới thiệu, thực hiện Kế hoạch số 123/KH-UBND ngày 04/9/2019 của UBND tỉnh Sóc Trăng "
    "về tuyên truyền, nhân rộng gương điển hình tiên tiến, mô hình mới, nhân tố mới."
)
AWARD_COUNTS = ([0, 1, 2, 3], [15, 45, 30, 10])


@dataclass
class Story:
    """Everything a demo ExemplarPage needs, decided before any database write."""

    unit_slug: str
    slug: str = ""
    title: str = ""
    kind: str = ""
    subject_kind: str = ""
    subject_name: str = ""
    who: str = ""  # how a sentence names the subject: "ông Thạch Sô Phol", "gia đình bà …"
    position: str = ""
    locality: str = ""
    summary: str = ""
    body: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    awards: list = field(default_factory=list)  # (award type name, year, awarded_by, decision_number)
    image_key: str = ""
    image_alt: str = ""
    campaign_key: str = ""
    published_at: object = None  # an aware datetime for live stories
    status: str = "live"  # live, draft, moderation or unit-approved


def unit_label(unit):
    """How a sentence names the unit: "UBND huyện Kế Sách", "Sở Y tế"."""
    if unit.kind == "district" and unit.slug in DISTRICTS:
        return f"UBND {DISTRICTS[unit.slug][0]}"
    return unit.name


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _subject(rng, arch, place_):
    """(subject_name, who, head, honorific) for the archetype's subject kind."""
    if arch["subject"] == "collective":
        values = _place_values(place_)
        if place_.commune_name.isdigit():  # "Trạm Y tế Phường 8", as such names are written
            values["commune"] = capitalise(place_.commune)
        name = capitalise(arch["collective"].format(**values))
        return name, name, None, "tập thể"
    someone = person(rng, place_.district_slug, sex=arch.get("sex"), young=arch.get("young", False))
    honorific = arch.get("honorific", someone.honorific)
    who = f"{honorific} {someone.name}"
    if arch["subject"] == "household":
        return f"Hộ {who}", f"gia đình {who}", who, honorific
    return someone.name, who, who, honorific


def _place_values(place_):
    name = place_.commune_name
    label = capitalise(place_.commune) if name.isdigit() else name
    return {
        "place": place_.full,
        "commune": place_.commune,
        "Commune_cap": capitalise(place_.commune),
        "commune_name": label,
        "district": place_.district,
    }


def compose(rng, arch, field_slug, unit, district_slug, published_at, image_alts):
    """A Story from archetype ``arch`` of ``field_slug``, told by ``unit`` about someone in ``district_slug``.

    ``image_alts`` maps an image key (motif-variant) to its alt text.
    """
    text = repr(arch)
    place_ = place(rng, district_slug, rural="{commune_name}" in text or "{commune}" in arch.get("collective", ""))
    subject_name, who, head, honorific = _subject(rng, arch, place_)
    leader = person(rng, place_.district_slug)
    year = published_at.year if published_at else 2020
    values = {
        **_place_values(place_),
        "name": subject_name,
        "Name": capitalise(subject_name),
        "who": who,
        "Who": capitalise(who),
        "Who_cap": capitalise(who),
        "pronoun": honorific,
        "Pronoun": capitalise(honorific),
        "unit": unit_label(unit),
        "Unit": capitalise(unit_label(unit)),
        "since": rng.randint(2005, 2016),
        "recent": year - 1,
        "leader": leader.who,
    }
    for key, (low, high) in arch.get("numbers", {}).items():
        values[key] = f"{rng.randint(low, high):,}".replace(",", ".")

    def fill(template):
        return nfc(template.format(**values))

    story = Story(unit_slug=unit.slug)
    story.kind = arch["kind"]
    story.subject_kind = arch["subject"]
    story.subject_name = nfc(subject_name)
    story.who = nfc(who)
    story.position = fill(arch["position"])
    story.locality = nfc(place_.full)
    story.title = fill(rng.choice(arch["titles"]))
    story.summary = fill(arch["summary"])
    story.fields = [field_slug]
    if arch.get("also") and rng.random() < 0.6:
        story.fields.append(arch["also"])
    variant = rng.randint(1, 2)
    story.image_key = f"{arch['image']}-{variant}"
    story.image_alt = image_alts.get(story.image_key, "")
    story.body = _body(rng, arch, fill, values, head, published_at)
    story.awards = _awards(rng, story.subject_kind, unit, place_, year, arch.get("young", False))
    return story


def _body(rng, arch, fill, values, head, published_at):
    paras = [fill(p) for p in arch["paras"]]
    text, speaker = arch["quote"]
    if speaker == "subject" and head:
        attribution = capitalise(head)
    else:
        role = fill(arch.get("leader_role", "Chủ tịch UBND {commune}"))
        attribution = f"{capitalise(values['leader'])}, {role}"
    quote = {"type": "quote", "value": {"text": nfc(text), "attribution": nfc(attribution)}}
    body = [_paragraph(p) for p in paras[:-2]]
    body.append({"type": "heading", "value": fill(arch["heading"])})
    body.append(_paragraph(paras[-2]))
    body.append(quote)
    body.append(_paragraph(paras[-1]))
    closing = rng.choice(CLOSINGS)
    if published_at and published_at.date().isoformat() >= "2019-09-04" and rng.random() < 0.5:
        closing = PLAN_CLOSING
    body.append(_paragraph(fill(closing)))
    items = [fill(item) for item in arch["achievements"]]
    body.append({"type": "achievements", "value": {"heading": "Thành tích", "items": items}})
    return body


def _awards(rng, subject_kind, unit, place_, year, young):
    count = rng.choices(*AWARD_COUNTS)[0]
    awards = []
    for name in pick_awards(rng, subject_kind, count, young):
        award_year = rng.randint(2015, min(year, 2020))
        awarded_by, number = award_line(rng, name, unit, place_, award_year)
        awards.append((name, award_year, nfc(awarded_by), nfc(number)))
    return sorted(awards, key=lambda award: award[1])
