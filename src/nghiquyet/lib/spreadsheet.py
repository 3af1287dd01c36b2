"""No Django. Cells written to .xlsx or .csv never become formulas (CSV/formula injection).

OWASP's rule: a cell of user text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return may be run by the spreadsheet as a formula (``=HYPERLINK(...)`` sends the
reader's data away). Every writer uses this module:

- CSV: such a text gets a leading apostrophe (``'=HYPERLINK(...)``), which Excel and
  LibreOffice show as text. ``csv_unescape`` takes it off again when we read our own file.
- xlsx: such a text is stored as a text cell with Excel's *quote prefix* style (what typing
  an apostrophe does). The cell shows and reads back exactly as written, never evaluated.
  ``save_workbook`` applies this to every cell of every sheet before saving, so a writer
  cannot forget one cell.
"""

from __future__ import annotations

import io
from typing import Any

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_safe(value: object) -> object:
    """A CSV cell: a formula-like text gets an apostrophe; anything else is unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def csv_unescape(text: str) -> str:
    """Reading back a CSV we wrote: ``'=x`` was ``=x``."""
    if text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def neutralize_workbook(workbook: Any) -> int:
    """Make every formula-like text cell of ``workbook`` (openpyxl) a quoted text cell.
    Returns how many cells were changed. The product writes no formulas of its own."""
    changed = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and (cell.data_type == "f" or is_formula_like(value)):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed


def save_workbook(workbook: Any) -> bytes:
    """The workbook as .xlsx bytes, formula-like texts neutralized first."""
    neutralize_workbook(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
