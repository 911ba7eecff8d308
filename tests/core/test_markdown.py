"""The guide's Markdown subset (core/markdown.py) renders every character escaped: raw HTML in a
guide page shows as text, and links and images go only where the caller allows."""

from core import markdown
from core.markdown import Targets

SOURCE = """# Tiêu đề

Một đoạn có **chữ đậm**, `mã` và <b>thẻ</b> & "ngoặc".

- mục một
- mục <i>hai</i>

1. bước một
2. bước hai

> ghi chú

<script>alert("x")</script>
"""


def test_the_subset_renders_headings_lists_quotes_bold_and_code():
    html = markdown.render(SOURCE)
    assert "<h2>Tiêu đề</h2>" in html
    assert "<strong>chữ đậm</strong>" in html and "<code>mã</code>" in html
    assert "<ul><li>mục một</li><li>mục &lt;i&gt;hai&lt;/i&gt;</li></ul>" in html
    assert "<ol><li>bước một</li><li>bước hai</li></ol>" in html
    assert "<blockquote><p>ghi chú</p></blockquote>" in html


def test_raw_html_is_shown_as_text_never_run():
    html = markdown.render(SOURCE)
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;thẻ&lt;/b&gt; &amp; &quot;ngoặc&quot;" in html


def test_links_and_images_go_only_where_allowed():
    targets = Targets(
        link=lambda target: "/admin/huong-dan/x/" if target == "x.md" else None,
        image=lambda target: "/anh/a.png" if target == "anh/a.png" else None,
    )
    html = markdown.render(
        '[được](x.md) [bị chặn](javascript:alert(1)) ![ảnh](anh/a.png) ![khác"onerror=x](http://evil/x.png)', targets
    )
    assert '<a href="/admin/huong-dan/x/">được</a>' in html
    assert "javascript" not in html and "bị chặn" in html
    assert '<img src="/anh/a.png" alt="ảnh" loading="lazy">' in html
    assert "evil" not in html and "khác&quot;onerror=x" in html


def test_without_targets_nothing_links():
    assert "<a " not in markdown.render("[a](https://example.org)") and "<img" not in markdown.render("![a](anh/a.png)")


def test_a_quote_in_a_link_label_or_bold_stays_escaped():
    targets = Targets(link=lambda target: target)
    html = markdown.render('[<img src=x onerror=alert(1)>](/ok) **"<x>"**', targets)
    assert '<a href="/ok">&lt;img src=x onerror=alert(1)&gt;</a>' in html
    assert "<strong>&quot;&lt;x&gt;&quot;</strong>" in html


def test_the_title_is_the_first_top_level_heading():
    assert markdown.title_of("## Không\n# Có\n# Sau") == "Có"
