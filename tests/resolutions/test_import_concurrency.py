"""Two imports of the same resolution at once on PostgreSQL: one is saved, the other is
told the resolution exists (the issuer's row lock serializes the duplicate check)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from nghiquyet.resolutions.models import Resolution
from nghiquyet.resolutions.services import DuplicateResolution, registry_import

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_imports_at_once(tree: dict[str, Any], seed_doc: dict[str, Any]) -> None:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            registry_import(doc=seed_doc, issuer=tree["commune"])
            outcomes.append("saved")
        except DuplicateResolution:
            outcomes.append("duplicate")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["duplicate", "saved"]
    assert Resolution.objects.count() == 1
