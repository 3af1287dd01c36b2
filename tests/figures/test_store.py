"""The stored figures (figures/store.py) against the roll-up (figures/rollup.py), the one
definition of a figure: on random trees and random writes through the services, the
table always holds what ``roll_up`` makes from the raw values at that moment."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.assessment.selectors import judged_values
from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue, StoredFigure
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.rollup import Cell, Unit, roll_up
from nghiquyet.figures.selectors import NO_FIGURES, issuer_judged_figures, subtree_figures
from nghiquyet.figures.store import (
    COLUMNS,
    as_row,
    normalized,
    rebuild_figures,
    refresh_figures,
    rule_of,
)
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import (
    UnitError,
    orgunit_bulk_create,
    orgunit_create,
    orgunit_deactivate,
    orgunit_move,
)
from nghiquyet.resolutions.models import DataSeries, Resolution

YEARS = (2025, 2026, 2027)
# value type, aggregation, reporting unit type, sub-year rule, unit
SERIES = (
    ("number", "sum", "village", "sum", "tấn"),
    ("number", "sum", "village", "last", "hộ"),
    ("ratio", "ratio_of_sums", "village", "last", "%"),
    ("yes_no", "count_yes", "village", "last", "%"),
    ("yes_no", "count_yes", "village", "last", "bản"),
    ("number", "sum", "commune", "sum", "triệu đồng"),
    ("number", "none", "village", "last", "ha"),
    ("number", "sum", "school", "last", "học sinh"),
)
PERIODS = ("Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4")


def expected_rows(series_ids: list[int] | None = None) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Every figure as ``roll_up`` makes it now from the raw values, as stored rows."""
    out = {}
    for s in DataSeries.objects.filter(
            **({} if series_ids is None else {"pk__in": series_ids})).select_related(
            "resolution__issuer"):
        issuer = s.resolution.issuer
        tree = [Unit(u.pk, u.parent_id if u.pk != issuer.pk else None, u.type, u.is_active)
                for u in OrgUnit.objects.subtree(issuer)]
        cells = [Cell(v.orgunit_id, v.period, v.value, v.numerator, v.denominator,
                      v.is_estimate, v.status) for v in DataValue.objects.filter(series=s)]
        rule = rule_of(s.value_type, s.aggregation, s.reporting_unit_type,
                       s.subyear_aggregation, s.unit)
        years = range(s.resolution.term_start, s.resolution.term_end + 1)
        for approved, chosen in ((False, cells), (True, [c for c in cells
                                                         if c.status == "approved"])):
            for unit_id, per_year in roll_up(tree, chosen, rule, issuer.pk, years).items():
                for year, figure in per_year.items():
                    if figure.source != "missing":
                        row = normalized(as_row(s.pk, unit_id, year, approved, figure))
                        out[row[:4]] = row
    return out


def stored_rows() -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {row[:4]: row for row in (normalized(r) for r in
                                     StoredFigure.objects.values_list(*COLUMNS))}


def assert_table_is_the_roll_up() -> None:
    expected, stored = expected_rows(), stored_rows()
    assert stored.keys() == expected.keys()
    for key, row in expected.items():
        assert stored[key] == row, key


def _admin(name: str, unit: OrgUnit) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=name, password="pw")
    RoleAssignment.objects.create(user=user, role="admin", orgunit=unit)
    return user


@st.composite
def _writes(draw: Any) -> list[tuple[Any, ...]]:
    ops = st.one_of(
        st.tuples(st.just("save"), st.integers(0, 50), st.integers(0, 50),
                  st.sampled_from(YEARS), st.sampled_from(PERIODS),
                  st.integers(0, 400), st.integers(0, 400), st.booleans()),
        st.tuples(st.sampled_from(["submit", "approve", "return", "reopen", "restore",
                                   "delete"]), st.integers(0, 50)),
        st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 50)),
        st.tuples(st.just("new_village"), st.integers(0, 50)),
        st.tuples(st.just("deactivate"), st.integers(0, 50)),
    )
    return draw(st.lists(ops, min_size=1, max_size=14))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(villages=st.lists(st.integers(0, 3), min_size=1, max_size=3),
       school=st.booleans(), at_province=st.booleans(),
       kinds=st.lists(st.sampled_from(SERIES), min_size=1, max_size=3),
       writes=_writes())
