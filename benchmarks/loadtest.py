"""Run the load test: a fresh PostgreSQL database with the demo, ``nghiquyet serve`` on a
loopback address, ``benchmarks/locustfile.py`` headless for a fixed time, the table
written to docs/performance.md (section "Load test").

    .venv/bin/pip install -e '.[bench]'          # locust, pinned in the bench extra
    .venv/bin/python benchmarks/loadtest.py      # 50 users, 2 minutes, database nq_load
    .venv/bin/python benchmarks/loadtest.py --users 10 --run-time 30s --no-doc

Only loopback addresses: the server binds 127.0.0.1 and locust's host is the same. The
database (``--database``, default ``nq_load``) is created for the run and dropped after
it; never point it at a database you keep. Every step is bounded: the server must answer
within a minute, locust stops after ``--run-time`` (plus a grace period), the server is
stopped at the end whatever happened.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
DOC = REPO / "docs" / "performance.md"
SECTION = "## Load test"
PASSWORD = "tai-thu-" + secrets.token_hex(6)
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def prepare(synthetic_communes: int) -> dict[str, str]:
    """Load the demo, give every demo village a village head, return locust's settings."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from nghiquyet.accounts.models import Role, RoleAssignment
    from nghiquyet.demo.services import load_demo
    from nghiquyet.orgunits.models import OrgUnit

    call_command("migrate", verbosity=0)
    resolution = load_demo()
    province = resolution.issuer.parent
    if synthetic_communes:
        from benchmarks.synthetic import build_synthetic

        province = build_synthetic(communes=synthetic_communes, villages=50,
                                   years=range(2025, 2027)).province
        from nghiquyet.figures.store import rebuild_figures

        rebuild_figures()
    users = get_user_model().objects
    heads = []
    villages = OrgUnit.objects.filter(parent=resolution.issuer, type="village").order_by("code")
    for village in villages:
        username = "tb_" + village.code.lower().replace("-", "_")
        user = users.create_user(username=username, password=PASSWORD,
                                 first_name=f"Trưởng {village.name}")
        RoleAssignment.objects.create(user=user, role=Role.REPORTER, orgunit=village)
        heads.append(f"{username}:{village.code}")
    for username in ("bithu", "giamsat"):
        user = users.get(username=username)
        user.set_password(PASSWORD)
        user.save()
    from django.db import connections

    connections.close_all()
    return {"NQ_LOAD_RESOLUTION": str(resolution.pk), "NQ_LOAD_PROVINCE": province.code,
            "NQ_LOAD_VILLAGE_HEADS": ",".join(heads), "NQ_LOAD_LEADER": "bithu",
            "NQ_LOAD_READER": "giamsat", "NQ_LOAD_PASSWORD": PASSWORD}


def stop(server: subprocess.Popen[bytes] | None) -> None:
    """Stop the server a benchmark started: politely, then for good after 30 s."""
    if server is not None and server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server stopped before answering") from None
            if time.monotonic() > deadline:
                raise SystemExit("the server did not answer in time") from None
            time.sleep(0.5)


