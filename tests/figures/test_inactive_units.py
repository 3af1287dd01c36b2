"""A unit that stopped (dissolved, merged) counts in the years it reported and is not
expected in the others: its parent's total is not left partial forever."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from nghiquyet.figures.rollup import Cell, SeriesRule, Unit, roll_up
from nghiquyet.figures.selectors import series_rule


def _rule() -> SeriesRule:
    from nghiquyet.resolutions.models import DataSeries

    return series_rule(DataSeries(value_type="number", reporting_unit_type="village",
                                  aggregation="sum", subyear_aggregation="sum"))


def test_an_inactive_unit_is_expected_only_where_it_reported() -> None:
    tree = [Unit(1, None, "commune"), Unit(2, 1, "village"), Unit(3, 1, "village", active=False)]
    cells = [Cell(2, "2025", Decimal(5), None, None, False, "approved"),
             Cell(3, "2025", Decimal(7), None, None, False, "approved"),
             Cell(2, "2026", Decimal(6), None, None, False, "approved")]
    out = roll_up(tree, cells, _rule(), 1, [2025, 2026])
    assert (out[1][2025].value, out[1][2025].reported, out[1][2025].expected) == (12, 2, 2)
    assert (out[1][2026].value, out[1][2026].reported, out[1][2026].expected) == (6, 1, 1)
    assert out[1][2026].complete


@pytest.mark.django_db
def test_deactivating_a_village_completes_the_communes_later_totals(
        users: dict[str, Any], tree: dict[str, Any], resolution: Any) -> None:
    from nghiquyet.figures.models import DataValue, StoredFigure
    from nghiquyet.figures.store import rebuild_figures
    from nghiquyet.orgunits.services import orgunit_deactivate

    series = resolution.series.first()
    series.reporting_unit_type, series.aggregation = "village", "sum"
    series.save()
    first, second = tree["villages"]
    DataValue.objects.create(series=series, orgunit=first, period="2026", year=2026,
                             value=Decimal(4))
    rebuild_figures(series_ids=[series.pk])

    def commune_2026() -> Any:
        return StoredFigure.objects.get(series=series, orgunit=tree["commune"], year=2026,
                                        approved_only=False)

    assert (commune_2026().reported, commune_2026().expected) == (1, 2)
    orgunit_deactivate(unit=second, actor=users["alice"], reason="giải thể")
    assert (commune_2026().reported, commune_2026().expected) == (1, 1)


@pytest.mark.django_db
def test_a_unit_that_stopped_takes_no_new_figures(users: dict[str, Any], tree: dict[str, Any],
                                                  resolution: Any) -> None:
    from nghiquyet.accounts import access
    from nghiquyet.orgunits.services import orgunit_deactivate

    series = resolution.series.first()
    series.reporting_unit_type = "village"
    series.save()
    village = tree["villages"][0]
    bob = type(users["bob"]).objects.get(pk=users["bob"].pk)
    assert access.can_enter_value(bob, series, village)
    orgunit_deactivate(unit=village, actor=users["alice"])
    village.refresh_from_db()
    for name in ("bob", "admin"):
        person = type(users[name]).objects.get(pk=users[name].pk)
        assert not access.can_enter_value(person, series, village)
