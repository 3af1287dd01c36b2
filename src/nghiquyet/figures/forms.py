from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nghiquyet.figures.validation import NOTE_MAX_CHARS
from nghiquyet.web.fields import VietnameseNumberField

EVIDENCE_TYPES = {".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls"}
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024


class ValueEntryForm(forms.Form):
    series = forms.IntegerField(widget=forms.HiddenInput)
    unit = forms.CharField(widget=forms.HiddenInput)
    period = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    value = VietnameseNumberField(required=False, label=_("Giá trị"))
    numerator = VietnameseNumberField(required=False, label=_("Tử số"))
    denominator = VietnameseNumberField(required=False, label=_("Mẫu số"))
    is_estimate = forms.BooleanField(required=False, label=_("Ước thực hiện"))
    note = forms.CharField(required=False, max_length=NOTE_MAX_CHARS, label=_("Nguồn, ghi chú"))
    evidence = forms.FileField(required=False, label=_("Minh chứng"))

    def clean_evidence(self) -> Any:
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        name = upload.name or ""
        suffix = name[name.rfind("."):].lower() if "." in name else ""
        if suffix not in EVIDENCE_TYPES:
            raise forms.ValidationError(
                _("Tệp %(file)s: chỉ nhận PDF, ảnh JPG/PNG, Word hoặc Excel."), params={"file": name})
        limit = getattr(settings, "NGHIQUYET_EVIDENCE_MAX_BYTES", EVIDENCE_MAX_BYTES)
        if upload.size > limit:
            raise forms.ValidationError(_("Tệp %(file)s lớn quá %(mb)d MB."),
                                        params={"file": name, "mb": limit // (1024 * 1024)})
        return upload


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=2000, label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