def test_the_table_is_the_roll_up_after_random_writes(villages, school, at_province, kinds,
                                                       writes):
    with transaction.atomic():
        _run(villages, school, at_province, kinds, writes)
        transaction.set_rollback(True)


def _run(villages: list[int], school: bool, at_province: bool,
         kinds: list[tuple[str, ...]], writes: list[tuple[Any, ...]]) -> None:
    province = orgunit_create(code="PT", name="Tỉnh thử", type=OrgUnitType.PROVINCE)
    communes = [orgunit_create(code=f"PT-{i}", name=f"Xã {i}", type=OrgUnitType.COMMUNE,
                               parent=province) for i in range(len(villages))]
    for commune, count in zip(communes, villages, strict=True):
        orgunit_bulk_create(parent=commune, rows=[
            (f"{commune.code}-B{k}", f"Bản {k}", OrgUnitType.VILLAGE) for k in range(count)])
    if school:
        orgunit_create(code="PT-0-T", name="Trường", type=OrgUnitType.SCHOOL,
                       parent=communes[0])
    issuer = province if at_province else communes[0]
    resolution = Resolution.objects.create(issuer=issuer, title="NQ thử", issuer_name="x",
                                           term_start=YEARS[0], term_end=YEARS[-1])
    series = [DataSeries.objects.create(
        resolution=resolution, code=f"s{i}", name=f"Dãy {i}", unit=unit, value_type=vtype,
        aggregation=agg, reporting_unit_type=level, subyear_aggregation=subyear,
        period_kind="Q") for i, (vtype, agg, level, subyear, unit) in enumerate(kinds)]
    rebuild_figures(series_ids=[s.pk for s in series])  # as registry_import does
    entering, approving = _admin("nhap", province), _admin("duyet", province)
    assert_table_is_the_roll_up()
    for op in writes:
        _apply(op, series, province, entering, approving)
    assert_table_is_the_roll_up()
    assert_light_read_agrees(resolution)
    assert call_command("figures", "check") is None  # no difference: no CommandError


def assert_light_read_agrees(resolution: Resolution) -> None:
    """``issuer_judged_figures`` (the province comparison's read: tuples, no ``Figure``)
    gives what ``stored_figures`` gives at the issuer, read through ``judged_values``."""
    for approved_only in (False, True):
        light = issuer_judged_figures([resolution], YEARS, approved_only=approved_only)
        full = subtree_figures(resolution, resolution.issuer, YEARS, depth=0,
                               approved_only=approved_only)
        for sid in full.series:
            own = full.of(sid)
            got = light[resolution.pk].get(sid, NO_FIGURES)
            assert got.judged == judged_values(own)
            assert got.estimates == {y for y, f in own.items() if f.is_estimate}
        assert set(light[resolution.pk]) <= set(full.series)


