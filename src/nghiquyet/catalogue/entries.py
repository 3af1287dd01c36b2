"""The common catalogue as shipped: indicators that commune, ward and province
resolutions of the 2025-2030 term keep setting, in the wording of the seed and the
development corpus. Django-free, so the matcher's tests run without a database.

``nghiquyet load_catalogue`` (and the first migration's data step) writes these rows;
an administrator may add or tune entries afterwards in the admin.

Key phrases are written with diacritics, as people read them; the matcher folds
them. ``+`` joins fragments that must all appear (see ``matching``).
"""

from __future__ import annotations

from dataclasses import dataclass

from nghiquyet.catalogue.matching import Entry

ECONOMY, SOCIETY, ENVIRONMENT = "economy", "society", "environment"
SECURITY, DIGITAL, PARTY = "security", "digital", "party"
UP, DOWN = "up", "down"
LEVEL, GROWTH, CUMULATIVE, CHANGE = "level", "growth_rate", "cumulative", "annual_change"


@dataclass(frozen=True)
class SeedEntry:
    code: str
    name: str
    unit: str
    theme: str
    keywords: tuple[str, ...]
    measure: str = LEVEL
    direction: str = UP
    excludes: tuple[str, ...] = ()
    notes: str = ""

    def as_entry(self) -> Entry:
        return Entry(code=self.code, name=self.name, unit=self.unit, measure=self.measure,
                     keywords=self.keywords, excludes=self.excludes)


_GOOD = "hoàn thành tốt"  # "hoàn thành tốt nhiệm vụ trở lên"

