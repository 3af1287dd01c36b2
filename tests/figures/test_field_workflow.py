"""Bulk submit, the approver's view, evidence, history links and messages in words."""

from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
P = parse_period("2026")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082")


def unit(code):
    return OrgUnit.objects.get(code=code)


def save(user, series, code, value, period=P):
    return services.value_save(actor=user, series=series, orgunit=unit(code), period=period,
                               value=D(value), expected_version=None).value


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def drafts(assigned, series):
    """bob's two drafts for village B01 in 2026, and olga's draft for village B02."""
    bob, olga = assigned["bob"], assigned["olga"]
    return {
        "grain": save(bob, series["grain"], "SL-PK-B01", "1200"),
        "other_village": save(olga, series["grain"], "SL-PK-B02", "900"),
    }


# --- Gửi duyệt tất cả -------------------------------------------------------------


def test_submit_all_shows_a_summary_then_submits_it(client, assigned, resolution, drafts):
    login(client, assigned["bob"])
    url = reverse("figures:submit_all", args=[resolution.pk]) + "?unit=SL-PK-B01&period=2026"
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Gửi duyệt 1 số liệu" in body and "1.200" in body
    response = client.post(reverse("figures:submit_all", args=[resolution.pk]),
                           {"unit": "SL-PK-B01", "period": "2026",
                            "value": [drafts["grain"].pk]}, follow=True)
    assert "Đã gửi duyệt 1 số liệu của Bản Nà Sàng, năm 2026." in response.content.decode()
    drafts["grain"].refresh_from_db()
    assert drafts["grain"].status == "submitted"


def test_submit_all_never_submits_what_the_user_may_not_enter(client, assigned, resolution,
                                                               drafts):
    login(client, assigned["bob"])
    response = client.post(reverse("figures:submit_all", args=[resolution.pk]),
                           {"value": [drafts["grain"].pk, drafts["other_village"].pk]})
    assert response.status_code == 302
    drafts["other_village"].refresh_from_db()
    assert drafts["other_village"].status == "draft"  # bob's scope is his village only


def test_submit_all_refuses_a_unit_outside_the_users_scope(client, assigned, resolution, drafts):
    login(client, assigned["bob"])
    url = reverse("figures:submit_all", args=[resolution.pk]) + "?unit=SL-PK-B02&period=2026"
    assert client.get(url).status_code == 403
    login(client, assigned["alice"])  # a leader approves; she does not submit
    assert client.get(reverse("figures:submit_all", args=[resolution.pk])).status_code == 403


def test_submit_all_is_all_or_nothing_when_a_figure_changed(assigned, drafts, series):
    stale = DataValue.objects.get(pk=drafts["grain"].pk)
    save(assigned["olga"], series["grain"], "SL-PK-B01", "1300")  # changed meanwhile
    with pytest.raises(services.ConflictError):
        services.values_submit_all(actor=assigned["bob"], values=[stale])
    assert DataValue.objects.get(pk=stale.pk).status == "draft"


# --- the approver's view ------------------------------------------------------------


@pytest.fixture
def waiting(assigned, series):
    bob = assigned["bob"]
    last = save(bob, series["grain"], "SL-PK-B01", "1000", parse_period("2025"))
    now = save(bob, series["grain"], "SL-PK-B01", "2500")  # +150 %: a warning
    services.value_submit(actor=bob, value=now)
    services.value_return(actor=assigned["alice"], value=DataValue.objects.get(pk=now.pk),
                          comment="Thiếu sổ theo dõi")
    services.value_submit(actor=bob, value=DataValue.objects.get(pk=now.pk))
    return {"last": last, "now": DataValue.objects.get(pk=now.pk)}


def test_approvals_show_last_year_warnings_and_return_reasons(client, assigned, resolution,
                                                              waiting):
    login(client, assigned["alice"])
    body = client.get(reverse("figures:approvals", args=[resolution.pk])).content.decode()
    item = body[body.index(f'id="value-{waiting["now"].pk}"'):]
    assert "Năm trước" in item and "1.000" in item
    assert "so với năm trước" in item  # the jump warning
    assert "Thiếu sổ theo dõi" in item  # the earlier return reason
    assert "Năm 2026" in item


