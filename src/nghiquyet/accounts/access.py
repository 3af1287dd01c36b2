"""The one family of access helpers. A permission check is written here once.

A role is held over an org-unit subtree. A unit reporter's scope is their own
unit only. A resolution is visible to anyone whose scope overlaps its issuer's
subtree: the province supervisor above it, and the village reporter below it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from nghiquyet.accounts.models import Role, RoleAssignment
from nghiquyet.accounts.types import User, Viewer, as_user
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution

_CACHE_ATTR = "_nghiquyet_scopes"


def scopes(user: Viewer | None) -> list[tuple[str, OrgUnit]]:
    """(role, org unit) pairs the user holds; cached on the user for one request."""
    person = as_user(user)
    if person is None:
        return []
    cached = getattr(person, _CACHE_ATTR, None)
    if cached is None:
        cached = [
            (a.role, a.orgunit)
            for a in RoleAssignment.objects.filter(user=person).select_related("orgunit")
        ]
        setattr(person, _CACHE_ATTR, cached)
    return cached


def is_system_admin(user: Viewer | None) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        role == Role.ADMIN for role, _ in scopes(user)
    )


def _in_scope(role: str, scope_unit: OrgUnit, unit: OrgUnit) -> bool:
    if role == Role.REPORTER:
        return unit.pk == scope_unit.pk
    return unit.is_within(scope_unit)


def can_view_orgunit(user: Viewer | None, unit: OrgUnit) -> bool:
    if is_system_admin(user):
        return True
    return any(_in_scope(role, scope_unit, unit) for role, scope_unit in scopes(user))


def can_view_resolution(user: Viewer | None, resolution: Resolution) -> bool:
    if is_system_admin(user):
        return True
    issuer = resolution.issuer
    return any(
        issuer.is_within(scope_unit) or scope_unit.is_within(issuer)
        for _, scope_unit in scopes(user)
    )


def can_manage_registry(user: Viewer | None, issuer: OrgUnit | None) -> bool:
    """Import or delete a resolution's registry: a system admin, or a leader above it."""
    if is_system_admin(user):
        return True
    if issuer is None:
        return False
    return any(
        role == Role.LEADER and issuer.is_within(scope_unit) for role, scope_unit in scopes(user)
    )


def can_import_resolution(user: Viewer | None, issuer: OrgUnit | None) -> bool:
    """Import a resolution (registry file, text, API) for ``issuer``.

    A leader imports for a unit in their subtree; a system admin for any unit, or
    with no unit at all (the issuer is then found or created from the names in
    the document). Services check it too; ``None`` as the user is a command run
    by the server's operator (``nghiquyet import_registry`` without ``--user``).
    """
    if issuer is None:
        return is_system_admin(user)
    return can_manage_registry(user, issuer)


def require_import_resolution(user: Viewer | None, issuer: OrgUnit | None) -> None:
    if user is not None and not can_import_resolution(user, issuer):
        raise PermissionDenied


# --- setting up a unit: official units, sub-units, people, assignments -------------------
# The official province and commune are created by a system admin. Below them, a commune's
# own sub-units, its people and who enters what are managed by a system admin or a leader
# whose scope holds the unit. A leader never grants the admin role (it is system-wide).


def can_setup_official_units(user: Viewer | None) -> bool:
    return is_system_admin(user)


def can_manage_unit(user: Viewer | None, unit: OrgUnit) -> bool:
    """Add, rename, move, merge or deactivate ``unit``'s sub-units; give people roles there."""
    if is_system_admin(user):
        return True
    return any(role == Role.LEADER and unit.is_within(scope_unit)
               for role, scope_unit in scopes(user))


def require_manage_unit(user: Viewer | None, unit: OrgUnit) -> None:
    if user is not None and not can_manage_unit(user, unit):
        raise PermissionDenied


def led_units(user: Viewer | None) -> QuerySet[OrgUnit]:
    """Units under the user's leader roles (every unit for a system admin): where a
    leader manages units and people, and approves figures."""
    if is_system_admin(user):
        return OrgUnit.objects.all()
    cond = Q(pk__in=[])
    for role, unit in scopes(user):
        if role == Role.LEADER:
            cond |= Q(path__startswith=unit.path)
    return OrgUnit.objects.filter(cond)


def get_managed_unit(user: Viewer | None, code: str) -> OrgUnit:
    """The unit with ``code``, for a page that manages it: 404 if none, 403 if not the
    user's to manage."""
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise Http404
    if not can_manage_unit(user, unit):
        raise PermissionDenied
    return unit


