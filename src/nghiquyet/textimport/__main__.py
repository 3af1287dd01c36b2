"""``python -m nghiquyet.textimport FILE [-o OUT.json]``, or ``... eval DIR``."""

from __future__ import annotations

import sys

from nghiquyet.textimport.cli import parse_eval_main, parse_resolution_main


def main(argv: list[str]) -> int:
    if argv and argv[0] == "eval":
        return parse_eval_main(argv[1:], sys.stdout, sys.stderr)
    return parse_resolution_main(argv, sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
