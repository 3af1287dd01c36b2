"""From targets to indicators, groups and the whole resolution."""

from __future__ import annotations

from nghiquyet.progress import Status, assess_indicator, count_statuses, summarize_statuses
from tests.progress.helpers import TERM_START, target


def test_an_indicator_takes_the_worst_of_its_targets():
    indicator = assess_indicator(
        [
            (target(), {2025: 700, 2027: 780}),  # on track
            (target(value=10, unit="bản"), {2025: 0, 2027: 2}),  # limited progress
            (target(), {}),  # no data: ignored
        ],
        term_start=TERM_START,
        as_of=2027,
    )
    assert indicator.status is Status.LIMITED_PROGRESS
    assert [result.status for result in indicator.targets] == [
        Status.ON_TRACK,
        Status.LIMITED_PROGRESS,
        Status.NO_DATA,
    ]
    assert indicator.explanation == (
        "1/3 mục tiêu đạt, vượt hoặc có khả năng đạt; đánh giá được 2/3 mục tiêu"
    )
    assert indicator.label == "Khó đạt"


def test_an_indicator_with_an_unjudged_target_is_not_achieved():
    indicator = assess_indicator(
        [(target(), {2025: 700, 2027: 930}), (target(), {})], term_start=TERM_START, as_of=2027
    )
    assert [result.status for result in indicator.targets] == [Status.ACHIEVED, Status.NO_DATA]
    assert indicator.status is Status.NO_DATA
    assert indicator.explanation.endswith("đánh giá được 1/2 mục tiêu")


def test_an_indicator_with_one_target_explains_it():
    indicator = assess_indicator(
        [(target(), {2025: 700, 2027: 930})], term_start=TERM_START, as_of=2027
    )
    assert indicator.status is Status.ACHIEVED
    assert indicator.explanation == indicator.targets[0].explanation


def test_an_indicator_without_data_or_targets():
    assert assess_indicator([(target(), {})], term_start=2025, as_of=2027).status is Status.NO_DATA
    empty = assess_indicator([], term_start=2025, as_of=2027)
    assert empty.status is Status.NO_DATA
    assert empty.explanation


def test_roll_up_counts_per_group_and_overall():
    statuses = (
        [("a", Status.ACHIEVED)] * 3
        + [("a", Status.NEEDS_ACCELERATION)] * 2
        + [("b", Status.ON_TRACK)] * 12
        + [("b", "missed")] * 2
        + [("c", Status.ON_TRACK)] * 3
        + [("c", Status.DETERIORATION)] * 2
    )
    rolled = summarize_statuses(statuses)
    assert list(rolled.groups) == ["a", "b", "c"]
    assert rolled.groups["a"].counts[Status.ACHIEVED] == 3
    assert rolled.groups["a"].counts[Status.MISSED] == 0
    assert rolled.groups["b"].summary == "12/14 chỉ tiêu đạt, vượt hoặc có khả năng đạt"
    assert rolled.overall.total == 24
    assert rolled.overall.good == 18
    assert rolled.summary == "18/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt"


def test_roll_up_mentions_indicators_without_data():
    rolled = summarize_statuses([(None, Status.ON_TRACK), (None, Status.NO_DATA)])
    assert list(rolled.groups) == [None]
    assert rolled.summary == "1/2 chỉ tiêu đạt, vượt hoặc có khả năng đạt, 1 chỉ tiêu chưa đủ số liệu để đánh giá"


def test_count_statuses_lists_every_status():
    counts = count_statuses([])
    assert set(counts.counts) == set(Status)
    assert counts.total == 0
    assert counts.summary == "0/0 chỉ tiêu đạt, vượt hoặc có khả năng đạt"
