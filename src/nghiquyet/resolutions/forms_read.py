"""Forms for reading a resolution from a file: the upload, and the review of what was read.

The review form is one structured form over the whole registry. Its fields are
named after the registry's own paths (``indicators[3].targets[0].value`` is
``ind-3-t-0-value``), so an error the validator reports by path lands next to
the field it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.lib.registry import FORMAT, FieldError, to_json_number
from nghiquyet.lib.vnformat import format_number, parse_number
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.resolutions.import_drafts import (
    ALLOWED_SUFFIXES,
    EDITS,
    LAYOUT_CODE,
    Edit,
    check_upload,
    read_upload,
)
from nghiquyet.resolutions.models import Comparator, TargetKind
from nghiquyet.textimport import ReadError
from nghiquyet.textimport.cli import UsageError, parse_term
from nghiquyet.web.fields import VietnameseNumberField

# --- upload ---------------------------------------------------------------------------


class ReadUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Văn bản nghị quyết (.txt, .docx hoặc .pdf)"),
        allow_empty_file=True,  # the reader's own message names the empty file
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )
    orgunit = forms.ModelChoiceField(
        label=_("Đơn vị ban hành"), queryset=OrgUnit.objects.none(), required=False,
        help_text=_("Cấp ủy ban hành nghị quyết. Quản trị hệ thống có thể để trống: hệ thống "
                    "tìm theo tên ghi trong văn bản."),
    )

    term = forms.CharField(
        label=_("Nhiệm kỳ (nếu văn bản không ghi)"), required=False, max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "2025-2030", "inputmode": "numeric"}),
        help_text=_("Chỉ dùng khi văn bản (bản trích, phụ lục) không ghi nhiệm kỳ; nếu văn bản "
                    "có ghi thì dùng nhiệm kỳ trong văn bản. Không có nhiệm kỳ thì các mục tiêu "
                    "không ghi năm sẽ để trống thời hạn."),
    )

    def __init__(self, user: Viewer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        orgunit = cast(forms.ModelChoiceField, self.fields["orgunit"])
        orgunit.queryset = access.visible_orgunits(user).filter(
            type__in=[OrgUnitType.PROVINCE, OrgUnitType.COMMUNE]
        ).order_by("path")
        if not access.is_system_admin(user):
            # Only an admin may leave the unit to the names in the text.
            orgunit.required, orgunit.empty_label = True, None
            orgunit.help_text = _("Cấp ủy ban hành nghị quyết, trong phạm vi bạn lãnh đạo.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        try:
            check_upload(name=name, size=upload.size)
            self.cleaned_data["text"] = read_upload(name=name, data=upload.read())
        except ReadError as exc:
            raise forms.ValidationError(exc.message) from exc
        upload.seek(0)
        return upload

    def clean_term(self) -> tuple[int, int] | None:
        text = (self.cleaned_data.get("term") or "").strip()
        if not text:
            return None
        try:
            return parse_term(text)
        except UsageError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not access.can_import_resolution(self.user, cleaned.get("orgunit")):
            raise forms.ValidationError(
                _("Bạn không có quyền nhập nghị quyết cho đơn vị này. Hãy chọn đơn vị ban hành "
                  "thuộc phạm vi bạn lãnh đạo.")
            )
        return cleaned


# --- marking the list by hand ---------------------------------------------------------


class ReparseForm(forms.Form):
    """The reviewer marks where the indicator list starts and ends, by the opening words of
    its first and last lines, when the reader did not find it (or found the wrong one)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    first = forms.CharField(
        label=_("Dòng đầu của danh sách chỉ tiêu bắt đầu bằng"), max_length=200,
        help_text=_("Chép vài chữ đầu của chỉ tiêu thứ nhất, ví dụ “(1) Tổng thu ngân sách”."),
    )
    last = forms.CharField(
        label=_("Dòng cuối của danh sách chỉ tiêu bắt đầu bằng"), max_length=200,
        help_text=_("Chép vài chữ đầu của dòng cuối cùng thuộc danh sách."),
    )


# --- review ---------------------------------------------------------------------------


