"""Seeding the column index and the media outlets' pages; run by setup_newsroom."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from columns.models import ColumnIndexPage, OutletPage
from core.skeleton import SkeletonPage
from units.models import Unit, UnitKind
from units.roles import ensure_unit_roles

COLUMN_INDEX = SkeletonPage(
    ColumnIndexPage,
    "chuyen-trang-chuyen-muc",
    title="Chuyên trang, chuyên mục",
    intro="Chuyên trang, chuyên mục về gương điển hình của Báo Sóc Trăng và Đài Phát thanh và Truyền hình.",
    translated_title=_("Dedicated pages and columns"),
    translated_intro=_("The exemplar pages and columns of Sóc Trăng's newspaper and radio-TV station."),
)


def ensure_outlet_page(unit, tally):
    index = ColumnIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        return
    if OutletPage.objects.filter(unit=unit, locale=index.locale).exists():
        tally.record("outlet pages", "unchanged")
        return
    page = OutletPage(title=unit.name, slug=unit.slug, unit=unit, locale=index.locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    tally.record("outlet pages", "created")


def ensure_outlet_pages(tally):
    for unit in Unit.objects.active().filter(kind=UnitKind.MEDIA_OUTLET):
        ensure_outlet_page(unit, tally)


def provision_outlet(unit, tally):
    """What a new media outlet needs to work: its outlet page, then its groups and collection
    (which get their page permissions on the outlet page, so it must exist first)."""
    ensure_outlet_page(unit, tally)
    ensure_unit_roles(unit, tally)
