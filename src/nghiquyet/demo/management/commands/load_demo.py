from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from nghiquyet.accounts.models import Role
from nghiquyet.demo.services import DEMO_PASSWORD, DEMO_USERS, demo_loaded, load_demo
from nghiquyet.lib.i18n import gettext as _


class Command(BaseCommand):
    help = "Tạo dữ liệu minh họa: tỉnh Sơn La, xã Phiêng Khoài, nghị quyết mẫu và người dùng."

    def handle(self, *args: Any, **opts: Any) -> None:
        if demo_loaded():
            self.stdout.write(_("Dữ liệu minh họa đã có sẵn."))
        else:
            resolution = load_demo()
            self.stdout.write(
                _("Đã tạo dữ liệu minh họa: nghị quyết “%(title)s” (id %(id)d).")
                % {"title": resolution.title, "id": resolution.pk}
            )
        self.stdout.write(_("Tài khoản minh họa (mật khẩu chung: %(pw)s):") % {"pw": DEMO_PASSWORD})
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<10} {demo.full_name} — {Role(demo.role).label}")
