"""Approving and returning stay one tap: from the approvals page htmx posts the decision
and gets the figure's card back in its new state; without JavaScript the same form posts
and the page comes back (issue #14)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def waiting(assigned, series):
    """bob's 2026 grain figure for Bản Nà Sàng, submitted."""
    bob = assigned["bob"]
    value = services.value_save(actor=bob, series=series["grain"],
                                orgunit=OrgUnit.objects.get(code="SL-PK-B01"),
                                period=parse_period("2026"), value=D(1500)).value
    return services.value_submit(actor=bob, value=value)


def decide(client, user, value, decision, data=None, htmx=True):
    client.force_login(user)
    url = reverse("figures:value_decide", args=[value.pk, decision])
    payload = {"version": value.version, "next": "/resolutions/1/approvals/?page=1",
               **(data or {})}
    return client.post(url, payload, headers=HTMX if htmx else {})


def card(response, value):
    body = response.content.decode()
    assert body.lstrip().startswith('<li class="approval') and f'id="value-{value.pk}"' in body
    assert "<html" not in body and "<script" not in body
    return body


def events(value, action):
    return AuditEvent.objects.filter(object_type="reporting.datavalue", object_id=str(value.pk),
                                     action=action)


def test_approving_with_htmx_answers_the_card_in_its_new_state(client, assigned, waiting):
    response = decide(client, assigned["alice"], waiting, "approve")
    assert response.status_code == 200
    body = card(response, waiting)
    assert "Đã duyệt: “" in body and "Bản Nà Sàng" in body and "Năm 2026" in body
    assert "SL-PK" not in body
    assert reverse("figures:value_history", args=[waiting.pk]) in body
    assert f'{reverse("figures:value_history", args=[waiting.pk])}#reopen' in body  # undo
    assert DataValue.objects.get(pk=waiting.pk).status == "approved"
    assert events(waiting, "value.approve").get().actor == assigned["alice"]
    # Nothing waits for the next page load: the card said it.
    assert not list(client.get(reverse("figures:approvals", args=[
        waiting.series.resolution_id])).context["messages"])


def test_returning_with_htmx_keeps_the_reason_in_the_card(client, assigned, waiting):
    response = decide(client, assigned["alice"], waiting, "return",
                      {"comment": "Thiếu sổ theo dõi của bản"})
    body = card(response, waiting)
    assert "Đã trả lại: “" in body and "Thiếu sổ theo dõi của bản" in body
    assert "#reopen" not in body  # a returned figure goes back to the unit
    assert DataValue.objects.get(pk=waiting.pk).status == "returned"
    assert events(waiting, "value.return").get().reason == "Thiếu sổ theo dõi của bản"


def test_a_return_without_a_reason_stays_a_card_with_its_form(client, assigned, waiting):
    body = card(decide(client, assigned["alice"], waiting, "return", {"comment": " "}), waiting)
    assert "Cần ghi ý kiến khi trả lại số liệu." in body
    assert 'name="comment"' in body and "hx-post" in body
    assert DataValue.objects.get(pk=waiting.pk).status == "submitted"


def test_a_version_conflict_is_said_inside_the_card(client, assigned, waiting, series):
    stale = DataValue.objects.get(pk=waiting.pk)
    bob = assigned["bob"]
    # The village corrects its figure and sends it again while the leader looks.
    fixed = services.value_save(actor=bob, series=series["grain"], orgunit=stale.orgunit,
                                period=parse_period("2026"), value=D(1550)).value
    fixed = services.value_submit(actor=bob, value=fixed)
    body = card(decide(client, assigned["alice"], stale, "approve"), stale)
    assert "Số liệu vừa được người khác thay đổi" in body
    assert f'name="version" value="{fixed.version}"' in body  # the card, at the new version
    assert "1.550" in body
    assert DataValue.objects.get(pk=waiting.pk).status == "submitted"
    assert not events(waiting, "value.approve").exists()


def test_a_conflict_with_a_figure_no_longer_waiting_shows_its_state(client, assigned, waiting):
    services.value_approve(actor=assigned["alice"], value=waiting)
    body = card(decide(client, assigned["alice"], waiting, "return", {"comment": "x"}), waiting)
    assert "Số liệu vừa được người khác thay đổi" in body
    assert "Đã duyệt" in body and 'name="comment"' not in body  # its state, no form


