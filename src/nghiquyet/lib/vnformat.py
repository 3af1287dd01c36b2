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
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return sign + out


def format_percent(value: Number | None, decimals: int | None = None) -> str:
    if value is None:
        return ""
    return f"{format_number(value, decimals)} %"


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
