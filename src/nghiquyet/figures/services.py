"""Writes to figures. Each is atomic, checks access, and leaves an audit row with the
old and new snapshot, so the history of a figure is its audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.audit.models import AuditEvent
from nghiquyet.audit.services import actor_fields, audit_record
from nghiquyet.figures.models import DataValue, ValueStatus
from nghiquyet.figures.periods import PeriodCode
from nghiquyet.figures.plausibility import Planned, plausibility_context
from nghiquyet.figures.store import rebuild_figures, refresh_figures
from nghiquyet.figures.validation import (
    Entry,
    Issue,
    SeriesSpec,
    note_issues,
    plausibility_issues,
    stored_entry,
    validate_entry,
)
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries


class InvalidValue(Exception):
    """A figure refused by validation; ``issues`` say which field and why."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("; ".join(i.message for i in issues))


class ConflictError(Exception):
    """Someone else changed the figure since the form was opened."""

    def __init__(self, current: DataValue | None):
        self.current = current
        super().__init__(_("Số liệu vừa được người khác thay đổi. Tải lại để xem bản mới nhất "
                           "rồi nhập lại."))


class WorkflowError(Exception):
    pass


@dataclass
class SaveResult:
    value: DataValue
    warnings: list[Issue] = field(default_factory=list)
    created: bool = False
    changed: bool = True  # False: the figure already held this; nothing was written


def series_spec(series: DataSeries, orgunit: OrgUnit | None = None) -> SeriesSpec:
    """How an entry of ``series`` is checked; for ``orgunit``, a yes/no series entered above
    the units that report it is a count of those that meet it (``entry_value_type``)."""
    resolution = series.resolution
    value_type = entry_value_type(series, orgunit.type) if orgunit is not None \
        else series.value_type
    return SeriesSpec(value_type=value_type, unit=series.unit,
                      term_start=resolution.term_start, term_end=resolution.term_end,
                      period_kind=series.period_kind)


def entry_value_type(series: DataSeries, unit_type: str) -> str:
    """What a unit of ``unit_type`` enters for ``series``: ``yes_no`` where it reports the
    series itself, ``count`` (how many of its units meet it) above them; else the series'
    own type (number, ratio)."""
    if series.value_type == "yes_no" and unit_type != series.reporting_unit_type:
        return "count"
    return series.value_type


def _lock_current(series: DataSeries, orgunit: OrgUnit, period: str) -> DataValue | None:
    return (DataValue.objects.select_for_update()
            .filter(series=series, orgunit=orgunit, period=period).first())


def _check_version(current: DataValue | None, expected_version: int | None) -> None:
    """``expected_version`` 0 means "I saw no figure"; None skips the check (imports)."""
    if expected_version is None:
        return
    seen = current.version if current else 0
    if seen != expected_version:
        raise ConflictError(current)


def checked_entry(series: DataSeries, period: PeriodCode, value: Decimal | None,
                  numerator: Decimal | None, denominator: Decimal | None,
                  note: str, orgunit: OrgUnit | None = None) -> tuple[Entry, list[Issue]]:
    """The entry rounded to the stored precision, and its errors (no warnings): the
    checks every path runs before anything is written."""
    entry, issues = stored_entry(Entry(period, value, numerator, denominator))
    if not issues:
        issues = [i for i in validate_entry(series_spec(series, orgunit), entry) if i.is_error]
    return entry, issues + note_issues(note)


def is_unchanged(current: DataValue, entry: Entry, is_estimate: bool, note: str) -> bool:
    """Writing this entry would change nothing: an unchanged row is a no-op that keeps the
    figure's state (a submitted figure stays submitted, an approved one stays locked)."""
    return (current.value == entry.value and current.numerator == entry.numerator
            and current.denominator == entry.denominator
            and current.is_estimate == is_estimate and current.note == note)


