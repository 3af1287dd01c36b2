from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents import pdf_available
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution

from .report_periods import period_choices
from .services import ReportFormat

APPROVED, ALL = "approved", "all"


def default_period(resolution: Resolution, today: dt.date | None = None) -> str:
    """This year's report, or the term's nearest year when today is outside it."""
    year = (today or timezone.localdate()).year
    return str(min(max(year, resolution.term_start + 1), resolution.term_end))


class ReportForm(forms.Form):
    orgunit = forms.ChoiceField(label=_("Đơn vị"))
    period = forms.ChoiceField(
        label=_("Kỳ báo cáo"),
        help_text=_("Sơ kết 6 tháng, báo cáo năm, sơ kết giữa nhiệm kỳ hoặc tổng kết nhiệm kỳ."),
    )
    figures = forms.ChoiceField(
        label=_("Số liệu dùng"), initial=APPROVED, widget=forms.RadioSelect,
        choices=[(APPROVED, _("Chỉ số liệu đã được phê duyệt")),
                 (ALL, _("Tất cả số liệu, kể cả đang nhập và chờ duyệt"))],
    )
    format = forms.ChoiceField(
        label=_("Định dạng"), initial=ReportFormat.DOCX.value, widget=forms.RadioSelect,
    )
    report_date = forms.DateField(
        label=_("Ngày báo cáo"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    number = forms.CharField(
        label=_("Số văn bản"), required=False, max_length=20,
        help_text=_("Để trống thì báo cáo chừa chỗ trước “-BC/...” để điền số bằng tay."),
    )
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=120)
    confirm_forecast = forms.BooleanField(
        label=_("Tôi hiểu: lập báo cáo với số liệu ước thực hiện, mức đánh giá là dự báo"),
        required=False,
    )

    def __init__(self, resolution: Resolution, units: list[OrgUnit], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {u.code: u for u in units}
        issuer = next((u for u in units if u.pk == resolution.issuer_id), units[0])
        orgunit, period, fmt = (cast(forms.ChoiceField, self.fields[k])
                                for k in ("orgunit", "period", "format"))
        orgunit.choices = [(u.code, _unit_label(u, issuer)) for u in units]
        orgunit.initial = issuer.code
        period.choices = [
            (p.code, p.label[:1].upper() + p.label[1:])
            for p in period_choices(resolution.term_start, resolution.term_end)]
        self.fields["period"].initial = default_period(resolution)
        fmt.choices = _format_choices()
        self.fields["report_date"].initial = timezone.localdate()

    def build_options(self) -> dict[str, Any]:
        """The keyword arguments of ``report_build`` (besides actor and resolution)."""
        data = self.cleaned_data
        return {
            "unit": self.units[data["orgunit"]], "period": data["period"],
            "fmt": data["format"], "approved_only": data["figures"] == APPROVED,
            "report_date": data["report_date"], "number": data["number"],
            "signer_name": data["signer_name"],
        }


def _unit_label(unit: OrgUnit, issuer: OrgUnit) -> str:
    # Indent by depth below the issuer so the tree shows in a plain <select>.
    depth = max(unit.depth - issuer.depth, 0)
    return "\u00a0\u00a0" * depth + unit.name


def _format_choices() -> list[tuple[str, str]]:
    choices = [(f.value, f.display_name) for f in ReportFormat]
    if not pdf_available():
        choices = [(v, t) for v, t in choices if v != ReportFormat.PDF]
    return choices
