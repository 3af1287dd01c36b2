"""Statuses: values, order, labels, the worst-of rule and the R thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from nghiquyet.lib.vnformat import format_number
from nghiquyet.progress import (
    ACCELERATION_RATIO,
    METHOD_LABELS,
    ON_TRACK_RATIO,
    ORDERED_STATUSES,
    STATUS_LABELS,
    Status,
    classify_ratio,
    indicator_status,
    status_rule,
    worst_status,
)


def test_the_values_are_the_exchanged_strings():
    assert [status.value for status in Status] == [
        "missed",
        "deterioration",
        "limited_progress",
        "needs_acceleration",
        "on_track",
        "achieved",
        "no_data",
    ]
    assert Status("on_track") is Status.ON_TRACK
    assert Status.ON_TRACK == "on_track"
    assert isinstance(Status.ACHIEVED, str)


def test_they_order_from_worst_not_alphabetically():
    assert Status.MISSED < Status.DETERIORATION < Status.LIMITED_PROGRESS
    assert Status.LIMITED_PROGRESS < Status.NEEDS_ACCELERATION < Status.ON_TRACK < Status.ACHIEVED
    assert Status.ACHIEVED > Status.MISSED  # "achieved" < "missed" as strings
    assert Status.ON_TRACK >= Status.ON_TRACK
    assert sorted(reversed(ORDERED_STATUSES)) == list(ORDERED_STATUSES)
    assert [status.rank for status in ORDERED_STATUSES] == [0, 1, 2, 3, 4, 5]


def test_they_compare_with_the_strings_they_stand_for():
    assert Status.MISSED < "achieved"
    assert "on_track" > Status.LIMITED_PROGRESS  # noqa: SIM300 - the reflected comparison is the point
    with pytest.raises(TypeError):
        _ = Status.MISSED < "đạt"


def test_no_data_has_no_place_in_the_order():
    assert Status.NO_DATA.rank is None
    with pytest.raises(TypeError):
        _ = Status.NO_DATA < Status.MISSED
    with pytest.raises(TypeError):
        _ = Status.ACHIEVED >= Status.NO_DATA


def test_every_status_has_a_customary_label_and_the_methods_label():
    assert dict(STATUS_LABELS) == {
        Status.ACHIEVED: "Đạt, vượt",
        Status.ON_TRACK: "Có khả năng đạt",
        Status.NEEDS_ACCELERATION: "Khó đạt",
        Status.LIMITED_PROGRESS: "Khó đạt",
        Status.DETERIORATION: "Khó đạt",
        Status.MISSED: "Không đạt",
        Status.NO_DATA: "Chưa đủ số liệu",
    }
    assert dict(METHOD_LABELS) == {
        Status.ACHIEVED: "Đạt/vượt",
        Status.ON_TRACK: "Đúng tiến độ",
        Status.NEEDS_ACCELERATION: "Cần đẩy nhanh",
        Status.LIMITED_PROGRESS: "Tiến độ chậm",
        Status.DETERIORATION: "Xa dần mục tiêu",
        Status.MISSED: "Không đạt",
        Status.NO_DATA: "Chưa có số liệu",
    }
    assert STATUS_LABELS["missed"] == "Không đạt"  # type: ignore[index]
    assert Status.ON_TRACK.label == "Có khả năng đạt"
    assert Status.NEEDS_ACCELERATION.full_label == "Khó đạt (cần đẩy nhanh)"
    assert Status.ACHIEVED.full_label == "Đạt, vượt"


def test_an_unjudged_target_keeps_an_indicator_from_a_good_verdict():
    assert indicator_status([Status.ACHIEVED, Status.NO_DATA]) is Status.NO_DATA
    assert indicator_status([Status.ON_TRACK, Status.NO_DATA]) is Status.NO_DATA
    # a bad verdict stands on the targets that were judged
    assert indicator_status([Status.ACHIEVED, Status.MISSED, Status.NO_DATA]) is Status.MISSED
    assert indicator_status([Status.ACHIEVED, Status.ON_TRACK]) is Status.ON_TRACK
    assert indicator_status([]) is Status.NO_DATA


def test_the_rules_state_the_thresholds_they_are_built_from():
    assert classify_ratio(ON_TRACK_RATIO) is Status.ON_TRACK
    assert classify_ratio(ACCELERATION_RATIO) is Status.NEEDS_ACCELERATION
    assert classify_ratio(ACCELERATION_RATIO - 0.001) is Status.LIMITED_PROGRESS
    assert "từ 60% đến dưới 95%" in status_rule(Status.NEEDS_ACCELERATION)
    assert "dưới 60%" in status_rule(Status.LIMITED_PROGRESS)
    assert "từ 95%" in status_rule(Status.ON_TRACK)


def test_docs_state_the_same_thresholds():
    """docs/assessment.md's table of statuses is checked against the constants."""
    docs = (Path(__file__).parents[2] / "docs" / "assessment.md").read_text(encoding="utf-8")
    on_track = format_number(ON_TRACK_RATIO)
    acceleration = format_number(ACCELERATION_RATIO)
    for status in Status:
        assert f"| `{status.value}` | {status.label} | {status.method_label} |" in docs
    assert f"| R ≥ {on_track} |" in docs
    assert f"| {acceleration} ≤ R < {on_track} |" in docs
    assert f"| 0 ≤ R < {acceleration} |" in docs


def test_worst_status_takes_the_worst():
    statuses = [Status.ACHIEVED, Status.NEEDS_ACCELERATION, Status.ON_TRACK]
    assert worst_status(statuses) is Status.NEEDS_ACCELERATION
    assert worst_status(["achieved", "missed"]) is Status.MISSED


def test_worst_status_ignores_no_data_unless_all_have_none():
    assert worst_status([Status.NO_DATA, Status.ON_TRACK]) is Status.ON_TRACK
    assert worst_status([Status.NO_DATA, Status.NO_DATA]) is Status.NO_DATA
    assert worst_status([]) is Status.NO_DATA


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (2.0, Status.ON_TRACK),
        (0.95, Status.ON_TRACK),
        (0.9499, Status.NEEDS_ACCELERATION),
        (0.60, Status.NEEDS_ACCELERATION),
        (0.5999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-0.0001, Status.DETERIORATION),
        (float("inf"), Status.ON_TRACK),
        (float("-inf"), Status.DETERIORATION),
    ],
)
def test_classify_ratio_thresholds(ratio, status):
    assert classify_ratio(ratio) is status
