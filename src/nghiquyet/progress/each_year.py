"""``each_year`` targets: the comparison must hold in every year of the term.

The method defines it for a level ("hằng năm ≥ 95 %"). A growth_rate or an
annual_change marked each_year is judged the same way on the year-on-year
growth or change, which is what "tăng hằng năm ..." means; a cumulative
target has no per-year sense and ignores the flag (see assess_target).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain
from nghiquyet.progress.context import Context, Details, no_data
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import RATIO_DECIMALS, Status
from nghiquyet.progress.target import PERCENT_UNIT, target_satisfied


def judge_each_year(
    context: Context, yearly: Mapping[int, float], show: Callable[[float], str]
) -> Assessment:
    """Compare every year t0 < t <= as_of that has a value; list the years that failed."""
    judged = {year: value for year, value in sorted(yearly.items()) if year > context.term_start}
    if not judged:
        text = _(
            "chưa có số liệu năm nào sau năm gốc {base_year} để so với chỉ tiêu {target}"
        ).format(base_year=context.term_start, target=context.target_text)
        return no_data(context, text, Method.EACH_YEAR)
    failed = tuple(
        year for year, value in judged.items() if not target_satisfied(context.target, value)
    )
    last_year = max(judged)
    details = Details(
        method=Method.EACH_YEAR,
        required=context.target.value,
        observed=judged[last_year],
        failed_years=failed,
    )
    if failed:
        shortfalls = ", ".join(
            _("{year}: {value}").format(year=year, value=show(judged[year])) for year in failed
        )
        text = _("không đạt chỉ tiêu {target} năm {years} ({details})").format(
            target=context.target_text, years=explain.year_list(list(failed)), details=shortfalls
        )
        return context.result(Status.MISSED, text, details)
    final_year_in = context.past_deadline and context.deadline in judged
    # "cả 1 năm có số liệu" is not Vietnamese: one year is named, several are counted.
    template = (
        _("thực hiện {year}: {value}; đạt chỉ tiêu {target} năm {years}")
        if len(judged) == 1
        else _("thực hiện {year}: {value}; đạt chỉ tiêu {target} cả {count} năm có số liệu "
               "({years})")
    )
    text = template.format(
        year=last_year,
        value=show(judged[last_year]),
        target=context.target_text,
        count=explain.num(len(judged)),
        years=explain.year_list(list(judged)),
    )
    return context.result(Status.ACHIEVED if final_year_in else Status.ON_TRACK, text, details)


def yearly_growth(values: Mapping[int, float]) -> dict[int, float]:
    """Growth over the previous year, in %, where the previous year has a value > 0.

    Over one year growth needs no root, so a fall to 0 or below is a growth
    of -100 % or less, not a missing figure (skipping it would let a worse
    year pass unjudged).
    """
    growth: dict[int, float] = {}
    for year, value in values.items():
        previous = values.get(year - 1)
        if previous is None or previous <= 0:
            continue
        # May overflow to ±inf from a tiny previous value: still a clear
        # direction, so it is judged rather than skipped.
        growth[year] = round((value / previous - 1) * 100, RATIO_DECIMALS)
    return growth


def yearly_change(values: Mapping[int, float]) -> dict[int, float]:
    """Change over the previous year, in the unit, where both years have a value."""
    change: dict[int, float] = {}
    for year, value in values.items():
        previous = values.get(year - 1)
        if previous is not None:
            # Two huge values of opposite sign overflow to ±inf: judged all the same.
            change[year] = round(value - previous, RATIO_DECIMALS)
    return change


def assess_each_year(context: Context) -> Assessment:
    kind = context.target.kind
    if kind == "growth_rate":
        return judge_each_year(
            context,
            yearly_growth(context.values),
            lambda rate: explain.per_year(explain.rate(rate), PERCENT_UNIT),
        )
    if kind == "annual_change":
        unit = context.target.unit
        return judge_each_year(
            context,
            yearly_change(context.values),
            lambda change: explain.per_year(explain.rate(change, explain.CHANGE_PLACES), unit),
        )
    return judge_each_year(context, context.values, context.show)
