"""Checks on files staff upload in the admin: images, documents, audio and video.

Wagtail checks an image's content (Willow must recognise it as one of WAGTAILIMAGES_EXTENSIONS,
so SVG, which can carry script, is refused) and the size of images and documents. What it does
not check, and this module adds through the form bases named in settings:

- a document's content must match its extension (a program or a web page renamed ``.pdf`` is
  refused), since documents are served from our own domain;
- audio and video have a maximum size, and a thumbnail must really be a raster image;
- every stored file name is plain ASCII, without folders or leading dots, and of bounded length.

A refused upload is a form error, so nothing is saved: no row and no file.
"""

import io
import os
import struct
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from core.text import fold

MAX_STEM_LENGTH = 80
# How much of a file is read to recognise it; enough for every header checked here.
SNIFF_BYTES = 8192

# What the main part of each Office Open XML / OpenDocument package must be.
_OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
_ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
_TEXT_EXTENSIONS = {"csv", "txt"}
# Bytes that never occur in text; their presence means a binary file renamed .txt or .csv.
_BINARY_BYTES = set(range(0, 9)) | {11} | (set(range(14, 32)) - {27})


def safe_filename(name, fallback="tep-tin"):
    """A storable file name: ASCII (Vietnamese folded), no folders, no leading dots, length-limited.

    "../../Báo cáo tổng kết .PDF" -> "bao-cao-tong-ket.pdf".
    """
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = slugify(fold(stem))[:MAX_STEM_LENGTH].strip("-_") or fallback
    extension = "".join(ch for ch in fold(extension) if ch.isascii() and ch.isalnum())[:10]
    return f"{stem}.{extension}" if extension else stem


def extension_of(name):
    return os.path.splitext(str(name or ""))[1].lstrip(".").lower()


def _head(uploaded, size=SNIFF_BYTES):
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def _zip_members(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None, b""
    finally:
        uploaded.seek(0)
    return names, mimetype.strip()


def _is_text(head):
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        return True
    return not any(byte in _BINARY_BYTES for byte in head)


def content_matches_extension(uploaded, extension):
    """Whether the bytes of ``uploaded`` are a document of the kind ``extension`` says."""
    head = _head(uploaded)
    if extension == "pdf":
        return b"%PDF-" in head[:1024]
    if extension == "rtf":
        return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf")
    if extension in _TEXT_EXTENSIONS:
        return _is_text(head)
    if extension in _OOXML_PARTS:
        names, _mimetype = _zip_members(uploaded)
        return names is not None and "[Content_Types].xml" in names and _OOXML_PARTS[extension] in names
    if extension in _ODF_MIMETYPES:
        names, mimetype = _zip_members(uploaded)
        return names is not None and mimetype == _ODF_MIMETYPES[extension]
    # An extension allowed in settings without a check here: refuse rather than trust it.
    return False


def _new_upload(form, field_name):
    """The file just uploaded in ``field_name``, or None (no upload, or the stored file kept)."""
    value = form.cleaned_data.get(field_name)
    return value if isinstance(value, UploadedFile) else None


def _sanitise_name(uploaded):
    uploaded.name = safe_filename(uploaded.name)
    return uploaded


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their extension."""

    def clean_file(self):
        uploaded = _new_upload(self, "file")
        if uploaded is None:
            return self.cleaned_data.get("file")
        extension = extension_of(uploaded.name)
        # Wagtail's own extension validator reports disallowed extensions; only sniff allowed ones.
        if extension in settings.WAGTAILDOCS_EXTENSIONS and not content_matches_extension(uploaded, extension):
            raise ValidationError(
                _(
                    "The content of this file is not a .%(extension)s document. Save it again in that "
                    "format, or upload it with its real extension."
                ),
                params={"extension": extension},
                code="content_mismatch",
            )
        return _sanitise_name(uploaded)


INCOMPLETE_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete (it may have been cut short while copying). Open it in "
    "an image program, save it again and upload the new file."
)


class CompleteImageField(WagtailImageField):
    """Wagtail's image field, refusing an image that cannot be decoded to the end.

    Wagtail decodes the picture while checking its pixel count (Willow loads it with Pillow), and a
    file cut short (an interrupted copy or download) makes Pillow raise there, outside the
    field's own error handling: the upload answered 500. It is the same decoding renditions do
    later, so an image that passes here can be shown.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, EOFError, ValueError, struct.error) as error:
            # OSError: "image file is truncated"; SyntaxError, struct.error: a broken chunk (PNG).
            raise ValidationError(INCOMPLETE_IMAGE_MESSAGE, code="incomplete_image") from error


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (which checks the content and size), refusing images that cannot be
    decoded and storing a sanitised file name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if type(file_field) is WagtailImageField:
            # get_image_form() makes this field itself (formfield_for_dbfield), and a field declared
            # on this base would also come back into the multiple-upload edit form, which leaves the
            # file out. So this form's own copy of the field (with its label, widget and messages)
            # takes the stricter class, which only adds error handling.
            file_field.__class__ = CompleteImageField

    def clean_file(self):
        uploaded = _new_upload(self, "file")
        if uploaded is None:
            return self.cleaned_data.get("file")
        return _sanitise_name(uploaded)


def _check_size(uploaded, limit):
    if limit is not None and uploaded.size > limit:
        raise ValidationError(
            _("This file is too big (%(file_size)s). Maximum file size: %(max_size)s."),
            params={"file_size": filesizeformat(uploaded.size), "max_size": filesizeformat(limit)},
            code="file_too_large",
        )


def _is_raster_image(uploaded):
    try:
        with Image.open(io.BytesIO(_head(uploaded, uploaded.size))) as image:
            image.verify()
            return image.format in {"GIF", "JPEG", "PNG", "WEBP"}
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


class SafeMediaForm(BaseMediaForm):
    """wagtailmedia's form with a maximum size for audio and video and a checked thumbnail."""

    def clean_file(self):
        uploaded = _new_upload(self, "file")
        if uploaded is None:
            return self.cleaned_data.get("file")
        _check_size(uploaded, getattr(settings, "WAGTAILMEDIA_MAX_UPLOAD_SIZE", None))
        return _sanitise_name(uploaded)

    def clean_thumbnail(self):
        uploaded = _new_upload(self, "thumbnail")
        if uploaded is None:
            return self.cleaned_data.get("thumbnail")
        _check_size(uploaded, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        if not _is_raster_image(uploaded):
            raise ValidationError(_("The thumbnail must be a GIF, JPEG, PNG or WebP image."), code="invalid_thumbnail")
        return _sanitise_name(uploaded)
