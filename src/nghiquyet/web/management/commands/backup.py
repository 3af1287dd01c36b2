from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.web.backup import BackupError, backup, media_checksums, table_checksums


class Command(BaseCommand):
    help = ("Sao lưu toàn bộ: cơ sở dữ liệu (SQLite: online backup; PostgreSQL: pg_dump) và "
            "các tệp tải lên, vào một tệp .tar.gz. Xem docs/deploy.md (sao lưu hằng ngày).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", type=Path,
                            help="tệp sao lưu sẽ ghi (ví dụ nghiquyet-2026-01-31.tar.gz)")
        parser.add_argument("--checksums", action="store_true",
                            help="chỉ in mã kiểm tra của từng bảng và từng tệp (JSON), để so "
                            "sánh sau khi khôi phục")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["checksums"]:
            self.stdout.write(json.dumps({"tables": table_checksums(), "media": media_checksums()},
                                         indent=1, sort_keys=True))
            return
        if not opts["output"]:
            raise CommandError(_("Cần -o TỆP: nơi ghi bản sao lưu."))
        try:
            summary = backup(opts["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(_("Đã sao lưu %(engine)s và %(n)d tệp tải lên vào %(file)s (%(kb)d KB).")
                          % {"engine": summary.engine, "n": summary.media_files,
                             "file": summary.path, "kb": summary.size // 1024})