def test_approvals_page_query_count_does_not_grow(client, assigned, resolution, waiting, series,
                                                 django_assert_max_num_queries):
    login(client, assigned["alice"])
    url = reverse("figures:approvals", args=[resolution.pk])
    client.get(url)
    with django_assert_max_num_queries(20):
        client.get(url)
    for code in ("SL-PK-B02",):
        v = save(assigned["olga"], series["grain"], code, "700")
        services.value_submit(actor=assigned["olga"], value=v)
    with django_assert_max_num_queries(20):
        client.get(url)


def test_approvals_page_is_paginated(assigned, resolution, waiting):
    from nghiquyet.figures.selectors import approval_page

    page = approval_page(assigned["alice"], resolution, page=1, per_page=1)
    assert page.total == 1 and page.pages == 1 and len(page.items) == 1
    assert approval_page(assigned["alice"], resolution, page=9, per_page=1).page == 1


def test_messages_name_the_target_unit_and_period_in_words(client, assigned, waiting):
    login(client, assigned["alice"])
    value = waiting["now"]
    response = client.post(reverse("figures:value_decide", args=[value.pk, "approve"]),
                           {"version": value.version}, follow=True)
    text = [str(m) for m in response.context["messages"]][0]
    assert text.startswith("Đã duyệt: “") and "Bản Nà Sàng" in text and "Năm 2026" in text
    assert "SL-PK" not in text and "2.1" not in text


# --- evidence, served only to those who may see the unit ------------------------------


@pytest.fixture
def evidence(waiting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    value = waiting["now"]
    value.evidence.save("anh-chup.png", ContentFile(PNG), save=True)
    return value


@pytest.mark.parametrize(("username", "status"), [
    ("alice", 200), ("bob", 200), ("olga", 200), ("sam", 200), ("charlie", 403), ("nobody", 403),
])
def test_evidence_is_served_only_to_users_who_may_see_the_unit(client, assigned, evidence,
                                                                username, status):
    login(client, assigned[username])
    response = client.get(reverse("figures:value_evidence", args=[evidence.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PNG


def test_evidence_needs_a_login_and_is_never_a_media_url(client, assigned, resolution, evidence):
    assert client.get(reverse("figures:value_evidence", args=[evidence.pk])).status_code == 302
    login(client, assigned["alice"])
    body = client.get(reverse("figures:approvals", args=[resolution.pk])).content.decode()
    assert reverse("figures:value_evidence", args=[evidence.pk]) in body
    assert "/media/" not in body and "evidence/20" not in body  # no storage path


def test_a_figure_without_evidence_is_not_found(client, assigned, waiting):
    login(client, assigned["alice"])
    url = reverse("figures:value_evidence", args=[waiting["now"].pk])
    assert client.get(url).status_code == 404


# --- history: reachable, and its breadcrumb opens for every role -----------------------


@pytest.mark.parametrize(("username", "crumb"), [
    ("alice", "figures:approvals"), ("bob", "figures:entry"), ("sam", "assessment:dashboard"),
])
def test_history_breadcrumb_links_a_page_the_user_may_open(client, assigned, resolution, waiting,
                                                           username, crumb):
    login(client, assigned[username])
    body = client.get(reverse("figures:value_history", args=[waiting["now"].pk])).content.decode()
    crumbs = body[body.index('class="crumbs"'):body.index("</nav>", body.index('class="crumbs"'))]
    link = reverse(crumb, args=[resolution.pk])
    assert link in crumbs
    target = crumbs[crumbs.index(link):].split('"')[0].replace("&amp;", "&")
    assert client.get(target).status_code == 200


def test_approved_figures_keep_a_history_link_for_the_approver(client, assigned, resolution,
                                                               waiting):
    services.value_approve(actor=assigned["alice"], value=waiting["now"])
    login(client, assigned["alice"])
    body = client.get(reverse("figures:approvals", args=[resolution.pk])).content.decode()
    assert reverse("figures:value_history", args=[waiting["now"].pk]) in body


def test_restore_asks_naming_the_value(client, assigned, waiting, series):
    save(assigned["bob"], series["grain"], "SL-PK-B01", "2600")
    login(client, assigned["bob"])
    body = client.get(reverse("figures:value_history", args=[waiting["now"].pk])).content.decode()
    assert 'data-confirm="Khôi phục giá trị 2.500' in body
    assert "onclick" not in body and "<script>" not in body
