"""mammoth's HTML of a Word file mapped onto the story body's blocks (core.blocks.StoryBodyBlock).

- the first heading (a "Title" or "Heading n" paragraph) is the title, the later ones are headings;
- a run of paragraphs and lists is one paragraph block, in the rich text features the body allows
  (bold, italic, links to web and mail addresses, bulleted and numbered lists); anything else
  Word had (underline, colours, fonts) is left out, keeping its text;
- "Quote" paragraphs are a quote, a table is a table block, a picture is an image block whose
  caption is the "Caption" paragraph right after it (Word's Insert Caption).

Text is NFC, as typed otherwise: an old-style "hoá" stays "hoá" (core.text.normalize is for
comparing, never for what is stored), and control characters nobody typed go.
"""

from django.utils.html import escape
from lxml import html as lxml_html

from core.text import nfc, single_line

# How the reader names a picture it kept, in the ``src`` of mammoth's <img>: the prefix and its index.
PICTURE_SOURCE = "word-picture:"
TITLE_LENGTH = 255
CELL_LENGTH = 2000
CAPTION_LENGTH = 500
MAX_TABLE_ROWS = 500
MAX_TABLE_COLUMNS = 30
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# HTML tags mammoth writes, as Wagtail's rich text stores them; tags not named here keep only their text.
RICH_TAGS = {"p": "p", "strong": "b", "b": "b", "em": "i", "i": "i", "ul": "ul", "ol": "ol", "li": "li"}
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")


def clean(text):
    """Text as stored: NFC, one line, without control characters; the tone marks where they were."""
    return nfc(single_line(text or ""))


def text_of(element):
    return " ".join(clean(element.text_content()).split())


def blocks_from_html(markup):
    """``(title, blocks)`` from mammoth's HTML: the title ("" if no heading) and the body's
    ``(block type, value)`` pairs."""
    if not (markup or "").strip():
        return "", []
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    body = _BodyBuilder()
    for element in root:
        if isinstance(element.tag, str):
            body.add(element)
    return body.finish()


class _BodyBuilder:
    def __init__(self):
        self.title = ""
        self.blocks = []
        self.rich = []

    def finish(self):
        self._flush()
        return self.title, self.blocks

    def add(self, element):
        tag = element.tag
        if tag in HEADINGS:
            self._heading(element)
        elif tag == "p":
            self._paragraph(element)
        elif tag in ("ul", "ol"):
            self._rich(element)
            self._pictures_in(element)
        elif tag == "blockquote":
            self._quote(element)
        elif tag == "table":
            self._table(element)
        else:
            self._rich(element, wrap="p")
            self._pictures_in(element)

    def _flush(self):
        if self.rich:
            self.blocks.append(("paragraph", "".join(self.rich)))
            self.rich = []

    def _append(self, block_type, value):
        self._flush()
        self.blocks.append((block_type, value))

    def _heading(self, element):
        text = text_of(element)[:TITLE_LENGTH]
        if text and not self.title:
            self.title = text
        elif text:
            self._append("heading", text)
        self._pictures_in(element)

    def _paragraph(self, element):
        if "caption" in (element.get("class") or "").split() and self._caption(text_of(element)):
            return
        self._rich(element)
        self._pictures_in(element)

    def _caption(self, text):
        """Give ``text`` to the picture just before, if it has no caption yet."""
        if not text or not self.blocks or self.rich or self.blocks[-1][0] != "image":
            return False
        value = self.blocks[-1][1]
        if value["caption"]:
            return False
        value["caption"] = text[:CAPTION_LENGTH]
        return True

    def _rich(self, element, wrap=None):
        if not text_of(element):
            return
        markup = rich_html(element)
        self.rich.append(f"<{wrap}>{markup}</{wrap}>" if wrap else markup)

    def _pictures_in(self, element):
        for image in element.iter("img"):
            source = image.get("src") or ""
            if source.startswith(PICTURE_SOURCE) and source[len(PICTURE_SOURCE) :].isdigit():
                self._append("image", {"picture": int(source[len(PICTURE_SOURCE) :]), "caption": ""})

    def _quote(self, element):
        paragraphs = [text_of(p) for p in element.iter("p")] or [text_of(element)]
        text = "\n".join(p for p in paragraphs if p)
        if text:
            self._append("quote", {"text": text, "attribution": ""})
        self._pictures_in(element)

    def _table(self, element):
        table = table_value(element)
        if table is not None:
            self._append("table", table)
        self._pictures_in(element)


def rich_html(element):
    """``element`` as Wagtail's rich text stores it: the allowed tags, escaped NFC text."""
    tag = element.tag if isinstance(element.tag, str) else ""
    inner = escape(clean(element.text))
    for child in element:
        inner += rich_html(child) + escape(clean(child.tail))
    if tag == "br":
        return "<br/>"
    if tag == "a":
        href = (element.get("href") or "").strip()
        return f'<a href="{escape(href)}">{inner}</a>' if href.lower().startswith(SAFE_LINK_SCHEMES) else inner
    stored = RICH_TAGS.get(tag)
    if stored is None or (stored in ("b", "i") and not inner.strip()):
        return inner
    return f"<{stored}>{inner}</{stored}>"


def table_value(element):
    """A TableBlock value: rows of cell texts, all of one width; None for a table without text."""
    rows = []
    for row in element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")[:MAX_TABLE_ROWS]:
        cells = row.xpath("./td | ./th")[:MAX_TABLE_COLUMNS]
        rows.append([_cell_text(cell) for cell in cells])
    if not any(any(row) for row in rows):
        return None
    width = max(len(row) for row in rows)
    return {
        "caption": "",
        # Word marks a header row only when it repeats on each page; most tables in a story start
        # with one anyway, so a table of several rows starts with its header (the editor can untick it).
        "first_row_is_header": len(rows) > 1,
        "rows": [row + [""] * (width - len(row)) for row in rows],
    }


def _cell_text(cell):
    paragraphs = [text_of(p) for p in cell.iter("p")] or [text_of(cell)]
    return " ".join(p for p in paragraphs if p)[:CELL_LENGTH]
