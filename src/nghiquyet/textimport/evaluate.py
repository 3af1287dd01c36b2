"""Scoring a parsed registry against a reviewed one (precision and recall of targets).

Targets are matched by indicator number and position, and compared on the
fields of registry-format.md; labels and texts are for people and not compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from nghiquyet.lib.registry import COMPARED_TARGET_FIELDS as COMPARED_FIELDS


@dataclass(frozen=True)
class Score:
    correct: int  # targets equal on every compared field
    found: int  # targets the parser produced
    expected: int  # targets in the reviewed registry

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.correct + other.correct, self.found + other.found, self.expected + other.expected
        )


def targets_equal(found: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(_same(found.get(name), expected.get(name)) for name in COMPARED_FIELDS)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def score_targets(found: dict[str, Any], expected: dict[str, Any]) -> Score:
    by_number = {ind["number"]: ind["targets"] for ind in found.get("indicators", [])}
    correct = 0
    for indicator in expected.get("indicators", []):
        mine = by_number.get(indicator["number"], [])
        correct += sum(
            1 for a, b in zip(mine, indicator["targets"], strict=False) if targets_equal(a, b)
        )
    return Score(
        correct,
        sum(len(ind["targets"]) for ind in found.get("indicators", [])),
        sum(len(ind["targets"]) for ind in expected.get("indicators", [])),
    )


def structure_differences(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Names of the registry parts besides targets that differ (metadata, counts, groups...)."""
    differences = []
    if found.get("resolution") != expected.get("resolution"):
        differences.append("resolution")
    if found.get("declared_indicator_count") != expected.get("declared_indicator_count"):
        differences.append("declared_indicator_count")
    if _groups(found) != _groups(expected):
        differences.append("groups")
    if _indicator_shape(found) != _indicator_shape(expected):
        differences.append("indicators")
    for part in ("breakthroughs", "tasks"):
        if len(found.get(part, [])) != len(expected.get(part, [])):
            differences.append(part)
    return differences


def _groups(registry: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [(g.get("code"), g.get("declared_count")) for g in registry.get("groups", [])]


def _indicator_shape(registry: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [(i.get("number"), i.get("group")) for i in registry.get("indicators", [])]
