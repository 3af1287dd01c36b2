"""Title, issuer, level, province and term of a resolution."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.text import collapse, is_all_caps, title_case_name

_LEVELS = r"xã|phường|thị trấn|tỉnh|thành phố|huyện|quận|thị xã|đặc khu"
_TITLE = re.compile(
    rf"Đại hội\s+(?P<delegates>đại biểu\s+)?Đảng bộ\s+(?P<level>{_LEVELS})\s+(?P<name>[^,;.:()]{{1,50}}?)"
    r"\s*,?\s+lần thứ\s+(?P<nth>[IVXLCDM]+|\d+)\s*,?\s*nhiệm kỳ\s+(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# An extract ("TRÍCH NGHỊ QUYẾT ĐẠI HỘI ... LẦN THỨ I") may name no term at all.
_TITLE_NO_TERM = re.compile(
    rf"Đại hội\s+(?P<delegates>đại biểu\s+)?Đảng bộ\s+(?P<level>{_LEVELS})\s+(?P<name>[^,;.:()\n]{{1,50}}?)"
    r"\s*,?\s+lần thứ\s+(?P<nth>[IVXLCDM]+|\d+)\b(?!\s*,?\s*nhiệm kỳ)",
    re.IGNORECASE,
)
_ISSUER = re.compile(
    rf"\bĐảng bộ\s+(?P<level>{_LEVELS})\s+(?P<name>[^\W\d_][^\s,;.:()]*(?:\s+[^\W\d_][^\s,;.:()]*)*)"
)
_TERM = re.compile(r"nhiệm kỳ\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.IGNORECASE)
# The left column of the header; the right one ("ĐẢNG CỘNG SẢN VIỆT NAM") follows after spaces.
_HEADER_PROVINCE = re.compile(
    r"^\s*(?:ĐẢNG\s+BỘ\s+TỈNH|TỈNH\s+[UỦ][YỶ])\s+(.+?)(?=\s*ĐẢNG\b|\s{3,}|\s*\||\s*$)"
)
_PROVINCE_IN_TEXT = re.compile(r"\btỉnh\s+([^\W\d_][^\s,;.:()]*(?:\s+[^\W\d_][^\s,;.:()]*)*)")
# Centrally governed cities stand where a province would.
_CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})
_HEADER_LINES = 12
_MAX_NAME_WORDS = 5


@dataclass
class Metadata:
    title: str | None = None
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    term_start: int | None = None
    term_end: int | None = None
    unit_name: str | None = None  # "Phiêng Khoài": the issuer without its level

    def as_registry(self) -> dict[str, str | int | None]:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "level": self.level,
            "province": self.province,
            "term_start": self.term_start,
            "term_end": self.term_end,
        }


def read_metadata(doc: str, log: WarningLog, given_term: tuple[int, int] | None = None) -> Metadata:
    """Metadata from the text; ``given_term`` fills the term when the text has none."""
    flat = collapse(doc)
    meta = _from_title(flat) or _from_untermed_title(flat) or _from_parts(flat, doc)
    meta.province = _province(meta, doc, flat)
    if meta.title is None:
        log.add(
            "title_not_found",
            _("Không tìm thấy tiêu đề “Đại hội ... Đảng bộ ... lần thứ ..., nhiệm kỳ ...”."),
        )
    _apply_given_term(meta, given_term, log)
    if meta.province is None:
        log.add("province_not_found", _("Không xác định được tỉnh."))
    return meta


def _apply_given_term(meta: Metadata, given: tuple[int, int] | None, log: WarningLog) -> None:
    """The text's own term wins; the user's fills a gap, and a disagreement is shown."""
    if meta.term_end is not None:
        if given is not None and given != (meta.term_start, meta.term_end):
            log.add(
                "term_mismatch",
                _(
                    "Nhiệm kỳ nhập vào ({given}) khác nhiệm kỳ ghi trong văn bản ({text}); "
                    "đã dùng nhiệm kỳ của văn bản."
                ).format(given=f"{given[0]}-{given[1]}", text=f"{meta.term_start}-{meta.term_end}"),
            )
        return
    if given is not None:
        meta.term_start, meta.term_end = given
        return
    log.add(
        "term_not_found",
        _(
            "Không tìm thấy nhiệm kỳ (ví dụ “nhiệm kỳ 2025-2030”); hãy nhập nhiệm kỳ. "
            "Các chỉ tiêu không ghi năm đạt được để trống thời hạn."
        ),
    )


def _best_title(pattern: re.Pattern[str], flat: str) -> re.Match[str] | None:
    matches = [m for m in pattern.finditer(flat)
               if len(m.group("name").split()) <= _MAX_NAME_WORDS]
    if not matches:
        return None
    # Prefer the sentence-case wording; an all-caps heading loses the name's casing.
    return next((m for m in matches if not is_all_caps(m.group(0))), matches[0])


def _title_words(match: re.Match[str]) -> tuple[str, str, str]:
    """(title without the term, level, name) of a matched resolution title."""
    name = _cased_name(match.group("name"))
    level = match.group("level").lower()
    delegates = "đại biểu " if match.group("delegates") else ""
    title = (f"Nghị quyết Đại hội {delegates}Đảng bộ {level} {name} lần thứ "
             f"{match.group('nth').upper()}")
    return title, level, name


def _from_title(flat: str) -> Metadata | None:
    match = _best_title(_TITLE, flat)
    if match is None:
        return None
    title, level, name = _title_words(match)
    start, end = int(match.group("a")), int(match.group("b"))
    return Metadata(f"{title}, nhiệm kỳ {start}-{end}", f"Đảng bộ {level} {name}", level,
                    None, start, end, name)


def _from_untermed_title(flat: str) -> Metadata | None:
    """'Nghị quyết Đại hội ... lần thứ I' of an extract: the term comes from elsewhere."""
    match = _best_title(_TITLE_NO_TERM, flat)
    if match is None:
        return None
    title, level, name = _title_words(match)
    meta = Metadata(title, f"Đảng bộ {level} {name}", level, None, None, None, name)
    terms = [(int(a), int(b)) for a, b in _TERM.findall(flat)]
    if terms:
        meta.term_start, meta.term_end = max(terms)
    return meta


def _cased_name(name: str) -> str:
    name = collapse(name)
    return title_case_name(name) if is_all_caps(name) else name


def _from_parts(flat: str, doc: str) -> Metadata:
    meta = Metadata()
    if issuer := _ISSUER.search(flat):
        words = [w for w in issuer.group("name").split() if w[:1].isupper()]
        name = " ".join(_leading_capitalised(issuer.group("name").split()))
        if name and words:
            meta.level = issuer.group("level").lower()
            meta.issuer = f"Đảng bộ {meta.level} {name}"
            meta.unit_name = name
    terms = [(int(a), int(b)) for a, b in _TERM.findall(flat)]
    if terms:
        meta.term_start, meta.term_end = max(terms)
    return meta


def _leading_capitalised(words: list[str]) -> list[str]:
    taken = []
    for word in words:
        if not word[:1].isupper():
            break
        taken.append(word)
    return taken[:_MAX_NAME_WORDS]


def _province(meta: Metadata, doc: str, flat: str) -> str | None:
    name = meta.unit_name
    if meta.level == "tỉnh" or (meta.level == "thành phố" and name in _CENTRAL_CITIES):
        return name
    for line in doc.split("\n")[:_HEADER_LINES]:
        if header := _HEADER_PROVINCE.match(line):
            return title_case_name(header.group(1))  # title_case_name also joins the words
    mentions: Counter[str] = Counter()
    for found in _PROVINCE_IN_TEXT.finditer(flat):
        words = _leading_capitalised(found.group(1).split())
        if words:
            mentions[" ".join(words)] += 1
    for city in _CENTRAL_CITIES:
        mentions[city] += flat.count(f"thành phố {city}")
    best = [(count, -flat.find(n), n) for n, count in mentions.items() if count]
    return max(best)[2] if best else None
