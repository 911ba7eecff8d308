"""A Word file (.docx) read into what a story is made of: a title, body blocks and pictures.

The engine of the Word import, with no page, unit or database in sight (it imports no app of ours
but the ground app's text functions), so every page type that accepts an import shares it.

Why mammoth and not wagtail-content-import's docx parser: the latter (0.13, declared for Wagtail 7)
reads only paragraphs, headings, bold and italic, and drops lists, tables, quotes and pictures;
mammoth reads all of them (numbering, tables, pictures with their alt text, paragraph styles) into
plain semantic HTML that ``wordimport.body`` maps onto the story body's own blocks
(core.blocks.StoryBodyBlock), and it never follows links to outside files.

What a refused file gets is a ``WordFileRefused`` whose message says what to do; nothing here
stores anything, so a refusal leaves nothing behind.
"""

import io
import zipfile
from dataclasses import dataclass

import mammoth
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from lxml import etree
from PIL import Image, UnidentifiedImageError

from core.text import nfc, single_line
from wordimport.body import PICTURE_SOURCE, TITLE_LENGTH, blocks_from_html

# A Word 97–2003 file, and a .docx protected by a password, are OLE compound files, not zips.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT_PART = "word/document.xml"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# Word's paragraph styles mapped to what the body knows; mammoth maps headings and lists itself.
STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='Subtitle'] => h2:fresh",
        "p[style-name='Caption'] => p.caption:fresh",
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Intense Quote'] => blockquote > p:fresh",
    ]
)
# Formats every browser shows (and WAGTAILIMAGES_EXTENSIONS accepts); EMF/WMF drawings are not.
PICTURE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


class WordFileRefused(Exception):
    """The file cannot be imported; ``str()`` says why and what to do, for the person uploading."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Limits:
    """How big a file, its unpacked parts and its pictures may be."""

    max_size: int = 10 * 1024 * 1024
    max_unpacked_size: int = 100 * 1024 * 1024
    max_parts: int = 2000
    max_pictures: int = 50
    max_picture_size: int = 10 * 1024 * 1024


@dataclass(frozen=True)
class Picture:
    """A picture of the document: its bytes, a file extension, and Word's alt text if it had one."""

    data: bytes
    extension: str
    word_alt_text: str


@dataclass(frozen=True)
class WordDocument:
    """What the file holds: ``blocks`` are ``(block type, value)`` pairs of the story body, where an
    image's value names its picture by index (``{"picture": 0, "caption": ...}``)."""

    title: str
    blocks: tuple
    pictures: tuple
    skipped_pictures: int


def read_word_file(uploaded, limits=Limits()):
    """The ``WordDocument`` in ``uploaded`` (a file object with ``size``); raises WordFileRefused."""
    check_container(uploaded, limits)
    pictures, skipped = [], [0]
    uploaded.seek(0)
    try:
        result = mammoth.convert_to_html(
            uploaded,
            style_map=STYLE_MAP,
            include_embedded_style_map=False,
            external_file_access=False,
            convert_image=mammoth.images.img_element(lambda image: _keep_picture(image, pictures, skipped, limits)),
        )
    except Exception as error:  # noqa: BLE001 - any fault in a damaged file's XML is the same refusal
        raise damaged() from error
    finally:
        uploaded.seek(0)
    title, blocks = blocks_from_html(result.value)
    if not blocks and not title:
        raise WordFileRefused(_("This Word file has no text. Check that it is the right file."), "empty")
    return WordDocument(
        title=title or _core_title(uploaded),
        blocks=tuple(blocks),
        pictures=tuple(pictures),
        skipped_pictures=skipped[0],
    )


def damaged():
    return WordFileRefused(
        _("This Word file is damaged and cannot be read. Open it in Word, save it again as .docx and upload it again."),
        "damaged",
    )


def check_container(uploaded, limits):
    """Refuse what is too big, encrypted, not a .docx at all, or a .docx without its body."""
    if uploaded.size > limits.max_size:
        raise WordFileRefused(
            _("This file is too big (%(file_size)s). Maximum file size: %(max_size)s.")
            % {"file_size": filesizeformat(uploaded.size), "max_size": filesizeformat(limits.max_size)},
            "too_big",
        )
    uploaded.seek(0)
    head = uploaded.read(len(OLE_SIGNATURE))
    uploaded.seek(0)
    if head == OLE_SIGNATURE:
        raise WordFileRefused(
            _(
                "This file is protected by a password or saved in the old Word 97–2003 format (.doc). "
                "Remove the password, or save it as a Word document (.docx), and upload it again."
            ),
            "encrypted",
        )
    members = _zip_members(uploaded)
    if members is None:
        raise WordFileRefused(
            _("This file is not a Word document (.docx). Save it as .docx in Word and upload it again."), "not_docx"
        )
    if DOCUMENT_PART not in {info.filename for info in members}:
        raise WordFileRefused(_("This .docx file has no document body: it is damaged or not made by Word."), "no_body")
    if len(members) > limits.max_parts or sum(info.file_size for info in members) > limits.max_unpacked_size:
        raise damaged()


def _zip_members(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        uploaded.seek(0)


def _keep_picture(image, pictures, skipped, limits):
    """mammoth's image callback: a picture kept gets a source naming its index; one that browsers
    cannot show (an EMF drawing), or beyond the limits, is left out and counted."""
    with image.open() as stream:
        data = stream.read(limits.max_picture_size + 1)
    extension = _picture_extension(data)
    if extension is None or len(data) > limits.max_picture_size or len(pictures) >= limits.max_pictures:
        skipped[0] += 1
        return {"src": ""}
    alt_text = nfc(single_line(image.alt_text or "")).strip()
    pictures.append(Picture(data=data, extension=extension, word_alt_text=alt_text))
    return {"src": f"{PICTURE_SOURCE}{len(pictures) - 1}"}


def _picture_extension(data):
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.verify()
            return PICTURE_FORMATS.get(picture.format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


def _core_title(uploaded):
    """The title in the file's properties (File > Info in Word), when no heading gave one."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            xml = archive.read("docProps/core.xml")[:100_000]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return ""
    finally:
        uploaded.seek(0)
    try:
        properties = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return ""
    title = properties.findtext(DC_TITLE) or ""
    return nfc(single_line(title)).strip()[:TITLE_LENGTH]