def _apply(op: tuple[Any, ...], series: list[DataSeries], province: OrgUnit, entering: Any,
           approving: Any) -> None:
    units = list(OrgUnit.objects.subtree(province))
    values = list(DataValue.objects.filter(series__in=series).order_by("pk"))
    kind = op[0]
    try:
        if kind == "save":
            _, si, ui, year, period, a, b, estimate = op
            s, unit = series[si % len(series)], units[ui % len(units)]
            code = str(year) if period == "Y" else f"{year}{period}"
            parts: dict[str, D | None] = {"value": D(a) / 2}
            if s.value_type == "ratio":
                parts = {"numerator": D(min(a, b)), "denominator": D(max(a, b, 1))}
            elif s.value_type == "yes_no":
                parts = {"value": D(a % 2)}
            current = DataValue.objects.filter(series=s, orgunit=unit, period=code).first()
            services.value_save(actor=entering, series=s, orgunit=unit,
                                period=parse_period(code), is_estimate=estimate,
                                expected_version=current.version if current else 0, **parts)
        elif kind == "move":
            unit, parent = units[op[1] % len(units)], units[op[2] % len(units)]
            if unit.type == OrgUnitType.VILLAGE and parent.type == OrgUnitType.COMMUNE:
                orgunit_move(unit=unit, new_parent=parent)
        elif kind == "deactivate":
            unit = units[op[1] % len(units)]
            if unit.type == OrgUnitType.VILLAGE and unit.is_active:
                orgunit_deactivate(unit=unit, actor=approving, reason="Sáp nhập thôn")
        elif kind == "new_village":
            commune = units[op[1] % len(units)]
            if commune.type == OrgUnitType.COMMUNE:
                orgunit_create(code=f"{commune.code}-N{OrgUnit.objects.count()}", name="Bản mới",
                               type=OrgUnitType.VILLAGE, parent=commune)
        elif values:
            value = values[op[1] % len(values)]
            if kind == "submit":
                services.value_submit(actor=entering, value=value)
            elif kind in ("approve", "return"):
                if value.status in ("draft", "returned"):  # submitted first, then decided
                    value = services.value_submit(actor=entering, value=value)
                if kind == "approve":
                    services.value_approve(actor=approving, value=value)
                else:
                    services.value_return(actor=approving, value=value, comment="Sai số liệu")
            elif kind == "reopen":
                services.value_reopen(actor=approving, value=value, reason="Điều chỉnh")
            elif kind == "restore":
                first = AuditEvent.objects.filter(object_type="reporting.datavalue",
                                                  object_id=str(value.pk)).order_by("id").first()
                if first is not None:
                    services.value_restore(actor=entering, value=value, event_id=first.pk)
            elif kind == "delete":
                # No service deletes a figure yet; one that does refreshes as this does.
                with transaction.atomic():
                    value.delete()
                    refresh_figures(series_ids=[value.series_id], unit_ids=[value.orgunit_id],
                                    years=[value.year])
    except (services.InvalidValue, services.WorkflowError, services.ConflictError,
            PermissionDenied, UnitError):
        event(f"{kind}: refused")  # refused writes change nothing; the table must agree
        return
    event(f"{kind}: done")


# --- the pieces, one by one -------------------------------------------------------------


@pytest.mark.django_db
def test_a_saved_value_reaches_the_commune_and_the_province_in_its_transaction(
        assigned, series, tree, resolution):
    village = tree["villages"][0]
    services.value_save(actor=assigned["bob"], series=series["grain"], orgunit=village,
                        period=parse_period("2026"), value=D(1200), expected_version=0)
    stored = StoredFigure.objects.get(series=series["grain"], orgunit=tree["commune"],
                                      year=2026, approved_only=False)
    assert (stored.value, stored.source, stored.reported, stored.expected) == (1200, "computed",
                                                                               1, 2)
    assert stored.n_draft == 1 and stored.partial
    # The approved copy has no approved value yet: the commune's total is empty.
    approved = StoredFigure.objects.get(series=series["grain"], orgunit=tree["commune"],
                                        year=2026, approved_only=True)
    assert approved.value is None and approved.reported == 0
    assert_table_is_the_roll_up()


@pytest.mark.django_db
def test_figures_check_reports_a_difference_and_rebuild_repairs_it(resolution, tree, capsys):
    DataValue.objects.create(series=DataSeries.objects.get(resolution=resolution, code="1.2"),
                             orgunit=tree["commune"], period="2026", year=2026, value=D(7))
    with pytest.raises(CommandError, match="khác với số liệu gốc"):
        call_command("figures", "check")
    assert "tính lại được direct 7" in capsys.readouterr().err
    call_command("figures", "rebuild")
    call_command("figures", "check")
    assert "Khớp" in capsys.readouterr().out
    assert_table_is_the_roll_up()


@pytest.mark.django_db
def test_rebuild_of_some_units_touches_only_their_chains(resolution, tree):
    grain = DataSeries.objects.get(resolution=resolution, code="1.2")
    DataValue.objects.create(series=grain, orgunit=tree["commune"], period="2026", year=2026,
                             value=D(5))
    untouched = stored_rows()
    rebuild_figures(series_ids=[grain.pk], unit_ids=[tree["commune"].pk])
    after = stored_rows()
    changed = {k for k in after.keys() | untouched.keys() if after.get(k) != untouched.get(k)}
    assert changed == {(grain.pk, tree["commune"].pk, 2026, False)}
    assert_table_is_the_roll_up()


