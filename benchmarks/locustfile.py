"""Load test: 50 people using the product at once, against ``nghiquyet serve``.

Run it through ``benchmarks/loadtest.py``, which builds the database, creates the
accounts, starts the server on a loopback address, runs this file headless for a fixed
time and writes the table to docs/performance.md. Everything it needs comes from
environment variables that the runner sets:

- ``NQ_LOAD_RESOLUTION``: the commune resolution's id; ``NQ_LOAD_PROVINCE``: the
  province's code (its page is read);
- ``NQ_LOAD_VILLAGE_HEADS``: ``username:unit-code`` pairs, comma separated (one village
  head per village); ``NQ_LOAD_LEADER``, ``NQ_LOAD_READER``: usernames;
- ``NQ_LOAD_PASSWORD``: the accounts' password.

The mix (50 users): 30 village heads who open their entry page, save a figure and submit
it, and now and then look at the dashboard; 4 leaders who open the approvals page and
approve a figure; 11 people reading the commune's dashboard and indicator pages; 5
reading the province page. Each waits 1-3 s between actions, as people do.

A request counts as failed when its status is unexpected, or when the page does not say
what it should (a save that does not answer "Đã lưu", a submit without "Đã gửi duyệt").
A save refused because two leaders or a leader and a village head touched the same
figure at once (a version conflict, answered in the page) is the product doing its job;
it is counted under its own name, not as an error.
"""

from __future__ import annotations

import html
import itertools
import os
import random
import re
from decimal import Decimal
from typing import Any

from locust import HttpUser, between, task

RESOLUTION = int(os.environ.get("NQ_LOAD_RESOLUTION", "1"))
PROVINCE = os.environ.get("NQ_LOAD_PROVINCE", "SL")
PASSWORD = os.environ.get("NQ_LOAD_PASSWORD", "")
VILLAGE_HEADS = [tuple(pair.split(":", 1)) for pair in
                 os.environ.get("NQ_LOAD_VILLAGE_HEADS", "").split(",") if ":" in pair]
LEADER = os.environ.get("NQ_LOAD_LEADER", "bithu")
READER = os.environ.get("NQ_LOAD_READER", "giamsat")
YEAR = os.environ.get("NQ_LOAD_PERIOD", "2026")

