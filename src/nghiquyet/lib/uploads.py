"""No Django. The one set of guards for uploaded files: zip bombs, xlsx read safely with
rows counted while streaming, .docx element counts, and budgets of CPU time and memory.

Every refusal is an ``UploadRefused`` whose ``str()`` is a Vietnamese message naming the
file, for the page, the API answer or the command line as it is.

- ``check_zip`` reads the zip directory only (entries, declared sizes, ratios). Python's
  zipfile never inflates an entry past its declared size (and checks its CRC), so the
  directory bounds what any reader (openpyxl, python-docx) can inflate.
- ``open_xlsx`` opens a workbook read-only behind ``check_zip``; DTDs and entities are
  refused (openpyxl parses through defusedxml, which is a dependency). ``xlsx_rows`` never
  trusts ``<dimension>``: a stale one would drop rows, a huge one or a row numbered in the
  billions would make openpyxl yield empty rows for minutes. It counts every row it yields
  and refuses past a cap, refuses NaN/Infinity cells, and turns any parser error into a
  refusal naming the row.
- ``docx_counts`` counts paragraphs and table cells by streaming ``word/document.xml``
  before python-docx builds its tree (1.35 million paragraphs took 1.1 GB and 11 minutes).
- ``run_with_budget`` runs a parse in a forked child with CPU-time and memory limits: a
  hostile file costs a few seconds of one process, never a worker stuck for minutes.
"""

from __future__ import annotations

import io
import math
import multiprocessing
import os
import re
import resource
import signal
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from nghiquyet.lib.i18n import gettext as _

MB = 1024 * 1024
T = TypeVar("T")


class UploadRefused(ValueError):
    """A file refused; ``str(exc)`` is the Vietnamese message, naming the file."""


# --- zip ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 2000
    max_unpacked_bytes: int = 200 * MB
    max_ratio: int = 100  # inflated / deflated size, per entry above ratio_floor
    ratio_floor: int = MB  # small entries may compress very well without being bombs


DEFAULT_ZIP_LIMITS = ZipLimits()


