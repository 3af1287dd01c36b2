"""Infer how a target's figure is kept when the registry does not say.

Django-free rules on the registry's own fields, so a reviewer sees sensible
defaults and can change them. The registry's optional ``data`` object wins.
"""

from __future__ import annotations

import re
from typing import Any

# Unit words that name a kind of org unit: "05/07 trường", "10 bản", "30/30 bản".
_UNIT_WORDS: list[tuple[str, str]] = [
    (r"\btrường\b", "school"),
    (r"\b(bản|thôn|ấp|buôn|làng|tổ dân phố|khu phố|tổ dân phố|khu dân cư|xóm|sóc|phum)\b", "village"),
    (r"\b(chi bộ|tổ chức cơ sở đảng|đảng bộ cơ sở)\b", "party_cell"),
    (r"\b(xã|phường|đặc khu)\b", "commune"),
    (r"\b(cơ quan|đơn vị)\b", "agency"),
]
YES_NO_UNIT = "đạt/không đạt"


def unit_to_orgunit_type(unit: str) -> str | None:
    text = unit.lower()
    for pattern, unit_type in _UNIT_WORDS:
        if re.search(pattern, text):
            return unit_type
    return None


def infer_series_spec(target: dict[str, Any], level_type: str) -> dict[str, str]:
    """value_type, reporting_unit_type, aggregation and subyear_aggregation for a target.

    ``level_type`` is the org-unit type of the resolution's issuer (a commune
    collects from villages; a province from communes).
    """
    unit = (target.get("unit") or "").strip()
    kind = target.get("kind")
    counted = unit_to_orgunit_type(unit) if unit else None
    if unit == YES_NO_UNIT:
        return _spec("yes_no", level_type, "none", "last")
    if counted and kind in ("level", "cumulative") and counted != level_type:
        # "05/07 trường", "10 bản đạt chuẩn": one yes/no per sub-unit, counted.
        return _spec("yes_no", counted, "count_yes", "last")
    if unit in ("%", "điểm %"):
        return _spec("ratio", level_type, "ratio_of_sums", "last")
    if kind == "cumulative":
        return _spec("number", level_type, "sum", "sum")
    return _spec("number", level_type, "sum", "sum" if _is_flow(unit) else "last")


def _is_flow(unit: str) -> bool:
    """Tonnes or money accumulate over a year; a count of things standing does not."""
    return bool(re.search(r"tấn|đồng|lượt|lao động|người", unit.lower()))


def _spec(value_type: str, reporting: str, aggregation: str, subyear: str) -> dict[str, str]:
    return {
        "value_type": value_type,
        "reporting_unit_type": reporting,
        "aggregation": aggregation,
        "subyear_aggregation": subyear,
    }


def shared_series_index(targets: list[dict[str, Any]], index: int) -> int | None:
    """A growth-rate target is judged on the level series of its own indicator.

    Seed indicator (1): "tốc độ tăng thu ngân sách bình quân 5%" and "tổng thu
    ngân sách đạt 925 triệu đồng" are one revenue series, entered once.
    """
    target = targets[index]
    if target.get("kind") != "growth_rate":
        return None
    for j, other in enumerate(targets):
        if j != index and other.get("kind") == "level" and other.get("unit") not in ("%", None, ""):
            return j
    return None