_heads = itertools.cycle(VILLAGE_HEADS or [("truongban", "SL-PK-B01")])
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ROW = re.compile(r'<form class="entry-row.*?</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
SUBMIT = re.compile(r'hx-post="(/values/\d+/submit/)" hx-vals=\'\{"version": "(\d+)"\}\'')
APPROVE = re.compile(r'<form method="post" action="(/values/\d+/approve/)"[^>]*>.*?'
                     r'name="version" value="(\d+)"', re.S)
INDICATOR = re.compile(r'href="(/resolutions/\d+/indicators/\d+/[^"#]*)"')


def _number(text: str) -> Decimal | None:
    text = html.unescape(text).strip().replace(".", "").replace(",", ".")
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    username = ""

    def on_start(self) -> None:
        page = self.client.get("/login/", name="login page")
        token = CSRF.search(page.text)
        with self.client.post("/login/", name="log in", allow_redirects=False, data={
            "username": self.username, "password": PASSWORD,
            "csrfmiddlewaretoken": token.group(1) if token else "",
        }, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"login refused for {self.username}: {response.status_code}")

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def post(self, url: str, name: str, data: dict[str, Any], *, htmx: bool = False,
             expect: str = "", conflict: str = "") -> Any:
        headers = {"X-CSRFToken": self.csrf(), "Referer": self.host + url}
        if htmx:
            headers["HX-Request"] = "true"
        with self.client.post(url, data=data, headers=headers, name=name,
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code not in (200, 302):
                response.failure(f"{name}: HTTP {response.status_code}")
            elif conflict and conflict in response.text:
                # Not an error: someone changed the figure first, and the page says so.
                response.request_meta["name"] = name + " (conflict shown)"
                response.success()
            elif expect and expect not in response.text:
                response.failure(f"{name}: the answer does not say “{expect}”")
            return response


class VillageHead(Person):
    """Opens the village's entry page, saves a figure and submits it."""

    fixed_count = 30

    def on_start(self) -> None:
        self.username, self.unit = next(_heads)
        super().on_start()

    @task(6)
    def enter_and_submit(self) -> None:
        url = f"/resolutions/{RESOLUTION}/entry/?unit={self.unit}&period={YEAR}"
        page = self.client.get(url, name="entry page")
        rows = [r for r in ROW.findall(page.text) if " disabled" not in r]
        if not rows:
            return
        row = random.choice(rows)  # noqa: S311 - picking a row, not a secret
        data = dict(HIDDEN.findall(row))
        data.update(self._new_figure(row))
        data["note"] = "Theo sổ theo dõi của bản"
        saved = self.post(f"/resolutions/{RESOLUTION}/entry/cell/", "save a figure", data,
                          htmx=True, expect="Đã lưu", conflict="vừa được người khác thay đổi")
        match = SUBMIT.search(saved.text or "")
        if match:
            self.post(match.group(1), "submit a figure", {"version": match.group(2)},
                      htmx=True, expect="Đã gửi duyệt", conflict="vừa được người khác thay đổi")

    @task(1)
    def dashboard(self) -> None:
        self.client.get(f"/resolutions/{RESOLUTION}/dashboard/", name="commune dashboard")

    @staticmethod
    def _new_figure(row: str) -> dict[str, str]:
        if 'name="numerator"' in row:
            den = _number(re.search(r'name="denominator"[^>]*value="([^"]*)"', row).group(1)
                          ) or Decimal(random.randint(50, 300))  # noqa: S311
            num = int(den * Decimal(random.uniform(0.01, 0.3)))  # noqa: S311
            return {"numerator": str(num), "denominator": f"{den:f}".replace(".", ",")}
        if '<select name="value"' in row:
            return {"value": random.choice(["0", "1"])}  # noqa: S311
        current = re.search(r'<input name="value"[^>]*value="([^"]*)"', row)
        old = _number(current.group(1)) if current else None
        if old is None or old == 0:
            new = Decimal(random.randint(1, 90))  # noqa: S311
        else:
            new = old * Decimal(str(round(random.uniform(0.95, 1.05), 3)))  # noqa: S311
        new = min(new, Decimal(99)) if "(%)" in row else new
        return {"value": f"{new.quantize(Decimal('0.1'))}".replace(".", ",")}


class Leader(Person):
    """Opens the approvals page and approves the first figure waiting."""

    fixed_count = 4
    username = LEADER

    @task
    def approve(self) -> None:
        url = f"/resolutions/{RESOLUTION}/approvals/"
        page = self.client.get(url, name="approvals page")
        match = APPROVE.search(page.text)
        if match:
            # as the page does: an htmx post answered with the card in its new state
            self.post(match.group(1), "approve a figure",
                      {"version": match.group(2), "next": url}, htmx=True,
                      expect="Đã duyệt", conflict="vừa được người khác thay đổi")


class DashboardReader(Person):
    """Reads the commune's dashboard and its indicator pages."""

    fixed_count = 11
    username = READER

    @task(3)
    def dashboard(self) -> None:
        page = self.client.get(f"/resolutions/{RESOLUTION}/dashboard/", name="commune dashboard")
        links = INDICATOR.findall(page.text)
        if links:
            link = html.unescape(random.choice(links))  # noqa: S311
            self.client.get(link, name="indicator page")

    @task(1)
    def home(self) -> None:
        self.client.get("/", name="home page")


class ProvinceReader(Person):
    """Reads the province page (every commune of the province compared)."""

    fixed_count = 5
    username = READER

    @task
    def province(self) -> None:
        self.client.get(f"/provinces/{PROVINCE}/", name="province page")
