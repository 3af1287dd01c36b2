"""``level`` targets judged at the deadline (not each year): steps 1-6 of the method."""

from __future__ import annotations

from dataclasses import dataclass

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain, pace
from nghiquyet.progress.context import Context, Details, no_data
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import Status
from nghiquyet.progress.target import (
    PERCENT_POINT_UNIT,
    PERCENT_UNIT,
    direction,
    target_satisfied,
)


@dataclass(frozen=True, slots=True)
class Trend:
    """The pace from the baseline to the latest year, and what the target needs.

    ``observed`` and ``required`` are % per year in the growth form and the
    unit per year in the linear form; ``required`` is None when the deadline
    is not after the baseline year.
    """

    method: Method
    direction: int
    observed: float
    required: float | None
    projected: float | None

    @property
    def pace_unit_is_percent(self) -> bool:
        return self.method is Method.GROWTH


def uses_growth_form(baseline: float, latest: float, bound: float, unit: str = "") -> bool:
    """Step 4: compound growth only when every value is > 0 (a growth rate from 0 is
    undefined), and never for a rate in %: a share moves in percentage points, and an
    office reads "giảm 2,2 điểm %/năm", never "giảm 12 %/năm", for 18,4 → 16,2."""
    return baseline > 0 and latest > 0 and bound > 0 and unit != PERCENT_UNIT


def _growth_trend(
    context: Context, baseline: float, latest_year: int, latest: float, d: int, bound: float
) -> Trend | None:
    start, deadline = context.term_start, context.deadline
    observed = pace.compound_growth(baseline, latest, latest_year - start)
    if observed is None:
        return None
    required = pace.compound_growth(baseline, bound, deadline - start)
    projected = pace.project_growth(latest, observed, deadline - latest_year)
    return Trend(
        Method.GROWTH,
        d,
        observed * 100,
        None if required is None else required * 100,
        projected,
    )


def _linear_trend(
    context: Context, baseline: float, latest_year: int, latest: float, d: int, bound: float
) -> Trend | None:
    start, deadline = context.term_start, context.deadline
    observed = pace.slope(baseline, latest, latest_year - start)
    if observed is None:
        return None
    required = pace.slope(baseline, bound, deadline - start)
    projected = pace.project_linear(latest, observed, deadline - latest_year)
    return Trend(Method.LINEAR, d, observed, required, projected)


def level_trend(context: Context, latest_year: int, latest: float) -> Trend | None:
    """The trend of step 4 and the projection of step 6; None without a usable baseline."""
    baseline = context.baseline
    if baseline is None or latest_year <= context.term_start:
        return None
    d, bound = direction(context.target, baseline)
    growth = uses_growth_form(baseline, latest, bound, context.target.level_unit)
    build = _growth_trend if growth else _linear_trend
    trend = build(context, baseline, latest_year, latest, d, bound)
    if trend is None:
        return None
    capped = pace.cap_percent(trend.projected, context.target.level_unit, (baseline, latest))
    denominator = context.target.denominator
    if capped is not None and denominator is not None and latest <= denominator:
        # "a/b units": no more than b units can reach the standard.
        capped = min(max(capped, 0.0), denominator)
    return Trend(trend.method, trend.direction, trend.observed, trend.required, capped)


def _trend_details(trend: Trend | None, ratio: float | None = None) -> Details:
    if trend is None:
        return Details()
    return Details(
        method=trend.method,
        ratio=ratio,
        observed=trend.observed,
        required=trend.required,
        projected=trend.projected,
    )


def _pace_unit(context: Context, trend: Trend) -> str:
    if trend.pace_unit_is_percent:
        return PERCENT_UNIT
    # A share in % that moves by a constant amount moves in percentage points.
    unit = context.target.level_unit
    return PERCENT_POINT_UNIT if unit == PERCENT_UNIT else unit


