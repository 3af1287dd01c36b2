"""The commune's own sub-units: import from a file, add, rename, move, merge, deactivate;
the setup page for the official list. Every refusal is tested."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures.models import DataValue
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.orgunits.services import UnitError, orgunit_deactivate, orgunit_merge

pytestmark = pytest.mark.django_db

GOOD_CSV = ("Mã,Tên,Loại,Mã đơn vị cấp trên\n"
            "B10,Bản Mới,Bản,\nCB10,Chi bộ bản Mới,Chi bộ,B10\n").encode()


def _upload(client: Any, data: bytes, name: str = "don-vi.csv", unit: str = "SL-PK") -> Any:
    return client.post(reverse("orgunits:unit", args=[unit]),
                       {"file": SimpleUploadedFile(name, data)})


def test_a_leader_imports_sub_units(client: Any, users: dict[str, Any], tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    response = _upload(client, GOOD_CSV)
    assert response.status_code == 302
    village = OrgUnit.objects.get(code="SL-PK-B10")
    cell = OrgUnit.objects.get(code="SL-PK-CB10")
    assert (village.parent, cell.parent, cell.type) == (tree["commune"], village, "party_cell")
    assert cell.path.startswith(village.path)
    assert AuditEvent.objects.filter(action="orgunit.import").count() == 1
    page = client.get(reverse("orgunits:unit", args=["SL-PK"])).content.decode()
    assert "Bản Mới" in page and "Nhập đơn vị trực thuộc từ tệp" in page


def test_a_bad_file_saves_nothing_and_names_each_row(client: Any, users: dict[str, Any],
                                                      tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    data = ("Mã,Tên,Loại,Mã đơn vị cấp trên\nB10,Bản Mới,Bản,\nB10,Bản Trùng,Bản,\n"
            "B11,,Ấp,\nB12,Bản Lạ,Hợp tác xã,\nB13,Bản Con,Bản,X99\nB01,Bản Cũ,Bản,\n").encode()
    response = _upload(client, data)
    assert response.status_code == 400
    page = response.content.decode()
    for expected in ("Dòng 3, cột “Mã”: mã “B10” trùng với dòng 2.", "Dòng 4, cột “Tên”: còn trống.",
                     "Dòng 5, cột “Loại”", "Dòng 6, cột “Mã đơn vị cấp trên”",
                     "Dòng 7, cột “Mã”: mã “B01” đã có"):
        assert expected in page, expected
    assert not OrgUnit.objects.filter(code__in=["SL-PK-B10", "SL-PK-B11"]).exists()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("x.txt", b"abc", "chỉ nhận Excel"),
    ("x.xlsx", b"not a zip", "Không đọc được tệp “x.xlsx”"),
    ("x.csv", "\ufeffTên\nA\n".encode(), "thiếu dòng tiêu đề"),
    ("x.csv", b"\xff\xfe", "UTF-8"),
])
def test_unreadable_files_get_a_message(client: Any, users: dict[str, Any], tree: dict[str, Any],
                                        name: str, data: bytes, message: str) -> None:
    client.force_login(users["alice"])
    response = _upload(client, data, name)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("username", ["olga", "bob", "sam", "charlie", "nobody"])
def test_others_cannot_manage_the_commune(client: Any, users: dict[str, Any],
                                          tree: dict[str, Any], username: str) -> None:
    client.force_login(users[username])
    assert _upload(client, GOOD_CSV).status_code == 403
    assert client.get(reverse("orgunits:change", args=["SL-PK", "SL-PK-B01"])).status_code == 403
    assert not OrgUnit.objects.filter(code="SL-PK-B10").exists()


def test_rename_and_history(client: Any, users: dict[str, Any], tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    url = reverse("orgunits:change", args=["SL-PK", "SL-PK-B01"])
    response = client.post(url, {"action": "rename", "name": "Bản Nà Sàng Mới"})
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="SL-PK-B01").name == "Bản Nà Sàng Mới"
    assert "Bản Nà Sàng → Bản Nà Sàng Mới" in client.get(url).content.decode()


def _figure(resolution: Any, unit: OrgUnit, period: str = "2025") -> DataValue:
    series = resolution.series.filter(aggregation="sum").first() or resolution.series.first()
    return DataValue.objects.create(series=series, orgunit=unit, period=period,
                                    year=int(period[:4]), value=Decimal(5))


def test_merge_moves_figures(client: Any, users: dict[str, Any], tree: dict[str, Any],
                             resolution: Any) -> None:
    old, new = tree["villages"]
    value = _figure(resolution, old)
    orgunit_merge(unit=old, into=new, move_figures=True, actor=users["alice"], reason="NQ 01")
    value.refresh_from_db()
    old.refresh_from_db()
    assert value.orgunit == new
    assert (old.is_active, old.merged_into) == (False, new)
    event = AuditEvent.objects.get(action="orgunit.merge")
    assert event.new["moved_values"] == [value.pk] and event.reason == "NQ 01"
    moved = AuditEvent.objects.get(action="value.move")
    assert moved.object_id == str(value.pk) and "Sáp nhập Bản Nà Sàng vào Bản Pá Khôm" in moved.reason
    client.force_login(users["alice"])
    page = client.get(reverse("figures:value_history", args=[value.pk])).content.decode()
    assert "Chuyển sang đơn vị sáp nhập" in page and "Sáp nhập Bản Nà Sàng" in page


def test_merge_keeps_figures_under_the_old_unit(users: dict[str, Any], tree: dict[str, Any],
                                                resolution: Any) -> None:
    old, new = tree["villages"]
    value = _figure(resolution, old)
    _figure(resolution, new)  # both reported the same figure: it cannot be moved
    with pytest.raises(UnitError):
        orgunit_merge(unit=old, into=new, move_figures=True, actor=users["alice"])
    orgunit_merge(unit=old, into=new, move_figures=False, actor=users["alice"])
    value.refresh_from_db()
    assert value.orgunit == old and OrgUnit.objects.filter(pk=old.pk).exists()


def test_merge_and_deactivate_are_refused_outside_the_subtree(users: dict[str, Any],
                                                              tree: dict[str, Any]) -> None:
    old, new = tree["villages"]
    with pytest.raises(PermissionDenied):
        orgunit_merge(unit=old, into=new, move_figures=True, actor=users["charlie"])
    with pytest.raises(PermissionDenied):
        orgunit_deactivate(unit=old, actor=users["olga"])
    with pytest.raises(UnitError):
        orgunit_merge(unit=old, into=tree["other_village"], move_figures=True,
                      actor=users["admin"])
    assert OrgUnit.objects.get(pk=old.pk).is_active


def test_a_unit_with_figures_is_deactivated_not_deleted(client: Any, users: dict[str, Any],
                                                        tree: dict[str, Any],
                                                        resolution: Any) -> None:
    village = tree["villages"][0]
    _figure(resolution, village)
    client.force_login(users["alice"])
    response = client.post(reverse("orgunits:change", args=["SL-PK", village.code]),
                           {"action": "deactivate", "reason": "giải thể"})
    assert response.status_code == 302
    village.refresh_from_db()
    assert not village.is_active and village.values.count() == 1


def test_the_setup_page_is_for_system_admins(client: Any, users: dict[str, Any]) -> None:
    url = reverse("orgunits:setup")
    for name in ("alice", "sam", "nobody"):
        client.force_login(users[name])
        assert client.get(url).status_code == 403
        assert client.post(url, {"code": "04099"}).status_code == 403
    client.force_login(users["admin"])
    page = client.get(url, {"q": "tan thanh"}).content.decode()
    assert "32025" in page and "31031" in page
    response = client.post(url, {"code": "03985"})
    assert response.status_code == 302
    assert OrgUnit.objects.get(official_code="03985").parent.official_code == "14"


_cell = st.one_of(st.text(max_size=14), st.sampled_from(["B01", "Bản", "Chi bộ", "SL-PK", ""]))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_cell, _cell, _cell, _cell), min_size=1, max_size=6))
def test_any_rows_are_saved_whole_or_refused_with_row_messages(
        users: dict[str, Any], tree: dict[str, Any], rows: list[tuple[str, ...]]) -> None:
    from django.db import transaction

    from nghiquyet.lib.tables import TableRow
    from nghiquyet.orgunits.services import UnitImportError, orgunit_import_children

    table = [TableRow(i + 2, dict(zip(("code", "name", "type", "parent"), r, strict=True)))
             for i, r in enumerate(rows)]
    before = OrgUnit.objects.count()
    try:
        with transaction.atomic():
            created = orgunit_import_children(commune=tree["commune"], rows=table,
                                              actor=users["alice"])
            assert len(created) == len(rows)
            assert all(u.path.startswith(tree["commune"].path) for u in created)
            raise _Undo
    except UnitImportError as exc:
        assert all(e.startswith("Dòng ") for e in exc.errors)
    except _Undo:
        pass
    assert OrgUnit.objects.count() == before


class _Undo(Exception):
    pass
