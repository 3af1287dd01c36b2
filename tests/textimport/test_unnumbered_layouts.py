"""Every common layout of the indicator list, on short texts written for these tests."""

from __future__ import annotations

from nghiquyet.textimport import parse_text

HEAD = (
    "ĐẢNG BỘ TỈNH HÀ LAM\nĐẢNG BỘ XÃ KHE TRÚC\n\n"
    "Đại hội đại biểu Đảng bộ xã Khe Trúc lần thứ I, nhiệm kỳ 2025-2030 đã thảo luận và\n"
    "QUYẾT NGHỊ\n"
)


def shape(result) -> list[tuple]:
    return [
        (
            i["number"],
            i["group"],
            t["kind"],
            t["comparator"],
            t["value"],
            t["unit"],
            t["year"],
            t["each_year"],
        )
        for i in result.registry["indicators"]
        for t in i["targets"]
    ]


PROSE = (
    HEAD
    + """\
2. Các chỉ tiêu chủ yếu
Về kinh tế: Giá trị sản xuất nông nghiệp tăng bình quân 6%/năm. Tập trung phát triển
chè và quế theo hướng hàng hóa. Thu nhập bình quân đầu người đạt 60 triệu đồng và số
hợp tác xã hoạt động hiệu quả đạt 12 hợp tác xã.
Về xã hội: Tỷ lệ hộ nghèo giảm còn dưới 4%. Chăm lo đời sống đồng bào vùng cao.
3. Các khâu đột phá
Thứ nhất, phát triển giao thông. Thứ hai, chuyển đổi số.
"""
)


def test_prose_sentences_under_topics():
    result = parse_text(PROSE)
    assert result.layout == "prose"
    assert [(g["code"], g["title"]) for g in result.registry["groups"]] == [
        ("a", "Về kinh tế"),
        ("b", "Về xã hội"),
    ]
    assert shape(result) == [
        (1, "a", "growth_rate", ">=", 6, "%", 2030, False),
        (2, "a", "level", ">=", 60, "triệu đồng", 2030, False),
        (2, "a", "level", ">=", 12, "hợp tác xã", 2030, False),
        (3, "b", "level", "<", 4, "%", 2030, False),
    ]
    texts = [i["text"] for i in result.registry["indicators"]]
    assert texts[0] == "Giá trị sản xuất nông nghiệp tăng bình quân 6%/năm."
    assert not any("Tập trung" in t or "Chăm lo" in t for t in texts)  # sentences without targets
    assert len(result.registry["breakthroughs"]) == 2


PARAGRAPH = (
    HEAD
    + """\
2. Các chỉ tiêu chủ yếu
Phấn đấu đến năm 2029: thu ngân sách trên địa bàn đạt 35 tỷ đồng; 95% hộ dùng điện lưới
quốc gia; xã đạt chuẩn an toàn thực phẩm; kết nạp 30 đảng viên trong nhiệm kỳ.
3. Giao Ban Chấp hành tổ chức thực hiện.
"""
)


def test_one_paragraph_of_clauses_after_a_lead_in_takes_its_year():
    result = parse_text(PARAGRAPH)
    assert result.layout == "paragraph"
    assert shape(result) == [
        (1, None, "level", ">=", 35, "tỷ đồng", 2029, False),
        (2, None, "level", ">=", 95, "%", 2029, False),
        (3, None, "level", ">=", 1, "đạt/không đạt", 2029, False),
        (4, None, "cumulative", ">=", 30, "đảng viên", 2030, False),
    ]
    assert result.registry["indicators"][0]["text"] == "thu ngân sách trên địa bàn đạt 35 tỷ đồng;"


def test_one_paragraph_separated_by_commas():
    text = HEAD + (
        "2. Các chỉ tiêu chủ yếu\n"
        "Đến năm 2030, phấn đấu: sản lượng lúa đạt 4.200 tấn, cơ cấu nông, lâm nghiệp chiếm 40%,"
        " tỷ lệ trẻ em suy dinh dưỡng dưới 8%.\n"
    )
    result = parse_text(text)
    assert [i["text"] for i in result.registry["indicators"]] == [
        "sản lượng lúa đạt 4.200 tấn,",
        "cơ cấu nông, lâm nghiệp chiếm 40%,",
        "tỷ lệ trẻ em suy dinh dưỡng dưới 8%.",
    ]


