"""Who the demo stories are about and where they live: people's names, localities, award lines.

Every function takes the caller's ``random.Random`` so the whole demo stays deterministic.
"""

from core.text import nfc
from demo.places import (
    DISTRICTS,
    HOA_SURNAMES,
    KHMER_DISTRICTS,
    KHMER_GIVEN,
    KHMER_SURNAMES,
    KINH_GIVEN,
    KINH_MIDDLE,
    KINH_SURNAMES,
)


class Person:
    """A person: full name, sex ("m" or "f"), and how an article names them mid-sentence."""

    def __init__(self, name, sex, young=False):
        self.name = name
        self.sex = sex
        self.young = young

    @property
    def honorific(self):
        if self.young:
            return "anh" if self.sex == "m" else "chị"
        return "ông" if self.sex == "m" else "bà"

    @property
    def who(self):
        """E.g. "ông Thạch Sô Phol"."""
        return f"{self.honorific} {self.name}"

    @property
    def short(self):
        """How a headline names them: the given name with the honorific, e.g. "ông Sô Phol"."""
        return f"{self.honorific} {self.given}"

    @property
    def given(self):
        parts = self.name.split()
        # Khmer given names are often two syllables ("Sô Phol"); Kinh ones one ("Hùng").
        if parts[0] in KHMER_SURNAMES and len(parts) >= 3 and parts[1] != "Thị":
            return " ".join(parts[1:])
        return parts[-1]


def person(rng, district_slug=None, sex=None, young=False):
    """A plausible person of the district: Khmer more often where Khmer communities are largest."""
    sex = sex or rng.choice("mf")
    khmer_share = 0.45 if district_slug in KHMER_DISTRICTS else 0.15
    roll = rng.random()
    if roll < khmer_share:
        name = f"{rng.choice(KHMER_SURNAMES)} {rng.choice(KHMER_GIVEN[sex])}"
    elif roll < khmer_share + 0.06:
        name = f"{rng.choice(HOA_SURNAMES)} {rng.choice(KINH_MIDDLE[sex])} {rng.choice(KINH_GIVEN[sex])}"
    else:
        name = f"{rng.choice(KINH_SURNAMES)} {rng.choice(KINH_MIDDLE[sex])} {rng.choice(KINH_GIVEN[sex])}"
    return Person(nfc(name), sex, young=young)


class Place:
    """A commune, ward or township of a district-level unit, from places.py."""

    def __init__(self, district_slug, commune_kind, commune_name):
        self.district_slug = district_slug
        self.district = DISTRICTS[district_slug][0]
        self.commune_kind = commune_kind
        self.commune_name = commune_name

    @property
    def commune(self):
        """E.g. "xã An Mỹ", "phường 2"."""
        return f"{self.commune_kind} {self.commune_name}"

    @property
    def full(self):
        """E.g. "xã An Mỹ, huyện Kế Sách"."""
        return f"{self.commune}, {self.district}"

    @property
    def is_rural(self):
        return self.commune_kind == "xã"


def place(rng, district_slug=None, rural=False):
    """A commune of ``district_slug`` (or of any district); rural ones only when asked."""
    district_slug = district_slug or rng.choice(sorted(DISTRICTS))
    communes = DISTRICTS[district_slug][1]
    if rural:
        communes = [c for c in communes if c[0] == "xã"] or communes
    kind, name = rng.choice(communes)
    return Place(district_slug, kind, name)


def capitalise(text):
    return text[:1].upper() + text[1:]


# Awards a grassroots exemplar plausibly holds, most common first. Names are those of
# exemplars/data/award-types.yaml; the caller checks AwardType.is_for before using one.
AWARDS_BY_SUBJECT = {
    "individual": [
        "Giấy khen",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
        "Bằng khen của Thủ tướng Chính phủ",
        "Huân chương Lao động hạng Ba",
    ],
    "collective": [
        "Giấy khen",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Tập thể lao động tiên tiến",
        "Tập thể lao động xuất sắc",
        "Cờ thi đua của bộ, ban, ngành, tỉnh",
        "Bằng khen của Thủ tướng Chính phủ",
        "Huân chương Lao động hạng Ba",
    ],
    "household": [
        "Gia đình văn hóa",
        "Giấy khen",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Bằng khen của Thủ tướng Chính phủ",
    ],
}
AWARD_WEIGHTS = [30, 22, 14, 10, 8, 4, 2]

PROVINCE_AWARDS = {
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "Cờ thi đua của bộ, ban, ngành, tỉnh",
    "Tập thể lao động xuất sắc",
}


def initials(name):
    """Upper-case initials of a unit's name, as decision numbers use them: "Sở Y tế" -> "SYT"."""
    skip = {"và", "-", "tỉnh", "Việt", "Nam"}
    words = [w for w in name.replace(",", " ").split() if w not in skip]
    return "".join(w[0].upper() for w in words)


def award_line(rng, award_name, unit, place_, year):
    """(awarded_by, decision_number) for an award of ``award_name`` given in ``year``."""
    number = rng.randint(120, 3200)
    if award_name.startswith(("Huân chương", "Huy chương")):
        return "Chủ tịch nước", f"Quyết định số {number}/QĐ-CTN"
    if award_name == "Bằng khen của Thủ tướng Chính phủ":
        return "Thủ tướng Chính phủ", f"Quyết định số {number}/QĐ-TTg"
    if award_name in PROVINCE_AWARDS:
        return "Chủ tịch UBND tỉnh Sóc Trăng", f"Quyết định số {number}/QĐ-UBND"
    if award_name == "Gia đình văn hóa":
        return f"Chủ tịch UBND {place_.commune}", f"Quyết định số {rng.randint(12, 240)}/QĐ-UBND"
    # Giấy khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến: the unit's head.
    if unit.kind == "district":
        return f"Chủ tịch UBND {place_.district}", f"Quyết định số {number}/QĐ-UBND"
    if unit.kind == "department":
        head = {"Ban": "Trưởng", "Văn phòng": "Chánh", "Thanh tra": "Chánh"}.get(unit.name.split()[0], "Giám đốc")
        return f"{head} {unit.name}", f"Quyết định số {rng.randint(30, 900)}/QĐ-{initials(unit.name)}"
    return f"Ban Thường vụ {unit.name}", f"Quyết định số {rng.randint(20, 600)}-QĐ/{initials(unit.name)}"


def pick_awards(rng, subject_kind, count, young=False):
    """``count`` distinct award names for a subject, weighted toward the common ones.

    Young people (students, youth) hold commendations, not the titles of working life.
    """
    names = AWARDS_BY_SUBJECT[subject_kind][:2] if young else AWARDS_BY_SUBJECT[subject_kind]
    weights = AWARD_WEIGHTS[: len(names)]
    chosen = []
    while len(chosen) < min(count, len(names)):
        name = rng.choices(names, weights=weights)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen
