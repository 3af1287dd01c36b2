"""``nghiquyet figures rebuild|check``: the stored figures (figures/store.py)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from nghiquyet.figures.store import check_figures, rebuild_figures
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number

SHOWN = 20  # differences printed; the count says how many there are


class Command(BaseCommand):
    help = ("Số liệu tổng hợp đã lưu: 'rebuild' tính lại toàn bộ từ số liệu gốc; 'check' "
            "tính lại và so với bảng đã lưu, báo khác biệt (mã thoát khác 0 nếu có).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "check"])
        parser.add_argument("--series", type=int, action="append",
                            help="id của dãy số liệu (lặp lại được; mặc định: tất cả)")

    def handle(self, *args: Any, **opts: Any) -> None:
        start = time.perf_counter()
        if opts["action"] == "rebuild":
            with transaction.atomic():
                rows = rebuild_figures(series_ids=opts["series"])
            self.stdout.write(_("Đã tính lại {rows} dòng số liệu tổng hợp trong {seconds} giây.")
                              .format(rows=format_number(rows),
                                      seconds=format_number(time.perf_counter() - start, 1)))
            return
        checked, differences = check_figures(series_ids=opts["series"])
        for d in differences[:SHOWN]:
            series, unit, year, approved = d.key
            self.stderr.write(_("Dãy {series}, đơn vị {unit}, năm {year}{copy}: đã lưu {stored}, "
                                "tính lại được {expected}.").format(
                series=series, unit=unit, year=year,
                copy=_(" (chỉ số liệu đã duyệt)") if approved else "",
                stored=_describe(d.stored), expected=_describe(d.expected)))
        if differences:
            raise CommandError(_("{n} dòng khác với số liệu gốc (trên {checked} dòng). Chạy "
                                 "'nghiquyet figures rebuild' để tính lại.").format(
                n=format_number(len(differences)), checked=format_number(checked)))
        self.stdout.write(_("Khớp: {checked} dòng số liệu tổng hợp đúng với số liệu gốc.")
                          .format(checked=format_number(checked)))


def _describe(row: tuple[Any, ...] | None) -> str:
    if row is None:
        return _("(không có)")
    source, value, numerator, denominator = row[4:8]
    reported, expected, partial = row[9:12]
    parts = [f"{source} {'—' if value is None else format_number(value)}"]
    if numerator is not None or denominator is not None:
        parts.append(f"{_dash(numerator)}/{_dash(denominator)}")
    parts.append(_("báo cáo {r}/{e}").format(r=reported, e=expected))
    if partial:
        parts.append(_("chưa đủ"))
    return ", ".join(parts)


def _dash(number: Any) -> str:
    return "—" if number is None else format_number(number)
