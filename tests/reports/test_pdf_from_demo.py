"""The PDF of the demo's report says what the Word report says (needs LibreOffice)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from nghiquyet.documents import docx_to_pdf, pdf_available

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed"),
]

SHOTS = Path(__file__).resolve().parents[2] / "data" / "screenshots"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def demo_pdf(demo_reports: dict[str, Any]) -> bytes:
    return docx_to_pdf(demo_reports["approved"]["docx"])


@pytest.fixture(scope="module")
def pdf_text(demo_pdf: bytes) -> str:
    """The pages' text, without the page numbers printed at the top of pages 2 and on."""
    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(demo_pdf)).pages, start=1):
        lines = page.extract_text().splitlines()
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return _flat("\n".join(pages))


def test_every_annex_row_of_the_word_report_is_in_the_pdf(demo_reports, pdf_text):
    doc = Document(io.BytesIO(demo_reports["approved"]["docx"]))
    rows = {}
    for row in doc.tables[-1].rows:
        texts = list({id(c._tc): c.text for c in row.cells}.values())  # merged cells once
        rows[texts[0]] = _flat(" ".join(t for t in texts if t))
    expected = demo_reports["approved"]["expected"]
    assert len(expected) == 37
    for target in expected:
        assert rows[target.number] in pdf_text, target.number
        assert target.status_label in rows[target.number]


def test_every_paragraph_of_the_word_report_is_in_the_pdf(demo_reports, pdf_text):
    doc = Document(io.BytesIO(demo_reports["approved"]["docx"]))
    paragraphs = [_flat(p.text) for p in doc.paragraphs if p.text.strip()]
    assert len(paragraphs) > 40
    missing = [p for p in paragraphs if p not in pdf_text]
    assert not missing, missing[:3]
    for words in ("ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Phiêng Khoài, ngày 20 tháng 12 năm 2026", "Nơi nhận:", "T/M ĐẢNG ỦY"):
        assert words in pdf_text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_the_first_page_renders(demo_pdf, tmp_path):
    """Written to data/screenshots/ for a person to look at, like the browser tests."""
    source = tmp_path / "baocao.pdf"
    source.write_bytes(demo_pdf)
    subprocess.run(  # noqa: S603 - fixed argv
        [shutil.which("pdftoppm") or "pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1",
         "-singlefile", str(source), str(tmp_path / "page1")],
        check=True, timeout=60,
    )
    png = tmp_path / "page1.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, SHOTS / "report-demo-page1.png")
