from __future__ import annotations

from typing import Any

from django import forms
from django.utils.choices import flatten_choices
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


class CatalogueSelect(forms.Select):
    """A target's choice, written with only the options it needs before JavaScript runs:
    automatic, none, and the entry chosen. ``catalogue/mapping.js`` copies the whole
    catalogue, written once on the page (``MappingForm.option_groups``), into every
    select. 37 targets × 58 entries written in full made the page 250 KB of HTML."""

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None
                  ) -> list[Any]:
        keep = {AUTO, NONE, *(str(v) for v in value)}
        full = self.choices
        try:
            flat: list[tuple[str, Any]] = list(flatten_choices(full))
            self.choices = [(code, label) for code, label in flat if code in keep]
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = full


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
        # The whole list, once on the page: (group label or "", its options).
        self.option_groups = [("", choices[:2])] + [(str(g), o) for g, o in choices[2:]]
        for _ind, rows in review.rows:
            for row in rows:
                self.fields[field_name(row)] = forms.ChoiceField(
                    label=row.target.label or _("Mục tiêu"), choices=choices,
                    initial=_initial(row), required=False,
                    widget=CatalogueSelect(attrs={"data-catalogue": ""}))

    def choices(self) -> dict[int, str]:
        """Only what the reviewer changed: target id -> choice. A target left out of
        the submission (a partial form, a page saved before a target was added) stays."""
        return {int(name[1:]): self.cleaned_data[name] for name in self.changed_data
                if self.cleaned_data.get(name)}
