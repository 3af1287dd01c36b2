"""Structured warnings: what a reviewer must look at after an import."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from nghiquyet.lib.i18n import gettext as _

EXCERPT_LENGTH = 160


@dataclass(frozen=True)
class ParseWarning:
    """One thing the parser could not settle on its own.

    ``code`` is stable (tests and the review screen key on it); ``message`` is
    for people, in Vietnamese; ``indicator`` is the indicator number when the
    warning is about one; ``excerpt`` is the source text it refers to.
    """

    code: str
    message: str
    indicator: int | None = None
    excerpt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = _("Chỉ tiêu ({number}): ").format(number=self.indicator) if self.indicator else ""
        tail = f" «{self.excerpt}»" if self.excerpt else ""
        return f"[{self.code}] {where}{self.message}{tail}"


def excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class WarningLog:
    """Collects warnings in the order they are found, without duplicates."""

    def __init__(self) -> None:
        self.items: list[ParseWarning] = []

    def add(
        self, code: str, message: str, indicator: int | None = None, source: str | None = None
    ) -> None:
        warning = ParseWarning(code, message, indicator, excerpt(source) if source else None)
        if warning not in self.items:
            self.items.append(warning)
