from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.selectors import subtree_figures

P2026 = parse_period("2026")


def save(user, series, unit, value=None, version=0, **kw):
    return services.value_save(actor=user, series=series, orgunit=unit, period=P2026,
                               value=value, expected_version=version, **kw)


@pytest.mark.django_db
def test_reporter_entry_updates_the_commune_figure(assigned, series, tree, resolution):
    bob = assigned["bob"]
    village = tree["villages"][0]
    result = save(bob, series["grain"], village, D(1200))
    assert result.created and result.value.status == "draft"
    figs = subtree_figures(resolution, tree["commune"], [2026])
    commune_fig = figs.of(series["grain"].pk)[2026]
    assert commune_fig.value == 1200 and commune_fig.source == "computed"
    assert (commune_fig.reported, commune_fig.expected) == (1, 2)


@pytest.mark.django_db
def test_full_workflow_is_audited(assigned, series, tree):
    bob, alice = assigned["bob"], assigned["alice"]
    village = tree["villages"][0]
    v = save(bob, series["grain"], village, D(1200)).value
    v = services.value_submit(actor=bob, value=v, expected_version=1)
    assert v.status == "submitted" and v.submitted_by == bob
    v = services.value_return(actor=alice, value=v, comment="Số liệu thiếu bản Pá Khôm",
                              expected_version=2)
    assert v.status == "returned"
    v = save(bob, series["grain"], village, D(1250), version=3).value
    v = services.value_submit(actor=bob, value=v, expected_version=4)
    v = services.value_approve(actor=alice, value=v, expected_version=5)
    assert v.status == "approved" and v.approved_by == alice
    with pytest.raises(services.WorkflowError, match="khóa"):
        save(bob, series["grain"], village, D(1300), version=6)
    with pytest.raises(services.WorkflowError, match="lý do"):
        services.value_reopen(actor=alice, value=v, reason=" ")
    v = services.value_reopen(actor=alice, value=v, reason="Cục Thống kê điều chỉnh")
    assert v.status == "draft"
    actions = list(AuditEvent.objects.filter(object_id=str(v.pk), object_type="reporting.datavalue")
                   .order_by("id").values_list("action", "actor__username", "reason"))
    assert actions == [
        ("value.create", "bob", ""), ("value.submit", "bob", ""),
        ("value.return", "alice", "Số liệu thiếu bản Pá Khôm"), ("value.update", "bob", ""),
        ("value.submit", "bob", ""), ("value.approve", "alice", ""),
        ("value.reopen", "alice", "Cục Thống kê điều chỉnh"),
    ]
    update = AuditEvent.objects.get(object_id=str(v.pk), action="value.update")
    assert update.old["value"] == "1200" and update.new["value"] == "1250"


@pytest.mark.django_db
def test_restore_an_earlier_value(assigned, series, tree):
    bob = assigned["bob"]
    village = tree["villages"][0]
    v = save(bob, series["grain"], village, D(1200)).value
    save(bob, series["grain"], village, D(9999), version=1)
    first = AuditEvent.objects.get(object_id=str(v.pk), action="value.create")
    result = services.value_restore(actor=bob, value=v, event_id=first.pk, expected_version=2)
    assert result.value.value == 1200 and result.value.version == 3
    assert AuditEvent.objects.filter(object_id=str(v.pk), object_type="reporting.datavalue").count() == 3
    assert "Khôi phục" in AuditEvent.objects.latest("id").reason


@pytest.mark.django_db
def test_stale_version_is_a_conflict(assigned, series, tree):
    bob = assigned["bob"]
    village = tree["villages"][0]
    save(bob, series["grain"], village, D(1))
    with pytest.raises(services.ConflictError):
        save(bob, series["grain"], village, D(2), version=0)  # the form saw no value
    save(bob, series["grain"], village, D(2), version=1)
    with pytest.raises(services.ConflictError):
        save(bob, series["grain"], village, D(3), version=1)
    assert DataValue.objects.get().value == 2


@pytest.mark.django_db
def test_validation_errors_save_nothing(assigned, series, tree):
    with pytest.raises(services.InvalidValue) as info:
        save(assigned["bob"], series["grain"], tree["villages"][0], D(-5))
    assert info.value.issues[0].field == "value"
    with pytest.raises(services.InvalidValue):
        services.value_save(actor=assigned["bob"], series=series["poverty"],
                            orgunit=tree["villages"][0], period=P2026,
                            numerator=D(60), denominator=D(50), expected_version=0)
    assert DataValue.objects.count() == 0


@pytest.mark.django_db
def test_warnings_do_not_stop_the_save(assigned, series, tree):
    village = tree["villages"][0]
    services.value_save(actor=assigned["bob"], series=series["grain"], orgunit=village,
                        period=parse_period("2025"), value=D(100))
    result = save(assigned["bob"], series["grain"], village, D(300))
    assert result.warnings and "so với năm trước" in result.warnings[0].message
    assert DataValue.objects.get(period="2026").value == 300


@pytest.mark.django_db
def test_nobody_approves_their_own_submission(assigned, series, tree):
    admin = assigned["admin"]
    v = save(admin, series["revenue"], tree["commune"], D(700)).value
    v = services.value_submit(actor=admin, value=v)
    with pytest.raises(PermissionDenied):
        services.value_approve(actor=admin, value=v)
    services.value_approve(actor=assigned["alice"], value=v)


@pytest.mark.django_db
def test_approve_a_units_batch(client, assigned, series, tree, resolution):
    from django.urls import reverse

    bob = assigned["bob"]
    village = tree["villages"][0]
    for s, kw in ((series["grain"], {"value": D(5)}),
                  (series["poverty"], {"numerator": D(5), "denominator": D(50)})):
        v = services.value_save(actor=bob, series=s, orgunit=village, period=P2026,
                                expected_version=0, **kw).value
        services.value_submit(actor=bob, value=v)
    client.force_login(assigned["charlie"])
    assert client.post(reverse("figures:approve_unit", args=[resolution.pk]),
                       {"unit": "SL-PK-B01"}).status_code == 403
    client.force_login(assigned["alice"])
    page = client.get(reverse("figures:approvals", args=[resolution.pk])).content.decode()
    assert "Duyệt cả 2 số liệu của Bản Nà Sàng" in page
    client.post(reverse("figures:approve_unit", args=[resolution.pk]), {"unit": "SL-PK-B01"})
    assert set(DataValue.objects.values_list("status", flat=True)) == {"approved"}
    assert AuditEvent.objects.filter(action="value.approve").count() == 2