@transaction.atomic
def value_save(
    *, actor: Viewer | None, series: DataSeries, orgunit: OrgUnit, period: PeriodCode,
    value: Decimal | None = None, numerator: Decimal | None = None,
    denominator: Decimal | None = None, is_estimate: bool = False, note: str = "",
    evidence: Any = None, expected_version: int | None = None, reason: str = "",
    check_access: bool = True,
) -> SaveResult:
    """Save one figure. Numbers are rounded to the stored precision before they are
    checked; the result holds what was stored. The warnings (a jump against last year, a
    gap to the sub-units' total) are looked up here, so every path gives the same ones."""
    if check_access and not access.can_enter_value(actor, series, orgunit):
        raise PermissionDenied
    entry, errors = checked_entry(series, period, value, numerator, denominator, note, orgunit)
    if errors:
        raise InvalidValue(errors)
    context = plausibility_context(Planned(series, orgunit, period, entry.value,
                                           entry.numerator, entry.denominator, is_estimate))
    warnings = plausibility_issues(series_spec(series, orgunit), entry,
                                   last_year=context.last_year,
                                   sub_units_total=context.sub_units_total)
    current = _lock_current(series, orgunit, period.code)
    if current is not None and evidence is None and is_unchanged(current, entry, is_estimate,
                                                                  note):
        return SaveResult(current, warnings, created=False, changed=False)
    _check_version(current, expected_version)
    if current is not None and current.is_locked:
        raise WorkflowError(_("Số liệu đã được duyệt và khóa. Cần mở lại trước khi sửa."))
    created = current is None
    obj = current or DataValue(series=series, orgunit=orgunit, period=period.code,
                               year=period.year, version=0)
    old = None if created else obj.snapshot()
    obj.value, obj.numerator, obj.denominator = entry.value, entry.numerator, entry.denominator
    obj.is_estimate, obj.note = is_estimate, note
    if evidence is not None:
        obj.evidence = evidence
    # An edited figure goes back to draft: what was submitted is no longer what is there.
    obj.status = ValueStatus.DRAFT
    obj.version += 1
    obj.updated_by = as_user(actor)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:  # a concurrent first insert of the same cell
        raise ConflictError(None) from exc
    audit_record(actor=actor, action="value.create" if created else "value.update",
                 target=obj, orgunit=orgunit, old=old, new=obj.snapshot(), reason=reason)
    refresh_figures(series_ids=[series.pk], unit_ids=[orgunit.pk], years=[obj.year])
    return SaveResult(obj, warnings, created)


@transaction.atomic
def value_clear(*, actor: Viewer | None, value: DataValue, expected_version: int | None = None,
                reason: str = "") -> None:
    """Remove a figure entered for a unit, so that its sub-units' roll-up stands again (a
    commune total typed by mistake over its villages' figures). Audited with the figure as it
    was; an approved figure must be reopened first."""
    current = (DataValue.objects.select_for_update(of=("self",))
               .select_related("series", "orgunit").filter(pk=value.pk).first())
    if current is None:
        raise ConflictError(None)
    if not access.can_enter_value(actor, current.series, current.orgunit):
        raise PermissionDenied
    _check_version(current, expected_version)
    if current.is_locked:
        raise WorkflowError(_("Số liệu đã được duyệt và khóa. Cần mở lại trước khi xóa."))
    audit_record(actor=actor, action="value.clear", target=current, orgunit=current.orgunit,
                 old=current.snapshot(), new=None, reason=reason)
    series_id, unit_id, year = current.series_id, current.orgunit_id, current.year
    current.delete()
    refresh_figures(series_ids=[series_id], unit_ids=[unit_id], years=[year])


def _transition(
    *, actor: Viewer | None, value: DataValue, expected_version: int | None, allowed_from: set[str],
    to: str, action: str, reason: str = "", **changes: Any,
) -> DataValue:
    # Only the figure's row: locking its unit too (a join locks every table it reads)
    # would block the foreign-key check of a save in the same village at its commit,
    # while that save holds the issuer's row this transition's refresh waits for: a
    # deadlock, seen under load (tests/figures/test_concurrency.py).
    current = (DataValue.objects.select_for_update(of=("self",)).select_related("orgunit")
               .get(pk=value.pk))
    _check_version(current, expected_version)
    if current.status not in allowed_from:
        raise WorkflowError(
            _("Không thể chuyển số liệu đang ở trạng thái “%(status)s”.")
            % {"status": current.get_status_display()}
        )
    old = current.snapshot()
    current.status = to
    current.version += 1
    for name, new in changes.items():
        setattr(current, name, new)
    current.save()
    audit_record(actor=actor, action=action, target=current, orgunit=current.orgunit, old=old,
                 new=current.snapshot(), reason=reason)
    refresh_figures(series_ids=[current.series_id], unit_ids=[current.orgunit_id],
                    years=[current.year])
    return current


@transaction.atomic
def value_submit(*, actor: Viewer | None, value: DataValue, expected_version: int | None = None) -> DataValue:
    if not access.can_enter_value(actor, value.series, value.orgunit):
        raise PermissionDenied
    return _transition(actor=actor, value=value, expected_version=expected_version,
                       allowed_from={ValueStatus.DRAFT, ValueStatus.RETURNED},
                       to=ValueStatus.SUBMITTED, action="value.submit", submitted_by=actor,
                       return_comment="")


@transaction.atomic
def value_approve(*, actor: Viewer | None, value: DataValue, expected_version: int | None = None) -> DataValue:
    if not access.can_approve_value(actor, value):
        raise PermissionDenied
    return _transition(actor=actor, value=value, expected_version=expected_version,
                       allowed_from={ValueStatus.SUBMITTED}, to=ValueStatus.APPROVED,
                       action="value.approve", approved_by=actor, approved_at=timezone.now())


