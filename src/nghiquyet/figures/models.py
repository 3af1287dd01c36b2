from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại để sửa")


class DataValue(models.Model):
    """One figure: a data series × an org unit × a period (long format).

    ``version`` guards against lost updates: a write names the version it read.
    Its history is the audit trail (AuditEvent rows with old and new snapshots).
    """

    series = models.ForeignKey("resolutions.DataSeries", on_delete=models.PROTECT,
                               related_name="values")
    orgunit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.PROTECT, related_name="values")
    period = models.CharField(_("kỳ"), max_length=8, db_index=True)
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=20, decimal_places=6, null=True,
                                      blank=True)
    is_estimate = models.BooleanField(_("ước thực hiện"), default=False)
    note = models.TextField(_("nguồn, ghi chú"), blank=True)
    evidence = models.FileField(_("tệp minh chứng"), upload_to="evidence/%Y/", blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ValueStatus.choices,
                              default=ValueStatus.DRAFT, db_index=True)
    return_comment = models.TextField(_("ý kiến trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(fields=["series", "orgunit", "period"], name="uniq_value_cell"),
        ]
        indexes = [models.Index(fields=["series", "year"])]

    def __str__(self) -> str:
        return cell_repr(self.series.code, self.orgunit.code, self.period)

    def in_words(self) -> str:
        """How a message names the figure: the target's label, the unit, the period
        in words ("“Sản lượng lúa” · Bản Nà Sàng · Năm 2026"), never codes."""
        from nghiquyet.figures.periods import parse_period

        try:
            period = parse_period(self.period).label
        except ValueError:
            period = self.period
        return f"“{self.series.name}” · {self.orgunit.name} · {period}"

    def snapshot(self) -> dict[str, object]:
        """What the audit trail keeps of a value, and what a restore writes back."""
        return value_snapshot(self.value, self.numerator, self.denominator, self.is_estimate,
                              self.note, self.status, self.version,
                              (self.evidence.name or "") if self.evidence else "")

    @property
    def is_locked(self) -> bool:
        return self.status == ValueStatus.APPROVED


def cell_repr(series_code: str, unit_code: str, period: str) -> str:
    """How a figure is named in the audit trail (``str(value)``)."""
    return f"{series_code} · {unit_code} · {period}"


def value_snapshot(value: object, numerator: object, denominator: object, is_estimate: bool,
                   note: str, status: str, version: int, evidence: str) -> dict[str, object]:
    """``DataValue.snapshot`` of these fields: the bulk import writes audit rows from
    plain rows, without a model object per figure."""
    return {
        "value": _num(value), "numerator": _num(numerator), "denominator": _num(denominator),
        "is_estimate": is_estimate, "note": note, "status": status, "version": version,
        "evidence": evidence,
    }


def _num(value: object) -> str | None:
    if value is None:
        return None
    from decimal import Decimal

    return format(Decimal(str(value)).normalize(), "f")


class SeriesAssignment(models.Model):
    """The data series an officer is responsible for entering and submitting."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="series_assignments")
    series = models.ForeignKey("resolutions.DataSeries", on_delete=models.CASCADE,
                               related_name="assignments")

    class Meta:
        verbose_name = _("phân công chỉ tiêu")
        verbose_name_plural = _("phân công chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["user", "series"], name="uniq_series_assignment"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.series}"


class StoredFigure(models.Model):
    """A unit's yearly figure for a series, kept so that pages read it instead of adding
    up raw values: the roll-up's ``Figure`` (figures/rollup.py, the one definition of a
    figure) as a row, in two copies: from all figures and from approved figures only.

    Derived data, rebuilt from ``DataValue`` by ``figures/store.py``: each write refreshes
    the unit's parent chain in its transaction; ``nghiquyet figures check`` compares the
    table with a fresh roll-up. Numbers keep 6 decimals, as ``DataValue`` does.
    """

    series = models.ForeignKey("resolutions.DataSeries", on_delete=models.CASCADE,
                               related_name="+")
    orgunit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.CASCADE, related_name="+",
                                db_index=False)  # the unique index starts with it
    year = models.PositiveSmallIntegerField()
    approved_only = models.BooleanField()
    source = models.CharField(max_length=8)  # direct, computed, missing
    value = models.DecimalField(max_digits=26, decimal_places=6, null=True)
    numerator = models.DecimalField(max_digits=26, decimal_places=6, null=True)
    denominator = models.DecimalField(max_digits=26, decimal_places=6, null=True)
    computed_value = models.DecimalField(max_digits=26, decimal_places=6, null=True)
    reported = models.IntegerField(default=0)  # coverage: sub-units with a figure
    expected = models.IntegerField(default=0)  # sub-units that should report
    partial = models.BooleanField(default=False)
    is_estimate = models.BooleanField(default=False)
    leaf = models.BooleanField(default=False)
    # Values under the figure by workflow status (Figure.statuses).
    n_draft = models.IntegerField(default=0)
    n_submitted = models.IntegerField(default=0)
    n_approved = models.IntegerField(default=0)
    n_returned = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tổng hợp")
        verbose_name_plural = _("số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["orgunit", "series", "year", "approved_only"],
                                    name="uniq_stored_figure"),
        ]

    def __str__(self) -> str:
        return f"{self.series_id} · {self.orgunit_id} · {self.year}"
