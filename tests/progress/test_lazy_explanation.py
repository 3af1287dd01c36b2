"""``assess_target(..., explain=False)``: the same status and numbers, and the same
explanation written only when it is read (Hypothesis, over any target and series)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.progress import assess_target
from tests.progress.test_properties import any_series, any_target


@settings(deadline=None, max_examples=400)
@given(goal=any_target(), series=any_series,
       term_start=st.integers(min_value=2015, max_value=2035),
       as_of=st.integers(min_value=2010, max_value=2050))
def test_a_lazy_assessment_is_the_eager_one(goal: dict[str, Any], series: dict[int, Any],
                                           term_start: int, as_of: int) -> None:
    eager = assess_target(goal, series, term_start=term_start, as_of=as_of)
    lazy = assess_target(goal, series, term_start=term_start, as_of=as_of, explain=False)
    for f in fields(eager):
        if f.name != "explained":
            assert getattr(lazy, f.name) == getattr(eager, f.name), f.name
    assert not isinstance(lazy.explained, str)  # nothing written yet
    assert lazy.explanation == eager.explanation
    assert lazy.explained == eager.explanation  # written once, then kept


def test_the_words_are_vietnamese_when_read_later() -> None:
    goal = {"kind": "level", "comparator": ">=", "value": 100, "unit": "tấn", "year": 2030}
    lazy = assess_target(goal, {2025: 50, 2027: 70}, term_start=2025, as_of=2027,
                         explain=False)
    assert "thực hiện 2027: 70 tấn" in lazy.explanation
