"""The grants units/roles.py gives (the Board's, the translators', a unit's), rebuilt by its own
functions: a grant removed by hand comes back on the next `setup_newsroom`, and a page the Board
adds under the home page carries the Board's grants at once. setup_newsroom builds the test
database before any test runs, so only a test that calls these functions itself reaches them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from core.seeding import Tally
from exemplars.models import ExemplarIndexPage
from home.models import HomePage
from tests.factories import StandardPageFactory
from units.models import Role, RoleGroup, Unit
from units.roles import board_group, ensure_site_roles, ensure_unit_roles, grant_board_on_new_page, group_for


def grants_of(group):
    """Everything a group is granted, as the Settings → Groups page lists it."""
    pages = set(group.page_permissions.values_list("page__url_path", "permission__codename"))
    collections = set(group.collection_permissions.values_list("collection__name", "permission__codename"))
    models = set(group.permissions.values_list("content_type__app_label", "codename"))
    return pages, collections, models


def strip(group):
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    # access_admin is given when the group is made, not again: it stays.
    group.permissions.remove(*group.permissions.exclude(codename="access_admin"))


def site_groups():
    return {link.role: link.group for link in RoleGroup.objects.filter(unit__isnull=True).select_related("group")}


@pytest.mark.django_db
def test_the_board_s_grants_removed_by_hand_come_back(newsroom):
    board = board_group()
    before = grants_of(board)
    pages, collections, models = before
    root = Collection.get_first_root_node().name
    # Where the Board publishes, what it manages, and the files it may delete, as setup left them.
    index = ExemplarIndexPage.objects.get(locale__language_code="vi").url_path
    assert {(index, "publish_page"), (index, "bulk_delete_page")} <= pages
    assert (root, "delete_image") in collections and ("units", "change_unit") in models
    khmer_home = HomePage.objects.get(locale__language_code="km").url_path
    assert (khmer_home, "publish_page") in pages
    # Never the Vietnamese home page: that grant would reach every outlet's columns.
    home = HomePage.objects.get(locale__language_code="vi").url_path
    assert not any(path == home for path, _ in pages)

    strip(board)
    ensure_site_roles(Tally())
    assert grants_of(board) == before


@pytest.mark.django_db
def test_the_translators_grants_removed_by_hand_come_back(newsroom):
    groups = {role: group_for(role) for role in (Role.TRANSLATOR_KM, Role.TRANSLATOR_EN)}
    before = {role: grants_of(group) for role, group in groups.items()}
    khmer_home = HomePage.objects.get(locale__language_code="km").url_path
    pages, collections, models = before[Role.TRANSLATOR_KM]
    assert pages == {(khmer_home, "add_page"), (khmer_home, "change_page")}
    assert collections == {(Collection.get_first_root_node().name, "choose_image")}
    assert ("wagtail_localize", "submit_translation") in models

    for group in groups.values():
        strip(group)
    ensure_site_roles(Tally())
    assert {role: grants_of(group) for role, group in groups.items()} == before


@pytest.mark.django_db
def test_site_groups_deleted_by_hand_are_made_again_with_their_grants(newsroom):
    # The translators' groups (the Board's belongs to the Board unit).
    assert set(site_groups()) == {Role.TRANSLATOR_KM, Role.TRANSLATOR_EN}
    before = {role: (group.name, grants_of(group)) for role, group in site_groups().items()}
    Group.objects.filter(pk__in=[group.pk for group in site_groups().values()]).delete()
    ensure_site_roles(Tally())
    assert {role: (group.name, grants_of(group)) for role, group in site_groups().items()} == before


@pytest.mark.django_db
def test_a_unit_s_grants_removed_by_hand_come_back(newsroom):
    unit = Unit.objects.get(slug="bao-soc-trang")
    groups = [group_for(Role.OUTLET_REPORTER, unit), group_for(Role.OUTLET_EDITOR, unit)]
    before = [grants_of(group) for group in groups]
    for group in groups:
        strip(group)
    ensure_unit_roles(unit, Tally())
    assert [grants_of(group) for group in groups] == before
    editors_pages = before[1][0]
    assert {codename for _, codename in editors_pages} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }


@pytest.mark.django_db
def test_a_page_the_board_adds_under_the_home_page_carries_the_board_s_grants(newsroom):
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPageFactory(parent=home, title="Trang giới thiệu Ban Thi đua")
    GroupPagePermission.objects.filter(page=page).delete()
    grant_board_on_new_page(page)
    codenames = set(board_group().page_permissions.filter(page=page).values_list("permission__codename", flat=True))
    assert codenames == {f"{p}_page" for p in ("add", "change", "publish", "bulk_delete", "lock", "unlock")}


@pytest.mark.django_db
def test_without_a_board_group_a_new_page_is_granted_to_nobody(newsroom):
    board_group().delete()
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPageFactory(parent=home, title="Trang chưa có Ban")
    grant_board_on_new_page(page)
    assert not GroupPagePermission.objects.filter(page=page).exists()
