"""Every module that makes a workbook saves it through lib/spreadsheet.save_workbook, and
every CSV writer escapes its cells with csv_safe (docs/security.md, section 4)."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "nghiquyet"


def test_every_xlsx_and_csv_writer_uses_the_one_helper() -> None:
    missing = []
    for path in SRC.rglob("*.py"):
        if path.name == "spreadsheet.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "Workbook()" in text and "save_workbook(" not in text:
            missing.append(f"{path.relative_to(SRC)}: a Workbook saved without save_workbook")
        if ("csv.writer(" in text or "csv.DictWriter(" in text) and "csv_safe(" not in text:
            missing.append(f"{path.relative_to(SRC)}: a CSV writer without csv_safe")
    assert not missing, "\n".join(missing)
