from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.programmes.reminders import DEFAULT_DAYS_BEFORE, send_reminders


class Command(BaseCommand):
    help = ("Nhắc việc hằng ngày: nhiệm vụ sắp đến hạn, quá hạn, hạn báo cáo số liệu và bản "
            "tổng hợp tuần cho lãnh đạo. Chạy lại trong ngày không tạo thông báo trùng.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD); mặc định hôm nay.")
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS_BEFORE,
                            help="Nhắc trước hạn bao nhiêu ngày (mặc định 7).")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            today = dt.date.fromisoformat(opts["date"]) if opts["date"] else None
        except ValueError as exc:
            raise CommandError(_("Ngày “%(d)s” không hợp lệ; viết YYYY-MM-DD.")
                               % {"d": opts["date"]}) from exc
        run = send_reminders(today=today, days_before=opts["days"])
        self.stdout.write(_("%(on)s: %(n)d thông báo mới, %(m)d thư đã gửi.")
                          % {"on": run.on.strftime("%d/%m/%Y"), "n": run.created,
                             "m": run.emailed})
