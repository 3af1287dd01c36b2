"""WordprocessingML details python-docx has no API for.

Each helper writes the element Word itself writes for the same setting, so a
document stays editable the usual way (Table Properties, Paragraph dialog).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.styles.style import BaseStyle
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")

# The children of w:tblPr in schema order (ECMA-376 CT_TblPr).
_TBLPR_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
    )
)


def set_style_font(style: BaseStyle, name: str) -> None:
    """Name ``name`` for every script and drop theme fonts.

    Theme attributes (asciiTheme...) win over explicit names, and the default
    template's styles carry them, so a plain ``font.name = ...`` leaves
    Calibri/Cambria in place for some text.
    """
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    _set_rfonts(rfonts, name)


def set_default_font(styles_element: etree._Element, name: str) -> None:
    """Same as :func:`set_style_font` for the document defaults (w:docDefaults)."""
    path = "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:rFonts"))
    rfonts = styles_element.find(path)
    if rfonts is not None:
        _set_rfonts(rfonts, name)


def _set_rfonts(rfonts: etree._Element, name: str) -> None:
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), name)


def set_table_borders(table: Table, *, size_eighths: int | None) -> None:
    """Single black borders of ``size_eighths`` / 8 pt on every edge, or none at all."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in _BORDER_SIDES:
        el = OxmlElement(f"w:{side}")
        if size_eighths is None:
            el.set(qn("w:val"), "nil")
        else:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), str(size_eighths))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    _insert_in_tblpr(tbl_pr, borders)


def set_column_widths(table: Table, widths: list[Length]) -> None:
    """Fix the grid so Word and LibreOffice both keep these widths.

    Without a fixed layout and a table width, LibreOffice autofits columns to
    their content and the header block drifts.
    """
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        _insert_in_tblpr(tbl_pr, tbl_w)
    tbl_w.set(qn("w:w"), str(sum(_twips(w) for w in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width


def set_cell_margins(table: Table, *, left: Length, right: Length) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("left", left), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(_twips(value)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    _insert_in_tblpr(tbl_pr, mar)


def _insert_in_tblpr(tbl_pr: etree._Element, element: etree._Element) -> None:
    """Insert ``element`` where the schema wants it: Word rejects misordered children."""
    rank = _TBLPR_ORDER.index(element.tag)
    position = 0
    for index, child in enumerate(tbl_pr):
        if child.tag in _TBLPR_ORDER and _TBLPR_ORDER.index(child.tag) < rank:
            position = index + 1
    tbl_pr.insert(position, element)


def keep_row_together(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A field such as PAGE, computed by Word/LibreOffice when the page is laid out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, separate, placeholder, end):
        run._r.append(el)


def _twips(length: Length | int) -> int:
    return int(Length(length).twips)