LETTERS = (
    HEAD
    + """\
II. CÁC CHỈ TIÊU CHỦ YẾU
Nhóm chỉ tiêu về kinh tế:
a) Sản lượng cá nuôi đạt 900 tấn.
b) Về dịch vụ:
   - Doanh thu du lịch tăng 20% hàng năm;
   - Số cơ sở lưu trú đạt 40 cơ sở.
Chỉ tiêu về xã hội:
a) Tỷ lệ người dân có thẻ bảo hiểm y tế đạt 97%.
III. CÁC KHÂU ĐỘT PHÁ
1. Phát triển du lịch.
"""
)


def test_letters_restarting_per_group_with_sub_items():
    result = parse_text(LETTERS)
    assert result.layout == "letters"
    assert [g["code"] for g in result.registry["groups"]] == ["a", "b"]
    assert shape(result) == [
        (1, "a", "level", ">=", 900, "tấn", 2030, False),
        (2, "a", "growth_rate", ">=", 20, "%", 2030, True),
        (2, "a", "level", ">=", 40, "cơ sở", 2030, False),
        (3, "b", "level", ">=", 97, "%", 2030, False),
    ]
    assert result.registry["indicators"][1]["text"].startswith("Về dịch vụ: - Doanh thu")


RUN_IN = HEAD + (
    "2. Các chỉ tiêu chủ yếu (4 chỉ tiêu) I. Về kinh tế (02 chỉ tiêu): 1. Giá trị sản xuất"
    " (giá so sánh năm 2010) tăng bình quân 7%/năm. 2. Vốn đầu tư thời kỳ 2026-2030: 900 tỷ"
    " đồng. II. Về xã hội (02 chỉ tiêu): 3. Mỗi năm đào tạo nghề cho 400 lao động. 4. Đến"
    " năm 2028 xã đạt chuẩn nông thôn mới nâng cao. 3. Ba khâu đột phá: (1) Giao thông; (2)"
    " Thủy lợi; (3) Chuyển đổi số.\n"
)


def test_whole_section_run_into_one_line():
    result = parse_text(RUN_IN)
    registry = result.registry
    assert registry["declared_indicator_count"] == 4
    assert [(g["code"], g["declared_count"]) for g in registry["groups"]] == [("I", 2), ("II", 2)]
    assert shape(result) == [
        (1, "I", "growth_rate", ">=", 7, "%", 2030, False),
        (2, "I", "cumulative", ">=", 900, "tỷ đồng", 2030, False),
        (3, "II", "level", ">=", 400, "lao động", 2030, True),
        (4, "II", "level", ">=", 1, "đạt/không đạt", 2028, False),
    ]
    assert len(registry["breakthroughs"]) == 3
    assert not [w for w in result.warnings if "count" in w.code]


TAB_TABLE = HEAD + (
    "2. Các chỉ tiêu chủ yếu:\n"
    "TT\tTên chỉ tiêu\tĐVT\tƯớc thực hiện 2025\tKế hoạch năm 2030\n"
    "A\tKinh tế\n"
    "1\tSản lượng lương thực\tTấn\t5.100\t6.000\n"
    "2\tDiện tích cây ăn quả\t\t\t\n"
    "2.1\tCam\tHa\t120\tTrên 150\n"
    "2.2\tBưởi\tHa\t80\tKhoảng 100\n"
    "B\tXã hội\n"
    "3\tTỷ lệ hộ nghèo giảm bình quân hằng năm\t%\t1,5\t≥ 1,5\n"
    "4\tXã đạt chuẩn văn minh đô thị\tXã\tChưa\tĐạt (năm 2027)\n"
    "\n3. Các khâu đột phá: (1) Giao thông.\n"
)


