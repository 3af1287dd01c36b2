"""Template helpers of the action programme: a task's status as shown (with "quá hạn"
derived from the date) and the notification bell of the header."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.models import Recurrence
from nghiquyet.programmes.selectors import status_label

register = template.Library()


@register.inclusion_tag("programmes/_status.html")
def item_status(item: Any, today: dt.date) -> dict[str, Any]:
    shown = item.shown_status(today)
    return {"key": shown, "label": status_label(shown), "proposed": item.is_proposed}


@register.filter
def when_text(item: Any) -> str:
    """How a task's time reads: the programme's own phrase, else one made from the dates."""
    if item.due_text:
        return str(item.due_text)
    if item.recurrence == Recurrence.YEARLY:
        return whenmod.describe_when(whenmod.When(item.start_date, item.due_date,
                                                  whenmod.YEARLY, item.recurrence_quarter))
    return whenmod.describe_when(whenmod.When(item.start_date, item.due_date, item.recurrence))


@register.inclusion_tag("programmes/_bell.html", takes_context=True)
def notification_bell(context: dict[str, Any]) -> dict[str, Any]:
    from nghiquyet.programmes.reminders import unread_count

    request = context.get("request")
    user = getattr(request, "user", None)
    return {"unread": unread_count(user) if user is not None else 0,
            "authenticated": getattr(user, "is_authenticated", False)}


@register.filter
def overdue_on(item: Any, today: dt.date) -> bool:
    return bool(item.is_overdue(today))


@register.inclusion_tag("programmes/_indicator_tasks.html", takes_context=True)
def indicator_tasks(context: dict[str, Any], indicator: Any) -> dict[str, Any]:
    """The programme's tasks that serve an indicator, for the indicator's page."""
    from django.utils import timezone

    from nghiquyet.programmes.selectors import items_for_indicator

    request = context.get("request")
    today = timezone.localdate()
    return {"items": items_for_indicator(request.user, indicator) if request else [],
            "today": today, "indicator": indicator}


@register.filter
def iso_date(value: str | None) -> str:
    """A date kept as ISO text (an import draft's) written dd/mm/yyyy."""
    from nghiquyet.lib.vnformat import format_date

    try:
        return format_date(dt.date.fromisoformat(value)) if value else ""
    except ValueError:
        return str(value)
