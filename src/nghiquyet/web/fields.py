"""Form fields shared by every page where a person types a figure."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.lib.vnformat import parse_number


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way: 49.305 or 71,4 (plain 1234 too)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # CharField's returns str; this field's value is a number
        text = super().to_python(value)
        if text in (None, ""):
            return None
        try:
            return parse_number(text)
        except ValueError as exc:
            raise forms.ValidationError(
                _("“%(text)s” không phải số. Viết kiểu Việt Nam: 49.305 (dấu chấm ngăn nghìn), "
                  "71,4 (dấu phẩy thập phân)."), params={"text": text}
            ) from exc
