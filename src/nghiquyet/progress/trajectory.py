"""The path a target requires, year by year, for charts.

A series that follows this path has R = 1 in every year: the path is the
method's requirement drawn out, geometric where the method uses compound
growth and straight where it uses the average change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal

from nghiquyet.progress.level import uses_growth_form
from nghiquyet.progress.target import InvalidTarget, Target, direction, parse_target, to_number

Number = int | float | Decimal


def _path(start: int, end: int, at: Callable[[int], float]) -> dict[int, float]:
    """{year: at(year)} for start..end; {} if any point leaves the range of a float."""
    points: dict[int, float] = {}
    for year in range(start, end + 1):
        try:
            value = at(year)
        except (OverflowError, ZeroDivisionError):
            return {}
        if not math.isfinite(value):
            return {}
        points[year] = value
    return points


def _level_path(target: Target, baseline: float, start: int) -> dict[int, float]:
    deadline = target.year
    d, bound = direction(target, baseline)
    if target.each_year:
        # The requirement is the same every year; the baseline is where it starts from.
        return {start: baseline} | {year: bound for year in range(start + 1, deadline + 1)}
    if d == 0:
        return _path(start, deadline, lambda year: baseline)
    span = deadline - start
    if uses_growth_form(baseline, bound, bound, target.level_unit):
        # The growth form also needs the latest value > 0, unknown here: the
        # path assumes the series stays positive, as it does along the path.
        path = _path(
            start, deadline, lambda year: baseline * (bound / baseline) ** ((year - start) / span)
        )
    else:
        path = _path(
            start, deadline, lambda year: baseline + (bound - baseline) * (year - start) / span
        )
    if path:
        path[deadline] = bound  # exact at the deadline, whatever the float rounding
    return path


def _growth_rate_path(target: Target, baseline: float, start: int) -> dict[int, float]:
    rate = direction(target, 0.0)[1] / 100
    if baseline <= 0 or rate <= -1:
        return {}  # compound growth is undefined from a level <= 0, or by -100 % and more
    return _path(start, target.year, lambda year: baseline * (1 + rate) ** (year - start))


def _annual_change_path(target: Target, baseline: float, start: int) -> dict[int, float]:
    step = direction(target, 0.0)[1]
    return _path(start, target.year, lambda year: baseline + step * (year - start))


def _cumulative_path(target: Target, start: int) -> dict[int, float]:
    total = direction(target, 0.0)[1]
    span = target.year - start
    path = _path(start, target.year, lambda year: total * (year - start) / span)
    if path:
        path[target.year] = total
    return path


def required_trajectory(
    target: Mapping[str, object], baseline: Number | None, term_start: int
) -> dict[int, float]:
    """Year -> the value the target requires, from ``term_start`` to its deadline.

    - level: from the baseline to the target (the nearer bound of a range,
      the baseline itself when it already sits on an ``=``/``between``
      target), geometric when the baseline and the target are > 0, straight
      otherwise; an each_year target is flat at its value after the baseline;
    - growth_rate: the baseline compounded at the target rate;
    - annual_change: the baseline plus the target change each year;
    - cumulative: the running total due pro rata, from 0 (the baseline is not
      used: the term's sum starts empty).

    {} when it cannot be drawn: no usable target, a deadline not after
    term_start, no baseline where one is needed, or numbers out of range.
    """
    try:
        parsed = parse_target(target)
    except InvalidTarget:
        return {}
    if parsed.year <= term_start:
        return {}
    if parsed.kind == "cumulative":
        return _cumulative_path(parsed, term_start)
    start_value = to_number(baseline)
    if start_value is None:
        return {}
    if parsed.kind == "growth_rate":
        return _growth_rate_path(parsed, start_value, term_start)
    if parsed.kind == "annual_change":
        return _annual_change_path(parsed, start_value, term_start)
    return _level_path(parsed, start_value, term_start)
