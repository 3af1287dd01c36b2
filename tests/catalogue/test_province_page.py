"""The province view: who may see it, and what it shows."""

import pytest
from django.urls import reverse

from nghiquyet.assessment.selectors import assess_resolution


def _url(code="SL", **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("catalogue:province", args=[code]) + (f"?{query}" if query else "")


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, compared):
    response = client.get(_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "status"), [
    ("admin", 200), ("sam", 200),
    # A commune's own users see their dashboard, not the other communes (documented choice).
    ("alice", 403), ("olga", 403), ("bob", 403), ("charlie", 403), ("nobody", 403),
])
def test_who_may_compare_the_communes(client, users, compared, username, status):
    client.force_login(users[username])
    assert client.get(_url(year=2026)).status_code == status


@pytest.mark.django_db
def test_unknown_province_or_a_commune_code_is_404(client, users, compared):
    client.force_login(users["sam"])
    assert client.get(_url("XX")).status_code == 404
    assert client.get(_url("SL-PK")).status_code == 404


@pytest.mark.django_db
def test_it_compares_shared_targets_worst_first(client, users, compared):
    client.force_login(users["sam"])
    response = client.get(_url(year=2026))
    html = response.content.decode()
    seed, other = compared["seed"], compared["other"]
    assert "So sánh các xã, tỉnh Sơn La" in html
    assert "2 xã có nghị quyết · đánh giá đến năm 2026" in html
    # Each commune's own wording and target, written the Vietnamese way.
    block = html.split('id="cl-ho-ngheo"')[1].split("</article>")[0]
    assert "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều" in block
    assert "dưới 12%" in block and "dưới 15%" in block
    assert block.count('class="status-chip') == 2
    # Forest cover: Chiềng Hặc missed its yearly 61,5 % in 2026, so it comes first.
    forest = html.split('id="cl-che-phu-rung"')[1].split("</article>")[0]
    assert forest.index("Chiềng Hặc") < forest.index("Phiêng Khoài")
    assert "59,8" in forest and "Không đạt" in forest
    # A summary per commune, from the same assessment as its dashboard.
    for r in (seed, other):
        summary = assess_resolution(r, as_of=2026).counts.summary
        assert summary in html
        assert reverse("assessment:dashboard", args=[r.pk]) + "?year=2026" in html


@pytest.mark.django_db
def test_only_entries_shared_by_two_communes_are_rows(client, users, compared):
    client.force_login(users["sam"])
    html = client.get(_url(year=2026)).content.decode()
    assert 'id="cl-ho-ngheo"' in html  # both communes
    assert 'id="cl-che-phu-rung"' in html
    assert 'id="cl-san-luong-thit-hoi"' not in html  # the seed only


@pytest.mark.django_db
def test_communes_are_ordered_worst_first(client, users, compared):
    from nghiquyet.catalogue.selectors import province_comparison, province_resolutions

    province = compared["seed"].issuer.parent
    cmp = province_comparison(province, province_resolutions(province), 2026)
    shares = [c.good_share for c in cmp.communes]
    assert shares == sorted(shares)


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["abc", "1999", "99999", "2031", ""])
def test_a_bad_year_falls_back_without_error(client, users, compared, year):
    client.force_login(users["sam"])
    response = client.get(_url(year=year))
    assert response.status_code == 200
    assert "đánh giá đến năm 20" in response.content.decode()


@pytest.mark.django_db
def test_the_year_selector_changes_the_assessment(client, users, compared):
    client.force_login(users["admin"])
    html = client.get(_url(year=2030)).content.decode()
    assert "đánh giá đến năm 2030" in html
    assert '<option value="2030" selected>' in html


@pytest.mark.django_db
def test_a_province_without_resolutions_says_so(client, users, tree):
    client.force_login(users["sam"])
    response = client.get(_url())
    assert response.status_code == 200
    assert "Chưa có xã nào trong tỉnh có nghị quyết" in response.content.decode()


@pytest.mark.django_db
def test_provinces_index_redirects_to_the_only_province(client, users, compared):
    client.force_login(users["sam"])
    response = client.get(reverse("catalogue:provinces"))
    assert response.status_code == 302 and response["Location"] == _url()
    client.force_login(users["alice"])
    assert client.get(reverse("catalogue:provinces")).status_code == 403


@pytest.mark.django_db
def test_the_nav_link_shows_for_province_users_only(rf, users, compared):
    from django.template import Context, Template

    template = Template("{% load catalogue_nav %}{% compare_link %}")
    for username, shown in (("sam", True), ("admin", True), ("alice", False), ("nobody", False)):
        request = rf.get("/")
        request.user = users[username]
        html = template.render(Context({"request": request}))
        assert ("So sánh các xã" in html) is shown, username
