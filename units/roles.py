"""The one place that knows the newsroom's roles: their groups, names and permissions.

Each unit gets its groups (contributors and approvers, or an outlet's reporters and editors),
with Wagtail's own GroupPagePermission on the unit's boundary page (its section of the exemplar
index, or the outlet's page) and GroupCollectionPermission on the unit's own collection. The
Board and the translators are site-wide groups. Nothing else in the project names a group.

The page types live in the apps above this one; their classes say where they stand (a
``UnitBoundaryPage`` subclass, ``board_publishes_here``, ``board_publishes_this_page``,
``board_publishes_translations_here``, ``translators_draft_here``) and this module finds them
through the app registry.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from core.seeding import Tally
from units.models.boundary import UnitBoundaryPage
from units.models.roles import Role, RoleGroup
from units.models.units import Unit, UnitKind
from units.page_types import page_types_declaring

ACCESS_ADMIN = ("wagtailadmin", "access_admin")

# Page permissions on the unit's boundary page (section or outlet page); inherited below it.
# Nobody below the Board publishes a story: the Board's approval, the workflow's last step, does.
UNIT_PAGE_PERMISSIONS = {
    Role.CONTRIBUTOR: ["add", "change"],
    Role.APPROVER: ["add", "change", "lock", "unlock"],
    Role.OUTLET_REPORTER: ["add", "change"],
    Role.OUTLET_EDITOR: ["add", "change", "publish", "lock", "unlock"],
}
BOARD_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
# On a page whose type declares ``board_publishes_this_page`` (the home page) the Board holds these
# on that page alone (units.page_permissions): a GroupPagePermission there would be inherited by
# every page below it, the outlets' columns included. "add" there adds only the page types that
# declare ``board_publishes_here``, which carry the Board's own grants once created.
BOARD_PAGE_ONLY_PERMISSIONS = frozenset({"add", "change", "publish", "lock", "unlock"})
TRANSLATOR_PAGE_PERMISSIONS = ["add", "change"]

COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
]
BOARD_COLLECTION_PERMISSIONS = COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
    ("wagtailmedia", "delete_media"),
]
# What the Board manages in the admin besides pages.
BOARD_MODEL_PERMISSIONS = (
    [
        (app, f"{action}_{model}")
        for app, model in [
            ("units", "unit"),
            ("units", "emulationbloc"),
            # Delete only rules not yet in force: units/quota_admin.py refuses the others.
            ("units", "quotarule"),
            ("exemplars", "field"),
            ("exemplars", "awardtype"),
            ("submissions", "nomination"),
            ("submissions", "difficultyreport"),
            # The yearly scoring's weights and adjustments; a closed year's are refused by reports/models.py.
            ("reports", "scoringweights"),
            ("reports", "scoreadjustment"),
        ]
        for action in ("add", "change", "delete", "view")
    ]
    + [
        # Staff are deactivated, never deleted: their revisions and log entries keep their name.
        ("units", f"{action}_staffmember")
        for action in ("add", "change", "view")
    ]
    + [
        # Commendation proposals are records: never deleted, declined at most (commendations/permissions.py).
        ("commendations", f"{action}_commendationproposal")
        for action in ("add", "change", "view")
    ]
)
TRANSLATOR_MODEL_PERMISSIONS = [("wagtail_localize", "submit_translation")]

UNIT_ROLES = {
    UnitKind.MEDIA_OUTLET: [Role.OUTLET_REPORTER, Role.OUTLET_EDITOR],
    UnitKind.BOARD: [Role.BOARD],
}
CONTRIBUTING_ROLES = [Role.CONTRIBUTOR, Role.APPROVER]
TRANSLATOR_LANGUAGES = {Role.TRANSLATOR_KM: "km", Role.TRANSLATOR_EN: "en"}


def roles_for_unit(unit):
    return UNIT_ROLES.get(unit.kind, CONTRIBUTING_ROLES if unit.is_contributing else [])


def _group_name(role, unit=None):
    with translation.override(settings.LANGUAGE_CODE):
        label = str(Role(role).label)
    return f"{unit.short_name or unit.name}: {label}" if unit else label


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group_for(role, unit=None):
    """The group playing ``role`` (for ``unit``, or site-wide), or None if it does not exist."""
    link = RoleGroup.objects.filter(role=role, unit=unit).select_related("group").first()
    return link.group if link else None


def _ensure_group(role, unit, tally):
    link = RoleGroup.objects.filter(role=role, unit=unit).select_related("group").first()
    if link:
        tally.record("role groups", "unchanged")
        return link.group
    group, _ = Group.objects.get_or_create(name=_group_name(role, unit)[:150])
    RoleGroup.objects.create(group=group, role=role, unit=unit)
    group.permissions.add(_permission(*ACCESS_ADMIN))
    tally.record("role groups", "created")
    return group


def _grant_pages(group, page, permission_types):
    for permission_type in permission_types:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{permission_type}_page")
        )


def _grant_collection(group, collection, permissions):
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def boundary_page(unit):
    """The page under which a unit's staff work: its section, or its outlet page."""
    model = UnitBoundaryPage.page_type_for(unit)
    if model is None:
        return None
    return model.objects.filter(unit=unit, locale__language_code=settings.LANGUAGE_CODE).first()


