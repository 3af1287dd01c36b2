"""The seed typed in Word (also with automatic numbering) and printed to PDF reads the same."""

from __future__ import annotations

import re

import pytest

from nghiquyet.textimport import parse_text, read_document
from tests.textimport.helpers import (
    compared,
    docx_bytes,
    docx_with_numbering,
    paragraphs,
    seed_expected,
    seed_text,
)
from tests.textimport.pdfgen import text_pdf


@pytest.fixture(scope="module")
def from_txt():
    return parse_text(seed_text()).registry


def test_seed_as_docx(from_txt):
    registry = parse_text(read_document(docx_bytes(paragraphs(seed_text())), "seed.docx")).registry
    assert registry == from_txt
    assert compared(registry) == compared(seed_expected())


def test_seed_as_docx_with_word_numbering(from_txt):
    paras = paragraphs(seed_text())
    numbered = [i for i, p in enumerate(paras) if re.match(r"\(\d+\) ", p)]
    heading = next(i for i, p in enumerate(paras) if p.startswith("2.2. Các chỉ tiêu"))
    breakthrough = next(i for i, p in enumerate(paras) if p.startswith("3. Các khâu đột phá"))
    indicators = [i for i in numbered if heading < i < breakthrough]
    breakthroughs = [i for i in numbered if breakthrough < i]
    assert (len(indicators), len(breakthroughs)) == (24, 4)  # the helper's paragraphs, checked
    # The group headings a) b) c) sit between numbered paragraphs of one list, as in Word.
    data = docx_with_numbering(paras, [(indicators, "(%1)"), (breakthroughs, "(%1)")])
    registry = parse_text(read_document(data, "seed.docx")).registry
    assert registry == from_txt


def test_seed_as_pdf(from_txt):
    registry = parse_text(read_document(text_pdf(seed_text()), "seed.pdf")).registry
    assert registry == from_txt