def managed_units(user: Viewer | None) -> QuerySet[OrgUnit]:
    """Units the user may manage (and give roles over)."""
    return led_units(user)


def can_set_unit_target(user: Viewer | None, resolution: Resolution, unit: OrgUnit) -> bool:
    """Give a unit below the issuer its own targets: a leader over that unit (the commune's
    leaders for its villages), never for the issuer itself, whose targets are the
    resolution's."""
    if unit.pk == resolution.issuer_id or not unit.is_within(resolution.issuer):
        return False
    if is_system_admin(user):
        return True
    return any(role == Role.LEADER and unit.is_within(scope_unit) and scope_unit.pk != unit.pk
               for role, scope_unit in scopes(user))


def can_grant_role(user: Viewer | None, role: str, unit: OrgUnit) -> bool:
    if role == Role.ADMIN:
        return is_system_admin(user)
    return can_manage_unit(user, unit)


def can_revoke_role(user: Viewer | None, role: str, unit: OrgUnit) -> bool:
    """Take a role away. A leader's role over a unit is taken away only from above it
    (a system admin, or a leader of a unit that holds it): leaders of one commune do not
    remove each other."""
    if is_system_admin(user):
        return True
    if role in (Role.ADMIN, Role.LEADER):
        return any(r == Role.LEADER and unit.is_within(u) and unit.pk != u.pk
                   for r, u in scopes(user))
    return can_manage_unit(user, unit)


def can_manage_user(user: Viewer | None, person: User) -> bool:
    """Deactivate or reset the password of ``person``: a system admin for anyone but
    themselves; a leader for an officer, reporter or supervisor whose every role lies in
    the leader's subtree (never another leader: a reset would let one leader act, and
    approve, as another)."""
    if person.pk == getattr(user, "pk", None) or person.is_superuser:
        return False
    if is_system_admin(user):
        return True
    theirs = scopes(person)
    return bool(theirs) and all(role not in (Role.ADMIN, Role.LEADER)
                                and can_manage_unit(user, unit) for role, unit in theirs)


def can_assign_series(user: Viewer | None, resolution: Resolution) -> bool:
    """Say who enters which data series of a resolution: those who manage its registry."""
    return can_manage_registry(user, resolution.issuer)


def assignable_officers(resolution: Resolution) -> QuerySet[Any]:
    """Officers whose scope lies within the issuer's subtree or holds the issuer."""
    from django.contrib.auth.models import User

    issuer = resolution.issuer
    within = Q(role_assignments__orgunit__path__startswith=issuer.path)
    above = Q(role_assignments__orgunit__id__in=issuer.ancestor_ids())
    return User.objects.filter(within | above, role_assignments__role=Role.OFFICER,
                               is_active=True).distinct().order_by("first_name", "username")


def can_import_any(user: Viewer | None) -> bool:
    """Whether the import pages are open to the user at all."""
    return is_system_admin(user) or any(role == Role.LEADER for role, _ in scopes(user))


def visible_resolutions(user: Viewer | None) -> QuerySet[Resolution]:
    qs = Resolution.objects.select_related("issuer")
    if is_system_admin(user):
        return qs
    units = [unit for _, unit in scopes(user)]
    if not units:
        return qs.none()
    cond = Q()
    for unit in units:
        # Issuer under the scope, or the scope under the issuer (an ancestor path).
        cond |= Q(issuer__path__startswith=unit.path)
        cond |= Q(issuer__id__in=unit.ancestor_ids())
    return qs.filter(cond)


def visible_orgunits(user: Viewer | None) -> QuerySet[OrgUnit]:
    qs = OrgUnit.objects.all()
    if is_system_admin(user):
        return qs
    cond = Q(pk__in=[])
    for role, unit in scopes(user):
        cond |= Q(pk=unit.pk) if role == Role.REPORTER else Q(path__startswith=unit.path)
    return qs.filter(cond)


def get_resolution_for_user(user: Viewer | None, resolution_id: int) -> Resolution:
    """404 when it does not exist, 403 when the user may not see it."""
    try:
        resolution = Resolution.objects.select_related("issuer", "issuer__parent").get(
            pk=resolution_id
        )
    except Resolution.DoesNotExist as exc:
        raise Http404 from exc
    if not can_view_resolution(user, resolution):
        raise PermissionDenied
    return resolution


def require_registry_manager(user: Viewer | None, issuer: OrgUnit | None) -> None:
    """For services: ``None`` is the system's own write (a command, the demo)."""
    if user is not None and not can_manage_registry(user, issuer):
        raise PermissionDenied


