"""What a report says, as plain frozen dataclasses.

The Django side fills these from its selectors (the assessment has already
been made: statuses, labels and explanations arrive as data); the writers in
this package only lay them out. Nothing here imports Django, so the writers
are tested and benchmarked with plain pytest.

Conventions:
- ``ReportTarget.baseline`` is the value of the term's first year
  (``ReportData.term_start``); ``actuals`` holds the later years. A year
  missing from ``actuals`` (or mapped to None) has no figure.
- ``estimate_years`` are the years whose figure is an estimate (ước thực
  hiện), printed with a mark.
- ``percent_of_target`` is a percentage (83.6 means 83,6 %), None where it
  means nothing (a "less is better" target, a growth rate).
- Every text field is already in Vietnamese; the writers translate only
  their own fixed words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from nghiquyet.progress import STATUS_LABELS, Status, status_rule

from .programme import ProgrammeSummary

# The statuses are the assessment module's (its values are the stored
# strings, so plain "on_track" works wherever a Status is expected).
# Best first, then no_data: the order of legends, charts and counts.
STATUSES: Final[tuple[Status, ...]] = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
    Status.MISSED,
    Status.NO_DATA,
)

# The statuses that put a target at risk of not being met (or already not met).
AT_RISK: Final[frozenset[Status]] = frozenset(
    {Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATION, Status.MISSED}
)

# Registry comparators where a smaller value is better.
LOWER_IS_BETTER: Final[frozenset[str]] = frozenset({"<", "<="})


def status_label(status: Status | str) -> str:
    """The assessment's Vietnamese label of a status (the Django side may send its own)."""
    return STATUS_LABELS[Status(status)]


def status_meaning(status: Status | str) -> str:
    """One sentence saying what a status means, for legends and the notes sheet.

    Built by ``nghiquyet.progress.status_rule`` from the method's named
    thresholds, so the legend cannot drift from the code that judges.
    """
    return status_rule(status)


_PERCENT_KINDS: Final[frozenset[str]] = frozenset({"level", "cumulative"})
_PERCENT_COMPARATORS: Final[frozenset[str]] = frozenset({">=", ">", "="})


def percent_of_target(
    kind: str, comparator: str, unit: str, latest: float | None, target: float | None
) -> float | None:
    """The latest figure as a % of the target (83.6), only where it means something: more
    is better, a level or a total, and not a rate in % itself ("bằng 100% mục tiêu 100%"
    says nothing a reader wants)."""
    if latest is None or not target or kind not in _PERCENT_KINDS:
        return None
    if comparator not in _PERCENT_COMPARATORS or unit.strip() == "%":
        return None
    return round(latest / target * 100, 1)


def _as_status(owner: object, value: Status | str) -> None:
    """Store a status as the Status enum; a plain string is accepted, an unknown one is not."""
    object.__setattr__(owner, "status", Status(value))  # frozen: set once, in __post_init__


@dataclass(frozen=True, slots=True)
class ReportTarget:
    """One measurable target with its figures and its assessment."""

    label: str
    unit: str
    target_text: str  # as the resolution states it, e.g. "≥ 49.305 tấn"
    deadline_year: int
    status: Status
    status_label: str
    explanation: str = ""  # one Vietnamese sentence with the numbers behind the status
    kind: str = "level"  # registry kind: level, growth_rate, cumulative, annual_change
    comparator: str = ">="  # registry comparator: >=, >, <=, <, =, between
    target_value: float | None = None
    denominator: float | None = None  # "05/07 trường": target 5 of 7
    each_year: bool = False
    baseline: float | None = None
    actuals: Mapping[int, float | None] = field(default_factory=dict)
    estimate_years: frozenset[int] = frozenset()
    latest: float | None = None
    latest_year: int | None = None
    percent_of_target: float | None = None
    # Figures shown but not judged: year -> their coverage ("8/30 bản báo cáo", "6 tháng
    # đầu năm"). A partial total is printed with it and never read as the year's result.
    partial: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _as_status(self, self.status)

    @property
    def latest_is_partial(self) -> bool:
        return self.latest_year is not None and self.latest_year in self.partial

    @property
    def lower_is_better(self) -> bool:
        return self.comparator in LOWER_IS_BETTER

    @property
    def latest_is_estimate(self) -> bool:
        return self.latest_year is not None and self.latest_year in self.estimate_years

    def value_for(self, year: int, term_start: int) -> float | None:
        """The figure shown in a year's column; the baseline fills the term's first year."""
        if year == term_start and self.baseline is not None:
            return self.baseline
        return self.actuals.get(year)


@dataclass(frozen=True, slots=True)
class ReportIndicator:
    """A numbered indicator of the resolution; its status is the worst of its targets'."""

    number: int
    text: str
    status: Status
    status_label: str
    targets: Sequence[ReportTarget]

    def __post_init__(self) -> None:
        _as_status(self, self.status)


@dataclass(frozen=True, slots=True)
class ReportGroup:
    code: str  # "a", "b", "c" (or "I", "II" where the resolution numbers them so)
    title: str
    indicators: Sequence[ReportIndicator]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one report (Word, Excel annex, PDF) prints."""

    superior_organ: str  # "ĐẢNG BỘ TỈNH SƠN LA"; "" where there is none (a Tỉnh ủy)
    issuing_organ: str  # "ĐẢNG ỦY XÃ PHIÊNG KHOÀI"
    issuing_organ_text: str  # the same organ in running text: "Đảng ủy xã Phiêng Khoài"
    number_code: str  # "-BC/ĐU" (number left blank to be filled in) or "12-BC/ĐU"
    place: str  # "Phiêng Khoài"
    report_date: date
    period_label: str  # "năm 2026", "giữa nhiệm kỳ 2025-2030", ...
    resolution_title: str
    term_start: int
    term_end: int
    years: Sequence[int]  # the annex's year columns: the baseline year first
    groups: Sequence[ReportGroup]
    recipients: Sequence[str]  # Nơi nhận, without the leading dash; the last is the archive
    signer_titles: Sequence[str]  # ("T/M ĐẢNG ỦY", "BÍ THƯ")
    signer_name: str
    illustrative: bool = False  # demo figures: every output says so visibly
    # Short sentences about the figures themselves ("some are not approved yet"),
    # printed under the title and with the annex's notes, so that a reader of the
    # paper copy knows what the numbers stand on.
    notes: Sequence[str] = ()
    # How the action programme's tasks stand (documents/programme.py); None: no programme.
    programme: ProgrammeSummary | None = None

    def indicators(self) -> Iterator[ReportIndicator]:
        for group in self.groups:
            yield from group.indicators

    def targets(self) -> Iterator[ReportTarget]:
        for indicator in self.indicators():
            yield from indicator.targets

    def status_counts(self) -> dict[Status, int]:
        """How many indicators have each status (derived, so it cannot disagree)."""
        counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
        for indicator in self.indicators():
            counts[indicator.status] += 1
        return counts

    def target_status_counts(self) -> dict[Status, int]:
        counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
        for target in self.targets():
            counts[target.status] += 1
        return counts

    @property
    def latest_year(self) -> int:
        return max(self.years) if self.years else self.term_start


__all__ = [
    "AT_RISK",
    "LOWER_IS_BETTER",
    "STATUSES",
    "ReportData",
    "ReportGroup",
    "ReportIndicator",
    "ReportTarget",
    "Status",
    "percent_of_target",
    "status_label",
    "status_meaning",
]
