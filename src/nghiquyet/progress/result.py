"""The result of assessing one target."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from nghiquyet.progress.status import Status


class Method(StrEnum):
    """Which computation produced the status (kept so a report can show its working)."""

    GROWTH = "growth"  # level target, compound annual growth (all values > 0)
    LINEAR = "linear"  # level target, average change per year (a zero or negative value)
    EACH_YEAR = "each_year"
    CUMULATIVE = "cumulative"
    ANNUAL_CHANGE = "annual_change"
    GROWTH_RATE = "growth_rate"


@dataclass(frozen=True, slots=True)
class Assessment:
    """How one target stands in the year of assessment.

    Units of ``required`` and ``observed`` depend on ``method``:
    growth and growth_rate, % per year (5.7 means 5,7 %/năm); linear and
    annual_change, the unit per year; cumulative, the sum due by now pro rata
    (``required``) and the sum so far (``observed``); each_year, the target
    value and the latest value.

    ``projected`` is the value expected at the deadline at the observed pace:
    the level (also for growth_rate and annual_change, whose series is a
    level), or the term total for cumulative. ``ratio`` is R of the method.
    """

    status: Status
    # The Vietnamese explanation, or how to write it: made the first time it is read
    # (``explanation``), so a page that shows only statuses never writes the words.
    explained: str | Callable[[], str]
    method: Method | None = None
    ratio: float | None = None
    projected: float | None = None
    required: float | None = None
    observed: float | None = None
    latest_year: int | None = None
    latest_value: float | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None
    deadline: int | None = None
    failed_years: tuple[int, ...] = ()

    @property
    def explanation(self) -> str:
        text = self.explained
        if not isinstance(text, str):
            text = text()
            object.__setattr__(self, "explained", text)  # frozen: written once, when read
        return text

    @property
    def label(self) -> str:
        return self.status.label