def check_zip(data: bytes, name: str, limits: ZipLimits = DEFAULT_ZIP_LIMITS,
              kind: str = ".xlsx") -> None:
    """Refuse a zip bomb (or a file that is no zip) from its directory, inflating nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise UploadRefused(_("Không đọc được tệp “%(file)s”: không phải tệp %(kind)s hợp lệ "
                              "(tệp hỏng hoặc sai định dạng).") % {"file": name, "kind": kind}
                            ) from exc
    bomb = UploadRefused(_("Tệp “%(file)s” giải nén ra quá lớn (nghi là tệp nén độc hại); "
                           "không xử lý.") % {"file": name})
    if len(entries) > limits.max_entries:
        raise bomb
    if sum(e.file_size for e in entries) > limits.max_unpacked_bytes:
        raise bomb
    for entry in entries:
        if entry.file_size > limits.ratio_floor and \
                entry.file_size / max(1, entry.compress_size) > limits.max_ratio:
            raise bomb


# --- CPU deadline checked in loops ----------------------------------------------------


class Deadline:
    """A budget of CPU seconds for the current thread, checked by the loops that read."""

    def __init__(self, seconds: float, name: str) -> None:
        self.seconds, self.name = seconds, name
        self.start = time.thread_time()

    def check(self) -> None:
        if time.thread_time() - self.start > self.seconds:
            raise UploadRefused(too_slow(self.name, self.seconds))


def too_slow(name: str, seconds: float) -> str:
    return _("Tệp “%(file)s” cần quá %(s)s giây xử lý; đã dừng. Hãy chia nhỏ tệp hoặc kiểm "
             "tra lại nội dung.") % {"file": name, "s": f"{seconds:g}"}


# --- xlsx ----------------------------------------------------------------------------


def open_xlsx(data: bytes, name: str, limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> Any:
    """A read-only openpyxl workbook, or UploadRefused."""
    from openpyxl import load_workbook

    check_zip(data, name, limits)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to ParseError
        raise UploadRefused(_("Không đọc được tệp Excel “%(file)s”: tệp hỏng hoặc không đúng "
                              "định dạng .xlsx.") % {"file": name}) from exc


def xlsx_rows(sheet: Any, name: str, *, max_rows: int,
              deadline: Deadline | None = None) -> Iterator[tuple[Any, ...]]:
    """Every row of a read-only sheet as a tuple of values, whatever ``<dimension>`` says.

    Refuses past ``max_rows`` rows (blank and gap rows count: openpyxl makes them up), a
    NaN or infinite number, and any parser error (malformed XML, DTD, entities)."""
    sheet.reset_dimensions()  # read to the real end, never trust <dimension>
    rownum = 0
    rows = sheet.iter_rows(values_only=True)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except UploadRefused:
            raise
        except Exception as exc:
            raise UploadRefused(_("Tệp Excel “%(file)s”, trang “%(sheet)s”: không đọc được "
                                  "sau dòng %(row)d (nội dung hỏng hoặc không được phép).")
                                % {"file": name, "sheet": sheet.title, "row": rownum}) from exc
        rownum += 1
        if rownum > max_rows:
            raise UploadRefused(_("Tệp Excel “%(file)s”, trang “%(sheet)s”: quá %(n)d dòng; "
                                  "không xử lý.") % {"file": name, "sheet": sheet.title,
                                                     "n": max_rows})
        for value in values:
            if isinstance(value, float) and not math.isfinite(value):
                raise UploadRefused(_("Tệp Excel “%(file)s”, trang “%(sheet)s”, dòng %(row)d: "
                                      "ô chứa giá trị không phải số hữu hạn (NaN/INF).")
                                    % {"file": name, "sheet": sheet.title, "row": rownum})
        if deadline is not None and rownum % 500 == 0:
            deadline.check()
        yield values


# --- docx ----------------------------------------------------------------------------

_PARAGRAPH = re.compile(rb"<w:p[ >/]")
_CELL = re.compile(rb"<w:tc[ >/]")
_CHUNK = 256 * 1024


@dataclass(frozen=True)
class DocxCounts:
    paragraphs: int
    cells: int


def docx_counts(data: bytes, name: str, *, max_paragraphs: int, max_cells: int,
                limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> DocxCounts:
    """Paragraphs and table cells of a .docx's body, counted by streaming its XML (nothing
    is built); refuses past the caps. Also the zip guard."""
    check_zip(data, name, limits, kind=".docx")
    paragraphs = cells = 0
    tail = b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, \
                archive.open("word/document.xml") as xml:
            while chunk := xml.read(_CHUNK):
                window = tail + chunk
                # a tag cut by the chunk's end is counted in the next window only
                cut = max(0, len(window) - 8)
                paragraphs += len(_PARAGRAPH.findall(window, 0, cut)) if cut else 0
                cells += len(_CELL.findall(window, 0, cut)) if cut else 0
                tail = window[cut:]
                if paragraphs > max_paragraphs or cells > max_cells:
                    break
            paragraphs += len(_PARAGRAPH.findall(tail))
            cells += len(_CELL.findall(tail))
    except KeyError as exc:
        raise UploadRefused(_("Tệp “%(file)s” không phải tệp .docx hợp lệ (thiếu nội dung "
                              "văn bản).") % {"file": name}) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UploadRefused(_("Tệp “%(file)s” không phải tệp .docx hợp lệ.")
                            % {"file": name}) from exc
    if paragraphs > max_paragraphs:
        raise UploadRefused(_("Tệp “%(file)s” có quá %(n)s đoạn văn; không xử lý.")
                            % {"file": name, "n": f"{max_paragraphs:,}".replace(",", ".")})
    if cells > max_cells:
        raise UploadRefused(_("Tệp “%(file)s” có quá %(n)s ô bảng; không xử lý.")
                            % {"file": name, "n": f"{max_cells:,}".replace(",", ".")})
    return DocxCounts(paragraphs, cells)


# --- CPU time and memory for a whole parse --------------------------------------------


@dataclass(frozen=True)
class Budget:
    cpu_seconds: int = 30
    memory_bytes: int = 1024 * MB  # address space the parse may add
    wall_seconds: int = 90  # a child sleeping or blocked is stopped too


DEFAULT_BUDGET = Budget()


def _vm_size() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(conn: Any, budget: Budget, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (budget.cpu_seconds, budget.cpu_seconds + 1))
        used = _vm_size()
        if used:
            limit = used + budget.memory_bytes
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        conn.send(("ok", fn(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # sent back to be raised in the parent
        try:
            conn.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            conn.send(("error", UploadRefused(str(exc))))
    finally:
        conn.close()


def run_with_budget(fn: Callable[..., T], *args: Any, name: str,
                    budget: Budget = DEFAULT_BUDGET) -> T:
    """``fn(*args)`` in a forked child limited in CPU time and memory. Its exceptions are
    raised here as they were; running out of budget is an UploadRefused naming the file.
    ``fn`` must not use the database (the child shares the parent's connections)."""
    if not hasattr(os, "fork"):  # pragma: no cover - Linux is the documented platform
        return fn(*args)
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, budget, fn, args), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(budget.wall_seconds):
            raise UploadRefused(too_slow(name, budget.cpu_seconds))
        try:
            kind, payload = parent.recv()
        except EOFError as exc:  # the child died: out of CPU time, or killed
            process.join(5)
            if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
                raise UploadRefused(too_slow(name, budget.cpu_seconds)) from exc
            raise UploadRefused(_("Tệp “%(file)s” làm trình đọc dừng bất thường; không xử lý.")
                                % {"file": name}) from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()
    if kind == "ok":
        return payload  # type: ignore[no-any-return,unused-ignore]  # fn's result via the pipe
    if kind == "memory":
        raise UploadRefused(_("Tệp “%(file)s” cần quá nhiều bộ nhớ để đọc; không xử lý.")
                            % {"file": name})
    raise payload
