"""Write the example spreadsheets of docs/go-live.md: the commune's own units and its
people. Run from the repository: `.venv/bin/python scripts/make_go_live_examples.py`.
tests/orgunits/test_go_live_examples.py checks the committed files still match.

The village names are made up for the example (in the style of a Sơn La commune);
a commune writes its own list.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

DOCS = Path(__file__).resolve().parents[1] / "docs" / "examples"

UNITS_HEADER = ["Mã", "Tên", "Loại", "Mã đơn vị cấp trên"]
VILLAGES = ["Nà Hạ", "Pá Lò", "Huổi Sâu", "Co Phát", "Nong Tầu", "Phiêng Lụng", "Tà Lọng",
            "Bó Hẹ", "Nặm Hin", "Hua Pục"]
UNITS = (
    [[f"B{i:02d}", f"Bản {name}", "Bản", ""] for i, name in enumerate(VILLAGES, 1)]
    + [[f"CB{i:02d}", f"Chi bộ bản {VILLAGES[i - 1]}", "Chi bộ", f"B{i:02d}"] for i in (1, 2, 3)]
    + [["TH01", "Trường Tiểu học xã", "Trường học", ""],
       ["CQ01", "Ủy ban nhân dân xã", "Cơ quan", ""]]
)
PEOPLE_HEADER = ["Tên đăng nhập", "Họ và tên", "Vai trò", "Mã đơn vị", "Thư điện tử"]
PEOPLE = [
    ["tb.naha", "Lò Văn Hạ (trưởng bản Nà Hạ)", "Người báo cáo", "B01", ""],
    ["tb.palo", "Quàng Thị Lò (trưởng bản Pá Lò)", "Người báo cáo", "B02", ""],
    ["tb.huoisau", "Cầm Văn Sâu (trưởng bản Huổi Sâu)", "Người báo cáo", "B03", ""],
]


def workbook(title: str, header: list[str], rows: list[list[str]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for column, width in zip("ABCDE", (16, 36, 16, 20, 24), strict=False):
        ws.column_dimensions[column].width = width
    wb.properties.creator = "nghiquyet"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FILES = {
    "don-vi-truc-thuoc.xlsx": ("Đơn vị", UNITS_HEADER, UNITS),
    "nguoi-dung.xlsx": ("Người dùng", PEOPLE_HEADER, PEOPLE),
}


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, (title, header, rows) in FILES.items():
        (DOCS / name).write_bytes(workbook(title, header, rows))
        print(DOCS / name)


if __name__ == "__main__":
    main()
