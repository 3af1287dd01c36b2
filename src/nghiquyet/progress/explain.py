"""Pieces of the Vietnamese explanation sentences: numbers, quantities, paces.

Every number goes through ``format_number`` (1.234,5). Each phrase is a
whole translatable template with named placeholders, so a translator can
reorder it; the pieces are joined into one sentence by the kind modules.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.i18n import text_is_discarded
from nghiquyet.lib.vnformat import format_number, join_unit, round_for_unit, unit_decimals

# Enough digits for any finite float (about 1.8e308) with two decimals: the
# default 28 would make format_number raise on very large values.
_PRECISION = 400


def num(value: float, decimals: int | None = None) -> str:
    if text_is_discarded():
        return ""
    with localcontext() as context:
        context.prec = _PRECISION
        return format_number(value, decimals)


def _rounded(value: float, places: int) -> Decimal:
    with localcontext() as context:
        context.prec = _PRECISION
        return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


# A compound growth rate is shown with one decimal ("5,7 %/năm"), as reports
# do; a change per year in the unit with up to two, so that (13,5 - 11)/2
# reads 1,25 as a person checking by hand would find it.
GROWTH_PLACES = 1
CHANGE_PLACES = 2


def rate(value: float, places: int = GROWTH_PLACES) -> str:
    """A computed rate or pace, rounded half up; one more decimal when it would show a false 0."""
    if text_is_discarded():
        return ""
    if not math.isfinite(value):
        return num(value)  # format_number's dash
    shown = _rounded(value, places)
    if shown == 0 and value != 0:
        shown = _rounded(value, places + 1)
    with localcontext() as context:
        context.prec = _PRECISION
        return format_number(shown)


def quantity(
    value: float,
    unit: str,
    *,
    denominator: float | None = None,
    yes_no: bool = False,
    exact: bool = True,
) -> str:
    """``780 triệu đồng``, ``41%``, ``4/7 trường``, ``đạt``, at the unit's precision
    (whole tấn, ha, người; one decimal for %: ``vnformat.unit_decimals``).

    ``exact=False`` rounds like a rate: for projections, whose decimals are noise.
    """
    if text_is_discarded():
        return ""
    if yes_no and value in (0, 1):
        return _("đạt") if value == 1 else _("chưa đạt")
    places = 0 if denominator is not None else unit_decimals(unit)
    if places is not None and math.isfinite(value):
        text = num(float(round_for_unit(value, places)))
    else:
        text = num(value) if exact else rate(value)
    if denominator is not None:
        text = _("{count}/{total}").format(count=text, total=num(denominator))
    if not unit or yes_no:
        return text
    return join_unit(text, unit)


def per_year(amount: str, unit: str) -> str:
    """``5,7%/năm``, ``2 bản/năm``, ``1,5 điểm %/năm``."""
    if not unit:
        return _("{amount}/năm").format(amount=amount)
    return join_unit(amount, _("{unit}/năm").format(unit=unit))


def change(pace: float, unit: str, places: int = GROWTH_PLACES) -> str:
    """``tăng bình quân 5,7 %/năm``, ``giảm bình quân 1,5 điểm %/năm``, ``không đổi``."""
    if pace == 0:
        return _("không đổi")
    amount = per_year(rate(abs(pace), places), unit)
    if pace > 0:
        return _("tăng bình quân {amount}").format(amount=amount)
    return _("giảm bình quân {amount}").format(amount=amount)


def required_and_observed(
    required: float, observed: float, unit: str, places: int = GROWTH_PLACES
) -> str:
    """``cần tăng bình quân 5,7 %/năm, thực tế 5,6 %/năm``.

    The observed pace drops its verb when it goes the required way, as a
    person would write it, and keeps it ("thực tế giảm bình quân ...") when
    it goes the other way.
    """
    if (required > 0) == (observed > 0) and observed != 0 and required != 0:
        observed_text = per_year(rate(abs(observed), places), unit)
    else:
        observed_text = change(observed, unit, places)
    return _("cần {required}, thực tế {observed}").format(
        required=change(required, unit, places), observed=observed_text
    )


def years(first: int, last: int) -> str:
    """``2026-2027``, or ``2026`` for one year; years are never grouped as numbers."""
    if first >= last:
        return str(last)
    return _("{first}-{last}").format(first=first, last=last)


def year_list(values: list[int]) -> str:
    return ", ".join(str(year) for year in values)


def join_clauses(*clauses: str) -> str:
    """One sentence from its clauses, the way the contract's example is written."""
    return "; ".join(clause for clause in clauses if clause)
