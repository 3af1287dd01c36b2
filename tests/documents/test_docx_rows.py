from __future__ import annotations

import pytest
from docx import Document

from nghiquyet.documents._docx_rows import Cell, append_rows, row_xml


def test_rows_escape_text_and_drop_characters_xml_forbids() -> None:
    doc = Document()
    table = doc.add_table(rows=0, cols=2)
    row = row_xml(
        [Cell("a < b & c\x0b"), Cell("đạt", bold=True, centre=True)], [1000, 2000], "Normal"
    )
    append_rows(table, [row])
    cells = table.rows[0].cells
    assert [c.text for c in cells] == ["a < b & c", "đạt"]
    assert cells[1].paragraphs[0].runs[0].bold


def test_a_spanning_cell_covers_its_columns() -> None:
    doc = Document()
    table = doc.add_table(rows=0, cols=3)
    append_rows(table, [row_xml([Cell("a) Kinh tế", span=3)], [100, 200, 300], "Normal")])
    cells = table.rows[0].cells
    assert len(cells) == 3 and cells[0]._tc is cells[2]._tc
    assert cells[0]._tc.width.twips == 600


def test_a_row_must_cover_the_grid() -> None:
    with pytest.raises(ValueError):
        row_xml([Cell("x")], [100, 200], "Normal")
