"""What every kind's assessment works from: the target, the usable years, the dates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nghiquyet.progress import explain
from nghiquyet.progress.result import Assessment, Method
from nghiquyet.progress.status import Status
from nghiquyet.progress.target import Target, to_number


def clean_series(series: Mapping[int, object], first: int, last: int) -> dict[int, float]:
    """The finite values for the years first..last, in year order.

    None, NaN, infinities and non-numbers are dropped (a missing figure is
    not a zero); keys that are not int years are ignored.
    """
    kept: dict[int, float] = {}
    for year, raw in series.items():
        if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
            continue
        value = to_number(raw)
        if value is not None:
            kept[year] = value
    return dict(sorted(kept.items()))


@dataclass(frozen=True, slots=True)
class Context:
    """One target being assessed.

    ``values`` holds only the years the method may use: term_start up to
    as_of, and never past the deadline (see ``end``).
    """

    target: Target
    values: dict[int, float]
    term_start: int
    as_of: int
    target_text: str
    deadline_text: str

    @property
    def deadline(self) -> int:
        return self.target.year

    @property
    def end(self) -> int:
        """The last year that counts: as_of, but never past the deadline.

        A target "đến năm 2027" is judged on the figures up to 2027; a later
        figure says nothing about whether it was met by then, and a term
        total is summed over the term only.
        """
        return min(self.as_of, self.deadline)

    @property
    def past_deadline(self) -> bool:
        return self.as_of >= self.deadline

    def decided(self, latest_year: int | None) -> bool:
        """Whether "met or not" can be said now: the deadline has come and its own year has
        a figure. Before that, even in a report dated after the deadline, a status is a
        forecast from the latest figure: a missing year is never read as a result."""
        return self.past_deadline and latest_year is not None and latest_year >= self.deadline

    @property
    def baseline(self) -> float | None:
        return self.values.get(self.term_start)

    def latest(self) -> tuple[int, float] | None:
        if not self.values:
            return None
        year = max(self.values)
        return year, self.values[year]

    def show(self, value: float, *, exact: bool = True) -> str:
        """A value of the series with its unit, as a person would write it."""
        target = self.target
        return explain.quantity(
            value,
            target.level_unit,
            denominator=target.denominator,
            yes_no=target.is_yes_no,
            exact=exact,
        )

    def result(
        self, status: Status, explanation: str, details: Details | None = None
    ) -> Assessment:
        """An Assessment with what every result carries: deadline, baseline, latest value."""
        latest = self.latest()
        details = details or Details()
        return Assessment(
            status,
            explanation,
            method=details.method,
            ratio=details.ratio,
            projected=details.projected,
            required=details.required,
            observed=details.observed,
            failed_years=details.failed_years,
            deadline=self.deadline,
            baseline_year=self.term_start,
            baseline_value=self.baseline,
            latest_year=None if latest is None else latest[0],
            latest_value=None if latest is None else latest[1],
        )


@dataclass(frozen=True, slots=True)
class Details:
    """What a kind's computation adds to a result (see Assessment for the units)."""

    method: Method | None = None
    ratio: float | None = None
    projected: float | None = None
    required: float | None = None
    observed: float | None = None
    failed_years: tuple[int, ...] = ()


def no_data(context: Context, explanation: str, method: Method | None = None) -> Assessment:
    return context.result(Status.NO_DATA, explanation, Details(method=method))
