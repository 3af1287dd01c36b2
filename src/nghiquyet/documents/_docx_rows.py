"""Table rows written as WordprocessingML text and parsed in one go.

A province-scale annex has thousands of rows. Built cell by cell through
python-docx, every paragraph, run and property element is a Python object
created and placed in schema order one at a time (10 s for 2.800 rows).
Written as text and parsed by lxml in a single call, the same rows take a
fraction of a second. The XML is what python-docx itself would write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table

# Characters XML 1.0 forbids (C0 controls other than tab, newline, return).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    span: int = 1  # grid columns this cell covers
    bold: bool = False
    centre: bool = False
    fill: str | None = None  # hex RGB shading


def row_xml(
    cells: Sequence[Cell], widths: Sequence[int], style_id: str, *, header: bool = False
) -> str:
    """One ``w:tr``; ``widths`` are the grid columns' widths in twips.

    Every row is kept on one page (cantSplit); a header row repeats at the
    top of each page the table runs onto (tblHeader).
    """
    tr_pr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    parts = [f"<w:tr><w:trPr>{tr_pr}</w:trPr>"]
    column = 0
    for cell in cells:
        width = sum(widths[column : column + cell.span])
        column += cell.span
        parts.append(_cell_xml(cell, width, style_id))
    if column != len(widths):
        raise ValueError(f"row covers {column} of {len(widths)} grid columns")
    parts.append("</w:tr>")
    return "".join(parts)


def _cell_xml(cell: Cell, width: int, style_id: str) -> str:
    # Child order follows the schema: tcW, gridSpan, shd, vAlign; pStyle, jc; rPr, t.
    tc_pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.span > 1:
        tc_pr += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.fill:
        tc_pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>'
    tc_pr += '<w:vAlign w:val="center"/>'
    align = "center" if cell.centre else "left"
    run = ""
    if cell.text:
        r_pr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if cell.bold else ""
        text = escape(_NOT_XML.sub("", cell.text))
        run = f'<w:r>{r_pr}<w:t xml:space="preserve">{text}</w:t></w:r>'
    p_pr = f'<w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="{align}"/></w:pPr>'
    return f"<w:tc><w:tcPr>{tc_pr}</w:tcPr><w:p>{p_pr}{run}</w:p></w:tc>"


def append_rows(table: Table, rows: Iterable[str]) -> None:
    """Parse all ``rows`` at once and append them to ``table``."""
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    tbl = table._tbl
    for tr in list(parsed):
        tbl.append(tr)
