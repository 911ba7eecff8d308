"""Compile the translation catalogues: every locale/*/LC_MESSAGES/*.po into its .mo, and the
framework's admin strings in locale/framework/*/LC_MESSAGES/*.po (see docs/admin-glossary.md).

Run as ``python -m cms.compile_catalogues``. A catalogue is compiled only when its .po is newer
than its .mo (or the .mo is missing); one line is printed per compiled file. A malformed .po is
not compiled: the run goes on with the others, then names every bad file and exits with status 1.

Why polib and not ``manage.py compilemessages``: compilemessages shells out to GNU gettext's
``msgfmt``, which a fresh machine (a developer's, CI's, a server's) may not have, and installing
it needs the system package manager. polib is pure Python and pinned in requirements.lock.txt, so
``make install`` is all this needs. Like msgfmt, polib leaves fuzzy and untranslated entries out
of the .mo. polib's parser is lenient (it accepts an unterminated string, for one), so the few
checks msgfmt would make and that matter here are made first: the syntax of every line, duplicate
messages, and placeholders in a translation that its source does not have (a KeyError at render).
"""

import os
import re
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_STRING = r'"(?:[^"\\]|\\[\\"abfnrtv]|\\[0-7]{1,3}|\\x[0-9A-Fa-f]+)*"'
_LINE = re.compile(rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+)?{_STRING}\s*")
_PLACEHOLDER = re.compile(r"%\((\w+)\)")


class MalformedCatalogue(Exception):
    pass


def is_stale(po_path, mo_path):
    return not mo_path.exists() or po_path.stat().st_mtime > mo_path.stat().st_mtime


def check_syntax(po_path):
    """Every line is blank, a comment, a keyword with a quoted string, or a quoted continuation."""
    try:
        lines = po_path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise MalformedCatalogue(f"not UTF-8 ({error})") from error
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _LINE.fullmatch(stripped):
            raise MalformedCatalogue(f"line {number}: syntax error: {line[:60]!r}")


def check_entries(catalogue):
    seen = set()
    for entry in catalogue:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise MalformedCatalogue(f"line {entry.linenum}: duplicate message {entry.msgid[:60]!r}")
        seen.add(key)
        allowed = set(_PLACEHOLDER.findall(entry.msgid)) | set(_PLACEHOLDER.findall(entry.msgid_plural or ""))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            unknown = set(_PLACEHOLDER.findall(translation)) - allowed
            if unknown:
                names = ", ".join(f"%({name})s" for name in sorted(unknown))
                raise MalformedCatalogue(
                    f"line {entry.linenum}: the translation of {entry.msgid[:60]!r} uses {names}, "
                    "which the source does not have"
                )


def compile_catalogue(po_path, mo_path):
    """Check and parse ``po_path``, then write ``mo_path`` atomically (never half a .mo)."""
    check_syntax(po_path)
    try:
        catalogue = polib.pofile(str(po_path), encoding="utf-8")
    except (OSError, ValueError) as error:
        raise MalformedCatalogue(str(error)) from error
    check_entries(catalogue)
    tmp_path = mo_path.with_name(mo_path.name + ".tmp")
    try:
        catalogue.save_as_mofile(str(tmp_path))
        os.replace(tmp_path, mo_path)
    finally:
        tmp_path.unlink(missing_ok=True)
    return catalogue


def main(locale_dir=LOCALE_DIR):
    po_paths = sorted(locale_dir.glob("*/LC_MESSAGES/*.po")) + sorted(locale_dir.glob("framework/*/LC_MESSAGES/*.po"))
    if not po_paths:
        print(f"No catalogues found in {locale_dir}/*/LC_MESSAGES/.", file=sys.stderr)
        return 1
    failures = []
    for po_path in po_paths:
        mo_path = po_path.with_suffix(".mo")
        if not is_stale(po_path, mo_path):
            continue
        try:
            catalogue = compile_catalogue(po_path, mo_path)
        except MalformedCatalogue as error:
            failures.append(f"{po_path}: {error}")
            continue
        translated = len(catalogue.translated_entries())
        total = len([entry for entry in catalogue if not entry.obsolete])
        print(f"Compiled {mo_path.relative_to(locale_dir.parent)} ({translated}/{total} translated)")
    if failures:
        print("Malformed catalogues, not compiled (fix them and run again):", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
