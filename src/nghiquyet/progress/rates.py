"""``growth_rate`` and ``annual_change`` targets: an average pace against the required pace.

Both compare one observed average (compound growth in %, or change per year
in the unit) with the target's number c:
- as of the deadline or later: ``achieved`` if it meets the comparator, else ``missed``;
- before: R = observed / c, classified by step 5. The pace is
  only an average so far, so before the deadline the best status is ``on_track``.

Where the method is silent, c is read as a goal or as a limit. It is a goal
when it asks for movement in the comparator's direction d (``>= 5`` %/năm,
``<= -1,5`` điểm %/năm): then R = d * observed / |c|, which equals the
method's observed / c. It is a limit when it does not (``<= 0``: "không
tăng", ``>= -1``: "giảm không quá 1", ``<= 2``: "tăng không quá 2"):
observed / c would reward the wrong direction there, so a pace within the
limit is ``on_track`` and one beyond it ``deterioration``, with no R. For
``=`` and ``between``, d points from no change (0) towards the target's
nearer bound; a range that contains 0 is a limit.
"""

from __future__ import annotations

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain, pace
from nghiquyet.progress.context import Context, Details, no_data
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import RATIO_DECIMALS, Status, classify_ratio
from nghiquyet.progress.target import PERCENT_UNIT, direction, target_satisfied

Endpoints = tuple[float, int, float]  # baseline, latest year, latest value


def judge_pace(
    context: Context, observed: float, latest_year: int | None = None
) -> tuple[Status, float | None]:
    """The status of an average pace, and R when the status comes from it."""
    target = context.target
    satisfied = target_satisfied(target, observed)
    if context.decided(latest_year if latest_year is not None else context.end):
        return (Status.ACHIEVED if satisfied else Status.MISSED), None
    d, bound = direction(target, 0.0)
    is_goal = d != 0 and d * bound > 0
    r = pace.ratio(d, observed, bound) if is_goal else None
    stored = None if r is None else pace.judge_ratio(r)[1]
    if satisfied:
        return Status.ON_TRACK, stored
    if r is None:
        return Status.DETERIORATION, None
    return classify_ratio(r), stored


def endpoints(context: Context) -> Endpoints | Assessment:
    """The baseline and the latest later value, or the no_data result saying which is missing."""
    latest = context.latest()
    baseline = context.baseline
    if latest is None:
        text = _("chưa có số liệu thực hiện từ năm {first} đến năm {last}").format(
            first=context.term_start, last=context.end
        )
        return no_data(context, text)
    latest_year, latest_value = latest
    words = {
        "year": latest_year,
        "value": context.show(latest_value),
        "base_year": context.term_start,
    }
    if baseline is None:
        text = _("thực hiện {year}: {value}; chưa có số liệu năm gốc {base_year} để tính bình quân")
        return no_data(context, text.format(**words))
    if latest_year <= context.term_start:
        text = _(
            "mới có số liệu năm gốc {base_year}: {value}; cần số liệu các năm sau để tính bình quân"
        )
        return no_data(context, text.format(**words))
    return baseline, latest_year, latest_value


def _explain(context: Context, point: Endpoints, status: Status, observed_text: str) -> str:
    baseline, latest_year, latest_value = point
    reached = _("thực hiện {year}: {value} (năm {base_year}: {baseline})").format(
        year=latest_year,
        value=context.show(latest_value),
        base_year=context.term_start,
        baseline=context.show(baseline),
    )
    if status is Status.ACHIEVED:
        verdict = _("thực tế {observed}, đạt chỉ tiêu {target}")
    elif status is Status.MISSED:
        verdict = _("thực tế {observed}, không đạt chỉ tiêu {target}")
    else:
        verdict = _("thực tế {observed}, chỉ tiêu {target}")
    return explain.join_clauses(
        reached, verdict.format(observed=observed_text, target=context.target_text)
    )


def assess_growth_rate(context: Context) -> Assessment:
    """Observed compound growth from the baseline, in %, against the target's g."""
    point = endpoints(context)
    if isinstance(point, Assessment):
        return point
    baseline, latest_year, latest_value = point
    growth = pace.compound_growth(baseline, latest_value, latest_year - context.term_start)
    if growth is None:
        text = _(
            "năm {base_year}: {baseline}, năm {year}: {value}; không tính được tốc độ tăng "
            "bình quân khi có giá trị bằng 0, âm hoặc vượt phạm vi tính toán"
        ).format(
            base_year=context.term_start,
            baseline=context.show(baseline),
            year=latest_year,
            value=context.show(latest_value),
        )
        return no_data(context, text, Method.GROWTH_RATE)
    observed = round(growth * 100, RATIO_DECIMALS)
    status, r = judge_pace(context, observed, latest_year)
    text = _explain(context, point, status, explain.change(observed, PERCENT_UNIT))
    details = Details(
        method=Method.GROWTH_RATE,
        ratio=r,
        observed=observed,
        required=direction(context.target, 0.0)[1],
        projected=pace.project_growth(latest_value, growth, context.deadline - latest_year),
    )
    return context.result(status, text, details)


def assess_annual_change(context: Context) -> Assessment:
    """Average change per year from the baseline, in the unit, against the target's c."""
    point = endpoints(context)
    if isinstance(point, Assessment):
        return point
    baseline, latest_year, latest_value = point
    change = pace.slope(baseline, latest_value, latest_year - context.term_start)
    if change is None:
        text = _("thực hiện {year}: {value}; số liệu vượt phạm vi tính toán").format(
            year=latest_year, value=context.show(latest_value)
        )
        return no_data(context, text, Method.ANNUAL_CHANGE)
    observed = round(change, RATIO_DECIMALS)
    status, r = judge_pace(context, observed, latest_year)
    observed_text = explain.change(observed, context.target.unit, explain.CHANGE_PLACES)
    text = _explain(context, point, status, observed_text)
    projected = pace.project_linear(latest_value, change, context.deadline - latest_year)
    details = Details(
        method=Method.ANNUAL_CHANGE,
        ratio=r,
        observed=observed,
        required=direction(context.target, 0.0)[1],
        projected=pace.cap_percent(projected, context.target.level_unit, (baseline, latest_value)),
    )
    return context.result(status, text, details)
