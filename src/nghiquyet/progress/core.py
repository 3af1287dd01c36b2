"""``assess_target``: one target, its series, the term's first year and the year of assessment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.i18n import text_discarded, text_is_discarded
from nghiquyet.progress.context import Context, clean_series
from nghiquyet.progress.cumulative import assess_cumulative
from nghiquyet.progress.describe import describe_deadline, describe_target
from nghiquyet.progress.each_year import assess_each_year
from nghiquyet.progress.level import assess_level
from nghiquyet.progress.rates import assess_annual_change, assess_growth_rate
from nghiquyet.progress.result import Assessment
from nghiquyet.progress.status import Status
from nghiquyet.progress.target import InvalidTarget, parse_target

Number = int | float | Decimal
Series = Mapping[int, Number | None]


def assess_target(
    target: Mapping[str, object], series: Series, *, term_start: int, as_of: int,
    explain: bool = True,
) -> Assessment:
    """How ``target`` stands in ``as_of``, judged on ``series`` (year -> value).

    ``series`` is the quantity the target is judged on: the level for
    ``level``, ``growth_rate`` and ``annual_change``, the yearly amounts for
    ``cumulative``, the count a for an a/b target. Only the years
    term_start..as_of count, and none after the target's deadline. Never
    raises on numbers: what cannot be assessed is ``no_data`` with a reason.

    ``explain=False``: the status and numbers only; the explanation is written the
    first time ``Assessment.explanation`` is read (the province and all-communes views
    read thousands of statuses and show few explanations).
    """
    if not explain:
        with text_discarded():
            quiet = _assess(target, series, term_start, as_of)
        return replace(quiet, explained=lambda: _assess(target, series, term_start,
                                                        as_of).explanation)
    return _assess(target, series, term_start, as_of)


def _assess(target: Mapping[str, object], series: Series, term_start: int, as_of: int
            ) -> Assessment:
    try:
        parsed = parse_target(target)
    except InvalidTarget as problem:
        return Assessment(
            Status.NO_DATA, _("không đánh giá được: {problem}").format(problem=problem)
        )
    if parsed.year < term_start:
        text = _("năm đích {year} trước năm gốc {base_year} của nhiệm kỳ").format(
            year=parsed.year, base_year=term_start
        )
        return Assessment(Status.NO_DATA, text, deadline=parsed.year)
    if as_of < term_start:
        text = _("năm đánh giá {as_of} trước năm gốc {base_year} của nhiệm kỳ").format(
            as_of=as_of, base_year=term_start
        )
        return Assessment(Status.NO_DATA, text, deadline=parsed.year)
    context = Context(
        target=parsed,
        values=clean_series(series, term_start, min(as_of, parsed.year)),
        term_start=term_start,
        as_of=as_of,
        target_text="" if text_is_discarded() else describe_target(target),
        deadline_text="" if text_is_discarded() else describe_deadline(target),
    )
    # A term total has no per-year sense: the flag is ignored for cumulative.
    if parsed.each_year and parsed.kind != "cumulative":
        return assess_each_year(context)
    if parsed.kind == "growth_rate":
        return assess_growth_rate(context)
    if parsed.kind == "annual_change":
        return assess_annual_change(context)
    if parsed.kind == "cumulative":
        return assess_cumulative(context)
    return assess_level(context)
