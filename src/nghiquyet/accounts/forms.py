from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role
from nghiquyet.accounts.types import Viewer
from nghiquyet.orgunits.models import OrgUnit

_ORDER = [Role.LEADER, Role.OFFICER, Role.REPORTER, Role.SUPERVISOR, Role.ADMIN]


def _role_choices(user: Viewer) -> list[tuple[str, str]]:
    return [(r.value, str(r.label)) for r in _ORDER
            if r != Role.ADMIN or access.is_system_admin(user)]


class _RoleUnitForm(forms.Form):
    def _role_field(self) -> forms.ChoiceField:
        field = self.fields["role"]
        assert isinstance(field, forms.ChoiceField)
        return field

    def _unit_field(self) -> forms.ModelChoiceField[OrgUnit]:
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        return field


class PersonCreateForm(_RoleUnitForm):
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

    def __init__(self, *args: Any, user: Viewer, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._role_field().choices = _role_choices(user)
        self._unit_field().queryset = units


class RoleGrantForm(_RoleUnitForm):
    role = forms.ChoiceField(label=_("Vai trò"))
    unit = forms.ModelChoiceField(label=_("Trên đơn vị"), queryset=OrgUnit.objects.none(),
                                  empty_label=None)

    def __init__(self, *args: Any, user: Viewer, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._role_field().choices = _role_choices(user)
        self._unit_field().queryset = units
