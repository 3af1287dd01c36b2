"""Text typed in a TCVN3 or VNI font and saved as Unicode is recognised, and converted when safe."""

from __future__ import annotations

import unicodedata

import pytest

from nghiquyet.textimport import parse_text
from nghiquyet.textimport.encodings import (
    TCVN3,
    VNI,
    convert_tcvn3,
    convert_vni,
    detect_legacy_encoding,
)
from nghiquyet.textimport.evaluate import score_targets, structure_differences
from tests.textimport.helpers import CORPUS_NAMES, compared, corpus_text, seed_text

_TO_TCVN3 = {letter: code for code, letter in TCVN3.items()}
_TO_VNI = {letter: code for code, letter in VNI.items()}


def as_tcvn3(text: str) -> str:
    """What a .VnTime document shows once its bytes are read as Latin-1 letters.

    TCVN3 has no capital toned vowels: headings use the small codes in a capital font.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(_TO_TCVN3.get(ch) or _TO_TCVN3.get(ch.lower()) or ch)
    return "".join(out)


def as_vni(text: str) -> str:
    return "".join(_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def test_the_examples_of_the_issue():
    assert convert_tcvn3("NghÞ quyÕt §¹i héi") == "Nghị quyết Đại hội"
    assert convert_tcvn3("NGHÞ QUYÕT") == "NGHỊ QUYẾT"
    assert convert_vni("Nghò quyeát Ñaïi hoäi Ñaûng boä") == "Nghị quyết Đại hội Đảng bộ"
    assert convert_vni("Töôûng, chöùng, Ñöôøng") == "Tưởng, chứng, Đường"


@pytest.mark.parametrize(("encode", "name"), [(as_tcvn3, "TCVN3"), (as_vni, "VNI")])
def test_seed_in_a_legacy_font_is_converted_and_read_the_same(encode, name):
    original = parse_text(seed_text())
    result = parse_text(encode(seed_text()))
    assert [w.code for w in result.warnings][:1] == ["legacy_encoding_converted"]
    assert name in result.warnings[0].message
    expected = original.registry
    assert score_targets(result.registry, expected).correct == 37
    assert structure_differences(result.registry, expected) == []
    if name == "VNI":  # VNI keeps capitals, so the conversion is exact
        assert compared(result.registry) == compared(expected)


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_in_vni_reads_exactly_as_the_original(name):
    text = corpus_text(name)
    assert compared(parse_text(as_vni(text)).registry) == compared(parse_text(text).registry)


def test_mixed_text_is_pointed_out_but_not_converted():
    mojibake = as_tcvn3("Tỷ lệ hộ nghèo giảm còn dưới 3%; thu nhập bình quân đạt 60 triệu đồng")
    text = "Các chỉ tiêu chủ yếu của xã Nậm Pồ:\n" + mojibake + "\n"
    legacy = detect_legacy_encoding(text)
    assert legacy is not None and legacy.name == "TCVN3" and legacy.converted is None
    result = parse_text(text)
    warning = next(w for w in result.warnings if w.code == "legacy_encoding")
    assert "TCVN3" in warning.message and "Unikey" in warning.message


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm còn dưới 3%.",
        "Café crème brûlée à la française, été 2025: 12 élèves, 3 châteaux.",
        "Giá trị “đạt” – số liệu ± 5%, 10 m² và 3 °C.",
    ],
)
def test_unicode_vietnamese_and_other_latin_text_is_left_alone(text):
    assert detect_legacy_encoding(text * 5) is None
