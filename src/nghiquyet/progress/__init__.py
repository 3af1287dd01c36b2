"""Progress assessment: will a resolution's target be met by its deadline?

Django-free: the maths of docs/assessment.md (after Open SDG's
ProgressMeasure, the UN Statistics Division's Progress Chart and UN ESCAP's
progress assessment), run with plain pytest.

    from nghiquyet.progress import assess_target
    result = assess_target(target, series, term_start=2025, as_of=2027)
"""

from nghiquyet.progress.core import Number, Series, assess_target
from nghiquyet.progress.describe import describe_deadline, describe_target
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import (
    ACCELERATION_RATIO,
    METHOD_LABELS,
    ON_TRACK_RATIO,
    ORDERED_STATUSES,
    STATUS_LABELS,
    Status,
    classify_ratio,
    indicator_status,
    status_rule,
    worst_status,
)
from nghiquyet.progress.summary import (
    IndicatorAssessment,
    StatusCounts,
    StatusSummary,
    assess_indicator,
    count_statuses,
    summarize_statuses,
)
from nghiquyet.progress.trajectory import required_trajectory

__all__ = [
    "ACCELERATION_RATIO",
    "METHOD_LABELS",
    "ON_TRACK_RATIO",
    "ORDERED_STATUSES",
    "STATUS_LABELS",
    "Assessment",
    "IndicatorAssessment",
    "Method",
    "Number",
    "StatusSummary",
    "Series",
    "Status",
    "StatusCounts",
    "assess_indicator",
    "assess_target",
    "classify_ratio",
    "count_statuses",
    "describe_deadline",
    "describe_target",
    "indicator_status",
    "required_trajectory",
    "status_rule",
    "summarize_statuses",
    "worst_status",
]
