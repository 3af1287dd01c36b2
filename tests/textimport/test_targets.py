"""How single indicator texts are read: comparators, kinds, numbers, units, deadlines."""

from __future__ import annotations

import pytest

from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.targets import ItemContext, read_targets


def read(text: str, term_end: int = 2030) -> tuple[list[dict], WarningLog]:
    log = WarningLog()
    return read_targets(text, ItemContext(7, term_end, log)), log


def fields(text: str, term_end: int = 2030) -> list[tuple]:
    targets, _log = read(text, term_end)
    return [
        (
            t["kind"],
            t["comparator"],
            t["value"],
            t["upper"],
            t["unit"],
            t["denominator"],
            t["year"],
            t["each_year"],
        )
        for t in targets
    ]


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("Tỷ lệ lao động qua đào tạo đạt 30%.", ">="),
        ("Tỷ lệ hộ gia đình văn hóa là 80%.", ">="),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế từ 95% trở lên.", ">="),
        ("Tỷ lệ lao động qua đào tạo tối thiểu 70%.", ">="),
        ("Có ít nhất 05 sản phẩm OCOP.", ">="),
        ("Tỷ lệ lao động qua đào tạo không dưới 70%.", ">="),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế trên 95%.", ">"),
        ("Tỷ lệ hộ nghèo dưới 12%.", "<"),
        ("Tỷ lệ hộ nghèo không quá 1,5%.", "<="),
        ("Tỷ lệ trẻ suy dinh dưỡng tối đa 8%.", "<="),
        ("Tỷ lệ hộ cận nghèo giảm còn 3%.", "<="),
        ("Tỷ lệ hộ nghèo giảm còn dưới 4%.", "<"),
        ("Tỷ lệ lao động nông nghiệp khoảng 30%.", "="),
        ("Tỷ lệ hộ cận nghèo giảm còn 2,5-3,5%.", "between"),
    ],
)
def test_comparators(text, comparator):
    assert fields(text)[0][1] == comparator


def test_vietnamese_numbers_and_leading_zeros():
    assert fields("Cây lương thực có hạt đạt 49.305 tấn.")[0][2] == 49305
    assert fields("Tỷ lệ che phủ rừng đạt 71,4 %.")[0][2] == 71.4
    assert fields("Có 05/07 trường đạt chuẩn quốc gia.")[0][2:6] == (5, None, "trường", 7)
    assert fields("Tốc độ tăng trưởng bình quân hằng năm từ 7,5 đến 8,0%/năm.")[0][2:5] == (
        7.5,
        8,
        "%",
    )


def test_ranges_with_hyphen_and_en_dash():
    assert fields("Thu ngân sách tăng bình quân 3-3,5%/năm.")[0][:5] == (
        "growth_rate",
        "between",
        3,
        3.5,
        "%",
    )
    assert fields("Thu ngân sách tăng bình quân 3 – 5%/năm.")[0][:5] == (
        "growth_rate",
        "between",
        3,
        5,
        "%",
    )


def test_kinds():
    assert fields("Tốc độ tăng giá trị sản xuất bình quân hằng năm 12%.")[0][0] == "growth_rate"
    assert fields("Kết nạp từ 60 đảng viên mới trở lên trong nhiệm kỳ.")[0][:5] == (
        "cumulative",
        ">=",
        60,
        None,
        "đảng viên",
    )
    assert fields("Tổng vốn đầu tư giai đoạn 2026-2030: 1.850 tỷ đồng.")[0][:5] == (
        "cumulative",
        ">=",
        1850,
        None,
        "tỷ đồng",
    )
    assert fields("Tỷ lệ hộ nghèo giảm bình quân 2,5%/năm.")[0][:5] == (
        "annual_change",
        "<=",
        -2.5,
        None,
        "điểm %",
    )
    assert fields("Tỷ lệ đô thị hóa tăng bình quân 1,2 điểm phần trăm/năm.")[0][:5] == (
        "annual_change",
        ">=",
        1.2,
        None,
        "điểm %",
    )
    assert fields("Tỷ lệ hộ nghèo giảm bình quân 1 – 1,5%/năm.")[0][:5] == (
        "annual_change",
        "between",
        -1.5,
        -1,
        "điểm %",
    )


