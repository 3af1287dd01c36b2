"""Progress assessment: will a resolution's target be met by its deadline?

Django-free: the maths of docs/assessment.md (after Open SDG's
ProgressMeasure, the UN Statistics Division's Progress Chart and UN ESCAP's
progress assessment), run with plain pytest.

    from nghiquyet.assessment import assess_target
    result = assess_target(target, series, term_start=2025, as_of=2027)
"""

from nghiquyet.assessment.core import Number, Series, assess_target
from nghiquyet.assessment.describe import describe_deadline, describe_target
from nghiquyet.assessment.result import Assessment, Method
from nghiquyet.assessment.rollup import (
    IndicatorAssessment,
    RollUp,
    StatusCounts,
    assess_indicator,
    count_statuses,
    roll_up,
)
from nghiquyet.assessment.status import (
    ORDERED_STATUSES,
    STATUS_LABELS,
    Status,
    classify_ratio,
    worst_status,
)
from nghiquyet.assessment.trajectory import required_trajectory

__all__ = [
    "ORDERED_STATUSES",
    "STATUS_LABELS",
    "Assessment",
    "IndicatorAssessment",
    "Method",
    "Number",
    "RollUp",
    "Series",
    "Status",
    "StatusCounts",
    "assess_indicator",
    "assess_target",
    "classify_ratio",
    "count_statuses",
    "describe_deadline",
    "describe_target",
    "required_trajectory",
    "roll_up",
    "worst_status",
]
