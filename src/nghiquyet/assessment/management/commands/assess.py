from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.assessment.serialize import assessment_header, target_row
from nghiquyet.figures.figure_sets import DEFAULT_FIGURE_SET, FigureSet
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number
from nghiquyet.resolutions.cli import resolution_from_arg, unit_from_arg


class Command(BaseCommand):
    help = "In tình trạng, tỷ số, dự báo và giải thích của từng mục tiêu một nghị quyết."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("resolution", help="id của nghị quyết")
        parser.add_argument("--year", type=int, required=True, help="năm đánh giá")
        parser.add_argument("--orgunit", help="mã đơn vị (mặc định: đơn vị ban hành)")
        parser.add_argument("--json", action="store_true", help="in JSON")
        figures = parser.add_mutually_exclusive_group()
        figures.add_argument("--all-figures", action="store_true",
                             help="dùng cả số liệu đang nhập và chờ duyệt (mặc định: chỉ số "
                                  "liệu đã phê duyệt)")
        figures.add_argument("--approved-only", action="store_true",
                             help="chỉ dùng số liệu đã phê duyệt (mặc định)")

    def handle(self, *args: Any, **opts: Any) -> None:
        resolution = resolution_from_arg(opts["resolution"])
        unit = unit_from_arg(resolution, opts["orgunit"])
        year = opts["year"]
        if not resolution.term_start <= year <= resolution.term_end:
            raise CommandError(_("Năm %(y)d nằm ngoài nhiệm kỳ %(a)d–%(b)d.")
                               % {"y": year, "a": resolution.term_start, "b": resolution.term_end})
        figures = FigureSet.ALL if opts["all_figures"] else DEFAULT_FIGURE_SET
        ra = assess_resolution(resolution, unit, year, approved_only=figures.approved_only)
        rows = [target_row(ra, i, t) for i in ra.indicators for t in i.targets]
        header = assessment_header(ra)
        if header["forecast_note"]:
            self.stderr.write(_("Cảnh báo: {note}").format(note=header["forecast_note"]))
        if opts["json"]:
            self.stdout.write(json.dumps({
                "resolution": resolution.pk, "orgunit": unit.code, "year": year, **header,
                "summary": ra.counts.summary, "targets": rows}, ensure_ascii=False, indent=2))
            return
        self.stdout.write(ra.figure_set.note)
        for r in rows:
            ratio = "—" if r["ratio"] is None else format_number(r["ratio"], 2)
            projected = "—" if r["projected"] is None else format_number(r["projected"], 1)
            self.stdout.write(
                f"({r['indicator']}) {r['target_text']:<28} {r['status_label']:<16} "
                f"({r['method_label']}) R={ratio:<6} {_('dự kiến')} {projected:<10} "
                f"{r['explanation']}")
        self.stdout.write(ra.counts.summary)
