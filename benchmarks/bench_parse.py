"""Parser throughput on the seed and the corpora, against a baseline measured in the same run.

The baseline reads the same files and runs one regular-expression pass over
them (every number in the text), the least any reader of the text must do. The
ratio parse time / baseline time says what the parser's rules cost, on this
machine, independently of its speed.

It also prints the parse time per 1,000 characters, overall and for each
file with the layout the parser recognised (numbered list, table, prose...).

    python benchmarks/bench_parse.py [--rounds N] [--per-file] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from nghiquyet.textimport import parse_text

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_FOLDERS = (SHARED / "seed", SHARED / "corpus", SHARED / "corpus-layouts")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


def baseline(paths: list[Path]) -> int:
    return sum(len(_NUMBERS.findall(path.read_text(encoding="utf-8"))) for path in paths)


def parse_all(paths: list[Path]) -> int:
    return sum(
        len(parse_text(path.read_text(encoding="utf-8")).registry["indicators"]) for path in paths
    )


def best_of(rounds: int, work: Callable[[list[Path]], int], paths: list[Path]) -> float:
    """The fastest of ``rounds`` runs over all files: the one least disturbed by other load."""
    timings = []
    for _round in range(rounds):
        start = time.perf_counter()
        work(paths)
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--per-file", action="store_true", help="time each file on its own")
    args = parser.parse_args()
    paths = sorted(p for folder in args.folders for p in folder.glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    parse_all(paths)  # warm-up: compiled patterns, imports
    base = best_of(args.rounds, baseline, paths)
    parsed = best_of(args.rounds, parse_all, paths)
    print(f"files: {len(paths)}, characters: {chars}")
    print(
        f"baseline (read + one regex pass): {base * 1000:.2f} ms, {chars / base / 1e6:.1f} M chars/s"
    )
    print(
        f"parse_text (read + parse):        {parsed * 1000:.2f} ms, {chars / parsed / 1e3:.0f} k chars/s, "
        f"{parsed / len(paths) * 1000:.2f} ms per document"
    )
    print(f"ratio parse / baseline: {parsed / base:.0f}x")
    print(f"parse time per 1,000 characters: {parsed / chars * 1e6:.2f} ms")
    if args.per_file:
        for path in paths:
            text = path.read_text(encoding="utf-8")
            layout = parse_text(text).layout
            seconds = best_of(args.rounds, parse_all, [path])
            print(
                f"  {path.stem:32} {layout or '-':10} {len(text):6} chars  "
                f"{seconds * 1000:6.2f} ms  {seconds / len(text) * 1e6:5.2f} ms per 1,000 chars"
            )


if __name__ == "__main__":
    main()
