from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.figures.figure_sets import figure_set
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.reports import services
from nghiquyet.reports.report_periods import parse_report_period
from nghiquyet.reports.selectors import figures_through, forecast_note
from nghiquyet.resolutions.cli import resolution_from_arg, unit_from_arg
from nghiquyet.resolutions.models import Resolution


class Command(BaseCommand):
    help = ("Lập báo cáo kết quả thực hiện các chỉ tiêu của một nghị quyết cho một đơn vị và "
            "một kỳ, ra tệp Word, Excel hoặc PDF.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("resolution", help="id hoặc tên đầy đủ của nghị quyết")
        parser.add_argument("--orgunit", help="mã đơn vị (mặc định: đơn vị ban hành nghị quyết)")
        parser.add_argument("--period", required=True,
                            help="kỳ báo cáo: 2026, 2026H1, giua-nhiem-ky, nhiem-ky")
        parser.add_argument("--format", default="docx", help="docx (mặc định), xlsx hoặc pdf")
        parser.add_argument("--all-figures", action="store_true",
                            help="dùng cả số liệu chưa được phê duyệt")
        parser.add_argument("--date", help="ngày báo cáo YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument("--number", default="", help="số văn bản, ví dụ 12")
        parser.add_argument("--signer", default="", help="họ tên người ký")
        parser.add_argument("--user", help="lập thay mặt người dùng này (kiểm tra quyền, "
                                           "ghi vào nhật ký); mặc định: hệ thống")
        parser.add_argument("-o", "--output", type=Path,
                            help="tệp ra (mặc định: tên tệp chuẩn trong thư mục hiện tại)")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = _user(opts["user"])
        resolution = _resolution(opts["resolution"], user)
        unit = _unit(resolution, opts["orgunit"] or resolution.issuer.code, user)
        approved_only = not opts["all_figures"]
        self.stderr.write(figure_set(approved_only).note)
        try:
            period = parse_report_period(opts["period"], resolution.term_start,
                                         resolution.term_end)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        warning = forecast_note(period, figures_through(resolution, unit,
                                                        approved_only=approved_only))
        if warning:  # said first, before the file is built
            self.stderr.write(_("Cảnh báo: {note}").format(note=warning))
        try:
            built = services.report_build(
                actor=user, resolution=resolution, unit=unit, period=opts["period"],
                fmt=opts["format"], approved_only=approved_only,
                report_date=_date(opts["date"]), number=opts["number"],
                signer_name=opts["signer"],
            )
        except (ValueError, services.PdfUnavailable, services.PdfConversionFailed) as exc:
            raise CommandError(str(exc)) from exc
        output: Path = opts["output"] or Path(built.filename)
        try:
            output.write_bytes(built.content)
        except OSError as exc:
            raise CommandError(_("Không ghi được tệp {file}: thư mục không tồn tại hoặc không có "
                                 "quyền ghi.").format(file=output)) from exc
        self.stderr.write(_("Đã ghi {file} ({size} KB).").format(
            file=output, size=max(1, len(built.content) // 1024)))


def _user(username: str | None) -> Any:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(_("Không có người dùng “{name}” (hoặc tài khoản đã khóa).").format(
            name=username))
    return user


def _resolution(value: str, user: Viewer) -> Resolution:
    resolution = resolution_from_arg(value)
    if user is None:
        return resolution  # the operator of the server sees everything
    try:
        return access.get_resolution_for_user(user, resolution.pk)
    except PermissionDenied as exc:
        raise CommandError(_("Người dùng “{name}” không có quyền xem nghị quyết này.").format(
            name=user.get_username())) from exc


def _unit(resolution: Resolution, code: str, user: Viewer) -> OrgUnit:
    try:
        if user is None:
            return unit_from_arg(resolution, code)
        return access.get_unit_for_user(user, resolution, code)
    except Http404 as exc:
        raise CommandError(_("Không có đơn vị mã “{code}” thuộc {issuer}.").format(
            code=code, issuer=resolution.issuer.name)) from exc
    except PermissionDenied as exc:
        raise CommandError(_("Người dùng “{name}” không có quyền xem số liệu của đơn vị "
                             "“{code}”.").format(name=user.get_username(), code=code)) from exc


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(_("Ngày “{text}” không hợp lệ; viết YYYY-MM-DD, ví dụ 2026-12-20.")
                           .format(text=text)) from exc
