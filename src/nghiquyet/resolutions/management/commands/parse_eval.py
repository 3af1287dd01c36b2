from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand

from nghiquyet.textimport.cli import parse_eval_main


class Command(BaseCommand):
    help = ("Chấm bộ phân tích trên một thư mục các cặp NAME.txt + NAME.expected.json: độ chính "
            "xác và độ phủ của các mục tiêu, theo từng tệp và tổng; dòng cuối là tổng.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("directory")

    def handle(self, *args: Any, **opts: Any) -> None:
        code = parse_eval_main([opts["directory"]], sys.stdout, sys.stderr)
        if code:
            raise SystemExit(code)  # the message is already on stderr