def ensure_unit_collection(unit):
    if unit.collection_id:
        return unit.collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=unit.name).first() or root.add_child(name=unit.name)
    Unit.objects.filter(pk=unit.pk).update(collection=collection)
    unit.collection = collection
    return collection


@transaction.atomic
def ensure_unit_roles(unit, tally):
    """Groups and permissions for one unit; safe to call again."""
    roles = roles_for_unit(unit)
    if not roles or unit.kind == UnitKind.BOARD:
        return
    page = boundary_page(unit)
    collection = ensure_unit_collection(unit)
    for role in roles:
        group = _ensure_group(role, unit, tally)
        if page is not None:
            _grant_pages(group, page, UNIT_PAGE_PERMISSIONS[role])
        _grant_collection(group, collection, COLLECTION_PERMISSIONS)


@transaction.atomic
def ensure_site_roles(tally):
    """The Board's group (linked to the Board unit when there is one) and one group per translation language."""
    board_unit = Unit.objects.filter(kind=UnitKind.BOARD).first()
    board = _ensure_group(Role.BOARD, board_unit, tally)
    for model in page_types_declaring("board_publishes_here"):
        for page in model.objects.all():
            _grant_pages(board, page, BOARD_PAGE_PERMISSIONS)
    # The Board reviews and publishes translations, which translators may only draft.
    for model in page_types_declaring("board_publishes_translations_here"):
        for page in model.objects.exclude(locale__language_code=settings.LANGUAGE_CODE):
            _grant_pages(board, page, BOARD_PAGE_PERMISSIONS)
    _grant_collection(board, Collection.get_first_root_node(), BOARD_COLLECTION_PERMISSIONS)
    board.permissions.add(*[_permission(*p) for p in BOARD_MODEL_PERMISSIONS])

    for role, language in TRANSLATOR_LANGUAGES.items():
        group = _ensure_group(role, None, tally)
        group.permissions.add(*[_permission(*p) for p in TRANSLATOR_MODEL_PERMISSIONS])
        for model in page_types_declaring("translators_draft_here"):
            for page in model.objects.filter(locale__language_code=language):
                _grant_pages(group, page, TRANSLATOR_PAGE_PERMISSIONS)
        _grant_collection(group, Collection.get_first_root_node(), [("wagtailimages", "choose_image")])


def translator_languages(user):
    """The languages ``user`` translates into, through their translator groups."""
    roles = cached_roles_of(user)
    return {language for role, language in TRANSLATOR_LANGUAGES.items() if role in roles}


