"""Shared fixtures: the sample report and the files built from it, once per session."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from openpyxl import Workbook, load_workbook

from nghiquyet.documents import ReportData, build_docx, build_xlsx, sample_report_data


@pytest.fixture(scope="session")
def sample() -> ReportData:
    return sample_report_data()


@pytest.fixture(scope="session")
def docx_bytes(sample: ReportData) -> bytes:
    return build_docx(sample)


@pytest.fixture(scope="session")
def doc(docx_bytes: bytes) -> DocxDocument:
    return Document(io.BytesIO(docx_bytes))


@pytest.fixture(scope="session")
def xlsx_bytes(sample: ReportData) -> bytes:
    return build_xlsx(sample)


@pytest.fixture(scope="session")
def workbook(xlsx_bytes: bytes) -> Workbook:
    return load_workbook(io.BytesIO(xlsx_bytes))
