"""The official list of provinces and communes/wards after the 2025 reform (no Django).

Read from the ``vietnam-provinces`` package (34 provinces, 3,321 communes, wards and
special zones, with the codes of the General Statistics Office). A commune is found by
its five-digit code or by its name, with or without diacritics: "phieng khoai" finds
Xã Phiêng Khoài (04099).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from vietnam_provinces import Province, VietNamDivisionType, Ward

_PREFIXES = ("thành phố", "tỉnh", "xã", "phường", "đặc khu")


@dataclass(frozen=True)
class OfficialProvince:
    code: str  # "14"
    name: str  # "Sơn La" (without "Tỉnh"/"Thành phố")
    full_name: str  # "Sơn La", "Thành phố Hà Nội"


@dataclass(frozen=True)
class OfficialCommune:
    code: str  # "04099"
    name: str  # "Phiêng Khoài" (without "Xã"/"Phường"/"Đặc khu")
    full_name: str  # "Xã Phiêng Khoài"
    kind: str  # "xã", "phường", "đặc khu"
    province: OfficialProvince

    @property
    def label(self) -> str:
        return f"{self.full_name}, {self.province.full_name} ({self.code})"


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: "Xã Phiêng  Khoài" -> "xa phieng khoai"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


_FOLDED_PREFIXES = tuple(fold(p) + " " for p in _PREFIXES)


def strip_prefix(name: str) -> str:
    """The place name without its level: "Xã Phiêng Khoài" -> "Phiêng Khoài"."""
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix + " "):
            return name[len(prefix) + 1:].strip()
    return name.strip()


def fold_place(text: str) -> str:
    folded = fold(text)
    for prefix in _FOLDED_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


@lru_cache(maxsize=1)
def provinces() -> dict[str, OfficialProvince]:
    out = {}
    for p in Province.iter_all():
        code = f"{int(p.code):02d}"
        out[code] = OfficialProvince(code=code, name=strip_prefix(p.name), full_name=p.name)
    return out


@lru_cache(maxsize=1)
def communes() -> dict[str, OfficialCommune]:
    by_code = provinces()
    out = {}
    for w in Ward.iter_all():
        code = f"{int(w.code):05d}"
        kind = w.division_type.value if isinstance(w.division_type, VietNamDivisionType) else ""
        out[code] = OfficialCommune(code=code, name=strip_prefix(w.name), full_name=w.name,
                                    kind=kind, province=by_code[f"{int(w.province_code):02d}"])
    return out


def find_communes(query: str, limit: int = 20) -> list[OfficialCommune]:
    """Communes matching ``query``: its code, or its name with or without diacritics and
    with or without "xã"/"phường". An exact name comes first; otherwise every name that
    contains the words, so "phieng" lists all the Phiêng communes. A province name after
    a comma narrows the list: "Chiềng Sơn, Sơn La"."""
    query = query.strip()
    if not query:
        return []
    digits = query.lstrip("0")
    if _is_code(query):
        one = communes().get(f"{int(digits or 0):05d}")
        return [one] if one else []
    place, _, province = query.partition(",")
    wanted, wanted_province = fold_place(place), fold_place(province)
    if not wanted:
        return []
    exact: list[OfficialCommune] = []
    partial: list[OfficialCommune] = []
    for commune in communes().values():
        if wanted_province and wanted_province not in fold(commune.province.name):
            continue
        name = fold(commune.name)
        if name == wanted:
            exact.append(commune)
        elif wanted in name:
            partial.append(commune)
    found = exact or partial
    return sorted(found, key=lambda c: (c.province.name, c.name, c.code))[:limit]


def _is_code(query: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²" or "٣", which int() refuses."""
    return query.isascii() and query.isdigit()


def find_province(query: str) -> OfficialProvince | None:
    """A province by its two-digit code or its exact name (diacritics optional)."""
    query = query.strip()
    if _is_code(query):
        return provinces().get(f"{int(query):02d}")
    wanted = fold_place(query)
    return next((p for p in provinces().values() if fold(p.name) == wanted), None)
