"""Layouts the reviewed files do not show: the rules must hold for any resolution of the genre."""

from __future__ import annotations

from nghiquyet.textimport import parse_text

RENUMBERED_PER_GROUP = """\
ĐẢNG BỘ TỈNH THANH SƠN                    ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG BỘ THỊ TRẤN BẾN ĐỒI

NGHỊ QUYẾT
ĐẠI HỘI ĐẢNG BỘ THỊ TRẤN BẾN ĐỒI LẦN THỨ XXII, NHIỆM KỲ 2025 – 2030

Nhiệm kỳ qua còn hạn chế: 1. Thu ngân sách đạt 85% kế hoạch. 2. Tỷ lệ hộ nghèo còn 6%.
QUYẾT NGHỊ
1. Mục tiêu tổng quát: xây dựng thị trấn văn minh.
2. Một số chỉ tiêu chủ yếu đến năm 2030:
a) Về kinh tế
1. Tổng giá trị sản xuất tăng bình quân hằng năm từ 9% trở lên.
2. Tỷ lệ hộ nghèo giảm bình quân hằng năm 1,2%; đến năm 2030 không quá 1%.
b) Về văn hóa - xã hội
1. Tỷ lệ lao động qua đào tạo không dưới 70%.
2. Đến năm 2028, thị trấn đạt chuẩn đô thị loại IV.
3. Các khâu đột phá: Thứ nhất, phát triển đô thị. Thứ hai, cải cách hành chính; Thứ ba, phát triển nguồn nhân lực.
4. Nhiệm vụ, giải pháp chủ yếu
1) Phát triển kinh tế đô thị
2) Bảo đảm an sinh xã hội
"""

BULLETED = """\
Đại hội đại biểu Đảng bộ phường Tân Mỹ lần thứ I, nhiệm kỳ 2025-2030, thành phố Hà Nội, đã thảo luận và
QUYẾT NGHỊ:
I. Đánh giá nhiệm kỳ 2020-2025: đạt 15/18 chỉ tiêu; hạn chế: (1) thu ngân sách thấp; (2) ô nhiễm môi trường.
II. Mục tiêu, chỉ tiêu nhiệm kỳ 2025-2030
Các chỉ tiêu chủ yếu (4 chỉ tiêu):
- Tốc độ tăng trưởng kinh tế bình quân 10%/năm.
- Tỷ lệ chất thải rắn được thu gom xấp xỉ 100%.
- Tỷ lệ hộ dùng nước sạch từ 99% đến 100%.
- Duy trì phường đạt chuẩn quốc gia về y tế.
III. Các nhiệm vụ trọng tâm:
1. Phát triển thương mại, dịch vụ.
2. Chỉnh trang đô thị.
IV. Giao Ban Chấp hành thực hiện.
"""

WEAKNESSES_WITH_FIGURES = """\
 Đại hội đại biểu Đảng bộ xã Nà Sản lần thứ I, nhiệm kỳ 2025-2030 họp tại xã Nà Sản, tỉnh
Sơn Trà. Đại hội

QUYẾT NGHỊ
1. Thông qua Báo cáo chính trị. Hạn chế:
(1) Sản xuất nhỏ lẻ, năng suất 4,2 tấn/ha.
(2) Thiếu nước tưới 200 ha.
2. Mục tiêu cụ thể
(1) Tổng sản lượng lương thực đạt trên 12.500 tấn; năng suất lúa bình quân
5,5 tấn/ha.
(2) Tỷ lệ che phủ rừng giữ ổn định ở mức 52%.
(3) Tăng cường công tác tuyên truyền, vận động Nhân dân.
3. Khâu đột phá
Một là, phát triển nông nghiệp hàng hóa. Hai là, xây dựng giao thông nông thôn.
"""


def targets_of(registry: dict) -> list[tuple]:
    return [
        (
            i["number"],
            t["kind"],
            t["comparator"],
            t["value"],
            t["upper"],
            t["unit"],
            t["year"],
            t["each_year"],
        )
        for i in registry["indicators"]
        for t in i["targets"]
    ]


def test_numbering_restarting_in_each_group_is_read_on():
    result = parse_text(RENUMBERED_PER_GROUP)
    registry = result.registry
    assert [(i["number"], i["group"]) for i in registry["indicators"]] == [
        (1, "a"),
        (2, "a"),
        (3, "b"),
        (4, "b"),
    ]
    assert targets_of(registry) == [
        (1, "growth_rate", ">=", 9, None, "%", 2030, False),
        (2, "annual_change", "<=", -1.2, None, "điểm %", 2030, False),
        (2, "level", "<=", 1, None, "%", 2030, False),
        (3, "level", ">=", 70, None, "%", 2030, False),
        (4, "level", ">=", 1, None, "đạt/không đạt", 2028, False),
    ]
    assert "numbering_restart" in [w.code for w in result.warnings]


def test_all_caps_title_and_header_province():
    resolution = parse_text(RENUMBERED_PER_GROUP).registry["resolution"]
    assert resolution == {
        "title": "Nghị quyết Đại hội Đảng bộ thị trấn Bến Đồi lần thứ XXII, nhiệm kỳ 2025-2030",
        "issuer": "Đảng bộ thị trấn Bến Đồi",
        "level": "thị trấn",
        "province": "Thanh Sơn",
        "term_start": 2025,
        "term_end": 2030,
    }


def test_ordinal_breakthroughs_inline_and_tasks_with_close_paren():
    registry = parse_text(RENUMBERED_PER_GROUP).registry
    assert [b["title"] for b in registry["breakthroughs"]] == [
        "Phát triển đô thị",
        "Cải cách hành chính",
        "Phát triển nguồn nhân lực",
    ]
    assert [t["title"] for t in registry["tasks"]] == [
        "Phát triển kinh tế đô thị",
        "Bảo đảm an sinh xã hội",
    ]


def test_bulleted_indicators_without_numbers():
    result = parse_text(BULLETED)
    registry = result.registry
    assert registry["declared_indicator_count"] == 4
    assert targets_of(registry) == [
        (1, "growth_rate", ">=", 10, None, "%", 2030, False),
        (2, "level", "=", 100, None, "%", 2030, False),
        (3, "level", "between", 99, 100, "%", 2030, False),
        (4, "level", ">=", 1, None, "đạt/không đạt", 2030, True),
    ]
    assert registry["resolution"]["province"] == "Hà Nội"
    assert [t["title"] for t in registry["tasks"]] == [
        "Phát triển thương mại, dịch vụ",
        "Chỉnh trang đô thị",
    ]
    assert result.warnings == []


def test_weaknesses_with_the_same_markers_are_skipped():
    result = parse_text(WEAKNESSES_WITH_FIGURES)
    registry = result.registry
    assert targets_of(registry) == [
        (1, "level", ">", 12500, None, "tấn", 2030, False),
        (1, "level", ">=", 5.5, None, "tấn/ha", 2030, False),
        (2, "level", ">=", 52, None, "%", 2030, True),
    ]
    assert registry["resolution"]["province"] == "Sơn Trà"
    assert [b["title"] for b in registry["breakthroughs"]] == [
        "Phát triển nông nghiệp hàng hóa",
        "Xây dựng giao thông nông thôn",
    ]
    assert [(w.code, w.indicator) for w in result.warnings] == [("no_figure", 3)]


def test_text_without_indicator_section_warns():
    result = parse_text("Đại hội kêu gọi cán bộ, đảng viên phát huy truyền thống.\n(1) Một ý.")
    assert result.registry["indicators"] == []
    codes = [w.code for w in result.warnings]
    assert "section_not_found" in codes and "title_not_found" in codes
    assert all(w.message for w in result.warnings)


def test_empty_text_gives_an_empty_registry():
    result = parse_text("")
    assert result.registry["indicators"] == [] and result.registry["groups"] == []
    assert result.warnings[0].code == "empty_text"


def test_announced_breakthrough_count_is_checked():
    text = (
        "Các chỉ tiêu chủ yếu:\n(1) Tỷ lệ hộ nghèo dưới 3%.\n"
        "Ba khâu đột phá: (1) Phát triển du lịch; (2) Chuyển đổi số.\n"
    )
    result = parse_text(text)
    assert [b["title"] for b in result.registry["breakthroughs"]] == [
        "Phát triển du lịch",
        "Chuyển đổi số",
    ]
    mismatch = [w for w in result.warnings if w.code == "breakthrough_count_mismatch"]
    assert mismatch and mismatch[0].message == "Văn bản nêu 3 khâu đột phá nhưng tìm thấy 2."


def test_figure_without_unit_is_kept_and_warned():
    result = parse_text(
        "Các chỉ tiêu chủ yếu:\n(1) Tổng thu ngân sách đạt 925.\n(2) Tỷ lệ hộ nghèo dưới 3%.\n",
        term=(2025, 2030),
    )
    first = result.registry["indicators"][0]["targets"]
    assert [(t["value"], t["unit"]) for t in first] == [(925, "")]
    assert [w.code for w in result.warnings_for(1)] == ["missing_unit"]
    assert result.warnings_for(2) == []
