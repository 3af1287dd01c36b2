"""From targets to indicators, and from indicators to groups and the whole resolution."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain
from nghiquyet.progress.core import Series, assess_target
from nghiquyet.progress.result import Assessment
from nghiquyet.progress.status import ORDERED_STATUSES, Status, indicator_status


@dataclass(frozen=True, slots=True)
class IndicatorAssessment:
    """A numbered indicator: its targets' statuses combined by ``indicator_status``."""

    status: Status
    targets: tuple[Assessment, ...]
    explanation: str

    @property
    def label(self) -> str:
        return self.status.label


def _indicator_explanation(results: tuple[Assessment, ...]) -> str:
    if not results:
        return _("chỉ tiêu chưa có mục tiêu đo lường được")
    if len(results) == 1:
        return results[0].explanation
    good = sum(1 for result in results if result.status.is_good)
    judged = sum(1 for result in results if result.status is not Status.NO_DATA)
    text = _("{good}/{total} mục tiêu đạt, vượt hoặc có khả năng đạt").format(
        good=explain.num(good), total=explain.num(len(results))
    )
    if judged < len(results):
        text = _("{summary}; đánh giá được {judged}/{total} mục tiêu").format(
            summary=text, judged=explain.num(judged), total=explain.num(len(results))
        )
    return text


def assess_indicator(
    targets_with_series: Iterable[tuple[Mapping[str, object], Series]],
    *,
    term_start: int,
    as_of: int,
) -> IndicatorAssessment:
    """Assess each (target, series) pair of one indicator and combine them (indicator_status)."""
    results = tuple(
        assess_target(target, series, term_start=term_start, as_of=as_of)
        for target, series in targets_with_series
    )
    return IndicatorAssessment(
        status=indicator_status(result.status for result in results),
        targets=results,
        explanation=_indicator_explanation(results),
    )


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """How many indicators have each status; every status is a key, zero where none."""

    counts: Mapping[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def good(self) -> int:
        """Achieved or on track ("đạt, vượt" or "có khả năng đạt")."""
        return self.counts[Status.ACHIEVED] + self.counts[Status.ON_TRACK]

    @property
    def no_data(self) -> int:
        return self.counts[Status.NO_DATA]

    @property
    def summary(self) -> str:
        """``18/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt`` (the total counts every indicator)."""
        text = _("{good}/{total} chỉ tiêu đạt, vượt hoặc có khả năng đạt").format(
            good=explain.num(self.good), total=explain.num(self.total)
        )
        if self.no_data:
            text = _("{summary}, {count} chỉ tiêu chưa đủ số liệu để đánh giá").format(
                summary=text, count=explain.num(self.no_data)
            )
        return text


def count_statuses(statuses: Iterable[Status | str]) -> StatusCounts:
    counts: dict[Status, int] = dict.fromkeys(ORDERED_STATUSES + (Status.NO_DATA,), 0)
    for status in statuses:
        counts[Status(status)] += 1
    return StatusCounts(MappingProxyType(counts))


@dataclass(frozen=True, slots=True)
class StatusSummary:
    """Counts per group (in the order the groups first appear) and for the whole resolution."""

    groups: Mapping[str | None, StatusCounts]
    overall: StatusCounts

    @property
    def summary(self) -> str:
        return self.overall.summary


def summarize_statuses(indicators: Iterable[tuple[str | None, Status | str]]) -> StatusSummary:
    """Count indicator statuses per group code and overall.

    ``indicators`` yields (group code, indicator status); a resolution
    without headings uses the group None.
    """
    by_group: dict[str | None, list[Status]] = {}
    everything: list[Status] = []
    for group, status in indicators:
        by_group.setdefault(group, []).append(Status(status))
        everything.append(Status(status))
    groups = {group: count_statuses(statuses) for group, statuses in by_group.items()}
    return StatusSummary(groups=MappingProxyType(groups), overall=count_statuses(everything))
