"""A Word file becomes a draft page under a unit's page: a story in its section, an article in an
outlet's column.

Which page types accept an import is theirs to say: a page type that sets ``word_import_asks_for``
(the fields the file cannot fill, marked on the editor until filled) accepts one under the pages
its ``parent_page_types`` allow, found through the app registry (units.page_types); this module
names none of them. The draft gets the file's title and body (wordimport.reader), never published.

Everything is stored in the unit's own collection (units.roles.ensure_unit_collection) through
the admin's own upload forms, so the checks of cms/uploads.py (WAGTAILDOCS_DOCUMENT_FORM_BASE,
WAGTAILIMAGES_IMAGE_FORM_BASE: content, size, safe file names) and the collection permissions hold
as for any upload: the pictures, with their captions as titles and their alt text still to write,
and the original file as a private document, linked to the draft's first revision (WordImport).

One transaction: a file refused at any step leaves no page, no image and no document, and the
files already written to storage are deleted again (a rolled-back row does not delete its file).
"""

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.log_actions import log

from core.pages import free_child_slug
from core.text import nfc, single_line, slugify_vi
from units.models import UnitBoundaryPage
from units.page_permissions import may_add_page_type
from units.page_types import page_types_declaring
from units.roles import ensure_unit_collection
from wordimport.models import WordImport
from wordimport.reader import Limits, WordFileRefused, read_word_file

logger = logging.getLogger(__name__)

IMPORTED = "newsroom.word_import"
ASKS_FOR = "word_import_asks_for"


@dataclass(frozen=True)
class ImportOutcome:
    """What the import made: the draft, what it still lacks (field labels), its pictures without
    alt text, the pictures left out (a format browsers cannot show), and the kept file."""

    page: object
    missing: tuple
    pictures: int
    skipped_pictures: int
    word_import: WordImport


# Who accepts what --------------------------------------------------------------------------------


def importable_page_type(parent, user):
    """The page type a Word file becomes under ``parent`` for ``user``, or None (no type accepts
    an import there, or the user may not add one). Only in the site's own language: a page in a
    translated tree is a translation, made from its source by wagtail-localize, not from a file."""
    if parent.locale.language_code != settings.LANGUAGE_CODE:
        return None
    allowed = set(parent.specific_class.allowed_subpage_models())
    for page_type in page_types_declaring(ASKS_FOR):
        if page_type in allowed and may_add_page_type(parent, user, page_type):
            return page_type
    return None


def unit_of(page):
    """The unit whose boundary page (section, outlet page) ``page`` is or is below."""
    for model in UnitBoundaryPage.page_types():
        boundary = model.objects.ancestor_of(page, inclusive=True).select_related("unit").first()
        if boundary is not None:
            return boundary.unit
    return None


def missing_fields(page):
    """The names of the fields ``page``'s type asks for that are still empty."""
    return [name for name in getattr(type(page), ASKS_FOR, ()) if _is_empty(getattr(page, name, None))]


def _is_empty(value):
    if hasattr(value, "all"):  # a many-to-many field
        return not list(value.all())
    return value in (None, "") or (isinstance(value, str) and not value.strip())


def field_label(page_type, name):
    return str(page_type._meta.get_field(name).verbose_name)


def limits():
    return Limits(
        max_size=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, max_picture_size=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    )


# The import ---------------------------------------------------------------------------------------


def import_word_file(parent, uploaded, user):
    """Draft a page from the Word file ``uploaded`` under ``parent`` as ``user``. Raises
    PermissionDenied if the user may not add such a page there, WordFileRefused for a bad file."""
    page_type = importable_page_type(parent, user)
    unit = unit_of(parent)
    if page_type is None or unit is None:
        raise PermissionDenied
    word = read_word_file(uploaded, limits())
    stored = []
    try:
        with transaction.atomic():
            return _store(parent, page_type, unit, word, uploaded, user, stored)
    except BaseException:
        _delete_files(stored)
        raise


