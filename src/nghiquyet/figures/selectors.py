"""Reads for entry, approval and everything that needs a unit's figures.

Each function issues a fixed number of queries, whatever the number of
series, units or years; tests assert it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.figures.models import DataValue, StoredFigure, ValueStatus
from nghiquyet.figures.periods import PeriodCode
from nghiquyet.figures.rollup import Figure, SeriesRule, not_judged
from nghiquyet.figures.store import COLUMNS, as_figure, rule_of
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Resolution, Target


def series_rule(series: DataSeries) -> SeriesRule:
    return rule_of(series.value_type, series.aggregation, series.reporting_unit_type,
                   series.subyear_aggregation, series.unit)


@dataclass
class SubtreeFigures:
    """Figures of every unit of a subtree for every series of a resolution."""

    root: OrgUnit
    units: dict[int, OrgUnit]
    series: dict[int, DataSeries]
    figures: dict[int, dict[int, dict[int, Figure]]]  # series -> unit -> year -> figure

    def of(self, series_id: int, unit_id: int | None = None) -> dict[int, Figure]:
        return self.figures.get(series_id, {}).get(unit_id or self.root.pk, {})

    def yearly(self, series_id: int, unit_id: int | None = None) -> dict[int, Decimal]:
        """year -> value, for the assessment."""
        return {y: f.value for y, f in self.of(series_id, unit_id).items() if f.value is not None}


@dataclass(frozen=True)
class FigureScope:
    """One resolution's figures at ``root``; ``series`` when the caller has them already
    (from the targets), else they are read."""

    resolution: Resolution
    root: OrgUnit
    series: dict[int, DataSeries] | None = None


def stored_figures(
    scopes: list[FigureScope], years: Iterable[int], *, approved_only: bool = False,
    depth: int | None = None, series_ids: Iterable[int] | None = None,
) -> list[SubtreeFigures]:
    """THE read of figures for pages, reports, the API and ``assess``: the stored figures
    (``figures/store.py``) of each scope's root and of the units down to ``depth`` levels
    below it (None: the whole subtree), whatever the number of scopes. At most three
    queries: the units (none for depth 0), the series (none when every scope has them),
    and the stored rows, read as tuples. A root outside its resolution's issuer has no
    figures."""
    years = list(years)
    units: list[dict[int, OrgUnit]] = [{s.root.pk: s.root} for s in scopes]
    if depth != 0 and scopes:
        under = Q()
        for scope in scopes:
            here = Q(path__startswith=scope.root.path)
            if depth is not None:
                here &= Q(depth__lte=scope.root.depth + depth)
            under |= here
        for unit in OrgUnit.objects.filter(under).only(*_UNIT_FIELDS):
            for scope, own in zip(scopes, units, strict=True):
                if unit.path.startswith(scope.root.path) and (
                        depth is None or unit.depth <= scope.root.depth + depth):
                    own[unit.pk] = unit
    series = _scope_series(scopes, series_ids)
    figures: list[dict[int, dict[int, dict[int, Figure]]]] = [
        {sid: {} for sid in mine} for mine in series]
    by_series: dict[int, list[int]] = defaultdict(list)
    for index, mine in enumerate(series):
        for sid in mine:
            by_series[sid].append(index)
    if by_series and years:
        rows = StoredFigure.objects.filter(year__in=years, approved_only=approved_only)
        if depth is None:
            paths = Q()
            for scope in scopes:
                paths |= Q(orgunit__path__startswith=scope.root.path)
            rows = rows.filter(paths, series_id__in=list(by_series))
        else:
            # The units' rows of these resolutions' series (a commune also holds its
            # province's series: half the rows on a province page): a list of series ids
            # instead would make the index search every combination.
            rows = rows.filter(orgunit_id__in={uid for own in units for uid in own},
                               series__resolution_id__in={
                                   s.resolution_id for mine in series for s in mine.values()})
        for row in rows.values_list("series_id", "orgunit_id", "year", *COLUMNS[4:]):
            sid, uid, year = row[:3]
            for index in by_series.get(sid, ()):
                if uid in units[index]:
                    figures[index][sid].setdefault(uid, {})[year] = as_figure(row[3:])
    return [SubtreeFigures(root=scope.root, units=own_units, series=own_series,
                           figures=own_figures)
            for scope, own_units, own_series, own_figures
            in zip(scopes, units, series, figures, strict=True)]


_UNIT_FIELDS = ("id", "parent_id", "type", "code", "name", "path", "depth", "is_illustrative")


def _scope_series(scopes: list[FigureScope], series_ids: Iterable[int] | None
                  ) -> list[dict[int, DataSeries]]:
    """Each scope's series: its own, else its resolution's read in one query."""
    wanted = None if series_ids is None else set(series_ids)
    missing = [s.resolution.pk for s in scopes if s.series is None]
    read: dict[int, dict[int, DataSeries]] = defaultdict(dict)
    if missing:
        qs = DataSeries.objects.filter(resolution_id__in=missing)
        if wanted is not None:
            qs = qs.filter(pk__in=wanted)
        for s in qs:
            read[s.resolution_id][s.pk] = s
    return [{sid: s for sid, s in (scope.series if scope.series is not None
                                   else read[scope.resolution.pk]).items()
             if wanted is None or sid in wanted} for scope in scopes]


@dataclass(frozen=True, slots=True)
class JudgedFigures:
    """One issuer's own figures of one series, as far as a status needs them: year ->
    value judged (``rollup.not_judged`` left out), and the years whose figure is an
    estimate."""

    judged: dict[int, Decimal]
    estimates: frozenset[int]


NO_FIGURES = JudgedFigures({}, frozenset())


def issuer_judged_figures(resolutions: Iterable[Resolution], years: Iterable[int], *,
                          approved_only: bool = False) -> dict[int, dict[int, JudgedFigures]]:
    """Each resolution's issuer's own stored figures, per series: resolution -> series ->
    ``JudgedFigures``. One query of tuples, whatever the number of resolutions; no series,
    unit or ``Figure`` object. For the views that show thousands of statuses and no figure
    in full (the province comparison); ``stored_figures`` gives the figures themselves."""
    issuers = {r.pk: r.issuer_id for r in resolutions}
    years = list(years)
    out: dict[int, dict[int, JudgedFigures]] = {pk: {} for pk in issuers}
    if not issuers or not years:
        return out
    judged: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    estimates: dict[tuple[int, int], set[int]] = defaultdict(set)
    rows = StoredFigure.objects.filter(
        year__in=years, approved_only=approved_only, orgunit_id__in=set(issuers.values()),
        series__resolution_id__in=list(issuers),
    ).values_list("series__resolution_id", "series_id", "orgunit_id", "year", "value",
                  "source", "reported", "expected", "partial", "is_estimate")
    for (rid, sid, uid, year, value, source, reported, expected, partial,
         is_estimate) in rows:
        if uid != issuers[rid]:
            continue  # another commune's row of a series it shares the table with
        key = (rid, sid)
        if value is not None and not not_judged(partial, source, reported, expected):
            judged[key][year] = value
        if is_estimate:
            estimates[key].add(year)
    for rid, sid in judged.keys() | estimates.keys():
        out[rid][sid] = JudgedFigures(
            dict(sorted(judged.get((rid, sid), {}).items())),
            frozenset(estimates.get((rid, sid), ())))
    return out


def subtree_figures(
    resolution: Resolution, root: OrgUnit, years: Iterable[int], *, approved_only: bool = False,
    series_ids: Iterable[int] | None = None, depth: int | None = None,
    series: dict[int, DataSeries] | None = None,
) -> SubtreeFigures:
    """One resolution's figures at ``root`` (``stored_figures`` for one scope)."""
    return stored_figures([FigureScope(resolution, root, series)], years,
                          approved_only=approved_only, depth=depth, series_ids=series_ids)[0]


