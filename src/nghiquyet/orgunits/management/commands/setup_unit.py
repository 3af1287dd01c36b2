from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits import official
from nghiquyet.orgunits.services import UnitError, orgunit_setup_official


class Command(BaseCommand):
    help = ("Tạo tỉnh và xã/phường theo danh mục hành chính 2025, theo mã (04099) hoặc tên "
            "(có dấu hay không dấu; thêm “, tên tỉnh” để thu hẹp).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="+", help="Mã hoặc tên xã/phường.")

    def handle(self, *args: Any, **opts: Any) -> None:
        query = " ".join(opts["query"])
        found = official.find_communes(query)
        if not found:
            raise CommandError(_("Không tìm thấy xã/phường “%(q)s” trong danh mục hành chính.")
                               % {"q": query})
        if len(found) > 1:
            lines = "\n  ".join(c.label for c in found)
            raise CommandError(
                _("“%(q)s” ứng với nhiều đơn vị; hãy gõ mã hoặc thêm tên tỉnh:") % {"q": query}
                + "\n  " + lines)
        try:
            commune = orgunit_setup_official(commune_code=found[0].code, actor=None)
        except UnitError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(_("Đã thiết lập %(unit)s (mã đơn vị trong hệ thống: %(code)s).")
                          % {"unit": found[0].label, "code": commune.code})
