"""Who may see and import what, on the web. Every refusal is tested."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.resolutions.models import Resolution


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "registry_upload"])
def test_anonymous_is_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["resolution_detail", "registry_download"])
def test_anonymous_cannot_read_a_resolution(client, resolution, name):
    response = client.get(reverse(name, args=[resolution.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "allowed"), [
    ("admin", True), ("alice", True), ("olga", True), ("bob", True), ("sam", True),
    ("charlie", False), ("nobody", False),
])
def test_who_sees_the_resolution(client, users, resolution, username, allowed):
    client.force_login(users[username])
    for name in ("resolution_detail", "registry_download"):
        response = client.get(reverse(name, args=[resolution.pk]))
        assert response.status_code == (200 if allowed else 403)
    listed = resolution.title in client.get(reverse("home")).content.decode()
    assert listed is allowed


@pytest.mark.django_db
def test_unknown_resolution_is_404(client, users):
    client.force_login(users["alice"])
    assert client.get(reverse("resolution_detail", args=[9999])).status_code == 404


def _upload(client, doc, orgunit=None, name="registry.json"):
    data = {"file": SimpleUploadedFile(name, json.dumps(doc).encode(), "application/json")}
    if orgunit is not None:
        data["orgunit"] = orgunit.pk
    return client.post(reverse("registry_upload"), data)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["olga", "bob", "sam", "nobody"])
def test_import_page_refuses_non_leaders(client, users, tree, seed_doc, username):
    client.force_login(users[username])
    assert client.get(reverse("registry_upload")).status_code == 403
    assert _upload(client, seed_doc, tree["commune"]).status_code == 403
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_leader_imports_for_their_commune(client, users, tree, seed_doc):
    client.force_login(users["alice"])
    response = _upload(client, seed_doc, tree["commune"])
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    assert resolution.issuer == tree["commune"]
    assert response["Location"] == reverse("resolution_detail", args=[resolution.pk])


@pytest.mark.django_db
def test_leader_cannot_import_for_another_commune(client, users, tree, seed_doc):
    client.force_login(users["charlie"])
    # The commune is outside charlie's subtree, so it is not even a choice.
    response = _upload(client, seed_doc, tree["commune"])
    assert response.status_code == 400
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_upload_of_malformed_registry_names_the_field(client, users, tree, seed_doc):
    client.force_login(users["alice"])
    doc = copy.deepcopy(seed_doc)
    doc["indicators"][3]["targets"][0]["comparator"] = "???"
    response = _upload(client, doc, tree["commune"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "indicators[3].targets[0].comparator" in html
    assert "chưa lưu gì" in html
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), [
    ("registry.txt", b"{}", "phải có đuôi .json"),
    ("registry.json", b"{oops", "không phải JSON hợp lệ"),
    ("registry.json", b"\xff\xfe", "không phải văn bản UTF-8"),
])
def test_upload_of_unreadable_file(client, users, tree, name, content, message):
    client.force_login(users["alice"])
    response = client.post(reverse("registry_upload"), {
        "file": SimpleUploadedFile(name, content), "orgunit": tree["commune"].pk})
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_upload_over_the_size_limit(client, users, tree, settings):
    settings.NGHIQUYET_MAX_UPLOAD_BYTES = 100
    client.force_login(users["alice"])
    response = client.post(reverse("registry_upload"), {
        "file": SimpleUploadedFile("big.json", b" " * 200 + b"{}"), "orgunit": tree["commune"].pk})
    assert response.status_code == 400
    assert "lớn quá giới hạn" in response.content.decode()


@pytest.mark.django_db
def test_login_page_is_vietnamese(client):
    html = client.get(reverse("login")).content.decode()
    assert "Đăng nhập" in html and "Mật khẩu" in html
    bad = client.post(reverse("login"), {"username": "x", "password": "y"}).content.decode()
    assert "không đúng" in bad