# --- the entry grid --------------------------------------------------------------


@dataclass
class EntryRow:
    series: DataSeries
    targets: list[Target]
    value: DataValue | None
    figure: Figure | None  # this period's figure for the unit: direct or computed
    last_year: Figure | None
    can_edit: bool
    warnings: list[Any] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    unit_type: str = ""  # the type of the unit entering: what it enters follows from it

    @property
    def input_kind(self) -> str:
        """``number``, ``ratio``, ``yes_no`` (a unit that reports it: Đạt/Chưa đạt) or
        ``count`` (above those units: how many meet it, "5/7 trường")."""
        from nghiquyet.figures.services import entry_value_type

        return entry_value_type(self.series, self.unit_type or self.series.reporting_unit_type)

    @property
    def can_clear(self) -> bool:
        """A figure entered here that is not locked can be cleared (the roll-up returns)."""
        return self.value is not None and self.can_edit and not self.value.is_locked

    @property
    def holds(self) -> str:
        if self.value is not None:
            return "direct"
        return self.figure.source if self.figure else "missing"

    @property
    def sub_units_total(self) -> Decimal | None:
        if self.figure is None:
            return None
        if self.figure.source == "direct":
            return self.figure.computed_value
        return self.figure.value


def entry_series(resolution: Resolution, unit: OrgUnit, user: Viewer) -> list[DataSeries]:
    """Series the unit reports (its own type), or all of them at the issuing unit."""
    qs = DataSeries.objects.filter(resolution=resolution).select_related("resolution__issuer")
    if unit.pk != resolution.issuer_id:
        qs = qs.filter(reporting_unit_type=unit.type)
    return [s for s in qs.order_by("id") if access.can_enter_value(user, s, unit)]


