"""The locales and the page-tree skeleton of DESIGN.md."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage

SITE_TITLE = "Gương điển hình tiên tiến Sóc Trăng"


def ensure_locales(tally):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        tally.record("locales", "created" if created else "unchanged")
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _ensure_child(parent, page_class, slug, tally, **values):
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        tally.record("pages", "unchanged")
        return existing
    page = page_class(slug=slug, locale=parent.locale, show_in_menus=True, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    tally.record("pages", "created")
    return page


@transaction.atomic
def ensure_page_tree(tally):
    """HomePage as the default site's root, with the exemplar, campaign and column indexes."""
    from campaigns.models import CampaignIndexPage
    from columns.models import ColumnIndexPage
    from exemplars.models import ExemplarIndexPage

    locale = ensure_locales(tally)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page; our home page takes its place.
        for welcome in Page.objects.child_of(root).filter(content_type__model="page", slug="home"):
            if not welcome.get_children().exists():
                Site.objects.filter(root_page=welcome).delete()
                welcome.delete()
        home = HomePage(
            title=SITE_TITLE,
            slug="home",
            locale=locale,
            intro="Tuyên truyền, nhân rộng gương điển hình tiên tiến, mô hình mới, nhân tố mới "
            "trong các phong trào thi đua yêu nước của tỉnh Sóc Trăng.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        tally.record("pages", "created")
    else:
        tally.record("pages", "unchanged")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # The public address the admin already knows, so emails and feeds link to real URLs.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        Site.objects.create(
            hostname=address.hostname or "localhost",
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=SITE_TITLE,
        )
        tally.record("sites", "created")
    elif site.root_page_id != home.pk or site.site_name != SITE_TITLE:
        site.root_page = home
        site.site_name = SITE_TITLE
        site.save()
        tally.record("sites", "updated")
    else:
        tally.record("sites", "unchanged")

    _ensure_child(
        home,
        ExemplarIndexPage,
        "guong-dien-hinh",
        tally,
        title="Gương điển hình",
        intro="Gương điển hình tiên tiến, mô hình mới, nhân tố mới do các đơn vị trong tỉnh giới thiệu.",
    )
    _ensure_child(
        home,
        CampaignIndexPage,
        "phong-trao-thi-dua",
        tally,
        title="Phong trào thi đua",
        intro="Các phong trào thi đua yêu nước và hoạt động tôn vinh điển hình.",
    )
    _ensure_child(
        home,
        ColumnIndexPage,
        "chuyen-trang-chuyen-muc",
        tally,
        title="Chuyên trang, chuyên mục",
        intro="Chuyên trang, chuyên mục về gương điển hình của Báo Sóc Trăng và Đài Phát thanh và Truyền hình.",
    )
    _ensure_child(
        home,
        StandardPage,
        "gioi-thieu",
        tally,
        title="Giới thiệu",
        intro="Trang tuyên truyền gương điển hình tiên tiến thực hiện Kế hoạch số 123/KH-UBND ngày 04/9/2019 "
        "của Ủy ban nhân dân tỉnh Sóc Trăng.",
    )
    return home


# The skeleton's titles and introductions for readers of other languages (gettext, English source).
SKELETON_TEXT = {
    "home": (
        _("Sóc Trăng advanced exemplars"),
        _("Advanced exemplars, new models and new factors of Sóc Trăng's patriotic emulation movements."),
    ),
    "guong-dien-hinh": (
        _("Exemplars"),
        _("Advanced exemplars, new models and new factors introduced by the province's units."),
    ),
    "phong-trao-thi-dua": (
        _("Emulation campaigns"),
        _("The province's patriotic emulation campaigns and the events that honour their exemplars."),
    ),
    "chuyen-trang-chuyen-muc": (
        _("Dedicated pages and columns"),
        _("The exemplar pages and columns of Sóc Trăng's newspaper and radio-TV station."),
    ),
    "gioi-thieu": (
        _("About"),
        _("This site carries out Plan 123/KH-UBND of 4 September 2019 of the Sóc Trăng People's Committee."),
    ),
}


def _translate_page(page, locale, tally):
    """The live translation of ``page`` into ``locale``, made from the skeleton's text if missing."""
    from exemplars.models import UnitSectionPage

    existing = page.get_translations().filter(locale=locale).first()
    if existing:
        tally.record("translated pages", "unchanged")
        return existing.specific
    translated = page.copy_for_translation(locale)
    with translation.override(locale.language_code):
        key = "home" if page.depth == 2 else page.slug
        if key in SKELETON_TEXT:
            title, intro = SKELETON_TEXT[key]
            translated.title, translated.intro = str(title), str(intro)
        elif isinstance(translated, UnitSectionPage) or hasattr(translated, "unit"):
            translated.title = translated.unit.name_in(locale.language_code)
    translated.save_revision().publish()
    tally.record("translated pages", "created")
    return translated


@transaction.atomic
def ensure_translated_skeleton(tally):
    """The page tree's skeleton in every other language, so /km/ and /en/ work and translators
    have a tree to translate stories into. Stories themselves are translated one by one."""
    from columns.models import ColumnIndexPage, OutletPage
    from exemplars.models import ExemplarIndexPage, UnitSectionPage

    home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    skeleton = [home, *home.get_children().filter(slug__in=SKELETON_TEXT).order_by("path")]
    skeleton += list(
        UnitSectionPage.objects.child_of(ExemplarIndexPage.objects.get(locale=home.locale)).order_by("path")
    )
    skeleton += list(OutletPage.objects.child_of(ColumnIndexPage.objects.get(locale=home.locale)).order_by("path"))
    for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
        for page in skeleton:
            _translate_page(page.specific, locale, tally)
