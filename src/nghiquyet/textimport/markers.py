"""List markers of the genre: "(1)", "1.", "1-", "a)", "I-", "2.2.", "- ", "Một là", "Thứ nhất".

A resolution reuses the same markers for sections, weaknesses, indicators,
breakthroughs and tasks, so a marker alone says little; the list scanner
(``listscan``) gives them meaning by family and sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from nghiquyet.textimport.text import CAPITALISED_TERMS


class Family(StrEnum):
    PAREN = "paren"  # (1)  (1).
    DOT = "dot"  # 1.
    DASH = "dash"  # 1-
    CLOSE = "close"  # 1)
    LETTER = "letter"  # a)  b.
    ROMAN = "roman"  # I-  II.
    DECIMAL = "decimal"  # 2.2.
    BULLET = "bullet"  # -  *  +  •
    ORDINAL_LA = "ordinal_la"  # Một là, Hai là
    ORDINAL_THU = "ordinal_thu"  # Thứ nhất, Thứ hai


NUMERIC_FAMILIES = frozenset({Family.PAREN, Family.DOT, Family.DASH, Family.CLOSE})
ORDINAL_FAMILIES = frozenset({Family.ORDINAL_LA, Family.ORDINAL_THU})

LA_WORDS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
THU_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
COUNT_WORDS = {w.lower(): i + 1 for i, w in enumerate(LA_WORDS)} | {"bốn": 4, "tư": 4}

_LETTER_START = r"(?=[^\W\d_]|[\"“'‘(])"
_PATTERNS: dict[Family, re.Pattern[str]] = {
    Family.PAREN: re.compile(r"\((\d{1,3})\)[.:]?\s*(?=\S)"),
    # An item may open with a figure ("5. 100% tuyến đường"), but then a space
    # must follow the marker, so "5.928 tấn" or "3-3,5%" never reads as one.
    Family.DOT: re.compile(r"(\d{1,3})\.(?:\s*" + _LETTER_START + r"|[ \t]+(?=\d))"),
    Family.DASH: re.compile(r"(\d{1,3})(?: ?[-–]\s*" + _LETTER_START + r"|[-–][ \t]+(?=\d))"),
    Family.CLOSE: re.compile(r"(\d{1,3})\)(?:\s*" + _LETTER_START + r"|[ \t]+(?=\d))"),
    Family.LETTER: re.compile(r"([a-zđ])\)[ \t]*(?=\S)|([a-zđA-ZĐ])\.[ \t]+(?=\S)"),
    Family.ROMAN: re.compile(r"([IVXL]{1,6})[ \t]*[.)\-–:][ \t]*(?=\S)"),
    Family.DECIMAL: re.compile(r"(\d{1,2}(?:\.\d{1,2})+)\.?[ \t]+(?=[^\W\d_a-zđ])"),
    Family.BULLET: re.compile(r"([-–—+•·*▪►○●❖])[ \t]*(?=[^\s\-–—*])"),
    Family.ORDINAL_LA: re.compile(
        r"(Mười|Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín)\s+là\b[ \t]*[,:]?[ \t]*"
    ),
    Family.ORDINAL_THU: re.compile(
        r"Thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b[ \t]*[,:]?[ \t]*"
    ),
}
# Only these can start an item in the middle of a line (after ". ", "; ", ": ").
INLINE_FAMILIES = (
    Family.PAREN,
    Family.ORDINAL_LA,
    Family.ORDINAL_THU,
    Family.DASH,
    Family.DOT,
    Family.CLOSE,
)
LINE_FAMILIES = (
    Family.DECIMAL,
    Family.PAREN,
    Family.ORDINAL_LA,
    Family.ORDINAL_THU,
    Family.ROMAN,
    Family.DASH,
    Family.DOT,
    Family.CLOSE,
    Family.LETTER,
    Family.BULLET,
)
_INLINE_BOUNDARY = re.compile(r"[.;:!?][\"”’)]?[ \t]+|[.;:][\"”’)]?(?=\()")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class Marker:
    family: Family
    number: int  # 1-based rank in its list; 0 when the family has no rank (bullets, 2.2.)
    label: str  # as written: "a", "II", "2.2", "3"
    start: int  # offset of the marker
    end: int  # offset where the item's own text starts
    line_start: bool


def roman_value(text: str) -> int:
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


def _rank(family: Family, label: str) -> int:
    if family in NUMERIC_FAMILIES:
        return int(label)
    if family is Family.ROMAN:
        return roman_value(label)
    if family is Family.LETTER:
        letters = "abcdđefghiklmnopqrstuvxy"
        return letters.index(label.lower()) + 1 if label.lower() in letters else 0
    if family is Family.ORDINAL_LA:
        return LA_WORDS.index(label) + 1
    if family is Family.ORDINAL_THU:
        return THU_WORDS.index(label) + 1
    return 0


def match_marker(
    text: str, pos: int, families: tuple[Family, ...], line_start: bool
) -> Marker | None:
    for family in families:
        found = _PATTERNS[family].match(text, pos)
        if found is None:
            continue
        label = next(group for group in found.groups() if group is not None)
        if family is Family.ROMAN and not _valid_roman(label):
            continue
        return Marker(family, _rank(family, label), label, pos, found.end(), line_start)
    return None


def _valid_roman(label: str) -> bool:
    return re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})|XL|L", label) is not None and label != ""


def line_starts(text: str) -> list[int]:
    """Offsets of the first non-blank character of every non-blank line."""
    starts = []
    offset = 0
    for line in text.split("\n"):
        stripped = len(line) - len(line.lstrip(" "))
        if line.strip():
            starts.append(offset + stripped)
        offset += len(line) + 1
    return starts


def find_markers(text: str) -> list[Marker]:
    """Every place where a list item could start, line-initial or inline, in order."""
    found: dict[int, Marker] = {}
    for pos in line_starts(text):
        marker = match_marker(text, pos, LINE_FAMILIES, line_start=True)
        if marker is not None:
            found[pos] = marker
    for boundary in _INLINE_BOUNDARY.finditer(text):
        pos = boundary.end()
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        if pos in found or pos >= len(text):
            continue
        marker = match_marker(text, pos, INLINE_FAMILIES, line_start=False)
        if marker is not None:
            found[pos] = marker
    return [found[pos] for pos in sorted(found)]


def logical_line(text: str, start: int, max_extra: int = 2) -> tuple[str, int]:
    """The line at ``start`` joined with the wrapped lines that continue it.

    A heading wrapped by PDF extraction ("a) Các chỉ tiêu về kinh tế (05" /
    "chỉ tiêu)") goes on in a line that starts in lower case, a digit or a
    bracket and carries no marker of its own. Returns the text and its end offset.
    """
    end = _end_of_line(text, start)
    parts = [text[start:end].strip()]
    for _extra in range(max_extra):
        if parts[-1].endswith((":", ".", ";")):
            break
        following = end + 1
        while following < len(text) and text[following] in " \t\n":
            following += 1
        if following >= len(text) or not _continues(text, following):
            break
        end = _end_of_line(text, following)
        parts.append(text[following:end].strip())
    return " ".join(" ".join(parts).split()), end


def _end_of_line(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


_WRAPPED_RANGE = re.compile(r"[-–]\s*(?:19|20)\d\d\b")  # "nhiệm kỳ 2025" / "- 2030 (20 chỉ tiêu)"


def _continues(text: str, pos: int) -> bool:
    if _WRAPPED_RANGE.match(text, pos):
        return True
    first = text[pos]
    if not (
        first.islower() or first.isdigit() or first == "(" or CAPITALISED_TERMS.match(text, pos)
    ):
        return False
    return match_marker(text, pos, LINE_FAMILIES, line_start=True) is None
