from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from nghiquyet.documents import STATUSES, ReportData, ReportTarget, _seed, sample_report_data
from nghiquyet.progress import Status

SEED_FILE = Path(__file__).resolve().parents[3] / "shared/seed/phieng-khoai-2025-2030.expected.json"


def test_it_has_the_whole_resolution(sample: ReportData) -> None:
    assert [g.code for g in sample.groups] == ["a", "b", "c"]
    assert len(list(sample.indicators())) == 24
    assert len(list(sample.targets())) == 37
    assert sample.illustrative


def test_it_covers_every_status(sample: ReportData) -> None:
    seen = {t.status for t in sample.targets()}
    assert seen == set(STATUSES)


def test_counts_add_up(sample: ReportData) -> None:
    assert sum(sample.status_counts().values()) == 24
    assert sum(sample.target_status_counts().values()) == 37


def test_a_later_year_has_more_columns() -> None:
    data = sample_report_data(as_of=2028)
    assert list(data.years) == [2025, 2026, 2027, 2028]
    grain = next(t for t in data.targets() if t.label == "Sản lượng cây lương thực có hạt")
    assert grain.estimate_years == frozenset({2028})
    assert grain.latest_year == 2028


def test_it_refuses_a_year_outside_the_term() -> None:
    with pytest.raises(ValueError):
        sample_report_data(as_of=2025)


def test_data_is_frozen(sample: ReportData) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.place = "Hà Nội"  # type: ignore[misc]


def test_statuses_are_the_assessments(sample: ReportData) -> None:
    target = next(sample.targets())
    assert isinstance(target.status, Status)
    # The Django side may pass the stored string; it becomes the enum.
    plain = dataclasses.replace(target, status="missed")  # type: ignore[arg-type]
    assert plain.status is Status.MISSED


def test_it_rejects_an_unknown_status() -> None:
    with pytest.raises(ValueError):
        ReportTarget(
            label="x",
            unit="%",
            target_text="≥ 1",
            deadline_year=2030,
            status="great",  # type: ignore[arg-type]
            status_label="?",
        )


@pytest.mark.skipif(not SEED_FILE.exists(), reason="shared/seed is not beside the repository")
def test_the_embedded_registry_matches_the_seed_file() -> None:
    seed = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    assert seed["resolution"]["title"] == _seed.RESOLUTION_TITLE
    assert [(g["code"], g["title"]) for g in seed["groups"]] == list(_seed.GROUPS)
    fields = ("label", "kind", "comparator", "value", "unit", "denominator", "year", "each_year")
    for ours, theirs in zip(_seed.INDICATORS, seed["indicators"], strict=True):
        assert (ours.number, ours.group, ours.text) == (
            theirs["number"],
            theirs["group"],
            theirs["text"],
        )
        assert [tuple(getattr(t, f) for f in fields) for t in ours.targets] == [
            tuple(t[f] for f in fields) for t in theirs["targets"]
        ]
