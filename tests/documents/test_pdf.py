from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from nghiquyet.documents import PdfUnavailable, docx_to_pdf, pdf_available

needs_soffice = pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed")


def test_it_says_so_when_libreoffice_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NGHIQUYET_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(PdfUnavailable, match="LibreOffice"):
        docx_to_pdf(b"")


@pytest.fixture(scope="module")
def pdf_bytes(docx_bytes: bytes) -> bytes:
    return docx_to_pdf(docx_bytes)


@needs_soffice
def test_it_converts_the_report(pdf_bytes: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes))
    assert len(reader.pages) >= 5
    first = reader.pages[0]
    assert round(float(first.mediabox.width) / 72 * 25.4) == 210  # A4 portrait
    text = first.extract_text()
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Phiêng Khoài"):
        assert words in text
    last = reader.pages[-1]
    assert float(last.mediabox.width) > float(last.mediabox.height)  # the annex is landscape


@needs_soffice
def test_it_uses_a_times_compatible_font_with_vietnamese_glyphs(pdf_bytes: bytes) -> None:
    """A font without Vietnamese letters makes LibreOffice fall back to another face."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    resources = cast(DictionaryObject, reader.pages[0]["/Resources"])
    page_fonts = cast(DictionaryObject, resources["/Font"])
    fonts = {
        str(cast(DictionaryObject, font.get_object())["/BaseFont"]).split("+")[-1]
        for font in page_fonts.values()
    }
    assert fonts, "no fonts on the first page"
    assert all(("Times" in f) or ("LiberationSerif" in f) for f in fonts), fonts


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_the_first_page_renders(pdf_bytes: bytes, tmp_path: Path) -> None:
    source = tmp_path / "baocao.pdf"
    source.write_bytes(pdf_bytes)
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None
    subprocess.run(  # noqa: S603 - fixed argv
        [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        timeout=60,
    )
    pages = list(tmp_path.glob("p-*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 5_000
