from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import SUBUNIT_TYPES

_TYPES = [(t.value, t.label) for t in SUBUNIT_TYPES]


class SubunitAddForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Trực thuộc"), queryset=OrgUnit.objects.none(),
                                    empty_label=None)
    code = forms.RegexField(label=_("Mã"), regex=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$",
                            help_text=_("Chữ không dấu, số, dấu gạch; ví dụ B01."),
                            error_messages={"invalid": _("Mã chỉ gồm chữ không dấu, số, dấu gạch.")})
    name = forms.CharField(label=_("Tên"), max_length=255)
    type = forms.ChoiceField(label=_("Loại"), choices=_TYPES)

    def __init__(self, *args: Any, parent: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = OrgUnit.objects.subtree(parent).filter(is_active=True).exclude(
            type=OrgUnitType.PROVINCE)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = qs
        field.initial = parent.pk


ACTIONS = [("rename", _("Đổi tên")), ("move", _("Chuyển sang đơn vị cấp trên khác")),
           ("merge", _("Sáp nhập vào đơn vị khác")), ("deactivate", _("Ngừng hoạt động"))]
FIGURES = [("move", _("Chuyển số liệu sang đơn vị mới")),
           ("keep", _("Giữ số liệu ở đơn vị cũ (ghi rõ đã sáp nhập)"))]


class SubunitChangeForm(forms.Form):
    action = forms.ChoiceField(label=_("Việc cần làm"), choices=ACTIONS,
                               widget=forms.RadioSelect)
    name = forms.CharField(label=_("Tên mới"), max_length=255, required=False)
    target = forms.ModelChoiceField(label=_("Đơn vị cấp trên mới / đơn vị sáp nhập vào"),
                                    queryset=OrgUnit.objects.none(), required=False)
    figures = forms.ChoiceField(label=_("Số liệu của đơn vị cũ"), choices=FIGURES,
                                widget=forms.RadioSelect, initial="move", required=False)
    reason = forms.CharField(label=_("Lý do, căn cứ (số quyết định…)"), max_length=500,
                             required=False)

    def __init__(self, *args: Any, unit: OrgUnit, root: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].initial = unit.name
        target = self.fields["target"]
        assert isinstance(target, forms.ModelChoiceField)
        target.queryset = OrgUnit.objects.subtree(root).filter(
            is_active=True).exclude(pk=unit.pk).exclude(type=OrgUnitType.PROVINCE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action == "rename" and not data.get("name"):
            self.add_error("name", _("Hãy nhập tên mới."))
        if action in ("move", "merge") and not data.get("target"):
            self.add_error("target", _("Hãy chọn đơn vị."))
        if action == "merge" and not data.get("figures"):
            self.add_error("figures", _("Hãy chọn cách xử lý số liệu."))
        return data
