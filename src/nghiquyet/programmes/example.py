"""The demo's action programme for Phiêng Khoài, written as a commune writes one:
a Word table and the same table in Excel. The content is an original, illustrative
programme (not a real document of the commune); ``scripts/make_demo_programme.py``
writes both files into ``nghiquyet/demo/data``.

Django-free.
"""

from __future__ import annotations

import io

from nghiquyet.lib.spreadsheet import save_workbook

HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian hoàn thành", "Sản phẩm")

PREAMBLE = [
    "ĐẢNG BỘ XÃ PHIÊNG KHOÀI",
    "BAN CHẤP HÀNH",
    "Số 05-CTr/ĐU",
    "Phiêng Khoài, ngày 20 tháng 11 năm 2025",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã Phiêng Khoài lần thứ I, "
    "nhiệm kỳ 2025-2030",
]

# (STT, content) for a heading; the six columns for a task.
ROWS: list[tuple[str, ...]] = [
    ("I", "THỰC HIỆN CÁC KHÂU ĐỘT PHÁ"),
    ("1", "Khâu đột phá (1): Đẩy mạnh chuyển đổi số, trọng tâm xây dựng chính quyền số"),
    ("1.1", "Xây dựng, ban hành Kế hoạch chuyển đổi số của xã giai đoạn 2026-2030",
     "Văn phòng Đảng ủy", "UBND xã; Công an xã", "Quý I/2026",
     "Kế hoạch của Ban Thường vụ Đảng ủy"),
    ("1.2", "Đưa phần mềm theo dõi, đánh giá thực hiện Nghị quyết vào sử dụng; cập nhật số "
     "liệu theo kỳ 6 tháng và cả năm", "Văn phòng Đảng ủy", "UBND xã; các chi bộ",
     "Hằng năm, quý IV", "Số liệu được cập nhật, báo cáo sơ kết hằng năm"),
    ("1.3", "Hướng dẫn người dân cài đặt, sử dụng định danh điện tử và dịch vụ công trực "
     "tuyến toàn trình (chỉ tiêu 10, 11)", "Công an xã", "UBND xã; Đoàn Thanh niên xã",
     "2026-2030", "Tổ công nghệ số cộng đồng hoạt động ở 30/30 bản"),
    ("1.4", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính thuộc thẩm quyền của xã "
     "(chỉ tiêu 10)", "UBND xã", "Văn phòng Đảng ủy", "Quý IV/2026",
     "Kho dữ liệu hồ sơ đã số hóa"),
    ("1.5", "Bố trí kinh phí cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
     "trong dự toán ngân sách xã (chỉ tiêu 12)", "UBND xã", "Văn phòng Đảng ủy",
     "Hằng năm, quý IV", "Dự toán ngân sách được Hội đồng nhân dân xã thông qua"),
    ("2", "Khâu đột phá (2): Phát triển nông nghiệp ứng dụng công nghệ cao, hữu cơ gắn với "
     "liên kết sản xuất và chế biến"),
    ("2.1", "Xây dựng Đề án phát triển vùng cà phê, cây ăn quả theo hướng hữu cơ gắn với "
     "liên kết tiêu thụ (chỉ tiêu 2)", "UBND xã", "Hội Nông dân xã; các bản", "Quý II/2026",
     "Đề án được Ủy ban nhân dân xã phê duyệt"),
    ("2.2", "Hỗ trợ thành lập, củng cố hợp tác xã, tổ hợp tác; kết nối doanh nghiệp bao "
     "tiêu nông sản", "UBND xã", "Hội Nông dân xã", "2026-2027",
     "02 hợp tác xã mới có hợp đồng tiêu thụ"),
    ("2.3", "Xây dựng ít nhất 01 sản phẩm đạt chuẩn OCOP 3 sao từ nông sản của xã",
     "UBND xã", "Hội Liên hiệp Phụ nữ xã", "Tháng 6/2027",
     "Quyết định công nhận sản phẩm OCOP"),
    ("2.4", "Tập huấn chăn nuôi an toàn sinh học, làm chuồng trại hợp vệ sinh "
     "(chỉ tiêu 18)", "UBND xã", "Các bản; Trạm Y tế xã", "Hằng năm, quý III",
     "Mỗi năm ít nhất 04 lớp tập huấn"),
    ("3", "Khâu đột phá (3): Nâng cấp, mở rộng đường giao thông, bảo đảm đi lại và vận "
     "chuyển hàng hóa thuận lợi"),
    ("3.1", "Rà soát, lập danh mục các tuyến đường liên bản, nội bản cần nâng cấp giai đoạn "
     "2026-2030", "UBND xã", "Các bản", "Quý I/2026",
     "Danh mục được Ban Thường vụ Đảng ủy thông qua"),
    ("3.2", "Vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn", "UBND xã",
     "Mặt trận Tổ quốc xã; các bản", "2026-2030", "Biên bản hiến đất, công trình hoàn thành"),
    ("3.3", "Bê tông hóa tuyến đường nội bản Nà Sàng (1,2 km)", "Bản Nà Sàng",
     "UBND xã; Chi bộ bản Nà Sàng", "Quý III/2026", "Tuyến đường được nghiệm thu"),
    ("4", "Khâu đột phá (4): Phát triển du lịch cộng đồng - sinh thái"),
    ("4.1", "Khảo sát, xây dựng Kế hoạch phát triển du lịch cộng đồng tại bản Phiêng Ban "
     "và bản Tà Phình", "UBND xã", "Bản Phiêng Ban; Bản Tà Phình", "Quý IV/2026",
     "Kế hoạch được Ủy ban nhân dân xã ban hành"),
    ("4.2", "Hỗ trợ 05 hộ gia đình làm dịch vụ lưu trú tại nhà dân đạt tiêu chuẩn",
     "UBND xã", "Hội Liên hiệp Phụ nữ xã", "Năm 2028", "05 cơ sở lưu trú được công nhận"),
    ("4.3", "Giới thiệu, quảng bá điểm du lịch của xã trên trang thông tin điện tử và mạng "
     "xã hội", "Văn phòng Đảng ủy", "Đoàn Thanh niên xã", "Thường xuyên",
     "Chuyên mục du lịch trên trang thông tin của xã"),
    ("II", "THỰC HIỆN CÁC NHIỆM VỤ CHỦ YẾU"),
    ("5", "Nhiệm vụ thứ nhất: Phát triển kinh tế"),
    ("5.1", "Giao dự toán thu ngân sách; chống thất thu, nuôi dưỡng nguồn thu (chỉ tiêu 1)",
     "UBND xã", "Các bản", "Hằng năm, quý I", "Quyết định giao dự toán thu ngân sách"),
    ("6", "Nhiệm vụ thứ hai: Quản lý tài nguyên, bảo vệ môi trường, ứng phó với biến đổi "
     "khí hậu"),
    ("6.1", "Giao khoán bảo vệ rừng; xây dựng phương án phòng cháy, chữa cháy rừng mùa khô "
     "(chỉ tiêu 4, 5)", "UBND xã", "Ban Chỉ huy Quân sự xã; Công an xã; các bản",
     "Hằng năm, quý I", "Phương án phòng cháy, chữa cháy rừng"),
    ("6.2", "Bố trí điểm tập kết rác thải và bao bì thuốc bảo vệ thực vật tại các bản "
     "(chỉ tiêu 13, 19)", "UBND xã", "Các bản", "Tháng 9/2026", "30 điểm tập kết"),
    ("7", "Nhiệm vụ thứ ba: Phát triển văn hóa - xã hội, nâng cao đời sống Nhân dân"),
    ("7.1", "Xây dựng Kế hoạch giảm nghèo đa chiều giai đoạn 2026-2030 (chỉ tiêu 7)",
     "UBND xã", "Mặt trận Tổ quốc xã", "Quý II/2026", "Kế hoạch giảm nghèo"),
    ("7.2", "Xây dựng Trường PTDT bán trú THCS Phiêng Khoài đạt chuẩn quốc gia (chỉ tiêu 6)",
     "Trường PTDT bán trú THCS Phiêng Khoài", "UBND xã", "Năm 2027",
     "Quyết định công nhận trường đạt chuẩn"),
    ("7.3", "Vận động người dân tham gia bảo hiểm y tế (chỉ tiêu 8)", "Trạm Y tế xã",
     "Các bản; Đoàn Thanh niên xã", "Hằng năm, quý IV", "Danh sách hộ tham gia bảo hiểm y tế"),
    ("7.4", "Xây dựng bản Nà Sàng đạt chuẩn nông thôn mới (chỉ tiêu 9)", "Bản Nà Sàng",
     "UBND xã; Chi bộ bản Nà Sàng", "Năm 2027", "Quyết định công nhận bản đạt chuẩn"),
    ("7.5", "Nâng cấp nhà văn hóa các bản đạt chuẩn theo quy định (chỉ tiêu 15)", "UBND xã",
     "Các bản", "2026-2030", "Nhà văn hóa bản đạt chuẩn"),
    ("8", "Nhiệm vụ thứ tư: Tăng cường quốc phòng, an ninh"),
    ("8.1", "Xây dựng kế hoạch phòng, chống ma túy; xây dựng bản không có ma túy "
     "(chỉ tiêu 17)", "Công an xã", "Ban Chỉ huy Quân sự xã; các bản", "Hằng năm, quý I",
     "Kế hoạch phòng, chống ma túy"),
    ("8.2", "Tổ chức huấn luyện dân quân, diễn tập phòng thủ dân sự", "Ban CHQS xã",
     "Công an xã", "Hằng năm, quý III", "Báo cáo kết quả huấn luyện"),
    ("9", "Nhiệm vụ thứ năm: Đẩy mạnh cải cách hành chính, chuyển đổi số"),
    ("9.1", "Rà soát, công khai thủ tục hành chính tại Bộ phận một cửa và trên môi trường "
     "điện tử", "UBND xã", "Văn phòng Đảng ủy", "Quý II/2026",
     "Danh mục thủ tục hành chính được công khai"),
    ("10", "Nhiệm vụ thứ sáu: Xây dựng Đảng và hệ thống chính trị vững mạnh"),
    ("10.1", "Nâng cao chất lượng sinh hoạt chi bộ; đánh giá, xếp loại tổ chức đảng "
     "(chỉ tiêu 20)", "Văn phòng Đảng ủy", "Các chi bộ", "Hằng năm, quý IV",
     "Kết quả đánh giá, xếp loại"),
    ("10.2", "Xây dựng kế hoạch tạo nguồn, kết nạp đảng viên nhiệm kỳ 2025-2030 "
     "(chỉ tiêu 21)", "Văn phòng Đảng ủy", "Các chi bộ; Đoàn Thanh niên xã", "Quý I/2026",
     "Kế hoạch của Ban Thường vụ Đảng ủy"),
    ("10.3", "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội", "Văn phòng Đảng ủy",
     "UBND xã; các chi bộ", "Quý IV/2027", "Báo cáo sơ kết giữa nhiệm kỳ"),
    ("10.4", "Tổng kết thực hiện Nghị quyết Đại hội nhiệm kỳ 2025-2030", "Văn phòng Đảng ủy",
     "UBND xã; các chi bộ", "30/6/2030", "Báo cáo tổng kết"),
]


