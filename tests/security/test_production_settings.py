"""Production settings (issue 10, item 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from nghiquyet.audit.models import AuditEvent

# The production environment documented in docs/deploy.md (with a throwaway key).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "Zq8#x!2f@Lr0vT5yB9wN3mC7pH1sD4gJ6eU",
    "ALLOWED_HOSTS": "nghiquyet.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://nghiquyet.example.gov.vn",
    "SECURE_SSL_REDIRECT": "1",
    "SESSION_COOKIE_SECURE": "1",
    "CSRF_COOKIE_SECURE": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
}


def _nghiquyet(*args: str, env: dict[str, str], tmp_path: Any) -> subprocess.CompletedProcess[str]:
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE in this process (the
    # live server and Playwright share a thread); a production server never has it.
    clean = {k: v for k, v in os.environ.items()
             if k not in PRODUCTION_ENV
             and k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    clean.update(env, NGHIQUYET_DATA_DIR=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "nghiquyet", *args], env=clean,  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False)


def test_debug_off_without_secret_key_refuses_to_start(tmp_path: Any) -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _nghiquyet("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path: Any) -> None:
    result = _nghiquyet("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV,
                        tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_proxy_header_setting_refuses_to_start(tmp_path: Any) -> None:
    env = {**PRODUCTION_ENV, "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}
    result = _nghiquyet("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0 and "SECURE_PROXY_SSL_HEADER" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_csp_without_unsafe_inline_scripts(client: Any, users: Any) -> None:
    response = client.get("/login/")
    policy = response["Content-Security-Policy"]
    script = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script and "unsafe-inline" not in script and "http" not in script
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("password", ["12345678901234", "password1234", "abc"])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


@pytest.mark.django_db
def test_session_expires_after_eight_idle_hours_and_is_renewed_by_use(client: Any, users: Any,
                                                                       monkeypatch: Any) -> None:
    import time

    from django.contrib.sessions.models import Session

    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client.post("/login/", {"username": "bob", "password": "pw-bob"})
    key = client.session.session_key
    first = Session.objects.get(session_key=key).expire_date
    client.get("/")  # within the renewal interval: no write
    assert Session.objects.get(session_key=key).expire_date == first
    later = time.time() + settings.SESSION_RENEW_SECONDS + 60
    monkeypatch.setattr(time, "time", lambda: later)
    client.get("/")
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > first


@pytest.mark.django_db
def test_login_is_throttled_audited_and_unlocked_by_an_admin(client: Any, users: Any) -> None:
    from axes.models import AccessAttempt
    from django.contrib.auth import get_user_model

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "bob", "password": "wrong"})
    response = client.post("/login/", {"username": "bob", "password": "pw-bob"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.filter(action="login.locked_out").first()
    assert event is not None
    assert event.new["username"] == "bob" and event.object_id == str(users["bob"].pk)
    # another username from the same address is not locked
    assert client.post("/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    client.logout()
    root = get_user_model().objects.create_superuser("root", "r@example.org", "pw-root-Xy7")
    client.force_login(root)
    attempt = AccessAttempt.objects.get(username="bob")
    response = client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert AuditEvent.objects.get(action="login.unlock").actor_username == "root"
    client.logout()
    assert client.post("/login/", {"username": "bob", "password": "pw-bob"}).status_code == 302
