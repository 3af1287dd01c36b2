"""A leader restores an earlier value from a figure's history (issue #14).

Who may restore: whoever may enter the figure, and a leader over its unit. The restored
value is a new change by the leader, back in draft; by the four-eyes rule the leader is one
of its authors, so the unit submits it again and another leader approves it.
"""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nghiquyet.accounts import access
from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.selectors import pending_approvals
from tests.conftest import _user

pytestmark = pytest.mark.django_db
P = parse_period("2026")


@pytest.fixture
def people(assigned, tree):
    """The shared users, a second leader of the commune and the head of the other village."""
    return {**assigned, "ly": _user("ly", "leader", tree["commune"]),
            "vera": _user("vera", "reporter", tree["villages"][1])}


@pytest.fixture
def figure(people, series, tree):
    """bob's figure for village B01: 1.200 entered, then 9.999 submitted by mistake."""
    bob, village = people["bob"], tree["villages"][0]
    value = services.value_save(actor=bob, series=series["grain"], orgunit=village, period=P,
                                value=D(1200)).value
    value = services.value_save(actor=bob, series=series["grain"], orgunit=village, period=P,
                                value=D(9999), expected_version=1).value
    services.value_submit(actor=bob, value=value)
    return DataValue.objects.select_related("series__resolution", "orgunit").get(pk=value.pk)


def first_event(value):
    return AuditEvent.objects.get(object_id=str(value.pk), action="value.create")


@pytest.mark.parametrize(("username", "allowed"), [
    ("alice", True),     # a leader over the village's commune
    ("ly", True),        # another leader of the commune
    ("bob", True),       # the village's own reporter, who entered it
    ("admin", True),
    ("charlie", False),  # a leader of another commune
    ("sam", False),      # the province's supervisor reads, never writes
    ("vera", False),     # the head of another village
    ("nobody", False),
])
def test_who_may_restore(people, figure, username, allowed):
    assert access.can_restore_value(people[username], figure) is allowed


def test_a_leader_over_the_unit_restores_an_earlier_value(people, figure):
    alice = people["alice"]
    result = services.value_restore(actor=alice, value=figure, event_id=first_event(figure).pk,
                                    expected_version=figure.version)
    restored = DataValue.objects.get(pk=figure.pk)
    assert result.changed and restored.value == 1200 and restored.status == "draft"
    assert restored.updated_by == alice
    event = AuditEvent.objects.filter(object_id=str(figure.pk)).latest("id")
    assert (event.action, event.actor, event.old["value"], event.new["value"]) == (
        "value.update", alice, "9999", "1200")
    assert event.reason.startswith("Khôi phục phiên bản lúc ")


@pytest.mark.parametrize("username", ["charlie", "sam", "vera"])
def test_restore_is_refused_outside_the_leaders_units(people, figure, username):
    with pytest.raises(PermissionDenied):
        services.value_restore(actor=people[username], value=figure,
                               event_id=first_event(figure).pk)
    assert DataValue.objects.get(pk=figure.pk).value == 9999
    assert not AuditEvent.objects.filter(object_id=str(figure.pk), actor=people[username])


def test_an_approved_figure_is_reopened_before_a_restore(people, figure):
    services.value_approve(actor=people["ly"], value=figure)
    approved = DataValue.objects.get(pk=figure.pk)
    with pytest.raises(services.WorkflowError):
        services.value_restore(actor=people["alice"], value=approved,
                               event_id=first_event(figure).pk)


def test_four_eyes_the_leader_who_restored_does_not_approve_it(people, figure):
    alice, ly, bob = people["alice"], people["ly"], people["bob"]
    services.value_restore(actor=alice, value=figure, event_id=first_event(figure).pk)
    restored = DataValue.objects.get(pk=figure.pk)
    with pytest.raises(PermissionDenied):
        services.value_submit(actor=alice, value=restored)  # a leader does not submit
    services.value_submit(actor=bob, value=restored)
    submitted = DataValue.objects.get(pk=figure.pk)
    assert not access.can_approve_value(alice, submitted)
    assert submitted not in pending_approvals(alice, figure.series.resolution)
    with pytest.raises(PermissionDenied):
        services.value_approve(actor=alice, value=submitted)
    assert submitted in pending_approvals(ly, figure.series.resolution)
    services.value_approve(actor=ly, value=submitted)
    assert DataValue.objects.get(pk=figure.pk).approved_by == ly


# --- the history page -----------------------------------------------------------------


def history(client, user, value):
    client.force_login(user)
    return client.get(reverse("figures:value_history", args=[value.pk]))


def restore_url(value):
    return reverse("figures:value_restore", args=[value.pk, first_event(value).pk])


def test_the_history_page_offers_the_leader_the_earlier_value_only(client, people, figure):
    body = history(client, people["alice"], figure).content.decode()
    assert restore_url(figure) in body
    assert body.count("Khôi phục 1.200") == 1
    assert "Khôi phục 9.999" not in body  # the current value: restoring it changes nothing


@pytest.mark.parametrize("username", ["sam", "vera"])
def test_no_restore_button_for_those_who_may_not_restore(client, people, figure, username):
    response = history(client, people[username], figure)
    body = response.content.decode()
    if username == "vera":  # another village: not even the history
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert restore_url(figure) not in body and "Khôi phục 1.200" not in body
    assert client.post(restore_url(figure), {"version": figure.version}).status_code == 403
    assert DataValue.objects.get(pk=figure.pk).value == 9999


def test_a_leader_outside_the_unit_is_refused_on_the_web(client, people, figure):
    client.force_login(people["charlie"])
    assert client.post(restore_url(figure), {"version": figure.version}).status_code == 403
    assert DataValue.objects.get(pk=figure.pk).value == 9999


def test_after_a_leaders_restore_the_page_says_another_leader_approves(client, people, figure):
    client.force_login(people["alice"])
    response = client.post(restore_url(figure), {"version": figure.version}, follow=True)
    text = [str(m) for m in response.context["messages"]]
    assert text[0].startswith("Đã khôi phục phiên bản cũ: “")
    assert "một lãnh đạo khác duyệt" in text[0]
    body = response.content.decode()
    assert "Giá trị hiện tại do bạn khôi phục" in body
    assert DataValue.objects.get(pk=figure.pk).value == 1200
    # The other leader reads no such note; the unit's reporter is told to submit again.
    assert "Giá trị hiện tại do bạn khôi phục" not in history(client, people["ly"],
                                                                figure).content.decode()


def test_the_reporter_who_restores_is_told_to_submit_again(client, people, figure):
    client.force_login(people["bob"])
    response = client.post(restore_url(figure), {"version": figure.version}, follow=True)
    text = [str(m) for m in response.context["messages"]]
    assert "cần gửi duyệt lại" in text[0] and "lãnh đạo khác" not in text[0]


def test_a_stale_restore_is_a_conflict(client, people, figure):
    client.force_login(people["alice"])
    response = client.post(restore_url(figure), {"version": figure.version - 1}, follow=True)
    assert "vừa được người khác thay đổi" in [str(m) for m in response.context["messages"]][0]
    assert DataValue.objects.get(pk=figure.pk).value == 9999
