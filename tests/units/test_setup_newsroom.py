"""`setup_newsroom` builds the newsroom once; running it again changes nothing."""

import io
import unicodedata

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from campaigns.models import CampaignIndexPage
from columns.models import ColumnIndexPage, OutletPage
from exemplars.models import AwardType, ExemplarIndexPage, Field, UnitSectionPage
from home.models import HomePage
from units.loading import DEFAULT_UNITS_FILE
from units.models import EmulationBloc, Unit, UnitKind


def run_setup(*args):
    out = io.StringIO()
    call_command("setup_newsroom", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Locale, Page, Site, Unit, EmulationBloc, Field, AwardType, UnitSectionPage, OutletPage)
    }


@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing(newsroom):
    # The test database was set up once already (tests/conftest.py); this is the next run.
    first = counts()
    snapshot = list(Unit.objects.order_by("slug").values())
    output = run_setup()
    assert counts() == first
    assert list(Unit.objects.order_by("slug").values()) == snapshot
    assert "Newsroom already set up." in output
    assert "created" in output and all(" 0 created, 0 updated" in line for line in output.splitlines()[:-1])


@pytest.mark.django_db
def test_first_run_on_an_empty_newsroom_creates_everything():
    from django.contrib.auth.models import Group

    from exemplars.models import ExemplarPage

    ExemplarPage.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    Unit.objects.all().delete()
    EmulationBloc.objects.all().delete()
    Group.objects.all().delete()
    output = run_setup()
    assert "Newsroom set up." in output
    assert "units: 38 created" in output and "unit sections: 35 created" in output
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == ["en", "km", "vi"]


@pytest.mark.django_db
def test_locales_and_page_tree_follow_the_design(newsroom):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "km", "vi"]
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "vi"
    children = {type(page) for page in home.get_children().specific()}
    assert {ExemplarIndexPage, CampaignIndexPage, ColumnIndexPage} <= children
    # Wagtail's welcome page is gone: one home page per language, ours.
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == ["en", "km", "vi"]


@pytest.mark.django_db
def test_every_active_contributing_unit_has_a_section_and_outlets_have_pages(newsroom):
    contributing = Unit.objects.contributing()
    assert contributing.count() == 35
    assert set(UnitSectionPage.objects.filter(locale__language_code="vi").values_list("unit__slug", flat=True)) == set(
        contributing.values_list("slug", flat=True)
    )
    assert sorted(OutletPage.objects.filter(locale__language_code="vi").values_list("unit__slug", flat=True)) == [
        "bao-soc-trang",
        "dai-phat-thanh-va-truyen-hinh-soc-trang",
    ]


@pytest.mark.django_db
def test_units_file_loads_with_exact_nfc_names_and_kinds(newsroom):
    districts = list(Unit.objects.filter(kind=UnitKind.DISTRICT).order_by("name").values_list("name", flat=True))
    assert districts == sorted(
        [
            "Thành phố Sóc Trăng",
            "Thị xã Ngã Năm",
            "Thị xã Vĩnh Châu",
            "Huyện Châu Thành",
            "Huyện Cù Lao Dung",
            "Huyện Kế Sách",
            "Huyện Long Phú",
            "Huyện Mỹ Tú",
            "Huyện Mỹ Xuyên",
            "Huyện Thạnh Trị",
            "Huyện Trần Đề",
        ]
    )
    for name in Unit.objects.values_list("name", flat=True):
        assert unicodedata.is_normalized("NFC", name), name
    assert Unit.objects.get(slug="bao-soc-trang").kind == UnitKind.MEDIA_OUTLET
    assert Unit.objects.get(slug="dai-phat-thanh-va-truyen-hinh-soc-trang").name == (
        "Đài Phát thanh và Truyền hình Sóc Trăng"
    )
    board = Unit.objects.get(kind=UnitKind.BOARD)
    assert board.name == "Ban Thi đua - Khen thưởng"
    assert board.emails == ["btdkt.sonv@soctrang.gov.vn"]
    assert Unit.objects.filter(kind=UnitKind.MASS_ORGANISATION).count() == 6
    assert Unit.objects.get(slug="huyen-ke-sach").bloc.name == "Khối huyện, thị xã, thành phố"
    assert Field.objects.filter(name="Y đức").exists()
    assert AwardType.objects.get(name="Gia đình văn hóa").for_households


@pytest.mark.django_db
def test_units_option_loads_another_list(tmp_path, newsroom):
    data = yaml.safe_load(DEFAULT_UNITS_FILE.read_text(encoding="utf-8"))
    data["units"] += [
        {
            "slug": "so-nong-nghiep-va-moi-truong",
            "name": "Sở Nông nghiệp và Môi trường",
            "kind": "department",
            "active_from": "2025-03-01",
        },
    ]
    for unit in data["units"]:
        if unit["slug"] in {"so-nong-nghiep-va-phat-trien-nong-thon", "so-tai-nguyen-va-moi-truong"}:
            unit.update(active_until="2025-02-28", successor="so-nong-nghiep-va-moi-truong")
    path = tmp_path / "units-2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    output = run_setup("--units", str(path))

    merged = Unit.objects.get(slug="so-tai-nguyen-va-moi-truong")
    assert merged.successor.name == "Sở Nông nghiệp và Môi trường"
    assert str(merged.active_until) == "2025-02-28"
    assert "units: 1 created, 2 updated" in output


@pytest.mark.django_db
def test_a_bad_units_file_changes_nothing_and_lists_every_problem(tmp_path, newsroom):
    before = counts()
    path = tmp_path / "bad.yaml"
    path.write_text(
        "blocs: []\nunits:\n"
        "  - {slug: x, name: Huyện X, kind: province}\n"
        "  - {slug: y, name: Huyện Y, kind: district, bloc: nowhere, active_from: 2019-13-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        run_setup("--units", str(path))
    message = str(error.value)
    assert "nothing was changed" in message
    assert "kind 'province'" in message
    assert "bloc 'nowhere'" in message
    assert "2019-13-01" in message
    assert counts() == before
