"""Excel/CSV round trip of figures: templates, exports and all-or-nothing imports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.audit.models import AuditEvent
from nghiquyet.audit.services import actor_fields, audit_json
from nghiquyet.figures import services
from nghiquyet.figures.interchange import (
    HEADER_BY_KEY,
    NO_TEXT,
    YES_TEXT,
    ReadResult,
    RowError,
    ValueRow,
)
from nghiquyet.figures.models import DataValue, ValueStatus, cell_repr, value_snapshot
from nghiquyet.figures.periods import PeriodCode, parse_period
from nghiquyet.figures.plausibility import NO_CONTEXT, Planned, plausibility_contexts
from nghiquyet.figures.selectors import entry_grid
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.figures.validation import Entry, SeriesSpec, plausibility_issues
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Resolution, Target


def _first_targets(resolution: Resolution) -> dict[int, Target]:
    out: dict[int, Target] = {}
    for t in (Target.objects.filter(indicator__resolution=resolution)
              .select_related("indicator").order_by("indicator__number", "position")):
        out.setdefault(t.series_id, t)
    return out


def template_rows(resolution: Resolution, unit: OrgUnit, period: PeriodCode, user: Viewer,
                  *, include_subunits: bool = False) -> list[dict[str, Any]]:
    """Rows of a template for a unit and period, pre-filled with what is already there."""
    units = [unit]
    if include_subunits:
        units += [u for u in access.entry_units(user).filter(path__startswith=unit.path)
                  .exclude(pk=unit.pk).order_by("path")]
    rows: list[dict[str, Any]] = []
    for u in units:
        for r in entry_grid(resolution, u, period, user):
            first = r.targets[0] if r.targets else None
            v = r.value
            rows.append({
                "indicator": first.indicator.number if first else None,
                "target": r.series.code, "label": r.series.name, "unit": r.series.unit,
                "orgunit": u.code, "orgunit_name": u.name, "period": period.code,
                "value": v.value if v else None, "numerator": v.numerator if v else None,
                "denominator": v.denominator if v else None,
                "estimate": (_("ước thực hiện") if v.is_estimate else _("chính thức")) if v else "",
                "note": v.note if v else "",
                "last_year": r.last_year.value if r.last_year else None,
                "version": v.version if v else 0,
                "value_type": services.entry_value_type(r.series, u.type),
            })
    return rows


def export_rows(resolution: Resolution, root: OrgUnit, years: list[int] | None = None
                ) -> list[dict[str, Any]]:
    """Every stored figure of the subtree (one query for values, one for targets)."""
    firsts = _first_targets(resolution)
    qs = (DataValue.objects.filter(series__resolution=resolution, orgunit__path__startswith=root.path)
          .select_related("series", "orgunit").order_by("series_id", "orgunit__path", "period"))
    if years:
        qs = qs.filter(year__in=years)
    rows = []
    for v in qs:
        first = firsts.get(v.series_id)
        rows.append({
            "indicator": first.indicator.number if first else None, "target": v.series.code,
            "label": v.series.name, "unit": v.series.unit, "orgunit": v.orgunit.code,
            "orgunit_name": v.orgunit.name, "period": v.period, "value": v.value,
            "numerator": v.numerator, "denominator": v.denominator,
            "estimate": _("ước thực hiện") if v.is_estimate else _("chính thức"), "note": v.note,
            "last_year": None, "version": v.version,
            "value_type": services.entry_value_type(v.series, v.orgunit.type),
        })
    return rows


@dataclass
class ImportReport:
    saved: int  # figures written: new ones and changed ones
    unchanged: int  # rows that held what is stored: nothing written, the state kept
    warnings: list[str]
    # (unit, period) of the figures written, in file order: where to submit them from
    scopes: list[tuple[OrgUnit, PeriodCode]] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.unchanged


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]):
        # In row order, whatever check found them (reading, codes, rights, conflicts).
        self.errors = sorted(errors, key=lambda e: (e.sheet, e.row))
        super().__init__("\n".join(str(e) for e in self.errors))


_FIELD_TO_COLUMN = {"value": "value", "numerator": "numerator", "denominator": "denominator",
                    "period": "period", "note": "note", "__all__": ""}
BATCH = 2000  # rows per INSERT/UPDATE statement, and per progress step


@dataclass
class _Row:
    """A row that passed its checks: what it will write."""

    row: ValueRow
    series: DataSeries
    unit: OrgUnit
    period: PeriodCode
    entry: Entry
    where: str  # "Trang “CSV”, dòng 2": how warnings and the audit's reason name the row
    key: tuple[int, int, str] = field(init=False)  # series id, unit id, period code

    def __post_init__(self) -> None:
        self.key = (self.series.pk, self.unit.pk, self.period.code)


@dataclass(frozen=True)
class _Texts:
    """The import's fixed wording, translated once (not once per row)."""

    where: str = field(default_factory=lambda: _("Trang “%(sheet)s”, dòng %(row)d"))
    reason: str = field(default_factory=lambda: _("Nhập từ tệp: %(where)s"))


