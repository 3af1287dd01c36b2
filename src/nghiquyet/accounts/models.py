from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    LEADER = "leader", _("Lãnh đạo (xem và phê duyệt)")
    OFFICER = "officer", _("Cán bộ chuyên môn (nhập và gửi số liệu)")
    REPORTER = "reporter", _("Người báo cáo của đơn vị")
    SUPERVISOR = "supervisor", _("Giám sát (chỉ xem)")


class RoleAssignment(models.Model):
    """A role held over an org-unit subtree (a reporter: over their own unit only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    orgunit = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "orgunit"], name="uniq_role_assignment"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.orgunit}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only its hash is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")

    def __str__(self) -> str:
        return f"{self.user} — {self.name}"

    @staticmethod
    def new_key() -> str:
        return "nq_" + secrets.token_urlsafe(32)


class PasswordState(models.Model):
    """Whether a user still has a password someone else chose (a new account, a reset):
    they are asked to choose their own before anything else."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="password_state")
    must_change = models.BooleanField(_("phải đổi mật khẩu"), default=True)
    changed_at = models.DateTimeField(_("lần đổi gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("trạng thái mật khẩu")
        verbose_name_plural = _("trạng thái mật khẩu")

    def __str__(self) -> str:
        return str(self.user)
