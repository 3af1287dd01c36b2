"""The read leak (issue 10, item 1): every page and API answer that lists units shows no
unit outside the viewer's subtree, and no figure a viewer may not see unapproved."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period
from nghiquyet.resolutions.models import Target

pytestmark = pytest.mark.django_db

HIDDEN = "987654"  # an unapproved figure of village B02 (also the commune total)
HIDDEN_VN = "987.654"
OWN_DRAFT = "123321"  # a draft of bob's own village B01


@pytest.fixture
def figures(assigned: Any, series: Any, tree: Any) -> dict[str, Any]:
    b01, b02 = tree["villages"]
    year = parse_period("2026")
    olga = assigned["olga"]
    hidden = services.value_save(actor=olga, series=series["grain"], orgunit=b02, period=year,
                                 value=Decimal(HIDDEN)).value
    services.value_submit(actor=olga, value=hidden)
    own = services.value_save(actor=assigned["bob"], series=series["grain"], orgunit=b01,
                              period=year, value=Decimal(OWN_DRAFT)).value
    return {"hidden": hidden, "own": own}


def _indicator_numbers(resolution: Any) -> list[int]:
    return sorted(set(Target.objects.filter(indicator__resolution=resolution)
                      .values_list("indicator__number", flat=True)))


def _pages(resolution: Any, unit: str | None = None) -> list[str]:
    # figures=all asks for drafts too: a viewer outside the unit's scope still gets none
    q = f"?year=2026&figures=all&unit={unit}" if unit else "?year=2026&figures=all"
    rid = resolution.pk
    return [f"/resolutions/{rid}/dashboard/{q}",
            *[f"/resolutions/{rid}/indicators/{n}/{q}" for n in _indicator_numbers(resolution)],
            f"/api/v1/resolutions/{rid}/figures" + (f"?orgunit={unit}" if unit else ""),
            f"/api/v1/resolutions/{rid}/assessment?year=2026&figures=all"
            + (f"&orgunit={unit}" if unit else ""),
            f"/api/v1/resolutions/{rid}/values", "/api/v1/orgunits",
            f"/resolutions/{rid}/report/"]


def _get(client: Any, url: str) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, response.content.decode()


def test_unit_reporter_sees_no_other_village_and_no_unapproved_figure(
        client: Any, assigned: Any, resolution: Any, figures: Any) -> None:
    """truongban opens the indicator pages: B02 and its submitted figure never show."""
    client.force_login(assigned["bob"])
    for url in [*_pages(resolution, "SL-PK"), *_pages(resolution)]:
        status, body = _get(client, url)
        assert status in (200, 404), url  # 404: an indicator the village does not report
        for leaked in ("SL-PK-B02", "Bản Pá Khôm", "SL-CH", "Chiềng Hặc", HIDDEN, HIDDEN_VN):
            assert leaked not in body, (url, leaked)


def test_unit_reporter_sees_own_drafts_in_own_unit(client: Any, assigned: Any, resolution: Any,
                                                  figures: Any) -> None:
    client.force_login(assigned["bob"])
    status, body = _get(client, f"/api/v1/resolutions/{resolution.pk}/figures?orgunit=SL-PK-B01")
    assert status == 200 and OWN_DRAFT in body
    # ... but not at the commune, whose progress counts approved figures only for bob
    status, body = _get(client, f"/api/v1/resolutions/{resolution.pk}/figures?orgunit=SL-PK")
    assert status == 200 and OWN_DRAFT not in body


def test_other_village_by_parameter_is_refused(client: Any, assigned: Any, resolution: Any,
                                               figures: Any) -> None:
    client.force_login(assigned["bob"])
    rid = resolution.pk
    n = _indicator_numbers(resolution)[0]
    for url in (f"/resolutions/{rid}/dashboard/?unit=SL-PK-B02",
                f"/resolutions/{rid}/indicators/{n}/?unit=SL-PK-B02",
                f"/api/v1/resolutions/{rid}/figures?orgunit=SL-PK-B02",
                f"/api/v1/resolutions/{rid}/assessment?orgunit=SL-PK-B02"):
        assert client.get(url).status_code == 403, url
    # the commune itself, by its code, is the same page as without a unit
    assert client.get(f"/resolutions/{rid}/dashboard/?unit=SL-PK").status_code == 200


@pytest.mark.parametrize("username", ["admin", "alice", "olga", "sam"])
def test_roles_over_the_commune_see_every_village_and_drafts(
        client: Any, assigned: Any, resolution: Any, figures: Any, username: str) -> None:
    client.force_login(assigned[username])
    rid = resolution.pk
    grain = next(t.indicator.number for t in Target.objects.filter(series__code="2.1",
                 indicator__resolution=resolution).select_related("indicator"))
    status, body = _get(client, f"/resolutions/{rid}/indicators/{grain}/?year=2026&figures=all")
    assert status == 200
    assert "Bản Pá Khôm" in body and HIDDEN_VN in body
    for url in _pages(resolution):
        status, body = _get(client, url)
        assert status == 200, url
        assert "SL-CH-B01" not in body or username in ("admin", "sam"), url


def test_other_commune_leader_is_refused_everywhere(client: Any, assigned: Any,
                                                    resolution: Any, figures: Any) -> None:
    client.force_login(assigned["charlie"])
    for url in _pages(resolution):
        if url == "/api/v1/orgunits":
            continue
        assert client.get(url).status_code in (403, 404), url
    status, body = _get(client, "/api/v1/orgunits")
    assert "SL-PK" not in body


@pytest.mark.parametrize("url", [
    "/resolutions/{rid}/entry/", "/resolutions/{rid}/entry/?unit=SL-PK",
    "/resolutions/{rid}/approvals/", "/resolutions/{rid}/exchange/",
    "/resolutions/{rid}/report/", "/resolutions/{rid}/programmes/",
    "/search/?q=B%E1%BA%A3n", "/search/?q=P%C3%A1%20Kh%C3%B4m", "/units/", "/people/",
    "/my-tasks/", "/notifications/", "/", "/api/v1/catalogue", "/api/v1/provinces/SL/comparison",
    "/api/v1/resolutions/{rid}/programmes", "/api/v1/notifications",
    "/api/v1/resolutions/{rid}/report?orgunit=SL-PK-B02"])
def test_no_other_village_on_any_page_that_lists_units(client: Any, assigned: Any,
                                                       resolution: Any, figures: Any,
                                                       url: str) -> None:
    """Every other page that lists units, for the village head: refused, or without B02."""
    client.force_login(assigned["bob"])
    status, body = _get(client, url.format(rid=resolution.pk))
    assert status in (200, 302, 403, 404), url
    if status == 200:
        for leaked in ("SL-PK-B02", "Bản Pá Khôm", "Chiềng Hặc", HIDDEN, HIDDEN_VN):
            assert leaked not in body, (url, leaked)


def test_the_commune_page_says_approved_figures_to_a_village_head(client: Any, assigned: Any,
                                                                  resolution: Any,
                                                                  figures: Any) -> None:
    from nghiquyet.figures.figure_sets import FigureSet

    client.force_login(assigned["bob"])
    response = client.get(f"/resolutions/{resolution.pk}/dashboard/?unit=SL-PK&figures=all")
    assert response.context["figures"] is FigureSet.APPROVED
    assert response.context["figure_sets"] == [FigureSet.APPROVED]
