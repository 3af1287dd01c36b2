"""Reading small tables from Excel/CSV (no Django): header found by name with or without
diacritics, rows keep their number, and any bytes give rows or a message, never a crash."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from nghiquyet.lib.tables import TableError, read_table

COLUMNS = {"code": ("Mã",), "name": ("Tên",), "type": ("Loại",), "parent": ("Cấp trên",)}


def _read(name: str, data: bytes) -> list:
    return read_table(name=name, data=data, max_bytes=10_000, columns=COLUMNS,
                      required=("code", "name"))


def test_csv_with_a_title_row_and_folded_headers() -> None:
    data = "Danh sách bản\n\nma;ten;LOAI\nB01;Bản Nà Hạ;Bản\n;;\nB02;Bản Pá Lò;Bản\n".encode()
    rows = _read("x.csv", data)
    assert [(r.number, r.cells["code"], r.cells["name"], r.cells["parent"]) for r in rows] == [
        (4, "B01", "Bản Nà Hạ", ""), (6, "B02", "Bản Pá Lò", "")]


def test_xlsx_first_sheet_and_numbers_as_text() -> None:
    wb = Workbook()
    wb.active.append(["Mã", "Tên"])
    wb.active.append([101, "Bản Một"])
    buf = io.BytesIO()
    wb.save(buf)
    assert _read("x.xlsx", buf.getvalue())[0].cells["code"] == "101"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("x.csv", b"", "rỗng"), ("x.csv", b"x" * 20_000, "lớn quá"), ("x.doc", b"abc", "chỉ nhận"),
    ("x.xlsx", b"PK\x03\x04broken", "Không đọc được"), ("x.csv", b"a,b\n1,2\n", "thiếu dòng tiêu đề"),
])
def test_refusals_name_the_problem(name: str, data: bytes, message: str) -> None:
    with pytest.raises(TableError, match=message):
        _read(name, data)


@settings(max_examples=200)
@given(st.binary(max_size=600), st.sampled_from(["x.csv", "x.xlsx"]))
def test_any_bytes_give_rows_or_a_message(data: bytes, name: str) -> None:
    try:
        rows = _read(name, data)
    except TableError as exc:
        assert exc.message
    else:
        assert all(set(r.cells) == set(COLUMNS) for r in rows)


@given(st.lists(st.lists(st.text(max_size=12), min_size=2, max_size=4), max_size=20))
def test_any_csv_text_gives_rows_or_a_message(table: list[list[str]]) -> None:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["Mã", "Tên"])
    writer.writerows(table)
    try:
        rows = _read("x.csv", buf.getvalue().encode())
    except TableError as exc:
        assert exc.message
    else:
        assert len(rows) <= len(table)