# --- figures (reporting) -------------------------------------------------------


def _assigned_series_ids(user: Viewer | None) -> set[int]:
    cached = getattr(user, "_nghiquyet_series", None)
    if cached is None:
        from nghiquyet.figures.models import SeriesAssignment

        cached = set(SeriesAssignment.objects.filter(user=as_user(user))
                     .values_list("series_id", flat=True))
        setattr(user, "_nghiquyet_series", cached)  # noqa: B010 - cached per request
    return cached


def _takes_figures(series: Any, unit: OrgUnit) -> bool:
    """Whether the unit can hold a figure of the series at all: it lies under the
    resolution's issuer, and it still reports (a dissolved or merged unit reports no more)."""
    return unit.is_within(series.resolution.issuer) and unit.is_active


def can_enter_value(user: Viewer | None, series: Any, unit: OrgUnit) -> bool:
    """Enter and submit a figure: an officer for the series assigned to them, anywhere in
    their subtree; a unit reporter for their own unit, for series that unit type reports."""
    if not _takes_figures(series, unit):
        return False
    if is_system_admin(user):
        return True
    for role, scope_unit in scopes(user):
        if role == Role.OFFICER and unit.is_within(scope_unit) and (
            series.pk in _assigned_series_ids(user)
        ):
            return True
        if role == Role.REPORTER and unit.pk == scope_unit.pk and (
            unit.type == series.reporting_unit_type
        ):
            return True
    return False


def can_approve_value(user: Viewer | None, value: Any) -> bool:
    """Approve, return or reopen: a leader over the unit who did not make the current value
    (four eyes, see ``value_authors``)."""
    if getattr(user, "pk", None) in value_authors([value]).get(value.pk, set()):
        return False
    return _leads_unit(user, value)


def can_restore_value(user: Viewer | None, value: Any) -> bool:
    """Write an earlier value of a figure back from its history: whoever may enter the
    figure, and a leader who may approve the unit's figures (they judge which number is
    right). The restored value is a new change by the restorer, back in draft: the unit
    submits it again, and the four-eyes rule (``value_authors``) counts the restorer among
    its authors, so another leader approves it. Whether the figure is locked (approved, to
    be reopened first) is the workflow's, not a permission."""
    if can_enter_value(user, value.series, value.orgunit):
        return True
    return _takes_figures(value.series, value.orgunit) and _leads_unit(user, value)


def _leads_unit(user: Viewer | None, value: Any) -> bool:
    if is_system_admin(user):
        return True
    return any(role == Role.LEADER and value.orgunit.is_within(scope_unit)
               for role, scope_unit in scopes(user))


# The four-eyes rule, written once. Whoever entered, edited or submitted a figure's current
# value may not approve, return or reopen it: nobody judges their own number. "The current
# value" is what the latest writes of the same numbers made: walking the audit trail back
# from the newest event, every write (create, update, restore) that left the current numbers
# and every submission count, until a write that left other numbers. The figure's own
# updated_by/submitted_by count as well (an import writes no per-row audit actor).
_WRITES = ("value.create", "value.update")
_NUMBERS = ("value", "numerator", "denominator")


def value_authors(values: list[Any], *, only: int | None = None) -> dict[int, set[int]]:
    """value id -> ids of the users who made its current value. One query.

    With ``only`` (a user id), the audit trail is read only for the figures that user wrote
    or submitted at some time: the answer to "is ``only`` among the authors" is the same for
    every figure, while the other authors of the untouched figures are not looked up. The
    approvals page and the home page ask just that, for hundreds of waiting figures."""
    from nghiquyet.audit.models import AuditEvent
    from nghiquyet.figures.models import DataValue

    authors: dict[int, set[int]] = {
        v.pk: {u for u in (v.updated_by_id, v.submitted_by_id) if u is not None} for v in values}
    if not values:
        return authors
    current = {}
    for v in values:
        if isinstance(v, DataValue):
            snapshot = v.snapshot()
            current[str(v.pk)] = {k: snapshot[k] for k in _NUMBERS}
    done: set[str] = set()
    trail = AuditEvent.objects.filter(object_type="reporting.datavalue",
                                      object_id__in=list(current),
                                      action__in=(*_WRITES, "value.submit"))
    if only is not None:
        trail = trail.filter(object_id__in=trail.filter(actor_id=only).values("object_id"))
    events = trail.order_by("-at", "-id").values_list("object_id", "action", "actor_id", "new")
    for object_id, action, actor_id, new in events:
        if object_id in done:
            continue
        if action in _WRITES and {k: (new or {}).get(k) for k in _NUMBERS} != current[object_id]:
            done.add(object_id)  # an older value: its authors did not make this one
            continue
        if actor_id is not None:
            authors[int(object_id)].add(actor_id)
        if action == "value.create":
            done.add(object_id)
    return authors


