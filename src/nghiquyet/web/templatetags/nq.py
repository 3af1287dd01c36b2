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
def figure(value: Any, target: Any) -> str:
    """A target's figure as every page writes it: "Đạt"/"Chưa đạt" for a yes/no, the unit's
    precision otherwise (whole tấn, one decimal for %), without the unit (the column says
    it). ``target``: a Target (its unit) or a unit string."""
    if value is None or value == "":
        return ""
    unit = target if isinstance(target, str) else getattr(target, "unit", "") or ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    if unit == "đạt/không đạt" and number in (0, 1):
        return "Đạt" if number == 1 else "Chưa đạt"
    return vnformat.format_number(vnformat.round_for_unit(number, vnformat.unit_decimals(unit)))


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
    return target.as_registry_dict()


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
    "value.import": "Nhập từ tệp", "value.clear": "Xóa số nhập trực tiếp",
    "value.move": "Chuyển sang đơn vị sáp nhập",
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


@register.filter
def period_label(code: str) -> str:
    """A period code in words: "2026H1" -> "6 tháng đầu năm 2026"."""
    from nghiquyet.figures.periods import parse_period

    try:
        return parse_period(str(code)).label
    except ValueError:
        return str(code)


@register.filter
def basename(path: str) -> str:
    return str(path).rsplit("/", 1)[-1]


# --- navigation between a resolution's pages -----------------------------------------


def _user(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def resolution_crumbs(context: template.Context, resolution: Any, *trail: Any) -> str:
    """Breadcrumbs: Nghị quyết › <issuer> › trail. A trail item is a title, or a
    (title, url) pair for a link; only pages the user may open are given as links."""
    from django.urls import reverse
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    from nghiquyet.lib.i18n import gettext

    parts: list[tuple[str, str]] = [
        (gettext("Nghị quyết"), reverse("home")),
        (resolution.issuer.name, reverse("resolution_detail", args=[resolution.pk])),
    ]
    for item in trail:
        parts.append(tuple(item) if isinstance(item, (tuple, list)) else (str(item), ""))
    links = format_html_join(
        mark_safe(" › "), "{}",
        ((format_html('<a href="{}">{}</a>', url, title) if url
          else format_html('<span aria-current="page">{}</span>', title),) for title, url in parts))
    return format_html('<nav class="crumbs" aria-label="{}">{}</nav>', gettext("Vị trí"), links)


@register.simple_tag(takes_context=True)
def resolution_nav(context: template.Context, resolution: Any, current: str = "") -> str:
    """Links between a resolution's pages, each shown only to those who may open it."""
    from django.urls import reverse
    from django.utils.html import format_html, format_html_join

    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext

    user = _user(context)
    pk = resolution.pk
    links = [("detail", gettext("Chỉ tiêu"), reverse("resolution_detail", args=[pk])),
             ("dashboard", gettext("Tiến độ"), reverse("assessment:dashboard", args=[pk]))]
    if access.can_enter_in(user, resolution):
        links.append(("entry", gettext("Nhập số liệu"), reverse("figures:entry", args=[pk])))
        links.append(("exchange", gettext("Excel"), reverse("figures:exchange", args=[pk])))
    if access.can_approve_in(user, resolution):
        links.append(("approvals", gettext("Duyệt số liệu"),
                      reverse("figures:approvals", args=[pk])))
    links.append(("programmes", gettext("Chương trình hành động"),
                  reverse("programmes:list", args=[pk])))
    links.append(("report", gettext("Báo cáo"), reverse("reports:report", args=[pk])))
    items = format_html_join(
        "", "{}",
        ((format_html('<a href="{}" aria-current="page">{}</a>', url, title) if key == current
          else format_html('<a href="{}">{}</a>', url, title),) for key, title, url in links))
    return format_html('<nav class="res-nav no-print" aria-label="{}">{}</nav>',
                       gettext("Các trang của nghị quyết"), items)


@register.simple_tag
def illustrative_note(resolution: Any, known: bool | None = None) -> str:
    """The demo banner, only on a resolution holding illustrative figures: the demo's own
    (its note) or figures of units with illustrative names. One query; a real imported
    resolution never shows it. ``known``: the page already knows (from its own rows)."""
    from django.db.models import Q
    from django.utils.html import format_html

    from nghiquyet.figures.models import DataValue
    from nghiquyet.lib.i18n import gettext
    from nghiquyet.reports.selectors import DEMO_NOTE

    cached = known if known is not None else getattr(resolution, "_illustrative", None)
    if cached is None:
        cached = DataValue.objects.filter(series__resolution=resolution).filter(
            Q(orgunit__is_illustrative=True) | Q(note=DEMO_NOTE)).exists()
        resolution._illustrative = cached
    if not cached:
        return ""
    return format_html('<p class="illustrative-note">{}</p>', gettext(
        "Số liệu minh họa: các con số trong bản trình diễn này là giả định, "
        "không phải số liệu thật của xã."))


@register.simple_tag
def dashboard_crumb(resolution: Any, unit_code: str, year: Any) -> tuple[str, str]:
    """(title, url) of a resolution's dashboard for a unit and year, for resolution_crumbs."""
    from urllib.parse import urlencode

    from django.urls import reverse

    from nghiquyet.lib.i18n import gettext

    url = reverse("assessment:dashboard", args=[resolution.pk])
    return gettext("Tiến độ"), f"{url}?{urlencode({'unit': unit_code, 'year': year})}"
