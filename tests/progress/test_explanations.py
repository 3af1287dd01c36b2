"""Every explanation template states the numbers behind its status, in Vietnamese format.

One case per template; ``numbers`` are the figures a commune official needs
to check the status by hand.
"""

from __future__ import annotations

import pytest

from nghiquyet.progress import Status
from tests.progress.helpers import assess, is_vietnamese_numbers, target

LEVEL = target()
BẢN = target(value=10, unit="bản")
FOREST = target(value=40, unit="%", each_year=True)
GROWTH = target(kind="growth_rate", value=5, unit="%")
POVERTY_DOWN = target(kind="annual_change", comparator="<=", value=-1.5, unit="điểm %")
MEMBERS = target(kind="cumulative", value=115, unit="đảng viên")
CAP = target(kind="cumulative", comparator="<=", value=10, unit="vụ")

# fmt: off
CASES = [
    # name, target, series, as_of, status, numbers
    ("level achieved", LEVEL, {2025: 700, 2027: 930}, 2027, Status.ACHIEVED, ["2027", "930 triệu đồng", "từ 925 triệu đồng trở lên"]),
    ("level missed", LEVEL, {2025: 700, 2030: 900}, 2030, Status.MISSED, ["2030: 900 triệu đồng", "từ 925 triệu đồng trở lên", "đến năm 2030"]),
    ("level no values", LEVEL, {}, 2027, Status.NO_DATA, ["2025", "2027"]),
    ("level no baseline", LEVEL, {2027: 780}, 2027, Status.NO_DATA, ["2027: 780 triệu đồng", "năm gốc 2025"]),
    ("level only baseline", LEVEL, {2025: 700}, 2027, Status.NO_DATA, ["2025: 700 triệu đồng"]),
    ("level out of range", target(value=1e300), {2025: 1e-300, 2027: 1e200}, 2027, Status.NO_DATA, ["2027", "vượt phạm vi"]),
    ("level baseline on target", BẢN, {2025: 10, 2027: 8}, 2027, Status.DETERIORATION, ["2027: 8 bản", "2025: 10 bản", "từ 10 bản trở lên"]),
    ("level growth form", LEVEL, {2025: 700, 2027: 780}, 2027, Status.ON_TRACK, ["2027: 780 triệu đồng", "2025: 700 triệu đồng", "5,7%/năm", "5,6%/năm", "2030: 917,5 triệu đồng"]),
    ("level wrong way", target(comparator="<", value=12, unit="%"), {2025: 20, 2027: 21}, 2027, Status.DETERIORATION, ["giảm bình quân 1,6 điểm %/năm", "tăng bình quân 0,5 điểm %/năm", "22,5%"]),
    ("level linear form", BẢN, {2025: 0, 2027: 3}, 2027, Status.NEEDS_ACCELERATION, ["2027: 3 bản", "2025: 0 bản", "2 bản/năm", "1,5 bản/năm", "2030: 8 bản"]),
    ("level linear share", target(comparator="<=", value=0, unit="%"), {2025: 4, 2027: 2}, 2027, Status.ON_TRACK, ["0,8 điểm %/năm", "1 điểm %/năm", "2030: 0%"]),
    ("level yes/no", target(value=1, unit="đạt/không đạt"), {2025: 0, 2027: 0}, 2027, Status.LIMITED_PROGRESS, ["2027: chưa đạt", "2025: chưa đạt", "đạt đến năm 2030"]),
    ("level thousands", target(value=2000, unit="tấn"), {2025: 1000, 2027: 1234.5}, 2027, Status.NEEDS_ACCELERATION, ["1.235 tấn", "1.000 tấn", "14,9%/năm", "11,1%/năm"]),
    ("each_year no data", FOREST, {2025: 39}, 2027, Status.NO_DATA, ["2025", "từ 40% trở lên"]),
    ("each_year missed", FOREST, {2026: 38, 2027: 41, 2028: 39.5}, 2028, Status.MISSED, ["2026, 2028", "2026: 38%", "2028: 39,5%", "từ 40% trở lên"]),
    ("each_year met", FOREST, {2026: 41, 2027: 42.5}, 2027, Status.ON_TRACK, ["2027: 42,5%", "2 năm", "2026, 2027"]),
    ("growth_rate no baseline", GROWTH, {2027: 780}, 2027, Status.NO_DATA, ["2027: 780", "2025"]),
    ("growth_rate only baseline", GROWTH, {2025: 700}, 2027, Status.NO_DATA, ["2025: 700"]),
    ("growth_rate from zero", GROWTH, {2025: 0, 2027: 780}, 2027, Status.NO_DATA, ["2025: 0", "2027: 780"]),
    ("growth_rate achieved", GROWTH, {2025: 1000, 2030: 1300}, 2030, Status.ACHIEVED, ["1.300", "1.000", "5,4%/năm", "từ 5%/năm trở lên"]),
    ("growth_rate missed", GROWTH, {2025: 1000, 2030: 1200}, 2030, Status.MISSED, ["1.200", "3,7%/năm", "từ 5%/năm trở lên"]),
    ("growth_rate progress", GROWTH, {2025: 700, 2027: 780}, 2027, Status.ON_TRACK, ["2027: 780", "2025: 700", "5,6%/năm", "từ 5%/năm trở lên"]),
    ("annual_change progress", POVERTY_DOWN, {2025: 13.5, 2027: 11}, 2027, Status.NEEDS_ACCELERATION, ["2027: 11%", "2025: 13,5%", "1,25 điểm %/năm", "giảm bình quân từ 1,5 điểm %/năm trở lên"]),
    ("annual_change out of range", POVERTY_DOWN, {2025: -1e308, 2026: 1e308}, 2027, Status.NO_DATA, ["2026", "vượt phạm vi"]),
    ("cumulative no data", MEMBERS, {2025: 3}, 2027, Status.NO_DATA, ["2025"]),
    ("cumulative achieved", MEMBERS, {2026: 40, 2027: 40, 2028: 40}, 2028, Status.ACHIEVED, ["2026-2028", "120 đảng viên", "từ 115 đảng viên trở lên"]),
    ("cumulative missed", MEMBERS, {y: 20 for y in range(2026, 2031)}, 2030, Status.MISSED, ["2026-2030", "100 đảng viên", "từ 115 đảng viên trở lên"]),
    ("cumulative goal", MEMBERS, {2026: 20, 2027: 22}, 2027, Status.NEEDS_ACCELERATION, ["2026-2027", "42 đảng viên", "46 đảng viên", "từ 115 đảng viên trở lên", "2030: 105 đảng viên"]),
    ("cumulative one year", MEMBERS, {2026: 20}, 2026, Status.NEEDS_ACCELERATION, ["lũy kế 2026:", "23 đảng viên", "100 đảng viên"]),
    ("cumulative limit", CAP, {2026: 2, 2027: 1}, 2027, Status.ON_TRACK, ["2026-2027", "3 vụ", "không quá 10 vụ", "8 vụ"]),
    ("cumulative out of range", MEMBERS, {2026: 1e308, 2027: 1e308}, 2027, Status.NO_DATA, ["vượt phạm vi"]),
    ("invalid target", target(kind="weird"), {}, 2027, Status.NO_DATA, ["weird"]),
    ("no number", target(value=None), {}, 2027, Status.NO_DATA, ["giá trị"]),
    ("deadline before term", target(year=2020), {}, 2027, Status.NO_DATA, ["2020", "2025"]),
    ("as_of before term", LEVEL, {}, 2024, Status.NO_DATA, ["2024", "2025"]),
]
# fmt: on


@pytest.mark.parametrize(
    ("fields", "series", "as_of", "status", "numbers"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_explanation_states_the_numbers(fields, series, as_of, status, numbers):
    result = assess(fields, series, as_of)
    assert result.status is status
    for number in numbers:
        assert number in result.explanation
    assert is_vietnamese_numbers(result.explanation)
    assert "\n" not in result.explanation


def test_the_contracts_example_sentence():
    result = assess(LEVEL, {2025: 700, 2027: 780}, 2027)
    assert result.explanation.startswith(
        "thực hiện 2027: 780 triệu đồng (năm 2025: 700 triệu đồng); "
        "cần tăng bình quân 5,7%/năm, thực tế 5,6%/năm"
    )


def test_1234_5_renders_the_vietnamese_way():
    result = assess(target(value=2000, unit="triệu đồng"), {2025: 1000, 2027: 1234.5}, 2027)
    assert "1.234,5 triệu đồng" in result.explanation
    assert "1234.5" not in result.explanation
