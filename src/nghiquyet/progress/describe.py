"""A target written the Vietnamese way, for tables and explanations.

``describe_target`` gives the requirement in words, never symbols, since it
sits inside sentences ("từ 49.305 tấn trở lên", "hằng năm từ 95% trở lên",
"tăng bình quân từ 5%/năm trở lên", "dưới 12%"); ``describe_deadline`` gives
"đến năm 2030".
They read the registry dict directly and never raise: a half-filled target
under review still gets whatever can be written.
"""

from __future__ import annotations

from collections.abc import Mapping

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import join_unit
from nghiquyet.progress import explain
from nghiquyet.progress.target import PERCENT_UNIT, YES_NO_UNIT, to_number

_MIRRORED = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "=": "=", "between": "between"}


def _comparison(comparator: str, amount: str, upper: str | None = None) -> str:
    """The comparator in words around an amount that carries its unit: "từ 49.305 tấn trở
    lên", "dưới 12%", "khoảng 1.200 ha", "từ 3 đến 3,5%". No mathematical symbols: these
    phrases sit inside sentences."""
    if comparator == "between" and upper is not None:
        return _("từ {lower} đến {upper}").format(lower=amount, upper=upper)
    words = {
        ">=": _("từ {amount} trở lên"),
        ">": _("trên {amount}"),
        "<=": _("không quá {amount}"),
        "<": _("dưới {amount}"),
        "=": _("khoảng {amount}"),
    }
    template = words.get(comparator)
    return amount if template is None else template.format(amount=amount)


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
        amount = join_unit(count, unit)
        return amount if comparator == ">=" else _comparison(comparator, amount)
    lower, higher = _ordered_bounds(value, upper)
    if higher is not None:
        return _comparison(comparator, explain.num(lower), join_unit(explain.num(higher), unit))
    return _comparison(comparator, join_unit(explain.num(lower), unit))


def _pace(comparator: str, value: float, upper: float | None, unit: str) -> str:
    """A pace in words: "tăng bình quân từ 5%/năm trở lên", "giảm bình quân từ 1,5 điểm
    %/năm trở lên", "tăng không quá 2 điểm %/năm", "không tăng"."""

    def amount(number: float) -> str:
        return explain.per_year(explain.num(abs(number)), unit)

    if comparator == "between" and upper is not None:
        lower, higher = _ordered_bounds(value, upper)
        assert higher is not None
        if higher <= 0:
            return _("giảm bình quân từ {lower} đến {upper}").format(
                lower=explain.num(-higher), upper=amount(lower))
        if lower >= 0:
            return _("tăng bình quân từ {lower} đến {upper}").format(
                lower=explain.num(lower), upper=amount(higher))
        return _("thay đổi trong khoảng từ giảm {lower} đến tăng {upper}").format(
            lower=amount(lower), upper=amount(higher))
    if value == 0:
        still = {"<=": _("không tăng"), "<": _("giảm"), ">=": _("không giảm"), ">": _("tăng"),
                 "=": _("ổn định")}
        return still.get(comparator, _("ổn định"))
    rising = value > 0
    # Seen from the direction of the number: "more" of a fall is a bigger fall.
    towards = comparator if rising else _MIRRORED[comparator]
    templates = {
        ">=": _("bình quân từ {amount} trở lên"),
        ">": _("bình quân trên {amount}"),
        "<=": _("không quá {amount}"),
        "<": _("dưới {amount}"),
        "=": _("bình quân khoảng {amount}"),
    }
    phrase = templates.get(towards, "{amount}").format(amount=amount(value))
    verb = _("tăng") if rising else _("giảm")
    return _("{verb} {phrase}").format(verb=verb, phrase=phrase)


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
        text = _pace(comparator, value, upper, PERCENT_UNIT)
    elif kind == "annual_change":
        text = _pace(comparator, value, upper, unit)
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
