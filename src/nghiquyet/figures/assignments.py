"""Who enters what: each data series of a resolution is assigned to officers (the units
reporting it follow from the series' reporting level). The entry grid and the home page's
"việc cần làm" read these assignments. Writes are audited services; reads are selectors
with a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role
from nghiquyet.accounts.types import User, Viewer
from nghiquyet.audit.services import audit_record
from nghiquyet.figures.models import DataValue, SeriesAssignment, ValueStatus
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Resolution

# --- services ----------------------------------------------------------------------------


@transaction.atomic
def series_assign(*, resolution: Resolution, series_ids: list[int], officer: User,
                  actor: Viewer | None) -> int:
    """Give ``officer`` the series (of this resolution); returns how many were new."""
    if actor is not None and not access.can_assign_series(actor, resolution):
        raise PermissionDenied
    if not access.assignable_officers(resolution).filter(pk=officer.pk).exists():
        raise PermissionDenied  # only an officer working under the issuer
    series = list(DataSeries.objects.filter(resolution=resolution, pk__in=series_ids))
    before = SeriesAssignment.objects.filter(user=officer, series__in=series).count()
    SeriesAssignment.objects.bulk_create(
        [SeriesAssignment(user=officer, series=s) for s in series], ignore_conflicts=True)
    audit_record(actor=actor, action="series.assign", target=resolution,
                 orgunit=resolution.issuer,
                 new={"officer": officer.get_username(), "series": [s.code for s in series]})
    return len(series) - before


@transaction.atomic
def series_unassign(*, assignment: SeriesAssignment, actor: Viewer | None) -> None:
    resolution = assignment.series.resolution
    if actor is not None and not access.can_assign_series(actor, resolution):
        raise PermissionDenied
    audit_record(actor=actor, action="series.unassign", target=resolution,
                 orgunit=resolution.issuer,
                 old={"officer": assignment.user.get_username(), "series": assignment.series.code})
    assignment.delete()


# --- selectors ---------------------------------------------------------------------------


@dataclass
class SeriesRow:
    series: DataSeries
    indicator: int | None
    assigned: list[SeriesAssignment]
    has_values: bool = False


def assignment_page(resolution: Resolution) -> list[SeriesRow]:
    """Every series with its first indicator number, its officers and whether it has
    figures: four queries."""
    series = (DataSeries.objects.filter(resolution=resolution)
              .prefetch_related(Prefetch("assignments", queryset=SeriesAssignment.objects
                                         .select_related("user").order_by("user__first_name")))
              .order_by("id"))
    # The smallest indicator number of each series (the dict keeps the last pair).
    numbers = dict(DataSeries.objects.filter(resolution=resolution)
                   .values_list("id", "targets__indicator__number")
                   .order_by("-targets__indicator__number"))
    with_values = set(DataValue.objects.filter(series__resolution=resolution)
                      .values_list("series_id", flat=True).distinct())
    rows = [SeriesRow(s, numbers.get(s.pk), list(s.assignments.all()), s.pk in with_values)
            for s in series]
    return sorted(rows, key=lambda r: (r.indicator or 10_000, r.series.pk))


def current_period(resolution: Resolution, series_kind: str, today: dt.date) -> str:
    year = min(max(today.year, resolution.term_start + 1), resolution.term_end)
    if series_kind == "H":
        return f"{year}H{1 if today.month <= 6 or year != today.year else 2}"
    if series_kind == "Q":
        return f"{year}Q{(today.month - 1) // 3 + 1 if year == today.year else 4}"
    return str(year)


@dataclass
class Waiting:
    """What waits for a user on the home page, per resolution."""

    to_enter: dict[int, int] = field(default_factory=dict)  # resolution id -> figures
    to_approve: dict[int, int] = field(default_factory=dict)
    returned: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.to_enter or self.to_approve or self.returned)


def work_waiting(user: Viewer, resolutions: list[Resolution], today: dt.date) -> Waiting:
    """Figures of this period the user should enter and has not sent yet (their assigned
    series for an officer; their unit's series for a reporter), submitted figures they
    may approve, and their figures returned to them. A fixed number of queries."""
    waiting = Waiting()
    if not resolutions or not isinstance(user, User) or not user.is_active:
        return waiting
    ids = [r.pk for r in resolutions]
    by_id = {r.pk: r for r in resolutions}
    held = access.scopes(user)
    assigned = set(SeriesAssignment.objects.filter(user_id=user.pk,
                                                   series__resolution_id__in=ids)
                   .values_list("series_id", flat=True))
    series = list(DataSeries.objects.filter(resolution_id__in=ids).values_list(
        "id", "resolution_id", "reporting_unit_type", "period_kind"))
    wanted: list[tuple[int, int, int, str]] = []  # (resolution, series, unit, period)
    officer_units = [u for role, u in held if role == Role.OFFICER]
    reporter_units = [u for role, u in held if role == Role.REPORTER]
    units_by_type: dict[str, list[OrgUnit]] = {}
    if officer_units:
        cond = Q(pk__in=[])
        for u in officer_units:
            cond |= Q(path__startswith=u.path)
        for unit in OrgUnit.objects.filter(cond, is_active=True):
            units_by_type.setdefault(unit.type, []).append(unit)
    for sid, rid, unit_type, kind in series:
        period = current_period(by_id[rid], kind, today)
        issuer = by_id[rid].issuer
        if sid in assigned:
            wanted += [(rid, sid, u.pk, period) for u in units_by_type.get(unit_type, [])
                       if u.is_within(issuer)]
        wanted += [(rid, sid, u.pk, period) for u in reporter_units
                   if u.type == unit_type and u.is_within(issuer)]
    if wanted:
        done = set(DataValue.objects.filter(
            series_id__in={w[1] for w in wanted}, orgunit_id__in={w[2] for w in wanted},
            period__in={w[3] for w in wanted},
            status__in=[ValueStatus.SUBMITTED, ValueStatus.APPROVED],
        ).values_list("series_id", "orgunit_id", "period"))
        for rid, sid, uid, period in set(wanted):
            if (sid, uid, period) not in done:
                waiting.to_enter[rid] = waiting.to_enter.get(rid, 0) + 1
    if any(role == Role.LEADER for role, _ in held) or access.is_system_admin(user):
        submitted = list(DataValue.objects.filter(series__resolution_id__in=ids,
                                                  status=ValueStatus.SUBMITTED,
                                                  orgunit__in=access.approval_units(user))
                         .select_related("orgunit", "series"))
        # the four-eyes rule has one home (access.approvable_values)
        for value in access.approvable_values(user, submitted):
            rid = value.series.resolution_id
            waiting.to_approve[rid] = waiting.to_approve.get(rid, 0) + 1
    returned = (DataValue.objects.filter(series__resolution_id__in=ids,
                                         status=ValueStatus.RETURNED)
                .filter(Q(submitted_by_id=user.pk) | Q(updated_by_id=user.pk))
                .values("series__resolution_id").annotate(n=Count("id")))
    waiting.returned = {r["series__resolution_id"]: r["n"] for r in returned}
    return waiting


# --- which units report a series --------------------------------------------------------

_AGGREGATION_BELOW = {"number": "sum", "ratio": "ratio_of_sums", "yes_no": "count_yes"}


class LevelError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def series_set_level(*, series: DataSeries, unit_type: str, actor: Viewer | None) -> DataSeries:
    """Say which units report a series: the issuer itself, or each unit of a type below it
    (villages, Party cells, schools, agencies), which the issuer's figure then adds up.
    Only while the series has no figures: changing it later would change what the
    entered figures mean."""
    from nghiquyet.figures.store import rebuild_figures
    from nghiquyet.lib.i18n import gettext as _
    from nghiquyet.orgunits.models import OrgUnitType

    resolution = series.resolution
    if actor is not None and not access.can_assign_series(actor, resolution):
        raise PermissionDenied
    issuer = resolution.issuer
    allowed = {issuer.type, *(t for t in (OrgUnitType.VILLAGE, OrgUnitType.PARTY_CELL,
                                          OrgUnitType.SCHOOL, OrgUnitType.AGENCY))}
    if unit_type not in allowed:
        raise LevelError(_("Cấp báo cáo “%(level)s” không dùng được cho chỉ tiêu này.")
                         % {"level": unit_type})
    if DataValue.objects.filter(series=series).exists():
        raise LevelError(_("Chỉ tiêu “%(name)s” đã có số liệu nên không đổi được cấp báo cáo.")
                         % {"name": series.name[:80]})
    old = (series.reporting_unit_type, series.aggregation)
    series.reporting_unit_type = unit_type
    if unit_type == issuer.type:
        series.aggregation = "none" if series.value_type == "yes_no" else series.aggregation
    else:
        series.aggregation = _AGGREGATION_BELOW.get(series.value_type, series.aggregation)
    series.save(update_fields=["reporting_unit_type", "aggregation"])
    rebuild_figures(series_ids=[series.pk])
    audit_record(actor=actor, action="series.level", target=series, orgunit=issuer,
                 old={"reporting_unit_type": old[0], "aggregation": old[1]},
                 new={"reporting_unit_type": unit_type, "aggregation": series.aggregation})
    return series


def level_choices(resolution: Resolution) -> list[tuple[str, str, int]]:
    """(type, label, number of active units of that type under the issuer): one query."""
    from nghiquyet.orgunits.models import OrgUnitType

    issuer = resolution.issuer
    counts = dict(OrgUnit.objects.descendants(issuer).filter(is_active=True)
                  .values_list("type").annotate(n=Count("id")).values_list("type", "n"))
    out = [(issuer.type, str(OrgUnitType(issuer.type).label), 1)]
    out += [(t.value, str(t.label), counts.get(t.value, 0))
            for t in (OrgUnitType.VILLAGE, OrgUnitType.PARTY_CELL, OrgUnitType.SCHOOL,
                      OrgUnitType.AGENCY)]
    return out