def read_stats(prefix: str) -> list[dict[str, str]]:
    with open(prefix + "_stats.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table(stats: list[dict[str, str]]) -> tuple[str, int, float]:
    from nghiquyet.lib.vnformat import format_number

    lines = ["| page or action | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
             "|---|---|---|---|---|---|---|"]
    errors, worst95 = 0, 0.0
    for row in sorted(stats, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "**all requests**" if row["Name"] == "Aggregated" else row["Name"]
        fails = int(row["Failure Count"])
        p95 = float(row["95%"] or 0)
        if row["Name"] != "Aggregated":
            errors += fails
            worst95 = max(worst95, p95)
        lines.append(f"| {name} | {format_number(int(row['Request Count']), 0)} | {fails} | "
                     f"{format_number(float(row['50%'] or 0), 0)} | {format_number(p95, 0)} | "
                     f"{format_number(float(row['99%'] or 0), 0)} | "
                     f"{format_number(float(row['Max Response Time'] or 0), 0)} |")
    return "\n".join(lines), errors, worst95


def write_doc(text: str, path: Path = DOC) -> None:
    """Replace this script's section of docs/performance.md, keeping everything else."""
    from benchmarks.docs import replace_section

    replace_section(path, SECTION, text, head="# Performance")

def main() -> None:
    from benchmarks.database import fresh_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-server", default=PG_SERVER)
    parser.add_argument("--database", default="nq_load")
    parser.add_argument("--users", type=int, default=50)
    # People arrive over the first 25 s (2 a second), as a morning's log-ins spread;
    # --spawn-rate 10 has the 50 log-ins (each a PBKDF2 hash, ~0.2 s of a core) in 5 s.
    parser.add_argument("--spawn-rate", type=float, default=2,
                        help="users started per second (default 2: all 50 in 25 s)")
    parser.add_argument("--run-time", default="2m")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--synthetic-communes", type=int, default=0,
                        help="also build a synthetic province of N communes × 50 villages "
                             "and read its page instead of the demo province's")
    parser.add_argument("--no-doc", action="store_true")
    args = parser.parse_args()

    # A stop (timeout, Ctrl-C) still stops the server and drops the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load = os.getloadavg()[0]
    db, cleanup = fresh_database(True, args.pg_server, args.database, "nq-load-")
    server = None
    try:
        start = time.perf_counter()
        print(f"{db}: loading the demo into {args.database}…", flush=True)
        env_locust = prepare(args.synthetic_communes)
        built_s = time.perf_counter() - start
        port = free_port()
        host = f"http://{LOOPBACK}:{port}"
        logs = Path(tempfile.mkdtemp(prefix="nq-load-logs-"))
        server_env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40),
                      "ALLOWED_HOSTS": LOOPBACK, "NGHIQUYET_WORKERS": str(args.workers),
                      "NGHIQUYET_ACCESS_LOG": str(logs / "access.log"),
                      # as docs/deploy.md sets up production: connections kept per worker
                      "DB_CONN_MAX_AGE": "60"}
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "nghiquyet", "serve", "--bind", f"{LOOPBACK}:{port}"],
            env=server_env, stdout=open(logs / "server.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT)
        wait_until_up(host + "/login/", server, 120)
        prefix = str(logs / "locust")
        seconds = _seconds(args.run_time)
        print(f"{db}: demo loaded in {built_s:.1f} s; {args.users} users for {args.run_time} "
              f"against {host} ({args.workers} workers)", flush=True)
        subprocess.run(  # noqa: S603
            [str(Path(sys.executable).parent / "locust"), "-f", str(REPO / "benchmarks" /
             "locustfile.py"), "--headless", "-u", str(args.users), "-r", str(args.spawn_rate),
             "-t", args.run_time, "--host", host, "--csv", prefix, "--only-summary",
             "--stop-timeout", "10", "--exit-code-on-error", "0"],
            env={**os.environ, **env_locust}, timeout=seconds + 120, check=True)
        from nghiquyet.lib.vnformat import format_number

        stats = read_stats(prefix)
        body, errors, worst95 = table(stats)
        where = (f"{dt.date.today():%Y-%m-%d}, {os.cpu_count()} CPU (nproc) shared with the "
                 f"load generator, Python {platform.python_version()}, {db}, "
                 f"{platform.machine()}, load average {load:.1f} at the start")
        flags = "" if args.users == 50 and args.run_time == "2m" else \
            f" --users {args.users} --run-time {args.run_time}"
        if args.spawn_rate != 2:
            flags += f" --spawn-rate {args.spawn_rate:g}"
        if args.synthetic_communes:
            flags += f" --synthetic-communes {args.synthetic_communes}"
        text = f"""`python benchmarks/loadtest.py{flags}`: {args.users} users on {LOOPBACK} (started {args.spawn_rate:g} a second, all running after {args.users / args.spawn_rate:.0f} s), {args.run_time}, headless, against `nghiquyet serve` ({args.workers} gunicorn workers, whitenoise, database connections kept 60 s as in docs/deploy.md), the demo{f" and a synthetic province of {args.synthetic_communes} communes × 50 villages" if args.synthetic_communes else ""}.
{where}.

The mix (see `benchmarks/locustfile.py`): 30 village heads open their entry page, save a
figure and submit it, and now and then open the dashboard; 4 leaders open the approvals
page and approve a figure; 11 people read the commune dashboard and its indicator pages
(and the home page); 5 read the province page. 1-3 s between actions. A save or submit
answered with "someone changed it first" is counted under its own name, not as an error.

{body}

Errors: {errors}. Slowest p95 of any page or action: {format_number(worst95, 0)} ms (goal: 0 errors, p95 < 1 s).
"""
        print(text)
        if not args.no_doc:
            write_doc(text)
            print(f"Written to {DOC.relative_to(REPO)}")
    finally:
        stop(server)
        cleanup()


def _seconds(run_time: str) -> int:
    units = {"s": 1, "m": 60, "h": 3600}
    return int(float(run_time[:-1]) * units[run_time[-1]]) if run_time[-1] in units \
        else int(run_time)


if __name__ == "__main__":
    main()