def test_tab_separated_table_reads_only_the_target_column():
    result = parse_text(TAB_TABLE)
    assert result.layout == "table"
    assert [(g["code"], g["title"]) for g in result.registry["groups"]] == [
        ("A", "Kinh tế"),
        ("B", "Xã hội"),
    ]
    assert shape(result) == [
        (1, "A", "level", ">=", 6000, "tấn", 2030, False),
        (2, "A", "level", ">", 150, "ha", 2030, False),
        (2, "A", "level", "=", 100, "ha", 2030, False),
        (3, "B", "annual_change", "<=", -1.5, "điểm %", 2030, False),
        (4, "B", "level", ">=", 1, "đạt/không đạt", 2027, False),
    ]
    assert result.registry["indicators"][1]["text"] == (
        "Diện tích cây ăn quả | 2.1 | Cam | Ha | 120 | Trên 150 | 2.2 | Bưởi | Ha | 80 | Khoảng 100"
    )


def test_table_extracted_one_cell_per_line():
    lines = []
    for line in TAB_TABLE.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            while cells and not cells[-1]:
                cells.pop()
            lines.extend(cell for cell in cells if cell)
        else:
            lines.append(line)
    result = parse_text("\n".join(lines))
    assert result.layout == "table"
    assert shape(result) == shape(parse_text(TAB_TABLE))


BULLETS = """\
TRÍCH NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ PÙ LUÔNG LẦN THỨ II
Các chỉ tiêu chủ yếu:
• Trồng mới 40 ha/năm rừng gỗ lớn.
• Đến năm 2028, đạt 10 bác sĩ/vạn dân.
Các chỉ tiêu trên được cụ thể hóa trong chương trình hành động.
"""


def test_bullets_of_an_extract_with_the_users_term():
    result = parse_text(BULLETS, term=(2025, 2030))
    assert result.layout == "bullets"
    assert shape(result) == [
        (1, None, "level", ">=", 40, "ha/năm", 2030, True),
        (2, None, "level", ">=", 10, "bác sĩ/vạn dân", 2028, False),
    ]
    assert result.registry["indicators"][1]["text"] == "Đến năm 2028, đạt 10 bác sĩ/vạn dân."
    assert result.registry["resolution"]["title"] == (
        "Nghị quyết Đại hội Đảng bộ xã Pù Luông lần thứ II"
    )


UNUSUAL_HEADING = (
    HEAD
    + """\
II. Những việc phải làm được trong 5 năm tới
Phấn đấu hoàn thành các con số sau đây:
(1) Sản lượng ngô đạt 2.500 tấn.
(2) Tỷ lệ người dân dùng nước sạch đạt 97%.
III. Giao Ban Chấp hành tổ chức thực hiện.
"""
)


def test_reviewer_marks_the_list_when_its_heading_is_not_recognised():
    unmarked = parse_text(UNUSUAL_HEADING)
    assert unmarked.registry["indicators"] == []
    assert "section_not_found" in [w.code for w in unmarked.warnings]
    marked = parse_text(UNUSUAL_HEADING, bounds=("(1) Sản lượng", "(2) Tỷ lệ người"))
    assert marked.layout == "list"
    assert shape(marked) == [
        (1, None, "level", ">=", 2500, "tấn", 2030, False),
        (2, None, "level", ">=", 97, "%", 2030, False),
    ]


def test_marked_bounds_that_are_not_in_the_text_are_reported():
    result = parse_text(UNUSUAL_HEADING, bounds=("Không có đoạn này", "cũng không"))
    assert "bounds_not_found" in [w.code for w in result.warnings]
    assert result.registry["indicators"] == []


def test_table_whose_target_column_is_only_a_later_year():
    text = HEAD + (
        "2. Các chỉ tiêu chủ yếu\n"
        "TT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030\n"
        "1 | Sản lượng cá | Tấn | 300 | 450\n"
        "2 | Tỷ lệ hộ nghèo | % | 9 | Dưới 4\n"
    )
    result = parse_text(text)
    assert shape(result) == [
        (1, None, "level", ">=", 450, "tấn", 2030, False),
        (2, None, "level", "<", 4, "%", 2030, False),
    ]


