"""Resolution text -> registry (``nghiquyet.registry/1``), with warnings for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import ParseWarning, WarningLog
from nghiquyet.textimport.encodings import detect_legacy_encoding
from nghiquyet.textimport.figures import find_figures
from nghiquyet.textimport.headings import declared_count
from nghiquyet.textimport.metadata import read_metadata
from nghiquyet.textimport.review import label_is_incomplete
from nghiquyet.textimport.runin import split_run_in_headings
from nghiquyet.textimport.sections import (
    Section,
    announced_count,
    breakthrough_section,
    indicator_section,
    section_between,
    task_section,
)
from nghiquyet.textimport.tables import TableScan, row_targets
from nghiquyet.textimport.targets import ItemContext, read_targets
from nghiquyet.textimport.text import collapse, normalize_document
from nghiquyet.textimport.titles import item_title

REGISTRY_FORMAT = "nghiquyet.registry/1"


@dataclass
class ParseResult:
    """The registry read from a text, and what a reviewer should check in it."""

    registry: dict[str, Any]
    warnings: list[ParseWarning] = field(default_factory=list)
    layout: str | None = None  # how the indicator list was laid out (list, table, prose...)
    section_text: str | None = None  # the indicator section as read (heading excluded)

    def warnings_for(self, number: int) -> list[ParseWarning]:
        return [w for w in self.warnings if w.indicator == number]


Term = tuple[int, int]


def parse_text(
    text: str, term: Term | None = None, bounds: tuple[str, str] | None = None
) -> ParseResult:
    """Read a resolution's text (any layout of the genre) into a registry dict.

    ``term`` is the term the user gives for a text that states none (an
    extract, an annex). Without either, deadlines that the text does not write
    stay empty (``None``) and a warning says so: a guessed year would be judged.
    ``bounds`` are the opening words of the list's first and last lines, as a
    reviewer marks them when the list's heading is not found.
    """
    log = WarningLog()
    text = _from_legacy_font(text, log)
    doc = split_run_in_headings(normalize_document(text))
    if not doc.strip():
        log.add("empty_text", _("Văn bản trống."))
    meta = read_metadata(doc, log, given_term=term)
    term_end = meta.term_end
    section = (section_between(doc, *bounds, log) if bounds else None) or indicator_section(
        doc, log
    )
    registry: dict[str, Any] = {
        "format": REGISTRY_FORMAT,
        "resolution": meta.as_registry(),
        "declared_indicator_count": _declared_indicators(section),
        "groups": _groups(section),
        "indicators": _indicators(section, term_end, log),
        "breakthroughs": _titled_items(breakthrough_section(doc, log), "breakthrough", log),
        "tasks": _titled_items(task_section(doc, log), "task", log),
    }
    _check_counts(registry, log)
    _check_labels(registry, log)
    if section is not None:
        _warn_unread_figures(section, log)
    return ParseResult(
        registry,
        log.items,
        section.layout if section else None,
        _section_text(section),
    )


def _from_legacy_font(text: str, log: WarningLog) -> str:
    """Text typed in a TCVN3 or VNI font: converted when safe, always pointed out."""
    legacy = detect_legacy_encoding(text)
    if legacy is None:
        return text
    if legacy.converted is not None:
        log.add(
            "legacy_encoding_converted",
            _(
                "Văn bản được gõ bằng phông chữ bảng mã {name} (chữ hiển thị sai như “NghÞ "
                "quyÕt”); đã tự chuyển sang Unicode. Hãy kiểm tra lại các chữ hoa có dấu."
            ).format(name=legacy.name),
        )
        return legacy.converted
    log.add(
        "legacy_encoding",
        _(
            "Văn bản có vẻ được gõ bằng phông chữ bảng mã {name} nhưng lẫn chữ Unicode, nên "
            "không tự chuyển được. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi tải lên lại."
        ).format(name=legacy.name),
    )
    return text


def _declared_indicators(section: Section | None) -> int | None:
    """'(24 chỉ tiêu)' in the heading (a wrapped heading has been joined to one line)."""
    if section is None:
        return None
    return declared_count(section.heading.text.split(":", 1)[0])


def _groups(section: Section | None) -> list[dict[str, Any]]:
    if section is None:
        return []
    return [
        {"code": g.code, "title": g.title, "declared_count": g.declared_count}
        for g in section.scan.groups
    ]


def _indicators(
    section: Section | None, term_end: int | None, log: WarningLog
) -> list[dict[str, Any]]:
    if section is None:
        return []
    if section.table is not None:
        return _table_indicators(section.table, term_end, log)
    indicators = []
    for item in section.scan.items:
        text = collapse(section.body[item.start : item.end])
        indicators.append(
            {
                "number": item.number,
                "group": item.group.code if item.group else None,
                "text": text,
                "targets": read_targets(
                    text, ItemContext(item.number, term_end, log, section.lead_year)
                ),
            }
        )
    return indicators


def _table_indicators(
    table: TableScan, term_end: int | None, log: WarningLog
) -> list[dict[str, Any]]:
    return [
        {
            "number": row.number,
            "group": row.group.code if row.group else None,
            "text": row.text,
            "targets": row_targets(row, ItemContext(row.number, term_end, log, table.target_year)),
        }
        for row in table.indicators
    ]


def _check_labels(registry: dict[str, Any], log: WarningLog) -> None:
    """A label cut mid-phrase or with an open bracket is never kept without a word."""
    for indicator in registry["indicators"]:
        for target in indicator["targets"]:
            if label_is_incomplete(target["label"]):
                log.add(
                    "label_incomplete",
                    _(
                        "Tên chỉ tiêu có vẻ bị cắt giữa chừng hoặc còn ngoặc chưa đóng; cần sửa lại."
                    ),
                    indicator["number"],
                    target["label"],
                )


def _section_text(section: Section | None) -> str | None:
    if section is None:
        return None
    if section.table is not None or not section.scan.items:
        return section.body
    return section.body[: section.scan.items[-1].end]


def _warn_unread_figures(section: Section, log: WarningLog) -> None:
    """No silent drops: a figure in the section but in no indicator is shown to the reviewer.

    Inside an indicator every figure becomes a target (or a warning of its own);
    what is left is the text around them: a lead-in, a skipped sentence, a
    group heading.
    """
    if section.table is not None:
        for line in section.table.unread:
            log.add(
                "table_row_unread",
                _("Dòng bảng có mục tiêu nhưng không có số thứ tự chỉ tiêu; cần kiểm tra."),
                source=line,
            )
        return
    if not section.scan.items:
        return
    body = section.body
    start = 0
    for item in section.scan.items:
        _warn_in_gap(body[start : item.start], log)
        start = max(start, item.end)
    # Prose ends where its last sentence with a target ends; the rest is still the section.
    if section.layout in ("prose", "paragraph"):
        _warn_in_gap(body[start:], log)


def _warn_in_gap(text: str, log: WarningLog) -> None:
    for piece in re.split(r"(?<=[.;:!?])\s+|\n", text):
        if find_figures(piece):
            log.add(
                "figure_not_read",
                _(
                    "Có số liệu nằm ngoài các chỉ tiêu đã nhận; cần kiểm tra, bổ sung nếu là mục tiêu."
                ),
                source=piece,
            )


def _titled_items(section: Section | None, what: str, log: WarningLog) -> list[dict[str, Any]]:
    if section is None:
        return []
    items = [
        {"number": item.number, "title": item_title(section.body[item.start : item.end])}
        for item in section.scan.items
    ]
    announced = announced_count(section)
    if announced is not None and announced != len(items):
        message = (
            _("Văn bản nêu {declared} khâu đột phá nhưng tìm thấy {found}.")
            if what == "breakthrough"
            else _("Văn bản nêu {declared} nhiệm vụ chủ yếu nhưng tìm thấy {found}.")
        )
        log.add(
            f"{what}_count_mismatch",
            message.format(declared=announced, found=len(items)),
            source=section.heading.text,
        )
    return items


def _check_counts(registry: dict[str, Any], log: WarningLog) -> None:
    indicators = registry["indicators"]
    declared = registry["declared_indicator_count"]
    if declared is not None and declared != len(indicators):
        log.add(
            "declared_count_mismatch",
            _("Nghị quyết nêu {declared} chỉ tiêu nhưng tìm thấy {found}.").format(
                declared=declared, found=len(indicators)
            ),
        )
    for group in registry["groups"]:
        found = sum(1 for i in indicators if i["group"] == group["code"])
        if group["declared_count"] is not None and group["declared_count"] != found:
            log.add(
                "group_count_mismatch",
                _("Nhóm {code}) “{title}” nêu {declared} chỉ tiêu nhưng tìm thấy {found}.").format(
                    code=group["code"],
                    title=group["title"],
                    declared=group["declared_count"],
                    found=found,
                ),
            )
