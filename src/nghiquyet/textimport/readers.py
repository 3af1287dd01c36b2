"""Reading a resolution file (.txt, .docx, .pdf) into plain text.

Every failure is a ``ReadError`` with a Vietnamese message naming the file, so
the upload page and the command line can show it as is. Limits are checked
before anything is decoded or decompressed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number

MB = 1024 * 1024


class ReadError(Exception):
    """A file that cannot be read as a resolution's text; ``str()`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 10 * MB  # the file as uploaded
    max_unpacked_bytes: int = 100 * MB  # a .docx once decompressed
    max_ratio: int = 100  # decompressed / compressed, per .docx entry
    max_entries: int = 1000  # files inside a .docx
    min_pdf_chars: int = 20  # below this a PDF is taken for a scan
    # Budgets: a resolution is a few hundred paragraphs, one table, a few dozen pages.
    max_paragraphs: int = 50_000  # .docx paragraphs (also lines of the text read)
    max_table_cells: int = 100_000  # .docx table cells
    max_pdf_pages: int = 500


DEFAULT_LIMITS = ReadLimits()
_RATIO_FLOOR = MB  # small entries may compress well without being a bomb


def read_document(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> str:
    """The text of a .txt, .docx or .pdf, given as a path or as the uploaded bytes."""
    name = filename or (Path(source).name if not isinstance(source, bytes) else _("tệp tải lên"))
    data = _load(source, name, limits)
    kind = _kind(name, data)
    if kind == "pdf":
        from nghiquyet.textimport.pdfreader import read_pdf

        return read_pdf(data, name, limits)
    if kind == "docx":
        from nghiquyet.textimport.docxreader import read_docx

        _check_docx(data, name, limits)
        return read_docx(data, name)
    return read_txt(data, name)


def _load(source: str | os.PathLike[str] | bytes, name: str, limits: ReadLimits) -> bytes:
    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = os.path.getsize(source)
        except OSError as exc:
            raise ReadError(_("Không mở được tệp “{name}”.").format(name=name)) from exc
    if size == 0:
        raise ReadError(_("Tệp “{name}” rỗng.").format(name=name))
    if size > limits.max_bytes:
        raise ReadError(
            _("Tệp “{name}” quá lớn ({size} byte), vượt giới hạn {limit} MB.").format(
                name=name, size=format_number(size), limit=format_number(limits.max_bytes / MB)
            )
        )
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise ReadError(_("Không mở được tệp “{name}”.").format(name=name)) from exc


def _kind(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ""):
            return "docx"
        raise ReadError(_("Tệp “{name}” là tệp nén, không phải văn bản .docx.").format(name=name))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            _(
                "Tệp “{name}” là Word 97-2003 (.doc), chưa đọc được; hãy lưu lại dưới dạng .docx."
            ).format(name=name)
        )
    if suffix in (".pdf", ".docx"):
        raise ReadError(
            _("Tệp “{name}” không phải tệp {kind} hợp lệ.").format(name=name, kind=suffix)
        )
    if suffix not in (".txt", ".text", ""):
        raise ReadError(
            _("Định dạng tệp “{name}” chưa được hỗ trợ; hãy dùng .txt, .docx hoặc .pdf.").format(
                name=name
            )
        )
    return "txt"


def read_txt(data: bytes, name: str) -> str:
    """UTF-8, with or without a BOM; anything else is refused with a hint."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise ReadError(
            _("Tệp “{name}” được mã hóa UTF-16; hãy lưu lại với mã hóa UTF-8.").format(name=name)
        )
    if b"\x00" in data:
        raise ReadError(_("Tệp “{name}” là tệp nhị phân, không phải văn bản.").format(name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            _(
                "Tệp “{name}” không được mã hóa UTF-8 (có thể là Windows-1258 hoặc TCVN3); "
                "hãy lưu lại với mã hóa UTF-8."
            ).format(name=name)
        ) from exc
    if _control_share(text) > 0.05:
        raise ReadError(_("Tệp “{name}” là tệp nhị phân, không phải văn bản.").format(name=name))
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is a zero."""
    sample = data[:2000]
    return (
        len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0
    )


def _control_share(text: str) -> float:
    sample = text[:5000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))


def check_zip(data: bytes, name: str, limits: ReadLimits) -> None:
    """Refuse a zip bomb from its directory (the product's one guard, lib/uploads)."""
    from nghiquyet.lib.uploads import UploadRefused
    from nghiquyet.lib.uploads import check_zip as guard

    try:
        guard(data, name, _zip_limits(limits), kind=".docx")
    except UploadRefused as exc:
        raise ReadError(str(exc)) from exc


def _check_docx(data: bytes, name: str, limits: ReadLimits) -> None:
    """The zip guard, then paragraphs and table cells counted before python-docx parses."""
    from nghiquyet.lib.uploads import UploadRefused, docx_counts

    try:
        docx_counts(
            data,
            name,
            max_paragraphs=limits.max_paragraphs,
            max_cells=limits.max_table_cells,
            limits=_zip_limits(limits),
        )
    except UploadRefused as exc:
        raise ReadError(str(exc)) from exc


def _zip_limits(limits: ReadLimits) -> Any:
    from nghiquyet.lib.uploads import ZipLimits

    return ZipLimits(
        max_entries=limits.max_entries,
        max_unpacked_bytes=limits.max_unpacked_bytes,
        max_ratio=limits.max_ratio,
        ratio_floor=_RATIO_FLOOR,
    )
