"""People: accounts, roles over a subtree, passwords. Every refusal is tested."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.accounts import services
from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PEOPLE = reverse("accounts:people")


def _create(client: Any, tree: dict[str, Any], **extra: Any) -> Any:
    data = {"full_name": "Lò Văn Pọm", "username": "lo.van.pom", "role": "reporter",
            "unit": tree["villages"][0].pk, **extra}
    return client.post(PEOPLE, data)


def test_a_leader_creates_an_account_who_must_change_the_password(
        client: Any, users: dict[str, Any], tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    response = _create(client, tree)
    assert response.status_code == 200
    temp = re.search(r'class="temp-password">([^<]+)<', response.content.decode()).group(1)
    person = User.objects.get(username="lo.van.pom")
    assert RoleAssignment.objects.filter(user=person, role="reporter",
                                         orgunit=tree["villages"][0]).exists()
    assert AuditEvent.objects.filter(action="user.create").count() == 1
    assert temp not in str(AuditEvent.objects.get(action="user.create").new)
    client.logout()
    assert client.login(username="lo.van.pom", password=temp)
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home.url == reverse("accounts:password_change")
    response = client.post(reverse("accounts:password_change"), {
        "old_password": temp, "new_password1": "Bản-Nà-Sàng-2026", "new_password2": "Bản-Nà-Sàng-2026"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "Lò Văn Pọm" in page and "Người báo cáo của đơn vị · Bản Nà Sàng" in page
    assert AuditEvent.objects.filter(action="user.password_change", actor=person).exists()


@pytest.mark.parametrize("username", ["olga", "bob", "sam", "charlie", "nobody"])
def test_others_cannot_create_accounts_here(client: Any, users: dict[str, Any],
                                            tree: dict[str, Any], username: str) -> None:
    client.force_login(users[username])
    response = _create(client, tree)
    assert response.status_code in (400, 403)
    assert not User.objects.filter(username="lo.van.pom").exists()


def test_a_leader_never_grants_the_admin_role(users: dict[str, Any], tree: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        services.user_create(username="x.y.z", full_name="X", roles=[("admin", tree["commune"])],
                             actor=users["alice"])
    with pytest.raises(PermissionDenied):
        services.role_grant(user=users["bob"], role="leader", unit=tree["other"],
                            actor=users["alice"])
    assert not User.objects.filter(username="x.y.z").exists()


def test_deactivate_and_reset(client: Any, users: dict[str, Any], tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    bob = users["bob"]
    page = client.post(reverse("accounts:person_action", args=[bob.pk, "temporary"]))
    temp = re.search(r'class="temp-password">([^<]+)<', page.content.decode()).group(1)
    bob.refresh_from_db()
    assert bob.check_password(temp)
    page = client.post(reverse("accounts:person_action", args=[bob.pk, "link"])).content.decode()
    link = re.search(r'class="reset-link">https?://[^/]+([^<]+)<', page).group(1)
    client.logout()
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(form.redirect_chain[-1][0] if form.redirect_chain else link,
                       {"new_password1": "Mật-khẩu-mới-2026", "new_password2": "Mật-khẩu-mới-2026"})
    assert done.status_code == 302
    assert client.login(username="bob", password="Mật-khẩu-mới-2026")
    assert client.get(link, follow=True).context["validlink"] is False  # one time only
    client.force_login(users["alice"])
    client.post(reverse("accounts:person_action", args=[bob.pk, "deactivate"]))
    bob.refresh_from_db()
    assert not bob.is_active and User.objects.filter(pk=bob.pk).exists()


@pytest.mark.parametrize("username", ["charlie", "olga", "sam"])
def test_outsiders_cannot_reset_or_deactivate(client: Any, users: dict[str, Any],
                                              username: str) -> None:
    client.force_login(users[username])
    bob = users["bob"]
    for action in ("temporary", "link", "deactivate"):
        assert client.post(reverse("accounts:person_action",
                                   args=[bob.pk, action])).status_code == 403
    bob.refresh_from_db()
    assert bob.is_active and bob.check_password("pw-bob")


def test_nobody_manages_their_own_account_here(users: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        services.password_reset_temporary(user=users["alice"], actor=users["alice"])


def test_bulk_creation_is_all_or_nothing(client: Any, users: dict[str, Any],
                                         tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    bad = ("Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị\n"
           "tb.pakhom,Lò Văn A,Người báo cáo,B02\nAB,,Vua,Z9\n").encode()
    response = client.post(PEOPLE, {"file": SimpleUploadedFile("nguoi-dung.csv", bad)})
    page = response.content.decode()
    assert response.status_code == 400 and "Dòng 3, cột “Tên đăng nhập”" in page
    assert "Dòng 3, cột “Vai trò”" in page and "Dòng 3, cột “Mã đơn vị”" in page
    assert not User.objects.filter(username="tb.pakhom").exists()
    good = ("Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị\n"
            "tb.pakhom,Lò Văn A,Người báo cáo,B02\ncb.vanhoa,Cầm Thị B,Cán bộ,\n").encode()
    response = client.post(PEOPLE, {"file": SimpleUploadedFile("nguoi-dung.csv", good)})
    assert response.status_code == 200
    assert response.content.decode().count('class="temp-password"') == 2
    assert RoleAssignment.objects.get(user__username="cb.vanhoa").orgunit == tree["commune"]


def test_a_leader_cannot_reset_another_leader(users: dict[str, Any], tree: dict[str, Any]) -> None:
    peer, _temp = services.user_create(username="pho.bi.thu", full_name="Phó Bí thư",
                                       roles=[("leader", tree["commune"])], actor=users["admin"])
    for action in (services.password_reset_temporary, services.password_reset_link):
        with pytest.raises(PermissionDenied):
            action(user=peer, actor=users["alice"])
    with pytest.raises(PermissionDenied):
        services.user_set_active(user=peer, active=False, actor=users["alice"])
    services.password_reset_temporary(user=peer, actor=users["admin"])  # a system admin may


def test_leaders_of_one_commune_do_not_remove_each_other(users: dict[str, Any],
                                                        tree: dict[str, Any]) -> None:
    peer, _temp = services.user_create(username="pho.bi.thu", full_name="Phó Bí thư",
                                       roles=[("leader", tree["commune"])], actor=users["admin"])
    assignment = RoleAssignment.objects.get(user=peer)
    with pytest.raises(PermissionDenied):
        services.role_revoke(assignment=assignment, actor=users["alice"])
    province_leader, _ = services.user_create(username="tinh.uy", full_name="Tỉnh ủy",
                                              roles=[("leader", tree["province"])],
                                              actor=users["admin"])
    services.role_revoke(assignment=assignment, actor=province_leader)
    assert not RoleAssignment.objects.filter(user=peer).exists()
    bob_role = RoleAssignment.objects.get(user=users["bob"])
    services.role_revoke(assignment=bob_role, actor=users["alice"])  # a reporter: yes


def test_the_person_page_grants_and_takes_roles(client: Any, users: dict[str, Any],
                                               tree: dict[str, Any]) -> None:
    bob = users["bob"]
    client.force_login(users["charlie"])
    role = RoleAssignment.objects.get(user=bob)
    assert client.post(reverse("accounts:role_revoke", args=[bob.pk, role.pk])).status_code == 403
    client.force_login(users["alice"])
    page = client.get(reverse("accounts:person", args=[bob.pk])).content.decode()
    assert "Bỏ vai trò" in page
    client.post(reverse("accounts:person", args=[bob.pk]),
                {"role": "supervisor", "unit": tree["commune"].pk})
    assert RoleAssignment.objects.filter(user=bob, role="supervisor").exists()
    client.post(reverse("accounts:role_revoke", args=[bob.pk, role.pk]))
    assert not RoleAssignment.objects.filter(pk=role.pk).exists()
    assert AuditEvent.objects.filter(action__in=["role.grant", "role.delete"]).count() == 2
