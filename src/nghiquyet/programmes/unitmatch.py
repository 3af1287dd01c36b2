"""Match the unit names a programme's table writes to the org units that exist.

Django-free. Tables write "UBND xã", "Đảng ủy", "Văn phòng ĐU", "Công an xã";
the tree says "Ủy ban nhân dân xã", "Văn phòng Đảng ủy xã". Names are compared
after expanding the usual abbreviations, unifying old and new tone placement
("uỷ"/"ủy"), and dropping the words every commune unit carries ("xã", "cơ quan").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc", "đu": "đảng ủy", "bch": "ban chỉ huy",
    "qs": "quân sự", "chqs": "chỉ huy quân sự", "bchqs": "ban chỉ huy quân sự", "ca": "công an", "đtn": "đoàn thanh niên", "vp": "văn phòng",
    "tt": "trung tâm", "hcc": "hành chính công", "vh-xh": "văn hóa xã hội",
    "vhxh": "văn hóa xã hội", "ptdt": "phổ thông dân tộc", "thcs": "trung học cơ sở",
    "mn": "mầm non", "th": "tiểu học", "hpn": "hội phụ nữ", "hnd": "hội nông dân",
    "hccb": "hội cựu chiến binh", "ubkt": "ủy ban kiểm tra", "tdp": "tổ dân phố",
}
# Old-style tone placement, still common in typed documents.
_TONES = {"uỷ": "ủy", "uý": "úy", "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
          "oè": "òe", "oé": "óe", "uỳ": "ùy", "uỵ": "ụy", "uỹ": "ũy"}
_FILLER = {"xã", "cơ", "quan", "của", "các", "và"}
MATCH_THRESHOLD = 0.82
SUGGEST_THRESHOLD = 0.45


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFC", name).lower()
    for old, new in _TONES.items():
        text = text.replace(old, new)
    words = re.findall(r"[\wđ-]+", text)
    expanded: list[str] = []
    for word in words:
        expanded.extend(ABBREVIATIONS.get(word, word.replace("-", " ")).split())
    return " ".join(w for w in expanded if w not in _FILLER)


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    code: str = ""


@dataclass(frozen=True)
class Match:
    id: int | None  # the unit chosen without asking, when the match is clear
    suggestions: list[tuple[int, float]]  # (unit id, score), best first


def score(a: str, b: str) -> float:
    """Similarity of two normalised names, 0..1: characters and shared words."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    chars = difflib.SequenceMatcher(None, a, b).ratio()
    wa, wb = set(a.split()), set(b.split())
    words = len(wa & wb) / len(wa | wb)
    contained = 0.9 if (f" {a} " in f" {b} " or f" {b} " in f" {a} ") else 0.0
    return max(0.5 * chars + 0.5 * words, contained)


def match_unit(name: str, candidates: Iterable[Candidate], *, limit: int = 5) -> Match:
    target = normalise_name(name)
    if not target:
        return Match(None, [])
    scored: list[tuple[int, float]] = []
    for cand in candidates:
        best = max(score(target, normalise_name(cand.name)),
                   1.0 if cand.code and name.strip().lower() == cand.code.lower() else 0.0)
        if best >= SUGGEST_THRESHOLD:
            scored.append((cand.id, round(best, 3)))
    scored.sort(key=lambda pair: -pair[1])
    top = scored[:limit]
    clear = bool(top) and top[0][1] >= MATCH_THRESHOLD and (
        len(top) == 1 or top[0][1] - top[1][1] >= 0.05)
    return Match(top[0][0] if clear else None, top)
