"""Every hostile file of the fuzz corpus (tests/security/fuzz/corpus.py) reaches the reader
that would receive it and is refused with a Vietnamese message naming it, or read right;
never a crash, a server error or a worker stuck for minutes (issue 10, items 4 and 5)."""

from __future__ import annotations

from typing import Any

import pytest

from nghiquyet.figures.interchange import FileRefused, read_values_file
from nghiquyet.lib.registry import RegistryFileError, load_registry_file
from nghiquyet.lib.uploads import Budget, UploadRefused, run_with_budget
from nghiquyet.textimport import ReadError
from tests.security.fuzz.corpus import make

MAX = 10 * 1024 * 1024
HEAVY = {"xlsx_no_dimension_many_rows", "docx_many_paragraphs", "pdf_deflate_bomb",
         "xlsx_zip_bomb", "docx_zip_bomb", "txt_many_lines", "pdf_many_pages"}


def _params(names: list[str]) -> list[Any]:
    return [pytest.param(n, marks=pytest.mark.slow) if n in HEAVY else n for n in names]


@pytest.mark.parametrize(("maker", "words"), [
    ("xlsx_no_dimension_many_rows", "quá"),
    ("xlsx_malformed_xml", "không đọc được"),
    ("xlsx_dtd_entities", "không đọc được"),
    ("xlsx_nan_inf", "NaN/INF"),
    ("xlsx_huge_row_number", "quá"),
    ("xlsx_zip_bomb", "giải nén"),
    ("not_a_zip_xlsx", "không phải tệp .xlsx"),
])
def test_hostile_xlsx_is_refused(maker: str, words: str) -> None:
    name, data = make(maker)
    with pytest.raises(FileRefused) as refused:
        read_values_file(name, data, MAX)
    message = str(refused.value)
    assert words.lower() in message.lower(), message


def test_stale_dimension_drops_no_row() -> None:
    name, data = make("xlsx_stale_dimension")
    read = read_values_file(name, data, MAX)
    assert len(read.rows) + len(read.errors) == 12


def test_unknown_dimension_attribute_is_read_or_refused() -> None:
    name, data = make("xlsx_dimension_unknown_attribute")
    try:
        read = read_values_file(name, data, MAX)
    except FileRefused as exc:
        assert name in str(exc)
    else:
        assert len(read.rows) + len(read.errors) == 1


@pytest.mark.parametrize(("maker", "words"), [
    ("docx_many_paragraphs", "đoạn văn"),
    ("docx_many_cells", "ô bảng"),
    ("docx_zip_bomb", "giải nén"),
    ("docx_without_body", ".docx"),
    ("pdf_deflate_bomb", "pdf"),  # pypdf finds no text in the page it will not inflate
    ("pdf_many_pages", "trang"),
    ("pdf_garbage", "PDF"),
    ("pdf_truncated", "PDF"),
    ("txt_many_lines", "dòng"),
])
def test_hostile_resolution_file_is_refused(settings: Any, maker: str, words: str) -> None:
    from nghiquyet.resolutions.import_drafts import read_upload

    settings.NGHIQUYET_MAX_UPLOAD_BYTES = MAX
    name, data = make(maker)
    with pytest.raises(ReadError) as refused:
        read_upload(name=name, data=data)
    message = refused.value.message
    assert words.lower() in message.lower() and name in message, message


def test_docx_entities_are_not_expanded(settings: Any) -> None:
    from nghiquyet.resolutions.import_drafts import read_upload

    settings.NGHIQUYET_MAX_UPLOAD_BYTES = MAX
    name, data = make("docx_entities")
    try:
        text = read_upload(name=name, data=data)
    except ReadError as exc:
        assert name in exc.message
    else:
        assert "aaaaaaaaaa" not in text


@pytest.mark.parametrize("maker", ["json_deep", "json_nan"])
def test_hostile_registry_json_is_refused(maker: str) -> None:
    name, data = make(maker)
    with pytest.raises(RegistryFileError, match=name):
        load_registry_file(data, name, max_bytes=MAX)


def _spin() -> int:
    n = 0
    while True:
        n += 1


def _grab() -> int:
    blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
    return len(blocks)


@pytest.mark.slow
def test_a_parse_over_its_cpu_budget_is_stopped() -> None:
    with pytest.raises(UploadRefused, match="giây"):
        run_with_budget(_spin, name="spin.docx", budget=Budget(cpu_seconds=1, wall_seconds=30))


def test_a_parse_over_its_memory_budget_is_stopped() -> None:
    with pytest.raises(UploadRefused, match="bộ nhớ"):
        run_with_budget(_grab, name="big.pdf",
                        budget=Budget(memory_bytes=256 * 1024 * 1024, wall_seconds=30))


def test_budget_returns_results_and_raises_the_readers_errors() -> None:
    assert run_with_budget(sum, [1, 2, 3], name="x") == 6
    with pytest.raises(ReadError, match="riêng"):
        run_with_budget(_refuse, name="x")


def _refuse() -> None:
    raise ReadError("lỗi riêng")
