"""A role's journey in Chromium: every response and console message is watched, each
step is screenshotted into data/screenshots/journeys/ (docs/img/journeys/ with
NGHIQUYET_DOC_SHOTS=1) and checked with axe-core (vendored here,
never shipped with the product)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import assert_fits, shots_dir

REPO = Path(__file__).resolve().parents[2]
JOURNEY_SHOTS = shots_dir("journeys")
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PASSWORD = "nghiquyet2025"  # noqa: S105 - the demo's printed password


@dataclass
class Journey:
    """One person's session. ``expect(status, path_regex)`` allows a 4xx the journey
    provokes on purpose (a refused write, an expired session); any other 4xx/5xx, any
    console error and any serious or critical axe violation fails the test."""

    browser: Any
    base: str
    role: str
    size: str
    viewport: dict[str, int]
    page: Any = None
    step_no: int = 0
    problems: list[str] = field(default_factory=list)
    expected: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)

    def start(self, username: str) -> Journey:
        context = self.browser.new_context(viewport=self.viewport, locale="vi-VN",
                                           accept_downloads=True)
        self.page = context.new_page()
        self.page.set_default_timeout(20_000)
        self.page.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.login(username)
        return self

    def login(self, username: str) -> None:
        self.page.goto(f"{self.base}/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("main button[type=submit]")
        self.page.wait_for_url(f"{self.base}/")

    def expect(self, status: int, path: str) -> None:
        self.expected.append((status, re.compile(path)))

    def _response(self, response: Any) -> None:
        if response.status < 400:
            return
        path = response.url.removeprefix(self.base)
        if any(status == response.status and rx.search(path) for status, rx in self.expected):
            return
        self.problems.append(f"HTTP {response.status} {response.request.method} {path}")

    def _console(self, message: Any) -> None:
        if message.type != "error":
            return
        text = message.text
        # Chromium logs every refused request on the console as well; those the journey
        # expects are judged by their status above.
        if "Failed to load resource" in text and (
            "401" in text or "403" in text or "400" in text or "ERR_INTERNET_DISCONNECTED" in text):
            return
        self.problems.append(f"console: {text}")

    def goto(self, path: str) -> None:
        self.page.goto(f"{self.base}{path}")

    def step(self, name: str, *, show: Any = None, axe: bool = True, fits: bool = True) -> Path:
        """Screenshot of what the screen shows (scrolled to ``show``), axe-core, and no
        sideways scrolling."""
        self.step_no += 1
        if show is not None:
            show.scroll_into_view_if_needed()
        if fits:
            assert_fits(self.page)
        if axe:
            self.check_axe(name)
        JOURNEY_SHOTS.mkdir(parents=True, exist_ok=True)
        path = JOURNEY_SHOTS / f"{self.role}-{self.size}-{self.step_no:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=False, animations="disabled")
        _shrink(path)
        self.check()
        return path

    def check_axe(self, name: str) -> None:
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3)"
            ".map(n => n.target.join(' ')).join(' | '))")
        assert not result, f"axe at step {name}: {result}"

    def check(self) -> None:
        assert not self.problems, "\n".join(self.problems)

    def close(self) -> None:
        self.check()
        self.page.context.close()


def _shrink(path: Path) -> None:
    """A palette of 128 colours: a screen of text and flat colours stays legible at a
    quarter of the size, so the screenshots can live in the repository."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
