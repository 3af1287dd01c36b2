"""No Django. The one JSON reader for untrusted input (API bodies, registry files).

``json.loads`` alone turns hostile input into server errors: 100,000 nested brackets
overflow the recursion limit, ``NaN``/``Infinity``/``1e400`` become floats nothing
downstream can store, and a NUL character inside a string reaches PostgreSQL, which
refuses it. ``loads`` refuses all of these with a Vietnamese message instead.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from nghiquyet.lib.i18n import gettext as _

MAX_DEPTH = 64
MAX_BYTES = 10 * 1024 * 1024


class JsonRefused(ValueError):
    """Input refused; ``str(exc)`` is a Vietnamese message for the user."""


# Strings (skipped whole, escapes included) or a bracket: enough to measure the nesting
# without recursion, in one pass of the regex engine.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nesting_depth(data: bytes) -> int:
    depth = deepest = 0
    for match in _TOKENS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def _no_constant(name: str) -> Any:
    raise JsonRefused(_("Giá trị %(name)s không được nhận: chỉ nhận số hữu hạn.")
                      % {"name": name})


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused(_("Số %(text)s quá lớn: chỉ nhận số hữu hạn.") % {"text": text[:40]})
    return value


def _check_strings(value: Any, path: str = "") -> None:
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise JsonRefused(_("Ký tự NUL (\\u0000) không được nhận (ở %(path)s).")
                                  % {"path": where or "/"})
        elif isinstance(item, dict):
            for key, child in item.items():
                if "\x00" in key:
                    raise JsonRefused(_("Ký tự NUL (\\u0000) không được nhận (ở %(path)s).")
                                      % {"path": where or "/"})
                stack.append((child, f"{where}/{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{where}/{i}") for i, child in enumerate(item))


def loads(data: bytes | str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
          name: str = "") -> Any:
    """Parse untrusted JSON, or raise JsonRefused naming the file (``name``) if given."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    where = (_("Tệp %(file)s: ") % {"file": name}) if name else ""
    if len(raw) > max_bytes:
        raise JsonRefused(where + _("dữ liệu JSON lớn quá giới hạn %(mb)s MB.")
                          % {"mb": f"{max_bytes / (1024 * 1024):g}"})
    if nesting_depth(raw) > max_depth:
        raise JsonRefused(where + _("dữ liệu JSON lồng nhau quá %(n)d tầng.") % {"n": max_depth})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonRefused(where + _("không phải văn bản UTF-8.")) from exc
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except JsonRefused as exc:
        raise JsonRefused(where + str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise JsonRefused(where + _("không phải JSON hợp lệ: dòng %(line)d, cột %(col)d.")
                          % {"line": exc.lineno, "col": exc.colno}) from exc
    except (RecursionError, ValueError) as exc:
        raise JsonRefused(where + _("không phải JSON hợp lệ.")) from exc
    try:
        _check_strings(value)
    except JsonRefused as exc:
        raise JsonRefused(where + str(exc)) from exc
    return value
