"""``cumulative`` targets: a total over the term, against its pro-rata share.

S sums the values of the years t0 < t <= as_of (the baseline year belongs to
the previous term). The method: S meets the comparator, ``achieved``; as of
the deadline and not met, ``missed``; before, R = S / (T * elapsed share),
classified by step 5; projected = S / elapsed years * term years. A year
with no figure adds nothing: S is what has been reported.

Where the method is silent: a total that must stay under a cap (``<=``,
``<`` with T >= 0: "không quá 10 vụ trong nhiệm kỳ") or above a floor that
asks for nothing (``>=`` T <= 0) is a limit, not a goal. S within it now can
still break it before the deadline, so before the deadline it is
``on_track`` when the projected total stays within it, else
``needs_acceleration``, and ``deterioration`` once S has already broken it;
no R. The same holds for an ``=``/``between`` total whose range contains 0.
"""

from __future__ import annotations

import math

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain, pace
from nghiquyet.progress.context import Context, Details, no_data
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import RATIO_DECIMALS, Status
from nghiquyet.progress.target import direction, target_satisfied


def _status(
    context: Context, total: float, due: float, projected: float | None, d: int, bound: float,
    decided: bool,
) -> tuple[Status, float | None]:
    target = context.target
    satisfied = target_satisfied(target, total)
    is_goal = d != 0 and d * bound > 0
    if is_goal:
        if satisfied:
            return Status.ACHIEVED, None
        if decided:
            return Status.MISSED, None
        r = pace.ratio(d, total, due)
        if r is None:  # due rounds to 0 only for absurdly small targets
            return Status.DETERIORATION, None
        return pace.judge_ratio(r)
    if context.past_deadline and not satisfied:
        return Status.MISSED, None  # a cap broken stays broken, whatever year is missing
    if decided:
        return Status.ACHIEVED, None
    if not satisfied:
        return Status.DETERIORATION, None
    if projected is None or target_satisfied(target, projected):
        return Status.ON_TRACK, None
    return Status.NEEDS_ACCELERATION, None


def _explanation(
    context: Context,
    status: Status,
    total: float,
    due: float,
    projected: float | None,
    is_goal: bool,
    counted_years: list[int],
    missing: list[int],
) -> str:
    words = {
        "years": explain.years(context.term_start + 1, max(counted_years)),
        "total": context.show(total),
        "target": context.target_text,
        "due": context.show(due, exact=False),
    }
    if status is Status.ACHIEVED:
        return _("lũy kế {years}: {total}, đạt chỉ tiêu {target}").format(**words)
    if status is Status.MISSED:
        return _("lũy kế {years}: {total}, không đạt chỉ tiêu {target}").format(**words)
    if is_goal:
        so_far = _("lũy kế {years}: {total}, cần {due} theo tiến độ để đạt chỉ tiêu {target}")
    else:
        so_far = _("lũy kế {years}: {total}, chỉ tiêu {target}")
    expected = ""
    if projected is not None:
        expected = _("dự kiến lũy kế đến năm {deadline}: {value}").format(
            deadline=context.deadline, value=context.show(projected, exact=False)
        )
    gaps = ""
    if missing:
        # A year without a figure is not a year with none: the pace is that of the years known.
        gaps = _("chưa có số liệu năm {years}, tính theo {count} năm có số liệu").format(
            years=explain.year_list(missing), count=len(counted_years)
        )
    return explain.join_clauses(so_far.format(**words), gaps, expected)


def assess_cumulative(context: Context) -> Assessment:
    start = context.term_start
    counted = [value for year, value in context.values.items() if year > start]
    if not counted:
        text = _("chưa có số liệu năm nào sau năm gốc {base_year} để tính lũy kế").format(
            base_year=start
        )
        return no_data(context, text, Method.CUMULATIVE)
    # Rounded so that 0,1 + 0,2 meets "≤ 0,3": a sum of decimals carries float noise.
    total = round(sum(counted), RATIO_DECIMALS)
    if not math.isfinite(total):
        text = _("lũy kế vượt phạm vi tính toán, không đánh giá được")
        return no_data(context, text, Method.CUMULATIVE)
    counted_years = [year for year in context.values if year > start]
    # Only the years with a figure count as elapsed: a missing year is never a zero.
    missing = [year for year in range(start + 1, context.end + 1) if year not in context.values]
    elapsed = len(counted_years)  # >= 1: some year after start has a value
    term_years = context.deadline - start
    d, bound = direction(context.target, 0.0)
    due = bound * (elapsed / term_years)  # in this order a huge bound cannot overflow
    projected = pace.project_linear(0.0, total / elapsed, term_years)
    decided = context.past_deadline and not missing
    status, r = _status(context, total, due, projected, d, bound, decided)
    text = _explanation(context, status, total, due, projected, d != 0 and d * bound > 0,
                        counted_years, missing)
    details = Details(
        method=Method.CUMULATIVE, ratio=r, observed=total, required=due, projected=projected
    )
    return context.result(status, text, details)
