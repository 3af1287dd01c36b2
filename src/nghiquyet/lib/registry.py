"""The ``nghiquyet.registry/1`` interchange format: validation and comparison.

Django-free: the importer, the text parser's evaluation and the tests share it.
Validation collects every problem with the JSON path of the bad field
(``indicators[3].targets[0].comparator``) so one upload shows them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from nghiquyet.lib.i18n import gettext as _

FORMAT = "nghiquyet.registry/1"
KINDS = ("level", "growth_rate", "cumulative", "annual_change")
COMPARATORS = (">=", ">", "<=", "<", "=", "between")
VALUE_TYPES = ("number", "ratio", "yes_no")
AGGREGATIONS = ("sum", "ratio_of_sums", "count_yes", "none")
COMPARED_TARGET_FIELDS = (
    "kind",
    "comparator",
    "value",
    "upper",
    "unit",
    "denominator",
    "year",
    "each_year",
)
MAX_INDICATORS = 500
MAX_TARGETS_PER_INDICATOR = 50
MAX_TEXT = 20_000


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RegistryError(ValueError):
    """A registry document that cannot be imported; ``errors`` names each bad field."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, _("phải là một đối tượng JSON ({...})"))
            return None
        return value

    def lst(self, value: Any, path: str, *, limit: int) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, _("phải là một danh sách JSON ([...])"))
            return []
        if len(value) > limit:
            self.fail(path, _("có quá nhiều phần tử (tối đa %(limit)d)") % {"limit": limit})
            return []
        return value

    def text(self, parent: dict[str, Any], key: str, path: str, *, required: bool = True,
             limit: int = 2000) -> str | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(_join(path, key), _("thiếu trường bắt buộc"))
            return None
        if not isinstance(value, str):
            self.fail(_join(path, key), _("phải là chuỗi ký tự"))
            return None
        if required and not value.strip():
            self.fail(_join(path, key), _("không được để trống"))
            return None
        if len(value) > limit:
            self.fail(_join(path, key), _("dài quá %(limit)d ký tự") % {"limit": limit})
            return None
        return value

    def integer(self, parent: dict[str, Any], key: str, path: str, *, required: bool = True,
                low: int = 0, high: int = 10**6) -> int | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(_join(path, key), _("thiếu trường bắt buộc"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(_join(path, key), _("phải là số nguyên"))
            return None
        if not low <= value <= high:
            self.fail(
                _join(path, key),
                _("phải nằm trong khoảng %(low)d đến %(high)d") % {"low": low, "high": high},
            )
            return None
        return value

    def number(self, parent: dict[str, Any], key: str, path: str, *,
               required: bool) -> Decimal | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(_join(path, key), _("thiếu trường bắt buộc"))
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(_join(path, key), _("phải là một số (ví dụ 49305 hoặc 71.4)"))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(_join(path, key), _("phải là một số hữu hạn"))
            return None
        dec = Decimal(str(value))
        if abs(dec) >= Decimal(10) ** 13:
            self.fail(_join(path, key), _("quá lớn"))
            return None
        return dec

    def choice(self, parent: dict[str, Any], key: str, path: str,
               choices: tuple[str, ...], *, required: bool = True) -> str | None:
        value = parent.get(key)
        if value is None and not required:
            return None
        if value not in choices:
            self.fail(
                _join(path, key),
                _("giá trị %(value)s không hợp lệ; chỉ nhận: %(choices)s")
                % {"value": _repr(value), "choices": ", ".join(choices)},
            )
            return None
        return str(value)

    def boolean(self, parent: dict[str, Any], key: str, path: str) -> bool:
        value = parent.get(key, False)
        if not isinstance(value, bool):
            self.fail(_join(path, key), _("phải là true hoặc false"))
            return False
        return value


def _join(path: str, key: str) -> str:
    return key if path == "$" else f"{path}.{key}"


def _repr(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 40 else text[:37] + "…"


def validate_registry(doc: Any) -> dict[str, Any]:
    """Return a normalised copy of ``doc`` (numbers as Decimal) or raise RegistryError."""
    c = _Checker()
    root = c.obj(doc, "$")
    if root is None:
        raise RegistryError(c.errors)
    if root.get("format") != FORMAT:
        c.fail("format", _("phải là “%(format)s”") % {"format": FORMAT})
    res = c.obj(root.get("resolution"), "resolution") or {}
    term_start = c.integer(res, "term_start", "resolution", low=1945, high=2200)
    term_end = c.integer(res, "term_end", "resolution", low=1945, high=2200)
    resolution: dict[str, Any] = {
        "title": c.text(res, "title", "resolution", limit=1000),
        "issuer": c.text(res, "issuer", "resolution", limit=255),
        "level": c.text(res, "level", "resolution", required=False, limit=50) or "",
        "province": c.text(res, "province", "resolution", required=False, limit=255) or "",
        "term_start": term_start,
        "term_end": term_end,
    }
    ts, te = term_start, term_end
    if ts is not None and te is not None and te <= ts:
        c.fail("resolution.term_end", _("phải sau năm bắt đầu nhiệm kỳ"))
    declared = c.integer(root, "declared_indicator_count", "$", required=False, high=MAX_INDICATORS)

    groups = []
    codes: set[str] = set()
    for i, raw in enumerate(c.lst(root.get("groups", []), "groups", limit=50)):
        path = f"groups[{i}]"
        g = c.obj(raw, path)
        if g is None:
            continue
        code = c.text(g, "code", path, limit=20)
        if code is not None:
            if code in codes:
                c.fail(f"{path}.code", _("mã nhóm “%(code)s” bị trùng") % {"code": code})
            codes.add(code)
        groups.append({
            "code": code,
            "title": c.text(g, "title", path, limit=500),
            "declared_count": c.integer(g, "declared_count", path, required=False, high=MAX_INDICATORS),
        })

    groups_ok = all(g["code"] is not None for g in groups) and len(groups) == len(
        root.get("groups", []) if isinstance(root.get("groups", []), list) else []
    )
    indicators = []
    numbers: set[int] = set()
    raw_indicators = c.lst(root.get("indicators"), "indicators", limit=MAX_INDICATORS)
    if "indicators" in root and not raw_indicators and isinstance(root.get("indicators"), list):
        c.fail("indicators", _("nghị quyết phải có ít nhất một chỉ tiêu"))
    for i, raw in enumerate(raw_indicators):
        path = f"indicators[{i}]"
        ind = c.obj(raw, path)
        if ind is None:
            continue
        number = c.integer(ind, "number", path, low=1, high=10_000)
        if number is not None:
            if number in numbers:
                c.fail(f"{path}.number", _("số thứ tự chỉ tiêu %(n)d bị trùng") % {"n": number})
            numbers.add(number)
        group = ind.get("group")
        # Only when every group parsed: a broken group is reported once, not per indicator.
        if group is not None and group not in codes and groups_ok:
            c.fail(f"{path}.group", _("nhóm %(g)s không có trong “groups”") % {"g": _repr(group)})
        targets = [
            _validate_target(c, t, f"{path}.targets[{j}]", te)
            for j, t in enumerate(c.lst(ind.get("targets"), f"{path}.targets",
                                        limit=MAX_TARGETS_PER_INDICATOR))
        ]
        indicators.append({
            "number": number,
            "group": group,
            "text": c.text(ind, "text", path, limit=MAX_TEXT),
            "targets": [t for t in targets if t is not None],
        })

    def numbered(key: str) -> list[dict[str, Any]]:
        out = []
        for i, raw in enumerate(c.lst(root.get(key, []), key, limit=100)):
            item = c.obj(raw, f"{key}[{i}]")
            if item is None:
                continue
            out.append({
                "number": c.integer(item, "number", f"{key}[{i}]", low=1, high=1000),
                "title": c.text(item, "title", f"{key}[{i}]", limit=MAX_TEXT),
            })
        return out

    breakthroughs = numbered("breakthroughs")
    tasks = numbered("tasks")
    notes = root.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        c.fail("notes", _("phải là danh sách các chuỗi ký tự"))
        notes = []
    if c.errors:
        raise RegistryError(c.errors)
    return {
        "format": FORMAT,
        "resolution": resolution,
        "declared_indicator_count": declared,
        "groups": groups,
        "indicators": indicators,
        "breakthroughs": breakthroughs,
        "tasks": tasks,
        "notes": notes,
    }


def _validate_target(c: _Checker, raw: Any, path: str, term_end: int | None) -> dict[str, Any] | None:
    t = c.obj(raw, path)
    if t is None:
        return None
    before = len(c.errors)
    kind = c.choice(t, "kind", path, KINDS)
    comparator = c.choice(t, "comparator", path, COMPARATORS)
    value = c.number(t, "value", path, required=True)
    upper = c.number(t, "upper", path, required=False)
    if comparator == "between":
        if upper is None:
            c.fail(f"{path}.upper", _("bắt buộc khi so sánh là “between” (từ ... đến ...)"))
        elif value is not None and upper < value:
            c.fail(f"{path}.upper", _("phải lớn hơn hoặc bằng “value”"))
    elif upper is not None and comparator is not None:
        c.fail(f"{path}.upper", _("chỉ dùng khi so sánh là “between”"))
    denominator = c.number(t, "denominator", path, required=False)
    if denominator is not None and denominator <= 0:
        c.fail(f"{path}.denominator", _("phải lớn hơn 0"))
    unit = c.text(t, "unit", path, required=False, limit=50)
    year = c.integer(t, "year", path, required=term_end is None, low=1945, high=2200)
    data = t.get("data")
    if data is not None:
        data = _validate_target_data(c, data, f"{path}.data")
    if len(c.errors) > before:
        return None
    return {
        "label": c.text(t, "label", path, required=False, limit=1000) or "",
        "kind": kind,
        "comparator": comparator,
        "value": value,
        "upper": upper,
        "unit": unit or "",
        "denominator": denominator,
        "year": year if year is not None else term_end,
        "each_year": c.boolean(t, "each_year", path),
        "data": data,
    }


def _validate_target_data(c: _Checker, raw: Any, path: str) -> dict[str, Any] | None:
    """nghiquyet's extension: how the figure is kept (optional, inferred when absent)."""
    d = c.obj(raw, path)
    if d is None:
        return None
    return {
        "series": c.text(d, "series", path, required=False, limit=50),
        "value_type": c.choice(d, "value_type", path, VALUE_TYPES, required=False),
        "reporting_unit_type": c.text(d, "reporting_unit_type", path, required=False, limit=30),
        "aggregation": c.choice(d, "aggregation", path, AGGREGATIONS, required=False),
        "subyear_aggregation": c.choice(d, "subyear_aggregation", path, ("sum", "last"),
                                        required=False),
    }


def _norm(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value)).normalize()
    return value


def target_key(target: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_norm(target.get(field)) for field in COMPARED_TARGET_FIELDS)


def compare_registries(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Differences on the compared fields (registry-format.md), as readable lines."""
    diffs: list[str] = []
    exp = {i["number"]: i for i in expected.get("indicators", [])}
    act = {i["number"]: i for i in actual.get("indicators", [])}
    for number in sorted(set(exp) | set(act)):
        if number not in act:
            diffs.append(f"indicator {number}: missing")
            continue
        if number not in exp:
            diffs.append(f"indicator {number}: unexpected")
            continue
        if exp[number].get("group") != act[number].get("group"):
            diffs.append(f"indicator {number}: group {exp[number].get('group')!r} != "
                         f"{act[number].get('group')!r}")
        et, at = exp[number].get("targets", []), act[number].get("targets", [])
        if len(et) != len(at):
            diffs.append(f"indicator {number}: {len(et)} targets expected, {len(at)} found")
        for k, (e, a) in enumerate(zip(et, at, strict=False)):
            for field in COMPARED_TARGET_FIELDS:
                if _norm(e.get(field)) != _norm(a.get(field)):
                    diffs.append(f"indicator {number} target {k}: {field} "
                                 f"{e.get(field)!r} != {a.get(field)!r}")
    return diffs


def to_json_number(value: Decimal | int | float | None) -> int | float | None:
    """Registry numbers are plain JSON numbers: 49305, 71.4."""
    if value is None:
        return None
    dec = Decimal(str(value)).normalize()
    if dec == dec.to_integral_value():
        return int(dec)
    return float(dec)


# --- the one registry-file loader (web form, API, CLI) -------------------------------

MAX_REGISTRY_DEPTH = 16  # a registry nests six levels; anything deeper is not one


def load_registry_file(data: bytes, name: str, *, max_bytes: int) -> Any:
    """The JSON document of an uploaded or given registry file, before validation.

    Refuses, with a Vietnamese message naming the file (``RegistryFileError``), a file over
    ``max_bytes``, nested too deep, not UTF-8, not JSON, or holding NaN, Infinity or NUL."""
    from nghiquyet.lib.safejson import JsonRefused, loads

    if not data:
        raise RegistryFileError(_("Tệp %(file)s rỗng.") % {"file": name})
    try:
        return loads(data, max_bytes=max_bytes, max_depth=MAX_REGISTRY_DEPTH, name=name)
    except JsonRefused as exc:
        raise RegistryFileError(str(exc)) from exc


class RegistryFileError(ValueError):
    """A registry file that cannot be read; ``str(exc)`` is the Vietnamese message."""
