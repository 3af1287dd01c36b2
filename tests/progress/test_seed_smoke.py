"""The seed resolution's 37 real targets, run through the assessment with made-up series."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nghiquyet.progress import (
    Status,
    assess_indicator,
    assess_target,
    describe_target,
    required_trajectory,
    summarize_statuses,
)
from tests.progress.helpers import is_vietnamese_numbers

SEED_REGISTRY = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "seed"
    / "phieng-khoai-2025-2030.expected.json"
)


@pytest.fixture(scope="module")
def registry() -> dict[str, Any]:
    if not SEED_REGISTRY.exists():
        pytest.skip("the seed registry (shared/seed) is not beside the repository")
    return json.loads(SEED_REGISTRY.read_text(encoding="utf-8"))


def _baseline(goal: dict[str, Any]) -> float:
    """A made-up 2025 figure short of the target, on the side the target starts from."""
    value = float(goal["value"])
    if goal["kind"] == "growth_rate":
        return 700.0
    if goal["comparator"] in ("<", "<="):
        return value * 1.5 + 1
    return value * 0.8


def _made_up_series(goal: dict[str, Any], pace: float) -> dict[int, float]:
    """Yearly figures moving at ``pace`` times the required pace, 2025-2027."""
    if goal["kind"] == "cumulative":
        share = float(goal["value"]) / 5
        return {2026: share * pace, 2027: share * pace}
    baseline = _baseline(goal)
    path = required_trajectory(goal, baseline, 2025)
    return {year: baseline + (path[year] - baseline) * pace for year in (2025, 2026, 2027)}


def _targets(registry: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [
        (indicator["number"], goal)
        for indicator in registry["indicators"]
        for goal in indicator["targets"]
    ]


def test_the_seed_has_37_targets(registry):
    assert len(_targets(registry)) == 37


def test_every_target_is_assessed_and_explained(registry):
    for number, goal in _targets(registry):
        for pace in (0.0, 0.5, 0.8, 1.0, 1.3, -0.5):
            result = assess_target(goal, _made_up_series(goal, pace), term_start=2025, as_of=2027)
            assert result.status is not Status.NO_DATA, (number, goal, pace)
            assert result.explanation and is_vietnamese_numbers(result.explanation)
        assert describe_target(goal), (number, goal)


def test_on_the_required_pace_every_target_is_on_track(registry):
    for number, goal in _targets(registry):
        result = assess_target(goal, _made_up_series(goal, 1.0), term_start=2025, as_of=2027)
        assert result.status in (Status.ON_TRACK, Status.ACHIEVED), (number, result)


def test_going_backwards_every_target_deteriorates_or_fails(registry):
    for number, goal in _targets(registry):
        result = assess_target(goal, _made_up_series(goal, -0.5), term_start=2025, as_of=2027)
        assert result.status in (Status.DETERIORATION, Status.MISSED), (number, result)


def test_the_seed_rolls_up_to_24_indicators(registry):
    per_indicator = [
        (
            indicator["group"],
            assess_indicator(
                [(goal, _made_up_series(goal, 1.0)) for goal in indicator["targets"]],
                term_start=2025,
                as_of=2027,
            ).status,
        )
        for indicator in registry["indicators"]
    ]
    rolled = summarize_statuses(per_indicator)
    assert list(rolled.groups) == ["a", "b", "c"]
    assert rolled.overall.total == 24
    assert rolled.summary == "24/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt"