@pytest.mark.django_db
def test_a_moved_village_leaves_its_old_commune_and_joins_the_new_one(tree, seed_doc):
    from nghiquyet.resolutions.services import registry_import

    province_res = registry_import(doc=seed_doc, issuer=tree["province"])
    grain = DataSeries.objects.get(resolution=province_res, code="2.1")
    grain.reporting_unit_type, grain.aggregation = "village", "sum"
    grain.save()
    rebuild_figures(series_ids=[grain.pk])  # a series changed past the services
    village = tree["villages"][0]
    DataValue.objects.create(series=grain, orgunit=village, period="2026", year=2026,
                             value=D(9))
    rebuild_figures(series_ids=[grain.pk], unit_ids=[village.pk])
    orgunit_move(unit=village, new_parent=tree["other"])
    other = StoredFigure.objects.get(series=grain, orgunit=tree["other"], year=2026,
                                     approved_only=False)
    assert (other.value, other.reported, other.expected) == (9, 1, 2)
    assert_table_is_the_roll_up()


@pytest.mark.django_db
def test_the_readers_get_the_stored_figures(resolution, tree, series, assigned):
    for village, value in zip(tree["villages"], (D(3), D(4)), strict=True):
        services.value_save(actor=assigned["olga"], series=series["grain"], orgunit=village,
                            period=parse_period("2026"), value=value, expected_version=0)
    figures = subtree_figures(resolution, tree["commune"], YEARS)
    figure = figures.of(series["grain"].pk)[2026]
    assert (figure.value, figure.source, figure.reported, figure.expected) == (7, "computed", 2, 2)
    assert figure.statuses == {"draft": 2} and not figure.partial
    assert figures.of(series["grain"].pk, tree["villages"][0].pk)[2026].value == 3
    only_root = subtree_figures(resolution, tree["commune"], YEARS, depth=0)
    assert set(only_root.units) == {tree["commune"].pk}
    assert only_root.of(series["grain"].pk)[2026] == figure


@pytest.mark.django_db
def test_reading_costs_the_same_queries_for_one_or_many_units_and_years(resolution, tree):
    def count(depth: int | None, years: range) -> int:
        with CaptureQueriesContext(connection) as ctx:
            subtree_figures(resolution, tree["commune"], years, depth=depth)
        return len(ctx.captured_queries)

    small = [count(d, range(2025, 2026)) for d in (0, 1, None)]
    orgunit_bulk_create(parent=tree["commune"], rows=[
        (f"SL-PK-X{i}", f"Bản {i}", OrgUnitType.VILLAGE) for i in range(30)])
    assert [count(d, range(2025, 2031)) for d in (0, 1, None)] == small == [2, 3, 3]


def test_row_columns_follow_the_model():
    names = {f.column for f in StoredFigure._meta.concrete_fields if not f.primary_key}
    assert set(COLUMNS) == names


@pytest.mark.django_db
def test_a_write_costs_the_same_queries_for_a_few_or_many_villages(assigned, series, tree):
    def save_count(value: int) -> int:
        current = DataValue.objects.filter(series=series["grain"], orgunit=village,
                                           period="2026").first()
        with CaptureQueriesContext(connection) as ctx:
            services.value_save(actor=assigned["olga"], series=series["grain"],
                                orgunit=village, period=parse_period("2026"), value=D(value),
                                expected_version=current.version if current else 0)
        return len(ctx.captured_queries)

    village = tree["villages"][0]
    save_count(1)  # the first entry creates the row; later ones update it
    few = save_count(2)
    orgunit_bulk_create(parent=tree["commune"], rows=[
        (f"SL-PK-Y{i}", f"Bản {i}", OrgUnitType.VILLAGE) for i in range(60)])
    assert save_count(3) == few
    assert_table_is_the_roll_up()


def test_refreshes_take_the_issuers_rows_in_one_order():
    """Two writes refreshing a commune's and its province's series must lock the two
    issuers in the same order, whatever the order of their series' ids."""
    from nghiquyet.figures.store import _by_issuer, _Series

    rule = rule_of("number", "sum", "village", "sum", "tấn")
    commune, province = (7, "0001.0007."), (3, "0001.")
    # as the series are read, in id order: the province's first here, the commune's there
    first = [_Series(5, rule, *province, (2026,)), _Series(10, rule, *commune, (2026,))]
    second = [_Series(4, rule, *commune, (2026,)), _Series(12, rule, *province, (2026,))]
    assert list(_by_issuer(first)) == list(_by_issuer(second)) == [province, commune]
