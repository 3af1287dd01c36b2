from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from nghiquyet.documents import ReportData, build_docx
from nghiquyet.lib.vnformat import format_number


def _paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    yield from doc.paragraphs
    for table in doc.tables:
        yield from _table_paragraphs(table)


def _table_paragraphs(table: Table) -> Iterator[Paragraph]:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats across its columns
                continue
            seen.add(id(cell._tc))
            yield from cell.paragraphs


def _text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in _paragraphs(doc))


def _mm(length: Length | None) -> float:
    assert length is not None
    return float(length.mm)


def _annex(doc: DocxDocument) -> Table:
    return doc.tables[-1]


def test_every_target_appears_with_its_figures_and_status(
    doc: DocxDocument, sample: ReportData
) -> None:
    text = _text(doc)
    annex = "\n".join(p.text for p in _table_paragraphs(_annex(doc)))
    for target in sample.targets():
        assert target.label in text
        assert target.status_label in annex
        if target.latest is not None:
            assert format_number(target.latest) in text
        if target.baseline is not None:
            assert format_number(target.baseline) in annex


def test_numbers_are_in_vietnamese_format(doc: DocxDocument) -> None:
    text = _text(doc)
    assert "41.200" in text and "83,6%" in text and "49.305" in text
    assert "41,200" not in text and "83.6" not in text


def test_every_indicator_has_its_paragraph(doc: DocxDocument, sample: ReportData) -> None:
    body = "\n".join(p.text for p in doc.paragraphs)
    for indicator in sample.indicators():
        assert f"Chỉ tiêu ({indicator.number}): " in body
    assert "Chỉ tiêu (2): " in body
    grain = next(t for t in sample.targets() if t.label == "Sản lượng cây lương thực có hạt")
    assert (
        "năm 2026 ước đạt 41.200 tấn, bằng 83,6% mục tiêu từ 49.305 tấn trở lên đến năm 2030; "
        f"đánh giá: {grain.status_label.lower()} (mức “cần đẩy nhanh” theo phương pháp đánh "
        "giá). Năm gốc 2025: 40.000 tấn; cần tăng bình quân"
    ) in body


def test_the_header_block_follows_the_party_format(doc: DocxDocument, sample: ReportData) -> None:
    header = doc.tables[0]
    left, right = header.rows[0].cells
    superior, issuing, star = left.paragraphs
    assert superior.text == "ĐẢNG BỘ TỈNH SƠN LA" and not superior.runs[0].bold
    assert issuing.text == "ĐẢNG ỦY XÃ PHIÊNG KHOÀI" and issuing.runs[0].bold
    assert star.text == "*"
    party = right.paragraphs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert party.runs[0].bold and party.runs[0].underline
    number, dated = header.rows[1].cells
    assert number.text.startswith("Số") and number.text.endswith("-BC/ĐU")
    assert dated.text == "Phiêng Khoài, ngày 15 tháng 12 năm 2026"
    assert dated.paragraphs[0].runs[0].italic


def test_the_header_table_has_no_borders(doc: DocxDocument) -> None:
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}


def test_title_and_subject(doc: DocxDocument, sample: ReportData) -> None:
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    subject = next(p for p in doc.paragraphs if p.text.startswith("Kết quả thực hiện các chỉ tiêu"))
    assert subject.runs[0].bold
    assert sample.period_label in subject.text and sample.resolution_title in subject.text


def test_recipients_and_signature(doc: DocxDocument) -> None:
    recipients, signer = doc.tables[1].rows[0].cells
    label = recipients.paragraphs[0]
    assert label.text == "Nơi nhận:"
    # Hướng dẫn 36-HD/VPTW: "Nơi nhận" regular, upright, underlined, 14 pt; the list 12 pt
    first = label.runs[0]
    assert first.text == "Nơi nhận" and first.underline and first.font.size.pt == 14
    assert not first.bold and not first.italic
    lines = [p.text for p in recipients.paragraphs[1:]]
    assert lines[-1] == "- Lưu Văn phòng Đảng ủy."
    assert all(line.startswith("- ") and line.endswith(",") for line in lines[:-1])
    assert recipients.paragraphs[1].runs[0].font.size.pt == 12
    texts = [p.text for p in signer.paragraphs]
    assert texts[:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert texts[-1] == "Nguyễn Văn A"


def test_fonts_are_times_new_roman(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    styles_xml = doc.styles.element.xml
    # Theme fonts would override the explicit name in Word.
    for style_name in ("Normal", "Heading 1", "Heading 2", "Caption", "NQ Body", "NQ Table Text"):
        rfonts = doc.styles[style_name].element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if rfonts is not None:
            assert rfonts.get(qn("w:asciiTheme")) is None
    assert 'w:asciiTheme="minorHAnsi"' not in styles_xml.split("</w:docDefaults>")[0]
    for paragraph in _paragraphs(doc):
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")


def test_page_is_a4_portrait_with_party_margins(doc: DocxDocument) -> None:
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert round(_mm(section.page_width)) == 210 and round(_mm(section.page_height)) == 297
    # Word stores margins in twentieths of a point: 15 mm comes back as 14,99 mm.
    assert 20 <= round(_mm(section.top_margin), 1) <= 25
    assert 20 <= round(_mm(section.bottom_margin), 1) <= 25
    assert 30 <= round(_mm(section.left_margin), 1) <= 35
    assert 15 <= round(_mm(section.right_margin), 1) <= 20


def test_the_annex_is_landscape_and_repeats_its_header(
    doc: DocxDocument, sample: ReportData
) -> None:
    annex_section = doc.sections[-1]
    assert annex_section.orientation == WD_ORIENT.LANDSCAPE
    assert _mm(annex_section.page_width) > _mm(annex_section.page_height)
    annex = _annex(doc)
    header = annex.rows[0]
    tr_pr = header._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    titles = [c.text for c in header.cells]
    assert titles[:4] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030"]
    assert titles[4] == "Năm 2025 (cơ sở)" and titles[-1] == "Đánh giá"
    assert len(titles) == 5 + len(sample.years)


def test_estimates_are_marked_in_the_annex(doc: DocxDocument) -> None:
    annex = "\n".join(p.text for p in _table_paragraphs(_annex(doc)))
    assert "41.200*" in annex and "40.000" in annex and "3/7*" in annex


def test_charts_are_pictures_and_optional(doc: DocxDocument, sample: ReportData) -> None:
    assert len(doc.inline_shapes) == 2
    plain = Document(io.BytesIO(build_docx(sample, charts=False)))
    assert len(plain.inline_shapes) == 0


def test_illustrative_data_is_marked_only_when_it_is(doc: DocxDocument, sample: ReportData) -> None:
    assert "SỐ LIỆU MINH HỌA" in _text(doc)
    real = dataclasses.replace(sample, illustrative=False)
    plain = Document(io.BytesIO(build_docx(real, charts=False)))
    assert "MINH HỌA" not in _text(plain)


def test_pages_after_the_first_are_numbered(doc: DocxDocument) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_table_properties_are_in_schema_order(doc: DocxDocument) -> None:
    """Word refuses to open a file whose w:tblPr children are out of order."""
    order = ["tblStyle", "tblW", "jc", "tblInd", "tblBorders", "tblLayout", "tblCellMar", "tblLook"]
    for table in doc.tables:
        tags = [child.tag.split("}")[1] for child in table._tbl.tblPr]
        assert tags == sorted(tags, key=order.index), tags
