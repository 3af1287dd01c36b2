"""PDF text through its text layer (pypdf); scans and locked files are refused clearly."""

from __future__ import annotations

import io

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

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
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (DependencyError, FileNotDecryptedError) as exc:
        raise encrypted from exc
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