def approvable_values(user: Viewer | None, values: list[Any]) -> list[Any]:
    """The figures among ``values`` the user may approve (scope and four eyes)."""
    me = getattr(user, "pk", None)
    mine = [v for v in values if _leads_unit(user, v)]
    authors = value_authors(mine, only=me) if me is not None else {}
    return [v for v in mine if me not in authors.get(v.pk, set())]


def can_approve_in(user: Viewer | None, resolution: Resolution) -> bool:
    """Whether the approval page of a resolution is open to the user."""
    if is_system_admin(user):
        return True
    issuer = resolution.issuer
    return any(role == Role.LEADER and (issuer.is_within(unit) or unit.is_within(issuer))
               for role, unit in scopes(user))


def can_enter_in(user: Viewer | None, resolution: Resolution) -> bool:
    if is_system_admin(user):
        return True
    issuer = resolution.issuer
    return any(role in (Role.OFFICER, Role.REPORTER) and unit.is_within(issuer)
               for role, unit in scopes(user))


def entry_units(user: Viewer | None) -> QuerySet[OrgUnit]:
    """Units whose figures the user may enter (before the per-series check)."""
    if is_system_admin(user):
        return OrgUnit.objects.all()
    cond = Q(pk__in=[])
    for role, unit in scopes(user):
        if role == Role.OFFICER:
            cond |= Q(path__startswith=unit.path)
        elif role == Role.REPORTER:
            cond |= Q(pk=unit.pk)
    return OrgUnit.objects.filter(cond)


def approval_units(user: Viewer | None) -> QuerySet[OrgUnit]:
    """Units whose figures the user may approve."""
    return led_units(user)


def get_value_for_viewer(user: Viewer | None, value_id: int) -> Any:
    from nghiquyet.figures.models import DataValue

    try:
        value = DataValue.objects.select_related("series", "series__resolution", "orgunit").get(
            pk=value_id)
    except DataValue.DoesNotExist as exc:
        raise Http404 from exc
    if not can_view_orgunit(user, value.orgunit):
        raise PermissionDenied
    return value


# --- reports (nghiquyet.reports) ---------------------------------------------------
# A report on a resolution is made for its issuer or for any unit under it that the
# user can see: a commune leader for the commune or one of its villages, a village
# reporter for their own village only, a province supervisor for any of them. Units
# outside the issuer's subtree have no figures for the resolution, so they are "not
# found" rather than "forbidden".


def report_units(user: Viewer | None, resolution: Resolution) -> QuerySet[OrgUnit]:
    """Units the user may make a report for, on a resolution they can see."""
    return visible_orgunits(user).filter(path__startswith=resolution.issuer.path)


def get_unit_for_user(user: Viewer | None, resolution: Resolution, code: str) -> OrgUnit:
    """404 when no unit with this code lies under the issuer, 403 when the user may not see it."""
    unit = OrgUnit.objects.filter(code=code, path__startswith=resolution.issuer.path).first()
    if unit is None:
        raise Http404
    if not can_view_orgunit(user, unit):
        raise PermissionDenied
    return unit


# --- what a viewer sees of a resolution's progress ----------------------------------
# Anyone who can see a resolution sees its issuer's progress (the commune's dashboard and
# indicator pages, the assessment and figures API at the issuer). Inside their own scope
# they see every figure, drafts and submitted ones included. Outside it (a village
# reporter looking at the commune, or at the province's resolution) only approved figures
# count, and a breakdown by sub-unit lists only the units in their scope. Any other unit is
# refused. docs/security.md states this policy.


def get_assessed_unit(user: Viewer | None, resolution: Resolution, code: str | None) -> OrgUnit:
    """The unit whose progress is shown: the issuer by default (open to every viewer of the
    resolution), else a unit under it that the user may see (404/403 otherwise)."""
    if not code:
        return home_unit(user, resolution)
    if code == resolution.issuer.code:
        return resolution.issuer
    return get_unit_for_user(user, resolution, code)