def vn_plain(value: Any) -> str:
    """A number for an input box, the Vietnamese way and without rounding: 49.305; 0,125."""
    if value is None or value == "":
        return ""
    dec = Decimal(str(value)).normalize()
    places = max(0, -int(dec.as_tuple().exponent))
    return format_number(dec, places)


def _int_field(**attrs: Any) -> forms.IntegerField:
    return forms.IntegerField(required=False, widget=forms.NumberInput(attrs=attrs))


def _text(limit: int, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(required=False, max_length=limit, widget=widget)


_KINDS = [("", "—"), *TargetKind.choices]
_COMPARATORS = [("", "—"), *Comparator.choices]
TARGET_FIELDS = ("label", "kind", "comparator", "value", "upper", "unit", "denominator", "year",
                 "each_year")
NUMBER_FIELDS = ("value", "upper", "denominator")
RESOLUTION_FIELDS = ("title", "issuer", "level", "province", "term_start", "term_end")


def res_name(key: str) -> str:
    return f"res-{key}"


def grp_name(k: int, key: str) -> str:
    return f"grp-{k}-{key}"


def ind_name(i: int, key: str) -> str:
    return f"ind-{i}-{key}"


def tgt_name(i: int, j: int, key: str) -> str:
    return f"ind-{i}-t-{j}-{key}"


def item_name(kind: str, k: int, key: str) -> str:
    return f"{kind}-{k}-{key}"


_ITEM_LISTS = {"bt": "breakthroughs", "task": "tasks"}


def _target_fields(i: int, j: int) -> dict[str, forms.Field]:
    return {
        tgt_name(i, j, "label"): _text(1000, rows=1),
        tgt_name(i, j, "kind"): forms.ChoiceField(choices=_KINDS, required=False),
        tgt_name(i, j, "comparator"): forms.ChoiceField(choices=_COMPARATORS, required=False),
        tgt_name(i, j, "value"): VietnameseNumberField(required=False),
        tgt_name(i, j, "upper"): VietnameseNumberField(required=False),
        tgt_name(i, j, "unit"): _text(50),
        tgt_name(i, j, "denominator"): VietnameseNumberField(required=False),
        tgt_name(i, j, "year"): _int_field(min=1945, max=2200),
        tgt_name(i, j, "each_year"): forms.BooleanField(required=False),
    }


class ReviewForm(forms.Form):
    """The whole registry of a draft. ``shape`` (the draft's registry) fixes which
    items exist; adding and removing items are separate edits, so the indices of the
    posted fields are always those of the stored registry."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.CharField(required=False)
    declared_indicator_count = _int_field(min=0)

    def __init__(self, *args: Any, shape: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shape = shape
        self.block_errors: dict[str, list[str]] = {}
        self.fields.update(self._build_fields())

    @classmethod
    def for_registry(cls, registry: dict[str, Any], version: int) -> ReviewForm:
        """A bound form showing ``registry``, so registry errors can be attached to it."""
        form = cls(flatten(registry, version), shape=registry)
        form.is_valid()
        return form

    def _build_fields(self) -> dict[str, forms.Field]:
        fields: dict[str, forms.Field] = {
            res_name("title"): _text(1000, rows=2),
            res_name("issuer"): _text(255),
            res_name("level"): _text(50),
            res_name("province"): _text(255),
            res_name("term_start"): _int_field(min=1945, max=2200),
            res_name("term_end"): _int_field(min=1945, max=2200),
        }
        groups = self.shape.get("groups") or []
        for k in range(len(groups)):
            fields[grp_name(k, "code")] = _text(20)
            fields[grp_name(k, "title")] = _text(500)
            fields[grp_name(k, "declared_count")] = _int_field(min=0)
        group_choices = [("", "—")] + [
            (str(k), f"{g.get('code') or '?'}) {(g.get('title') or '')[:40]}")
            for k, g in enumerate(groups)
        ]
        for i, ind in enumerate(self.shape.get("indicators") or []):
            fields[ind_name(i, "number")] = _int_field(min=1)
            fields[ind_name(i, "group")] = forms.ChoiceField(choices=group_choices,
                                                            required=False)
            fields[ind_name(i, "text")] = _text(20_000, rows=4)
            for j in range(len(ind.get("targets") or [])):
                fields.update(_target_fields(i, j))
        for kind, key in _ITEM_LISTS.items():
            for k in range(len(self.shape.get(key) or [])):
                fields[item_name(kind, k, "number")] = _int_field(min=1)
                fields[item_name(kind, k, "title")] = _text(20_000, rows=2)
        return fields

    # -- what was posted --------------------------------------------------------------

    def edit(self) -> Edit | None:
        """The add/remove button pressed, if any: ``remove_target:3:1``."""
        name, *rest = (self.cleaned_data.get("action") or "").split(":")
        if name not in EDITS or not all(p.isdigit() for p in rest):
            return None
        return Edit(name, tuple(int(p) for p in rest))

    def to_registry(self) -> dict[str, Any]:
        data = self.cleaned_data
        groups = [
            {"code": data[grp_name(k, "code")], "title": data[grp_name(k, "title")],
             "declared_count": data[grp_name(k, "declared_count")]}
            for k in range(len(self.shape.get("groups") or []))
        ]
        doc = {
            "format": FORMAT,
            "resolution": {key: data[res_name(key)] for key in RESOLUTION_FIELDS},
            "declared_indicator_count": data["declared_indicator_count"],
            "groups": groups,
            "indicators": [self._indicator(i, groups, ind)
                           for i, ind in enumerate(self.shape.get("indicators") or [])],
            **{key: [{"number": data[item_name(kind, k, "number")],
                      "title": data[item_name(kind, k, "title")]}
                     for k in range(len(self.shape.get(key) or []))]
               for kind, key in _ITEM_LISTS.items()},
        }
        if "notes" in self.shape:
            doc["notes"] = self.shape["notes"]
        return doc

    def _indicator(self, i: int, groups: list[dict[str, Any]], shape: dict[str, Any]
                   ) -> dict[str, Any]:
        data = self.cleaned_data
        group = data[ind_name(i, "group")]
        return {
            "number": data[ind_name(i, "number")],
            # The select posts a group's position, so renaming a group's code keeps it.
            "group": groups[int(group)]["code"] if group else None,
            "text": data[ind_name(i, "text")],
            "targets": [self._target(i, j, t) for j, t in enumerate(shape.get("targets") or [])],
        }

    def _target(self, i: int, j: int, shape: dict[str, Any]) -> dict[str, Any]:
        data = self.cleaned_data
        target: dict[str, Any] = {}
        for key in TARGET_FIELDS:
            value = data[tgt_name(i, j, key)]
            if key in NUMBER_FIELDS:
                value = to_json_number(value)
            elif key in ("kind", "comparator"):
                value = value or None
            target[key] = value
        if shape.get("data") is not None:
            target["data"] = shape["data"]  # how the figure is kept: not edited here
        return target

    # -- errors from the registry validator ---------------------------------------

    def attach_registry_errors(self, errors: list[FieldError]) -> None:
        for error in errors:
            name = field_for_path(error.path)
            if name in self.fields:
                self.add_error(name, self._message(name, error.message))
            elif (block := _block_for(name)) is not None:
                self.block_errors.setdefault(block, []).append(error.message)
            else:
                where = _LIST_LABELS.get(error.path, error.path)
                self.add_error(None, f"{where}: {error.message}")

    def _message(self, name: str, message: str) -> str:
        # "giá trị None không hợp lệ" says nothing to a reviewer who left a list empty.
        if isinstance(self.fields[name], forms.ChoiceField) and not self.data.get(name):
            return str(_("Chưa chọn."))
        return message


_LIST_LABELS = {
    "indicators": _("Chỉ tiêu"), "groups": _("Nhóm chỉ tiêu"), "breakthroughs": _("Khâu đột phá"),
    "tasks": _("Nhiệm vụ chủ yếu"), "notes": _("Ghi chú"),
}


def field_for_path(path: str) -> str:
    """``indicators[3].targets[0].comparator`` -> ``ind-3-t-0-comparator``."""
    name = re.sub(r"^resolution\.", "res-", path)
    name = re.sub(r"^indicators\[(\d+)\]", r"ind-\1", name)
    name = re.sub(r"\.targets\[(\d+)\]", r"-t-\1", name)
    name = re.sub(r"^groups\[(\d+)\]", r"grp-\1", name)
    name = re.sub(r"^breakthroughs\[(\d+)\]", r"bt-\1", name)
    name = re.sub(r"^tasks\[(\d+)\]", r"task-\1", name)
    return name.replace(".", "-")


def _block_for(name: str) -> str | None:
    """The item an error about no single field belongs to (``ind-3-targets`` -> ``ind-3``)."""
    match = re.match(r"^(ind-\d+-t-\d+|ind-\d+|grp-\d+|bt-\d+|task-\d+)", name)
    return match.group(1) if match else None


def flatten(registry: dict[str, Any], version: int) -> dict[str, Any]:
    """The registry as the review form posts it."""
    data: dict[str, Any] = {"version": str(version), "action": "",
                            "declared_indicator_count": _str(registry.get(
                                "declared_indicator_count"))}
    meta = registry.get("resolution") or {}
    for key in RESOLUTION_FIELDS:
        data[res_name(key)] = _str(meta.get(key))
    groups = registry.get("groups") or []
    for k, g in enumerate(groups):
        for key in ("code", "title", "declared_count"):
            data[grp_name(k, key)] = _str(g.get(key))
    positions = {g.get("code"): str(k) for k, g in enumerate(groups)}
    for i, ind in enumerate(registry.get("indicators") or []):
        data[ind_name(i, "number")] = _str(ind.get("number"))
        data[ind_name(i, "group")] = positions.get(ind.get("group"), "")
        data[ind_name(i, "text")] = _str(ind.get("text"))
        for j, t in enumerate(ind.get("targets") or []):
            for key in TARGET_FIELDS:
                value = t.get(key)
                if key == "each_year":
                    if value:
                        data[tgt_name(i, j, key)] = "on"
                elif key in NUMBER_FIELDS:
                    data[tgt_name(i, j, key)] = vn_plain(value)
                else:
                    data[tgt_name(i, j, key)] = _str(value)
    for kind, key in _ITEM_LISTS.items():
        for k, item in enumerate(registry.get(key) or []):
            data[item_name(kind, k, "number")] = _str(item.get("number"))
            data[item_name(kind, k, "title")] = _str(item.get("title"))
    return data


def _str(value: Any) -> str:
    return "" if value is None else str(value)


# --- what the template walks over ---------------------------------------------------


@dataclass
class TargetRow:
    index: int
    fields: dict[str, forms.BoundField]
    current: dict[str, Any]  # the target as posted, for the "≥ 49.305 tấn" preview
    errors: list[str] = field(default_factory=list)

    @property
    def has_error(self) -> bool:
        return bool(self.errors) or any(f.errors for f in self.fields.values())


@dataclass
class IndicatorRow:
    index: int
    number: forms.BoundField
    group: forms.BoundField
    text: forms.BoundField
    targets: list[TargetRow]
    warnings: list[dict[str, Any]]
    errors: list[str]

    @property
    def has_error(self) -> bool:
        own = self.errors or self.number.errors or self.group.errors or self.text.errors
        return bool(own) or any(t.has_error for t in self.targets)


@dataclass
class ItemRow:
    index: int
    fields: dict[str, forms.BoundField]
    errors: list[str]

    @property
    def has_error(self) -> bool:
        return bool(self.errors) or any(f.errors for f in self.fields.values())


@dataclass
class ReviewLayout:
    resolution: dict[str, forms.BoundField]
    declared: forms.BoundField
    groups: list[ItemRow]
    indicators: list[IndicatorRow]
    breakthroughs: list[ItemRow]
    tasks: list[ItemRow]
    general_warnings: list[dict[str, Any]]
    orphan_warnings: list[dict[str, Any]]  # about an indicator number no longer present
    target_count: int
    recognised_layout: str = ""  # "Danh sách chỉ tiêu được đọc theo dạng: bảng ..."

    @property
    def has_warnings(self) -> bool:
        return bool(self.general_warnings or self.orphan_warnings
                    or any(row.warnings for row in self.indicators))

    @property
    def first_error(self) -> str:
        """The id of the first part of the page with an error, in page order."""
        if any(f.errors for f in [*self.resolution.values(), self.declared]):
            return "resolution"
        parts = [(f"grp-{r.index}", r.has_error) for r in self.groups]
        parts += [(f"ind-{r.index}", r.has_error) for r in self.indicators]
        parts += [(f"bt-{r.index}", r.has_error) for r in self.breakthroughs]
        parts += [(f"task-{r.index}", r.has_error) for r in self.tasks]
        return next((anchor for anchor, bad in parts if bad), "")


def review_layout(form: ReviewForm, warnings: list[dict[str, Any]]) -> ReviewLayout:
    """Bound fields grouped the way the page shows them: each indicator's source text
    beside its targets, with the warnings about it."""
    shape = form.shape
    recognised = next((w.get("message") or "" for w in warnings if w.get("code") == LAYOUT_CODE),
                      "")
    warnings = [w for w in warnings if w.get("code") != LAYOUT_CODE]
    by_number: dict[int, list[dict[str, Any]]] = {}
    for w in warnings:
        if w.get("indicator") is not None:
            by_number.setdefault(w["indicator"], []).append(w)
    indicators = [_indicator_row(form, i, ind, by_number)
                  for i, ind in enumerate(shape.get("indicators") or [])]
    shown = {_as_int(form[ind_name(i, "number")].value())
             for i in range(len(indicators))}
    return ReviewLayout(
        resolution={key: form[res_name(key)] for key in RESOLUTION_FIELDS},
        declared=form["declared_indicator_count"],
        groups=[_item_row(form, "grp", k, ("code", "title", "declared_count"))
                for k in range(len(shape.get("groups") or []))],
        indicators=indicators,
        breakthroughs=[_item_row(form, "bt", k, ("number", "title"))
                       for k in range(len(shape.get("breakthroughs") or []))],
        tasks=[_item_row(form, "task", k, ("number", "title"))
               for k in range(len(shape.get("tasks") or []))],
        general_warnings=[w for w in warnings if w.get("indicator") is None],
        orphan_warnings=[w for w in warnings
                         if w.get("indicator") is not None and w["indicator"] not in shown],
        target_count=sum(len(row.targets) for row in indicators),
        recognised_layout=recognised,
    )


def _indicator_row(form: ReviewForm, i: int, shape: dict[str, Any],
                   by_number: dict[int, list[dict[str, Any]]]) -> IndicatorRow:
    number = form[ind_name(i, "number")]
    targets = [_target_row(form, i, j) for j in range(len(shape.get("targets") or []))]
    return IndicatorRow(
        index=i, number=number, group=form[ind_name(i, "group")], text=form[ind_name(i, "text")],
        targets=targets, warnings=by_number.get(_as_int(number.value()) or -1, []),
        errors=form.block_errors.get(f"ind-{i}", []),
    )


def _target_row(form: ReviewForm, i: int, j: int) -> TargetRow:
    fields = {key: form[tgt_name(i, j, key)] for key in TARGET_FIELDS}
    current: dict[str, Any] = {}
    for key, bound in fields.items():
        value = bound.value()
        if key in NUMBER_FIELDS:
            value = _as_number(value)
        elif key == "year":
            value = _as_int(value)
        current[key] = value
    return TargetRow(index=j, fields=fields, current=current,
                     errors=form.block_errors.get(f"ind-{i}-t-{j}", []))


def _item_row(form: ReviewForm, kind: str, k: int, keys: tuple[str, ...]) -> ItemRow:
    return ItemRow(index=k, fields={key: form[item_name(kind, k, key)] for key in keys},
                   errors=form.block_errors.get(f"{kind}-{k}", []))


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _as_number(value: Any) -> Decimal | None:
    try:
        return parse_number(str(value)) if value not in (None, "") else None
    except ValueError:
        return None
