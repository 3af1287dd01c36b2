from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.figures.exchange import ImportRefused, values_import
from nghiquyet.figures.interchange import FileRefused, read_values_file
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions.cli import resolution_from_arg


class Command(BaseCommand):
    help = "Nhập số liệu từ tệp Excel (.xlsx) hoặc CSV theo định dạng trao đổi số liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--resolution", help="id của nghị quyết (mặc định: ghi trong tệp)")
        parser.add_argument("--user", required=True,
                            help="tên đăng nhập của người nhập (quyền được kiểm tra như trên web)")

    def handle(self, *args: Any, **opts: Any) -> None:
        path: Path = opts["file"]
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": path})
        user = get_user_model().objects.filter(username=opts["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng “%(u)s”.") % {"u": opts["user"]})
        try:
            read = read_values_file(path.name, path.read_bytes(),
                                    settings.NGHIQUYET_MAX_UPLOAD_BYTES)
        except FileRefused as exc:
            raise CommandError(str(exc)) from exc
        ref = opts["resolution"] or read.meta.get("resolution")
        if not ref:
            raise CommandError(_("Cần --resolution (tệp không ghi nghị quyết)."))
        resolution = resolution_from_arg(str(ref))

        def progress(done: int, total: int) -> None:
            if done == total or done % 2000 == 0:
                sys.stderr.write(_("\rĐã xử lý %(done)d/%(total)d dòng") % {"done": done,
                                                                          "total": total})
                if done == total:
                    sys.stderr.write("\n")

        try:
            report = values_import(actor=user, resolution=resolution, read=read, progress=progress)
        except ImportRefused as exc:
            raise CommandError(
                _("Tệp %(file)s có %(n)d lỗi, chưa lưu dòng nào:") % {"file": path, "n": len(exc.errors)}
                + "\n  " + "\n  ".join(str(e) for e in exc.errors)
            ) from exc
        for w in report.warnings:
            self.stderr.write(_("Cảnh báo: %(w)s") % {"w": w})
        self.stdout.write(_("Đã nhập %(n)d số liệu từ %(file)s.") % {"n": report.saved, "file": path})
        if report.unchanged:
            self.stdout.write(_("%(n)d dòng giống số liệu đang có nên giữ nguyên, kể cả trạng "
                                "thái.") % {"n": report.unchanged})