def home_unit(user: Viewer | None, resolution: Resolution) -> OrgUnit:
    """The unit a user's pages open on: the issuer for whoever's scope covers it, else
    the user's own unit under it (a village head sees their village, not the commune)."""
    issuer = resolution.issuer
    if is_system_admin(user):
        return issuer
    own = [unit for _, unit in scopes(user)]
    if any(issuer.is_within(unit) for unit in own):
        return issuer
    below = sorted((u for u in own if u.is_within(issuer)), key=lambda u: u.path)
    return below[0] if below else issuer


def sees_unapproved(user: Viewer | None, unit: OrgUnit) -> bool:
    """Whether figures not yet approved count in what the user is shown for ``unit``."""
    return can_view_orgunit(user, unit)


def visible_units(user: Viewer | None, units: Iterable[OrgUnit]) -> list[OrgUnit]:
    """The units among ``units`` the user may see (no query once scopes are cached)."""
    return [u for u in units if can_view_orgunit(user, u)]


# --- province comparison (nghiquyet.catalogue) -------------------------------------
# Comparing communes puts every commune's figures side by side, so it is open to those
# whose scope covers the whole province (its leaders, officers and supervisors) and to
# system admins. A commune's own users are refused rather than shown a comparison of
# one: their commune's dashboard already is that.


def can_compare_communes(user: Viewer | None, province: OrgUnit) -> bool:
    if is_system_admin(user):
        return True
    return any(role != Role.REPORTER and province.is_within(unit) for role, unit in scopes(user))


# --- action programme (nghiquyet.programmes) ---------------------------------------
# A programme is seen by whoever sees its resolution. It is written (made, imported,
# its items edited) by the leaders and officers whose scope covers the issuer. A task's
# progress is posted, and its completion proposed, by its lead unit: the person
# responsible, or a leader, officer or reporter whose scope holds the lead unit (a
# reporter: that very unit). Completion is confirmed by a leader over the lead unit
# who neither proposed it nor wrote its last update (four eyes, as for figures).


def can_view_programme(user: Viewer | None, programme: Any) -> bool:
    return can_view_resolution(user, programme.resolution)


def can_manage_programme(user: Viewer | None, resolution: Resolution) -> bool:
    if is_system_admin(user):
        return True
    issuer = resolution.issuer
    return any(role in (Role.LEADER, Role.OFFICER) and issuer.is_within(unit)
               for role, unit in scopes(user))


def can_update_item(user: Viewer | None, item: Any) -> bool:
    if item.responsible_id is not None and item.responsible_id == getattr(user, "pk", None):
        return True
    if is_system_admin(user):
        return True
    return any(role in (Role.LEADER, Role.OFFICER, Role.REPORTER)
               and _in_scope(role, unit, item.lead_unit) for role, unit in scopes(user))


def can_confirm_item(user: Viewer | None, item: Any) -> bool:
    me = getattr(user, "pk", None)
    if me is None or me in (item.proposed_by_id, item.last_update_by_id):
        return False  # four eyes: not the proposer, not the author of the last update
    if is_system_admin(user):
        return True
    return any(role == Role.LEADER and item.lead_unit.is_within(unit)
               for role, unit in scopes(user))


def visible_programme_items(user: Viewer | None) -> Any:
    from nghiquyet.programmes.models import ProgrammeItem

    return ProgrammeItem.objects.filter(programme__resolution__in=visible_resolutions(user))


def get_programme_for_user(user: Viewer | None, programme_id: int) -> Any:
    """404 when it does not exist, 403 when the user may not see it."""
    from nghiquyet.programmes.models import Programme

    try:
        programme = Programme.objects.select_related("resolution", "resolution__issuer").get(
            pk=programme_id)
    except Programme.DoesNotExist as exc:
        raise Http404 from exc
    if not can_view_programme(user, programme):
        raise PermissionDenied
    return programme


def get_item_for_user(user: Viewer | None, item_id: int) -> Any:
    from nghiquyet.programmes.models import ProgrammeItem

    try:
        item = ProgrammeItem.objects.select_related(
            "programme", "programme__resolution", "programme__resolution__issuer", "lead_unit",
            "responsible").get(pk=item_id)
    except ProgrammeItem.DoesNotExist as exc:
        raise Http404 from exc
    if not can_view_programme(user, item.programme):
        raise PermissionDenied
    return item


def confirmable_units(user: Viewer | None) -> QuerySet[OrgUnit]:
    """Lead units whose tasks the user may confirm (before the four-eyes check)."""
    return approval_units(user)


# --- end of action programme ----------------------------------------------------------
