"""A registry target read into typed fields, and the comparisons the method makes with it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.lib.i18n import gettext as _

# "khoảng X" (comparator "=") is met within ABOUT_TOLERANCE of X: registry-format.md.
from nghiquyet.progress.status import ABOUT_TOLERANCE

KINDS = frozenset({"level", "growth_rate", "cumulative", "annual_change"})
COMPARATORS = frozenset({">=", ">", "<=", "<", "=", "between"})
YES_NO_UNIT = "đạt/không đạt"
PERCENT_UNIT = "%"
PERCENT_POINT_UNIT = "điểm %"


class InvalidTarget(ValueError):
    """A target that cannot be assessed; the message is a Vietnamese explanation."""


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    comparator: str
    value: float
    upper: float | None
    unit: str
    denominator: float | None
    year: int
    each_year: bool
    # Optional, beyond the registry format: the unit of the quantity a growth rate is
    # judged on ("triệu đồng"), so its explanation can name it.
    series_unit: str = ""

    @property
    def is_yes_no(self) -> bool:
        return self.unit == YES_NO_UNIT

    @property
    def level_unit(self) -> str:
        """The unit of the series: an annual change in "điểm %" moves a level in "%"."""
        if self.kind == "growth_rate":
            return self.series_unit  # the target is a rate; the level's unit comes apart
        if self.unit == PERCENT_POINT_UNIT:
            return PERCENT_UNIT
        return self.unit

    @property
    def lower(self) -> float:
        """The lower end of a ``between`` range, whichever order it was written in."""
        return self.value if self.upper is None else min(self.value, self.upper)

    @property
    def higher(self) -> float:
        return self.value if self.upper is None else max(self.value, self.upper)


def to_number(raw: object) -> float | None:
    """A finite float from an int, float or Decimal; None for anything else.

    Strings are refused on purpose: "49.305" means 49305 in Vietnamese and
    49.305 in Python, so guessing would be wrong half the time.
    """
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        return None
    try:
        number = float(raw)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _to_year(raw: object) -> int | None:
    """A year written as 2030 or 2030.0 (JSON tools sometimes produce the latter)."""
    number = to_number(raw)
    if number is None or not number.is_integer():
        return None
    return int(number)


def parse_target(raw: Mapping[str, object]) -> Target:
    """Read the registry fields the method needs; raise InvalidTarget if they are unusable."""
    kind = raw.get("kind")
    comparator = raw.get("comparator")
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidTarget(_("loại chỉ tiêu không xác định: {kind}").format(kind=kind))
    if not isinstance(comparator, str) or comparator not in COMPARATORS:
        raise InvalidTarget(
            _("phép so sánh không xác định: {comparator}").format(comparator=comparator)
        )
    value = to_number(raw.get("value"))
    if value is None:
        raise InvalidTarget(_("chỉ tiêu chưa có giá trị số"))
    upper = to_number(raw.get("upper"))
    if comparator == "between" and upper is None:
        raise InvalidTarget(_("chỉ tiêu dạng khoảng chưa có cận trên"))
    year = _to_year(raw.get("year"))
    if year is None:
        raise InvalidTarget(_("chỉ tiêu chưa có năm đích"))
    unit = raw.get("unit")
    return Target(
        kind=kind,
        comparator=comparator,
        value=value,
        upper=upper if comparator == "between" else None,
        unit=unit.strip() if isinstance(unit, str) else "",
        denominator=to_number(raw.get("denominator")),
        year=year,
        each_year=bool(raw.get("each_year")),
        series_unit=str(raw.get("series_unit") or "").strip(),
    )


def satisfies(actual: float, comparator: str, value: float, upper: float | None = None) -> bool:
    """Whether ``actual`` meets the comparison; ``=`` is "about", within 5 %."""
    if comparator == ">=":
        return actual >= value
    if comparator == ">":
        return actual > value
    if comparator == "<=":
        return actual <= value
    if comparator == "<":
        return actual < value
    if comparator == "=":
        return abs(actual - value) <= ABOUT_TOLERANCE * abs(value)
    if comparator == "between" and upper is not None:
        return min(value, upper) <= actual <= max(value, upper)
    return False


def target_satisfied(target: Target, actual: float) -> bool:
    return satisfies(actual, target.comparator, target.value, target.upper)


def direction(target: Target, origin: float) -> tuple[int, float]:
    """(d, bound): which way is progress from ``origin``, and towards which number.

    d = +1 where more is better, -1 where less is better. For ``=`` and
    ``between`` d points from the origin towards the target (the nearer
    bound of a range). d = 0 when the origin already sits on an ``=`` target
    or inside a range: no change is required, so any miss is a step back.
    """
    comparator = target.comparator
    if comparator in (">=", ">"):
        return 1, target.value
    if comparator in ("<=", "<"):
        return -1, target.value
    if comparator == "=":
        if origin == target.value:
            return 0, target.value
        return (1 if target.value > origin else -1), target.value
    # between
    if origin < target.lower:
        return 1, target.lower
    if origin > target.higher:
        return -1, target.higher
    nearer = min((target.lower, target.higher), key=lambda bound: abs(bound - origin))
    return 0, nearer
