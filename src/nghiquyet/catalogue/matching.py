"""Which entry of the common catalogue a resolution's target measures. Django-free.

Resolutions word the same indicator differently ("Tỷ lệ hộ nghèo theo chuẩn nghèo
đa chiều", "Tỷ lệ hộ nghèo", "Không còn hộ nghèo" read as a rate of 0 %). The
matcher compares on folded text (lowercase, no diacritics, no punctuation), so tone
placement ("hóa"/"hoá") and commas do not matter; what people read keeps its
diacritics, because only the folded copy is compared.

An entry lists key phrases. A phrase is one or more fragments joined by ``+``, and
matches when every fragment appears as a run of whole syllables in the target's
label ("chi bộ + hoàn thành tốt"). Excluded phrases veto an entry ("xuất sắc" keeps
"hoàn thành xuất sắc" away from "hoàn thành tốt"). Two guards come before any
wording: the target's kind must be the entry's measure (a yearly fall of the poverty
rate is not the rate itself), and the units must be of one family (a count of
schools is not a share of schools).

Confidence: a phrase hit scores 0.7 plus up to 0.3 for how much of the entry's name
the label shares; without a hit, the shared words alone score at most 0.6, below
the threshold at which a mapping is applied without review (``AUTO_THRESHOLD``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

AUTO_THRESHOLD = 0.7  # applied without review from here up
SUGGEST_THRESHOLD = 0.45  # shown to a reviewer as a hint from here up
_HIT_BASE = 0.7
_UNKNOWN_UNIT_PENALTY = 0.1

# Words that every second label holds; they say nothing about which indicator it is.
_STOPWORDS = frozenset({
    "ty", "le", "so", "cac", "duoc", "trong", "tren", "va", "cua", "den", "nam", "nhiem", "ky",
    "tro", "len", "dat", "co", "la", "cho", "binh", "quan", "hang", "moi", "tong", "the", "theo",
})


@dataclass(frozen=True)
class Entry:
    """A catalogue indicator as the matcher sees it."""

    code: str
    name: str
    unit: str
    measure: str = "level"  # a target kind: level, growth_rate, cumulative, annual_change
    keywords: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetText:
    """What the matcher reads of a target."""

    label: str
    unit: str = ""
    kind: str = "level"
    indicator_text: str = ""


@dataclass(frozen=True)
class Match:
    code: str
    confidence: float
    phrase: str | None  # the key phrase that matched, as written in the catalogue

    @property
    def automatic(self) -> bool:
        return self.confidence >= AUTO_THRESHOLD


# --- text -------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lowercase ASCII words for comparison: "Tỷ lệ hộ nghèo (%)" -> "ty le ho ngheo"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def syllables(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _fragments(phrase: str) -> list[tuple[str, ...]]:
    return [s for s in (syllables(part) for part in phrase.split("+")) if s]


def phrase_matches(phrase: str, words: tuple[str, ...]) -> bool:
    fragments = _fragments(phrase)
    return bool(fragments) and all(_contains(words, f) for f in fragments)


def phrase_weight(phrase: str) -> int:
    """Longer phrases are more specific: "lao động qua đào tạo + chứng chỉ" beats its head."""
    return sum(len(f) for f in _fragments(phrase))


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if w not in _STOPWORDS}


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice coefficient of the content words of two texts (0..1)."""
    left, right = _content(a), _content(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


# --- units ------------------------------------------------------------------------


def unit_family(unit: str) -> str:
    """A unit's family: only targets of one family are compared on one row.

    "triệu đồng", "tỷ đồng" and "triệu đồng/người/năm" are all money; "bản", "trường"
    and "đảng viên" are all counts. An empty unit is unknown ("").
    """
    raw = " ".join(unit.lower().split())
    if not raw:
        return ""
    if raw in ("đạt/không đạt", "dat/khong dat"):
        return "yes_no"
    if raw.startswith("điểm") or raw.startswith("diem"):
        return "points"
    if raw.startswith("%"):
        return "percent"
    if "vạn dân" in raw:
        return "per_10k"
    if "đồng" in raw or "usd" in raw:
        return "money"
    words = syllables(raw)
    if "tan" in words[:1]:
        return "mass"
    if words[:1] == ("ha",):
        return "area"
    return "count"


def _unit_fit(target_unit: str, entry_unit: str) -> float | None:
    """None when the families differ; otherwise a penalty for an unknown unit."""
    mine, theirs = unit_family(target_unit), unit_family(entry_unit)
    if not mine or not theirs:
        return _UNKNOWN_UNIT_PENALTY
    return 0.0 if mine == theirs else None


# --- matching ---------------------------------------------------------------------


def _name_words(entry: Entry) -> tuple[str, ...]:
    # "(%)", "(tấn)" at the end of a name is the unit, not wording to match
    return syllables(re.sub(r"\([^)]*\)\s*$", "", entry.name))


def _best_phrase(entry: Entry, words: tuple[str, ...]) -> str | None:
    hits = [p for p in entry.keywords if phrase_matches(p, words)]
    return max(hits, key=phrase_weight) if hits else None


def score(target: TargetText, entry: Entry) -> Match | None:
    """How well ``entry`` fits ``target``; None when it cannot be the same indicator."""
    if target.kind != entry.measure:
        return None
    penalty = _unit_fit(target.unit, entry.unit)
    if penalty is None:
        return None
    words = syllables(target.label or target.indicator_text)
    if not words or any(phrase_matches(p, words) for p in entry.excludes):
        return None
    phrase = _best_phrase(entry, words)
    shared = overlap(words, _name_words(entry))
    base = _HIT_BASE + (1 - _HIT_BASE) * shared if phrase else 0.6 * shared
    confidence = round(max(0.0, base - penalty), 3)
    if confidence <= 0:
        return None
    return Match(code=entry.code, confidence=confidence, phrase=phrase)


def _rank_key(match: Match) -> tuple[int, int, float]:
    weight = phrase_weight(match.phrase) if match.phrase else 0
    return (1 if match.phrase else 0, weight, match.confidence)


def rank(target: TargetText, entries: Iterable[Entry]) -> list[Match]:
    """Every entry that could be the target's indicator, the likeliest first.

    A phrase hit beats any overlap of words, and a longer phrase beats a shorter one.
    """
    found = [m for m in (score(target, e) for e in entries) if m is not None]
    return sorted(found, key=_rank_key, reverse=True)


def suggest(target: TargetText, entries: Iterable[Entry]) -> Match | None:
    """The likeliest entry, if it is worth showing to a reviewer at all."""
    ranked = rank(target, entries)
    if not ranked or ranked[0].confidence < SUGGEST_THRESHOLD:
        return None
    return ranked[0]
