"""``nghiquyet serve``: gunicorn settings from options and environment, and a real run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from nghiquyet.web.management.commands.serve import default_workers, gunicorn_options

NO_OPTS = {"bind": None, "workers": None, "threads": None, "timeout": None}


def test_options_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NGHIQUYET_BIND", "127.0.0.1:9001,[::1]:9001")
    monkeypatch.setenv("NGHIQUYET_WORKERS", "3")
    monkeypatch.setenv("NGHIQUYET_THREADS", "4")
    options = gunicorn_options(NO_OPTS)
    assert options["bind"] == ["127.0.0.1:9001", "[::1]:9001"]
    assert (options["workers"], options["threads"]) == (3, 4)
    assert options["control_socket_disable"] is True


def test_command_options_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NGHIQUYET_WORKERS", "3")
    options = gunicorn_options({**NO_OPTS, "workers": 5, "bind": "127.0.0.1:9002"})
    assert options["workers"] == 5
    assert options["bind"] == ["127.0.0.1:9002"]


def test_defaults_listen_on_loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NGHIQUYET_BIND", "NGHIQUYET_WORKERS", "NGHIQUYET_THREADS"):
        monkeypatch.delenv(name, raising=False)
    options = gunicorn_options(NO_OPTS)
    assert options["bind"] == ["127.0.0.1:8000"]
    assert options["workers"] == default_workers() >= 3


@pytest.mark.parametrize("env", [{"NGHIQUYET_WORKERS": "many"}, {"NGHIQUYET_WORKERS": "0"},
                                 {"NGHIQUYET_TIMEOUT": "-1"}])
def test_bad_settings_are_refused(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(CommandError):
        gunicorn_options(NO_OPTS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


@pytest.mark.slow
def test_serve_runs_gunicorn_with_compressed_static_files(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(tmp_path), "NGHIQUYET_WORKERS": "1",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DEBUG": "0",
           "SECRET_KEY": "test-only-" + "x" * 50}  # DEBUG=0 needs a key
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "nghiquyet", "serve", "--migrate", "--bind", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                status, _headers, body = _get(base + "/login/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert status == 200
        assert "Đăng nhập".encode() in body
        # collectstatic ran, and whitenoise serves the gzipped copy it made.
        assert list((tmp_path / "static").rglob("app.css.gz"))
        status, headers, _body = _get(base + "/static/nghiquyet/app.css",
                                      **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers.get("Content-Encoding") == "gzip"
    finally:
        proc.terminate()
        out, _err = proc.communicate(timeout=30)
    assert proc.returncode == 0, out.decode(errors="replace")
    assert b"Starting gunicorn" in out
