from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.orgunits.models import OrgUnitType


class Resolution(models.Model):
    issuer = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT,
        related_name="resolutions",
    )
    title = models.CharField(_("tên nghị quyết"), max_length=1000)
    issuer_name = models.CharField(_("cấp ủy ban hành"), max_length=255)
    level = models.CharField(_("cấp"), max_length=50, blank=True)
    province = models.CharField(_("tỉnh"), max_length=255, blank=True)
    term_start = models.PositiveSmallIntegerField(_("năm đầu nhiệm kỳ"))
    term_end = models.PositiveSmallIntegerField(_("năm cuối nhiệm kỳ"))
    adopted_on = models.DateField(_("ngày thông qua"), null=True, blank=True)
    source_document = models.FileField(
        _("văn bản gốc"), upload_to="resolutions/", blank=True
    )
    declared_indicator_count = models.PositiveSmallIntegerField(
        _("số chỉ tiêu nghị quyết công bố"), null=True, blank=True
    )
    notes = models.JSONField(_("ghi chú"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Importing the same resolution again is a deliberate new version: the previous one
    # stays (history) but is no longer current; pages and comparisons use the current one.
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    previous = models.ForeignKey(
        "self", verbose_name=_("thay cho phiên bản"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="next_versions",
    )
    is_current = models.BooleanField(_("phiên bản hiện hành"), default=True, db_index=True)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("nghị quyết")
        verbose_name_plural = _("nghị quyết")
        ordering = ["-term_start", "title"]

    def __str__(self) -> str:
        return self.title


class IndicatorGroup(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="groups")
    code = models.CharField(_("mã nhóm"), max_length=20)
    title = models.CharField(_("tên nhóm"), max_length=500)
    declared_count = models.PositiveSmallIntegerField(_("số chỉ tiêu công bố"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("nhóm chỉ tiêu")
        verbose_name_plural = _("nhóm chỉ tiêu")
        ordering = ["resolution", "position"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "code"], name="uniq_group_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code}) {self.title}"


class Indicator(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="indicators")
    group = models.ForeignKey(
        IndicatorGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["resolution", "number"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "number"], name="uniq_indicator_number"),
        ]

    def __str__(self) -> str:
        return f"({self.number}) {self.text[:80]}"


class ValueType(models.TextChoices):
    NUMBER = "number", _("Số")
    RATIO = "ratio", _("Tỷ lệ (tử số/mẫu số)")
    YES_NO = "yes_no", _("Đạt/không đạt theo từng đơn vị")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng dồn")
    RATIO_OF_SUMS = "ratio_of_sums", _("Tỷ lệ của tổng (tổng tử số/tổng mẫu số)")
    COUNT_YES = "count_yes", _("Đếm số đơn vị đạt")
    NONE = "none", _("Không tổng hợp (nhập trực tiếp)")


class SubyearAggregation(models.TextChoices):
    SUM = "sum", _("Cộng các kỳ (lượng, như tấn, doanh thu)")
    LAST = "last", _("Lấy kỳ cuối (tỷ lệ, mức)")


class PeriodKind(models.TextChoices):
    YEAR = "Y", _("Theo năm")
    HALF = "H", _("Theo 6 tháng")
    QUARTER = "Q", _("Theo quý")


class DataSeries(models.Model):
    """How a figure is kept and reported. Two targets may share one series:
    seed indicator (1) judges its growth rate and its 2030 level on one
    revenue series, entered once."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="series")
    code = models.CharField(_("mã chuỗi số liệu"), max_length=50)
    name = models.CharField(_("tên"), max_length=1000)
    unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    value_type = models.CharField(
        _("dạng số liệu"), max_length=10, choices=ValueType.choices, default=ValueType.NUMBER
    )
    reporting_unit_type = models.CharField(
        _("cấp báo cáo"), max_length=20, choices=OrgUnitType.choices, default=OrgUnitType.COMMUNE
    )
    aggregation = models.CharField(
        _("cách tổng hợp từ đơn vị con"), max_length=20, choices=Aggregation.choices,
        default=Aggregation.NONE,
    )
    subyear_aggregation = models.CharField(
        _("cách tính số năm từ các kỳ trong năm"), max_length=10,
        choices=SubyearAggregation.choices, default=SubyearAggregation.LAST,
    )
    period_kind = models.CharField(
        _("kỳ báo cáo"), max_length=1, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )

    class Meta:
        verbose_name = _("chuỗi số liệu")
        verbose_name_plural = _("chuỗi số liệu")
        ordering = ["resolution", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "code"], name="uniq_series_code"),
        ]

    def __str__(self) -> str:
        return self.name


class TargetKind(models.TextChoices):
    LEVEL = "level", _("Mức đạt được")
    GROWTH_RATE = "growth_rate", _("Tốc độ tăng bình quân")
    CUMULATIVE = "cumulative", _("Cộng dồn cả nhiệm kỳ")
    ANNUAL_CHANGE = "annual_change", _("Thay đổi bình quân mỗi năm")


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    GT = ">", ">"
    LTE = "<=", "≤"
    LT = "<", "<"
    ABOUT = "=", _("khoảng")
    BETWEEN = "between", _("từ ... đến ...")


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("nội dung đo"), max_length=1000, blank=True)
    kind = models.CharField(_("loại mục tiêu"), max_length=20, choices=TargetKind.choices)
    comparator = models.CharField(_("so sánh"), max_length=10, choices=Comparator.choices)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6)
    upper = models.DecimalField(_("cận trên"), max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    denominator = models.DecimalField(
        _("mẫu số"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("năm đạt"))
    each_year = models.BooleanField(_("hằng năm"), default=False)
    series = models.ForeignKey(
        DataSeries, verbose_name=_("chuỗi số liệu"), on_delete=models.PROTECT, related_name="targets"
    )

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        ordering = ["indicator", "position"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "position"], name="uniq_target_position"),
            models.CheckConstraint(
                condition=~models.Q(comparator="between") | models.Q(upper__isnull=False),
                name="target_between_has_upper",
            ),
        ]

    def __str__(self) -> str:
        return self.label or self.indicator.text[:80]

    def as_registry_dict(self) -> dict[str, object]:
        return registry_target(
            label=self.label, kind=self.kind, comparator=self.comparator, value=self.value,
            upper=self.upper, unit=self.unit, denominator=self.denominator, year=self.year,
            each_year=self.each_year)


def registry_target(*, label: str, kind: str, comparator: str, value: Decimal | None,
                    upper: Decimal | None, unit: str, denominator: Decimal | None,
                    year: int | None, each_year: bool) -> dict[str, object]:
    """A target's fields as the registry writes them (``Target.as_registry_dict``), from
    the columns: pages that read targets as tuples build the same dict."""
    from nghiquyet.lib.registry import to_json_number

    return {
        "label": label,
        "kind": kind,
        "comparator": comparator,
        "value": to_json_number(value),
        "upper": to_json_number(upper),
        "unit": unit,
        "denominator": to_json_number(denominator),
        "year": year,
        "each_year": bool(each_year),
    }


class NumberedItem(models.Model):
    """A numbered line of a resolution's text: a breakthrough or a main task."""

    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.TextField(_("nội dung"))

    class Meta:
        abstract = True
        ordering = ["resolution", "number"]

    def __str__(self) -> str:
        return f"({self.number}) {self.title[:80]}"


class Breakthrough(NumberedItem):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="breakthroughs")

    class Meta(NumberedItem.Meta):
        verbose_name = _("khâu đột phá")
        verbose_name_plural = _("khâu đột phá")


class MainTask(NumberedItem):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="tasks")

    class Meta(NumberedItem.Meta):
        verbose_name = _("nhiệm vụ chủ yếu")
        verbose_name_plural = _("nhiệm vụ chủ yếu")


class ImportDraft(models.Model):
    """A resolution read from a file and under review. It is not a resolution:
    nothing is tracked against it, and saving it turns it into one and removes it."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), on_delete=models.CASCADE,
        related_name="import_drafts",
    )
    created_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    updated_at = models.DateTimeField(_("lần sửa cuối"), auto_now=True)
    filename = models.CharField(_("tên tệp"), max_length=255)
    # The file itself, kept with the draft so it goes away with it; it becomes the
    # resolution's source document when the draft is saved.
    source = models.BinaryField(_("tệp gốc"), editable=False)
    registry = models.JSONField(_("danh mục đang rà soát"))
    warnings = models.JSONField(_("cảnh báo khi đọc"), default=list, blank=True)
    issuer = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("đơn vị ban hành"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    # Bumped on every edit, so a form opened before another edit cannot overwrite it.
    version = models.PositiveIntegerField(default=1)
    new_version_of = models.ForeignKey(
        Resolution, verbose_name=_("lưu thành phiên bản mới của"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("bản nháp nhập nghị quyết")
        verbose_name_plural = _("bản nháp nhập nghị quyết")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename


class UnitTarget(models.Model):
    """A target set for one unit below the issuer (a village's share of the commune's grain),
    by a leader over it. Without one, a unit's report says no target was set for it: a
    commune total is not a village's target."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="unit_targets")
    orgunit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.CASCADE,
                                related_name="unit_targets")
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6)
    upper = models.DecimalField(_("cận trên"), max_digits=20, decimal_places=6, null=True,
                                blank=True)
    note = models.CharField(_("căn cứ giao"), max_length=500, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục tiêu giao cho đơn vị")
        verbose_name_plural = _("mục tiêu giao cho đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["target", "orgunit"], name="uniq_unit_target"),
        ]

    def __str__(self) -> str:
        return f"{self.target} · {self.orgunit_id}"

    def snapshot(self) -> dict[str, str | None]:
        return {"target": str(self.target_id), "orgunit": str(self.orgunit_id),
                "value": str(self.value), "upper": None if self.upper is None else str(self.upper),
                "note": self.note}
