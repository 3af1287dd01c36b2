"""The demo resolution's registry, for sample reports, tests and the benchmark.

A copy of the fields the reports need from
``shared/seed/phieng-khoai-2025-2030.expected.json`` (format ``nghiquyet.registry/1``),
kept as Python so the package needs no data file at run time. A test checks it
still matches the seed file when that file is present.
"""

from __future__ import annotations

from typing import NamedTuple


class SeedTarget(NamedTuple):
    label: str
    kind: str
    comparator: str
    value: float
    unit: str
    denominator: float | None
    year: int
    each_year: bool


class SeedIndicator(NamedTuple):
    number: int
    group: str
    text: str
    targets: tuple[SeedTarget, ...]


RESOLUTION_TITLE = (
    "Nghị quyết Đại hội đại biểu Đảng bộ xã Phiêng Khoài lần thứ I, nhiệm kỳ 2025-2030"
)
TERM_START = 2025
TERM_END = 2030

GROUPS: tuple[tuple[str, str], ...] = (
    ("a", "Các chỉ tiêu về kinh tế"),
    ("b", "Các chỉ tiêu về xã hội, môi trường"),
    ("c", "Chỉ tiêu về xây dựng Đảng và hệ thống chính trị cơ sở"),
)

INDICATORS: tuple[SeedIndicator, ...] = (
    SeedIndicator(
        1,
        "a",
        "Tốc độ tăng tổng thu ngân sách nhà nước trên địa bàn bình quân hằng năm (5%). Tổng thu ngân sách trên địa bàn đến năm 2030 đạt 925 triệu đồng.",
        (
            SeedTarget(
                "Tốc độ tăng tổng thu ngân sách nhà nước trên địa bàn bình quân hằng năm",
                "growth_rate",
                ">=",
                5,
                "%",
                None,
                2030,
                False,
            ),
            SeedTarget(
                "Tổng thu ngân sách trên địa bàn",
                "level",
                ">=",
                925,
                "triệu đồng",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        2,
        "a",
        "Sản lượng một số loại cây trồng, sản phẩm chăn nuôi, thủy sản chủ yếu đến năm 2030: Cây lương thực có hạt đạt 49.305 tấn, quả các loại đạt: 194.572 tấn, Thủy sản đạt: 300 tấn, Cây công nghiệp đạt: 12.715 tấn, thịt hơi xuất chuồng đạt: 5.928 tấn.",
        (
            SeedTarget(
                "Sản lượng cây lương thực có hạt", "level", ">=", 49305, "tấn", None, 2030, False
            ),
            SeedTarget("Sản lượng quả các loại", "level", ">=", 194572, "tấn", None, 2030, False),
            SeedTarget("Sản lượng thủy sản", "level", ">=", 300, "tấn", None, 2030, False),
            SeedTarget("Sản lượng cây công nghiệp", "level", ">=", 12715, "tấn", None, 2030, False),
            SeedTarget(
                "Sản lượng thịt hơi xuất chuồng", "level", ">=", 5928, "tấn", None, 2030, False
            ),
        ),
    ),
    SeedIndicator(
        3,
        "a",
        "Tỷ lệ lao động qua đào tạo đạt 30%.",
        (SeedTarget("Tỷ lệ lao động qua đào tạo", "level", ">=", 30, "%", None, 2030, False),),
    ),
    SeedIndicator(
        4,
        "a",
        "Tỷ lệ che phủ rừng ổn định đạt 40%.",
        (SeedTarget("Tỷ lệ che phủ rừng", "level", ">=", 40, "%", None, 2030, True),),
    ),
    SeedIndicator(
        5,
        "a",
        "Chăm sóc bảo vệ diện tích rừng hiện còn đến năm 2030 đạt 4.151ha.",
        (
            SeedTarget(
                "Diện tích rừng hiện còn được chăm sóc bảo vệ",
                "level",
                ">=",
                4151,
                "ha",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        6,
        "b",
        "Tỷ lệ trường học đạt chuẩn quốc gia: Phấn đấu đạt 05/07 trường (đạt tỉ lệ 71,4 %).",
        (SeedTarget("Trường học đạt chuẩn quốc gia", "level", ">=", 5, "trường", 7, 2030, False),),
    ),
    SeedIndicator(
        7,
        "b",
        "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều đến năm 2030 dưới 12%.",
        (
            SeedTarget(
                "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "level", "<", 12, "%", None, 2030, False
            ),
        ),
    ),
    SeedIndicator(
        8,
        "b",
        "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%.",
        (
            SeedTarget(
                "Tỷ lệ dân số tham gia bảo hiểm y tế", "level", ">=", 100, "%", None, 2030, False
            ),
        ),
    ),
    SeedIndicator(
        9,
        "b",
        "Đến năm 2030, có 10 bản đạt chuẩn nông thôn mới.",
        (SeedTarget("Bản đạt chuẩn nông thôn mới", "level", ">=", 10, "bản", None, 2030, False),),
    ),
    SeedIndicator(
        10,
        "b",
        "Đến năm 2030, 100% hồ sơ, kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết được số hóa.",
        (
            SeedTarget(
                "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        11,
        "b",
        "Đến năm 2030, 100% dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện.",
        (
            SeedTarget(
                "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        12,
        "b",
        "Tỷ lệ chi ngân sách hàng năm cho khoa học, công nghệ, đổi mới, chuyển đổi số đạt 2%.",
        (
            SeedTarget(
                "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới, chuyển đổi số",
                "level",
                ">=",
                2,
                "%",
                None,
                2030,
                True,
            ),
        ),
    ),
    SeedIndicator(
        13,
        "b",
        "Tỷ lệ chất thải rắn được thu gom trên địa bàn đạt 45%.",
        (
            SeedTarget(
                "Tỷ lệ chất thải rắn được thu gom", "level", ">=", 45, "%", None, 2030, False
            ),
        ),
    ),
    SeedIndicator(
        14,
        "b",
        "Tỷ lệ dân số được sử dụng nước sinh hoạt hợp vệ sinh đạt 93%.",
        (
            SeedTarget(
                "Tỷ lệ dân số được sử dụng nước sinh hoạt hợp vệ sinh",
                "level",
                ">=",
                93,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        15,
        "b",
        'Tỷ lệ nhà văn hóa bản đạt chuẩn theo quy định đến năm 2030 đạt 35%. Tỷ lệ bản có thiết chế văn hóa hoạt động thường xuyên, hiệu quả đạt 70%. Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa" là 80%.',
        (
            SeedTarget(
                "Tỷ lệ nhà văn hóa bản đạt chuẩn", "level", ">=", 35, "%", None, 2030, False
            ),
            SeedTarget(
                "Tỷ lệ bản có thiết chế văn hóa hoạt động thường xuyên, hiệu quả",
                "level",
                ">=",
                70,
                "%",
                None,
                2030,
                False,
            ),
            SeedTarget(
                'Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"',
                "level",
                ">=",
                80,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        16,
        "b",
        "Tỷ lệ khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc thẩm quyền hoặc được ủy quyền quản lý đạt tiêu chuẩn “An toàn về an ninh, trật tự” đạt 100%.",
        (
            SeedTarget(
                "Tỷ lệ khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        17,
        "b",
        "Chỉ tiêu về công tác phòng, chống, kiểm soát ma túy, đến năm 2030, 100% cơ quan, đơn vị không có ma túy; 30/30 bản không có ma túy.",
        (
            SeedTarget(
                "Cơ quan, đơn vị không có ma túy", "level", ">=", 100, "%", None, 2030, False
            ),
            SeedTarget("Bản không có ma túy", "level", ">=", 30, "bản", 30, 2030, False),
        ),
    ),
    SeedIndicator(
        18,
        "b",
        "Tỷ lệ hộ chăn nuôi có chuồng trại đảm bảo vệ sinh môi trường đạt 86%.",
        (
            SeedTarget(
                "Tỷ lệ hộ chăn nuôi có chuồng trại đảm bảo vệ sinh môi trường",
                "level",
                ">=",
                86,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        19,
        "b",
        "Tỷ lệ bao bì thuốc bảo vệ thực vật được thu gom đạt 93%.",
        (
            SeedTarget(
                "Tỷ lệ bao bì thuốc bảo vệ thực vật được thu gom",
                "level",
                ">=",
                93,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        20,
        "c",
        "100% chi bộ duy trì nề nếp, chất lượng sinh hoạt; 90% chi bộ hoàn thành tốt nhiệm vụ trở lên. Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 85%, trong đó, có tối thiểu 20% tổ chức cơ sở đảng và tối thiểu 15% đảng viên được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ.",
        (
            SeedTarget(
                "Chi bộ duy trì nề nếp, chất lượng sinh hoạt",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
            SeedTarget(
                "Chi bộ hoàn thành tốt nhiệm vụ trở lên", "level", ">=", 90, "%", None, 2030, False
            ),
            SeedTarget(
                "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
                "level",
                ">=",
                85,
                "%",
                None,
                2030,
                False,
            ),
            SeedTarget(
                "Tổ chức cơ sở đảng được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ",
                "level",
                ">=",
                20,
                "%",
                None,
                2030,
                False,
            ),
            SeedTarget(
                "Đảng viên được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ",
                "level",
                ">=",
                15,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        21,
        "c",
        "Kết nạp mới từ 115 đảng viên trở lên trong nhiệm kỳ.",
        (
            SeedTarget(
                "Kết nạp đảng viên mới trong nhiệm kỳ",
                "cumulative",
                ">=",
                115,
                "đảng viên",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        22,
        "c",
        "Đến năm 2030, 100% bí thư chi bộ, trưởng bản, trưởng ban công tác mặt trận, cán bộ công chức xã được tập huấn, bồi dưỡng nghiệp vụ, kỹ năng ứng dụng công nghệ thông tin.",
        (
            SeedTarget(
                "Bí thư chi bộ, trưởng bản, trưởng ban công tác mặt trận, cán bộ công chức xã được tập huấn, bồi dưỡng nghiệp vụ, kỹ năng ứng dụng công nghệ thông tin",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
    SeedIndicator(
        23,
        "c",
        "95% trở lên các tổ chức chính trị - xã hội xã (Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh) hằng năm được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
        (
            SeedTarget(
                "Tổ chức chính trị - xã hội xã được đánh giá hoàn thành tốt nhiệm vụ trở lên",
                "level",
                ">=",
                95,
                "%",
                None,
                2030,
                True,
            ),
        ),
    ),
    SeedIndicator(
        24,
        "c",
        "Chỉ tiêu về xây dựng đội ngũ cán bộ, công chức: 90% cán bộ, công chức xã được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên hàng năm. Đến năm 2030, 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản, làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.",
        (
            SeedTarget(
                "Cán bộ, công chức xã được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên",
                "level",
                ">=",
                90,
                "%",
                None,
                2030,
                True,
            ),
            SeedTarget(
                "Cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản, làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành",
                "level",
                ">=",
                100,
                "%",
                None,
                2030,
                False,
            ),
        ),
    ),
)
