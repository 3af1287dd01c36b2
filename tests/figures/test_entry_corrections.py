"""Entry corrections: a figure entered over a roll-up can be cleared (audited), and what a
unit enters follows the series and the unit: a number, a ratio, a yes/no, or a count of
the units below that meet a yes/no standard."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue, SeriesAssignment
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.selectors import entry_grid, subtree_figures
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.resolutions.models import DataSeries

pytestmark = pytest.mark.django_db
P2025, P2026 = parse_period("2025"), parse_period("2026")


def _save(user, series, unit, value, period=P2026, version=0):
    return services.value_save(actor=user, series=series, orgunit=unit, period=period,
                               value=value, expected_version=version).value


def test_a_commune_figure_typed_over_its_villages_can_be_cleared(assigned, series, tree,
                                                                  resolution):
    olga, bob = assigned["olga"], assigned["bob"]
    grain, commune = series["grain"], tree["commune"]
    _save(bob, grain, tree["villages"][0], D(1200))
    typed = _save(olga, grain, commune, D(99))  # by mistake, over the villages' total
    assert subtree_figures(resolution, commune, [2026]).of(grain.pk)[2026].value == 99
    services.value_clear(actor=olga, value=typed, expected_version=typed.version,
                         reason="Nhập nhầm")
    assert not DataValue.objects.filter(pk=typed.pk).exists()
    figure = subtree_figures(resolution, commune, [2026]).of(grain.pk)[2026]
    assert (figure.value, figure.source) == (1200, "computed")  # the roll-up is back
    event = AuditEvent.objects.get(action="value.clear")
    assert event.actor == olga and event.reason == "Nhập nhầm"
    assert event.old["value"] == "99" and event.orgunit == commune


def test_clearing_checks_who_and_what(assigned, users, series, tree):
    olga, alice = assigned["olga"], assigned["alice"]
    typed = _save(olga, series["grain"], tree["commune"], D(99))
    with pytest.raises(PermissionDenied):
        services.value_clear(actor=users["charlie"], value=typed)
    with pytest.raises(services.ConflictError):
        services.value_clear(actor=olga, value=typed, expected_version=typed.version + 1)
    typed = services.value_submit(actor=olga, value=typed, expected_version=typed.version)
    typed = services.value_approve(actor=alice, value=typed, expected_version=typed.version)
    with pytest.raises(services.WorkflowError, match="mở lại"):
        services.value_clear(actor=olga, value=typed)
    assert DataValue.objects.filter(pk=typed.pk).exists()
    assert not AuditEvent.objects.filter(action="value.clear").exists()


def test_the_grid_clears_through_the_same_service(client, assigned, series, tree, resolution):
    olga = assigned["olga"]
    typed = _save(olga, series["grain"], tree["commune"], D(99))
    client.force_login(olga)
    response = client.post(reverse("figures:value_clear", args=[typed.pk]),
                           {"version": typed.version}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Đã xóa số nhập trực tiếp" in response.content.decode()
    assert not DataValue.objects.filter(pk=typed.pk).exists()
    client.force_login(assigned["charlie"])
    other = _save(olga, series["grain"], tree["commune"], D(98))
    assert client.post(reverse("figures:value_clear", args=[other.pk]),
                       {"version": other.version}).status_code in (403, 404)
    assert DataValue.objects.filter(pk=other.pk).exists()


@pytest.fixture
def standard(resolution, users):
    """Villages meeting the new-rural standard: a yes/no per village, counted above."""
    s = DataSeries.objects.get(resolution=resolution, code="9.1")
    s.value_type, s.aggregation, s.reporting_unit_type = "yes_no", "count_yes", "village"
    s.unit = "bản"
    s.save()
    rebuild_figures(series_ids=[s.pk])
    SeriesAssignment.objects.create(user=users["olga"], series=s)
    return s


def test_a_yes_no_series_is_a_count_above_the_units_that_report_it(users, standard, tree,
                                                                   resolution):
    olga, bob = users["olga"], users["bob"]
    village = tree["villages"][0]
    [row] = entry_grid(resolution, village, P2026, bob, series_ids=[standard.pk])
    assert row.input_kind == "yes_no"
    [row] = entry_grid(resolution, tree["commune"], P2026, olga, series_ids=[standard.pk])
    assert row.input_kind == "count"
    with pytest.raises(services.InvalidValue):
        _save(bob, standard, village, D(4))  # a village is a yes or a no
    with pytest.raises(services.InvalidValue):
        _save(olga, standard, tree["commune"], D("1.5"))  # a count is whole
    _save(olga, standard, tree["commune"], D(2))  # two villages meet it: not "Đạt"
    figure = subtree_figures(resolution, tree["commune"], [2026]).of(standard.pk)[2026]
    assert figure.value == 2


def test_the_grid_shows_a_yes_no_as_dat_or_chua_dat_also_last_year(client, users, standard,
                                                                   tree, resolution):
    bob, village = users["bob"], tree["villages"][0]
    _save(bob, standard, village, D(1), period=P2025)
    client.force_login(bob)
    html = client.get(reverse("figures:entry", args=[resolution.pk])
                      + f"?unit={village.code}&period=2026").content.decode()
    row = html.split(f'id="row-{standard.pk}"')[1].split("</form>")[0]
    assert "Năm trước: <strong>Đạt</strong>" in row
    assert '<option value="1"' in row  # Đạt / Chưa đạt, not a number
    client.force_login(users["olga"])
    html = client.get(reverse("figures:entry", args=[resolution.pk])
                      + f"?unit={tree['commune'].code}&period=2026").content.decode()
    row = html.split(f'id="row-{standard.pk}"')[1].split("</form>")[0]
    assert "Số đơn vị đạt" in row and '<option value="1"' not in row
