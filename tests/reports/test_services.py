"""report_build: the file, its name and its audit row."""

from __future__ import annotations

import datetime as dt

import pytest

from nghiquyet.audit.models import AuditEvent
from nghiquyet.reports.services import ReportFormat, parse_format, report_build

pytestmark = pytest.mark.django_db


def test_it_builds_the_file_and_leaves_an_audit_row(users, resolution, tree):
    built = report_build(actor=users["alice"], resolution=resolution, unit=tree["commune"],
                         period="giua-nhiem-ky", fmt="xlsx", approved_only=False,
                         report_date=dt.date(2028, 6, 30))
    assert built.content[:2] == b"PK" and built.format is ReportFormat.XLSX
    assert built.filename == "bieu-tong-hop-SL-PK-giua-nhiem-ky-2028.xlsx"
    assert built.content_type.endswith("spreadsheetml.sheet")
    event = AuditEvent.objects.get(action="report.build")
    assert (event.actor, event.orgunit, event.object_id) == (
        users["alice"], tree["commune"], str(resolution.pk))
    assert event.new == {
        "orgunit": "SL-PK", "period": "giua-nhiem-ky-2028", "format": "xlsx",
        "approved_only": False, "report_date": "2028-06-30", "filename": built.filename,
        "bytes": len(built.content),
    }


def test_the_command_line_has_no_actor(resolution, tree):
    report_build(actor=None, resolution=resolution, unit=tree["commune"], period="2026")
    assert AuditEvent.objects.get(action="report.build").actor is None


def test_a_bad_period_builds_nothing(users, resolution, tree):
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        report_build(actor=users["alice"], resolution=resolution, unit=tree["commune"],
                     period="2040")
    assert not AuditEvent.objects.filter(action="report.build").exists()


@pytest.mark.parametrize(("text", "fmt"), [(None, "docx"), ("DOCX", "docx"), (".xlsx", "xlsx"),
                                           (" pdf ", "pdf")])
def test_formats(text, fmt):
    assert parse_format(text) == fmt


def test_an_unknown_format_is_refused_in_vietnamese():
    with pytest.raises(ValueError, match="Định dạng “odt” không hợp lệ"):
        parse_format("odt")
