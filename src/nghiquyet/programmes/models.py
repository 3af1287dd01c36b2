"""The action programme (Chương trình hành động) that carries a resolution out:
its items (who does what by when), their progress, and the notifications that
remind people of them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    resolution = models.ForeignKey("resolutions.Resolution", verbose_name=_("nghị quyết"),
                                   on_delete=models.CASCADE, related_name="programmes")
    number = models.CharField(_("số hiệu"), max_length=100, blank=True,
                              help_text=_("Ví dụ: 05-CTr/ĐU"))
    title = models.CharField(_("tên chương trình"), max_length=1000)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("chương trình hành động")
        verbose_name_plural = _("chương trình hành động")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})" if self.number else self.title


class ItemStatus(models.TextChoices):
    """What is stored. "Quá hạn" is not among them: it is read from the due date."""

    NOT_STARTED = "not_started", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    STOPPED = "stopped", _("Dừng")


ACTIVE_STATUSES = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
OVERDUE = "overdue"
OVERDUE_LABEL = _("Quá hạn")


class Recurrence(models.TextChoices):
    ONCE = "", _("Một lần")
    YEARLY = "yearly", _("Hằng năm")
    ONGOING = "ongoing", _("Thường xuyên")


class ItemQuerySet(models.QuerySet["ProgrammeItem"]):
    def overdue(self, today: dt.date) -> ItemQuerySet:
        return self.filter(overdue_q(today))

    def with_status(self, status: str, today: dt.date) -> ItemQuerySet:
        """Filter by what a person sees: "overdue" is derived, the rest are stored, and an
        overdue item is not also listed as merely "in progress"."""
        if status == OVERDUE:
            return self.overdue(today)
        if status in ACTIVE_STATUSES:
            return self.filter(status=status).exclude(overdue_q(today))
        return self.filter(status=status)


def overdue_q(today: dt.date) -> Q:
    return Q(status__in=ACTIVE_STATUSES, due_date__lt=today)


class ProgrammeItem(models.Model):
    """One task of the programme. It serves a breakthrough, a main task or an
    indicator (at most one of the three), and may name the targets it serves."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    number = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    content = models.TextField(_("nội dung nhiệm vụ"))
    breakthrough = models.ForeignKey("resolutions.Breakthrough", verbose_name=_("khâu đột phá"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="programme_items")
    main_task = models.ForeignKey("resolutions.MainTask", verbose_name=_("nhiệm vụ chủ yếu"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="programme_items")
    indicator = models.ForeignKey("resolutions.Indicator", verbose_name=_("chỉ tiêu"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="programme_items")
    targets = models.ManyToManyField("resolutions.Target", verbose_name=_("mục tiêu phục vụ"),
                                     blank=True, related_name="programme_items")
    lead_unit = models.ForeignKey("orgunits.OrgUnit", verbose_name=_("cơ quan chủ trì"),
                                  on_delete=models.PROTECT, related_name="led_items")
    coordinating_units = models.ManyToManyField(
        "orgunits.OrgUnit", verbose_name=_("cơ quan phối hợp"), blank=True,
        related_name="coordinated_items")
    # Partners the tree does not hold ("các đoàn thể", a provincial department).
    coordinating_text = models.CharField(_("phối hợp khác"), max_length=1000, blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người phụ trách"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="programme_items")
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    # For a yearly task: this year's occurrence; confirming it moves it a year on.
    due_date = models.DateField(_("hạn hoàn thành"), db_index=True)
    due_text = models.CharField(_("thời gian hoàn thành (như văn bản ghi)"), max_length=200,
                                blank=True)
    recurrence = models.CharField(_("lặp lại"), max_length=10, choices=Recurrence.choices,
                                  default=Recurrence.ONCE, blank=True)
    recurrence_quarter = models.PositiveSmallIntegerField(_("quý hằng năm"), null=True, blank=True)
    product = models.TextField(_("sản phẩm"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=ItemStatus.choices,
                              default=ItemStatus.NOT_STARTED, db_index=True)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    last_update_on = models.DateField(_("cập nhật gần nhất"), null=True, blank=True)
    last_update_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(_("đề nghị hoàn thành lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(_("xác nhận hoàn thành lúc"), null=True, blank=True)
    stop_reason = models.TextField(_("lý do dừng"), blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ của chương trình")
        ordering = ["programme", "position"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(breakthrough__isnull=True) | (Q(main_task__isnull=True)
                                                           & Q(indicator__isnull=True)))
                & (Q(main_task__isnull=True) | Q(indicator__isnull=True)),
                name="programme_item_one_anchor"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="programme_item_percent"),
        ]
        indexes = [models.Index(fields=["lead_unit", "status"])]

    def __str__(self) -> str:
        return f"{self.number} {self.content[:80]}".strip()

    def is_overdue(self, today: dt.date) -> bool:
        return self.status in ACTIVE_STATUSES and self.due_date < today

    def shown_status(self, today: dt.date) -> str:
        return OVERDUE if self.is_overdue(today) else self.status

    @property
    def is_proposed(self) -> bool:
        return self.proposed_at is not None

    def snapshot(self) -> dict[str, object]:
        return {
            "number": self.number, "content": self.content, "lead_unit": self.lead_unit_id,
            "responsible": self.responsible_id, "start_date": _iso(self.start_date),
            "due_date": _iso(self.due_date), "recurrence": self.recurrence,
            "recurrence_quarter": self.recurrence_quarter, "product": self.product,
            "status": self.status, "percent": self.percent,
            "breakthrough": self.breakthrough_id, "main_task": self.main_task_id,
            "indicator": self.indicator_id,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class Milestone(models.Model):
    item = models.ForeignKey(ProgrammeItem, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mốc"), max_length=500)
    due_date = models.DateField(_("hạn"))
    done_on = models.DateField(_("đạt ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("mốc tiến độ")
        verbose_name_plural = _("mốc tiến độ")
        ordering = ["item", "due_date", "id"]

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    """A dated report on a task, posted by its lead unit."""

    item = models.ForeignKey(ProgrammeItem, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("ngày"))
    text = models.TextField(_("kết quả thực hiện"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_update_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.item.number} · {self.on} · {self.percent}%"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp minh chứng"), upload_to="programmes/evidence/%Y/")
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.name


class ProgrammeDraft(models.Model):
    """A programme table read from a file and under review; saving it makes the programme."""

    resolution = models.ForeignKey("resolutions.Resolution", on_delete=models.CASCADE,
                                   related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(_("tên tệp"), max_length=255)
    # {"number", "title", "issued_on", "items": [{...row, "lead_unit", "when": {...}}]}
    data = models.JSONField(_("nội dung đang rà soát"))

    class Meta:
        verbose_name = _("bản nháp chương trình")
        verbose_name_plural = _("bản nháp chương trình")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename


class NotificationKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    FIGURES_DUE = "figures_due", _("Sắp đến hạn báo cáo số liệu")
    DIGEST = "digest", _("Tổng hợp tuần")
    PROPOSED = "proposed", _("Đề nghị xác nhận hoàn thành")
    CONFIRMED = "confirmed", _("Đã xác nhận hoàn thành")


class Notification(models.Model):
    """An in-app notice. ``key`` makes each one unique, so a reminder run twice a day
    creates nothing the second time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notifications")
    kind = models.CharField(_("loại"), max_length=20, choices=NotificationKind.choices)
    key = models.CharField(max_length=200, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    item = models.ForeignKey(ProgrammeItem, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="notifications")
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class ReminderRun(models.Model):
    """One run of ``send_reminders``: what it made, for the audit trail and the admin."""

    on = models.DateField(_("ngày chạy"))
    ran_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(_("thông báo mới"), default=0)
    emailed = models.PositiveIntegerField(_("thư đã gửi"), default=0)

    class Meta:
        verbose_name = _("lần gửi nhắc việc")
        verbose_name_plural = _("các lần gửi nhắc việc")
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{self.on} · {self.created}"
