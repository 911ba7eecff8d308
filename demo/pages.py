"""Creating demo pages idempotently, with publication dates in the past."""

from wagtail.models import PageLogEntry, Revision


def existing_child(parent, model, slug):
    """The child of ``parent`` with ``slug`` (as ``model``), or None."""
    return model.objects.child_of(parent).filter(slug=slug).first()


def backdate(page, when):
    """Make ``page`` look first and last published (and revised) at ``when``.

    Wagtail stamps publication with the current time; the demo spreads its content over the past.
    """
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = when


def publish_child(parent, page, when, tally, label, user=None):
    """Add ``page`` under ``parent``, publish it as of ``when`` and record it in ``tally``.

    ``first_published_at`` is set before publishing because Wagtail keeps an existing one.
    """
    page.first_published_at = when
    parent.add_child(instance=page)
    page.save_revision(user=user).publish()
    backdate(page, when)
    tally.record(label, "created")
    return page


def ensure_published_child(parent, page, when, tally, label, user=None):
    """The existing child of ``parent`` with ``page``'s slug, or ``page`` published as of ``when``."""
    existing = existing_child(parent, type(page), page.slug)
    if existing is not None:
        tally.record(label, "unchanged")
        return existing
    return publish_child(parent, page, when, tally, label, user=user)
