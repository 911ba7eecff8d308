"""Plain text from outside, without the control characters nobody types on purpose.

A control character (U+0000–U+001F, DEL, U+0080–U+009F) pasted into a public form shows as
nothing or a box, and some of them cannot be written into an XLSX file at all (XML 1.0 forbids
them), so one of them in a stored row would break the Board's exports. Only tabs and line breaks
have a meaning in text, and only where the text may have several lines.

This module imports nothing of ours: forms and exports of every app use it.
"""

import re

# Line breaks as browsers send them from a text area (CR LF), old Mac (CR) and NEL.
_LINE_BREAKS = re.compile(r"\r\n?|\x85")
# In a single line, a tab or a line break (as typed or pasted) separates words: it becomes a
# space, not nothing.
_SPACE_CONTROLS = re.compile(r"[\t\n\x0b\x0c]")
# What is left once lines are normalised: every C0 control but tab and LF, DEL, every C1 control.
_CONTROLS_BUT_TAB_AND_LF = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def single_line(text):
    """``text`` for a one-line field: tabs and line breaks become spaces, other controls go."""
    return _CONTROLS_BUT_TAB_AND_LF.sub("", _SPACE_CONTROLS.sub(" ", _LINE_BREAKS.sub("\n", text)))


def multiline(text):
    """``text`` for a text area: line breaks become LF, tabs stay, other controls go."""
    return _CONTROLS_BUT_TAB_AND_LF.sub("", _LINE_BREAKS.sub("\n", text))
