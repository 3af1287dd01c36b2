"""Django admin is where a deployment is configured: every model's pages open."""

import pytest
from django.contrib import admin
from django.urls import reverse


@pytest.mark.django_db
def test_every_registered_model_opens_in_the_admin(client, users, resolution):
    superuser = users["admin"]
    superuser.is_superuser = superuser.is_staff = True
    superuser.save()
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        assert client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist")).status_code == 200, info


@pytest.mark.django_db
def test_the_admin_refuses_ordinary_users(client, users):
    client.force_login(users["alice"])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_pages_stay_vietnamese_for_an_english_browser(client, users):
    client.force_login(users["admin"])
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in html and "Đăng xuất" in html
