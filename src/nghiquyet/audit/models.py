from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One row per write, kept forever: who, when, what, old and new, and why."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    # Users are deactivated, never deleted (PROTECT refuses a deletion that would lose
    # authorship); the actor's username and name are also kept as text, as they were then.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    actor_username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    actor_name = models.CharField(_("họ tên người thực hiện"), max_length=255, blank=True)
    action = models.CharField(_("hành động"), max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255, blank=True)
    orgunit = models.ForeignKey(
        "orgunits.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    old = models.JSONField(null=True, blank=True)
    new = models.JSONField(null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"

    @property
    def actor_display(self) -> str:
        """Who did it, as people read it: the name kept at the time, else the username;
        an event without an actor (an import, the demo loader, a command) reads "Hệ thống"."""
        if self.actor_name or self.actor_username:
            return self.actor_name or self.actor_username
        if self.actor_id is not None and self.actor is not None:
            return self.actor.get_full_name() or self.actor.get_username()
        return str(_("Hệ thống"))
