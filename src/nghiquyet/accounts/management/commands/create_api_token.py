from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.accounts.services import api_token_create
from nghiquyet.lib.i18n import gettext as _


class Command(BaseCommand):
    help = "Tạo khóa API (Bearer) cho một người dùng; khóa chỉ hiện một lần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="tên gợi nhớ của khóa, ví dụ: “đồng bộ số liệu tỉnh”")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = get_user_model().objects.filter(username=opts["username"], is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng “%(u)s”.") % {"u": opts["username"]})
        _token, raw = api_token_create(user=user, name=opts["name"])
        self.stderr.write(_("Khóa API (chỉ hiện một lần, hãy lưu lại):"))
        self.stdout.write(raw)
