"""Two writers at once on PostgreSQL: no update is lost, one of them gets a conflict."""

import threading
from decimal import Decimal as D

import pytest
from django.db import connection, connections

from nghiquyet.reporting import services
from nghiquyet.reporting.models import DataValue
from nghiquyet.reporting.periods import parse_period

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_writers_with_the_same_version(assigned, series, tree):
    bob, olga = assigned["bob"], assigned["olga"]
    village = tree["villages"][0]
    services.value_save(actor=bob, series=series["grain"], orgunit=village,
                        period=parse_period("2026"), value=D(1), expected_version=0)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def write(user, amount):
        try:
            barrier.wait(timeout=10)
            services.value_save(actor=user, series=series["grain"], orgunit=village,
                                period=parse_period("2026"), value=D(amount), expected_version=1)
            outcomes.append("saved")
        except services.ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(bob, 10)),
               threading.Thread(target=write, args=(olga, 20))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "saved"]
    value = DataValue.objects.get()
    assert value.version == 2 and value.value in (10, 20)


@pytest.mark.django_db(transaction=True)
def test_two_first_inserts_of_the_same_cell(assigned, series, tree):
    bob, olga = assigned["bob"], assigned["olga"]
    village = tree["villages"][0]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def write(user, amount):
        try:
            barrier.wait(timeout=10)
            services.value_save(actor=user, series=series["grain"], orgunit=village,
                                period=parse_period("2026"), value=D(amount), expected_version=0)
            outcomes.append("saved")
        except services.ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(u, n)) for u, n in ((bob, 1), (olga, 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "saved"]
    assert DataValue.objects.count() == 1
