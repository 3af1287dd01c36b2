"""Reminders: tasks coming due, tasks fallen overdue, figure periods about to close,
and a weekly digest for leaders (and supervisors). Run daily by ``nghiquyet send_reminders``.

Every notification has a key naming what it is about (the task and its due date,
the period, the week); a second run on the same day finds them all made already.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from nghiquyet.accounts.models import Role, RoleAssignment
from nghiquyet.accounts.types import User, Viewer, as_user
from nghiquyet.audit.services import audit_record
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_date
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.models import (
    ACTIVE_STATUSES,
    Notification,
    NotificationKind,
    ProgrammeItem,
    ReminderRun,
)
from nghiquyet.resolutions.models import DataSeries

DEFAULT_DAYS_BEFORE = 7
DIGEST_WEEKDAY = 0  # Monday


def _assignments() -> list[RoleAssignment]:
    return list(RoleAssignment.objects.select_related("user", "orgunit")
                .filter(user__is_active=True))


def leaders_over(units: Iterable[OrgUnit],
                 assignments: list[RoleAssignment] | None = None) -> dict[int, list[Any]]:
    """Leaders whose scope holds each unit, by unit id."""
    rows = assignments if assignments is not None else _assignments()
    out: dict[int, list[Any]] = {}
    for unit in units:
        seen: dict[int, Any] = {}
        for a in rows:
            if a.role == Role.LEADER and unit.is_within(a.orgunit):
                seen.setdefault(a.user.pk, a.user)
        out[unit.pk] = list(seen.values())
    return out


def lead_unit_people(item: ProgrammeItem, assignments: list[RoleAssignment]) -> list[Any]:
    """Who hears about a task: its responsible person; else the officers and reporters of
    the lead unit itself; else the officers whose scope holds it."""
    if item.responsible is not None and item.responsible.is_active:
        return [item.responsible]
    own = {a.user.pk: a.user for a in assignments
           if a.role in (Role.OFFICER, Role.REPORTER) and a.orgunit.pk == item.lead_unit.pk}
    if own:
        return list(own.values())
    return list({a.user.pk: a.user for a in assignments
                 if a.role == Role.OFFICER and item.lead_unit.is_within(a.orgunit)}.values())


class _Batch:
    """Notifications to make in one run, written with one query and one key lookup."""

    def __init__(self) -> None:
        self.pending: dict[str, Notification] = {}

    def add(self, user: User, kind: str, key: str, title: str, body: str = "",
            item: ProgrammeItem | None = None, url: str = "") -> None:
        if key not in self.pending:
            self.pending[key] = Notification(user=user, kind=kind, key=key[:200],
                                             title=title[:500], body=body, item=item, url=url)

    def save(self) -> list[Notification]:
        existing = set(Notification.objects.filter(key__in=list(self.pending))
                       .values_list("key", flat=True))
        fresh = [n for key, n in self.pending.items() if key not in existing]
        Notification.objects.bulk_create(fresh, ignore_conflicts=True)
        return fresh


def _item_title(prefix: str, item: ProgrammeItem) -> str:
    text = item.content if len(item.content) <= 90 else item.content[:89] + "…"
    return f"{prefix}: {item.number} {text}".replace("  ", " ")


def _due_and_overdue(batch: _Batch, today: dt.date, days: int,
                     assignments: list[RoleAssignment]) -> None:
    horizon = today + dt.timedelta(days=days)
    items = (ProgrammeItem.objects.filter(status__in=ACTIVE_STATUSES, due_date__lte=horizon,
                                          proposed_at__isnull=True)
             .select_related("lead_unit", "responsible"))
    for item in items:
        url = reverse("programmes:item", args=[item.pk])
        due = format_date(item.due_date)
        for user in lead_unit_people(item, assignments):
            if item.due_date < today:
                batch.add(user, NotificationKind.OVERDUE,
                          f"overdue:{item.pk}:{item.due_date}:{user.pk}",
                          _item_title(_("Quá hạn"), item),
                          _("Hạn hoàn thành %(due)s đã qua. Hãy cập nhật tiến độ hoặc đề nghị "
                            "hoàn thành.") % {"due": due}, item, url)
            else:
                batch.add(user, NotificationKind.DUE_SOON,
                          f"due_soon:{item.pk}:{item.due_date}:{user.pk}",
                          _item_title(_("Sắp đến hạn"), item),
                          _("Hạn hoàn thành: %(due)s.") % {"due": due}, item, url)


def _figures_due(batch: _Batch, today: dt.date, days: int,
                 assignments: list[RoleAssignment]) -> None:
    from nghiquyet.figures.periods import PeriodCode

    kinds: dict[int, set[str]] = defaultdict(set)
    issuers: dict[int, OrgUnit] = {}
    for series in DataSeries.objects.select_related("resolution__issuer").only(
            "period_kind", "resolution__id", "resolution__issuer"):
        kinds[series.resolution_id].add(series.period_kind)
        issuers[series.resolution_id] = series.resolution.issuer
    for resolution_id, period_kinds in kinds.items():
        issuer = issuers[resolution_id]
        people = {a.user.pk: a.user for a in assignments
                  if (a.role == Role.OFFICER and (a.orgunit.is_within(issuer)
                                                  or issuer.is_within(a.orgunit)))
                  or (a.role == Role.REPORTER and a.orgunit.is_within(issuer))}
        url = reverse("figures:entry", args=[resolution_id])
        for kind in sorted(period_kinds):
            for year, k, index in whenmod.figure_periods_due(kind, today, days):
                period = PeriodCode(year, k, index)
                deadline = whenmod.figures_deadline(year, k, index or 1)
                for user in people.values():
                    batch.add(user, NotificationKind.FIGURES_DUE,
                              f"figures_due:{resolution_id}:{period.code}:{user.pk}",
                              _("Sắp đến hạn báo cáo số liệu %(period)s")
                              % {"period": period.label.lower()},
                              _("Hạn gửi số liệu: %(date)s.") % {"date": format_date(deadline)},
                              url=url)


def _digest(batch: _Batch, today: dt.date, days: int,
            assignments: list[RoleAssignment]) -> None:
    year, week, _weekday = today.isocalendar()
    horizon = today + dt.timedelta(days=days)
    rows = list(ProgrammeItem.objects.filter(status__in=ACTIVE_STATUSES)
                .select_related("lead_unit").only("status", "due_date", "proposed_at",
                                                  "lead_unit__path"))
    url = reverse("programmes:overdue")
    # Leaders, and those who watch from above (supervisors, system admins), over their scope.
    readers = (Role.LEADER, Role.SUPERVISOR, Role.ADMIN)
    leaders = {a.user.pk: a.user for a in assignments if a.role in readers}
    scopes: dict[int, list[OrgUnit]] = defaultdict(list)
    for a in assignments:
        if a.role in readers:
            scopes[a.user.pk].append(a.orgunit)
    for user_id, user in leaders.items():
        mine = [i for i in rows if any(i.lead_unit.is_within(u) for u in scopes[user_id])]
        if not mine:
            continue
        overdue = sum(1 for i in mine if i.due_date < today)
        soon = sum(1 for i in mine if today <= i.due_date <= horizon)
        waiting = sum(1 for i in mine if i.proposed_at is not None)
        batch.add(user, NotificationKind.DIGEST, f"digest:{user_id}:{year}-W{week:02d}",
                  _("Tổng hợp tuần %(week)d/%(year)d: %(overdue)d nhiệm vụ quá hạn")
                  % {"week": week, "year": year, "overdue": overdue},
                  _("%(overdue)d nhiệm vụ quá hạn, %(soon)d nhiệm vụ đến hạn trong %(days)d "
                    "ngày tới, %(waiting)d nhiệm vụ chờ xác nhận hoàn thành.")
                  % {"overdue": overdue, "soon": soon, "days": days, "waiting": waiting},
                  url=url)


def _email(fresh: list[Notification]) -> int:
    if not getattr(settings, "NGHIQUYET_EMAIL_NOTIFICATIONS", False):
        return 0
    base = getattr(settings, "NGHIQUYET_BASE_URL", "").rstrip("/")
    sent: list[int] = []
    for note in fresh:
        address = note.user.email
        if not address:
            continue
        body = "\n\n".join(p for p in (note.body, f"{base}{note.url}" if note.url else "") if p)
        send_mail(note.title, body, None, [address], fail_silently=False)
        sent.append(note.pk)
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return len(sent)


@transaction.atomic
def send_reminders(*, today: dt.date | None = None, days_before: int = DEFAULT_DAYS_BEFORE,
                   digest: bool | None = None, actor: Viewer | None = None) -> ReminderRun:
    """Make the day's notifications (and e-mails, when configured); idempotent per day.
    The digest goes out on Mondays unless ``digest`` says otherwise."""
    today = today or timezone.localdate()
    assignments = _assignments()
    batch = _Batch()
    _due_and_overdue(batch, today, days_before, assignments)
    _figures_due(batch, today, days_before, assignments)
    if digest or (digest is None and today.weekday() == DIGEST_WEEKDAY):
        _digest(batch, today, days_before, assignments)
    fresh = batch.save()
    if fresh and fresh[0].pk is None:  # backends without RETURNING
        fresh = list(Notification.objects.filter(key__in=[n.key for n in fresh])
                     .select_related("user"))
    emailed = _email(fresh)
    run = ReminderRun.objects.create(on=today, created=len(fresh), emailed=emailed)
    by_kind: dict[str, int] = defaultdict(int)
    for note in fresh:
        by_kind[note.kind] += 1
    audit_record(actor=actor, action="programme.reminders", target=run,
                 new={"on": today.isoformat(), "created": dict(by_kind), "emailed": emailed})
    return run


def unread_count(user: Viewer) -> int:
    person = as_user(user)
    if person is None:
        return 0
    return Notification.objects.filter(user=person, read_at__isnull=True).count()

