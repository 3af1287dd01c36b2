"""One assessed target as plain data: the rows of `assess --json` and of the assessment API."""

from __future__ import annotations

from typing import Any


def target_row(resolution_assessment: Any, indicator: Any, assessed: Any) -> dict[str, Any]:
    a = assessed.assessment
    return {
        "indicator": indicator.indicator.number,
        "target": assessed.target.position,
        "series": assessed.target.series.code,
        "label": assessed.target.label,
        "target_text": assessed.text,
        "deadline": assessed.target.year,
        "status": a.status.value,
        "status_label": a.label,
        "ratio": a.ratio,
        "projected": a.projected,
        "latest_year": a.latest_year,
        "latest_value": None if a.latest_value is None else float(a.latest_value),
        "explanation": a.explanation,
    }
