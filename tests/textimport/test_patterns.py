"""Failure patterns found on real resolution texts (issue 13, section 4), on examples of our own.

Each example is written for this test: none is taken from the corpus.
"""

from __future__ import annotations

import pytest

from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.targets import ItemContext, read_targets


def read(text: str, term_end: int = 2030) -> list[dict]:
    return read_targets(text, ItemContext(3, term_end, WarningLog()))


def shape(text: str) -> list[tuple]:
    return [
        (t["kind"], t["comparator"], t["value"], t["unit"], t["year"], t["each_year"])
        for t in read(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Giá trị sản xuất công nghiệp (giá so sánh năm 2010) đạt 2.400 tỷ đồng.",
        "Tổng sản phẩm trên địa bàn theo giá cố định năm 1994 đạt 860 tỷ đồng.",
        "Doanh thu dịch vụ (tính theo giá hiện hành năm 2024) đạt 310 tỷ đồng.",
    ],
)
def test_a_price_base_is_never_a_deadline(text):
    assert [t["year"] for t in read(text)] == [2030]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tổng vốn huy động cho xây dựng nông thôn mới giai đoạn 2026-2030: 640 tỷ đồng.", 640),
        ("Vốn đầu tư công thời kỳ 2026 - 2030: 1.250 tỷ đồng.", 1250),
    ],
)
def test_a_period_followed_by_a_figure_is_a_total(text, value):
    assert shape(text) == [("cumulative", ">=", value, "tỷ đồng", 2030, False)]


def test_a_period_in_brackets_names_a_standard_not_a_total():
    text = "Tỷ lệ hộ cận nghèo (theo chuẩn giai đoạn 2026-2030) còn dưới 4%."
    assert shape(text) == [("level", "<", 4, "%", 2030, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đến năm 2028 xã có 4 trường đạt chuẩn quốc gia.",
            [("level", ">=", 4, "trường", 2028, False)],
        ),
        (
            "Đến năm 2027 phường có 100% tuyến phố được chiếu sáng.",
            [("level", ">=", 100, "%", 2027, False)],
        ),
        (
            "Đến năm 2029 xã đạt chuẩn nông thôn mới kiểu mẫu.",
            [("level", ">=", 1, "đạt/không đạt", 2029, False)],
        ),
    ],
)
def test_the_unit_of_government_after_a_year_is_the_subject_not_a_unit(text, expected):
    assert shape(text) == expected


def test_a_breakdown_inherits_every_year_and_the_deadline_of_its_sentence():
    text = "Giải quyết việc làm hằng năm cho 650 lao động, trong đó lao động nữ 300 người."
    assert shape(text) == [
        ("level", ">=", 650, "lao động", 2030, True),
        ("level", ">=", 300, "người", 2030, True),
    ]
    text = "Sản lượng chè đạt 7.000 tấn vào năm 2028, trong đó chè chất lượng cao 2.000 tấn."
    assert [t["year"] for t in read(text)] == [2028, 2028]


@pytest.mark.parametrize(
    ("text", "each_year"),
    [
        ("Doanh thu từ du lịch cộng đồng tăng 15% hàng năm.", True),
        ("Tỷ lệ tăng thu nội địa so với năm trước: 10%.", True),
        ("Thu ngân sách tăng 9% mỗi năm.", True),
        ("Giá trị sản xuất thủy sản tăng bình quân 6%/năm.", False),
    ],
)
def test_growth_rates_with_and_without_an_average(text, each_year):
    [target] = read(text)
    assert (target["kind"], target["unit"], target["each_year"]) == ("growth_rate", "%", each_year)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tổng sản phẩm trên địa bàn đạt 1,1 triệu tỷ đồng.", "triệu tỷ đồng"),
        ("Đón 320.000 lượt khách tham quan.", "lượt khách"),
        ("Kiên cố hóa 14 đoạn kè chống sạt lở.", "đoạn"),
        ("Có 9 đoạn đường hoa do đoàn viên tự quản.", "đoạn đường"),
        ("Đàn lợn, gà của các hộ đạt 52.000 con.", "con"),
        ("Xây dựng 35 km đường bê tông nội đồng.", "km"),
        ("Nuôi trồng 6 loại cây dược liệu có giá trị.", "loại"),
    ],
)
def test_multi_word_units_and_count_nouns(text, unit):
    assert [t["unit"] for t in read(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "Đến năm 2028, tỷ lệ hộ dùng nước sạch đạt 98% và xã đạt chuẩn nông thôn mới kiểu mẫu.",
        "Xã đạt chuẩn an toàn thực phẩm, tỷ lệ hộ dùng nước sạch đạt 98%.",
    ],
)
def test_a_yes_no_clause_next_to_a_figure_is_its_own_target(text):
    targets = read(text)
    assert sorted((t["value"], t["unit"]) for t in targets) == [(1, "đạt/không đạt"), (98, "%")]


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ thôn có nhà văn hóa đạt chuẩn đạt 75% (9/12 thôn).",
        "Có 08/10 trạm y tế đạt chuẩn (chiếm 80%).",
    ],
)
def test_a_bracket_restating_the_figure_is_not_a_second_target(text):
    assert len(read(text)) == 1
