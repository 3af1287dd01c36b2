"""``nghiquyet serve``: the production server.

gunicorn runs the WSGI application; whitenoise (already in the middleware) serves
the static files that ``collectstatic`` gathers first. Every setting can come from
an option or from the environment, so a systemd unit needs no wrapper script.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from nghiquyet.lib.env import ConfigError, envbool, envint, envstr
from nghiquyet.lib.i18n import gettext as _


def default_workers() -> int:
    """gunicorn's rule of thumb: two workers per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def gunicorn_options(opts: dict[str, Any]) -> dict[str, Any]:
    """gunicorn settings from the command's options, falling back to the environment."""
    try:
        bind = opts.get("bind") or envstr("NGHIQUYET_BIND", "127.0.0.1:8000")
        workers = opts.get("workers") or envint("NGHIQUYET_WORKERS", default_workers())
        threads = opts.get("threads") or envint("NGHIQUYET_THREADS", 1)
        timeout = opts.get("timeout") or envint("NGHIQUYET_TIMEOUT", 120)
        access_log = envstr("NGHIQUYET_ACCESS_LOG", "-")
        forwarded = envstr("NGHIQUYET_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
        max_requests = envint("NGHIQUYET_MAX_REQUESTS", 2000)
    except ConfigError as exc:
        raise CommandError(str(exc)) from exc
    if workers < 1 or threads < 1 or timeout < 1:
        raise CommandError(_("Số tiến trình, số luồng và thời gian chờ phải lớn hơn 0."))
    return {
        "bind": [b.strip() for b in bind.split(",") if b.strip()],
        "workers": workers,
        "threads": threads,
        "timeout": timeout,
        "graceful_timeout": 30,
        "keepalive": 5,
        "backlog": 2048,
        # Recycle workers now and then so a slow leak never grows for weeks.
        "max_requests": max_requests,
        "max_requests_jitter": max(1, max_requests // 10) if max_requests else 0,
        "accesslog": access_log or None,
        "errorlog": "-",
        # Trust X-Forwarded-* only from the reverse proxy on this machine.
        "forwarded_allow_ips": forwarded,
        "proc_name": "nghiquyet",
        # No gunicornc control socket: two instances on one host (one per province) would
        # fight over its default path, and systemd already restarts and reloads the server.
        "control_socket_disable": True,
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,  # noqa: S108
    }


def run_gunicorn(options: dict[str, Any]) -> None:  # pragma: no cover - runs until stopped
    from gunicorn.app.base import BaseApplication

    from nghiquyet.wsgi import application

    class Application(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Application(prog="nghiquyet serve").run()


class Command(BaseCommand):
    help = ("Chạy máy chủ sản xuất (gunicorn, tệp tĩnh qua whitenoise). Cấu hình bằng tham số "
            "hoặc biến môi trường NGHIQUYET_BIND, NGHIQUYET_WORKERS, NGHIQUYET_THREADS, "
            "NGHIQUYET_TIMEOUT, NGHIQUYET_ACCESS_LOG, NGHIQUYET_FORWARDED_ALLOW_IPS, "
            "NGHIQUYET_MAX_REQUESTS.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", help="địa chỉ nghe, ví dụ 127.0.0.1:8000 (NGHIQUYET_BIND)")
        parser.add_argument("--workers", type=int,
                            help="số tiến trình (NGHIQUYET_WORKERS; mặc định 2 × số lõi + 1)")
        parser.add_argument("--threads", type=int, help="số luồng mỗi tiến trình "
                            "(NGHIQUYET_THREADS; mặc định 1)")
        parser.add_argument("--timeout", type=int,
                            help="giây tối đa cho một yêu cầu (NGHIQUYET_TIMEOUT; mặc định 120)")
        parser.add_argument("--no-collectstatic", action="store_true",
                            help="không chạy collectstatic trước (đã chạy khi cài đặt)")
        parser.add_argument("--migrate", action="store_true",
                            help="chạy migrate trước khi mở máy chủ")

    def handle(self, *args: Any, **opts: Any) -> None:
        options = gunicorn_options(opts)
        if settings.DEBUG:
            self.stderr.write(_("Cảnh báo: DEBUG đang bật; không dùng như vậy trên máy chủ thật."))
        if opts["migrate"]:
            call_command("migrate", interactive=False, verbosity=1)
        if not (opts["no_collectstatic"] or envbool("NGHIQUYET_SKIP_COLLECTSTATIC", False)):
            call_command("collectstatic", interactive=False, verbosity=0)
        # Serve the collected, pre-compressed files only: the apps' folders (the setting a
        # developer's checkout uses) would shadow them with uncompressed copies.
        settings.WHITENOISE_USE_FINDERS = False
        # Workers are forked from this process: none may inherit an open connection.
        connections.close_all()
        self.stderr.write(_("nghiquyet phục vụ tại %(bind)s với %(w)d tiến trình.")
                          % {"bind": ", ".join(options["bind"]), "w": options["workers"]})
        sys.stderr.flush()
        run_gunicorn(options)