def test_without_htmx_the_form_posts_and_comes_back(client, assigned, waiting):
    response = decide(client, assigned["alice"], waiting, "approve", htmx=False)
    assert response.status_code == 302
    assert response["Location"] == "/resolutions/1/approvals/?page=1"
    assert DataValue.objects.get(pk=waiting.pk).status == "approved"
    assert events(waiting, "value.approve").count() == 1


def test_without_htmx_a_foreign_next_goes_to_the_approvals_page(client, assigned, waiting):
    response = decide(client, assigned["alice"], waiting, "return",
                      {"comment": "Thiếu", "next": "https://example.com/"}, htmx=False)
    assert response["Location"] == reverse("figures:approvals",
                                           args=[waiting.series.resolution_id])


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize("username", ["charlie", "sam"])
def test_a_user_outside_the_unit_is_refused(client, assigned, waiting, username, htmx):
    response = decide(client, assigned[username], waiting, "approve", htmx=htmx)
    assert response.status_code == 403
    assert DataValue.objects.get(pk=waiting.pk).status == "submitted"
    assert not events(waiting, "value.approve").exists()


def test_the_submitter_is_refused_by_four_eyes(client, assigned, waiting):
    assert decide(client, assigned["bob"], waiting, "approve").status_code == 403


def test_the_approvals_page_posts_its_cards_with_htmx(client, assigned, waiting):
    client.force_login(assigned["alice"])
    body = client.get(reverse("figures:approvals",
                              args=[waiting.series.resolution_id])).content.decode()
    approve = reverse("figures:value_decide", args=[waiting.pk, "approve"])
    assert f'action="{approve}" hx-post="{approve}" hx-target="closest li.approval"' in body
    assert "figures/approvals.js" in body and "htmx-2" in body
    assert "onclick" not in body and "<script>" not in body  # CSP: no inline script


def test_a_decision_in_place_redraws_the_pages_counts(client, assigned, waiting, series):
    olga = assigned["olga"]
    for code in ("SL-PK-B01", "SL-PK-B02"):  # two more waiting: one per village
        value = services.value_save(actor=olga, series=series["poverty"],
                                    orgunit=OrgUnit.objects.get(code=code),
                                    period=parse_period("2026"), numerator=D(12),
                                    denominator=D(300)).value
        services.value_submit(actor=olga, value=value)
    client.force_login(assigned["alice"])
    page = client.get(reverse("figures:approvals", args=[waiting.series.resolution_id]))
    village = waiting.orgunit
    assert f'id="unit-total-{village.pk}">2<' in page.content.decode()
    body = decide(client, assigned["alice"], waiting, "approve").content.decode()
    assert '<span id="approvals-total" hx-swap-oob="true">2 số liệu chờ duyệt</span>' in body
    assert f'id="unit-total-{village.pk}" hx-swap-oob="true">1<' in body
    assert "Duyệt cả 1 số liệu của Bản Nà Sàng" in body


def test_the_last_decision_of_a_unit_takes_its_approve_all_away(client, assigned, waiting):
    body = decide(client, assigned["alice"], waiting, "approve").content.decode()
    start = body.index(f'<div id="approve-all-{waiting.orgunit_id}" hx-swap-oob="true">')
    assert "<form" not in body[start:body.index("</div>", start)]


def test_the_card_answer_reads_as_many_queries_whatever_waits(client, assigned, series):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    olga = assigned["olga"]
    client.force_login(assigned["alice"])

    def submitted(year, code="SL-PK-B01"):
        value = services.value_save(actor=olga, series=series["grain"],
                                    orgunit=OrgUnit.objects.get(code=code),
                                    period=parse_period(year), value=D(1000)).value
        return services.value_submit(actor=olga, value=value)

    def queries_to_approve(value):
        url = reverse("figures:value_decide", args=[value.pk, "approve"])
        with CaptureQueriesContext(connection) as seen:
            response = client.post(url, {"version": value.version}, headers=HTMX)
        assert "Đã duyệt" in response.content.decode()
        return len(seen)

    submitted("2026", "SL-PK-B02")  # one left waiting: the counts read the four-eyes trail
    few = queries_to_approve(submitted("2026"))
    for year in ("2027", "2028", "2029"):
        submitted(year, "SL-PK-B02")
        submitted(year, "SL-PK-B01")
    assert queries_to_approve(submitted("2030")) <= few
