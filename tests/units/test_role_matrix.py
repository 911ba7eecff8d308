# ruff: noqa: F811  (the fixtures imported from role_world are the tests' arguments)
"""Every role × every page action and every collection action, through Wagtail's own permission API
(``page.permissions_for_user(user)``, the images', documents' and media's permission policies),
as the admin asks it: DESIGN.md's roles table, units/roles.py and units/page_permissions.py.

One row per role, read as a table: the actions the role may take on each page (every page not
named: none). The pages are live and owned by nobody here (tests/units/role_world.py), so only
what the role grants shows; a refused action answered by the admin itself is in
test_role_refusals.py, and deleting one's own drafts in test_deletion.py.
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission
from wagtail.permissions import policy_registry
from wagtailmedia import get_permission_policy as media_policy

from tests.units.role_world import files, pages, people  # noqa: F401  fixtures

ACTIONS = ("add", "edit", "publish", "unpublish", "delete", "move", "lock")
EVERYTHING = "add edit publish unpublish delete move lock"

# role -> {page: the actions it may take there}; "add" means adding a page below it.
PAGE_MATRIX = {
    # Unit staff draft in their own section; nobody below the Board publishes a story.
    "contributor": {
        "own section": "add edit",
        "own story": "edit",
    },
    # The approver approves through the workflow only: lock, never publish.
    "approver": {
        "own section": "add edit lock",
        "own story": "edit lock",
    },
    # The Board publishes the stories and campaigns and the translations; on the home page only
    # what reaches no further than it; it never deletes the page its grants hang on.
    "board": {
        "own section": EVERYTHING,
        "other unit's section": EVERYTHING,
        "own story": "edit publish unpublish delete move lock",
        "other unit's story": "edit publish unpublish delete move lock",
        "exemplar index": "add edit publish unpublish lock",
        "campaign": EVERYTHING,
        "home page": "add edit publish lock",
        "standard page": "add edit publish unpublish lock",
        "Khmer story": "edit publish unpublish delete move lock",
        "Khmer home page": "add edit publish unpublish lock",
        "English home page": "add edit publish unpublish lock",
    },
    "reporter": {
        "own outlet's column": "add edit",
        "own outlet's article": "edit",
    },
    # An outlet's editors publish in their outlet's columns: nobody above them there.
    "editor": {
        # Deleting a page with others below it takes "bulk_delete", the Board's alone.
        "own outlet's column": "add edit publish unpublish move lock",
        "own outlet's article": "edit publish unpublish delete move lock",
    },
    "translator-km": {
        "Khmer home page": "add edit",
        "Khmer story": "edit",
    },
    "translator-en": {
        "English home page": "add edit",
    },
    "no-role": {},
}


def allowed_page_actions(user, page):
    tester = page.permissions_for_user(user)
    checks = {
        "add": tester.can_add_subpage,
        "edit": tester.can_edit,
        "publish": tester.can_publish,
        "unpublish": tester.can_unpublish,
        "delete": tester.can_delete,
        "move": tester.can_move,
        "lock": tester.can_lock,
    }
    return " ".join(action for action in ACTIONS if checks[action]())


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_each_role_takes_exactly_its_page_actions(role, people, pages):
    user = people[role]
    got = {name: allowed_page_actions(user, page) for name, page in pages.items()}
    expected = {name: PAGE_MATRIX[role].get(name, "") for name in pages}
    assert got == expected


FILE_POLICIES = {
    "image": policy_registry.get_by_type(get_image_model()),
    "document": policy_registry.get_by_type(get_document_model()),
    "media": media_policy(),
}
FILE_ACTIONS = ("add", "change", "delete", "choose")
# role -> {collection: the actions it may take on an image, a document or a media item there}.
# Wagtail lets whoever may change a file delete it. wagtailmedia has no "choose" permission: its
# chooser offers the items one may change or delete, so that is what "choose" asks of media.
FILE_MATRIX = {
    "contributor": {"own unit": "add change delete choose"},
    "approver": {"own unit": "add change delete choose"},
    "board": dict.fromkeys(("own unit", "own outlet", "other unit", "root"), "add change delete choose"),
    "reporter": {"own outlet": "add change delete choose"},
    "editor": {"own outlet": "add change delete choose"},
    # Translators only pick the images the source already shows: no documents, no media.
    "translator-km": dict.fromkeys(("own unit", "own outlet", "other unit", "root"), "choose"),
    "translator-en": dict.fromkeys(("own unit", "own outlet", "other unit", "root"), "choose"),
    "no-role": {},
}
IMAGES_ONLY = {"translator-km", "translator-en"}


def may(user, kind, action, instance):
    policy = FILE_POLICIES[kind]
    if action == "add":
        return instance.collection in policy.collections_user_has_permission_for(user, "add")
    if action == "choose" and kind == "media":
        return policy.user_has_any_permission_for_instance(user, ["change", "delete"], instance)
    return policy.user_has_permission_for_instance(user, action, instance)


def allowed_file_actions(user, kind, instance):
    return " ".join(action for action in FILE_ACTIONS if may(user, kind, action, instance))


def expected_file_actions(role, kind, where):
    row = FILE_MATRIX[role] if kind == "image" or role not in IMAGES_ONLY else {}
    return row.get(where, "")


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(FILE_MATRIX))
def test_each_role_takes_exactly_its_collection_actions(role, people, files):
    got = {(kind, where): allowed_file_actions(people[role], kind, item) for (kind, where), item in files.items()}
    assert got == {(kind, where): expected_file_actions(role, kind, where) for kind, where in files}


# Where each role is granted "delete" itself (what Settings → Groups shows ticked): the Board
# alone, on the root collection. Unit staff delete a file through "change" (Wagtail counts delete
# as change), never by a grant of their own, so that narrowing "change" later leaves them no delete.
@pytest.mark.django_db
@pytest.mark.parametrize("role", list(FILE_MATRIX))
def test_only_the_board_is_granted_delete_on_files(role, people, files):
    root = files[("image", "root")].collection.pk
    for kind, policy in FILE_POLICIES.items():
        grants = GroupCollectionPermission.objects.filter(
            group__user=people[role],
            permission__content_type__app_label=policy.model._meta.app_label,
            permission__codename=f"delete_{policy.model._meta.model_name}",
        )
        assert (kind, list(grants.values_list("collection", flat=True))) == (kind, [root] if role == "board" else [])
