"""The action programme's part of a report: how its tasks stand on the report's date,
attached to the report data for the Word section and the Excel sheet
(documents/programme.py writes them)."""

from __future__ import annotations

from dataclasses import replace

from nghiquyet.documents import ReportData
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes.selectors import report_summary
from nghiquyet.resolutions.models import Resolution


def with_programme(data: ReportData, resolution: Resolution, unit: OrgUnit) -> ReportData:
    """The report data with the programme's summary, when the resolution has a programme."""
    summary = report_summary(resolution, unit, data.report_date)
    return data if summary is None else replace(data, programme=summary)
