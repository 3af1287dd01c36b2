"""The action programme in the report: a section of the Word report and a sheet of the
Excel annex saying how its tasks stand (done / in progress / overdue / not started),
by breakthrough and by main task.

Django-free: the report selector fills a ``ProgrammeSummary``; these functions only
write it. Kept apart from the report's wording so that each can change alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx.document import Document as DocxDocument
from openpyxl import Workbook

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_date, format_number

COLUMNS = ("done", "in_progress", "overdue", "not_started", "stopped")


def column_label(key: str) -> str:
    return {"done": _("Hoàn thành"), "in_progress": _("Đang thực hiện"),
            "overdue": _("Quá hạn"), "not_started": _("Chưa triển khai"),
            "stopped": _("Dừng")}[key]


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    label: str  # "Khâu đột phá (1): Đẩy mạnh chuyển đổi số..."
    counts: dict[str, int]
    overdue_tasks: Sequence[str] = ()  # "3.3 Bê tông hóa ... (Bản Nà Sàng, hạn 30/09/2026)"

    @property
    def total(self) -> int:
        return sum(self.counts.get(k, 0) for k in COLUMNS)


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    title: str  # "Chương trình hành động số 05-CTr/ĐU ngày 20/11/2025"
    as_of: date
    rows: Sequence[ProgrammeRow] = field(default_factory=tuple)
    awaiting: int = 0  # completion proposed, not yet confirmed (counted with their status)

    def totals(self) -> dict[str, int]:
        return {k: sum(r.counts.get(k, 0) for r in self.rows) for k in COLUMNS}

    @property
    def total(self) -> int:
        return sum(self.totals().values())


def summary_sentence(summary: ProgrammeSummary) -> str:
    t = summary.totals()
    live = summary.total - t["stopped"]
    share = format_number(round(100 * t["done"] / live, 1)) if live else "0"
    return _(
        "Tính đến ngày %(date)s, %(title)s có %(total)d nhiệm vụ: %(done)d nhiệm vụ hoàn thành "
        "(%(share)s%%), %(progress)d nhiệm vụ đang thực hiện, %(overdue)d nhiệm vụ quá hạn, "
        "%(waiting)d nhiệm vụ chưa triển khai%(stopped)s."
    ) % {"date": format_date(summary.as_of), "title": summary.title, "total": summary.total,
         "done": t["done"], "share": share, "progress": t["in_progress"],
         "overdue": t["overdue"], "waiting": t["not_started"],
         "stopped": (_(", %(n)d nhiệm vụ dừng thực hiện") % {"n": t["stopped"]})
         if t["stopped"] else ""} + ((" " + _("Có %(n)d nhiệm vụ đã được đề nghị công nhận hoàn "
                                            "thành, đang chờ lãnh đạo xác nhận.")
                                    % {"n": summary.awaiting}) if summary.awaiting else "")


def row_sentence(row: ProgrammeRow) -> str:
    c = row.counts
    text = _("%(label)s: %(total)d nhiệm vụ; hoàn thành %(done)d, đang thực hiện %(progress)d, "
             "quá hạn %(overdue)d, chưa triển khai %(waiting)d.") % {
        "label": row.label, "total": row.total, "done": c.get("done", 0),
        "progress": c.get("in_progress", 0), "overdue": c.get("overdue", 0),
        "waiting": c.get("not_started", 0)}
    if row.overdue_tasks:
        text += " " + _("Nhiệm vụ quá hạn: %(list)s.") % {"list": "; ".join(row.overdue_tasks)}
    return text


def add_docx_section(doc: DocxDocument, summary: ProgrammeSummary, *, heading: str, body: str,
                     heading_text: str) -> None:
    """Append the section to a python-docx document, in the report's own styles."""

    def paragraph(style: str, text: str) -> object:
        p = doc.add_paragraph(text)
        p._p.style = style
        return p

    paragraph(heading, heading_text)
    paragraph(body, summary_sentence(summary))
    for row in summary.rows:
        if row.total:
            paragraph(body, "- " + row_sentence(row))


def add_xlsx_sheet(workbook: Workbook, summary: ProgrammeSummary) -> None:
    """Append a "Chương trình hành động" sheet: one row per breakthrough or main task."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    sheet = workbook.create_sheet(_("Chương trình hành động"))
    thin = Side(style="thin", color="000000")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name="Times New Roman", size=11), Font(name="Times New Roman", size=11,
                                                              bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.cell(1, 1, _("KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")).font = Font(
        name="Times New Roman", size=13, bold=True)
    sheet.cell(2, 1, f"{summary.title} · " + _("tính đến ngày %(d)s")
               % {"d": format_date(summary.as_of)}).font = Font(name="Times New Roman", size=11,
                                                                italic=True)
    header = [_("STT"), _("Khâu đột phá, nhiệm vụ chủ yếu"), _("Tổng số nhiệm vụ"),
              *(column_label(k) for k in COLUMNS), _("Nhiệm vụ quá hạn")]
    for col, text in enumerate(header, 1):
        cell = sheet.cell(4, col, text)
        cell.font, cell.alignment, cell.border = bold, centre, grid
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
    row_no = 4
    for index, row in enumerate(summary.rows, 1):
        row_no += 1
        values = [index, row.label, row.total, *(row.counts.get(k, 0) for k in COLUMNS),
                  "\n".join(row.overdue_tasks)]
        for col, value in enumerate(values, 1):
            cell = sheet.cell(row_no, col, value)
            cell.font, cell.border = font, grid
            cell.alignment = wrap if col in (2, len(values)) else centre
    row_no += 1
    totals = summary.totals()
    for col, value in enumerate(["", _("Cộng"), summary.total,
                                 *(totals[k] for k in COLUMNS), ""], 1):
        cell = sheet.cell(row_no, col, value)
        cell.font, cell.border, cell.alignment = bold, grid, wrap if col == 2 else centre
    for letter, width in zip("ABCDEFGHI", (6, 55, 10, 11, 11, 10, 11, 9, 55), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.freeze_panes = "C5"
