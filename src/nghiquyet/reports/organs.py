"""Who issues a report for an org unit: the Party organ's names, number code, signer and
recipients, after Hướng dẫn 36-HD/VPTW.

- a province: its Tỉnh ủy ("TỈNH ỦY SƠN LA", Số -BC/TU), reporting to the centre;
- a commune or ward: its Đảng ủy under the province's Party organisation
  ("ĐẢNG BỘ TỈNH SƠN LA" over "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", Số -BC/ĐU);
- anything below (village, school, agency, Party cell): its Party cell under the
  commune's Party organisation ("ĐẢNG BỘ XÃ PHIÊNG KHOÀI" over "CHI BỘ BẢN NÀ SÀNG",
  Số -BC/CB).

Whether a commune-type unit is a xã or a phường is not in the org-unit tree; it
comes from the resolution (its level, or the issuer's name "Đảng bộ phường ...")
when the unit is the issuer, else from the unit's own name ("Phường Tô Hiệu").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.resolutions.models import Resolution

_COMMUNE_LEVELS = ("phường", "xã", "đặc khu", "thị trấn")


@dataclass(frozen=True)
class Organ:
    superior: str  # "ĐẢNG BỘ TỈNH SƠN LA"; "" where the organ answers to the centre
    issuing: str  # "ĐẢNG ỦY XÃ PHIÊNG KHOÀI"
    running_text: str  # "Đảng ủy xã Phiêng Khoài"
    number_suffix: str  # "BC/ĐU"
    place: str  # "Phiêng Khoài"
    signer_titles: tuple[str, str]
    recipients: list[str] = field(default_factory=list)


def report_organ(unit: OrgUnit, ancestors: list[OrgUnit], resolution: Resolution) -> Organ:
    """The organ issuing ``unit``'s report; ``ancestors`` from the root down, without ``unit``."""
    if unit.type == OrgUnitType.PROVINCE:
        return _province_organ(unit)
    if unit.type == OrgUnitType.COMMUNE:
        province = _nearest(ancestors, OrgUnitType.PROVINCE)
        return _commune_organ(unit, province, resolution)
    commune = _nearest(ancestors, OrgUnitType.COMMUNE)
    return _cell_organ(unit, commune, resolution)


def _nearest(ancestors: list[OrgUnit], unit_type: str) -> OrgUnit | None:
    return next((u for u in reversed(ancestors) if u.type == unit_type), None)


def _province_organ(unit: OrgUnit) -> Organ:
    name = _strip_prefix(unit.name, ("tỉnh", "thành phố"))
    return Organ(
        superior="",
        issuing=_("TỈNH ỦY {name}").format(name=name).upper(),
        running_text=_("Tỉnh ủy {name}").format(name=name),
        number_suffix="BC/TU",
        place=name,
        signer_titles=(_("T/M TỈNH ỦY"), _("BÍ THƯ")),
        recipients=[
            _("Ban Bí thư Trung ương Đảng (để báo cáo)"),
            _("Văn phòng Trung ương Đảng"),
            _("Các đồng chí Tỉnh ủy viên"),
            _("Các đảng bộ trực thuộc"),
            _("Lưu Văn phòng Tỉnh ủy"),
        ],
    )


def _commune_organ(unit: OrgUnit, province: OrgUnit | None, resolution: Resolution) -> Organ:
    level = _commune_level(unit, resolution)
    name = _strip_prefix(unit.name, _COMMUNE_LEVELS)
    province_name = _strip_prefix(province.name, ("tỉnh",)) if province else resolution.province
    return Organ(
        superior=_("ĐẢNG BỘ TỈNH {name}").format(name=province_name).upper()
        if province_name else "",
        issuing=_("ĐẢNG ỦY {level} {name}").format(level=level, name=name).upper(),
        running_text=_("Đảng ủy {level} {name}").format(level=level, name=name),
        number_suffix="BC/ĐU",
        place=name,
        signer_titles=(_("T/M ĐẢNG ỦY"), _("BÍ THƯ")),
        recipients=[
            _("Ban Thường vụ Tỉnh ủy (để báo cáo)"),
            _("Ủy ban Kiểm tra Tỉnh ủy"),
            _("Các đồng chí Đảng ủy viên"),
            _("Các chi bộ trực thuộc"),
            _("Lưu Văn phòng Đảng ủy"),
        ],
    )


def _cell_organ(unit: OrgUnit, commune: OrgUnit | None, resolution: Resolution) -> Organ:
    name = unit.name if unit.type == OrgUnitType.PARTY_CELL else _("Chi bộ {name}").format(
        name=_lower_first_word(unit.name))
    name = _strip_prefix(name, ("chi bộ",))
    if commune is not None:
        level = _commune_level(commune, resolution)
        commune_name = _strip_prefix(commune.name, _COMMUNE_LEVELS)
        superior = _("ĐẢNG BỘ {level} {name}").format(level=level, name=commune_name).upper()
        place = commune_name
        report_to = _("Đảng ủy {level} (để báo cáo)").format(level=level)
    else:
        superior, place, report_to = "", unit.name, _("Cấp ủy cấp trên (để báo cáo)")
    return Organ(
        superior=superior,
        issuing=_("CHI BỘ {name}").format(name=name).upper(),
        running_text=_("Chi bộ {name}").format(name=name),
        number_suffix="BC/CB",
        place=place,
        signer_titles=(_("T/M CHI BỘ"), _("BÍ THƯ")),
        recipients=[report_to, _("Các đảng viên trong chi bộ"), _("Lưu Chi bộ")],
    )


def _commune_level(unit: OrgUnit, resolution: Resolution) -> str:
    """"xã" or "phường" (or "đặc khu"): the resolution says it for its issuer."""
    if unit.pk == resolution.issuer_id:
        level = (resolution.level or "").strip().lower()
        if level in _COMMUNE_LEVELS:
            return level
        issuer = resolution.issuer_name.lower()
        for candidate in _COMMUNE_LEVELS:
            if f"đảng bộ {candidate} " in issuer:
                return candidate
    name = unit.name.lower()
    return next((c for c in _COMMUNE_LEVELS if name.startswith(c + " ")), "xã")


def _strip_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    """"Phường Tô Hiệu" -> "Tô Hiệu", so the organ is not "ĐẢNG ỦY PHƯỜNG PHƯỜNG ..."."""
    lowered = name.lower()
    for prefix in prefixes:
        if lowered.startswith(prefix + " "):
            return name[len(prefix) + 1:].strip()
    return name.strip()


def _lower_first_word(name: str) -> str:
    """"Bản Nà Sàng" inside "Chi bộ bản Nà Sàng"; a school's or agency's name keeps its capital."""
    head, _sep, rest = name.partition(" ")
    if head.lower() in ("bản", "thôn", "tổ", "xóm", "khu", "ấp"):
        return f"{head.lower()} {rest}".strip()
    return name
