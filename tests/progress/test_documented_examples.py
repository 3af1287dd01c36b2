"""The worked examples of docs/assessment.md are what the code produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from nghiquyet.progress import Status
from tests.progress.helpers import assess, target

DOC = Path(__file__).resolve().parents[2] / "docs" / "assessment.md"

EXAMPLES = [
    (
        target(),
        {2025: 700, 2026: 740, 2027: 780},
        Status.ON_TRACK,
        "thực hiện 2027: 780 triệu đồng (năm 2025: 700 triệu đồng); cần tăng bình quân 5,7%/năm, "
        "thực tế 5,6%/năm; dự kiến năm 2030: 917,5 triệu đồng",
    ),
    (
        target(value=10, unit="bản"),
        {2025: 0, 2026: 1, 2027: 3},
        Status.NEEDS_ACCELERATION,
        "thực hiện 2027: 3 bản (năm 2025: 0 bản); cần tăng bình quân 2 bản/năm, "
        "thực tế 1,5 bản/năm; dự kiến năm 2030: 8 bản",
    ),
    (
        target(comparator="<", value=12, unit="%"),
        {2025: 20, 2026: 18.4, 2027: 17},
        Status.NEEDS_ACCELERATION,
        "thực hiện 2027: 17% (năm 2025: 20%); cần giảm bình quân 1,6 điểm %/năm, "
        "thực tế 1,5 điểm %/năm; dự kiến năm 2030: 12,5%",
    ),
    (
        target(value=40, unit="%", each_year=True),
        {2025: 39.2, 2026: 41, 2027: 39.5},
        Status.MISSED,
        "không đạt chỉ tiêu hằng năm từ 40% trở lên năm 2027 (2027: 39,5%)",
    ),
    (
        target(kind="growth_rate", value=5, unit="%"),
        {2025: 700, 2026: 740, 2027: 780},
        Status.ON_TRACK,
        "thực hiện 2027: 780 (năm 2025: 700); thực tế tăng bình quân 5,6%/năm, "
        "chỉ tiêu tăng bình quân từ 5%/năm trở lên",
    ),
    (
        target(kind="cumulative", value=115, unit="đảng viên"),
        {2026: 20, 2027: 22},
        Status.NEEDS_ACCELERATION,
        "lũy kế 2026-2027: 42 đảng viên, cần 46 đảng viên theo tiến độ để đạt chỉ tiêu "
        "từ 115 đảng viên trở lên trong nhiệm kỳ; dự kiến lũy kế đến năm 2030: 105 đảng viên",
    ),
    (
        target(kind="annual_change", comparator="<=", value=-1.5, unit="điểm %"),
        {2025: 13.5, 2026: 12.4, 2027: 11},
        Status.NEEDS_ACCELERATION,
        "thực hiện 2027: 11% (năm 2025: 13,5%); thực tế giảm bình quân 1,25 điểm %/năm, "
        "chỉ tiêu giảm bình quân từ 1,5 điểm %/năm trở lên",
    ),
    (
        target(value=1, unit="đạt/không đạt"),
        {2025: 0, 2026: 0, 2027: 0},
        Status.LIMITED_PROGRESS,
        "thực hiện 2027: chưa đạt (năm 2025: chưa đạt); chỉ tiêu đạt đến năm 2030",
    ),
]


@pytest.mark.parametrize(("fields", "series", "status", "sentence"), EXAMPLES)
def test_the_worked_example(fields, series, status, sentence):
    result = assess(fields, series, 2027)
    assert result.status is status
    assert result.explanation == sentence


@pytest.mark.parametrize("sentence", [example[3] for example in EXAMPLES])
def test_the_doc_quotes_it(sentence):
    assert f"> {sentence}\n" in DOC.read_text(encoding="utf-8")
