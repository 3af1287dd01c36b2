from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgUnitType(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    COMMUNE = "commune", _("Xã/phường")
    VILLAGE = "village", _("Bản/thôn/tổ dân phố")
    PARTY_CELL = "party_cell", _("Chi bộ/tổ chức cơ sở đảng")
    SCHOOL = "school", _("Trường học")
    AGENCY = "agency", _("Cơ quan")


class OrgUnitQuerySet(models.QuerySet["OrgUnit"]):
    def subtree(self, unit: OrgUnit) -> OrgUnitQuerySet:
        """The unit and everything under it: one indexed prefix match on ``path``."""
        return self.filter(path__startswith=unit.path)

    def descendants(self, unit: OrgUnit) -> OrgUnitQuerySet:
        return self.subtree(unit).exclude(pk=unit.pk)


class OrgUnit(models.Model):
    """A node of the administrative and Party tree.

    ``path`` is a materialized path of zero-padded primary keys
    (``/00000001/00000007/``) so that a subtree is one ``LIKE 'prefix%'`` query.
    """

    PATH_SEGMENT = 8

    code = models.CharField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    type = models.CharField(_("loại"), max_length=20, choices=OrgUnitType.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    official_code = models.CharField(
        _("mã hành chính"), max_length=10, null=True, blank=True, unique=True,
        help_text=_("Mã tỉnh hoặc xã/phường theo danh mục hành chính 2025 (ví dụ 14, 04099)."),
    )
    is_active = models.BooleanField(
        _("đang hoạt động"), default=True,
        help_text=_("Đơn vị đã giải thể hoặc sáp nhập thì ngừng hoạt động; số liệu các năm "
                    "trước vẫn được giữ và tính."),
    )
    merged_into = models.ForeignKey(
        "self", verbose_name=_("sáp nhập vào"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="merged_from",
    )
    is_illustrative = models.BooleanField(
        _("tên minh họa"), default=False,
        help_text=_("Tên đặt để minh họa, không phải tên thật của đơn vị."),
    )

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def is_within(self, other: OrgUnit) -> bool:
        """True when self is ``other`` or lies under it."""
        return self.path.startswith(other.path)

    def ancestor_ids(self) -> list[int]:
        return [int(seg) for seg in self.path.strip("/").split("/") if seg]
