"""Template filters that write numbers, dates and targets the Vietnamese way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template

from nghiquyet.lib import vnformat

register = template.Library()


@register.filter
def vn_number(value: Any, decimals: Any = None) -> str:
    if value is None or value == "":
        return ""
    try:
        places = int(decimals) if decimals not in (None, "") else None
        return vnformat.format_number(Decimal(str(value)), places)
    except (ValueError, ArithmeticError):
        return str(value)


@register.filter
def vn_date(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return vnformat.format_datetime(value)
    return vnformat.format_date(value)


@register.filter
def target_text(target: Any) -> str:
    from nghiquyet.assessment import describe_target

    return describe_target(_as_dict(target))


@register.filter
def deadline_text(target: Any) -> str:
    from nghiquyet.assessment import describe_deadline

    return describe_deadline(_as_dict(target))


def _as_dict(target: Any) -> dict[str, Any]:
    if isinstance(target, dict):
        return target
    return target.as_registry_dict()  # type: ignore[no-any-return]
