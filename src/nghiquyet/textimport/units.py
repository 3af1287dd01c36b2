"""Units of measure as the genre writes them after a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Count nouns and measures seen after figures in resolutions. Longest first so
# "tỷ đồng" wins over "đồng" and "tổ dân phố" over "tổ".
_UNITS = """
triệu tỷ đồng|triệu tỉ đồng|nghìn tỷ đồng|nghìn tỉ đồng|tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng
tỷ USD|triệu USD|nghìn USD|USD|đô la Mỹ
triệu tấn|nghìn tấn|ngàn tấn|tấn|tạ|kg
ha|héc-ta|hecta|km²|km2|km|m²|m2|m³|m3|lít|kWh|MW
triệu lượt khách|nghìn lượt khách|lượt khách|triệu lượt người|lượt người|triệu lượt|nghìn lượt|ngàn lượt|lượt
đảng viên|đoàn viên|hội viên|lao động|người|nhân khẩu|học sinh|sinh viên|trẻ em|trẻ
bác sĩ|dược sĩ|điều dưỡng|nữ hộ sinh|giường bệnh|cán bộ|công chức|thanh niên|công dân|tân binh
hộ gia đình|hộ dân|hộ
tổ dân phố|khu dân cư|khu phố|tiểu khu|bản|thôn|ấp|xóm|buôn|làng|sóc|tổ|khu
xã|phường|thị trấn|huyện|thị xã
trường học|trường|lớp học|phòng học|điểm trường
doanh nghiệp|hợp tác xã|tổ hợp tác|trang trại|cơ sở|hộ kinh doanh
sản phẩm|mô hình|công trình|dự án|chợ|trạm|nhà văn hóa|nhà văn hoá|nhà|căn|tuyến|cụm|chuỗi
chi bộ|đảng bộ|tổ chức cơ sở đảng|tổ chức đảng|tổ chức
con|cây|máy|xe|chiếc|mét|đoạn đường|đoạn|loại|tuyến đường|lượt
"""
UNIT_WORDS: tuple[str, ...] = tuple(
    sorted(
        {u.strip() for u in _UNITS.replace("\n", "|").split("|") if u.strip()},
        key=len,
        reverse=True,
    )
)
_UNIT_RE = re.compile(r"(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + r")(?![^\W\d_])")
_PERCENT_RE = re.compile(r"[ \t]*(%|phần trăm)(?:[ \t]*/[ \t]*năm)?")
_POINTS_RE = re.compile(r"[ \t]*(?:điểm[ \t]*%|điểm phần trăm)(?:[ \t]*/[ \t]*năm)?")
_SUFFIX_RE = re.compile(r"[ \t]*/[ \t]*([^\W\d_]+(?:[ \t][^\W\d_]+)?)")
# Words after a number that make it part of a label ("dưới 5 tuổi", "3 sao").
LABEL_UNITS = frozenset(
    [
        "tuổi",
        "sao",
        "năm",
        "tháng",
        "ngày",
        "giờ",
        "phút",
        "lần",
        "tiết",
        "tầng",
        "tuần",
        "quý",
        "kỳ",
    ]
)
# Words after a number that are not a unit (verbs, prepositions).
_NOT_UNITS = frozenset(
    [
        "đạt",
        "là",
        "trở",
        "lên",
        "xuống",
        "trên",
        "dưới",
        "mới",
        "được",
        "có",
        "và",
        "hoặc",
        "trong",
        "của",
        "tại",
        "từ",
        "đến",
        "cho",
        "với",
        "theo",
        "so",
        "về",
        "khoảng",
        "bình",
        "quân",
        "tăng",
        "giảm",
        "còn",
        "hoàn",
        "thành",
        "không",
        "chưa",
        "đã",
        "sẽ",
        "cần",
        "phải",
        "đang",
        "bằng",
        "như",
        "này",
        "đó",
        "các",
        "những",
        "mỗi",
        "hằng",
        "hàng",
        "nhiệm",
        "giai",
        "đoạn",
        "cả",
        "toàn",
        "tỷ",
        "tỉ",
        "triệu",
        "nghìn",
        "ngàn",
        "lệ",
        "chỉ",
        "trọng",
    ]
)


@dataclass(frozen=True)
class UnitRead:
    unit: str  # "" when none was found
    end: int  # offset just after the unit (and its "/năm" suffix)
    per_year: bool  # "%/năm", "điểm phần trăm/năm"
    label_number: bool  # the number belongs to a label ("5 tuổi")


def read_unit(text: str, pos: int, *, known_only: bool = False) -> UnitRead:
    """The unit written at ``pos`` (just after a number), normalised.

    ``known_only`` skips the fallback of taking the next lowercase word.
    """
    if points := _POINTS_RE.match(text, pos):
        return UnitRead("điểm %", points.end(), "/" in points.group(0), False)
    if percent := _PERCENT_RE.match(text, pos):
        return UnitRead("%", percent.end(), "/" in percent.group(0), False)
    start = pos + (len(text[pos:]) - len(text[pos:].lstrip(" \t")))
    if unit := _UNIT_RE.match(text, start):
        return _with_suffixes(text, unit.group(0), unit.end())
    word = re.match(r"[^\W\d_]+", text[start:])
    if word is None or known_only:
        return UnitRead("", pos, False, False)
    if word.group(0).lower() in LABEL_UNITS:
        return UnitRead("", pos, False, True)
    if word.group(0) in _NOT_UNITS or not word.group(0).islower():
        return UnitRead("", pos, False, False)
    return _with_suffixes(text, word.group(0), start + word.end())


def _with_suffixes(text: str, unit: str, end: int) -> UnitRead:
    """Append "/người", "/năm", "/ha" ... ("triệu đồng/người/ năm")."""
    per_year = False
    while suffix := _SUFFIX_RE.match(text, end):
        words = suffix.group(1).split()
        # Keep only the measure after the slash, not the sentence that follows it.
        head = words[0] if words[0] not in ("vạn", "nghìn", "ngàn") else " ".join(words)
        if head.lower() in _NOT_UNITS:
            break
        unit += "/" + head
        end = suffix.start(1) + len(head) if head == words[0] else suffix.end()
        per_year = per_year or head == "năm"
    return UnitRead(unit, end, per_year, False)
