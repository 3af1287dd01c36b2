"""The review page: a leader over the commune changes mappings, others may only look."""

import pytest
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.catalogue.models import TargetMapping
from nghiquyet.resolutions.models import Target


def _url(resolution):
    return reverse("catalogue:mapping", args=[resolution.pk])


def _forest(resolution):
    return Target.objects.get(indicator__resolution=resolution, indicator__number=4)


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, resolution):
    response = client.get(_url(resolution))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "status", "editable"), [
    ("admin", 200, True), ("alice", 200, True), ("sam", 200, False), ("olga", 200, False),
    ("charlie", 403, False), ("nobody", 403, False),
])
def test_who_may_see_and_change(client, users, compared, username, status, editable):
    client.force_login(users[username])
    response = client.get(_url(compared["seed"]))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Tỷ lệ hộ nghèo (%)" in html
        assert ("<select" in html) is editable
    posted = client.post(_url(compared["seed"]), {"action": "auto"})
    assert posted.status_code == (302 if editable else 403)


@pytest.mark.django_db
def test_a_leader_changes_a_mapping(client, users, compared):
    seed = compared["seed"]
    client.force_login(users["alice"])
    page = client.get(_url(seed)).content.decode()
    assert f'name="t{_forest(seed).pk}"' in page
    response = client.post(_url(seed), {f"t{_forest(seed).pk}": "none"})
    assert response.status_code == 302
    mapping = TargetMapping.objects.get(target=_forest(seed))
    assert mapping.indicator is None and mapping.mapped_by == users["alice"]
    assert AuditEvent.objects.filter(action="catalogue.mappings_update",
                                     actor=users["alice"]).count() == 1
    followed = client.get(_url(seed)).content.decode()
    assert "Không thuộc danh mục chung" in followed


@pytest.mark.django_db
def test_a_bad_choice_is_refused_without_error(client, users, compared):
    seed = compared["seed"]
    client.force_login(users["alice"])
    response = client.post(_url(seed), {f"t{_forest(seed).pk}": "khong-co-ma-nay"})
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
    assert TargetMapping.objects.get(target=_forest(seed)).indicator.code == "che-phu-rung"


@pytest.mark.django_db
def test_unknown_resolution_is_404(client, users, catalogue):
    client.force_login(users["admin"])
    assert client.get(reverse("catalogue:mapping", args=[999])).status_code == 404


@pytest.mark.django_db
def test_the_catalogue_page_lists_entries(client, users, catalogue):
    client.force_login(users["bob"])
    html = client.get(reverse("catalogue:index")).content.decode()
    assert "Tỷ lệ hộ nghèo (%)" in html and "Xây dựng Đảng và hệ thống chính trị" in html


@pytest.mark.django_db
def test_the_catalogue_is_written_once_and_each_select_holds_its_own_choice(
        client, users, compared):
    """37 targets × the whole catalogue in every select made the page 250 KB of HTML: each
    select carries automatic, none and its chosen entry; the page holds the list once
    (catalogue/mapping.js copies it into the selects). Any entry may still be posted."""
    import re

    from nghiquyet.catalogue.models import CatalogueIndicator

    seed = compared["seed"]
    client.force_login(users["alice"])
    page = client.get(_url(seed)).content.decode()
    entries = CatalogueIndicator.objects.count()
    assert entries > 20
    listed = page.split('<template id="catalogue-options">')[1].split("</template>")[0]
    assert listed.count("<option") == entries + 2  # automatic, none, every entry once
    selects = re.findall(r'<select name="t(\d+)"[^>]*data-catalogue[^>]*>(.*?)</select>',
                         page, re.S)
    assert len(selects) == Target.objects.filter(indicator__resolution=seed).count()
    for _pk, options in selects:
        assert options.count("<option") <= 3
    assert len(page.encode()) < 100_000
    forest = dict(selects)[str(_forest(seed).pk)]
    other = CatalogueIndicator.objects.exclude(code="che-phu-rung").order_by("code").first()
    assert f'value="{other.code}"' not in forest  # not written in this select, yet
    assert client.post(_url(seed), {f"t{_forest(seed).pk}": other.code}).status_code == 302
    assert TargetMapping.objects.get(target=_forest(seed)).indicator == other
    page = client.get(_url(seed)).content.decode()
    forest = page.split(f'<select name="t{_forest(seed).pk}"')[1].split("</select>")[0]
    assert re.search(rf'<option value="{other.code}" selected>', forest)  # its choice
