"""Text helpers shared by the parser modules: normalisation and Vietnamese casing."""

from __future__ import annotations

import re
import unicodedata

# Characters PDF and Word extraction leave behind that carry no meaning here.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ANY_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f]")
# Capitalised words that continue a sentence across a line wrap: institutions,
# the Party, the People, laws and programmes.
_CAPITALISED_WORDS = (
    "Nhân dân|Đảng|Nhà nước|Mặt trận|Hội đồng|Ủy ban|Uỷ ban|Ban|Bộ|Trung ương|Chính phủ|"
    "Quốc hội|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Đoàn|Hội|"
    "Công an|Quân đội|Quân sự|Chương trình|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Luật|Hiến pháp|"
    "Tổ quốc|Chủ tịch|Bác|Bí thư|Thường trực|Thường vụ|Di tích|Nông thôn mới"
)
CAPITALISED_TERMS = re.compile(r"(?:" + _CAPITALISED_WORDS.replace(" ", r"\s+") + r")\b")


def normalize_document(raw: str) -> str:
    """NFC, Unix newlines, plain spaces; layout (line breaks, indents) is kept.

    NFC matters: text extracted from PDFs often carries decomposed diacritics,
    which would not match the parser's patterns or the reviewed registries.
    """
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\v", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if "\t" in text:
        text = "\n".join(_cells_to_pipes(line) for line in text.split("\n"))
    text = _HSPACE.sub(" ", text)
    # Other control characters (a binary fragment, a stray escape) become spaces.
    return _CONTROL.sub(" ", text)


CELL_SEPARATOR = " | "


def _cells_to_pipes(line: str) -> str:
    """'1\tThu nhập\t%\t7,1' -> '1 | Thu nhập | % | 7,1', the way the .docx reader joins cells.

    A text extraction separates a table's cells by TAB; a leading TAB is indentation.
    """
    body = line.lstrip(" \t")
    if "\t" not in body or not body.split("\t", 1)[0].strip():
        return line
    indent = line[: len(line) - len(body)]
    return indent + CELL_SEPARATOR.join(cell.strip() for cell in body.split("\t"))


def collapse(text: str) -> str:
    """Whitespace normalised to single spaces, line wraps joined."""
    return _ANY_SPACE.sub(" ", text).strip()


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def title_case_name(upper_name: str) -> str:
    """'VĨNH TRÀ ĐIỀN' -> 'Vĩnh Trà Điền' (place names capitalise every syllable)."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in upper_name.split())


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