@transaction.atomic
def value_return(*, actor: Viewer | None, value: DataValue, comment: str,
                 expected_version: int | None = None) -> DataValue:
    if not access.can_approve_value(actor, value):
        raise PermissionDenied
    if not comment.strip():
        raise WorkflowError(_("Cần ghi ý kiến khi trả lại số liệu."))
    return _transition(actor=actor, value=value, expected_version=expected_version,
                       allowed_from={ValueStatus.SUBMITTED}, to=ValueStatus.RETURNED,
                       action="value.return", reason=comment, return_comment=comment)


@transaction.atomic
def value_reopen(*, actor: Viewer | None, value: DataValue, reason: str,
                 expected_version: int | None = None) -> DataValue:
    if not access.can_approve_value(actor, value):
        raise PermissionDenied
    if not reason.strip():
        raise WorkflowError(_("Cần ghi lý do mở lại số liệu đã duyệt."))
    return _transition(actor=actor, value=value, expected_version=expected_version,
                       allowed_from={ValueStatus.APPROVED}, to=ValueStatus.DRAFT,
                       action="value.reopen", reason=reason, approved_by=None, approved_at=None)


def value_history(value: DataValue) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_type="reporting.datavalue",
                                          object_id=str(value.pk))
                .select_related("actor").order_by("-at", "-id"))


@transaction.atomic
def value_restore(*, actor: Viewer | None, value: DataValue, event_id: int, reason: str = "",
                  expected_version: int | None = None) -> SaveResult:
    """Write an earlier state back as a new change; nothing in the history is lost.

    Open to whoever may enter the figure and to a leader over its unit
    (``access.can_restore_value``). The figure goes back to draft as any edit does; the
    restorer counts among the authors of the restored value (its audit row is a
    ``value.update`` by them), so they never approve it themselves."""
    if not access.can_restore_value(actor, value):
        raise PermissionDenied
    event = AuditEvent.objects.filter(pk=event_id, object_type="reporting.datavalue",
                                      object_id=str(value.pk)).first()
    if event is None or not event.new:
        raise WorkflowError(_("Không tìm thấy phiên bản cần khôi phục."))
    snap = event.new

    def dec(key: str) -> Decimal | None:
        return None if snap.get(key) is None else Decimal(str(snap[key]))

    from nghiquyet.figures.periods import parse_period

    return value_save(
        actor=actor, series=value.series, orgunit=value.orgunit, period=parse_period(value.period),
        value=dec("value"), numerator=dec("numerator"), denominator=dec("denominator"),
        is_estimate=bool(snap.get("is_estimate")), note=str(snap.get("note", "")),
        expected_version=expected_version, check_access=False,
        reason=reason or _("Khôi phục phiên bản lúc %(at)s") % {
            "at": timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M")},
    )


@transaction.atomic
def values_bulk_create(*, actor: Viewer | None, values: list[DataValue], reason: str = "") -> list[DataValue]:
    """Insert many new figures at once (demo data, first loads), one audit row each.

    The caller has validated them; cells must not exist yet.
    """
    for v in values:
        v.year = int(v.period[:4])
    created = DataValue.objects.bulk_create(values)
    if any(v.pk is None for v in created):  # backends without RETURNING
        created = list(DataValue.objects.filter(
            series_id__in={v.series_id for v in values}).order_by("id"))
    AuditEvent.objects.bulk_create(
        AuditEvent(**actor_fields(actor), action="value.create", object_type="reporting.datavalue", object_id=str(v.pk),
                   object_repr=f"{v.series_id} · {v.orgunit_id} · {v.period}"[:255],
                   orgunit_id=v.orgunit_id, old=None, new=v.snapshot(), reason=reason)
        for v in created
    )
    rebuild_figures(series_ids={v.series_id for v in created},
                    unit_ids={v.orgunit_id for v in created})
    return created


def _lock_batch(values: list[DataValue]) -> None:
    """Lock every figure of a batch, in id order, before the first one's refresh takes
    its issuer's row. Every write locks its figure first and the issuer's row second; a
    batch that held the issuer's row (from its first figure) and then waited for a later
    figure that a save had locked would deadlock with that save."""
    list(DataValue.objects.select_for_update(of=("self",))
         .filter(pk__in=[v.pk for v in values]).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def values_submit_all(*, actor: Viewer | None, values: list[DataValue]) -> list[DataValue]:
    """Submit many figures at once (a unit's period, or what an import brought in).

    All or nothing: a figure the actor may not submit, or one that changed since the
    summary was shown (``version``), refuses the whole batch. Each gets its audit row.
    """
    _lock_batch(values)
    return [value_submit(actor=actor, value=v, expected_version=v.version) for v in values]


@transaction.atomic
def values_approve_all(*, actor: Viewer | None, values: list[DataValue]) -> int:
    """Approve many submitted figures at once (one unit's batch); each gets its audit row."""
    _lock_batch(values)
    for value in values:
        value_approve(actor=actor, value=value)
    return len(values)
