"""Building a report file. A read, but one the office must be able to trace: each
file built leaves an audit row ("report.build": who, which unit, period, format)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from django.db import transaction

from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.services import audit_record
from nghiquyet.documents import (
    PdfConversionFailed,
    PdfUnavailable,
    ReportData,
    build_docx,
    build_xlsx,
    docx_to_pdf,
)
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution

from .programme import with_programme
from .report_periods import ReportPeriod, parse_report_period
from .selectors import AUDIT_ACTION, report_data


class ReportFormat(StrEnum):
    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]

    @property
    def display_name(self) -> str:
        titles = {
            ReportFormat.DOCX: _("Báo cáo (Word, .docx)"),
            ReportFormat.XLSX: _("Biểu tổng hợp (Excel, .xlsx)"),
            ReportFormat.PDF: _("Báo cáo (PDF)"),
        }
        return titles[self]


_CONTENT_TYPES: Final[dict[ReportFormat, str]] = {
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.PDF: "application/pdf",
}


@dataclass(frozen=True)
class BuiltReport:
    content: bytes
    filename: str
    format: ReportFormat

    @property
    def content_type(self) -> str:
        return self.format.content_type


def parse_format(text: str | None) -> ReportFormat:
    """``docx`` (the default), ``xlsx`` or ``pdf``; ValueError with a Vietnamese message."""
    try:
        return ReportFormat((text or "docx").strip().lower().lstrip("."))
    except ValueError as exc:
        raise ValueError(
            _("Định dạng “{text}” không hợp lệ; chọn docx (Word), xlsx (Excel) hoặc pdf.")
            .format(text=text)
        ) from exc


def report_build(
    *,
    actor: Viewer | None,
    resolution: Resolution,
    unit: OrgUnit,
    period: ReportPeriod | str,
    fmt: ReportFormat | str = ReportFormat.DOCX,
    approved_only: bool = True,
    report_date: dt.date | None = None,
    number: str = "",
    signer_name: str = "",
) -> BuiltReport:
    """The report file for ``unit`` and ``period``, and its audit row.

    Raises ValueError (bad period or format), PdfUnavailable (no LibreOffice here)
    or PdfConversionFailed, each with a message to show as it is.
    """
    fmt = parse_format(fmt)
    if isinstance(period, str):
        period = parse_report_period(period, resolution.term_start, resolution.term_end)
    data = report_data(resolution, unit, period, approved_only=approved_only,
                       report_date=report_date, number=number, signer_name=signer_name)
    data = with_programme(data, resolution, unit)
    built = BuiltReport(_render(data, fmt), _filename(unit, period, fmt), fmt)
    _record(actor, resolution, unit, period, built, approved_only=approved_only, data=data)
    return built


def _render(data: ReportData, fmt: ReportFormat) -> bytes:
    if fmt is ReportFormat.XLSX:
        return build_xlsx(data)
    docx = build_docx(data)
    return docx_to_pdf(docx) if fmt is ReportFormat.PDF else docx


def _filename(unit: OrgUnit, period: ReportPeriod, fmt: ReportFormat) -> str:
    """ASCII only: ``bao-cao-SL-PK-2026.docx``, ``bieu-tong-hop-SL-PK-2026.xlsx``."""
    stem = "bieu-tong-hop" if fmt is ReportFormat.XLSX else "bao-cao"
    code = re.sub(r"[^A-Za-z0-9_-]+", "-", unit.code).strip("-") or str(unit.pk)
    return f"{stem}-{code}-{period.code}.{fmt.value}"


def _record(actor: Viewer | None, resolution: Resolution, unit: OrgUnit, period: ReportPeriod,
            built: BuiltReport, *, approved_only: bool, data: ReportData) -> None:
    # Only the audit row is written, in its own short transaction: holding one open
    # while LibreOffice converts (seconds) would keep SQLite's lock for nothing.
    with transaction.atomic():
        audit_record(
            actor=actor, action=AUDIT_ACTION, target=resolution, orgunit=unit,
            new={"orgunit": unit.code, "period": period.code, "format": built.format.value,
                 "approved_only": approved_only, "report_date": data.report_date.isoformat(),
                 "filename": built.filename, "bytes": len(built.content)},
        )


__all__ = [
    "AUDIT_ACTION",
    "BuiltReport",
    "PdfConversionFailed",
    "PdfUnavailable",
    "ReportFormat",
    "parse_format",
    "report_build",
]
