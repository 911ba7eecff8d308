"""The contribution report's "models replicated" column (issue 17, nhân rộng): per unit, how many of
its stories have a live replication record adopted in the year. Records are never contributions."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from reports.contributions import contribution_report
from reports.documents.layout import to_bytes
from reports.documents.spans import half_year, whole_year
from reports.documents.unit import unit_document
from reports.views import ContributionReportView
from tests.exemplars.replication_world import record, section_of
from tests.factories import ExemplarPageFactory
from tests.helpers import at
from tests.units.exports import csv_rows
from units.models import Unit

TODAY = datetime.date(2026, 1, 15)


def results(year):
    units = Unit.objects.filter(slug__in=["huyen-my-tu", "huyen-ke-sach", "thi-xa-vinh-chau"])
    return {result.unit.slug: result for result in contribution_report(year, units=units, today=TODAY)}


@pytest.mark.django_db
def test_a_units_models_replicated_in_the_year_count_once_each(model_story):
    ke_sach, vinh_chau = section_of("huyen-ke-sach"), section_of("thi-xa-vinh-chau")
    other_model = ExemplarPageFactory(parent=section_of("huyen-my-tu"), first_published_at=at(2023, 9))
    before = {slug: result.total for slug, result in results(2024).items()}
    # Two places took up the same model in 2024: one model replicated.
    record(ke_sach, model_story, adopted_on=datetime.date(2024, 3, 15), commune="xã Phong Nẫm")
    record(vinh_chau, model_story, adopted_on=datetime.date(2024, 11, 2), commune="phường 1", district="")
    # Another model: adopted in 2023 (not this year), and a draft record in 2024 (not live).
    record(ke_sach, other_model, adopted_on=datetime.date(2023, 12, 31), commune="xã An Mỹ")
    record(ke_sach, other_model, adopted_on=datetime.date(2024, 6, 1), commune="xã Ba Trinh", live=False)

    in_2024 = results(2024)
    assert in_2024["huyen-my-tu"].replicated == 1
    assert in_2024["huyen-ke-sach"].replicated == 0 and in_2024["thi-xa-vinh-chau"].replicated == 0
    assert results(2023)["huyen-my-tu"].replicated == 1
    # The records are no contributions, neither of the model's unit nor of the adopting units.
    assert {slug: result.total for slug, result in in_2024.items()} == before


@pytest.mark.django_db
def test_the_report_costs_five_queries_as_its_module_says(model_story, django_assert_num_queries):
    record(section_of("huyen-ke-sach"), model_story)
    with django_assert_num_queries(5):
        contribution_report(2024, today=TODAY)


@pytest.mark.django_db
def test_the_grid_and_the_csv_show_the_column(client, staff, model_story):
    record(section_of("huyen-ke-sach"), model_story)
    client.force_login(staff["board"])
    page = client.get(reverse("units_reports:contributions"), {"year": 2024})
    assert 'data-column="replicated"' in page.content.decode()
    response = client.get(reverse("units_reports:contributions"), {"year": 2024, "export": "csv"})
    heading, *rows = csv_rows(response)
    with translation.override("vi"):
        column = heading.index(str(ContributionReportView.export_headings.get("replicated", "—")))
    replicated = {row[0]: row[column] for row in rows}
    assert replicated["Huyện Mỹ Tú"] == "1" and replicated["Huyện Kế Sách"] == "0"


@pytest.mark.django_db
def test_the_units_word_summary_says_how_many_of_its_models_were_replicated(rf, model_story):
    record(section_of("huyen-ke-sach"), model_story, adopted_on=datetime.date(2024, 3, 15))
    my_tu, ke_sach = Unit.objects.get(slug="huyen-my-tu"), Unit.objects.get(slug="huyen-ke-sach")

    def text(unit, span):
        document = docx.Document(io.BytesIO(to_bytes(unit_document(unit, span, request=rf.get("/")))))
        return "\n".join(paragraph.text for paragraph in document.paragraphs)

    assert "Có 1 mô hình, gương điển hình của đơn vị được nhân rộng trong kỳ." in text(my_tu, whole_year(2024))
    assert "Có 0 mô hình, gương điển hình của đơn vị được nhân rộng trong kỳ." in text(my_tu, half_year(2024, 2))
    assert "Có 0 mô hình" in text(ke_sach, whole_year(2024))
