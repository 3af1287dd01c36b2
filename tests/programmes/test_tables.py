"""Reading the programme table from Word and Excel, and matching unit names (Django-free)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.programmes import example
from nghiquyet.programmes.tables import (
    TableError,
    heading_anchor,
    indicator_refs,
    programme_heading,
    read_table,
    split_units,
)
from nghiquyet.programmes.unitmatch import Candidate, match_unit
from tests.programmes.conftest import DEMO_DATA

LIMIT = 10 * 1024 * 1024


def _read(name: str) -> object:
    return read_table((DEMO_DATA / name).read_bytes(), name, max_bytes=LIMIT)


def test_the_demo_files_hold_the_same_rows() -> None:
    docx, xlsx = _read("chuong-trinh-hanh-dong.docx"), _read("chuong-trinh-hanh-dong.xlsx")
    strip = [lambda t: [(r.number, r.content, r.lead, r.coordinating, r.when, r.product,
                         r.heading) for r in t.rows]][0]
    assert strip(docx) == strip(xlsx)
    tasks = [r for r in docx.rows if not r.heading]
    assert len(tasks) >= 25
    assert [r.number for r in tasks][:3] == ["1.1", "1.2", "1.3"]


def test_the_committed_files_are_what_the_script_writes() -> None:
    rows = read_table(example.write_xlsx(), "x.xlsx", max_bytes=LIMIT).rows
    assert [r.content for r in rows] == [r.content for r in _read("chuong-trinh-hanh-dong.xlsx").rows]


def test_it_reads_the_heading_above_the_table() -> None:
    head = programme_heading(_read("chuong-trinh-hanh-dong.docx").preamble)
    assert head["number"] == "05-CTr/ĐU"
    assert head["issued_on"].isoformat() == "2025-11-20"
    assert head["title"].startswith("Chương trình hành động thực hiện Nghị quyết")


@pytest.mark.parametrize(("text", "anchor"), [
    ("Khâu đột phá (1): Đẩy mạnh chuyển đổi số", ("breakthrough", 1)),
    ("Khâu đột phá thứ hai", ("breakthrough", 2)),
    ("Nhiệm vụ thứ ba: Phát triển văn hóa", ("task", 3)),
    ("Sáu là, nâng cao năng lực lãnh đạo", ("task", 6)),
    ("Chỉ tiêu (9): bản đạt chuẩn nông thôn mới", ("indicator", 9)),
    ("THỰC HIỆN CÁC KHÂU ĐỘT PHÁ", None),
    ("THỰC HIỆN CÁC NHIỆM VỤ CHỦ YẾU", None),
])
def test_headings_say_what_their_items_serve(text: str, anchor: object) -> None:
    assert heading_anchor(text) == anchor


def test_indicator_references_only_in_brackets() -> None:
    assert indicator_refs("Hướng dẫn dịch vụ công (chỉ tiêu 10, 11)") == [10, 11]
    assert indicator_refs("Bảo vệ rừng (chỉ tiêu (4) và (5))") == [4, 5]
    assert indicator_refs("cập nhật các chỉ tiêu 6 tháng") == []


def test_split_units_keeps_dashed_names() -> None:
    assert split_units("UBND xã; Phòng Văn hóa - Xã hội, các bản\nCông an xã") == [
        "UBND xã", "Phòng Văn hóa - Xã hội", "các bản", "Công an xã"]


def _xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_errors_name_file_row_and_column() -> None:
    data = _xlsx([list(example.HEADER), ["1", "", "UBND xã", "", "Quý I/2026", "Kế hoạch"],
                  ["2", "Việc thứ hai", "UBND xã", "", "Quý II/2026", ""]])
    with pytest.raises(TableError) as info:
        read_table(data, "ct.xlsx", max_bytes=LIMIT)
    assert info.value.errors == [
        "Tệp ct.xlsx, dòng 2, cột “Nội dung nhiệm vụ”: chưa ghi nội dung nhiệm vụ."]


def test_it_refuses_a_file_without_the_table() -> None:
    with pytest.raises(TableError, match="không có bảng chương trình"):
        read_table(_xlsx([["Tên", "Tuổi"], ["A", 1]]), "khac.xlsx", max_bytes=LIMIT)


def test_it_refuses_big_broken_and_long_files() -> None:
    with pytest.raises(TableError, match="lớn hơn giới hạn"):
        read_table(b"x" * 200, "a.xlsx", max_bytes=100)
    with pytest.raises(TableError, match="tệp hỏng"):
        read_table(b"not a zip", "a.docx", max_bytes=LIMIT)
    with pytest.raises(TableError, match=r"\.docx hoặc \.xlsx"):
        read_table(b"x", "a.pdf", max_bytes=LIMIT)
    rows = [list(example.HEADER)] + [[str(i), f"Việc {i}", "UBND xã", "", "Năm 2026", ""]
                                     for i in range(1100)]
    with pytest.raises(TableError, match="hơn 1000 dòng"):
        read_table(_xlsx(rows), "dai.xlsx", max_bytes=LIMIT)


def test_it_refuses_a_zip_bomb() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    with pytest.raises(TableError, match="giải nén ra quá lớn"):
        read_table(out.getvalue(), "bom.xlsx", max_bytes=LIMIT)


UNITS = [Candidate(1, "Văn phòng Đảng ủy xã"), Candidate(2, "Ủy ban nhân dân xã"),
         Candidate(3, "Công an xã"), Candidate(4, "Ban Chỉ huy Quân sự xã"),
         Candidate(5, "Bản Nà Sàng"), Candidate(6, "Chi bộ bản Nà Sàng"),
         Candidate(7, "Trạm Y tế xã")]


@pytest.mark.parametrize(("name", "unit"), [
    ("UBND xã", 2), ("Uỷ ban nhân dân xã", 2), ("Văn phòng Đảng ủy", 1), ("VP ĐU", 1),
    ("Ban CHQS xã", 4), ("Công an xã", 3), ("Bản Nà Sàng", 5), ("Trạm y tế", 7),
])
def test_unit_names_match(name: str, unit: int) -> None:
    assert match_unit(name, UNITS).id == unit


def test_unclear_names_get_suggestions_not_a_choice() -> None:
    match = match_unit("Nà Sàng", UNITS)
    assert match.id is None
    assert {5, 6} <= {uid for uid, _ in match.suggestions}
    assert match_unit("Hội Cựu chiến binh", UNITS).id is None


_WORDS = st.sampled_from(["Xây dựng", "kế hoạch", "Ủy ban", "nhân dân", "xã", "Quý II/2026",
                          "bản Nà Sàng", "100%", "(chỉ tiêu 9)", "đường", "1,2 km", "ĐU"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)
_TASK = st.tuples(_TEXT, _TEXT, st.one_of(st.just(""), _TEXT), _TEXT, st.one_of(st.just(""),
                                                                                  _TEXT))


@settings(max_examples=15, deadline=None)
@given(st.lists(_TASK, min_size=1, max_size=12))
def test_word_and_excel_read_back_what_was_written(tasks: list[tuple[str, ...]]) -> None:
    rows = [(f"{i}.1", *task) for i, task in enumerate(tasks, 1)]
    for name, data in (("t.docx", example.write_docx(rows, [])),
                       ("t.xlsx", example.write_xlsx(rows, []))):
        read = read_table(data, name, max_bytes=LIMIT).rows
        assert [(r.number, r.content, r.lead, r.coordinating, r.when, r.product)
                for r in read] == rows
