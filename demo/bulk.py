"""Publishing many demo stories at once, with the rows Wagtail's own publish would leave.

Seven years of stories for every unit are close to two thousand pages; ``add_child`` and
``publish`` take about a tenth of a second each, so ``make run`` would wait minutes. These stories
go in with bulk INSERTs instead (the approach of bench/seed.py), and still get what an editor's
publication gives them: a tree path and URL, a live revision dated at publication (so the history
and the edit view read as usual), a "published" entry in the page's history, their fields and
awards, the public search entry, the admin search index and the reference index (image usage).
Publication signals are not sent: the loader runs before the site serves, so no cache holds the
pages, and renditions are made on first view or by ``generate_renditions``.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend

from exemplars.models import ExemplarAward, ExemplarPage
from search.documents import entry_values, write_entries
from search.models import SearchEntry

BATCH = 500


class StoryWriter:
    """Collects stories with ``add`` and writes them with ``flush``."""

    def __init__(self, locale):
        self.locale = locale
        self.content_type = ContentType.objects.get_for_model(ExemplarPage)
        self.base_content_type = ContentType.objects.get_for_model(Page)
        self.page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        self.child_fields = ExemplarPage._meta.local_concrete_fields
        self.next_child = {}
        self.sections = {}
        self.pending = []  # (page, section, when, user)

    def _path(self, section):
        if section.pk not in self.next_child:
            last = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).order_by("-path")
            last_path = last.values_list("path", flat=True).first()
            self.next_child[section.pk] = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
        number = self.next_child[section.pk]
        self.next_child[section.pk] += 1
        return Page._get_path(section.path, section.depth + 1, number)

    def add(self, section, page, when, user=None):
        """Queue ``page`` (an unsaved ExemplarPage) as published under ``section`` at ``when``."""
        page.path = self._path(section)
        page.depth = section.depth + 1
        page.numchild = 0
        page.url_path = f"{section.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = when
        page.content_type = self.content_type
        page.locale = self.locale
        page.translation_key = uuid.uuid4()
        page.unit = section.unit
        page.owner = user
        self.sections[section.pk] = section
        self.pending.append((page, section, when, user))

    def flush(self):
        """Write every queued story; returns how many."""
        written = 0
        while self.pending:
            batch, self.pending = self.pending[:BATCH], self.pending[BATCH:]
            self._write([item[0] for item in batch], batch)
            written += len(batch)
        for section in self.sections.values():
            children = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).count()
            Page.objects.filter(pk=section.pk).update(numchild=children)
        return written

    def _write(self, pages, batch):
        rows = [Page(**{f.attname: getattr(p, f.attname) for f in self.page_fields}) for p in pages]
        Page.objects.bulk_create(rows, batch_size=BATCH)
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        ExemplarPage.objects._insert(pages, fields=self.child_fields)
        self._relations(pages)
        self._revisions(batch)
        self._search(pages)

    def _relations(self, pages):
        through = ExemplarPage.fields.through
        field_rows, awards = [], []
        for page in pages:
            field_rows += [through(exemplarpage_id=page.pk, field_id=field.pk) for field in page.fields.all()]
            for order, award in enumerate(page.awards.all()):
                award.page_id, award.sort_order = page.pk, order
                awards.append(award)
        through.objects.bulk_create(field_rows, batch_size=BATCH)
        ExemplarAward.objects.bulk_create(awards, batch_size=BATCH)

    def _revisions(self, batch):
        revisions = [
            Revision(
                content_type=self.content_type,
                base_content_type=self.base_content_type,
                object_id=str(page.pk),
                created_at=when,
                user=user,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page, _section, when, user in batch
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for (page, _section, _when, _user), revision in zip(batch, revisions, strict=True):
            page.live_revision = page.latest_revision = revision
        Page.objects.bulk_update([item[0] for item in batch], ["live_revision", "latest_revision"], batch_size=BATCH)
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type=self.content_type,
                    page_id=page.pk,
                    label=page.title,
                    action="wagtail.publish",
                    timestamp=when,
                    uuid=uuid.uuid4(),
                    user=user,
                    revision=revision,
                    content_changed=True,
                )
                for (page, _section, when, user), revision in zip(batch, revisions, strict=True)
            ],
            batch_size=BATCH,
        )

    def _search(self, pages):
        entries, entry_fields = [], []
        for page in pages:
            # The same entry as search.documents.index_page writes, without its per-page queries.
            document = page.search_document()
            entries.append(SearchEntry(page_id=page.pk, **entry_values(page, document)))
            entry_fields += [
                SearchEntry.fields.through(searchentry_id=page.pk, field_id=pk) for pk in document.field_ids
            ]
        write_entries(entries, entry_fields, batch_size=BATCH)  # rows and their index entries
        get_search_backend().add_bulk(ExemplarPage, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
