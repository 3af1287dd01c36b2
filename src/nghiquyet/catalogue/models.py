from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nghiquyet.catalogue.matching import Entry
from nghiquyet.resolutions.models import TargetKind


class Theme(models.TextChoices):
    ECONOMY = "economy", _("Kinh tế")
    SOCIETY = "society", _("Văn hóa - xã hội")
    ENVIRONMENT = "environment", _("Tài nguyên - môi trường")
    SECURITY = "security", _("Quốc phòng - an ninh")
    DIGITAL = "digital", _("Cải cách hành chính, chuyển đổi số")
    PARTY = "party", _("Xây dựng Đảng và hệ thống chính trị")


THEME_ORDER = [t.value for t in Theme]


class Direction(models.TextChoices):
    UP = "up", _("Càng cao càng tốt")
    DOWN = "down", _("Càng thấp càng tốt")


class CatalogueIndicator(models.Model):
    """One indicator of the common list that resolutions word each in their own way."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=50)
    measure = models.CharField(_("loại mục tiêu"), max_length=20, choices=TargetKind.choices,
                               default=TargetKind.LEVEL)
    direction = models.CharField(_("chiều tốt"), max_length=10, choices=Direction.choices,
                                 default=Direction.UP)
    theme = models.CharField(_("lĩnh vực"), max_length=20, choices=Theme.choices)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    keywords = models.JSONField(
        _("cụm từ nhận diện"), default=list, blank=True,
        help_text=_("Mỗi dòng một cụm từ; nối các phần bắt buộc bằng dấu +, "
                    "ví dụ “chi bộ + hoàn thành tốt”."),
    )
    excludes = models.JSONField(_("cụm từ loại trừ"), default=list, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu danh mục chung")
        verbose_name_plural = _("danh mục chỉ tiêu chung")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    def as_entry(self) -> Entry:
        return Entry(code=self.code, name=self.name, unit=self.unit, measure=self.measure,
                     keywords=tuple(self.keywords or ()), excludes=tuple(self.excludes or ()))


class MappingMethod(models.TextChoices):
    AUTO = "auto", _("Tự động")
    MANUAL = "manual", _("Thủ công")


class TargetMapping(models.Model):
    """Which catalogue indicator a target measures.

    ``indicator`` is empty when a reviewer decided that the target is in no entry
    of the catalogue; that decision is kept so automatic matching leaves it alone.
    """

    target = models.OneToOneField("resolutions.Target", on_delete=models.CASCADE,
                                  related_name="catalogue_mapping")
    indicator = models.ForeignKey(
        CatalogueIndicator, verbose_name=_("chỉ tiêu danh mục chung"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="mappings",
    )
    method = models.CharField(_("cách ghép"), max_length=10, choices=MappingMethod.choices)
    confidence = models.FloatField(_("độ tin cậy"), null=True, blank=True)
    mapped_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người ghép"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    mapped_at = models.DateTimeField(_("thời điểm ghép"), default=timezone.now)

    class Meta:
        verbose_name = _("ghép mục tiêu với danh mục")
        verbose_name_plural = _("ghép mục tiêu với danh mục")

    def __str__(self) -> str:
        return f"{self.target_id} → {self.indicator.code if self.indicator else '—'}"
