"""The Word report, in the Party's document format (Hướng dẫn 36-HD/VPTW).

Layout: A4 portrait, margins 20/20/30/15 mm (top/bottom/left/right), Times
New Roman 14 pt; the header is a borderless two-column table (organs, "*" and
number on the left; "ĐẢNG CỘNG SẢN VIỆT NAM", place and date on the right);
title, subject, body; recipients and signature side by side; then the annex
table on a landscape section, its header row repeated on every page. All text
stays editable; only the charts are pictures.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Final

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_date

from . import _docx_xml as xml
from ._docx_rows import Cell, append_rows, row_xml
from .data import ReportData, ReportIndicator, ReportTarget, Status
from .palette import GROUP_FILL, HEADER_FILL, STATUS_TINTS
from .programme import add_docx_section as add_programme_section
from .wording import (
    assessment_phrase,
    coverage_cell,
    date_line,
    format_figure,
    illustrative_note,
    lower_first,
    number_line,
    opening_paragraph,
    result_clause,
    subject_line,
    summary_paragraph,
    target_cell_text,
    target_number,
)

FONT: Final[str] = "Times New Roman"
BODY_SIZE: Final[Pt] = Pt(14)
TABLE_SIZE: Final[Pt] = Pt(11)
MARGINS: Final[dict[str, Length]] = {
    "top": Mm(20),
    "bottom": Mm(20),
    "left": Mm(30),
    "right": Mm(15),
}
# A landscape page is bound along its top edge: the wide margin moves there
# (Hướng dẫn 36-HD/VPTW gives margins for the portrait page; the same sides, turned).
LANDSCAPE_MARGINS: Final[dict[str, Length]] = {
    "top": Mm(30),
    "bottom": Mm(15),
    "left": Mm(20),
    "right": Mm(20),
}
A4: Final[tuple[Length, Length]] = (Mm(210), Mm(297))
FIRST_LINE_INDENT: Final[Length] = Cm(1.27)
ILLUSTRATIVE_COLOUR: Final[RGBColor] = RGBColor(0xC0, 0x00, 0x00)

CHART2_WIDTH_CM: Final[float] = 24.0

# Style names created here (Word shows them in its style list), and the ids
# paragraphs refer to. Paragraphs get the id directly: python-docx's
# ``paragraph.style = name`` scans every style on each call, which made the
# annex of a province-scale report take half a minute.
BODY_STYLE: Final[str] = "NQ Body"
TABLE_STYLE: Final[str] = "NQ Table Text"
BODY: Final[str] = "NQBody"
TABLE: Final[str] = "NQTableText"
HEADING_1: Final[str] = "Heading1"
HEADING_2: Final[str] = "Heading2"
CAPTION: Final[str] = "Caption"


def build_docx(data: ReportData, *, charts: bool = True) -> bytes:
    """The report as a .docx file's bytes. ``charts=False`` skips the pictures (faster)."""
    doc = Document()
    _setup_styles(doc)
    _setup_page(doc.sections[0], landscape=False)
    _add_page_numbers(doc.sections[0])
    _header_block(doc, data)
    _title_block(doc, data)
    _body(doc, data, charts=charts)
    _signature_block(doc, data)
    _annex(doc, data, charts=charts)
    doc.core_properties.title = subject_line(data)
    doc.core_properties.author = data.issuing_organ_text
    doc.core_properties.language = "vi-VN"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- styles and page -------------------------------------------------------


def _setup_styles(doc: DocxDocument) -> None:
    xml.set_default_font(doc.styles.element, FONT)
    _set_default_language(doc, "vi-VN")
    normal = doc.styles["Normal"]
    xml.set_style_font(normal, FONT)
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    for name in ("Header", "Footer", "Caption", "Heading 1", "Heading 2"):
        xml.set_style_font(doc.styles[name], FONT)
    body = doc.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert body.style_id == BODY
    body.base_style = normal
    _body_format(body)
    table_text = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert table_text.style_id == TABLE
    table_text.base_style = normal
    table_text.font.size = TABLE_SIZE
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(1)
    for name, size in (("Heading 1", BODY_SIZE), ("Heading 2", BODY_SIZE)):
        heading = doc.styles[name]
        assert isinstance(heading, ParagraphStyle)
        heading.font.size = size
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _body_format(heading)
        heading.paragraph_format.keep_with_next = True
    caption = doc.styles["Caption"]
    caption.font.size = Pt(12)
    caption.font.italic = True
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0, 0, 0)


def _body_format(style: ParagraphStyle) -> None:
    """Justified, first line indented 1,27 cm, 6 pt between paragraphs, lines ≈ 1.15."""
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.15