def entry_grid(resolution: Resolution, unit: OrgUnit, period: PeriodCode, user: Viewer,
               series_ids: list[int] | None = None) -> list[EntryRow]:
    series = entry_series(resolution, unit, user)
    if series_ids is not None:
        series = [s for s in series if s.pk in series_ids]
    ids = [s.pk for s in series]
    targets: dict[int, list[Target]] = defaultdict(list)
    for t in (Target.objects.filter(series_id__in=ids).select_related("indicator")
              .order_by("indicator__number", "position")):
        targets[t.series_id].append(t)
    current = {v.series_id: v for v in DataValue.objects.filter(
        series_id__in=ids, orgunit=unit, period=period.code)}
    figures = subtree_figures(resolution, unit, [period.year - 1, period.year], series_ids=ids,
                              depth=0)
    rows = []
    for s in sorted(series, key=lambda s: _first_target_key(targets.get(s.pk, []))):
        rows.append(EntryRow(
            series=s, targets=targets.get(s.pk, []), value=current.get(s.pk),
            figure=figures.of(s.pk).get(period.year),
            last_year=figures.of(s.pk).get(period.year - 1),
            can_edit=True, unit_type=unit.type,
        ))
    return rows


def _first_target_key(targets: list[Target]) -> tuple[int, int]:
    if not targets:
        return (10**6, 0)
    return (targets[0].indicator.number, targets[0].position)


def pending_approvals(user: Viewer, resolution: Resolution) -> list[DataValue]:
    units = access.approval_units(user)
    return access.approvable_values(user, list(
        DataValue.objects.filter(series__resolution=resolution, status=ValueStatus.SUBMITTED,
                                 orgunit__in=units)
        .select_related("series", "orgunit", "submitted_by")
        .order_by("orgunit__path", "series_id", "period")
    ))


# --- submitting in bulk and approving ---------------------------------------------


def submittable_values(user: Viewer, resolution: Resolution, *, unit: OrgUnit | None = None,
                       period: PeriodCode | None = None) -> list[DataValue]:
    """Drafts and returned figures, with a value, that the user may submit (two queries)."""
    qs = (DataValue.objects.filter(series__resolution=resolution,
                                   status__in=[ValueStatus.DRAFT, ValueStatus.RETURNED],
                                   orgunit__in=access.entry_units(user))
          .filter(Q(value__isnull=False) | Q(numerator__isnull=False))
          .select_related("series", "series__resolution__issuer", "orgunit")
          .order_by("orgunit__path", "period", "series_id"))
    if unit is not None:
        qs = qs.filter(orgunit=unit)
    if period is not None:
        qs = qs.filter(period=period.code)
    return [v for v in qs if access.can_enter_value(user, v.series, v.orgunit)]


@dataclass
class ReturnNote:
    at: Any
    by: str
    reason: str


@dataclass
class ApprovalItem:
    value: DataValue
    last_year: Decimal | None
    warnings: list[str]
    returns: list[ReturnNote]

    @property
    def evidence_is_image(self) -> bool:
        name = (self.value.evidence.name or "").lower() if self.value.evidence else ""
        return name.endswith((".png", ".jpg", ".jpeg"))