def test_each_year():
    assert fields("Tỷ lệ che phủ rừng ổn định đạt 40%.")[0][7] is True
    assert fields("Hằng năm giải quyết việc làm mới cho 150 lao động.")[0][4:] == (
        "lao động",
        None,
        2030,
        True,
    )
    assert fields("Tỷ lệ chi ngân sách hàng năm cho khoa học đạt 2%.")[0][7] is True
    assert fields("Tốc độ tăng thu ngân sách bình quân hằng năm 5%.")[0][7] is False
    assert fields("100% chi bộ duy trì nề nếp, chất lượng sinh hoạt.")[0][7] is False
    assert fields("8/8 khu phố giữ vững danh hiệu khu phố văn hóa.")[0][7] is True


def test_several_targets_in_one_item():
    assert [
        f[2]
        for f in fields(
            "Sản lượng đến năm 2030: Cây lương thực có hạt đạt 49.305 tấn, quả các loại đạt: 194.572 tấn, "
            "Thủy sản đạt: 300 tấn."
        )
    ] == [49305, 194572, 300]
    both = fields(
        "Sản lượng lương thực ổn định từ 25.000 tấn trở lên, trong đó: lúa đạt 9.800 tấn."
    )
    assert [(f[2], f[7]) for f in both] == [(25000, True), (9800, False)]


def test_deadlines():
    two = fields(
        "Đến năm 2027, xã đạt chuẩn nông thôn mới nâng cao; đến năm 2030 có 04/09 ấp đạt chuẩn."
    )
    assert [(f[2], f[4], f[6]) for f in two] == [(1, "đạt/không đạt", 2027), (4, "ấp", 2030)]
    assert fields("Tỷ lệ trẻ em 6 tuổi vào lớp 1 đạt 100%.", term_end=2025) == [
        ("level", ">=", 100, None, "%", None, 2025, False)
    ]
    assert fields("Tăng 20% so với năm 2025, đạt 50%.")[-1][6] == 2030  # a baseline is no deadline


def test_yes_no_and_no_more_poverty():
    assert fields("Duy trì xã đạt chuẩn quốc gia về y tế.") == [
        ("level", ">=", 1, None, "đạt/không đạt", None, 2030, True)
    ]
    assert fields("Không còn hộ nghèo theo chuẩn nghèo đa chiều.") == [
        ("level", "<=", 0, None, "%", None, 2030, False)
    ]


def test_ratios_and_restatements():
    assert fields("Tỷ lệ thôn đạt chuẩn 41,7% (05/12 thôn).") == [
        ("level", ">=", 41.7, None, "%", None, 2030, False)
    ]
    assert fields("Phấn đấu đạt 05/07 trường (đạt tỉ lệ 71,4 %).")[0][2:6] == (5, None, "trường", 7)


def test_numbers_in_labels_are_not_targets():
    assert fields("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn dưới 18%.") == [
        ("level", "<", 18, None, "%", None, 2030, False)
    ]
    assert [f[2] for f in fields("Có ít nhất 05 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên.")] == [5]
    assert [f[2] for f in fields("Có 05/08 trường đạt chuẩn quốc gia mức độ 2.")] == [5]


def test_units_per_population_and_per_person():
    assert [
        f[4] for f in fields("Đến năm 2030 đạt 14 bác sĩ và 38 giường bệnh trên một vạn dân.")
    ] == ["bác sĩ/vạn dân", "giường bệnh/vạn dân"]
    assert fields("Thu nhập đạt 48 triệu đồng/người/ năm.")[0][4] == "triệu đồng/người/năm"


def test_item_without_figure_is_warned():
    targets, log = read("Tăng cường công tác tuyên truyền.")
    assert targets == []
    assert [(w.code, w.indicator) for w in log.items] == [("no_figure", 7)]
    assert log.items[0].excerpt == "Tăng cường công tác tuyên truyền."


def test_falling_quantity_without_comparator_is_warned():
    targets, log = read("Tỷ lệ hộ nghèo đạt 3%.")
    assert targets[0]["comparator"] == "<="
    assert [w.code for w in log.items] == ["ambiguous_comparator"]
    assert "giảm" in log.items[0].message


def test_decimal_point_number_is_warned():
    targets, log = read("Tốc độ tăng trưởng bình quân 8.5%/năm.")
    assert targets[0]["value"] == 8.5
    assert "ambiguous_number" in [w.code for w in log.items]
