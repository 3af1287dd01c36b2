"""The indicator page on the demo commune (30 villages): each target lists its worst
sub-units and links to the rest, so that the page stays under 100 KB of HTML."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from nghiquyet.assessment.views import SUB_UNITS_SHOWN
from nghiquyet.orgunits.models import OrgUnit

ROWS = re.compile(r'<tr><td class="card-title">')
SECTION = re.compile(r'<section class="detail-target" id="t-(\d+)">(.*?)</section>', re.S)


@pytest.fixture
def demo(db):
    from nghiquyet.demo.services import load_demo

    return load_demo()


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_each_target_lists_its_worst_sub_units_and_links_to_all(client, demo):
    client.force_login(get_user_model().objects.get(username="bithu"))
    villages = OrgUnit.objects.filter(parent=demo.issuer, type="village").count()
    assert villages > SUB_UNITS_SHOWN
    url = f"/resolutions/{demo.pk}/indicators/2/?year=2026"
    sections = SECTION.findall(_get(client, url))
    listed = [(pk, body) for pk, body in sections if "trực thuộc" in body]
    assert listed, "indicator 2 (grain output) is reported by villages"
    for pk, body in listed:
        assert len(ROWS.findall(body)) == SUB_UNITS_SHOWN
        link = re.search(r'<a href="([^"]+)">Đang hiện 10 đơn vị kém nhất\. Xem cả (\d+) đơn vị',
                         body)
        assert link and int(link.group(2)) == villages
        assert link.group(1).endswith(f"#t-{pk}") and "units=all" in link.group(1)
        assert "year=2026" in link.group(1)  # the rest of the query is kept
    every = SECTION.findall(_get(client, url + "&units=all"))
    for _pk, body in every:
        if "trực thuộc" in body:
            assert len(ROWS.findall(body)) == villages and "Xem cả" not in body


@pytest.mark.django_db
def test_every_indicator_page_of_the_demo_is_under_100_kb(client, demo):
    client.force_login(get_user_model().objects.get(username="bithu"))
    for number in demo.indicators.values_list("number", flat=True):
        html = _get(client, f"/resolutions/{demo.pk}/indicators/{number}/?year=2026")
        assert len(html.encode()) < 100_000, number
        # each explanation is written once (it used to be three times: title, chip, print)
        chips = html.count('<details class="status-chip')
        assert html.count('class="explain"') == chips
