"""A target written the Vietnamese way, for tables and explanations.

``describe_target`` gives the requirement ("≥ 49.305 tấn", "hằng năm ≥ 95 %",
"tăng bình quân ≥ 5 %/năm"); ``describe_deadline`` gives "đến năm 2030".
They read the registry dict directly and never raise: a half-filled target
under review still gets whatever can be written.
"""

from __future__ import annotations

from collections.abc import Mapping

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import explain
from nghiquyet.progress.target import PERCENT_UNIT, YES_NO_UNIT, to_number

_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
_MIRRORED = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "=": "=", "between": "between"}


def _comparison(comparator: str, value: str, upper: str | None) -> str:
    """The comparator and its number(s), without the unit: "≥ 5", "khoảng 5", "từ 3 đến 3,5"."""
    if comparator == "=":
        return _("khoảng {value}").format(value=value)
    if comparator == "between" and upper is not None:
        return _("từ {lower} đến {upper}").format(lower=value, upper=upper)
    symbol = _SYMBOLS.get(comparator)
    return value if symbol is None else f"{symbol} {value}"


def _with_unit(text: str, unit: str) -> str:
    return _("{amount} {unit}").format(amount=text, unit=unit) if unit else text


def _ordered_bounds(value: float, upper: float | None) -> tuple[float, float | None]:
    if upper is None:
        return value, None
    return min(value, upper), max(value, upper)


def _level(
    comparator: str, value: float, upper: float | None, unit: str, raw: Mapping[str, object]
) -> str:
    if unit == YES_NO_UNIT and comparator in (">=", "=") and value == 1:
        return _("đạt")
    denominator = to_number(raw.get("denominator"))
    if denominator is not None:
        count = _("{count}/{total}").format(
            count=explain.num(value), total=explain.num(denominator)
        )
        # "05/07 trường" in the resolution means at least five of the seven.
        text = count if comparator == ">=" else _comparison(comparator, count, None)
        return _with_unit(text, unit)
    lower, higher = _ordered_bounds(value, upper)
    text = _comparison(
        comparator, explain.num(lower), None if higher is None else explain.num(higher)
    )
    return _with_unit(text, unit)


def _growth_rate(comparator: str, value: float, upper: float | None) -> str:
    lower, higher = _ordered_bounds(value, upper)
    bounds = [lower] if higher is None else [lower, higher]
    falling = all(bound <= 0 for bound in bounds) and any(bound < 0 for bound in bounds)
    if falling:
        # "giảm bình quân ≥ 2 %/năm" reads better than "tăng bình quân ≤ -2 %/năm".
        comparator = _MIRRORED[comparator]
        lower, higher = (-higher, -lower) if higher is not None else (-lower, None)
    text = _comparison(
        comparator, explain.num(lower), None if higher is None else explain.num(higher)
    )
    amount = explain.per_year(text, PERCENT_UNIT)
    if falling:
        return _("giảm bình quân {target}").format(target=amount)
    return _("tăng bình quân {target}").format(target=amount)


def _signed(value: float) -> str:
    return f"+{explain.num(value)}" if value > 0 else explain.num(value)


def _annual_change(comparator: str, value: float, upper: float | None, unit: str) -> str:
    natural = (comparator == "<=" and value < 0) or (comparator == ">=" and value > 0)
    if natural:
        # "-1,5 điểm %/năm": the sign already says which way, as the resolution writes it.
        return explain.per_year(_signed(value), unit)
    lower, higher = _ordered_bounds(value, upper)
    text = _comparison(
        comparator, explain.num(lower), None if higher is None else explain.num(higher)
    )
    return explain.per_year(text, unit)


def describe_target(target: Mapping[str, object]) -> str:
    """The requirement of ``target`` in Vietnamese; "" when it has no usable number."""
    value = to_number(target.get("value"))
    comparator = target.get("comparator")
    if value is None or not isinstance(comparator, str):
        return ""
    upper = to_number(target.get("upper")) if comparator == "between" else None
    unit_raw = target.get("unit")
    unit = unit_raw.strip() if isinstance(unit_raw, str) else ""
    kind = target.get("kind")
    if kind == "growth_rate":
        text = _growth_rate(comparator, value, upper)
    elif kind == "annual_change":
        text = _annual_change(comparator, value, upper, unit)
    else:
        text = _level(comparator, value, upper, unit, target)
    if kind == "cumulative":
        return _("{target} trong nhiệm kỳ").format(target=text)
    if target.get("each_year"):
        return _("hằng năm {target}").format(target=text)
    return text


def describe_deadline(target: Mapping[str, object]) -> str:
    """``đến năm 2030``; "" when the target has no year."""
    year = to_number(target.get("year"))
    if year is None or not year.is_integer():
        return ""
    return _("đến năm {year}").format(year=int(year))
