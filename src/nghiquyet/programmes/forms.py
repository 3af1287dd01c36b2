from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.lib.vnformat import format_date
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.selectors import anchor_choices
from nghiquyet.resolutions.models import Resolution

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Tên chương trình"), max_length=1000,
                            initial=_("Chương trình hành động thực hiện Nghị quyết"))
    number = forms.CharField(label=_("Số hiệu"), max_length=100, required=False,
                             help_text=_("Ví dụ: 05-CTr/ĐU"))
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=DATE_INPUT)


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return "— " * max(obj.depth - 1, 0) + obj.name


class ItemForm(forms.Form):
    number = forms.CharField(label=_("Số thứ tự"), max_length=20, required=False)
    content = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3}))
    anchor = forms.ChoiceField(label=_("Thực hiện"), required=False)
    lead_unit = UnitChoiceField(label=_("Cơ quan chủ trì"), queryset=OrgUnit.objects.none())
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"), queryset=OrgUnit.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}))
    coordinating_text = forms.CharField(label=_("Phối hợp khác"), max_length=1000, required=False)
    when_text = forms.CharField(
        label=_("Thời gian hoàn thành"), max_length=200,
        help_text=_("Như “Quý II/2026”, “Tháng 6/2027”, “Năm 2026”, “2026-2030”, "
                    "“Hằng năm, quý IV” hoặc “30/6/2026”."))
    product = forms.CharField(label=_("Sản phẩm"), widget=forms.Textarea(attrs={"rows": 2}),
                              required=False)
    responsible = forms.ModelChoiceField(label=_("Người phụ trách"), required=False,
                                         queryset=get_user_model().objects.none())
    milestones = forms.CharField(
        label=_("Mốc tiến độ"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một mốc: ngày, dấu hai chấm, nội dung. "
                    "Ví dụ: 30/6/2026: Hoàn thành khảo sát"))

    def __init__(self, resolution: Resolution, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resolution = resolution
        units = OrgUnit.objects.subtree(resolution.issuer).order_by("path")
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = units
        cast(forms.ModelMultipleChoiceField, self.fields["coordinating_units"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["responsible"]).queryset = (
            get_user_model().objects.filter(
                is_active=True, role_assignments__orgunit__path__startswith=resolution.issuer.path)
            .distinct().order_by("first_name", "username"))
        cast(forms.ChoiceField, self.fields["anchor"]).choices = [
            ("", _("— Không gắn —")), *anchor_choices(resolution)]

    def clean_when_text(self) -> whenmod.When:
        text = self.cleaned_data["when_text"]
        try:
            return whenmod.parse_when(text, first_year=max(timezone.localdate().year,
                                                           self.resolution.term_start + 1),
                                      last_year=self.resolution.term_end)
        except whenmod.WhenError as exc:
            raise forms.ValidationError(str(exc)) from exc


    def clean_milestones(self) -> list[tuple[str, dt.date]]:
        out: list[tuple[str, dt.date]] = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), 1):
            if not line.strip():
                continue
            day, sep, title = line.partition(":")
            try:
                when = whenmod.parse_when(day, first_year=2000, last_year=2100)
            except whenmod.WhenError:
                when = None
            if not sep or not title.strip() or when is None or when.start is not None:
                raise forms.ValidationError(
                    _("Dòng %(n)d: viết “ngày: nội dung”, ví dụ “30/6/2026: Hoàn thành khảo sát”.")
                    % {"n": number})
            out.append((title.strip()[:500], when.due))
        return out


class ProgressForm(forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=DATE_INPUT)
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100,
                                 widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    text = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()

    def clean_on(self) -> dt.date:
        on: dt.date = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(_("Ngày cập nhật không được sau hôm nay (%(today)s).")
                                        % {"today": format_date(timezone.localdate())})
        return on

    def evidence_limit_mb(self) -> int:
        from nghiquyet.figures.forms import EVIDENCE_MAX_BYTES

        limit = min(getattr(settings, "NGHIQUYET_EVIDENCE_MAX_BYTES", EVIDENCE_MAX_BYTES),
                    settings.NGHIQUYET_MAX_UPLOAD_BYTES)
        return int(limit // (1024 * 1024))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp chương trình (.docx hoặc .xlsx)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith((".docx", ".xlsx")):
            raise forms.ValidationError(_("Tệp %(file)s phải là .docx hoặc .xlsx."),
                                        params={"file": name})
        limit = settings.NGHIQUYET_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(_("Tệp %(file)s lớn quá giới hạn %(limit)d MB."),
                                        params={"file": name, "limit": limit // (1024 * 1024)})
        return upload

