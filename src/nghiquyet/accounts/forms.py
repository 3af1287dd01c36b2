from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role
from nghiquyet.orgunits.models import OrgUnit

_ORDER = [Role.LEADER, Role.OFFICER, Role.REPORTER, Role.SUPERVISOR, Role.ADMIN]


def _role_choices(user: Any) -> list[tuple[str, str]]:
    return [(r.value, r.label) for r in _ORDER if r != Role.ADMIN or access.is_system_admin(user)]


class PersonCreateForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    username = forms.RegexField(
        label=_("Tên đăng nhập"), regex=r"^[a-z0-9._-]{3,50}$", max_length=50,
        help_text=_("Chữ thường không dấu, số, dấu chấm; ví dụ: lo.van.binh"),
        error_messages={"invalid": _("Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch "
                                     "(3–50 ký tự).")})
    role = forms.ChoiceField(label=_("Vai trò"))
    unit = forms.ModelChoiceField(label=_("Trên đơn vị"), queryset=OrgUnit.objects.none(),
                                  empty_label=None,
                                  help_text=_("Vai trò có hiệu lực trên đơn vị này và các đơn "
                                              "vị trực thuộc (người báo cáo: chỉ đơn vị này)."))
    email = forms.EmailField(label=_("Thư điện tử (không bắt buộc)"), required=False)

    def __init__(self, *args: Any, user: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(user)
        self.fields["unit"].queryset = units


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"))
    unit = forms.ModelChoiceField(label=_("Trên đơn vị"), queryset=OrgUnit.objects.none(),
                                  empty_label=None)

    def __init__(self, *args: Any, user: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(user)
        self.fields["unit"].queryset = units
