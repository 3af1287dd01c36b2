from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.web.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Khôi phục một bản sao lưu của `nghiquyet backup` vào cơ sở dữ liệu đang cấu hình "
            "(phải trống, trừ khi dùng --replace) và thư mục tệp tải lên. Dừng máy chủ trước.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="tệp .tar.gz do `nghiquyet backup` tạo")
        parser.add_argument("--replace", action="store_true",
                            help="thay toàn bộ dữ liệu đang có bằng bản sao lưu")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            manifest = restore(opts["file"], replace=opts["replace"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(_("Đã khôi phục bản sao lưu lúc %(at)s (%(engine)s, %(n)d tệp tải lên).")
                          % {"at": manifest["created_at"], "engine": manifest["engine"],
                             "n": len(manifest.get("media", []))})
