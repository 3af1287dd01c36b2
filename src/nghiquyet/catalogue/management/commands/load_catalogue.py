"""Write the shipped common catalogue, then (with --map) map every resolution to it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from nghiquyet.catalogue.services import catalogue_load, map_resolution
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions.models import Resolution


class Command(BaseCommand):
    help = "Nạp danh mục chỉ tiêu chung (và ghép tự động các mục tiêu với --map)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--map", action="store_true",
                            help="ghép tự động mục tiêu của mọi nghị quyết sau khi nạp")

    def handle(self, *args: Any, **options: Any) -> None:
        done = catalogue_load(actor=None)
        self.stdout.write(_("Danh mục chung: thêm {created}, cập nhật {updated} chỉ tiêu.").format(
            created=len(done["created"]), updated=len(done["updated"])))
        if not options["map"]:
            return
        for resolution in Resolution.objects.select_related("issuer").order_by("pk"):
            result = map_resolution(resolution=resolution, actor=None)
            self.stdout.write(_("{title}: ghép mới {created}, đổi {changed}, giữ {kept} "
                                "lựa chọn thủ công.").format(
                title=resolution.title, created=result.created, changed=result.changed,
                kept=result.kept_manual))
