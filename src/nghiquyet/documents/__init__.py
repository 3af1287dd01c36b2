"""Report writers (Word, Excel, PDF) for a resolution's indicators, free of Django.

The Django side turns its selectors' results into :class:`ReportData`; these
functions turn that into files:

- :func:`build_docx`: the report in the Party's document format, with the annex
  table and charts;
- :func:`build_xlsx`: the annex as a workbook of real numbers;
- :func:`docx_to_pdf`: the report as PDF, laid out by LibreOffice.
"""

from __future__ import annotations

from .data import (
    AT_RISK,
    STATUSES,
    ReportData,
    ReportGroup,
    ReportIndicator,
    ReportTarget,
    Status,
    status_label,
    status_meaning,
)
from .docx_report import build_docx
from .pdf import PdfConversionFailed, PdfUnavailable, docx_to_pdf, pdf_available
from .sample import sample_report_data
from .xlsx_annex import build_xlsx

__all__ = [
    "AT_RISK",
    "STATUSES",
    "PdfConversionFailed",
    "PdfUnavailable",
    "ReportData",
    "ReportGroup",
    "ReportIndicator",
    "ReportTarget",
    "Status",
    "build_docx",
    "build_xlsx",
    "docx_to_pdf",
    "pdf_available",
    "sample_report_data",
    "status_label",
    "status_meaning",
]
