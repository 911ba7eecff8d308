"""The Board's document charts periods met and missed per kind of unit (issue 16: "one chart (stories
per month, met/missed per kind of unit)"), next to the stories per month."""

import io

import docx
import pytest
from django.urls import reverse
from PIL import Image

from exemplars.models import UnitSectionPage
from reports.documents.png_chart import MET_BAR, MISSED_BAR
from tests.factories import ExemplarPageFactory
from tests.helpers import at

pytestmark = pytest.mark.django_db


def images_of(document):
    """The document's pictures, in the order they appear."""
    blips = document.element.body.xpath(".//a:blip/@r:embed")
    return [Image.open(io.BytesIO(document.part.related_parts[rid].blob)).convert("RGB") for rid in blips]


def test_year_document_charts_periods_met_and_missed_per_kind_of_unit(board, newsroom):
    ke_sach = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    ExemplarPageFactory(parent=ke_sach, first_published_at=at(2020, 1, 10))

    response = board.get(reverse("units_reports:documents"), {"download": "1", "document": "year", "year": "2020"})

    document = docx.Document(io.BytesIO(response.content))
    captions = [p.text for p in document.paragraphs if p.text.startswith("Biểu đồ")]
    assert captions[0] == "Biểu đồ 1: số bài theo tháng"
    assert captions[1].startswith("Biểu đồ 2: số kỳ đạt (cột xanh) và không đạt (cột đỏ) theo loại đơn vị: 1. ")
    assert "Đơn vị cấp huyện" in captions[1]
    _months, kinds = images_of(document)
    colours = {colour for _count, colour in kinds.getcolors(maxcolors=1 << 16)}
    assert MET_BAR in colours and MISSED_BAR in colours  # Kế Sách met January and missed the other months
