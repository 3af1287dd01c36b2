"""The programme in the Word report and the Excel annex."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest

from nghiquyet.documents.programme import (
    ProgrammeRow,
    ProgrammeSummary,
    add_docx_section,
    add_xlsx_sheet,
    summary_sentence,
)


def _summary() -> ProgrammeSummary:
    return ProgrammeSummary(title="Chương trình hành động số 05-CTr/ĐU", as_of=dt.date(2026, 12, 1),
                            rows=[ProgrammeRow("Khâu đột phá (1): Chuyển đổi số",
                                               {"done": 1, "in_progress": 2, "overdue": 1},
                                               ["1.4 Số hóa hồ sơ (Ủy ban nhân dân xã, hạn 31/03/2026)"]),
                                  ProgrammeRow("Nhiệm vụ chủ yếu (2): Môi trường", {"not_started": 1})])


def test_the_sentence_counts_the_tasks() -> None:
    assert summary_sentence(_summary()) == (
        "Tính đến ngày 01/12/2026, Chương trình hành động số 05-CTr/ĐU có 5 nhiệm vụ: 1 nhiệm vụ "
        "hoàn thành (20%), 2 nhiệm vụ đang thực hiện, 1 nhiệm vụ quá hạn, 1 nhiệm vụ chưa triển "
        "khai.")


def test_docx_section_and_xlsx_sheet() -> None:
    import docx
    import openpyxl

    document = docx.Document()
    add_docx_section(document, _summary(), heading="Heading1", body="Normal",
                     heading_text="III. THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "III. THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert texts[2].startswith("- Khâu đột phá (1): Chuyển đổi số: 4 nhiệm vụ; hoàn thành 1")
    assert "Nhiệm vụ quá hạn: 1.4 Số hóa hồ sơ" in texts[2]
    book = openpyxl.Workbook()
    add_xlsx_sheet(book, _summary())
    sheet = book["Chương trình hành động"]
    assert [c.value for c in sheet[5]][:8] == [1, "Khâu đột phá (1): Chuyển đổi số", 4, 1, 2, 1,
                                                0, 0]
    assert [c.value for c in sheet[7]][1:4] == ["Cộng", 5, 1]
    out = io.BytesIO()
    book.save(out)


@pytest.mark.django_db
def test_the_selector_reads_the_programme(item: Any, village_item: Any, users: dict[str, Any],
                                          tree: dict[str, Any]) -> None:
    from nghiquyet.programmes.selectors import report_summary

    summary = report_summary(item.programme.resolution, tree["commune"], dt.date(2026, 12, 1))
    assert summary.title == "Chương trình hành động số 05-CTr/ĐU ngày 20/11/2025"
    assert summary.total == 2 and summary.totals()["overdue"] == 2
    first = summary.rows[0]
    assert first.label.startswith("Khâu đột phá (1)") and first.counts["overdue"] == 1
    assert first.overdue_tasks == ["1.1 Xây dựng Kế hoạch chuyển đổi số (Ủy ban nhân dân xã, "
                                   "hạn 31/03/2026)"]
    village = report_summary(item.programme.resolution, tree["villages"][0], dt.date(2026, 12, 1))
    assert village.total == 1


@pytest.mark.django_db
@pytest.mark.slow
def test_the_demo_report_carries_the_programme() -> None:
    import docx
    import openpyxl

    from nghiquyet.demo.services import load_demo
    from nghiquyet.reports.services import report_build

    resolution = load_demo()
    from django.contrib.auth import get_user_model

    leader = get_user_model().objects.get(username="bithu")
    built = report_build(actor=leader, resolution=resolution, unit=resolution.issuer,
                         period="2026", fmt="docx", report_date=dt.date(2026, 12, 20))
    texts = [p.text for p in docx.Document(io.BytesIO(built.content)).paragraphs]
    heading = texts.index("III. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")
    assert texts[heading + 1].startswith(
        "Tính đến ngày 20/12/2026, Chương trình hành động số 05-CTr/ĐU ngày 20/11/2025 có 30 "
        "nhiệm vụ")
    assert texts[heading + 1].endswith("Có 2 nhiệm vụ đã được đề nghị công nhận hoàn thành, "
                                       "đang chờ lãnh đạo xác nhận.")
    assert any(t.startswith("- Khâu đột phá (1)") for t in texts[heading:])
    built = report_build(actor=leader, resolution=resolution, unit=resolution.issuer,
                         period="2026", fmt="xlsx", report_date=dt.date(2026, 12, 20))
    book = openpyxl.load_workbook(io.BytesIO(built.content))
    sheet = book["Chương trình hành động"]
    assert sheet.cell(5, 2).value.startswith("Khâu đột phá (1)")
    totals = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Cộng"][0]
    assert totals[2] == 30
