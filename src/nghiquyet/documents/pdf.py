"""PDF of the Word report, converted by LibreOffice (headless).

The PDF is the same document as the .docx, laid out by a word processor, so
what officials print from Word and what they download as PDF agree page for
page. Each conversion runs with its own throw-away LibreOffice profile: a
shared profile is locked by a running soffice, and two conversions at once
would fail.

Setup (Debian): ``apt-get install -y --no-install-recommends libreoffice-writer
fonts-liberation2`` (Liberation Serif 2.x has the metrics of Times New Roman and
every Vietnamese glyph; Liberation 1.x, in ``fonts-liberation``, lacks them).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from nghiquyet.lib.i18n import gettext as _

DEFAULT_TIMEOUT: Final[float] = 120.0
SOFFICE_ENV: Final[str] = "NGHIQUYET_SOFFICE"


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed here, so no PDF can be made."""


class PdfConversionFailed(RuntimeError):
    """LibreOffice ran but gave no PDF (it crashed, or took longer than allowed)."""


def find_soffice() -> str | None:
    """The soffice program: ``$NGHIQUYET_SOFFICE``, else ``soffice`` or ``libreoffice`` on PATH."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return configured if Path(configured).exists() else shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return find_soffice() is not None


def docx_to_pdf(docx: bytes, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Convert a .docx (as bytes) to PDF bytes.

    Raises PdfUnavailable when LibreOffice is missing and PdfConversionFailed
    when it fails or runs past ``timeout`` seconds.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            _(
                "Không tạo được tệp PDF: máy chủ chưa cài LibreOffice (soffice). "
                "Vui lòng tải báo cáo dạng Word (.docx)."
            )
        )
    with tempfile.TemporaryDirectory(prefix="nghiquyet-pdf-") as workdir:
        work = Path(workdir)
        source = work / "baocao.docx"
        source.write_bytes(docx)
        _run(_command(soffice, work, source), timeout=timeout)
        output = work / "out" / "baocao.pdf"
        if not output.exists():
            raise PdfConversionFailed(_("LibreOffice không tạo ra tệp PDF."))
        return output.read_bytes()


def _command(soffice: str, work: Path, source: Path) -> list[str]:
    profile = (work / "profile").as_uri()
    return [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(work / "out"),
        str(source),
    ]


def _run(command: list[str], *, timeout: float) -> None:
    # soffice is a shell script that starts soffice.bin; a new session lets a
    # timeout kill both, where killing only the script would leave the child.
    env = {**os.environ, "HOME": str(Path(command[-1]).parent)}
    process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        _stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfConversionFailed(
            _("LibreOffice chuyển đổi quá {seconds} giây nên đã bị dừng.").format(
                seconds=int(timeout)
            )
        ) from exc
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip()[-500:]
        raise PdfConversionFailed(
            _("LibreOffice báo lỗi khi chuyển sang PDF: {detail}").format(detail=detail)
        )
