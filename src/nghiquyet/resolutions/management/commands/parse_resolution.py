from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nghiquyet.textimport.cli import parse_resolution_main


class Command(BaseCommand):
    help = ("Đọc văn bản nghị quyết (.txt, .docx, .pdf) thành danh mục chỉ tiêu JSON "
            "(nghiquyet.registry/1). Không cần cơ sở dữ liệu.")
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("-o", "--output", help="tệp JSON ra (mặc định: stdout)")
        parser.add_argument("--term", help="nhiệm kỳ, ví dụ 2025-2030, cho văn bản không ghi "
                                           "nhiệm kỳ (bản trích, phụ lục)")

    def handle(self, *args: Any, **opts: Any) -> None:
        argv = [opts["file"]] + (["-o", opts["output"]] if opts["output"] else [])
        argv += ["--term", opts["term"]] if opts["term"] else []
        code = parse_resolution_main(argv, sys.stdout, sys.stderr)
        if code:
            raise SystemExit(code)  # the message is already on stderr
