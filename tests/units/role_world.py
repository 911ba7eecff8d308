"""The pages and files every role is tested against (test_role_matrix.py, test_role_refusals.py):
one live page of each kind where a role may or may not work, owned by nobody in the matrix, so
that no owner's privilege (deleting an untouched draft of one's own) hides what the role grants."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale
from wagtailmedia.models import Media

from campaigns.models import CampaignIndexPage
from columns.models import OutletPage
from exemplars.models import ExemplarIndexPage, UnitSectionPage
from home.models import HomePage
from tests.factories import (
    CampaignPageFactory,
    ColumnArticlePageFactory,
    ColumnPageFactory,
    ExemplarPageFactory,
    StandardPageFactory,
)
from tests.helpers import png, published
from units.models import Role, Unit
from units.roles import add_member

# Every role of units/roles.py, and the staff who hold none: (username, role, unit slug).
PEOPLE = {
    "contributor": ("ks-contributor", Role.CONTRIBUTOR, "huyen-ke-sach"),
    "approver": ("ks-approver", Role.APPROVER, "huyen-ke-sach"),
    "board": ("board-reviewer", Role.BOARD, None),
    "reporter": ("bst-reporter", Role.OUTLET_REPORTER, "bao-soc-trang"),
    "editor": ("bst-editor", Role.OUTLET_EDITOR, "bao-soc-trang"),
    "translator-km": ("translator-km", Role.TRANSLATOR_KM, None),
    "translator-en": ("translator-en", Role.TRANSLATOR_EN, None),
    "no-role": ("staff-no-role", None, None),
}


def vietnamese(model):
    return model.objects.filter(locale__language_code="vi")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(newsroom, django_user_model):
    """One user per role. ``no-role`` may enter the admin (as every role group may) but holds no role."""
    users = {}
    for key, (username, role, unit_slug) in PEOPLE.items():
        user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
        if role is None:
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
        else:
            add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        users[key] = user
    return users


def _live_story(section, title):
    return published(ExemplarPageFactory(parent=section, title=title))


def _live_article(outlet_slug, title):
    outlet = vietnamese(OutletPage).get(unit__slug=outlet_slug)
    column = published(ColumnPageFactory(parent=outlet, title=f"Chuyên mục {title}"))
    return published(ColumnArticlePageFactory(parent=column, title=title))


@pytest.fixture
def pages(newsroom):
    """Live pages by where they stand for the roles above (Kế Sách's staff, Báo Sóc Trăng's)."""
    ke_sach = vietnamese(UnitSectionPage).get(unit__slug="huyen-ke-sach")
    y_te = vietnamese(UnitSectionPage).get(unit__slug="so-y-te")
    home = vietnamese(HomePage).get()
    own_story = _live_story(ke_sach, "Gương sáng Kế Sách")
    khmer = Locale.objects.get(language_code="km")
    translation = published(own_story.copy_for_translation(khmer, copy_parents=True))
    own_article = _live_article("bao-soc-trang", "Người giữ đê")
    return {
        "own section": ke_sach,
        "other unit's section": y_te,
        "own story": own_story,
        "other unit's story": _live_story(y_te, "Gương sáng Sở Y tế"),
        "exemplar index": vietnamese(ExemplarIndexPage).get(),
        "campaign": published(CampaignPageFactory(parent=vietnamese(CampaignIndexPage).get())),
        "home page": home,
        "standard page": published(StandardPageFactory(parent=home, title="Trang thử quyền")),
        "own outlet's column": own_article.get_parent().specific,
        "own outlet's article": own_article,
        "other outlet's article": _live_article("dai-phat-thanh-va-truyen-hinh-soc-trang", "Cô giáo vùng sâu"),
        "Khmer story": translation.specific,
        "Khmer home page": HomePage.objects.get(locale__language_code="km"),
        "English home page": HomePage.objects.get(locale__language_code="en"),
    }


@pytest.fixture
def files(newsroom, media_root):
    """An image, a document and a media item in Kế Sách's collection, in Báo Sóc Trăng's, in
    Sở Y tế's and in the root collection (the Board's)."""
    collections = {
        "own unit": Unit.objects.get(slug="huyen-ke-sach").collection,
        "own outlet": Unit.objects.get(slug="bao-soc-trang").collection,
        "other unit": Unit.objects.get(slug="so-y-te").collection,
        "root": Collection.get_first_root_node(),
    }
    made = {}
    for where, collection in collections.items():
        made[("image", where)] = Image.objects.create(title=f"Ảnh {where}", file=png(), collection=collection)
        made[("document", where)] = Document.objects.create(
            title=f"Văn bản {where}", file=ContentFile(b"%PDF-1.4", name="vb.pdf"), collection=collection
        )
        made[("media", where)] = Media.objects.create(
            title=f"Phóng sự {where}",
            file=ContentFile(b"ID3", name="ps.mp3"),
            type="audio",
            duration=60,
            collection=collection,
        )
    return made
