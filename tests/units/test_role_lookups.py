"""units/roles.py's lookups, asked directly: who plays which role where, whom to write to, the
groups and collections a unit gets, and which group approves a page. The admin asks these on
every page listing and every notification; a page test would reach them in seconds, these in
milliseconds (issue 22)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import translation
from wagtail.models import Collection, Page

from columns.models import OutletPage
from core.seeding import Tally
from exemplars.models import ExemplarIndexPage, UnitSectionPage
from home.models import HomePage, StandardPage
from tests.factories import ColumnArticlePageFactory, ColumnPageFactory, ExemplarPageFactory, UnitFactory
from units.models import Role, RoleGroup, Unit, UnitKind
from units.provisioning import defer_unit_provisioning
from units.roles import (
    acts_as_board,
    add_member,
    approver_group_for_page,
    board_group,
    board_may_add_page_type,
    boundary_page,
    boundary_paths_approved_by,
    cached_roles_of,
    ensure_unit_collection,
    ensure_unit_roles,
    group_for,
    members_of,
    page_only_permissions,
    roles_for_unit,
    roles_of,
    translator_languages,
    unit_ids_in_roles,
    units_of,
)


@pytest.fixture
def unit(newsroom):
    return Unit.objects.get(slug="huyen-ke-sach")


@pytest.fixture
def make_user(newsroom, django_user_model):
    def make(username, *roles, unit=None, email=None, **fields):
        address = f"{username}@example.invalid" if email is None else email
        user = django_user_model.objects.create_user(username, address, "pw", **fields)
        for role in roles:
            add_member(user, role, unit)
        return user

    return make


def vietnamese(model):
    return model.objects.filter(locale__language_code="vi")


def test_each_kind_of_unit_gets_its_roles(unit):
    assert roles_for_unit(unit) == [Role.CONTRIBUTOR, Role.APPROVER]
    assert roles_for_unit(Unit(kind=UnitKind.MEDIA_OUTLET)) == [Role.OUTLET_REPORTER, Role.OUTLET_EDITOR]
    assert roles_for_unit(Unit(kind=UnitKind.BOARD)) == [Role.BOARD]


def test_a_unit_s_groups_are_named_in_vietnamese_by_its_short_name(unit):
    # The admin shows group names to the Board whatever language the reader chose.
    with translation.override("en"):
        names = {role: group_for(role, unit).name for role in roles_for_unit(unit)}
    assert names == {
        Role.CONTRIBUTOR: "H. Kế Sách: Cán bộ biên soạn của đơn vị",
        Role.APPROVER: "H. Kế Sách: Lãnh đạo duyệt của đơn vị",
    }
    assert group_for(Role.TRANSLATOR_KM).name == "Người dịch tiếng Khmer"


@pytest.mark.django_db
def test_a_new_unit_gets_its_groups_its_collection_and_nothing_twice(newsroom):
    # No short name: the group is named by the full name.
    unit = UnitFactory(name="Xã Đại Ân 2", slug="xa-dai-an-2", kind=UnitKind.DISTRICT)
    tally = Tally()
    ensure_unit_roles(unit, tally)
    contributors = group_for(Role.CONTRIBUTOR, unit)
    assert contributors.name == "Xã Đại Ân 2: Cán bộ biên soạn của đơn vị"
    assert contributors.permissions.filter(codename="access_admin").exists()
    grants = contributors.page_permissions.values_list("page", "permission__codename")
    assert set(grants) == {(boundary_page(unit).pk, "add_page"), (boundary_page(unit).pk, "change_page")}
    unit.refresh_from_db()
    assert unit.collection.name == "Xã Đại Ân 2"
    assert set(contributors.collection_permissions.values_list("collection", flat=True)) == {unit.collection_id}

    # Made when the unit was saved (units/provisioning.py): setup_newsroom reports them as unchanged.
    assert list(tally.lines()) == ["role groups: 0 created, 0 updated, 2 unchanged"]

    ensure_unit_roles(unit, Tally())
    assert RoleGroup.objects.filter(unit=unit).count() == 2
    assert Collection.objects.filter(name="Xã Đại Ân 2").count() == 1


@pytest.mark.django_db
def test_a_unit_loaded_in_bulk_gets_its_groups_counted_and_named_within_django_s_limit(newsroom):
    # A bulk loader (setup_newsroom) defers provisioning and reports what ensure_unit_roles made.
    name = (
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng, công nghiệp và hạ tầng kỹ thuật "
        "khu kinh tế, khu công nghiệp tỉnh Sóc Trăng"
    )
    with defer_unit_provisioning():
        unit = UnitFactory(name=name, slug="ban-qlda-dau-tu-xay-dung", kind=UnitKind.PUBLIC_SERVICE)
    tally = Tally()
    ensure_unit_roles(unit, tally)
    assert list(tally.lines()) == ["role groups: 2 created, 0 updated, 0 unchanged"]
    # Django's Group.name holds 150 characters (PostgreSQL refuses a longer one).
    contributors = group_for(Role.CONTRIBUTOR, unit).name
    assert (len(contributors), contributors[:40]) == (150, name[:40])


@pytest.mark.django_db
def test_the_board_unit_gets_no_unit_groups_from_ensure_unit_roles(newsroom):
    board_unit = Unit.objects.get(kind=UnitKind.BOARD)
    groups = Group.objects.count()
    ensure_unit_roles(board_unit, Tally())
    assert Group.objects.count() == groups
    assert not board_group().collection_permissions.filter(collection=board_unit.collection_id).exists()


@pytest.mark.django_db
def test_a_unit_collection_named_like_the_unit_is_taken_over_not_doubled(newsroom):
    root = Collection.get_first_root_node()
    existing = root.add_child(name="Xã Đại Ân 2")
    unit = UnitFactory(name="Xã Đại Ân 2", slug="xa-dai-an-2")
    assert ensure_unit_collection(unit) == existing
    # Kept in step on the object too: the unit's roles are granted on it next (exemplars/setup.py).
    assert unit.collection == existing
    assert Unit.objects.get(pk=unit.pk).collection == existing
    assert ensure_unit_collection(unit) == existing


def test_a_unit_s_boundary_page_is_its_vietnamese_section(unit):
    page = boundary_page(unit)
    assert (type(page), page.unit_id, page.locale.language_code) == (UnitSectionPage, unit.pk, "vi")
    assert boundary_page(Unit.objects.get(kind=UnitKind.BOARD)) is None


def test_the_approving_group_is_found_from_the_page_or_any_page_below_it(unit):
    section = vietnamese(UnitSectionPage).get(unit=unit)
    story = ExemplarPageFactory(parent=section, title="Gương sáng Nguyễn Thị Hồng")
    approvers = group_for(Role.APPROVER, unit)
    assert approver_group_for_page(story) == approvers
    assert approver_group_for_page(section) == approvers

    outlet = vietnamese(OutletPage).get(unit__slug="bao-soc-trang")
    article = ColumnArticlePageFactory(parent=ColumnPageFactory(parent=outlet), title="Người giữ đê")
    assert approver_group_for_page(article) == group_for(Role.OUTLET_EDITOR, outlet.unit)
    assert approver_group_for_page(vietnamese(HomePage).get()) is None


def test_an_approver_approves_below_their_own_unit_s_section_only(unit, make_user):
    approver = make_user("ks-approver", Role.APPROVER, unit=unit)
    contributor = make_user("ks-contributor", Role.CONTRIBUTOR, unit=unit)
    section = vietnamese(UnitSectionPage).get(unit=unit)
    # The Khmer copy of the section has the same unit: it is translated, not approved, by the unit.
    paths = boundary_paths_approved_by(approver)
    assert section.path in paths and all(Page.objects.get(path=path).specific.unit_id == unit.pk for path in paths)
    assert boundary_paths_approved_by(contributor) == []

    editor = make_user("bst-editor", Role.OUTLET_EDITOR, unit=Unit.objects.get(slug="bao-soc-trang"))
    outlet = vietnamese(OutletPage).get(unit__slug="bao-soc-trang")
    assert outlet.path in boundary_paths_approved_by(editor)


def test_roles_units_and_translation_languages_of_a_member(unit, make_user):
    user = make_user("nguyen-thi-hong", Role.CONTRIBUTOR, Role.APPROVER, unit=unit)
    add_member(user, Role.TRANSLATOR_KM)
    assert roles_of(user) == {Role.CONTRIBUTOR, Role.APPROVER, Role.TRANSLATOR_KM}
    # Two groups of one unit: the unit once.
    assert list(units_of(user)) == [unit]
    assert translator_languages(user) == {"km"}
    assert translator_languages(make_user("no-role")) == set()


def test_members_to_write_to_are_active_with_an_address_in_the_roles_asked(unit, make_user):
    make_user("z-approver", Role.APPROVER, unit=unit, email="zz@example.invalid")
    make_user("a-approver", Role.APPROVER, unit=unit, email="aa@example.invalid")
    make_user("both", Role.APPROVER, Role.CONTRIBUTOR, unit=unit, email="mm@example.invalid")
    make_user("gone", Role.APPROVER, unit=unit, is_active=False)
    make_user("no-address", Role.APPROVER, unit=unit, email="")
    make_user("contributor", Role.CONTRIBUTOR, unit=unit)
    make_user("other-unit", Role.APPROVER, unit=Unit.objects.get(slug="so-y-te"))
    # Someone in both roles is written to once.
    assert [u.email for u in members_of(unit, [Role.APPROVER, Role.CONTRIBUTOR])] == [
        "aa@example.invalid",
        "contributor@example.invalid",
        "mm@example.invalid",
        "zz@example.invalid",
    ]
    approvers = list(members_of(unit, [Role.APPROVER]).values_list("email", flat=True))
    assert approvers == ["aa@example.invalid", "mm@example.invalid", "zz@example.invalid"]


def test_roles_are_read_once_per_request_and_none_for_an_anonymous_reader(unit, make_user, django_assert_num_queries):
    user = make_user("nguyen-thi-hong", Role.BOARD)
    with django_assert_num_queries(1):
        assert cached_roles_of(user) == {Role.BOARD}
        assert cached_roles_of(user) == {Role.BOARD}
    assert cached_roles_of(AnonymousUser()) == set()


def test_who_acts_as_the_board(make_user, django_user_model):
    assert acts_as_board(make_user("board", Role.BOARD))
    assert acts_as_board(django_user_model.objects.create_superuser("root", "root@example.invalid", "pw"))
    assert not acts_as_board(make_user("former-board", Role.BOARD, is_active=False))
    assert not acts_as_board(make_user("no-role"))
    assert not acts_as_board(AnonymousUser())


def test_units_in_roles_are_kept_per_role_set_and_none_for_the_inactive(unit, make_user, django_assert_num_queries):
    y_te = Unit.objects.get(slug="so-y-te")
    user = make_user("nguyen-thi-hong", Role.APPROVER, unit=unit)
    add_member(user, Role.CONTRIBUTOR, y_te)
    with django_assert_num_queries(2):
        assert unit_ids_in_roles(user, [Role.APPROVER]) == {unit.pk}
        assert unit_ids_in_roles(user, (Role.APPROVER,)) == {unit.pk}
        assert unit_ids_in_roles(user, [Role.CONTRIBUTOR, Role.APPROVER]) == {unit.pk, y_te.pk}
    gone = make_user("gone", Role.APPROVER, unit=unit, is_active=False)
    assert unit_ids_in_roles(gone, [Role.APPROVER]) == frozenset()
    assert unit_ids_in_roles(AnonymousUser(), [Role.APPROVER]) == frozenset()


def test_a_board_member_joins_the_board_unit_s_group(make_user):
    user = make_user("board", Role.BOARD)
    assert list(user.groups.all()) == [board_group()]
    assert board_group().newsroom_role.unit.kind == UnitKind.BOARD


def test_the_board_holds_the_home_page_alone_and_adds_only_what_it_publishes(make_user):
    board, editor = make_user("board", Role.BOARD), make_user("editor")
    home = vietnamese(HomePage).get()
    assert page_only_permissions(board, home) == {"add", "change", "publish", "lock", "unlock"}
    assert page_only_permissions(editor, home) == frozenset()
    assert page_only_permissions(board, vietnamese(ExemplarIndexPage).get()) == frozenset()
    assert board_may_add_page_type(StandardPage)
    assert not board_may_add_page_type(OutletPage)
    assert not board_may_add_page_type(Page)


def test_adding_a_member_to_a_group_deleted_by_hand_makes_the_group_again(make_user):
    group_for(Role.TRANSLATOR_EN).delete()
    user = make_user("nguyen-thi-hong")
    group = add_member(user, Role.TRANSLATOR_EN)
    assert (group, list(user.groups.all())) == (group_for(Role.TRANSLATOR_EN), [group])
    assert group.name == "Người dịch tiếng Anh"
