"""The search text of a story body includes what list blocks hold: achievements and table cells."""

from core.blocks import StoryBodyBlock
from core.search_documents import stream_text


def test_achievements_and_table_cells_are_searchable_text():
    body = StoryBodyBlock().to_python(
        [
            {"type": "achievements", "value": {"heading": "Thành tích", "items": ["Chiến sĩ thi đua cơ sở"]}},
            {
                "type": "table",
                "value": {"caption": "", "first_row_is_header": True, "rows": [["Năm", "Thu nhập"], ["2019", "410"]]},
            },
        ]
    )
    text = stream_text(body)
    assert "Chiến sĩ thi đua cơ sở" in text
    assert "Thu nhập" in text and "410" in text


def test_a_table_renders_with_its_header_row():
    block = StoryBodyBlock().child_blocks["table"]
    value = block.to_python(
        {"caption": "Thu nhập qua các năm", "first_row_is_header": True, "rows": [["Năm", "Thu nhập"], ["2019", "410"]]}
    )
    html = block.render(value)
    assert "<caption>Thu nhập qua các năm</caption>" in html
    assert '<th scope="col">Năm</th>' in html and "<td>410</td>" in html
