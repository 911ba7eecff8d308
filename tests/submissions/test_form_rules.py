"""The public forms' rules, checked on the forms themselves (no page): the cleaned text, the phone
numbers, the messages, the honeypot and the attributes assistive technology reads (issue 22)."""

import datetime
import unicodedata

import pytest
from django.http import QueryDict
from django.utils import translation

from exemplars.models import Field
from submissions.consent import CONSENT_VERSION
from submissions.forms import DifficultyReportForm, NominationForm, PublicSubmissionForm
from tests.submissions.conftest import nomination
from units.models import Unit, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    # The messages are compared with the source strings.
    with translation.override("en"):
        yield


def bound(data, form_class=NominationForm, **kwargs):
    form = form_class(data, **kwargs)
    form.is_valid()
    return form


# Control characters: taken out of one-line fields, tabs and line breaks kept in text areas.


def test_a_one_line_field_loses_its_controls_and_a_text_area_keeps_tabs_and_line_breaks(newsroom):
    data = QueryDict(mutable=True)
    data.update(nomination())
    data["nominee_name"] = "Nguyễn\tThị\x07 Hồng"
    data["achievements"] = "Năm 2020:\r\n\tnuôi cá lóc\x00 trong ruộng lúa"

    form = bound(data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nominee_name"] == "Nguyễn Thị Hồng"
    assert form.cleaned_data["achievements"] == "Năm 2020:\n\tnuôi cá lóc trong ruộng lúa"
    # A form sent back shows the cleaned text.
    assert form.data["nominee_name"] == "Nguyễn Thị Hồng"


def test_controls_are_taken_out_of_plain_dict_data_and_prefixed_fields(newsroom):
    data = {f"n-{name}": value for name, value in nomination().items()}
    data["n-nominee_name"] = "Nguyễn\x1b Thị Hồng"
    data["n-achievements"] = "Xã Đại Ân 2\x7f\tấp Lao Đức"
    del data["n-address"]  # an optional field left out of the data is left alone

    form = bound(data, prefix="n")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nominee_name"] == "Nguyễn Thị Hồng"
    assert form.cleaned_data["achievements"] == "Xã Đại Ân 2\tấp Lao Đức"


def test_every_value_of_a_repeated_field_is_cleaned(newsroom):
    data = QueryDict(mutable=True)
    data.update(nomination())
    data.setlist("nominee_name", ["Nguyễn\x07 Thị Hồng", "Lâm\x07 Văn Đởm"])

    form = NominationForm(data)

    assert form.data.getlist("nominee_name") == ["Nguyễn Thị Hồng", "Lâm Văn Đởm"]


def test_an_unbound_form_has_no_data():
    assert dict(NominationForm().data) == {}


def test_text_is_composed_and_choices_are_kept(newsroom):
    data = nomination()
    data["nominee_name"] = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")

    form = bound(data)

    assert form.cleaned_data["nominee_name"] == unicodedata.normalize("NFC", "Nguyễn Thị Hồng")
    assert form.cleaned_data["unit"] == Unit.objects.get(slug="huyen-ke-sach")


# Phone numbers.


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("  0299 3 821 234 ", "0299 3 821 234"),
        ("+84 (299) 382-1234", "+84 (299) 382-1234"),
        ("0299.3821", "0299.3821"),  # 8 digits
        ("123456789012345", "123456789012345"),  # 15 digits
        ("", ""),
    ],
)
def test_phone_numbers_people_write_are_taken_trimmed(newsroom, typed, stored):
    form = bound({**nomination(), "nominator_phone": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nominator_phone"] == stored


@pytest.mark.parametrize("typed", ["0299 382", "1234567890123456", "0299 382 12a4", "số 0299 3821234"])
def test_phone_numbers_too_short_too_long_or_with_letters_are_refused(newsroom, typed):
    form = bound({**nomination(), "nominator_phone": typed})

    assert form.errors["nominator_phone"] == ["Please enter a phone number of 8 to 15 digits."]


def test_the_phone_of_a_difficulty_report_is_checked_too(newsroom):
    data = {"unit": str(Unit.objects.get(slug="so-y-te").pk), "email": "", "phone": "0299 38"}

    form = bound(data, DifficultyReportForm)

    assert form.errors["phone"] == ["Please enter a phone number of 8 to 15 digits."]


def test_a_prefixed_difficulty_report_is_read_under_its_prefix(newsroom):
    unit = str(Unit.objects.get(slug="so-y-te").pk)
    data = {"r-unit": unit, "r-phone": " 0299 3821 234 ", "r-subject": "Xã Đại Ân 2"}

    form = bound(data, DifficultyReportForm, prefix="r")

    assert form.cleaned_data["phone"] == "0299 3821 234" and form.cleaned_data["subject"] == "Xã Đại Ân 2"


def test_a_missing_phone_is_read_as_empty():
    assert PublicSubmissionForm.clean_phone_value(None, None) == ""


# One of two fields.


def test_a_nominee_needs_a_place_and_a_nominator_a_contact(newsroom):
    form = bound({**nomination(), "unit": "", "address": "", "nominator_phone": "", "nominator_email": ""})

    assert form.errors["address"] == ["Please give the nominee's commune or address, or choose their unit."]
    assert form.errors["nominator_phone"] == ["Please give a phone number or an email so the Board can contact you."]


@pytest.mark.parametrize(("kept", "emptied"), [("address", "unit"), ("unit", "address")])
def test_either_field_of_a_pair_is_enough(newsroom, kept, emptied):
    form = bound({**nomination(), emptied: ""})

    assert form.is_valid(), form.errors


def test_a_field_with_its_own_error_gets_no_second_message(newsroom):
    form = bound({**nomination(), "unit": "", "address": "ấp " * 200, "nominator_phone": "12", "nominator_email": ""})

    assert len(form.errors["address"]) == 1 and "Please keep this to" in form.errors["address"][0]
    assert form.errors["nominator_phone"] == ["Please enter a phone number of 8 to 15 digits."]


# Messages and attributes.


def test_messages_for_empty_long_and_unchosen_fields(newsroom):
    form = bound({"nominee_name": "Nguyễn " * 40})

    assert form.errors["nominee_name"] == ["Please keep this to 200 characters (it has 279)."]
    assert form.errors["achievements"] == ["Please fill in this field."]
    assert form.errors["nominee_kind"] == ["Please choose one."]
    assert form.errors["consent"] == ["Please tick the box to agree: without it the Board cannot receive your form."]
    assert bound({}, DifficultyReportForm).errors["unit"] == ["Please choose one."]


def test_limits_are_given_to_the_browser_and_lists_start_with_a_prompt(newsroom):
    form = NominationForm()

    assert form.fields["achievements"].widget.attrs == {"cols": "40", "rows": 8, "maxlength": "5000"}
    assert form.fields["nominator_phone"].widget.attrs["maxlength"] == "20"
    assert form.fields["unit"].empty_label == "Choose…"
    assert form.fields["field"].empty_label == "Choose…"
    assert form.fields["website"].widget.attrs == {"maxlength": "200", "tabindex": "-1", "autocomplete": "off"}


def test_the_honeypot_is_not_a_visible_field(newsroom):
    form = NominationForm()

    assert form.honeypot.name == "website"
    names = [bound_field.name for bound_field in form.visible_fields()]
    assert "website" not in names and names[0] == "nominee_name" and "consent" in names


def test_fields_point_to_their_help_and_their_errors(newsroom):
    form = bound({**nomination(), "nominee_name": "", "consent": ""})
    form.describe_fields()

    def attrs(name):
        return form.fields[name].widget.attrs

    assert attrs("nominee_name")["aria-describedby"] == "id_nominee_name_error"
    assert attrs("nominee_name")["aria-invalid"] == "true"
    assert attrs("consent")["aria-describedby"] == "id_consent_help id_consent_error"
    assert attrs("unit")["aria-describedby"] == "id_unit_help"
    assert "aria-invalid" not in attrs("unit")
    assert "aria-describedby" not in attrs("nominator_name")


def test_the_lists_hold_the_active_units_but_the_board_and_every_field(newsroom):
    Unit.objects.filter(slug="so-y-te").update(active_until=datetime.date(2020, 12, 31))
    units = list(NominationForm().fields["unit"].queryset)

    assert units == sorted(units, key=lambda unit: unit.name) and units
    assert all(unit.kind != UnitKind.BOARD for unit in units)
    assert Unit.objects.filter(kind=UnitKind.BOARD).exists()
    assert "so-y-te" not in {unit.slug for unit in units}
    assert list(DifficultyReportForm().fields["unit"].queryset) == units
    assert set(NominationForm().fields["field"].queryset) == set(Field.objects.all())


def test_a_saved_submission_keeps_the_consent_version_and_the_notice_names_the_data(newsroom):
    form = bound(nomination())

    saved = form.save()

    saved.refresh_from_db()
    assert saved.consent_version == CONSENT_VERSION
    notice = form.consent_notice()
    assert notice[0].startswith("What is collected: your name, phone number and email, and the name")
    assert notice[1].startswith("Why: only so the Board can consider introducing the exemplar")
