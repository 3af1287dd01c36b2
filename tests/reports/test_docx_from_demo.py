"""The Word report built from the demo (Phiêng Khoài, 2026, approved figures), read back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from nghiquyet.lib.vnformat import format_number, round_for_unit, unit_decimals

pytestmark = pytest.mark.django_db


def _cells(table: Table, row: Any) -> list[str]:
    seen: set[int] = set()
    texts = []
    for cell in row.cells:
        if id(cell._tc) not in seen:  # a merged cell repeats across its columns
            seen.add(id(cell._tc))
            texts.append(cell.text)
    return texts


def _annex_rows(doc: Any) -> dict[str, list[str]]:
    """The annex's rows by their STT: "2.1" for a target, "3" for a lone target."""
    annex = doc.tables[-1]
    return {cells[0]: cells for cells in (_cells(annex, r) for r in annex.rows) if cells[0]}


def _paragraphs(doc: Any) -> Iterator[Paragraph]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _figure(value: float | None, target: Any, estimate: bool = False, year: int = 0) -> str:
    """A cell as an office writes it: whole tấn/ha/người, one decimal for %, and a partial
    total with its coverage ("13.117 (8/30)")."""
    if value is None:
        return ""
    places = 0 if target.denominator is not None else unit_decimals(target.unit)
    of = "" if target.denominator is None else "/" + format_number(target.denominator)
    text = format_number(round_for_unit(value, places)) + of
    if year == 2026 and target.coverage:
        text += f" ({target.coverage})"
    return text + ("*" if estimate else "")


def test_every_target_appears_with_its_numbers_and_status(demo_doc, demo_reports):
    rows = _annex_rows(demo_doc)
    expected = demo_reports["approved"]["expected"]
    assert len(expected) == 37
    for target in expected:
        cells = rows[target.number]
        assert cells[1] == target.label
        # STT, label, unit, target, 2025 (baseline), 2026, assessment
        assert cells[4] == _figure(target.baseline, target), target
        assert cells[5] == _figure(target.actual, target, target.estimate, 2026), target
        assert cells[-1] == target.status_label


def test_the_body_states_each_figure_the_vietnamese_way(demo_doc, demo_reports):
    body = "\n".join(p.text for p in demo_doc.paragraphs)
    for target in demo_reports["approved"]["expected"]:
        if target.actual is not None:
            assert _figure(target.actual, target).split(" (")[0] in body, target
        assert target.status_label.lower() in body.lower()
    assert "45.200" not in body  # the unapproved village figures are left out...
    grain = format_number(demo_reports["approved_grain_2026"])
    assert f"{grain} tấn" in body  # ...so grain is the sum of the approved ones
    assert "44.000 tấn" in body and "49.305 tấn" in body
    assert "44,000" not in body and "49,305" not in body


def test_the_header_follows_the_party_format(demo_doc):
    header = demo_doc.tables[0]
    left = header.cell(0, 0).text.splitlines()
    assert left == ["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", "*"]
    assert header.cell(0, 1).text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    number = header.cell(1, 0).text
    assert number.startswith("Số") and number.endswith("-BC/ĐU")
    dated = header.cell(1, 1).paragraphs[0]
    assert dated.text == "Phiêng Khoài, ngày 20 tháng 12 năm 2026"
    assert all(run.italic for run in dated.runs)


def test_title_recipients_and_signature(demo_doc, demo_reports):
    text = "\n".join(p.text for p in _paragraphs(demo_doc))
    assert "BÁO CÁO" in [p.text for p in demo_doc.paragraphs]
    assert ("Kết quả thực hiện các chỉ tiêu chủ yếu năm 2026 theo "
            + demo_reports["resolution_title"]) in text
    for words in ("Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (để báo cáo),",
                  "- Ủy ban Kiểm tra Tỉnh ủy,", "- Các chi bộ trực thuộc,",
                  "- Lưu Văn phòng Đảng ủy.", "T/M ĐẢNG ỦY", "BÍ THƯ"):
        assert words in text, words


def test_the_demo_is_marked_illustrative_and_approved_only(demo_doc):
    text = "\n".join(p.text for p in demo_doc.paragraphs)
    assert "SỐ LIỆU MINH HỌA" in text
    assert "Số liệu sử dụng: chỉ số liệu đã được phê duyệt." in text


def test_every_indicator_has_its_paragraph(demo_doc):
    body = "\n".join(p.text for p in demo_doc.paragraphs)
    for number in range(1, 25):
        assert f"Chỉ tiêu ({number}): " in body


def test_partial_sums_say_how_many_units_reported(demo_doc):
    body = "\n".join(p.text for p in demo_doc.paragraphs)
    # villages: a partial total, shown with its coverage and not judged
    assert re.search(r"năm 2026 mới tổng hợp được [\d.]+ tấn, \d+/30 đơn vị báo cáo, chưa "
                     r"dùng để đánh giá", body)
    assert "năm gốc 2025 đạt 44.000 tấn" in body  # what is judged so far is the baseline
    # schools: a count of yes over the schools that reported
    assert re.search(r"\d+/7 đơn vị báo cáo", body)
