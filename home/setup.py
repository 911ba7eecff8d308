"""The locales, the home page and its standard pages, and the skeleton's translations."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from core.skeleton import SkeletonPage, ensure_translation
from home.models import HomePage, StandardPage
from units.models import UnitBoundaryPage

SITE_TITLE = "Gương điển hình tiên tiến Sóc Trăng"
HOME_INTRO = (
    "Tuyên truyền, nhân rộng gương điển hình tiên tiến, mô hình mới, nhân tố mới "
    "trong các phong trào thi đua yêu nước của tỉnh Sóc Trăng."
)
# The home page's title and introduction for readers of other languages (gettext, English source).
HOME_TRANSLATED_TITLE = _("Sóc Trăng advanced exemplars")
HOME_TRANSLATED_INTRO = _(
    "Advanced exemplars, new models and new factors of Sóc Trăng's patriotic emulation movements."
)

ABOUT_PAGE = SkeletonPage(
    StandardPage,
    "gioi-thieu",
    title="Giới thiệu",
    intro="Trang tuyên truyền gương điển hình tiên tiến thực hiện Kế hoạch số 123/KH-UBND ngày 04/9/2019 "
    "của Ủy ban nhân dân tỉnh Sóc Trăng.",
    translated_title=_("About"),
    translated_intro=_(
        "This site carries out Plan 123/KH-UBND of 4 September 2019 of the Sóc Trăng People's Committee."
    ),
)


def ensure_locales(tally):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        tally.record("locales", "created" if created else "unchanged")
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


@transaction.atomic
def ensure_home_page(tally):
    """The locales, and the HomePage as the default site's root; the apps' index pages and the
    standard pages go under it (``SkeletonPage.ensure_under``)."""
    locale = ensure_locales(tally)
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = _create_home_page(locale)
        tally.record("pages", "created")
    else:
        tally.record("pages", "unchanged")
    _ensure_default_site(home, tally)
    return home


def _create_home_page(locale):
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a plain "Welcome" page; our home page takes its place.
    for welcome in Page.objects.child_of(root).filter(content_type__model="page", slug="home"):
        if not welcome.get_children().exists():
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
    home = HomePage(title=SITE_TITLE, slug="home", locale=locale, intro=HOME_INTRO)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_default_site(home, tally):
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


def _retitle_home(translated):
    translated.title, translated.intro = str(HOME_TRANSLATED_TITLE), str(HOME_TRANSLATED_INTRO)


def _name_after_unit(translated):
    translated.title = translated.unit.name_in(translated.locale.language_code)


@transaction.atomic
def ensure_translated_skeleton(skeleton, tally):
    """The page tree's skeleton in every other language, so /km/ and /en/ work and translators
    have a tree to translate stories into: the home page, the ``skeleton`` pages under it (each
    app's ``SkeletonPage``, in menu order) and every unit's boundary page (its section or outlet
    page, named after the unit). Stories themselves are translated one by one."""
    home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    texts = {page.slug: page for page in skeleton}
    pages = [(home, _retitle_home)]
    pages += [
        (child, texts[child.slug].retitle) for child in home.get_children().filter(slug__in=texts).order_by("path")
    ]
    for page_type in UnitBoundaryPage.page_types():
        pages += [(page, _name_after_unit) for page in page_type.objects.descendant_of(home).order_by("path")]
    for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
        for page, retitle in pages:
            ensure_translation(page.specific, locale, tally, retitle)
