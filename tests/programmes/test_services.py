"""Services: a yearly task rolls to next year when confirmed; refusals at the service level."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.programmes import services
from nghiquyet.programmes.models import ItemStatus, ProgrammeItem, Recurrence

pytestmark = pytest.mark.django_db


def _yearly(programme: Any, units: dict[str, Any], users: dict[str, Any]) -> ProgrammeItem:
    return services.item_create(actor=users["olga"], programme=programme, spec=services.ItemSpec(
        content="Giao dự toán thu ngân sách", lead_unit=units["SL-PK-CQ02"],
        due_date=dt.date(2026, 3, 31), recurrence=Recurrence.YEARLY, recurrence_quarter=1))


def test_a_yearly_task_rolls_to_next_year(programme: Any, units: dict[str, Any],
                                          users: dict[str, Any]) -> None:
    item = _yearly(programme, units, users)
    services.progress_post(actor=users["olga"], item=item, on=dt.date(2026, 3, 20), text="Xong",
                           percent=100)
    services.completion_propose(actor=users["olga"], item=item)
    services.completion_confirm(actor=users["alice"], item=item)
    item.refresh_from_db()
    assert (item.status, item.due_date, item.percent) == (
        ItemStatus.IN_PROGRESS, dt.date(2027, 3, 31), 0)
    with pytest.raises(ValidationError):  # next year needs its own report first
        services.completion_propose(actor=users["olga"], item=item)
    # In the term's last year, confirming closes it.
    item.due_date = dt.date(2030, 3, 31)
    item.save(update_fields=["due_date"])
    services.progress_post(actor=users["olga"], item=item, on=dt.date(2026, 4, 1), text="Xong",
                           percent=100)
    services.completion_propose(actor=users["olga"], item=item)
    services.completion_confirm(actor=users["alice"], item=item)
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE


def test_services_refuse_on_their_own(item: Any, users: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        services.progress_post(actor=users["charlie"], item=item, on=dt.date(2026, 1, 5),
                               text="x", percent=5)
    with pytest.raises(PermissionDenied):
        services.item_edit(actor=users["sam"], item=item, changes={"content": "x"})
    services.progress_post(actor=users["olga"], item=item, on=dt.date(2026, 1, 5), text="x",
                           percent=5)
    services.completion_propose(actor=users["olga"], item=item)
    for name in ("olga", "sam", "bob", "charlie"):
        with pytest.raises(PermissionDenied):
            services.completion_confirm(actor=users[name], item=item)
    with pytest.raises(ValidationError):
        services.progress_post(actor=users["olga"], item=item, on=dt.date(2026, 1, 5),
                               text="x", percent=120)


def test_an_item_belongs_to_its_resolution(programme: Any, users: dict[str, Any],
                                           tree: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="không thuộc"):
        services.item_create(actor=users["admin"], programme=programme, spec=services.ItemSpec(
            content="x", lead_unit=tree["other_village"], due_date=dt.date(2026, 6, 30)))