def _progress_explanation(context: Context, latest_year: int, latest: float, trend: Trend) -> str:
    baseline = context.baseline
    assert baseline is not None  # level_trend returned a trend, so there is one
    reached = _("thực hiện {year}: {value} (năm {base_year}: {baseline})").format(
        year=latest_year,
        value=context.show(latest),
        base_year=context.term_start,
        baseline=context.show(baseline),
    )
    if context.target.is_yes_no:
        # "cần tăng bình quân 0,2/năm" means nothing for a yes/no item.
        wanted = _("chỉ tiêu {target} {deadline}").format(
            target=context.target_text, deadline=context.deadline_text
        )
        return explain.join_clauses(reached, wanted)
    assert trend.required is not None  # before the deadline the requirement exists
    places = explain.GROWTH_PLACES if trend.method is Method.GROWTH else explain.CHANGE_PLACES
    paces = explain.required_and_observed(
        trend.required, trend.observed, _pace_unit(context, trend), places
    )
    expected = ""
    if trend.projected is not None:
        expected = _("dự kiến năm {deadline}: {value}").format(
            deadline=context.deadline, value=context.show(trend.projected, exact=False)
        )
    return explain.join_clauses(reached, paces, expected)


def _judge_trend(context: Context, latest_year: int, latest: float, trend: Trend) -> Assessment:
    """Steps 4 (zero requirement) and 5 (the ratio R)."""
    baseline = context.baseline
    assert baseline is not None
    if trend.direction == 0 or trend.required == 0:
        text = _(
            "thực hiện {year}: {value} (năm {base_year}: {baseline}); "
            "năm gốc đã ở mức chỉ tiêu {target} nhưng nay chưa đạt"
        ).format(
            year=latest_year,
            value=context.show(latest),
            base_year=context.term_start,
            baseline=context.show(baseline),
            target=context.target_text,
        )
        return context.result(Status.DETERIORATION, text, _trend_details(trend))
    assert trend.required is not None
    r = pace.ratio(trend.direction, trend.observed, trend.required)
    assert r is not None  # required is neither None nor 0 here
    status, stored = pace.judge_ratio(r)
    text = _progress_explanation(context, latest_year, latest, trend)
    return context.result(status, text, _trend_details(trend, stored))


def _no_trend(context: Context, latest_year: int, latest: float) -> Assessment:
    """Step 4 needs the baseline and a later year; say which is missing."""
    if context.baseline is None:
        text = _(
            "thực hiện {year}: {value}; chưa có số liệu năm gốc {base_year} để đánh giá xu hướng"
        )
    elif latest_year <= context.term_start:
        text = _(
            "mới có số liệu năm gốc {base_year}: {value}; cần số liệu các năm sau để đánh giá xu hướng"
        )
    else:
        text = _(
            "thực hiện {year}: {value}; số liệu vượt phạm vi tính toán, không đánh giá được xu hướng"
        )
    return no_data(
        context,
        text.format(year=latest_year, value=context.show(latest), base_year=context.term_start),
    )


def assess_level(context: Context) -> Assessment:
    latest_point = context.latest()
    if latest_point is None:
        text = _("chưa có số liệu thực hiện từ năm {first} đến năm {last}").format(
            first=context.term_start, last=context.end
        )
        return no_data(context, text)
    latest_year, latest = latest_point
    trend = level_trend(context, latest_year, latest)
    details = _trend_details(trend)
    words = {
        "year": latest_year,
        "value": context.show(latest),
        "target": context.target_text,
        "deadline": context.deadline_text,
    }
    if target_satisfied(context.target, latest):
        text = _("thực hiện {year}: {value}, đạt chỉ tiêu {target}").format(**words)
        return context.result(Status.ACHIEVED, text, details)
    if context.decided(latest_year):
        text = _("thực hiện {year}: {value}, không đạt chỉ tiêu {target} {deadline}").format(
            **words
        )
        return context.result(Status.MISSED, text, details)
    if trend is None or trend.required is None:
        return _no_trend(context, latest_year, latest)
    return _judge_trend(context, latest_year, latest, trend)
