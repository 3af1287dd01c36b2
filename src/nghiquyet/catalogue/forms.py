from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.catalogue.models import MappingMethod, Theme
from nghiquyet.catalogue.selectors import MappingReview, MappingRow
from nghiquyet.catalogue.services import AUTO, NONE


def _choices(review: MappingReview) -> list[Any]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for entry in review.entries:
        grouped.setdefault(str(Theme(entry.theme).label), []).append((entry.code, entry.name))
    return [(AUTO, _("Tự động (theo gợi ý của hệ thống)")),
            (NONE, _("Không thuộc danh mục chung")), *grouped.items()]


def _initial(row: MappingRow) -> str:
    mapping = row.mapping
    if mapping is None or mapping.method == MappingMethod.AUTO:
        return AUTO
    return mapping.indicator.code if mapping.indicator else NONE


def field_name(row: MappingRow) -> str:
    return f"t{row.target.pk}"


class MappingForm(forms.Form):
    """One choice per target of the resolution."""

    def __init__(self, review: MappingReview, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _choices(review)
        for _ind, rows in review.rows:
            for row in rows:
                self.fields[field_name(row)] = forms.ChoiceField(
                    label=row.target.label or _("Mục tiêu"), choices=choices,
                    initial=_initial(row), required=False)

    def choices(self) -> dict[int, str]:
        """Only what the reviewer changed: target id -> choice. A target left out of
        the submission (a partial form, a page saved before a target was added) stays."""
        return {int(name[1:]): self.cleaned_data[name] for name in self.changed_data
                if self.cleaned_data.get(name)}
