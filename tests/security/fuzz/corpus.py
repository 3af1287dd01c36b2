"""The hostile files of issue 10, made on demand (none is committed: a 400 MB deflate stream
is a few hundred KB compressed, but there is no need to keep even that).

``python -m tests.security.fuzz.corpus OUTDIR`` writes them all to OUTDIR, to try by hand.
Each maker returns (file name, bytes). tests/security/test_fuzz_corpus.py feeds every one to
the reader that would receive it and expects a clear refusal (or a correct read), never a
crash, a hang or a server error.
"""

from __future__ import annotations

import io
import random
import string
import sys
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

# --- xlsx -----------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>")
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>")
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>")
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
HEADER = ("Mã mục tiêu", "Mã đơn vị", "Kỳ", "Giá trị")


def _cell(col: str, row: int, value: str | float) -> str:
    if isinstance(value, str):
        return f'<c r="{col}{row}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{col}{row}"><v>{value}</v></c>'


def _row(n: int, values: tuple[str | float, ...]) -> str:
    return f'<row r="{n}">' + "".join(_cell("ABCD"[i], n, v) for i, v in enumerate(values)) + \
        "</row>"


def _xlsx(sheet_xml: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def _sheet(rows: str, dimension: str = "") -> str:
    return f"{_SHEET_HEAD}{dimension}<sheetData>{rows}</sheetData></worksheet>"


def xlsx_no_dimension_many_rows() -> tuple[str, bytes]:
    """Rows past the cap and no <dimension>: the declared-size check saw nothing (the attack
    had 556,820 rows: 109 s, 800 MB); 60,000 rows show the same bypass."""
    rows = [_row(1, HEADER)]
    rows += [_row(n, ("2.1", "SL-PK-B01", "2026", n)) for n in range(2, 60_002)]
    return "no-dimension.xlsx", _xlsx(_sheet("".join(rows)))


def xlsx_stale_dimension() -> tuple[str, bytes]:
    """<dimension> says two rows; there are twelve. None may be dropped."""
    rows = [_row(1, HEADER)] + [_row(n, ("2.1", "SL-PK-B01", "2026", n)) for n in range(2, 14)]
    return "stale-dimension.xlsx", _xlsx(_sheet("".join(rows), '<dimension ref="A1:D2"/>'))


def xlsx_dimension_unknown_attribute() -> tuple[str, bytes]:
    rows = _row(1, HEADER) + _row(2, ("2.1", "SL-PK-B01", "2026", 5))
    return "dimension-attribute.xlsx", _xlsx(
        _sheet(rows, '<dimension ref="A1:D2" evil="1" xmlns:x="urn:x" x:y="2"/>'))


def xlsx_malformed_xml() -> tuple[str, bytes]:
    rows = _row(1, HEADER) + _row(2, ("2.1", "SL-PK-B01", "2026", 5))
    return "malformed.xlsx", _xlsx(_sheet(rows)[:-40] + "<row r=")


def xlsx_dtd_entities() -> tuple[str, bytes]:
    """A billion laughs in the sheet."""
    lol = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                     for i in range(8)) + "]>")
    sheet = _sheet(_row(1, HEADER) + '<row r="2"><c r="A2" t="inlineStr"><is><t>&i;</t></is>'
                   "</c></row>").replace("?>", "?>" + lol, 1)
    return "entities.xlsx", _xlsx(sheet)


def xlsx_nan_inf() -> tuple[str, bytes]:
    rows = (_row(1, HEADER) + '<row r="2"><c r="A2" t="inlineStr"><is><t>2.1</t></is></c>'
            '<c r="D2"><v>1E999</v></c></row><row r="3"><c r="D3"><v>NaN</v></c></row>')
    return "nan-inf.xlsx", _xlsx(_sheet(rows))


def xlsx_huge_row_number() -> tuple[str, bytes]:
    """A row numbered in the billions: openpyxl would make up every row in between."""
    rows = _row(1, HEADER) + _row(2_000_000_000, ("2.1", "SL-PK-B01", "2026", 5))
    return "huge-row-number.xlsx", _xlsx(_sheet(rows))


