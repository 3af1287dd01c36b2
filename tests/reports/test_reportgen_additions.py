"""What this app added to the writers: notes on the figures, and a header without a
superior organ (a Tỉnh ủy). Plain pytest on the sample data, no database."""

from __future__ import annotations

import dataclasses
import io

from docx import Document
from openpyxl import load_workbook

from nghiquyet.documents import build_docx, build_xlsx, sample_report_data

NOTE = "Báo cáo có sử dụng số liệu chưa được phê duyệt."


def test_a_province_header_has_no_superior_organ_line():
    data = dataclasses.replace(sample_report_data(), superior_organ="",
                               issuing_organ="TỈNH ỦY SƠN LA")
    doc = Document(io.BytesIO(build_docx(data, charts=False)))
    assert doc.tables[0].cell(0, 0).text.splitlines() == ["TỈNH ỦY SƠN LA", "*"]
    sheet = load_workbook(io.BytesIO(build_xlsx(data)))["Biểu tổng hợp"]
    assert [sheet.cell(row=r, column=1).value for r in (1, 2)] == ["TỈNH ỦY SƠN LA", "*"]


def test_notes_print_under_the_title_and_with_the_annex():
    data = dataclasses.replace(sample_report_data(), notes=[NOTE])
    doc = Document(io.BytesIO(build_docx(data, charts=False)))
    texts = [p.text for p in doc.paragraphs]
    assert NOTE in texts[:8]  # under the title
    assert any(t.startswith("Ghi chú: (*)") and t.endswith(NOTE) for t in texts)  # the annex
    workbook = load_workbook(io.BytesIO(build_xlsx(data)))
    sheet = workbook["Biểu tổng hợp"]
    column_a = [sheet.cell(row=r, column=1).value for r in range(1, sheet.max_row + 1)]
    assert column_a[-1] == NOTE
    assert sheet.print_area.endswith("$" + str(sheet.max_row))  # the note is printed too


def test_without_notes_nothing_changes():
    data = sample_report_data()
    assert tuple(data.notes) == ()
    doc = Document(io.BytesIO(build_docx(data, charts=False)))
    assert doc.tables[0].cell(0, 0).text.splitlines()[0] == "ĐẢNG BỘ TỈNH SƠN LA"
