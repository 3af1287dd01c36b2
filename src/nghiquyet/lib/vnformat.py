"""Vietnamese number and date formats: 1.234,5 and dd/mm/yyyy.

Django-free so the parser, the assessment maths and the report writers share
one implementation.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation, localcontext

Number = int | float | Decimal

_VN_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^[+-]?\d+(?:,\d+)?$")


def format_number(value: Number | None, decimals: int | None = None) -> str:
    """Format ``value`` the Vietnamese way: ``49305`` -> ``49.305``, ``71.4`` -> ``71,4``.

    With ``decimals=None`` up to two decimals are kept and trailing zeros dropped.
    """
    if value is None:
        return ""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return "—"
    dec = Decimal(str(value))
    places = 2 if decimals is None else decimals
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        # Enough digits for any figure a resolution holds, and then some.
        ctx.prec = max(60, dec.adjusted() + places + 2)
        dec = dec.quantize(quantum)
    if dec == 0:
        dec = abs(dec)  # no "-0"
    sign = "-" if dec < 0 else ""
    text = f"{abs(dec):f}"
    whole, _, frac = text.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return sign + out


def format_percent(value: Number | None, decimals: int | None = None) -> str:
    """``71,4%``: the sign stands against the number, as resolutions write it."""
    if value is None:
        return ""
    return join_unit(format_number(value, decimals), PERCENT)


PERCENT = "%"
PERCENT_POINT = "điểm %"
# Quantities counted or measured in whole units: a report writes 50.336 tấn, not 50.336,3.
WHOLE_UNITS = frozenset({
    "tấn", "ha", "người", "hộ", "bản", "thôn", "xóm", "trường", "đảng viên", "con",
    "lao động", "học sinh", "cơ sở", "công trình", "chi bộ", "tổ chức", "lượt", "vụ",
    "doanh nghiệp", "hợp tác xã", "m²", "m2", "m³", "m3", "km",
})


def unit_decimals(unit: str) -> int | None:
    """How many decimals a figure in ``unit`` is written with: one for % (and
    percentage points), none for whole units (tấn, ha, người, bản...), else
    None (up to two, trailing zeros dropped)."""
    unit = unit.strip()
    if unit in (PERCENT, PERCENT_POINT):
        return 1
    if unit in WHOLE_UNITS:
        return 0
    return None


def join_unit(amount: str, unit: str) -> str:
    """``41.200 tấn``, ``25,3%``, ``5,7%/năm``: one rule for the space before a unit.

    "%" stands against its number (25,3%), as the resolutions and most Party and
    State documents write it; every other unit, "điểm %" included, after a space.
    """
    unit = unit.strip()
    if not unit:
        return amount
    if unit.startswith(PERCENT):
        return f"{amount}{unit}"
    return f"{amount} {unit}"


def format_quantity(value: Number | None, unit: str, denominator: Number | None = None) -> str:
    """A measured figure with its unit at the unit's precision: ``50.336 tấn``, ``25,3%``,
    ``4/7 trường``."""
    if value is None:
        return ""
    places = 0 if denominator is not None else unit_decimals(unit)
    text = format_number(round_for_unit(value, places))
    if denominator is not None:
        text = f"{text}/{format_number(denominator)}"
    return join_unit(text, unit)


def round_for_unit(value: Number, places: int | None) -> Decimal:
    """``value`` rounded half up to ``places`` (None: two, as format_number does)."""
    with localcontext() as ctx:
        dec = Decimal(str(value))
        ctx.prec = max(60, dec.adjusted() + 4)
        return dec.quantize(Decimal(1).scaleb(-(2 if places is None else places)),
                            rounding="ROUND_HALF_UP")


def parse_number(text: str) -> Decimal:
    """Read a Vietnamese-format number: ``49.305`` -> 49305, ``71,4`` -> 71.4, ``05`` -> 5.

    Raises ValueError on anything else.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _VN_NUMBER.match(cleaned):
        raise ValueError(f"not a Vietnamese-format number: {text!r}")
    cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise ValueError(f"not a number: {text!r}") from exc


def format_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")
