"""Which pages may be sent for translation: the one rule every translation entry point asks.

A translation is made in the Khmer or English tree, where translators read and edit everything,
from the source page's database row. So a page may be a translation source only when the public
can read it already: it and every page above it are live, and none of them has a view
restriction (password, sign-in or groups). The rule is the same for everyone, superusers and the
Board included: whoever sends a draft, the copy lands where translators read it. Publish first,
then translate.

A live page's database row holds its live content: Wagtail writes drafts to revisions only
(``Page.save_revision`` saves a few bookkeeping fields), and publishing a revision is what copies
it to the row. wagtail-localize extracts the source from that row, so a live story with a newer
draft waiting in moderation is translated as published, never as drafted.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page


def translation_refusal(page):
    """Why ``page`` may not be a translation source, or None when it may (live and public)."""
    if page.is_root():
        return _("The root of the page tree cannot be translated.")
    # The messages name no title: whoever asks may not be allowed to see the page.
    if not page.live or Page.objects.ancestor_of(page).filter(depth__gt=1).not_live().exists():
        return _("This page is not published, so it cannot be translated. Only published pages can be translated.")
    if page.get_view_restrictions().exists():
        return _(
            "This page is private (it or a page above it is protected by a password or a sign-in "
            "restriction), so it cannot be translated. Only public pages can be translated."
        )
    return None


def may_be_translated(page):
    return translation_refusal(page) is None
