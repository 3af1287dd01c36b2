"""Every link a demo user is shown leads somewhere: following the links of each role's
pages from the home page, no page answers 4xx or 5xx, and every page is under 100 KB of
HTML (issue #14: a phone on a weak link). A village head's link to an indicator their
village does not report, and a 250 KB mapping page, were found this way."""

from __future__ import annotations

import html
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve

HREF = re.compile(r'href="([^"#]+)')
# Not pages: files, the API, the admin, leaving, and what changes state when opened.
SKIP = re.compile(r"^/(static|media|api|admin|i18n|logout|notifications/\d+)/|"
                  r"format=|download|template|\.json|/evidence/|\.webmanifest|sw\.js|favicon")
PER_ROUTE = 40  # pages of one kind (one URL pattern) opened per user
LIMIT = 100_000


@pytest.fixture
def demo(db):
    from nghiquyet.demo.services import load_demo

    return load_demo()


def _crawl(client) -> tuple[dict[str, int], list[tuple[str, int]], int]:
    seen: set[str] = set()
    per_route: Counter[str] = Counter()
    todo, big, bad = ["/"], {}, []
    while todo:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            route = resolve(urlsplit(url).path).route
        except Resolver404:
            bad.append((url, 404))
            continue
        if per_route[route] >= PER_ROUTE:
            continue
        per_route[route] += 1
        response = client.get(url)
        if response.status_code >= 400:
            bad.append((url, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        if len(response.content) >= LIMIT:
            big[url] = len(response.content)
        for link in HREF.findall(body):
            link = html.unescape(link)
            if link.startswith("/") and not link.startswith("//") and not SKIP.search(link):
                todo.append(link)
    return big, bad, sum(per_route.values())


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["quantri", "bithu", "chutich", "canbo", "truongban",
                                      "giamsat"])
def test_every_link_shown_opens_a_page_under_100_kb(client, demo, username):
    client.force_login(get_user_model().objects.get(username=username))
    big, bad, opened = _crawl(client)
    assert opened > 20
    assert bad == []
    assert big == {}