def task_rows() -> list[tuple[str, ...]]:
    return [r for r in ROWS if len(r) == len(HEADER)]


def write_docx(rows: list[tuple[str, ...]] | None = None,
               preamble: list[str] | None = None) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)  # landscape A4
    section.left_margin = section.right_margin = Cm(1.5)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    for line in PREAMBLE if preamble is None else preamble:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line.isupper():
            paragraph.runs[0].bold = True
        if line.startswith("Phiêng Khoài, ngày"):
            paragraph.runs[0].italic = True
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    numbers = table.add_row().cells
    for index, cell in enumerate(numbers, 1):
        cell.text = f"({index})"
    for row in ROWS if rows is None else rows:
        cells = table.add_row().cells
        if len(row) == len(HEADER):
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        else:
            cells[0].text = row[0]
            merged = cells[1].merge(cells[-1])
            merged.text = row[1]
            merged.paragraphs[0].runs[0].bold = True
    widths = [Cm(1.4), Cm(9.5), Cm(3.8), Cm(4.6), Cm(3.2), Cm(4.2)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_xlsx(rows: list[tuple[str, ...]] | None = None,
               preamble: list[str] | None = None) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chương trình hành động"
    for line in PREAMBLE if preamble is None else preamble:
        sheet.append([line])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=len(HEADER))
    sheet.append(list(HEADER))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([f"({i})" for i in range(1, len(HEADER) + 1)])
    for row in ROWS if rows is None else rows:
        if len(row) == len(HEADER):
            sheet.append(list(row))
        else:
            sheet.append([row[0], row[1]])
            sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row,
                              end_column=len(HEADER))
            sheet.cell(sheet.max_row, 2).font = Font(bold=True)
    for column, width in zip("ABCDEF", (7, 60, 24, 30, 20, 30), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return save_workbook(book)  # every xlsx writer: no formula from text (lib/spreadsheet)