def test_clauses_running_on_after_the_heading_colon():
    text = HEAD + (
        "2. Các chỉ tiêu chủ yếu đến năm 2029: thu nhập bình quân đạt 55 triệu đồng; tỷ lệ"
        " hộ nghèo dưới 5%; trồng mới 30 ha rừng mỗi năm.\n"
        "3. Giao Ban Chấp hành tổ chức thực hiện.\n"
    )
    result = parse_text(text)
    assert result.layout == "paragraph"
    assert shape(result) == [
        (1, None, "level", ">=", 55, "triệu đồng", 2029, False),
        (2, None, "level", "<", 5, "%", 2029, False),
        (3, None, "level", ">=", 30, "ha", 2030, True),
    ]


def test_target_cells_written_in_many_ways():
    rows = [
        ("Tỷ lệ che phủ rừng", "%", "95%", ("level", ">=", 95, None, "%", None, 2030, False)),
        (
            "Số lao động được đào tạo",
            "Người",
            "Trên 1.000",
            ("level", ">", 1000, None, "người", None, 2030, False),
        ),
        (
            "Số sản phẩm OCOP",
            "Sản phẩm",
            "Từ 12 trở lên",
            ("level", ">=", 12, None, "sản phẩm", None, 2030, False),
        ),
        ("Tỷ lệ sinh con thứ ba", "%", "≤ 2", ("level", "<=", 2, None, "%", None, 2030, False)),
        ("Trường đạt chuẩn", "Trường", "4/6", ("level", ">=", 4, None, "trường", 6, 2030, False)),
        ("Hộ nghèo", "%", "Không còn", ("level", "<=", 0, None, "%", None, 2030, False)),
        (
            "Xây dựng trụ sở mới",
            "Công trình",
            "Hoàn thành (2027)",
            ("level", ">=", 1, None, "đạt/không đạt", None, 2027, False),
        ),
        (
            "Sản lượng lúa",
            "Tấn",
            "5.000 - 6.000",
            ("level", "between", 5000, 6000, "tấn", None, 2030, False),
        ),
    ]
    lines = [HEAD, "2. Các chỉ tiêu chủ yếu", "STT | Chỉ tiêu | ĐVT | Mục tiêu 2030"]
    lines += [f"{k} | {name} | {unit} | {cell}" for k, (name, unit, cell, _t) in enumerate(rows, 1)]
    result = parse_text("\n".join(lines) + "\n")
    found = [
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
        for i in result.registry["indicators"]
        for t in i["targets"]
    ]
    assert found == [expected for _n, _u, _c, expected in rows]


def test_a_heading_year_is_the_deadline_of_items_that_write_none():
    text = HEAD + (
        "2. Các chỉ tiêu chủ yếu đến năm 2028\n"
        "(1) Thu nhập bình quân đạt 55 triệu đồng.\n"
        "(2) Đến năm 2030, tỷ lệ hộ nghèo dưới 2%.\n"
        "(3) Hằng năm đào tạo nghề cho 200 lao động.\n"
        "(4) Kết nạp 40 đảng viên trong nhiệm kỳ.\n"
    )
    assert [t[6] for t in shape(parse_text(text))] == [2028, 2030, 2030, 2030]


def test_table_without_a_number_column():
    text = HEAD + (
        "2. Các chỉ tiêu chủ yếu\n"
        "Chỉ tiêu | Đơn vị | Kế hoạch 2030\n"
        "Kinh tế |  | \n"
        "Sản lượng lúa | Tấn | 3.600\n"
        "Xã hội |  | \n"
        "Tỷ lệ hộ nghèo | % | Dưới 4\n"
    )
    result = parse_text(text)
    assert [(g["code"], g["title"]) for g in result.registry["groups"]] == [
        ("a", "Kinh tế"),
        ("b", "Xã hội"),
    ]
    assert shape(result) == [
        (1, "a", "level", ">=", 3600, "tấn", 2030, False),
        (2, "b", "level", "<", 4, "%", 2030, False),
    ]
    assert result.registry["indicators"][0]["text"] == "Sản lượng lúa | Tấn | 3.600"
