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


def _hold_issuer(monkeypatch, holder: str, locker: str, wait: float) -> threading.Event:
    """Make thread ``holder`` stop inside its first refresh, once it holds the issuer's
    row, until thread ``locker`` has locked its figure (it reaches the version check) or
    ``wait`` seconds pass. Returns the event set when ``holder`` holds the row."""
    from nghiquyet.figures import store

    holds, locked = threading.Event(), threading.Event()
    rows_for, check_version = store._rows_for, services._check_version

    def rows_for_holding_the_issuer(*args, **kwargs):
        if threading.current_thread().name == holder and not holds.is_set():
            holds.set()
            locked.wait(timeout=wait)
        return rows_for(*args, **kwargs)

    def check_version_then_signal(*args, **kwargs):
        if threading.current_thread().name == locker:
            locked.set()
        return check_version(*args, **kwargs)

    monkeypatch.setattr(store, "_rows_for", rows_for_holding_the_issuer)
    monkeypatch.setattr(services, "_check_version", check_version_then_signal)
    return holds


def _in_turns(first, second, first_holds: threading.Event, tolerated=()) -> list[BaseException]:
    """Run ``first`` (name, work) in its own thread until it holds the issuer's row, then
    ``second`` beside it; return what either raised, ``tolerated`` errors aside."""
    errors: list[BaseException] = []

    def run(work):
        try:
            work()
        except tolerated:
            pass
        except BaseException as exc:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(name=name, target=run, args=(work,))
               for name, work in (first, second)]
    threads[0].start()
    assert first_holds.wait(timeout=10)
    threads[1].start()
    for t in threads:
        t.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_a_submit_and_a_save_in_one_village_at_once_do_not_deadlock(assigned, series, tree,
                                                                     monkeypatch):
    """Seen under load (benchmarks/loadtest.py: two HTTP 500s in 4.800 requests). The
    submit locked its figure's row and, through the join to the unit, the village's row;
    the save, holding the issuer's row for its refresh, then waited at its commit for the
    village (the foreign-key check of the figure it inserted), while the submit waited
    for the issuer's row: PostgreSQL broke the deadlock by failing one of them."""
    from nghiquyet.figures import store

    olga, village = assigned["olga"], tree["villages"][0]
    grain = services.value_save(actor=olga, series=series["grain"], orgunit=village,
                                period=parse_period("2026"), value=D(5), expected_version=0).value
    save_holds_issuer = _hold_issuer(monkeypatch, "save", "submit", wait=10)
    errors = _in_turns(
        ("save", lambda: services.value_save(
            actor=olga, series=series["poverty"], orgunit=village, period=parse_period("2026"),
            numerator=D(3), denominator=D(60), expected_version=0)),
        ("submit", lambda: services.value_submit(actor=olga, value=grain, expected_version=1)),
        save_holds_issuer)
    assert errors == []
    assert DataValue.objects.get(pk=grain.pk).status == "submitted"
    assert DataValue.objects.filter(series=series["poverty"], orgunit=village).exists()
    checked, differences = store.check_figures(series_ids=[series["grain"].pk,
                                                           series["poverty"].pk])
    assert checked > 0 and differences == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("batch", ["submit", "approve"])
def test_a_batch_and_a_save_of_one_of_its_figures_do_not_deadlock(assigned, series, tree,
                                                                 monkeypatch, batch):
    """"Gửi duyệt tất cả" (or approving a unit's batch) runs every figure in one
    transaction. It used to lock each figure in turn, holding the issuer's row since the
    first figure's refresh; a save of a later figure (locked first, then waiting for the
    issuer's row) closed the circle. Now the batch locks all its figures first: the save
    waits, then meets a version conflict, which the page shows."""
    olga, alice, village = assigned["olga"], assigned["alice"], tree["villages"][0]
    first, second = (services.value_save(
        actor=olga, series=s, orgunit=village, period=parse_period("2026"), expected_version=0,
        **parts).value for s, parts in ((series["grain"], {"value": D(5)}),
                                        (series["poverty"], {"numerator": D(3),
                                                             "denominator": D(60)})))
    if batch == "approve":
        first, second = (services.value_submit(actor=olga, value=v) for v in (first, second))
    # With the fix the save waits for the batch's lock and never signals: 3 s, then on.
    batch_holds_issuer = _hold_issuer(monkeypatch, "batch", "save", wait=3)

    def do_batch():
        values = list(DataValue.objects.filter(pk__in=[first.pk, second.pk]).order_by("pk"))
        if batch == "submit":
            services.values_submit_all(actor=olga, values=values)
        else:
            services.values_approve_all(actor=alice, values=values)

    errors = _in_turns(
        ("batch", do_batch),
        ("save", lambda: services.value_save(
            actor=olga, series=series["poverty"], orgunit=village, period=parse_period("2026"),
            numerator=D(4), denominator=D(60), expected_version=second.version)),
        batch_holds_issuer,
        # the save came second and saw the batch's change: the page says so
        tolerated=services.ConflictError)
    assert errors == []
    done = "submitted" if batch == "submit" else "approved"
    assert DataValue.objects.get(pk=first.pk).status == done
