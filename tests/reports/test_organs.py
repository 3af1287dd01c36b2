"""Who issues a report for each kind of unit (unsaved objects, no database)."""

from __future__ import annotations

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.reports.organs import report_organ
from nghiquyet.resolutions.models import Resolution

PROVINCE = OrgUnit(pk=1, code="SL", name="Sơn La", type="province")
COMMUNE = OrgUnit(pk=2, code="SL-PK", name="Phiêng Khoài", type="commune")
WARD = OrgUnit(pk=3, code="SL-TH", name="Phường Tô Hiệu", type="commune")
VILLAGE = OrgUnit(pk=4, code="SL-PK-B01", name="Bản Nà Sàng", type="village")
CELL = OrgUnit(pk=5, code="SL-PK-CB40", name="Chi bộ Trạm Y tế xã", type="party_cell")


def resolution(issuer, level="xã", issuer_name="Đảng bộ xã Phiêng Khoài"):
    return Resolution(issuer=issuer, level=level, issuer_name=issuer_name, province="Sơn La",
                      term_start=2025, term_end=2030)


def test_a_commune():
    organ = report_organ(COMMUNE, [PROVINCE], resolution(COMMUNE))
    assert (organ.superior, organ.issuing, organ.running_text) == (
        "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", "Đảng ủy xã Phiêng Khoài")
    assert (organ.number_suffix, organ.place) == ("BC/ĐU", "Phiêng Khoài")
    assert organ.signer_titles == ("T/M ĐẢNG ỦY", "BÍ THƯ")
    assert organ.recipients == [
        "Ban Thường vụ Tỉnh ủy (để báo cáo)", "Ủy ban Kiểm tra Tỉnh ủy",
        "Các đồng chí Đảng ủy viên", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"]


def test_a_ward_from_the_resolution_or_its_name():
    ward = resolution(WARD, level="", issuer_name="Đảng bộ phường Tô Hiệu")
    assert report_organ(WARD, [PROVINCE], ward).issuing == "ĐẢNG ỦY PHƯỜNG TÔ HIỆU"
    other = resolution(PROVINCE, level="tỉnh", issuer_name="Đảng bộ tỉnh Sơn La")
    organ = report_organ(WARD, [PROVINCE], other)
    assert organ.issuing == "ĐẢNG ỦY PHƯỜNG TÔ HIỆU" and organ.place == "Tô Hiệu"


def test_a_commune_without_its_province_in_the_tree():
    organ = report_organ(COMMUNE, [], resolution(COMMUNE))
    assert organ.superior == "ĐẢNG BỘ TỈNH SƠN LA"  # from the resolution's province


def test_a_province():
    organ = report_organ(PROVINCE, [], resolution(PROVINCE, level="tỉnh"))
    assert (organ.superior, organ.issuing, organ.number_suffix) == ("", "TỈNH ỦY SƠN LA", "BC/TU")
    assert organ.signer_titles == ("T/M TỈNH ỦY", "BÍ THƯ")
    assert organ.recipients[-1] == "Lưu Văn phòng Tỉnh ủy"


def test_a_village_and_a_party_cell_report_through_their_cell():
    village = report_organ(VILLAGE, [PROVINCE, COMMUNE], resolution(COMMUNE))
    assert (village.superior, village.issuing, village.running_text) == (
        "ĐẢNG BỘ XÃ PHIÊNG KHOÀI", "CHI BỘ BẢN NÀ SÀNG", "Chi bộ bản Nà Sàng")
    assert village.number_suffix == "BC/CB" and village.place == "Phiêng Khoài"
    assert village.recipients == ["Đảng ủy xã (để báo cáo)", "Các đảng viên trong chi bộ",
                                  "Lưu Chi bộ"]
    cell = report_organ(CELL, [PROVINCE, COMMUNE], resolution(COMMUNE))
    assert cell.issuing == "CHI BỘ TRẠM Y TẾ XÃ" and cell.running_text == "Chi bộ Trạm Y tế xã"
