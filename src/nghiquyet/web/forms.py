from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.lib.registry import RegistryFileError, load_registry_file
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType


class RegistryUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp danh mục chỉ tiêu (JSON nghiquyet.registry/1)"))
    orgunit = forms.ModelChoiceField(
        label=_("Đơn vị ban hành"), queryset=OrgUnit.objects.none(), required=False,
        help_text=_("Để trống: tìm theo tên cấp ủy và tỉnh ghi trong tệp."),
    )
    new_version = forms.BooleanField(
        label=_("Lưu thành phiên bản mới nếu nghị quyết đã có"), required=False)

    def __init__(self, user: Viewer, *args: Any, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.max_bytes = max_bytes
        orgunit = cast(forms.ModelChoiceField, self.fields["orgunit"])
        orgunit.queryset = access.visible_orgunits(user).filter(
            type__in=[OrgUnitType.PROVINCE, OrgUnitType.COMMUNE]
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith(".json"):
            raise forms.ValidationError(_("Tệp %(file)s phải có đuôi .json."), params={"file": name})
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("Tệp %(file)s lớn quá giới hạn %(limit)d MB."),
                params={"file": name, "limit": self.max_bytes // (1024 * 1024)},
            )
        try:
            self.cleaned_data["document"] = load_registry_file(
                upload.read(), name, max_bytes=self.max_bytes)
        except RegistryFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "document" in getattr(self, "cleaned_data", {}):
            cleaned["document"] = self.cleaned_data["document"]
        issuer = cleaned.get("orgunit")
        if not self.errors and not access.can_import_resolution(self.user, issuer):
            raise forms.ValidationError(
                _("Bạn không có quyền nhập nghị quyết cho đơn vị này. Hãy chọn đơn vị ban hành "
                  "thuộc phạm vi bạn lãnh đạo.")
            )
        return cleaned
