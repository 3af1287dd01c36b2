from __future__ import annotations

import copy

from nghiquyet.textimport.evaluate import Score, score_targets, structure_differences
from tests.textimport.helpers import seed_expected


def test_identical_registries_score_full():
    expected = seed_expected()
    assert score_targets(expected, expected) == Score(37, 37, 37)
    assert structure_differences(expected, expected) == []


def test_targets_are_matched_by_number_and_order_not_label():
    expected = seed_expected()
    found = copy.deepcopy(expected)
    found["indicators"][1]["targets"][0]["label"] = "khác"
    found["indicators"][1]["targets"].reverse()  # same targets, other order
    found["indicators"][2]["targets"].append(dict(found["indicators"][2]["targets"][0]))
    score = score_targets(found, expected)
    assert (score.correct, score.found, score.expected) == (37 - 4, 38, 37)
    assert round(score.precision, 3) == round(33 / 38, 3) and round(score.recall, 3) == round(
        33 / 37, 3
    )


def test_numbers_compare_by_value_and_booleans_strictly():
    expected = seed_expected()
    found = copy.deepcopy(expected)
    found["indicators"][0]["targets"][0]["value"] = 5.0
    found["indicators"][3]["targets"][0]["each_year"] = 1
    assert score_targets(found, expected).correct == 36


def test_empty_registries():
    empty = {"indicators": []}
    assert Score(0, 0, 0).precision == 1.0 and Score(0, 0, 0).recall == 1.0
    assert score_targets(empty, seed_expected()) == Score(0, 0, 37)
    assert Score(0, 0, 37).precision == 0.0
