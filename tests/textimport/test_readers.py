"""Reading files: each failure is one clear Vietnamese ReadError naming the file, never a crash."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest
from pypdf import PdfWriter

from nghiquyet.textimport import ReadError, ReadLimits, read_document
from tests.textimport.helpers import docx_bytes, docx_with_numbering
from tests.textimport.pdfgen import image_pdf, text_pdf

SAMPLE = "Các chỉ tiêu chủ yếu (2 chỉ tiêu)\n(1) Tỷ lệ hộ nghèo dưới 3%.\n(2) Thu nhập đạt 60 triệu đồng."


def windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ă ơ ư precomposed and writes tone marks as combining characters."""
    out = []
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        shape = "".join(m for m in marks[1:] if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in marks[1:] if m not in shape)
        out.append(unicodedata.normalize("NFC", marks[0] + shape) + tones)
    return "".join(out).encode("cp1258")


def error_of(source: bytes | str, name: str, **limits: int) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(source, name, ReadLimits(**limits) if limits else ReadLimits())
    return str(caught.value)


def test_utf8_text_with_and_without_bom():
    assert read_document(SAMPLE.encode(), "nq.txt") == SAMPLE
    assert read_document(b"\xef\xbb\xbf" + SAMPLE.encode(), "nq.txt") == SAMPLE


def test_reads_from_a_path(tmp_path):
    path = tmp_path / "nghi-quyet.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    assert read_document(path) == SAMPLE


def test_empty_file(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    assert error_of(str(path), "rong.txt") == "Tệp “rong.txt” rỗng."


def test_missing_file(tmp_path):
    assert "Không mở được tệp “khong-co.txt”" in error_of(
        str(tmp_path / "khong-co.txt"), "khong-co.txt"
    )


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "lon.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # sparse: nothing to read if the check comes first
    message = error_of(str(path), "lon.txt")
    assert message == "Tệp “lon.txt” quá lớn (10.485.761 byte), vượt giới hạn 10 MB."


def test_configurable_size_limit():
    assert "quá lớn" in error_of(SAMPLE.encode(), "nq.txt", max_bytes=10)


def test_windows_1258_text_is_refused_with_a_hint():
    message = error_of(windows_1258("Tỷ lệ hộ nghèo dưới 3%"), "nq.txt")
    assert "“nq.txt” không được mã hóa UTF-8" in message and "Windows-1258" in message


def test_utf16_text_is_refused():
    assert "UTF-16" in error_of(SAMPLE.encode("utf-16"), "nq.txt")
    assert "UTF-16" in error_of(SAMPLE.encode("utf-16-le"), "nq.txt")


def test_binary_file_is_refused():
    assert "nhị phân" in error_of(bytes(range(256)) * 8, "anh.txt")
    assert "nhị phân" in error_of(b"\x01\x02\x03\x04text\x05\x06\x07\x08" * 20, "la.txt")


def test_unsupported_extension_and_old_word():
    assert "chưa được hỗ trợ" in error_of(SAMPLE.encode(), "nq.xlsx")
    assert ".doc" in error_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "nq.doc")


def test_docx_paragraphs_and_tables_in_document_order():
    data = docx_bytes(
        ["Trước bảng", "Sau bảng"],
        table_rows=[["STT", "Chỉ tiêu"], ["1", "Tỷ lệ hộ nghèo dưới 3%"]],
    )
    assert (
        read_document(data, "nq.docx")
        == "Trước bảng\nSau bảng\nSTT | Chỉ tiêu\n1 | Tỷ lệ hộ nghèo dưới 3%"
    )


def test_docx_automatic_numbering_labels_are_rebuilt():
    paras = ["Các chỉ tiêu", "(1) Một", "(2) Hai", "Khâu đột phá", "(1) Ba", "(2) Bốn"]
    data = docx_with_numbering(paras, [([1, 2], "(%1)"), ([4, 5], "%1.")])
    assert (
        read_document(data, "nq.docx")
        == "Các chỉ tiêu\n(1) Một\n(2) Hai\nKhâu đột phá\n1. Ba\n2. Bốn"
    )


def test_corrupt_docx():
    assert "không phải tệp .docx hợp lệ" in error_of(b"PK\x03\x04" + b"rac" * 50, "hong.docx")
    assert "không phải tệp .docx hợp lệ" in error_of(b"khong phai zip", "hong.docx")


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_docx_zip_bomb_is_refused_before_decompression():
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (30 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    assert "nghi là tệp nén độc hại" in error_of(bomb, "bom.docx")


def test_docx_with_too_many_entries_or_unpacked_size_is_refused():
    many = _zip({f"word/media/{i}.xml": b"<x/>" for i in range(1001)})
    assert "nghi là tệp nén độc hại" in error_of(many, "nhieu.docx")
    big = _zip({"word/document.xml": b"<w/>" * 300_000})
    assert "nghi là tệp nén độc hại" in error_of(big, "to.docx", max_unpacked_bytes=1_000_000)


def test_pdf_with_text_layer():
    text = read_document(text_pdf("NGHỊ QUYẾT\nTỷ lệ hộ nghèo giảm còn dưới 4%."), "nq.pdf")
    assert text.split("\n")[:2] == ["NGHỊ QUYẾT", "Tỷ lệ hộ nghèo giảm còn dưới 4%."]


def test_scanned_pdf_without_text_layer():
    message = error_of(image_pdf(), "scan.pdf")
    assert "“scan.pdf” là PDF không có lớp chữ" in message and "OCR" in message


def test_encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(SAMPLE)))
    writer.encrypt(user_password="matkhau", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "“khoa.pdf” được đặt mật khẩu" in error_of(out.getvalue(), "khoa.pdf")


def test_pdf_locked_only_for_editing_is_read():
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(SAMPLE)))
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "Tỷ lệ hộ nghèo dưới 3%." in read_document(out.getvalue(), "nq.pdf")


def test_corrupt_pdf():
    assert "không phải tệp PDF hợp lệ" in error_of(b"%PDF-1.7\n" + b"rac" * 40, "hong.pdf")