@dataclass
class ApprovalPage:
    items: list[ApprovalItem]
    total: int
    unit_totals: dict[int, int]  # unit id -> figures waiting, over every page
    page: int
    pages: int


APPROVALS_PER_PAGE = 25


def approval_page(user: Viewer, resolution: Resolution, page: int = 1,
                  per_page: int = APPROVALS_PER_PAGE) -> ApprovalPage:
    """One page of figures waiting for the user's decision, each with what the approver
    needs to judge it: last year's figure, the warnings, earlier return reasons.

    A fixed number of queries whatever the page holds (tests/figures/
    test_field_workflow.py holds it): the waiting figures, the audit trail read by the
    four-eyes rule, the roll-up, the return events, and the approver's scopes.
    """
    waiting = pending_approvals(user, resolution)
    pages = max(1, -(-len(waiting) // per_page))
    page = min(max(page, 1), pages)
    chosen = waiting[(page - 1) * per_page: page * per_page]
    if not chosen:
        return ApprovalPage([], 0, {}, 1, 1)
    return ApprovalPage(approval_items(resolution, chosen), len(waiting), _per_unit(waiting),
                        page, pages)


def _per_unit(waiting: list[DataValue]) -> dict[int, int]:
    """unit id -> how many of the waiting figures are its."""
    return dict(Counter(v.orgunit_id for v in waiting))


def pending_counts(user: Viewer, resolution: Resolution) -> tuple[int, dict[int, int]]:
    """How many figures wait for the user's decision, in all and per unit: the approvals
    page's counts, drawn again when a decision is made in place. Two queries."""
    waiting = pending_approvals(user, resolution)
    return len(waiting), _per_unit(waiting)


def approval_items(resolution: Resolution, chosen: list[DataValue]) -> list[ApprovalItem]:
    """What the approver needs to judge each of ``chosen`` (one page, or the one card
    drawn again after a conflict), in a fixed number of queries whatever their number."""
    from nghiquyet.audit.models import AuditEvent
    from nghiquyet.figures.services import series_spec
    from nghiquyet.figures.validation import Entry, validate_entry

    if not chosen:
        return []
    years = {v.year for v in chosen} | {v.year - 1 for v in chosen}
    figures = subtree_figures(resolution, resolution.issuer, sorted(years),
                              series_ids={v.series_id for v in chosen})
    returns: dict[str, list[ReturnNote]] = defaultdict(list)
    for e in (AuditEvent.objects.filter(object_type="reporting.datavalue", action="value.return",
                                        object_id__in=[str(v.pk) for v in chosen])
              .select_related("actor").order_by("at")):
        by = e.actor_display  # the name kept in the audit row; "Hệ thống" for imports
        returns[e.object_id].append(ReturnNote(e.at, by, e.reason))
    items = []
    for v in chosen:
        v.series.resolution = resolution
        per_year = figures.of(v.series_id, v.orgunit_id)
        # Last year's figure compares with a year, as the entry grid does.
        last = per_year.get(v.year - 1) if v.period == str(v.year) else None
        now = per_year.get(v.year)
        sub_total = now.computed_value if now is not None and now.expected > 1 else None
        issues = validate_entry(series_spec(v.series),
                                Entry(_period_of(v), v.value, v.numerator, v.denominator),
                                last_year=last.value if last else None,
                                sub_units_total=sub_total)
        items.append(ApprovalItem(
            value=v, last_year=last.value if last else None,
            warnings=[i.message for i in issues], returns=returns.get(str(v.pk), [])))
    return items


def _period_of(value: DataValue) -> PeriodCode:
    from nghiquyet.figures.periods import parse_period

    return parse_period(value.period)


def recent_decisions(user: Viewer, resolution: Resolution, limit: int = 10) -> list[DataValue]:
    """Figures approved lately in the approver's units, so that each one's history (and
    reopening it) is a tap away once it has left the queue. One query."""
    return list(
        DataValue.objects.filter(series__resolution=resolution, status=ValueStatus.APPROVED,
                                 orgunit__in=access.approval_units(user))
        .select_related("series", "orgunit", "approved_by")
        .order_by("-approved_at", "-id")[:limit]
    )