def _store(parent, page_type, unit, word, uploaded, user, stored):
    collection = ensure_unit_collection(unit)
    title = word.title or _file_title(uploaded.name)
    document = _save_original(uploaded, collection, user, stored)
    captions = {value["picture"]: value["caption"] for block_type, value in word.blocks if block_type == "image"}
    images = {
        index: _save_picture(word.pictures[index], index, captions[index] or title, collection, user, stored)
        for index in sorted(captions)
    }
    page = page_type(
        title=title,
        slug=free_child_slug(parent, title, "bai-viet"),
        body=json.dumps(_body(word.blocks, images)),
        owner=user,
        live=False,
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    # A draft is saved as Wagtail saves one: without the fields the writer has still to fill in.
    revision = page.save_revision(user=user, log_action=True, clean=False)
    record = WordImport.objects.create(
        page=page, revision=revision, document=document, file_name=document.title, imported_by=user
    )
    log(instance=page, action=IMPORTED, user=user, revision=revision, data=_log_data(record, page))
    return ImportOutcome(
        page=page,
        missing=tuple(field_label(page_type, name) for name in missing_fields(page)),
        pictures=len(images),
        skipped_pictures=word.skipped_pictures + len(word.pictures) - len(images),
        word_import=record,
    )


def _log_data(record, page):
    return {"file_name": record.file_name, "document_id": record.document_id, "title": page.title}


def _file_title(name):
    stem = str(name or "").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return nfc(single_line(stem)).strip()[:255] or _("Story from a Word file")


def _upload_form(form_class, data, files, instance, collection, user):
    """An admin upload form for ``instance`` in ``collection``, as ``user``: the collection must be
    one the user may add to (Wagtail's forms offer only those)."""
    try:
        form = form_class(data={**data, "collection": collection.pk}, files=files, instance=instance, user=user)
    except Exception as error:  # Wagtail's forms refuse to be built for a user with no collection
        raise PermissionDenied from error
    if collection not in form.collections:
        raise PermissionDenied
    return form


def _first_error(form):
    return next((str(message) for messages in form.errors.values() for message in messages), "")


def _save_original(uploaded, collection, user, stored):
    document_model = get_document_model()
    instance = document_model(collection=collection, uploaded_by_user=user)
    title = nfc(single_line(str(uploaded.name or ""))).strip()[:255] or "word.docx"
    uploaded.seek(0)
    form = _upload_form(
        get_document_form(document_model), {"title": title}, {"file": uploaded}, instance, collection, user
    )
    if not form.is_valid():
        raise WordFileRefused(_first_error(form), "document")
    document = form.save()
    stored.append(document.file)
    return document


def _save_picture(picture, index, title, collection, user, stored):
    """The picture as an image of the unit's collection, titled by its caption (or the story's
    title); Word's alt text, if the author wrote one, is the image's description."""
    image_model = get_image_model()
    instance = image_model(collection=collection, uploaded_by_user=user)
    name = f"{slugify_vi(title, max_length=60) or 'anh'}-{index + 1}.{picture.extension}"
    upload = SimpleUploadedFile(name, picture.data)
    form = _upload_form(
        get_image_form(image_model),
        {"title": title[:255], "description": picture.word_alt_text[:255]},
        {"file": upload},
        instance,
        collection,
        user,
    )
    if not form.is_valid():
        raise WordFileRefused(
            _("Picture %(number)s of this Word file cannot be used: %(reason)s")
            % {"number": index + 1, "reason": _first_error(form)},
            "picture",
        )
    image = form.save()
    stored.append(image.file)
    return image


def _body(blocks, images):
    """The body's stream as stored: images by id, their alt text left for the editor to write
    (Wagtail's image block asks for it, or for "decorative", before the draft can be saved)."""
    stream = []
    for block_type, value in blocks:
        if block_type == "image":
            image = images[value["picture"]]
            value = {
                "image": {"image": image.pk, "alt_text": "", "decorative": False},
                "caption": value["caption"],
                "credit": "",
            }
        stream.append({"type": block_type, "value": value})
    return stream


def _delete_files(stored):
    for field_file in stored:
        try:
            field_file.storage.delete(field_file.name)
        except Exception:  # noqa: BLE001 - the refusal matters more than a file left over
            logger.exception("Could not delete %s after a refused Word import", field_file.name)
