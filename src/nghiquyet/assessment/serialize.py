"""One assessed target as plain data: the rows of `assess --json` and of the assessment API."""

from __future__ import annotations

from typing import Any

from nghiquyet.lib.i18n import gettext as _


def target_row(resolution_assessment: Any, indicator: Any, assessed: Any) -> dict[str, Any]:
    """One target as the CLI and the API give it: the same fields, the same words."""
    a = assessed.assessment
    partial = {str(y): {"value": float(f.value), "reported": f.reported, "expected": f.expected}
               for y, f in sorted(assessed.partial_years.items())
               if y <= resolution_assessment.as_of}
    return {
        "indicator": indicator.indicator.number,
        "target": assessed.target.position,
        "series": assessed.target.series.code,
        "label": assessed.target.label,
        "target_text": assessed.text,
        "deadline": assessed.target.year,
        "status": a.status.value,
        "status_label": assessed.status_label,
        "method_label": a.status.method_label,
        "ratio": a.ratio,
        "projected": a.projected,
        "latest_year": a.latest_year,
        "latest_value": None if a.latest_value is None else float(a.latest_value),
        "explanation": a.explanation,
        # partial totals (some sub-units, part of the year): shown, never judged
        "partial": partial,
    }


def assessment_header(ra: Any) -> dict[str, Any]:
    """What every CLI and API answer says about its figures and its year."""
    return {
        "figures": ra.figure_set.value,
        "figures_note": ra.figure_set.note,
        "data_through": ra.data_through,
        "forecast": ra.is_forecast,
        "forecast_note": forecast_note(ra),
    }


def forecast_note(ra: Any) -> str:
    """"" when figures reach the year judged; else the warning every door gives first."""
    if not ra.is_forecast:
        return ""
    if ra.data_through is None:
        return _("Chưa có số liệu nào đến năm {year}: chưa đánh giá được.").format(year=ra.as_of)
    return _("Số liệu mới có đến năm {through}: các mức đánh giá năm {year} là dự báo (ước "
             "thực hiện), năm chưa có số liệu không được tính là 0.").format(
                 through=ra.data_through, year=ra.as_of)
