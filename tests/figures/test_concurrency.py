"""Two writers at once on PostgreSQL: no update is lost, one of them gets a conflict."""

import contextlib
import threading
from decimal import Decimal as D

import pytest
from django.db import connection, connections

from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="row locks need PostgreSQL")


def _race(series, village, writers, expected_version):
    """Start the writers together; return what each one got."""
    barrier = threading.Barrier(len(writers))
    outcomes: list[str] = []

    def write(user, amount):
        try:
            barrier.wait(timeout=10)
            services.value_save(actor=user, series=series, orgunit=village,
                                period=parse_period("2026"), value=D(amount),
                                expected_version=expected_version)
            outcomes.append("saved")
        except services.ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=w) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_writers_with_the_same_version(assigned, series, tree):
    bob, olga = assigned["bob"], assigned["olga"]
    village = tree["villages"][0]
    services.value_save(actor=bob, series=series["grain"], orgunit=village,
                        period=parse_period("2026"), value=D(1), expected_version=0)
    outcomes = _race(series["grain"], village, [(bob, 10), (olga, 20)], expected_version=1)
    assert outcomes == ["conflict", "saved"]
    value = DataValue.objects.get()
    assert value.version == 2 and value.value in (10, 20)


@pytest.mark.django_db(transaction=True)
def test_two_first_inserts_of_the_same_cell(assigned, series, tree):
    bob, olga = assigned["bob"], assigned["olga"]
    outcomes = _race(series["grain"], tree["villages"][0], [(bob, 1), (olga, 2)],
                     expected_version=0)
    assert outcomes == ["conflict", "saved"]
    assert DataValue.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_villages_saved_at_once_both_reach_the_commune_total(assigned, series, tree,
                                                                  monkeypatch):
    """Each save refreshes the commune's stored total. The refreshes must take turns:
    run side by side, the second would insert a commune row the first already wrote
    (unique key) or a total that misses the first village."""
    from nghiquyet.figures import store

    olga = assigned["olga"]
    a, b = tree["villages"][0], tree["villages"][1]
    start, meet = threading.Barrier(2), threading.Barrier(2)
    errors: list[BaseException] = []
    rows_for = store._rows_for

    def rows_for_together(*args, **kwargs):
        # Make both refreshes read their roll-up at the same moment, if they can.
        # If the other one is held by the lock (the point of the test), go on alone.
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait(timeout=2)
        return rows_for(*args, **kwargs)

    monkeypatch.setattr(store, "_rows_for", rows_for_together)

    def write(village, amount):
        try:
            start.wait(timeout=10)
            services.value_save(actor=olga, series=series["grain"], orgunit=village,
                                period=parse_period("2026"), value=D(amount),
                                expected_version=0)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(a, 10)),
               threading.Thread(target=write, args=(b, 20))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    monkeypatch.setattr(store, "_rows_for", rows_for)
    checked, differences = store.check_figures(series_ids=[series["grain"].pk])
    assert checked > 0 and differences == []
