"""PDF text through its text layer (pypdf); scans and locked files are refused clearly.

A page that holds a ruled table (found by pdfplumber) is read again with
pdfplumber: the text above, between and below the tables as it is, and each
table row as one line of cells joined by " | ", as the .docx reader gives it.
pypdf alone prints a table's cells in reading order, mixing the columns with
the wrapped lines of a long cell, so the target column could not be told apart.
"""

from __future__ import annotations

import io

from pypdf import PasswordType, PdfReader
from pypdf.errors import (
    DependencyError,
    FileNotDecryptedError,
    LimitReachedError,
    PdfReadError,
    PdfStreamError,
)

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.readers import ReadError, ReadLimits


def read_pdf(data: bytes, name: str, limits: ReadLimits) -> str:
    encrypted = ReadError(
        _("Tệp “{name}” được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại.").format(
            name=name
        )
    )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise encrypted
        if len(reader.pages) > limits.max_pdf_pages:
            raise ReadError(
                _("Tệp “{name}” có quá {n} trang; không xử lý.").format(
                    name=name, n=limits.max_pdf_pages
                )
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        text = "\n".join(_with_tables(data, pages))
    except (DependencyError, FileNotDecryptedError) as exc:
        raise encrypted from exc
    except LimitReachedError as exc:  # a stream that inflates past pypdf's limits
        raise ReadError(
            _("Tệp “{name}” có nội dung nén quá lớn; không xử lý.").format(name=name)
        ) from exc
    except (
        PdfReadError,
        PdfStreamError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as exc:
        raise ReadError(_("Tệp “{name}” không phải tệp PDF hợp lệ.").format(name=name)) from exc
    if len("".join(text.split())) < limits.min_pdf_chars:
        raise ReadError(
            _(
                "Tệp “{name}” là PDF không có lớp chữ (bản scan hoặc ảnh chụp); "
                "hãy dùng bản PDF xuất từ Word, tệp .docx, hoặc nhận dạng chữ (OCR) trước."
            ).format(name=name)
        )
    return text


_CELL_SEPARATOR = " | "


def _with_tables(data: bytes, pages: list[str]) -> list[str]:
    """The pages, those holding a table re-read with pdfplumber (cells kept apart)."""
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a dependency; without it tables stay flat
        return pages
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [
                # pdfminer inflates streams without a limit: a page pypdf found no text
                # on (a scan, or a stream past pypdf's limits) is not re-read
                (_page_with_tables(page) if pages[index].strip() else None) or pages[index]
                for index, page in enumerate(pdf.pages[: len(pages)])
            ]
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return pages  # pypdf could read it: keep that text rather than fail


def _page_with_tables(page) -> str | None:  # type: ignore[no-untyped-def]  # pdfplumber ships no types
    """Text bands and table rows in their order down the page, or None without tables."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    if not tables:
        return None
    parts: list[str] = []
    top = page.bbox[1]
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        parts.append(_band_text(page, top, t_top))
        parts.extend(_row_line(row) for row in table.extract())
        top = t_bottom
    parts.append(_band_text(page, top, page.bbox[3]))
    return "\n".join(part for part in parts if part.strip())


def _band_text(page, top: float, bottom: float) -> str:  # type: ignore[no-untyped-def]  # pdfplumber ships no types
    if bottom - top < 1:
        return ""
    # Only what lies wholly in the band: a table's top row must not leak into the text.
    band = page.within_bbox((page.bbox[0], top, page.bbox[2], bottom), strict=False)
    return band.extract_text() or ""


def _row_line(row: list[str | None]) -> str:
    return _CELL_SEPARATOR.join(_cell_text(cell) for cell in row)


def _cell_text(cell: str | None) -> str:
    """A cell's wrapped lines joined: 'Triệu\\nđồng/người/\\nnăm' -> 'Triệu đồng/người/năm'."""
    if not cell:
        return ""
    return " ".join(cell.replace("/\n", "/").split())
