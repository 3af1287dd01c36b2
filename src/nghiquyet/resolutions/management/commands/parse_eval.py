from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nghiquyet.textimport.cli import parse_eval_main


class Command(BaseCommand):
    help = ("Chấm bộ phân tích trên một thư mục các cặp NAME.txt + NAME.expected.json: độ chính "
            "xác và độ phủ của các mục tiêu, theo từng tệp và tổng; dòng cuối là tổng.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory")
        parser.add_argument("--term", help="nhiệm kỳ, ví dụ 2025-2030, cho văn bản không ghi "
                                           "nhiệm kỳ (văn bản có ghi thì dùng nhiệm kỳ của nó)")

        parser.add_argument("--formats", help="chấm cả TÊN.docx, TÊN.pdf nếu có, ví dụ "
                                              "txt,docx,pdf (mặc định: txt)")

    def handle(self, *args: Any, **opts: Any) -> None:
        argv = [opts["directory"]] + (["--term", opts["term"]] if opts["term"] else [])
        argv += ["--formats", opts["formats"]] if opts["formats"] else []
        code = parse_eval_main(argv, sys.stdout, sys.stderr)
        if code:
            raise SystemExit(code)  # the message is already on stderr
