"""Every interface string has its Vietnamese, Khmer and English translation."""

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["vi", "km", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert len(catalogue) > 300


def test_interface_speaks_each_language():
    expected = {"vi": "Đóng góp của đơn vị", "en": "Unit contributions"}
    for language, text in expected.items():
        with translation.override(language):
            assert gettext("Unit contributions") == text
    with translation.override("km"):
        assert gettext("Unit contributions") != "Unit contributions"
