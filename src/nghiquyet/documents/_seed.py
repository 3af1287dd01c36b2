"""The demo resolution's registry, for sample reports, tests and the benchmark.

Read from the registry the demo package ships (``nghiquyet/demo/data``), the one
copy of ``shared/seed/phieng-khoai-2025-2030.expected.json`` in the product.
Reading a JSON file through importlib keeps this module free of Django.
"""

from __future__ import annotations

from typing import NamedTuple

from nghiquyet.demo.packaged import packaged_registry


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


_DOC = packaged_registry()
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
