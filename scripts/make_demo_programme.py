"""Write the demo action programme (Word and Excel) into src/nghiquyet/demo/data.

Run from the repository: ``.venv/bin/python scripts/make_demo_programme.py``.
The content lives in nghiquyet.programmes.example; commit the files this writes.
"""

from __future__ import annotations

from pathlib import Path

from nghiquyet.programmes.example import write_docx, write_xlsx

DATA = Path(__file__).resolve().parents[1] / "src" / "nghiquyet" / "demo" / "data"


def main() -> None:
    for suffix, data in ((".docx", write_docx()), (".xlsx", write_xlsx())):
        path = DATA / f"chuong-trinh-hanh-dong{suffix}"
        path.write_bytes(data)
        print(f"{path} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
