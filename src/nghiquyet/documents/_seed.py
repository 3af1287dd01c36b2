"""The demo resolution's registry, for sample reports, tests and the benchmark.

Read from the registry the demo package ships (``nghiquyet/demo/data``), the one
copy of ``shared/seed/phieng-khoai-2025-2030.expected.json`` in the product.
Reading a JSON file through importlib keeps this module free of Django.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple


class SeedTarget(NamedTuple):
    label: str
    kind: str
    comparator: str
    value: float
    unit: str
    denominator: float | None
    year: int
    each_year: bool


class SeedIndicator(NamedTuple):
    number: int
    group: str
    text: str
    targets: tuple[SeedTarget, ...]


def _load() -> dict[str, Any]:
    path = resources.files("nghiquyet.demo").joinpath("data/phieng-khoai-2025-2030.registry.json")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


_DOC = _load()
RESOLUTION_TITLE: str = _DOC["resolution"]["title"]
TERM_START: int = _DOC["resolution"]["term_start"]
TERM_END: int = _DOC["resolution"]["term_end"]
GROUPS: tuple[tuple[str, str], ...] = tuple((g["code"], g["title"]) for g in _DOC["groups"])
INDICATORS: tuple[SeedIndicator, ...] = tuple(
    SeedIndicator(
        ind["number"], ind["group"], ind["text"],
        tuple(SeedTarget(t["label"], t["kind"], t["comparator"], t["value"], t["unit"],
                         t["denominator"], t["year"], t["each_year"]) for t in ind["targets"]),
    )
    for ind in _DOC["indicators"]
)