def board_group():
    board_unit = Unit.objects.filter(kind=UnitKind.BOARD).first()
    return group_for(Role.BOARD, board_unit)


def grant_board_on_new_page(page):
    """A new page of a type declaring ``board_publishes_here`` gets the Board's grants at once (as
    ``ensure_site_roles`` gives the existing ones), so the Board finds, edits and publishes the
    standard or form page it has just added under the home page."""
    board = board_group()
    if board is not None:
        _grant_pages(board, page, BOARD_PAGE_PERMISSIONS)


def board_may_add_page_type(page_type):
    """Whether the Board's permissions on a page alone (``BOARD_PAGE_ONLY_PERMISSIONS``) let it
    add a page of ``page_type`` there: only the types it publishes, never an outlets' index."""
    return bool(getattr(page_type, "board_publishes_here", False))


def page_only_permissions(user, page):
    """The actions ``user`` may take on ``page`` itself but not below it: the Board's on a page
    whose type declares ``board_publishes_this_page`` (the home page)."""
    if not getattr(page.specific_class, "board_publishes_this_page", False):
        return frozenset()
    return BOARD_PAGE_ONLY_PERMISSIONS if Role.BOARD in cached_roles_of(user) else frozenset()


def approver_group_for_page(page):
    """The group approving ``page`` for its unit: the section's approvers or the outlet's editors."""
    for model in UnitBoundaryPage.page_types():
        owner = model.objects.ancestor_of(page, inclusive=True).values_list("unit_id", flat=True).first()
        if owner is not None:
            return group_for(model.approving_role, Unit(pk=owner))
    return None


def boundary_paths_approved_by(user):
    """Tree paths of the pages whose unit ``user`` approves for."""
    boundary_types = UnitBoundaryPage.page_types()
    # Roles whose members approve the first step of a workflow for their unit's pages.
    approving_roles = {model.approving_role for model in boundary_types}
    unit_ids = RoleGroup.objects.filter(group__user=user, role__in=approving_roles).values("unit_id")
    paths = []
    for model in boundary_types:
        paths += model.objects.filter(unit__in=unit_ids).values_list("path", flat=True)
    return paths


def units_of(user):
    """The units ``user`` works for, through their role groups."""
    return Unit.objects.filter(role_groups__group__user=user).distinct()


def roles_of(user):
    return set(RoleGroup.objects.filter(group__user=user).values_list("role", flat=True))


def members_of(unit, roles):
    """The active users playing one of ``roles`` for ``unit`` who have an email address (whom to write to)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__newsroom_role__unit=unit, groups__newsroom_role__role__in=roles)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def cached_roles_of(user):
    """``roles_of(user)``, kept on the user object for the request (as Wagtail keeps its page
    permissions), since every permission test of a page listing may ask."""
    if not hasattr(user, "_newsroom_roles"):
        user._newsroom_roles = roles_of(user) if user.is_authenticated else set()
    return user._newsroom_roles


def acts_as_board(user):
    """Whether ``user`` has the Board's say: an active member of the Board, or a superuser."""
    return user.is_authenticated and user.is_active and (user.is_superuser or Role.BOARD in cached_roles_of(user))


def unit_ids_in_roles(user, roles):
    """The units ``user`` plays one of ``roles`` for, kept on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_newsroom_unit_ids", {})
    key = frozenset(roles)
    if key not in cache:
        links = RoleGroup.objects.filter(group__user=user, role__in=key)
        cache[key] = frozenset(links.values_list("unit_id", flat=True))
    return cache[key]


def add_member(user, role, unit=None):
    """Put ``user`` in the group of ``role`` (for ``unit``; the Board's unit by default for the
    Board), creating the group if it is missing."""
    if role == Role.BOARD and unit is None:
        unit = Unit.objects.filter(kind=UnitKind.BOARD).first()
    group = group_for(role, unit) or _ensure_group(role, unit, Tally())
    user.groups.add(group)
    return group