def _set_default_language(doc: DocxDocument, tag: str) -> None:
    """Mark the text as Vietnamese so Word's spelling and hyphenation use it."""
    rpr = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def _setup_page(section: Section, *, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    section.top_margin = margins["top"]
    section.bottom_margin = margins["bottom"]
    section.left_margin = margins["left"]
    section.right_margin = margins["right"]
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _content_width(section: Section) -> int:
    return (
        int(section.page_width or 0)
        - int(section.left_margin or 0)
        - int(section.right_margin or 0)
    )


def _add_page_numbers(section: Section) -> None:
    """Page number centred in the top margin, none on the first page (36-HD/VPTW)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    xml.add_field(paragraph, "PAGE")


# --- header, title ---------------------------------------------------------


def _header_block(doc: DocxDocument, data: ReportData) -> None:
    table = doc.add_table(rows=2, cols=2)
    xml.set_table_borders(table, size_eighths=None)
    xml.set_column_widths(table, [Mm(78), Mm(87)])
    xml.set_cell_margins(table, left=Mm(0), right=Mm(0))
    organ, party = table.rows[0].cells
    number, dated = table.rows[1].cells
    if data.superior_organ:
        _cell_line(organ, data.superior_organ.upper(), first=True)
    _cell_line(organ, data.issuing_organ.upper(), first=not data.superior_organ, bold=True)
    _cell_line(organ, "*")
    _cell_line(
        party, _("ĐẢNG CỘNG SẢN VIỆT NAM"), first=True, bold=True, underline=True, size=Pt(15)
    )
    _cell_line(number, number_line(data.number_code), first=True)
    _cell_line(dated, date_line(data.place, data.report_date), first=True, italic=True)
    for row in table.rows:
        xml.keep_row_together(row)


def _cell_line(
    cell: _Cell,
    text: str,
    *,
    first: bool = False,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: Length = BODY_SIZE,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
) -> Paragraph:
    """One centred line in a layout cell; the first reuses the cell's empty paragraph."""
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = size
    return paragraph


def _title_block(doc: DocxDocument, data: ReportData) -> None:
    title = _centred(doc, _("BÁO CÁO"), bold=True, size=Pt(16))
    title.paragraph_format.space_before = Pt(18)
    _centred(doc, subject_line(data), bold=True)
    _centred(doc, "-----")
    if data.illustrative:
        note = _centred(doc, illustrative_note(), bold=True, italic=True, size=Pt(12))
        note.runs[0].font.color.rgb = ILLUSTRATIVE_COLOUR
        note.paragraph_format.space_before = Pt(6)
    for line in data.notes:
        note = _centred(doc, line, italic=True, size=Pt(12))
        note.paragraph_format.space_before = Pt(3)


def _centred(
    doc: DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length = BODY_SIZE,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = size
    return paragraph


def _paragraph(doc: DocxDocument, style_id: str, text: str = "") -> Paragraph:
    """A paragraph in the style with this id (see BODY, TABLE...)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = style_id
    return paragraph


# --- body ------------------------------------------------------------------


def _body(doc: DocxDocument, data: ReportData, *, charts: bool) -> None:
    opening = _paragraph(doc, BODY, opening_paragraph(data))
    opening.paragraph_format.space_before = Pt(12)
    _paragraph(doc, HEADING_1, _("I. ĐÁNH GIÁ CHUNG"))
    _paragraph(doc, BODY, summary_paragraph(data))
    if charts:
        _status_chart(doc, data)
    _paragraph(doc, HEADING_1, _("II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU"))
    for group in data.groups:
        _paragraph(doc, HEADING_2, f"{group.code}) {group.title}")
        for indicator in group.indicators:
            _indicator_paragraphs(doc, indicator)
    if data.programme is not None:
        add_programme_section(doc, data.programme, heading=HEADING_1, body=BODY,
                              heading_text=_("III. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG"))
    closing = _paragraph(
        doc, BODY, _("(Chi tiết tại Biểu tổng hợp kết quả thực hiện các chỉ tiêu kèm theo.)")
    )
    closing.runs[0].italic = True
    # The signature block must not stand alone on a page: the last lines go with it.
    closing.paragraph_format.keep_with_next = True


def _status_chart(doc: DocxDocument, data: ReportData) -> None:
    from .charts import status_by_group_chart  # matplotlib loads only when charts are drawn

    png = status_by_group_chart(data)
    if png is None:
        return
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.space_before = Pt(6)
    picture.paragraph_format.keep_with_next = True
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(15))
    doc.add_paragraph(
        _("Biểu đồ 1. Số chỉ tiêu theo mức độ thực hiện, theo nhóm"), style="Caption"
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _indicator_paragraphs(doc: DocxDocument, indicator: ReportIndicator) -> None:
    """(n) the resolution's words, then what was achieved and the assessment.

    An indicator with several targets gets its overall assessment first and one
    dashed line per target, as officials write it by hand.
    """
    paragraph = _paragraph(doc, BODY)
    paragraph.add_run(_("Chỉ tiêu ({number})").format(number=indicator.number)).bold = True
    paragraph.add_run(": ")
    paragraph.add_run(indicator.text.strip()).italic = True
    if len(indicator.targets) == 1:
        paragraph.add_run(" ")
        _assessment_runs(paragraph, indicator.targets[0], capital=True)
        return
    paragraph.add_run(" " + _("Đánh giá chung: "))
    paragraph.add_run(lower_first(indicator.status_label)).bold = True
    judged = sum(1 for t in indicator.targets if t.status is not Status.NO_DATA)
    if judged < len(indicator.targets):
        paragraph.add_run(" " + _("(đánh giá được {judged}/{total} mục tiêu)").format(
            judged=judged, total=len(indicator.targets)))
    paragraph.add_run(".")
    for target in indicator.targets:
        line = _paragraph(doc, BODY)
        line.add_run(f"- {target.label}: ")
        _assessment_runs(line, target, capital=False)


def _assessment_runs(paragraph: Paragraph, target: ReportTarget, *, capital: bool) -> None:
    """``năm 2026 ước đạt …, bằng …; đánh giá: **khó đạt** (mức “cần đẩy nhanh” …: …).``"""
    clause = result_clause(target)
    paragraph.add_run((clause[:1].upper() + clause[1:]) if capital else clause)
    paragraph.add_run("; " + _("đánh giá") + ": ")
    word, method, working = assessment_phrase(target.status, target.explanation)
    paragraph.add_run(word).bold = True
    paragraph.add_run((f" ({method})." if method else ".") + (f" {working}." if working else ""))


# --- recipients and signature ------------------------------------------------


def _signature_block(doc: DocxDocument, data: ReportData) -> None:
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_before = Pt(6)
    spacer.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    xml.set_table_borders(table, size_eighths=None)
    xml.set_column_widths(table, [Mm(80), Mm(85)])
    xml.set_cell_margins(table, left=Mm(0), right=Mm(0))
    xml.keep_row_together(table.rows[0])
    recipients, signer = table.rows[0].cells
    _recipients(recipients, data.recipients)
    _signer(signer, data.signer_titles, data.signer_name)


RECIPIENTS_LABEL_SIZE: Final[Pt] = Pt(14)
RECIPIENTS_SIZE: Final[Pt] = Pt(12)


def _recipients(cell: _Cell, names: Sequence[str]) -> None:
    """Hướng dẫn 36-HD/VPTW, "nơi nhận văn bản" (docs/reports.md): the words "Nơi nhận"
    upright, regular, 14 pt and underlined, then a colon; one recipient a line in 12 pt,
    each opened by a dash and closed by a comma, the last (the archive) by a full stop.
    (The bold italic 12/11 pt of Nghị định 30/2020 is the State's format, not the Party's.)"""
    label = _cell_line(
        cell, _("Nơi nhận"), first=True, underline=True, size=RECIPIENTS_LABEL_SIZE,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    colon = label.add_run(":")
    colon.font.size = RECIPIENTS_LABEL_SIZE
    label.paragraph_format.keep_with_next = True
    for index, name in enumerate(names):
        ending = "." if index == len(names) - 1 else ","
        _cell_line(cell, f"- {name}{ending}", size=RECIPIENTS_SIZE,
                   align=WD_ALIGN_PARAGRAPH.LEFT)


def _signer(cell: _Cell, titles: Sequence[str], name: str) -> None:
    for index, title in enumerate(titles):
        _cell_line(cell, title.upper(), first=index == 0, bold=True)
    for _line in range(4):  # room for the signature and the seal
        _cell_line(cell, "")
    _cell_line(cell, name, bold=True)


# --- annex -------------------------------------------------------------------


def _annex(doc: DocxDocument, data: ReportData, *, charts: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _setup_page(section, landscape=True)
    section.different_first_page_header_footer = False  # numbered from its first page
    _centred(doc, _("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"), bold=True)
    _centred(
        doc,
        _("(Kèm theo Báo cáo {number} ngày {date} của {organ})").format(
            number=number_line(data.number_code).replace(_("Số"), _("số"), 1),
            date=format_date(data.report_date),
            organ=data.issuing_organ_text,
        ),
        italic=True,
    )
    if data.illustrative:
        note = _centred(doc, illustrative_note(), bold=True, italic=True, size=Pt(12))
        note.runs[0].font.color.rgb = ILLUSTRATIVE_COLOUR
    doc.add_paragraph()
    _annex_table(doc, data, _content_width(section))
    notes = doc.add_paragraph(
        " ".join([
            _(
                "Ghi chú: (*) số liệu ước thực hiện; ô để trống: chưa có số liệu; số kèm (8/30): "
                "số liệu mới tổng hợp từ 8 trên 30 đơn vị phải báo cáo, chưa dùng để đánh giá. "
                "Đánh giá của chỉ tiêu gồm nhiều mục tiêu là đánh giá thấp nhất trong các mục "
                "tiêu; chỉ tiêu còn mục tiêu chưa đánh giá được thì không được tính là đạt."
            ),
            *data.notes,
        ]),
        style=TABLE_STYLE,
    )
    notes.runs[0].italic = True
    notes.paragraph_format.space_before = Pt(6)
    if charts:
        _percent_chart(doc, data)


def _annex_columns(data: ReportData, total: int) -> tuple[list[str], list[int]]:
    """Column titles and widths (EMU); the label column takes what the others leave."""
    years = list(data.years)
    fixed = {"stt": Mm(12), "unit": Mm(20), "target": Mm(28), "status": Mm(32)}
    year_width = int(
        max(Mm(16), min(Mm(22), (total - sum(fixed.values()) - Mm(70)) // max(len(years), 1)))
    )
    label_width = total - sum(fixed.values()) - year_width * len(years)
    titles = [
        _("STT"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Mục tiêu đến năm {year}").format(year=data.term_end),
    ]
    titles += [_year_title(year, data.term_start) for year in years]
    titles.append(_("Đánh giá"))
    widths = [fixed["stt"], label_width, fixed["unit"], fixed["target"]]
    widths += [year_width] * len(years) + [fixed["status"]]
    return titles, [int(w) for w in widths]


def _year_title(year: int, term_start: int) -> str:
    if year == term_start:
        return _("Năm {year} (cơ sở)").format(year=year)
    return _("Năm {year}").format(year=year)


def _annex_table(doc: DocxDocument, data: ReportData, width: int) -> None:
    titles, widths = _annex_columns(data, width)
    table = doc.add_table(rows=0, cols=len(titles))
    xml.set_table_borders(table, size_eighths=4)
    xml.set_column_widths(table, [Length(w) for w in widths])
    xml.set_cell_margins(table, left=Mm(1), right=Mm(1))
    grid = [int(Length(w).twips) for w in widths]
    header = [Cell(title, bold=True, centre=True, fill=HEADER_FILL) for title in titles]
    rows = [row_xml(header, grid, TABLE, header=True)]
    for group in data.groups:
        group_cell = Cell(
            f"{group.code}) {group.title}", span=len(titles), bold=True, fill=GROUP_FILL
        )
        rows.append(row_xml([group_cell], grid, TABLE))
        for indicator in group.indicators:
            rows.extend(row_xml(cells, grid, TABLE) for cells in _indicator_rows(data, indicator))
    append_rows(table, rows)


def _indicator_rows(data: ReportData, indicator: ReportIndicator) -> list[list[Cell]]:
    """An indicator with several targets heads them with its own row and overall status."""
    rows = []
    if len(indicator.targets) > 1:
        rows.append(
            [
                Cell(str(indicator.number), bold=True, centre=True),
                Cell(indicator.text.strip(), span=3 + len(data.years), bold=True),
                Cell(
                    indicator.status_label,
                    bold=True,
                    centre=True,
                    fill=STATUS_TINTS[indicator.status],
                ),
            ]
        )
    for index, target in enumerate(indicator.targets):
        rows.append(_target_cells(data, target, target_number(indicator, index)))
    return rows


def _target_cells(data: ReportData, target: ReportTarget, number: str) -> list[Cell]:
    cells = [
        Cell(number, centre=True),
        Cell(target.label),
        Cell(target.unit, centre=True),
        Cell(target_cell_text(target), centre=True),
    ]
    cells += [Cell(_figure_text(target, year, data.term_start), centre=True) for year in data.years]
    cells.append(Cell(target.status_label, centre=True, fill=STATUS_TINTS[target.status]))
    return cells


def _figure_text(target: ReportTarget, year: int, term_start: int) -> str:
    value = target.value_for(year, term_start)
    if value is None:
        return ""
    text = format_figure(value, target.unit, target.denominator)
    if year in target.partial:
        # a partial total: printed with its coverage, never as the year's result
        text += " (" + coverage_cell(target.partial[year]) + ")"
    return text + ("*" if year in target.estimate_years else "")


def _percent_chart(doc: DocxDocument, data: ReportData) -> None:
    from .charts import percent_of_target_chart

    png = percent_of_target_chart(data, width_cm=CHART2_WIDTH_CM)
    if png is None:
        return
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    # Drawn at the size it is shown, so its 7 pt labels print at 7 pt.
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(CHART2_WIDTH_CM))
    doc.add_paragraph(
        _(
            "Biểu đồ 2. Kết quả gần nhất so với mục tiêu (chỉ gồm các mục tiêu có số liệu "
            "và tính được tỷ lệ; đường nét đứt: 100% mục tiêu)"
        ),
        style="Caption",
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER


__all__ = ["build_docx"]