CATALOGUE: tuple[SeedEntry, ...] = (
    # --- economy -------------------------------------------------------------------
    SeedEntry("tang-gia-tri-san-xuat", "Tốc độ tăng giá trị sản xuất bình quân hằng năm (%)",
              "%", ECONOMY, ("giá trị sản xuất",), measure=GROWTH,
              excludes=("thương mại - dịch vụ", "nông nghiệp", "công nghiệp")),
    SeedEntry("tang-truong-grdp", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm (%)",
              "%", ECONOMY, ("grdp", "tăng trưởng kinh tế"), measure=GROWTH),
    SeedEntry("grdp-dau-nguoi", "GRDP bình quân đầu người", "USD", ECONOMY,
              ("grdp + bình quân đầu người",)),
    SeedEntry("thu-nhap-dau-nguoi", "Thu nhập bình quân đầu người (triệu đồng/người/năm)",
              "triệu đồng", ECONOMY, ("thu nhập bình quân đầu người", "thu nhập bình quân")),
    SeedEntry("tang-thu-ngan-sach", "Tốc độ tăng thu ngân sách nhà nước trên địa bàn (%/năm)",
              "%", ECONOMY, ("thu ngân sách",), measure=GROWTH),
    SeedEntry("thu-ngan-sach", "Tổng thu ngân sách nhà nước trên địa bàn", "triệu đồng",
              ECONOMY, ("thu ngân sách",)),
    SeedEntry("von-dau-tu-xa-hoi", "Tổng vốn đầu tư toàn xã hội trong nhiệm kỳ (tỷ đồng)",
              "tỷ đồng", ECONOMY, ("vốn đầu tư toàn xã hội", "vốn đầu tư"), measure=CUMULATIVE),
    SeedEntry("ty-trong-thuong-mai-dich-vu",
              "Tỷ trọng thương mại - dịch vụ trong cơ cấu kinh tế (%)", "%", ECONOMY,
              ("tỷ trọng thương mại - dịch vụ", "tỷ trọng dịch vụ")),
    SeedEntry("san-luong-luong-thuc", "Sản lượng lương thực có hạt (tấn)", "tấn", ECONOMY,
              ("lương thực có hạt", "sản lượng lương thực")),
    SeedEntry("san-luong-thuy-san", "Sản lượng thủy sản (tấn)", "tấn", ECONOMY,
              ("sản lượng thủy sản",)),
    SeedEntry("san-luong-thit-hoi", "Sản lượng thịt hơi xuất chuồng (tấn)", "tấn", ECONOMY,
              ("thịt hơi",)),
    SeedEntry("san-pham-ocop", "Số sản phẩm OCOP đạt 3 sao trở lên", "sản phẩm", ECONOMY,
              ("ocop",)),
    SeedEntry("ban-nong-thon-moi", "Số bản/thôn/ấp đạt chuẩn nông thôn mới", "bản", ECONOMY,
              ("đạt chuẩn + nông thôn mới",), excludes=("kiểu mẫu", "nâng cao"),
              notes="Đếm số bản đạt chuẩn; bản nông thôn mới kiểu mẫu là một chỉ tiêu khác."),
    SeedEntry("ban-nong-thon-moi-kieu-mau", "Số bản/thôn/ấp đạt chuẩn nông thôn mới kiểu mẫu",
              "bản", ECONOMY, ("nông thôn mới kiểu mẫu",)),
    SeedEntry("ty-le-ban-nong-thon-moi-kieu-mau",
              "Tỷ lệ bản/thôn/ấp đạt chuẩn nông thôn mới kiểu mẫu (%)", "%", ECONOMY,
              ("nông thôn mới kiểu mẫu",)),
    SeedEntry("xa-nong-thon-moi-nang-cao", "Xã đạt chuẩn nông thôn mới nâng cao",
              "đạt/không đạt", ECONOMY, ("nông thôn mới nâng cao",)),
    SeedEntry("duong-cung-hoa", "Tỷ lệ đường giao thông được cứng hóa, nhựa hóa, bê tông hóa (%)",
              "%", ECONOMY, ("cứng hóa", "nhựa hóa", "bê tông hóa")),
    # --- society -------------------------------------------------------------------
    SeedEntry("ho-ngheo", "Tỷ lệ hộ nghèo (%)", "%", SOCIETY, ("hộ nghèo",), direction=DOWN,
              excludes=("cận nghèo",),
              notes="Theo chuẩn nghèo đa chiều; “không còn hộ nghèo” là tỷ lệ 0 %."),
    SeedEntry("giam-ho-ngheo", "Mức giảm tỷ lệ hộ nghèo bình quân hằng năm (điểm %)",
              "điểm %", SOCIETY, ("hộ nghèo",), measure=CHANGE, direction=DOWN,
              excludes=("cận nghèo",)),
    SeedEntry("ho-can-ngheo", "Tỷ lệ hộ cận nghèo (%)", "%", SOCIETY, ("hộ cận nghèo",),
              direction=DOWN),
    SeedEntry("lao-dong-qua-dao-tao", "Tỷ lệ lao động qua đào tạo (%)", "%", SOCIETY,
              ("lao động qua đào tạo",), excludes=("chứng chỉ", "văn bằng", "bằng cấp")),
    SeedEntry("lao-dong-co-chung-chi", "Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ (%)",
              "%", SOCIETY, ("lao động + chứng chỉ", "lao động + văn bằng")),
    SeedEntry("giai-quyet-viec-lam", "Số lao động được giải quyết việc làm trong năm",
              "lao động", SOCIETY, ("giải quyết việc làm",)),
    SeedEntry("bao-hiem-y-te", "Tỷ lệ dân số tham gia bảo hiểm y tế (%)", "%", SOCIETY,
              ("bảo hiểm y tế",)),
    SeedEntry("xa-chuan-y-te", "Xã đạt chuẩn quốc gia về y tế", "đạt/không đạt", SOCIETY,
              ("chuẩn quốc gia về y tế",)),
    SeedEntry("tang-dan-so-tu-nhien", "Tỷ lệ tăng dân số tự nhiên (%)", "%", SOCIETY,
              ("tăng dân số tự nhiên",), direction=DOWN),
    SeedEntry("suy-dinh-duong", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi (%)",
              "%", SOCIETY, ("suy dinh dưỡng",), direction=DOWN),
    SeedEntry("truong-chuan-quoc-gia", "Số trường học đạt chuẩn quốc gia", "trường", SOCIETY,
              ("trường + chuẩn quốc gia",), excludes=("mức độ 2",)),
    SeedEntry("truong-chuan-muc-2", "Số trường đạt chuẩn quốc gia mức độ 2", "trường", SOCIETY,
              ("chuẩn quốc gia mức độ 2",)),
    SeedEntry("ty-le-truong-chuan", "Tỷ lệ trường học đạt chuẩn quốc gia (%)", "%", SOCIETY,
              ("trường + chuẩn quốc gia",)),
    SeedEntry("gia-dinh-van-hoa", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” (%)", "%",
              SOCIETY, ("gia đình văn hóa",)),
    SeedEntry("nha-van-hoa", "Tỷ lệ bản, tổ dân phố có nhà văn hóa đạt chuẩn (%)", "%", SOCIETY,
              ("nhà văn hóa", "nhà sinh hoạt cộng đồng")),
    # --- environment ----------------------------------------------------------------
    SeedEntry("che-phu-rung", "Tỷ lệ che phủ rừng (%)", "%", ENVIRONMENT, ("che phủ rừng",)),
    SeedEntry("trong-rung-moi", "Diện tích rừng trồng mới trong nhiệm kỳ (ha)", "ha",
              ENVIRONMENT, ("trồng mới + rừng", "trồng rừng"), measure=CUMULATIVE),
    SeedEntry("rung-duoc-bao-ve", "Diện tích rừng được chăm sóc, bảo vệ (ha)", "ha",
              ENVIRONMENT, ("rừng + bảo vệ",)),
    SeedEntry("nuoc-hop-ve-sinh", "Tỷ lệ dân số, hộ dân sử dụng nước sinh hoạt hợp vệ sinh (%)",
              "%", ENVIRONMENT, ("nước + hợp vệ sinh",)),
    SeedEntry("nuoc-sach", "Tỷ lệ dân số, hộ dân sử dụng nước sạch (%)", "%", ENVIRONMENT,
              ("nước sạch",)),
    SeedEntry("chat-thai-ran", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý (%)", "%",
              ENVIRONMENT, ("chất thải rắn", "rác thải + thu gom"), excludes=("phân loại",)),
    SeedEntry("phan-loai-rac", "Tỷ lệ hộ phân loại rác tại nguồn (%)", "%", ENVIRONMENT,
              ("phân loại rác", "phân loại chất thải")),
    SeedEntry("chuong-trai-hop-ve-sinh", "Tỷ lệ hộ chăn nuôi có chuồng trại hợp vệ sinh (%)",
              "%", ENVIRONMENT, ("chuồng trại",)),
    # --- defence and security --------------------------------------------------------
    SeedEntry("giao-quan", "Hoàn thành chỉ tiêu giao quân (%)", "%", SECURITY,
              ("giao quân", "nhập ngũ")),
    SeedEntry("an-toan-an-ninh-trat-tu",
              "Tỷ lệ khu dân cư, bản đạt tiêu chuẩn “An toàn về an ninh, trật tự” (%)", "%",
              SECURITY, ("an ninh, trật tự",)),
    # --- administration and digital transformation ------------------------------------
    SeedEntry("dich-vu-cong-truc-tuyen", "Tỷ lệ dịch vụ công trực tuyến toàn trình (%)", "%",
              DIGITAL, ("dịch vụ công trực tuyến",)),
    SeedEntry("so-hoa-thu-tuc-hanh-chinh",
              "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa (%)", "%", DIGITAL,
              ("thủ tục hành chính + số hóa",)),
    SeedEntry("thu-tuc-dung-han", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (%)", "%",
              DIGITAL, ("thủ tục hành chính + đúng hạn",)),
    SeedEntry("xu-ly-tren-moi-truong-so", "Tỷ lệ hồ sơ công việc xử lý trên môi trường số (%)",
              "%", DIGITAL, ("môi trường số", "môi trường mạng")),
    SeedEntry("chi-khoa-hoc-chuyen-doi-so",
              "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số (%)",
              "%", DIGITAL, ("chi ngân sách + khoa học",)),
    # --- Party and political system ---------------------------------------------------
    SeedEntry("ket-nap-dang-vien", "Kết nạp đảng viên mới trong nhiệm kỳ (đảng viên)",
              "đảng viên", PARTY, ("kết nạp + đảng viên",), measure=CUMULATIVE),
    SeedEntry("chi-bo-hoan-thanh-tot", "Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên (%)", "%",
              PARTY, (f"chi bộ + {_GOOD}",), excludes=("xuất sắc",)),
    SeedEntry("to-chuc-co-so-dang-hoan-thanh-tot",
              "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (%)", "%", PARTY,
              (f"tổ chức cơ sở đảng + {_GOOD}",), excludes=("xuất sắc",)),
    SeedEntry("dang-vien-hoan-thanh-tot", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên (%)",
              "%", PARTY, (f"đảng viên + {_GOOD}",), excludes=("xuất sắc",)),
    SeedEntry("to-chuc-dang-xuat-sac",
              "Tỷ lệ tổ chức cơ sở đảng, chi bộ hoàn thành xuất sắc nhiệm vụ (%)", "%", PARTY,
              ("tổ chức cơ sở đảng + xuất sắc", "chi bộ + xuất sắc")),
    SeedEntry("dang-vien-xuat-sac", "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ (%)", "%",
              PARTY, ("đảng viên + xuất sắc",)),
    SeedEntry("to-chuc-chinh-tri-xa-hoi-hoan-thanh-tot",
              "Tỷ lệ tổ chức chính trị - xã hội hoàn thành tốt nhiệm vụ trở lên (%)", "%", PARTY,
              (f"chính trị - xã hội + {_GOOD}",)),
    SeedEntry("can-bo-hoan-thanh-tot",
              "Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên (%)", "%", PARTY,
              (f"cán bộ, công chức + {_GOOD}",), excludes=("xuất sắc",)),
    SeedEntry("can-bo-ky-nang-so",
              "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số, ứng dụng công nghệ (%)", "%",
              PARTY, ("cán bộ + kỹ năng số", "bồi dưỡng + công nghệ thông tin")),
)


def seed_entries() -> list[Entry]:
    return [e.as_entry() for e in CATALOGUE]
