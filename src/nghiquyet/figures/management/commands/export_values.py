from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.figures.exchange import export_rows
from nghiquyet.figures.interchange import write_csv, write_xlsx
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions.cli import resolution_from_arg, unit_from_arg


class Command(BaseCommand):
    help = "Xuất số liệu của một nghị quyết ra Excel (.xlsx) hoặc CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("resolution", help="id của nghị quyết")
        parser.add_argument("-o", "--output", type=Path, required=True,
                            help="tệp ra: .xlsx hoặc .csv")
        parser.add_argument("--orgunit", help="mã đơn vị (mặc định: đơn vị ban hành)")
        parser.add_argument("--year", type=int, action="append", help="năm (lặp lại được)")

    def handle(self, *args: Any, **opts: Any) -> None:
        resolution = resolution_from_arg(opts["resolution"])
        root = unit_from_arg(resolution, opts["orgunit"])
        rows = export_rows(resolution, root, opts["year"])
        out: Path = opts["output"]
        if out.suffix.lower() == ".csv":
            out.write_bytes(write_csv(rows))
        elif out.suffix.lower() == ".xlsx":
            out.write_bytes(write_xlsx(rows, {"resolution": str(resolution.pk)}, resolution.title))
        else:
            raise CommandError(_("Tệp ra phải có đuôi .xlsx hoặc .csv."))
        self.stderr.write(_("Đã ghi %(n)d dòng vào %(file)s.") % {"n": len(rows), "file": out})
