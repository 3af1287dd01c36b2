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
    from nghiquyet.progress import describe_target

    return describe_target(_as_dict(target))


@register.filter
def deadline_text(target: Any) -> str:
    from nghiquyet.progress import describe_deadline

    return describe_deadline(_as_dict(target))


def _as_dict(target: Any) -> dict[str, Any]:
    if isinstance(target, dict):
        return target
    return target.as_registry_dict()  # type: ignore[no-any-return]


@register.filter
def ratio_pct(numerator: Any, denominator: Any) -> str:
    try:
        num, den = Decimal(str(numerator)), Decimal(str(denominator))
    except (ArithmeticError, ValueError):
        return ""
    if not den:
        return ""
    return vnformat.format_number(num / den * 100, 1)


_FIELD_LABELS = {
    "value": "Giá trị", "numerator": "Tử số", "denominator": "Mẫu số", "period": "Kỳ",
    "note": "Ghi chú", "evidence": "Minh chứng", "is_estimate": "Ước thực hiện",
}


@register.filter
def field_label(name: str) -> str:
    from nghiquyet.lib.i18n import gettext

    return gettext(_FIELD_LABELS.get(name, name))


_ACTIONS = {
    "value.create": "Nhập mới", "value.update": "Sửa", "value.submit": "Gửi duyệt",
    "value.approve": "Duyệt", "value.return": "Trả lại", "value.reopen": "Mở lại",
    "value.import": "Nhập từ tệp",
}
_STATUS = {"draft": "đang nhập", "submitted": "chờ duyệt", "approved": "đã duyệt",
           "returned": "trả lại"}


@register.filter
def action_label(action: str) -> str:
    from nghiquyet.lib.i18n import gettext

    return gettext(_ACTIONS.get(action, action))


@register.filter
def snapshot_text(snap: Any) -> str:
    """A value's audit snapshot, written for people: "41.200 (ước) · chờ duyệt"."""
    from nghiquyet.lib.i18n import gettext

    if not snap:
        return "—"
    if snap.get("numerator") is not None and snap.get("denominator") is not None:
        text = f"{vn_number(snap['numerator'])}/{vn_number(snap['denominator'])}"
    elif snap.get("value") is not None:
        text = vn_number(snap["value"])
    else:
        text = "—"
    if snap.get("is_estimate"):
        text += " " + gettext("(ước)")
    status = snap.get("status")
    return f"{text} · {gettext(_STATUS.get(status, status))}" if status else text
