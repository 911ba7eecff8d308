"""A small, safe Markdown subset for the project's own help pages (docs/huong-dan/).

Why not a Markdown package: the guide needs headings, paragraphs, lists, quotes, bold, code,
links and images, nothing more, and a hand-written subset can promise what a full renderer
cannot: every character of the source is escaped, raw HTML is shown as text, and a link or an
image goes only where ``link_target`` / ``image_target`` let it (anything else becomes plain
text). The result is HTML safe to mark safe.

Supported: ``#``-``###`` headings, paragraphs, ``-`` and ``1.`` lists, ``>`` quotes, ``**bold**``,
`` `code` ``, ``[text](target)`` and ``![alt](target)``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
QUOTE = re.compile(r"^>\s?(.*)$")
# Inline: an image, a link, bold or code; matched on the raw text, each part escaped on output.
INLINE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|`([^`]+)`")


def _no_target(target):
    return None


@dataclass(frozen=True)
class Targets:
    """Where links and images may point: each callable maps a Markdown target to a URL, or None to refuse it."""

    link: Callable[[str], str | None] = _no_target
    image: Callable[[str], str | None] = _no_target


def render_inline(text, targets):
    """One line of text as escaped HTML, with its bold, code, links and images."""
    out, position = [], 0
    for match in INLINE.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(_inline_element(match, targets))
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def _inline_element(match, targets):
    alt, image, label, link, bold, code = match.groups()
    if image is not None:
        url = targets.image(image)
        if url is None:
            return escape(alt)
        return f'<img src="{escape(url)}" alt="{escape(alt)}" loading="lazy">'
    if link is not None:
        url = targets.link(link)
        if url is None:
            return escape(label)
        return f'<a href="{escape(url)}">{render_inline(label, Targets())}</a>'
    if bold is not None:
        return f"<strong>{render_inline(bold, targets)}</strong>"
    return f"<code>{escape(code)}</code>"


def _blocks(lines):
    """Group lines into (kind, [texts]) blocks: heading levels, paragraphs, lists and quotes."""
    block_kind, texts = None, []
    for raw in lines:
        line = raw.strip()
        heading = HEADING.match(line)
        kind, text = _line_kind(line, heading)
        if kind != block_kind or kind is None or heading:
            if block_kind and texts:
                yield block_kind, texts
            block_kind, texts = kind, []
        if kind:
            texts.append(text)
    if block_kind and texts:
        yield block_kind, texts


def _line_kind(line, heading):
    if not line:
        return None, ""
    if heading:
        return f"h{len(heading.group(1)) + 1}", heading.group(2)  # the page title is the admin's h1
    for kind, pattern in (("ul", BULLET), ("ol", NUMBERED), ("blockquote", QUOTE)):
        match = pattern.match(line)
        if match:
            return kind, match.group(1)
    return "p", line


def render(source, targets=Targets()):
    """``source`` (the subset above) as safe HTML."""
    html = []
    for kind, texts in _blocks(source.splitlines()):
        inline = [render_inline(text, targets) for text in texts]
        if kind in ("ul", "ol"):
            items = "".join(f"<li>{item}</li>" for item in inline)
            html.append(f"<{kind}>{items}</{kind}>")
        elif kind == "blockquote":
            html.append(f"<blockquote><p>{' '.join(inline)}</p></blockquote>")
        else:
            html.append(f"<{kind}>{' '.join(inline)}</{kind}>")
    return mark_safe("\n".join(html))


def title_of(source):
    """The text of the first ``#`` heading, or an empty string."""
    for line in source.splitlines():
        match = HEADING.match(line.strip())
        if match and len(match.group(1)) == 1:
            return match.group(2)
    return ""