def _zeros_entry(zf: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with zf.open(name, "w", force_zip64=True) as out:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(megabytes):
            out.write(chunk)


def xlsx_zip_bomb() -> tuple[str, bytes]:
    buf = io.BytesIO(_xlsx(_sheet(_row(1, HEADER))))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        _zeros_entry(zf, "xl/media/bomb.bin", 300)
    return "bomb.xlsx", buf.getvalue()


def not_a_zip_xlsx() -> tuple[str, bytes]:
    return "not-a-zip.xlsx", b"PK\x03\x04" + bytes(random.Random(1).randbytes(4000))


# --- docx -----------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>")
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>")


def _docx(body: str, prolog: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
        zf.writestr("_rels/.rels", _DOCX_RELS)
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(n))


def docx_many_paragraphs() -> tuple[str, bytes]:
    """1.35 M paragraphs (python-docx: 11 minutes, 1.1 GB). Empty paragraphs compress so
    well the zip guard would refuse them first; these carry words, as the attack did."""
    rng = random.Random(2)
    body = "".join(f"<w:p><w:r><w:t>{_words(rng, 1)}</w:t></w:r></w:p>"
                   for _ in range(1_350_000))
    return "many-paragraphs.docx", _docx(body)


def docx_many_cells() -> tuple[str, bytes]:
    """110,000 table cells (few paragraphs; random widths so the zip guard lets it by)."""
    rng = random.Random(3)
    rows = ("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{rng.randrange(10**6)}"/></w:tcPr>'
                               "</w:tc>" for _ in range(50)) + "</w:tr>" for _ in range(2200))
    return "many-cells.docx", _docx("<w:tbl>" + "".join(rows) + "</w:tbl>")


def docx_entities() -> tuple[str, bytes]:
    lol = ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                     for i in range(8)) + "]>")
    return "entities.docx", _docx("<w:p><w:r><w:t>&i;</w:t></w:r></w:p>", lol)


def docx_zip_bomb() -> tuple[str, bytes]:
    buf = io.BytesIO(_docx("<w:p><w:r><w:t>Nghị quyết</w:t></w:r></w:p>"))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        _zeros_entry(zf, "word/media/bomb.bin", 300)
    return "bomb.docx", buf.getvalue()


def docx_without_body() -> tuple[str, bytes]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
    return "no-body.docx", buf.getvalue()


# --- pdf ------------------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_deflate_bomb() -> tuple[str, bytes]:
    """A page whose content stream inflates to 400 MB."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    stream = b"".join(compressor.compress(chunk) for _ in range(400)) + compressor.flush()
    return "deflate-bomb.pdf", _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ])


def pdf_many_pages() -> tuple[str, bytes]:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(600):
        writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    return "many-pages.pdf", buf.getvalue()


def pdf_garbage() -> tuple[str, bytes]:
    return "garbage.pdf", b"%PDF-1.7\n" + random.Random(4).randbytes(20_000)


def pdf_truncated() -> tuple[str, bytes]:
    name, data = pdf_many_pages()
    return "truncated.pdf", data[: len(data) // 3]


# --- text and JSON ----------------------------------------------------------------------


def txt_many_lines() -> tuple[str, bytes]:
    return "many-lines.txt", b"- a\n" * 1_000_000


def json_deep() -> tuple[str, bytes]:
    return "deep.json", b"[" * 100_000 + b"]" * 100_000


def json_nan() -> tuple[str, bytes]:
    return "nan.json", b'{"format": "nghiquyet.registry/1", "x": NaN, "y": Infinity}'


MAKERS: dict[str, Callable[[], tuple[str, bytes]]] = {
    f.__name__: f for f in (
        xlsx_no_dimension_many_rows, xlsx_stale_dimension, xlsx_dimension_unknown_attribute,
        xlsx_malformed_xml, xlsx_dtd_entities, xlsx_nan_inf, xlsx_huge_row_number,
        xlsx_zip_bomb, not_a_zip_xlsx,
        docx_many_paragraphs, docx_many_cells, docx_entities, docx_zip_bomb, docx_without_body,
        pdf_deflate_bomb, pdf_many_pages, pdf_garbage, pdf_truncated,
        txt_many_lines, json_deep, json_nan,
    )
}


@cache
def make(name: str) -> tuple[str, bytes]:
    return MAKERS[name]()


def main(outdir: str) -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for maker in MAKERS:
        filename, data = make(maker)
        (out / filename).write_bytes(data)
        print(f"{filename}: {len(data):,} bytes")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz-corpus")
