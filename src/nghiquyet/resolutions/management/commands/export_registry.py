from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions.cli import resolution_from_arg
from nghiquyet.resolutions.selectors import registry_export


class Command(BaseCommand):
    help = "Xuất danh mục chỉ tiêu của một nghị quyết ra JSON nghiquyet.registry/1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("resolution", help="id của nghị quyết")
        parser.add_argument("-o", "--output", type=Path, help="tệp ra (mặc định: stdout)")

    def handle(self, *args: Any, **opts: Any) -> None:
        resolution = resolution_from_arg(opts["resolution"])
        text = json.dumps(registry_export(resolution), ensure_ascii=False, indent=2)
        if opts["output"]:
            opts["output"].write_text(text + "\n", encoding="utf-8")
            self.stderr.write(_("Đã ghi %(file)s.") % {"file": opts["output"]})
        else:
            self.stdout.write(text)
