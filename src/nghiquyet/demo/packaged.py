"""The registries the demo package ships (``nghiquyet/demo/data``): the one loader.

Read through importlib, so this module is free of Django and serves the demo,
the sample report (``documents``) and the benchmarks alike.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SEED_REGISTRY = "phieng-khoai-2025-2030.registry.json"


def packaged_registry(filename: str = SEED_REGISTRY) -> dict[str, Any]:
    text = resources.files("nghiquyet.demo").joinpath(f"data/{filename}").read_text(
        encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc
