# ruff: noqa: F811  (the fixtures imported from role_world are the tests' arguments)
"""units/page_permissions.py asked directly, for what the matrix (test_role_matrix.py) and the admin's
screens (test_deletion.py) reach only in seconds: which of one's drafts count as untouched, whatever
lies below them, and the Board's actions on the home page alone (adding, copying, moving,
restricting). Issue 22."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from columns.models import ColumnIndexPage, ColumnPage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory
from tests.units.role_world import pages, people  # noqa: F401  fixtures
from units.page_permissions import is_untouched_draft_of, may_add_page_type


@pytest.fixture
def author(people):
    return people["board"]


@pytest.fixture
def draft(pages, author):
    """A draft of the author's with a draft of theirs below it, under the home page."""
    page = StandardPageFactory(parent=pages["home page"], title="Giới thiệu Xã Đại Ân 2", owner=author, live=False)
    StandardPageFactory(parent=page, title="Lịch tiếp dân", owner=author, live=False)
    return page


def child_of(page):
    return page.get_children().get().specific


def touch(page, **fields):
    Page.objects.filter(pk=page.pk).update(**fields)


def test_an_untouched_draft_with_untouched_drafts_below_it(draft, author, people):
    assert is_untouched_draft_of(Page.objects.get(pk=draft.pk), author)
    assert not is_untouched_draft_of(Page.objects.get(pk=draft.pk), people["contributor"])


@pytest.mark.parametrize(
    "what",
    ["someone else's", "live", "published once", "last published", "with a live revision", "submitted once"],
)
@pytest.mark.parametrize("where", ["the page", "a page below it"])
def test_a_draft_is_touched_by_anything_public_or_submitted_in_its_subtree(what, where, draft, author, people):
    target = draft if where == "the page" else child_of(draft)
    if what == "someone else's":
        touch(target, owner=people["contributor"])
    elif what == "live":
        touch(target, live=True)
    elif what == "published once":
        touch(target, first_published_at=timezone.now())
    elif what == "last published":
        touch(target, last_published_at=timezone.now())
    elif what == "with a live revision":
        touch(target, live_revision=target.specific.save_revision(user=author))
    else:
        # Submitted, then withdrawn: it counted in the unit's work once, so it stays.
        target = target.specific
        target.save_revision(user=author)
        state = target.get_workflow().start(target, author)
        state.cancel(user=author)
    assert not is_untouched_draft_of(Page.objects.get(pk=draft.pk), author)


def test_the_board_on_the_home_page_never_reaches_below_it(people, pages):
    board = people["board"]
    home = pages["home page"].permissions_for_user(board)
    assert (home.can_unpublish(), home.can_set_view_restrictions(), home.can_delete()) == (False, False, False)
    standard = pages["standard page"].permissions_for_user(board)
    assert (standard.can_unpublish(), standard.can_set_view_restrictions()) == (True, True)


def test_the_board_adds_under_the_home_page_only_what_it_publishes(people, pages):
    home = pages["home page"]
    board, editor = people["board"], people["editor"]
    assert may_add_page_type(home, board, StandardPage)
    assert not may_add_page_type(home, board, ColumnIndexPage)
    # "add" held on a section (inherited, not on the page alone) adds every type allowed there.
    assert may_add_page_type(pages["own section"], board, ExemplarPage)
    assert may_add_page_type(pages["own outlet's column"], editor, ColumnPage)
    assert not may_add_page_type(home, editor, StandardPage)
    # The tree's root is not a page of ours: Wagtail's own rule (nobody but a superuser adds there).
    assert not may_add_page_type(Page.get_first_root_node(), board, HomePage)


def test_a_superuser_adds_every_type_under_the_home_page(pages, superuser):
    assert may_add_page_type(pages["home page"], superuser, ColumnIndexPage)


def test_copying_and_moving_into_the_home_page_follow_the_types_the_board_adds(people, pages):
    board, home = people["board"], pages["home page"]
    standard = pages["standard page"].permissions_for_user(board)
    below = StandardPageFactory(parent=pages["standard page"], title="Lịch tiếp dân")
    assert below.permissions_for_user(board).can_move_to(home) and below.permissions_for_user(board).can_copy_to(home)
    # A page copied with its subtree into that subtree would never end.
    assert standard.can_copy_to(below) and not standard.can_copy_to(below, recursive=True)
    # "add" on a standard page adds standard pages, not an exemplar index (which goes under a home page).
    index = pages["exemplar index"].permissions_for_user(board)
    assert not index.can_copy_to(pages["standard page"]) and not index.can_move_to(pages["standard page"])


def test_nobody_else_moves_or_copies_into_the_home_page(people, pages):
    editor = people["editor"]
    column = pages["own outlet's column"].permissions_for_user(editor)
    assert not column.can_copy_to(pages["home page"]) and not column.can_move_to(pages["home page"])
    exemplar_index = ExemplarIndexPage.objects.get(locale__language_code="vi")
    assert not column.can_move_to(exemplar_index)
