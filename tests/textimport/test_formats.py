"""The seed typed in Word (also with automatic numbering) and printed to PDF reads the same."""

from __future__ import annotations

import re

import pytest

from nghiquyet.textimport import parse_text, read_document
from nghiquyet.textimport.evaluate import score_targets, structure_differences
from tests.textimport.helpers import (
    GIVEN_TERMS,
    LAYOUT_NAMES,
    compared,
    docx_bytes,
    docx_with_numbering,
    layout_text,
    paragraphs,
    seed_expected,
    seed_text,
)
from tests.textimport.pdfgen import text_pdf


@pytest.fixture(scope="module")
def from_txt():
    return parse_text(seed_text()).registry


def test_seed_as_docx(from_txt):
    registry = parse_text(read_document(docx_bytes(paragraphs(seed_text())), "seed.docx")).registry
    assert registry == from_txt
    assert compared(registry) == compared(seed_expected())


def test_seed_as_docx_with_word_numbering(from_txt):
    paras = paragraphs(seed_text())
    numbered = [i for i, p in enumerate(paras) if re.match(r"\(\d+\) ", p)]
    heading = next(i for i, p in enumerate(paras) if p.startswith("2.2. Các chỉ tiêu"))
    breakthrough = next(i for i, p in enumerate(paras) if p.startswith("3. Các khâu đột phá"))
    indicators = [i for i in numbered if heading < i < breakthrough]
    breakthroughs = [i for i in numbered if breakthrough < i]
    assert (len(indicators), len(breakthroughs)) == (24, 4)  # the helper's paragraphs, checked
    # The group headings a) b) c) sit between numbered paragraphs of one list, as in Word.
    data = docx_with_numbering(paras, [(indicators, "(%1)"), (breakthroughs, "(%1)")])
    registry = parse_text(read_document(data, "seed.docx")).registry
    assert registry == from_txt


def test_seed_as_pdf(from_txt):
    registry = parse_text(read_document(text_pdf(seed_text()), "seed.pdf")).registry
    assert registry == from_txt


# Cases 07-10 and 12 rebuilt as a Word file (one paragraph per source line, as
# Word holds them) and as a PDF with a text layer: the same registry as the .txt.
_REBUILT = [n for n in LAYOUT_NAMES if not n.startswith("11-")]


@pytest.mark.parametrize("name", _REBUILT)
def test_unnumbered_layouts_read_the_same_from_word_and_pdf(name):
    text = layout_text(name)
    term = GIVEN_TERMS.get(name)
    expected = compared(parse_text(text, term=term).registry)
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    from_docx = parse_text(read_document(docx_bytes(lines), f"{name}.docx"), term=term)
    assert compared(from_docx.registry) == expected
    from_pdf = parse_text(read_document(text_pdf(text), f"{name}.pdf"), term=term)
    assert score_targets(from_pdf.registry, expected) == score_targets(expected, expected)
    assert structure_differences(from_pdf.registry, expected) == []


def test_a_word_table_built_here_is_read_as_a_table():
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện 2025", "Mục tiêu đến năm 2030"],
        ["I", "Kinh tế", "", "", ""],
        ["1", "Sản lượng chè búp tươi", "Tấn", "3.100", "4.000"],
        ["2", "Tỷ lệ hộ nghèo", "%", "8,2", "Dưới 3"],
    ]
    paras = [
        "Đại hội đại biểu Đảng bộ xã Suối Giàng lần thứ I, nhiệm kỳ 2025-2030.",
        "Các chỉ tiêu chủ yếu:",
    ]
    result = parse_text(read_document(docx_bytes(paras, rows), "suoi-giang.docx"))
    assert result.layout == "table"
    targets = [
        (t["comparator"], t["value"], t["unit"])
        for i in result.registry["indicators"]
        for t in i["targets"]
    ]
    assert targets == [(">=", 4000, "tấn"), ("<", 3, "%")]
