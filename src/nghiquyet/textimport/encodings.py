"""Text typed in a legacy Vietnamese font (TCVN3/ABC, VNI) and saved as Unicode.

Many commune offices still type in .VnTime (TCVN3) or VNI-Times. Copied out of
Word, or saved as UTF-8, such text keeps the font's bytes as Latin-1 letters:
"Nghị quyết" reads "NghÞ quyÕt" (TCVN3) or "Nghò quyeát" (VNI). Nothing in it
matches the parser's patterns, so it must be recognised before parsing.

A text is converted only when that is safe: every non-ASCII character of it
belongs to the legacy table (a text that also holds real Vietnamese letters is
mixed, and converting would garble the real ones), and the conversion turns it
into Vietnamese: common words of the genre appear that were not there before.
Otherwise the user is told which encoding the text looks like.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --- TCVN3 (TCVN 5712:1993, "ABC"), as Latin-1 letters ------------------------

_TCVN3_BASE = {"¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ"}
_TCVN3_BASE |= {"¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\u00ad": "ư", "®": "đ"}
# Per vowel, the codes of: grave, hook, tilde, acute, dot below.
_TCVN3_TONED = {
    "a": "µ¶·¸¹",
    "ă": "»¼½¾Æ",
    "â": "ÇÈÉÊË",
    "e": "ÌÎÏÐÑ",
    "ê": "ÒÓÔÕÖ",
    "i": "×ØÜÝÞ",
    "o": "ßáâãä",
    "ô": "åæçèé",
    "ơ": "êëìíî",
    "u": "ïñòóô",
    "ư": "õö÷øù",
    "y": "úûüýþ",
}
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # grave, hook, tilde, acute, dot


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_BASE)
    for vowel, codes in _TCVN3_TONED.items():
        for code, tone in zip(codes, _TONES, strict=True):
            table[code] = unicodedata.normalize("NFC", vowel + tone)
    return table


TCVN3 = _tcvn3_table()
_TCVN3_TRANS = str.maketrans(TCVN3)

# --- VNI-Windows: a base letter followed by its marks, as Latin-1 letters -------

# Marks after a vowel: acute, grave, hook, tilde, dot below.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# Circumflex (â) with acute, grave, hook, tilde, dot; breve (ê) likewise.
_VNI_CIRCUMFLEX = {
    "â": "",
    "á": "\u0301",
    "à": "\u0300",
    "å": "\u0309",
    "ã": "\u0303",
    "ä": "\u0323",
}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(code: str, text: str) -> None:
        table[code] = unicodedata.normalize("NFC", text)
        table[code.upper()] = unicodedata.normalize("NFC", text).upper()

    for vowel in "aeouy":
        for mark, tone in _VNI_TONES.items():
            add(vowel + mark, vowel + tone)
    for vowel in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX.items():
            add(vowel + mark, vowel + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, "a\u0306" + tone)
    for single, letter in _VNI_SINGLE.items():
        add(single, letter)
        if letter in "ơư":
            for mark, tone in _VNI_TONES.items():
                add(single + mark, letter + tone)
    return table


VNI = _vni_table()

# Words of the genre; a real Vietnamese text of any length holds several.
_COMMON_WORDS = re.compile(
    r"\b(?:của|và|các|được|những|đảng|nghị|quyết|chỉ|tiêu|phát|triển|người|năm|đạt|"
    r"xã|tỷ|lệ|nhiệm|kỳ|đồng|hộ|dân|với|trong|thực|hiện|xây|dựng|kinh|tế)\b",
    re.IGNORECASE,
)
_MIN_WORDS = 5
_MIN_GAIN = 2  # words the conversion must bring that the text did not have
# Letters of real Unicode Vietnamese outside Latin-1: their presence means the text is
# (at least partly) already right.
_REAL_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


_LATIN1_HIGH = re.compile("[\u0080-\u00ff]")


@dataclass(frozen=True)
class LegacyEncoding:
    name: str  # "TCVN3" or "VNI"
    converted: str | None  # the text in Unicode, or None when converting is not safe


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """The legacy font encoding ``text`` looks typed in, with a safe conversion if any."""
    high = len(_LATIN1_HIGH.findall(text))
    # Unicode Vietnamese also uses Latin-1 letters (á, ê, ô), but more letters beyond it.
    if high < _MIN_WORDS or len(_REAL_VIETNAMESE.findall(text)) > high:
        return None
    before = len(_COMMON_WORDS.findall(text))
    candidates = [("TCVN3", convert_tcvn3(text)), ("VNI", convert_vni(text))]
    scored = [(len(_COMMON_WORDS.findall(out)), name, out) for name, out in candidates]
    words, name, converted = max(scored)
    if words < _MIN_WORDS or words - before < _MIN_GAIN:
        return None
    mixed = bool(_REAL_VIETNAMESE.search(text)) or any(ch > "\u00ff" for ch in _letters(text))
    return LegacyEncoding(name, None if mixed else converted)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def convert_tcvn3(text: str) -> str:
    """TCVN3 letters to Unicode; a word in a line of capitals keeps its capitals.

    TCVN3 has no capital toned vowels: a heading in .VnTimeH uses the lower
    codes with a capital font, so "NGHÞ QUYÕT" becomes "NGHỊ QUYẾT" and "BÉ"
    "BỘ". A capital toned vowel inside ordinary text ("Ẻn") cannot be told
    from a small one and comes out small.
    """
    converted = _SENTENCE_START.sub(lambda m: TCVN3[m.group(0)].upper(), text).translate(
        _TCVN3_TRANS
    )
    # A two-column header ("§¶NG Bé X·<TAB>Ngày ...") is judged column by column.
    parts = re.split(r"(\n|\t| {3,}| \| )", converted)
    return "".join(_recapitalise(part) for part in parts)


# A toned vowel opening a sentence or a table cell was a capital ("Ổn định 48").
_SENTENCE_START = re.compile("(?:(?<=[.!?] )|(?<=\t)|(?<=\\| ))[" + re.escape("".join(TCVN3)) + "]")
_CAPITAL_LINE = 0.85  # share of capital ASCII letters that makes a line a heading in capitals
_CAPITAL_LINE_LETTERS = 6


def _recapitalise(line: str) -> str:
    """Capitals back on words written in capitals: "NGHÞ" -> "NGHỊ", and in a line of
    capitals ("§¶NG Bé X· NÀ PHEO") every word whose plain letters are capitals."""
    plain = [ch for ch in line if ch.isascii() and ch.isalpha()]
    capital_line = len(plain) >= _CAPITAL_LINE_LETTERS and (
        sum(ch.isupper() for ch in plain) >= _CAPITAL_LINE * len(plain)
    )
    return re.sub(r"\w+", lambda m: _recapitalise_word(m.group(0), capital_line), line)


def _recapitalise_word(word: str, capital_line: bool) -> str:
    plain = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if plain and all(ch.isupper() for ch in plain) and (len(plain) >= 2 or capital_line):
        return word.upper()
    return word


_VNI_RE = re.compile("|".join(re.escape(code) for code in sorted(VNI, key=len, reverse=True)))


def convert_vni(text: str) -> str:
    """VNI letters (a base letter and its marks) to Unicode."""
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)
