"""The required path, and that following it is exactly on track."""

from __future__ import annotations

import pytest

from nghiquyet.progress import Status, required_trajectory
from tests.progress.helpers import TERM_START, assess, target


def test_a_geometric_path_when_growth_applies():
    # 700 * (925/700)^(k/5): 2026 = 700 * 1,057326 = 740,13.
    path = required_trajectory(target(), 700, TERM_START)
    assert list(path) == [2025, 2026, 2027, 2028, 2029, 2030]
    assert path[2025] == 700
    assert path[2026] == pytest.approx(740.13, abs=0.01)
    assert path[2030] == 925


def test_a_straight_path_from_zero():
    path = required_trajectory(target(value=10, unit="bản"), 0, TERM_START)
    assert path == {2025: 0, 2026: 2, 2027: 4, 2028: 6, 2029: 8, 2030: 10}


def test_a_flat_path_for_each_year():
    path = required_trajectory(target(value=40, unit="%", each_year=True), 39, TERM_START)
    assert path == {2025: 39, 2026: 40, 2027: 40, 2028: 40, 2029: 40, 2030: 40}


def test_a_compounded_path_for_a_growth_rate():
    path = required_trajectory(target(kind="growth_rate", value=10, unit="%"), 100, TERM_START)
    assert path[2027] == pytest.approx(121)
    assert path[2030] == pytest.approx(161.051)


def test_a_running_total_for_a_cumulative_target():
    path = required_trajectory(
        target(kind="cumulative", value=115, unit="đảng viên"), None, TERM_START
    )
    assert path == {2025: 0, 2026: 23, 2027: 46, 2028: 69, 2029: 92, 2030: 115}


def test_a_straight_path_for_an_annual_change():
    change = target(kind="annual_change", comparator="<=", value=-1.5, unit="điểm %")
    assert required_trajectory(change, 13.5, TERM_START) == {
        2025: 13.5,
        2026: 12,
        2027: 10.5,
        2028: 9,
        2029: 7.5,
        2030: 6,
    }


def test_a_baseline_inside_a_range_stays_where_it_is():
    inside = target(comparator="between", value=30, upper=35, unit="%")
    assert set(required_trajectory(inside, 32, TERM_START).values()) == {32}


@pytest.mark.parametrize(
    ("fields", "baseline"),
    [
        ({}, None),  # no baseline for a level
        ({"year": 2025}, 700),  # no span
        ({"value": None}, 700),  # no target
        ({"kind": "growth_rate", "value": 5, "unit": "%"}, 0),  # growth from 0
    ],
)
def test_it_is_empty_when_it_cannot_be_drawn(fields, baseline):
    assert required_trajectory(target(**fields), baseline, TERM_START) == {}


@pytest.mark.parametrize(
    ("fields", "baseline"),
    [
        ({}, 700),
        ({"value": 10, "unit": "bản"}, 0),
        ({"comparator": "<", "value": 12, "unit": "%"}, 20),
        ({"comparator": "=", "value": 1200, "unit": "ha"}, 1500),
        ({"comparator": "between", "value": 30, "upper": 35, "unit": "%"}, 20),
        ({"value": -5, "unit": "tỷ đồng"}, -20),
        ({"kind": "growth_rate", "value": 5, "unit": "%"}, 700),
        ({"kind": "annual_change", "comparator": "<=", "value": -1.5, "unit": "điểm %"}, 13.5),
    ],
)
def test_following_the_path_is_on_track_every_year(fields, baseline):
    # R = 1 on the path, whatever the year: the path is the method's requirement.
    goal = target(**fields)
    path = required_trajectory(goal, baseline, TERM_START)
    for as_of in range(2026, 2030):
        series = {year: value for year, value in path.items() if year <= as_of}
        result = assess(goal, series, as_of=as_of)
        assert result.status in (Status.ON_TRACK, Status.ACHIEVED), (as_of, result)
        if result.ratio is not None and fields.get("kind") != "growth_rate":
            assert result.ratio == pytest.approx(1, abs=1e-6)


def test_following_the_running_total_is_on_track():
    goal = target(kind="cumulative", value=115, unit="đảng viên")
    path = required_trajectory(goal, None, TERM_START)
    yearly = {year: path[year] - path[year - 1] for year in range(2026, 2031)}
    result = assess(goal, {year: yearly[year] for year in (2026, 2027)}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(1)