def values_import(
    *, actor: Viewer | None, resolution: Resolution, read: ReadResult,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import every row or none. Errors name sheet, row and column."""
    steps = values_import_steps(actor=actor, resolution=resolution, read=read)
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value
        if progress:
            progress(done, total)


def values_import_steps(
    *, actor: Viewer | None, resolution: Resolution, read: ReadResult,
) -> Generator[tuple[int, int], None, ImportReport]:
    """The import: yields (rows written, rows to write) as it goes, returns the report.

    Every row is checked first, with the rules of ``value_save`` (rights, rounding to the
    stored precision, the figure's own checks, the note's length). Then, in one
    transaction: the stored figures are locked; a row that holds what is stored is left
    alone (its state is kept); a row for an approved figure, or for a figure changed since
    the file was made (its ``Phiên bản``), refuses the import; the rest is written in bulk
    with one audit row per figure, and the stored figures of the units concerned are
    rebuilt. A generator so the web page can stream its progress; the caller runs it to
    the end in one thread.
    """
    errors = list(read.errors)
    series = {s.code: s for s in DataSeries.objects.filter(resolution=resolution)
              .select_related("resolution__issuer")}
    units = {u.code: u for u in OrgUnit.objects.filter(
        code__in={r.orgunit for r in read.rows})}
    seen: set[tuple[str, str, str]] = set()
    planned: list[_Row] = []
    texts = _Texts()
    for row in read.rows:
        checked = _check_row(row, series, units, seen, actor, resolution, errors, texts)
        if checked is not None:
            planned.append(checked)
    if errors:
        raise ImportRefused(errors)
    with transaction.atomic():
        current = _lock_current(planned)
        changed: list[_Row] = []
        warnings: list[str] = []
        unchanged = 0
        for p in planned:
            stored = current.get(p.key)
            if stored is not None and services.is_unchanged(stored, p.entry, p.row.is_estimate,
                                                            p.row.note):
                unchanged += 1
                continue
            problem = _conflict(p, stored)
            if problem:
                errors.append(RowError(p.row.sheet, p.row.row, "", problem))
                continue
            if stored is not None and p.row.version is None:
                warnings.append(f"{p.where}: " + _(
                    "thay số liệu đang có (%(old)s) bằng số trong tệp; tệp không ghi phiên bản "
                    "nên không kiểm tra được ai sửa trước.") % {"old": _figure_text(stored)})
            changed.append(p)
        if errors:
            raise ImportRefused(errors)
        contexts = plausibility_contexts([Planned(
            p.series, p.unit, p.period, p.entry.value, p.entry.numerator,
            p.entry.denominator, p.row.is_estimate) for p in changed])
        specs: dict[tuple[int, str], SeriesSpec] = {}  # a series' spec per unit type
        for p in changed:
            context = contexts.get(p.key, NO_CONTEXT)
            spec = specs.get((p.series.pk, p.unit.type))
            if spec is None:
                spec = specs[(p.series.pk, p.unit.type)] = services.series_spec(p.series, p.unit)
            warnings += [f"{p.where}: {w.message}" for w in plausibility_issues(
                spec, p.entry, last_year=context.last_year,
                sub_units_total=context.sub_units_total)]
        yield from _write(actor, changed, current, texts)
    scopes: dict[tuple[int, str], tuple[OrgUnit, PeriodCode]] = {}
    for p in changed:
        scopes.setdefault((p.unit.pk, p.period.code), (p.unit, p.period))
    return ImportReport(saved=len(changed), unchanged=unchanged, warnings=warnings,
                        scopes=list(scopes.values()))


def _lock_current(planned: list[_Row]) -> dict[tuple[int, int, str], DataValue]:
    """The stored figures of the planned cells, locked until the import ends (one query
    per batch of cells, whatever their number)."""
    wanted = {p.key for p in planned}
    found: dict[tuple[int, int, str], DataValue] = {}
    by_period: dict[str, set[int]] = defaultdict(set)
    for p in planned:
        by_period[p.period.code].add(p.unit.pk)
    series_ids = sorted({p.series.pk for p in planned})
    for period, unit_ids in by_period.items():
        ids = sorted(unit_ids)
        for i in range(0, len(ids), BATCH):
            # of=self: PostgreSQL locks no row through the nullable join to updated_by.
            for v in (DataValue.objects.select_for_update(of=("self",))
                      .filter(series_id__in=series_ids, period=period,
                              orgunit_id__in=ids[i:i + BATCH])
                      .select_related("updated_by")):
                key = (v.series_id, v.orgunit_id, v.period)
                if key in wanted:
                    found[key] = v
    return found


def _conflict(p: _Row, stored: DataValue | None) -> str:
    """Why this row may not overwrite the stored figure ("" when it may)."""
    if stored is None:
        if p.row.version:  # the file saw a figure that is no longer there
            return _("số liệu này đã bị xóa sau khi tải mẫu; tải mẫu mới rồi nhập lại.")
        return ""
    if stored.is_locked:
        return _("số liệu đã được duyệt và khóa (hiện là %(now)s); cần mở lại trước khi sửa.") \
            % {"now": _figure_text(stored)}
    if p.row.version is not None and p.row.version != stored.version:
        who = stored.updated_by.get_full_name() or stored.updated_by.get_username() \
            if stored.updated_by else _("người khác")
        return _("số liệu đã được %(who)s sửa lúc %(at)s, sau khi tải mẫu này (hiện là "
                 "%(now)s). Không ghi đè: tải mẫu mới rồi nhập lại.") % {
            "who": who, "at": timezone.localtime(stored.updated_at).strftime("%d/%m/%Y %H:%M"),
            "now": _figure_text(stored)}
    return ""


def _figure_text(v: DataValue) -> str:
    parts = []
    if v.value is not None:
        parts.append(format_number(v.value))
    if v.numerator is not None or v.denominator is not None:
        parts.append(_("%(num)s/%(den)s") % {
            "num": "—" if v.numerator is None else format_number(v.numerator),
            "den": "—" if v.denominator is None else format_number(v.denominator)})
    text = ", ".join(parts) or "—"
    if v.note:
        text += _(", ghi chú “%(note)s”") % {"note": v.note[:80]}
    return text


class _RowInserter:
    """Plain rows into a model's table in one statement: ``COPY`` on PostgreSQL, one
    ``executemany`` elsewhere.

    ``bulk_create`` spends most of its time preparing every field of every model object
    in Python; here only the per-row columns are prepared (with the fields' own
    ``get_db_prep_save``), the others once, from the model's defaults and ``fixed``. The
    columns come from the model, so a field added later with a default needs no change.
    """

    def __init__(self, model: Any, per_row: list[str], fixed: dict[str, Any],
                 ready: frozenset[str] = frozenset()) -> None:
        fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
        by_name = {f.name: f for f in fields}
        self.per_row = [by_name[n] for n in per_row]
        constant = [f for f in fields if f.name not in per_row]
        def prep(field: Any) -> Any:
            value = fixed[field.name] if field.name in fixed else field.get_default()
            if field.is_relation and value is not None and hasattr(value, "pk"):
                value = value.pk  # a user, a unit: the column holds its id
            return field.get_db_prep_save(value, connection)

        self.tail = tuple(prep(f) for f in constant)
        quote = connection.ops.quote_name
        columns = [f.column for f in self.per_row] + [f.column for f in constant]
        table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
        self.sql = (f"INSERT INTO {table} ({names}) "  # noqa: S608 - the model's own names
                    f"VALUES ({', '.join(['%s'] * len(columns))})")
        self.copy = f"COPY {table} ({names}) FROM STDIN"
        # Columns the caller gives in the database's form (``ready``: JSON already
        # dumped, as JSONField would dump it) are passed as they are.
        self.prepared = {i for i, f in enumerate(self.per_row) if f.name not in ready
                         and f.get_internal_type() in ("DecimalField", "JSONField")}

    def __call__(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        tail = self.tail
        fields = [(i, self.per_row[i]) for i in sorted(self.prepared)]
        prepared = []
        for row in rows:
            if fields:
                cells = list(row)
                for i, f in fields:
                    cell = cells[i]
                    # None is NULL and a finite Decimal goes in as it is: what the field
                    # would give them (DecimalField only copies a Decimal).
                    if cell is not None and not (type(cell) is Decimal and cell.is_finite()):
                        cells[i] = f.get_db_prep_save(cell, connection)
                row = tuple(cells)
            prepared.append(row + tail)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # COPY: the fastest way in, one statement
                # Django's error classes (IntegrityError...) for the driver's, as in execute.
                with connection.wrap_database_errors, cursor.cursor.copy(self.copy) as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, prepared)


def _write(actor: Viewer | None, changed: list[_Row], current: dict[tuple[int, int, str], DataValue],
           texts: _Texts) -> Iterator[tuple[int, int]]:
    """Insert the new figures and update the changed ones, in batches, with one audit row
    each (what ``audit_record`` writes, its JSON dumped once per row as the model's field
    dumps it); then rebuild the stored figures of what changed."""
    now = timezone.now()
    by = as_user(actor)
    values = _RowInserter(DataValue, ["series", "orgunit", "period", "year", "value",
                                      "numerator", "denominator", "is_estimate", "note"],
                          {"status": ValueStatus.DRAFT, "version": 1, "updated_by": by,
                           "updated_at": now})
    audit = _RowInserter(AuditEvent, ["action", "object_id", "object_repr", "orgunit", "old",
                                      "new", "reason"],
                         {**actor_fields(actor), "at": now,
                          "object_type": DataValue._meta.label_lower},
                         ready=frozenset({"old", "new"}))
    draft = ValueStatus.DRAFT.value
    total = len(changed)
    done = 0
    for i in range(0, total, BATCH):
        batch = changed[i:i + BATCH]
        new = [p for p in batch if p.key not in current]
        events: list[tuple[Any, ...]] = []
        if new:
            try:
                with transaction.atomic():
                    values([(p.series.pk, p.unit.pk, p.period.code, p.period.year, p.entry.value,
                             p.entry.numerator, p.entry.denominator, p.row.is_estimate,
                             p.row.note) for p in new])
            except IntegrityError as exc:  # someone entered one of these figures meanwhile
                raise ImportRefused([RowError(batch[0].row.sheet, 0, "", _(
                    "một số liệu trong tệp vừa được người khác nhập trong lúc nhập tệp; tải mẫu "
                    "mới rồi nhập lại."))]) from exc
            ids = {(sid, uid, period): pk for pk, sid, uid, period in DataValue.objects.filter(
                series_id__in={p.series.pk for p in new}, period__in={p.period.code for p in new},
                orgunit_id__in={p.unit.pk for p in new},
            ).values_list("id", "series_id", "orgunit_id", "period")}
            for p in new:
                e = p.entry
                events.append((
                    "value.create", str(ids[p.key]), _repr(p), p.unit.pk, None,
                    audit_json(value_snapshot(e.value, e.numerator, e.denominator,
                                              p.row.is_estimate, p.row.note, draft, 1, "")),
                    texts.reason % {"where": p.where}))
        updated = []
        for p in batch:
            stored = current.get(p.key)
            if stored is None:
                continue
            old = stored.snapshot()
            stored.value, stored.numerator, stored.denominator = (
                p.entry.value, p.entry.numerator, p.entry.denominator)
            stored.is_estimate, stored.note = p.row.is_estimate, p.row.note
            stored.status = ValueStatus.DRAFT  # as value_save: an edited figure is a draft
            stored.version += 1
            stored.updated_by, stored.updated_at = by, now
            updated.append(stored)
            events.append(("value.update", str(stored.pk), _repr(p), p.unit.pk, audit_json(old),
                           audit_json(stored.snapshot()), texts.reason % {"where": p.where}))
        if updated:
            DataValue.objects.bulk_update(updated, [
                "value", "numerator", "denominator", "is_estimate", "note", "status", "version",
                "updated_by", "updated_at"])
        audit(events)
        done += len(batch)
        yield done, total
    if changed:
        rebuild_figures(series_ids={p.series.pk for p in changed},
                        unit_ids={p.unit.pk for p in changed},
                        years={p.period.year for p in changed})


def _repr(p: _Row) -> str:
    return cell_repr(p.series.code, p.unit.code, p.period.code)[:255]


def _check_row(
    row: ValueRow, series: dict[str, DataSeries], units: dict[str, OrgUnit],
    seen: set[tuple[str, str, str]], actor: Viewer | None, resolution: Resolution, errors: list[RowError],
    texts: _Texts,
) -> _Row | None:
    def fail(key: str, message: str) -> None:
        errors.append(RowError(row.sheet, row.row, HEADER_BY_KEY.get(key, ""), message))

    s = series.get(row.target)
    if s is None:
        fail("target", _("không có mục tiêu mã “%(code)s” trong nghị quyết này.")
             % {"code": row.target})
        return None
    unit = units.get(row.orgunit)
    if unit is None:
        fail("orgunit", _("không có đơn vị mã “%(code)s”.") % {"code": row.orgunit})
        return None
    try:
        period = parse_period(row.period)
    except ValueError as exc:
        fail("period", str(exc))
        return None
    key = (row.target, row.orgunit, period.code)
    if key in seen:
        fail("", _("trùng với một dòng trước (cùng mục tiêu, đơn vị, kỳ)."))
        return None
    seen.add(key)
    if not access.can_enter_value(actor, s, unit):
        fail("orgunit", _("bạn không được giao nhập mục tiêu này cho đơn vị “%(unit)s”.")
             % {"unit": unit.name})
        return None
    if not unit.is_within(resolution.issuer):
        fail("orgunit", _("đơn vị không thuộc phạm vi nghị quyết."))
        return None
    if row.value_in_words and services.entry_value_type(s, unit.type) != "yes_no":
        fail("value", _("“%(yes)s”/“%(no)s” chỉ dùng cho chỉ tiêu đạt hay chưa đạt; chỉ tiêu "
                        "này cần một số.") % {"yes": YES_TEXT, "no": NO_TEXT})
        return None
    # The checks of value_save, so one pass lists every error of the file.
    entry, issues = services.checked_entry(s, period, row.value, row.numerator,
                                           row.denominator, row.note, unit)
    for issue in issues:
        fail(_FIELD_TO_COLUMN.get(issue.field, ""), issue.message)
    if issues:
        return None
    return _Row(row, s, unit, period, entry, texts.where % {"sheet": row.sheet, "row": row.row})


def require_import_rights(actor: Viewer | None, resolution: Resolution) -> None:
    if not access.can_enter_in(actor, resolution):
        raise PermissionDenied


