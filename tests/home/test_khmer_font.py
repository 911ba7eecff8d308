"""Khmer renders with a font the site ships itself, never fetched from elsewhere."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders


def test_khmer_font_is_a_local_static_file_used_for_khmer_only():
    css_path = finders.find("css/site.css")
    css = Path(css_path).read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert faces, "no @font-face for Khmer"
    for face in faces:
        assert "U+1780-17FF" in face  # only Khmer characters load it
        url = re.search(r'url\("\.\./(fonts/[^"]+\.woff2)"\)', face).group(1)
        path = finders.find(url)
        assert path and Path(path).read_bytes()[:4] == b"wOF2"
    assert "http" not in "".join(faces)
    assert '"Newsroom Khmer"' in re.search(r"--font-sans:[^;]*;", css).group(0)
