"""Finding the key-indicator list, the breakthroughs and the main tasks in a resolution."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.figures import find_figures
from nghiquyet.textimport.headings import (
    BREAKTHROUGH_HEADING,
    INDICATOR_HEADING,
    TASK_HEADING,
    Heading,
    declared_count,
    heading_tail,
    heading_words,
    is_other_heading,
)
from nghiquyet.textimport.listscan import Group, ScanResult, scan_list
from nghiquyet.textimport.markers import (
    NUMERIC_FAMILIES,
    Family,
    Marker,
    find_markers,
    line_starts,
    logical_line,
)
from nghiquyet.textimport.prose import scan_prose, section_end
from nghiquyet.textimport.tables import TableScan, scan_table
from nghiquyet.textimport.targets import ItemContext, read_targets
from nghiquyet.textimport.text import collapse

# How far after a heading its list may start (a lead-in sentence, group headings).
_LOOKAHEAD_LINES = 10
_GROUP_TOPIC = re.compile(
    r"^(?:(?:các|nhóm)\s+)?(?:nhóm\s+)?chỉ tiêu\s+(?:về|thuộc|trong|lĩnh vực)\b|^về\s|^lĩnh vực\s|^nhóm\s"
    r"|^(?:kinh tế|văn hóa|văn hoá|xã hội|môi trường|quốc phòng|an ninh|xây dựng đảng|"
    r"công tác xây dựng đảng|hệ thống chính trị|nông nghiệp|giáo dục|y tế|tài nguyên)\b",
    re.IGNORECASE,
)
_UNMARKED_GROUP = re.compile(r"^(?:Về|Các chỉ tiêu về|Chỉ tiêu về|Nhóm chỉ tiêu|Lĩnh vực)\s")
_COUNT_IN_BRACKETS = re.compile(r"\(\s*(?:gồm\s+|có\s+)?\d{1,3}\s+chỉ tiêu\s*\)", re.IGNORECASE)
_MAX_GROUP_HEADING = 150
_LAYOUT_OF_FAMILY = {Family.LETTER: "letters", Family.BULLET: "bullets"}


@dataclass
class Section:
    heading: Heading
    body: str
    scan: ScanResult
    layout: str = "list"  # list, letters, bullets, table, prose, paragraph (for the reviewer)
    lead_year: int | None = None  # "Đến năm 2030, phấn đấu: ...", "Mục tiêu đến năm 2030"
    table: TableScan | None = None


# A heading names its part with one of these words; other lines are skipped unread.
_HEADING_WORDS = re.compile(
    r"[Cc]hỉ|[Tt]iêu|[Đđ]ột|[Pp]há|[Nn]hiệm|[Mm]ục|CHỈ|TIÊU|ĐỘT|PHÁ|NHIỆM|MỤC"
)


def find_headings(doc: str, pattern: re.Pattern[str]) -> list[Heading]:
    headings = []
    starts = line_starts(doc)
    for start in _candidate_lines(doc, starts):
        line, end = logical_line(doc, start)
        rest = heading_words(line)
        tail = heading_tail(pattern, rest) if rest is not None else None
        if tail is None:
            continue
        # "Ba khâu đột phá: (1) ...; (2) ...": the list starts on the heading's own line.
        colon = doc.find(":", start, end) if ":" in tail else -1
        body_start = colon + 1 if colon >= 0 and doc[colon + 1 : end].strip() else end
        headings.append(Heading(start, body_start, collapse(line)))
    return headings


def _candidate_lines(doc: str, starts: list[int]) -> list[int]:
    """Lines holding a heading word, and the line before each (a heading may wrap)."""
    picked: set[int] = set()
    for hit in _HEADING_WORDS.finditer(doc):
        index = bisect.bisect_right(starts, hit.start()) - 1
        picked.update(i for i in (index - 1, index) if i >= 0)
    return [starts[i] for i in sorted(picked)]


def _line_end(doc: str, start: int) -> int:
    end = doc.find("\n", start)
    return end if end >= 0 else len(doc)


# --- key indicators ---------------------------------------------------------


def indicator_section(doc: str, log: WarningLog) -> Section | None:
    """The list under 'Các chỉ tiêu chủ yếu' (or a variant) that really starts a list."""
    headings = find_headings(doc, INDICATOR_HEADING)
    if tabled := _table_section(doc, headings):
        return tabled
    candidates = []
    for heading in headings:
        body = doc[heading.body_start :]
        scan = scan_list(
            body[: _lookahead_end(body)], _indicator_line, WarningLog(), allow_bullets=True
        )
        if scan.items:
            candidates.append((heading, scan.items[0].start + heading.body_start))
    if not candidates:
        if unnumbered := _unnumbered_section(doc):
            return unnumbered
        log.add(
            "section_not_found",
            _("Không tìm thấy mục “Các chỉ tiêu chủ yếu” có danh sách chỉ tiêu."),
        )
        return None
    heading = _closest_heading(candidates)
    body = doc[heading.body_start :]
    scan = scan_list(body, _indicator_line, log, allow_bullets=True)
    family = _first_family(body, scan)
    layout = _LAYOUT_OF_FAMILY.get(family, "list") if family else "list"
    return Section(heading, body, scan, layout, heading_year(heading.text))


_HEADING_YEAR = re.compile(r"\b(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")


def heading_year(text: str) -> int | None:
    """'Các chỉ tiêu chủ yếu đến năm 2028:' sets the deadline of items that write none."""
    found = _HEADING_YEAR.search(text.split(":", 1)[0])
    return int(found.group(1)) if found else None


def _first_family(body: str, scan: ScanResult) -> Family | None:
    """The family of the marker that opened the first item."""
    if not scan.items:
        return None
    first = scan.items[0]
    for marker in find_markers(body[: first.start + 1]):
        if marker.end == first.start:
            return marker.family
    return None


def section_between(doc: str, first: str, last: str, log: WarningLog) -> Section | None:
    """The list a reviewer marked: from the line opening with ``first`` to the one with ``last``.

    Used when the heading is missing or unusual. The marked text is read as a
    table, a list or unnumbered sentences, whichever gives indicators.
    """
    start = _find_words(doc, first, 0)
    end_of_last = _find_words(doc, last, start.start()) if start else None
    if start is None or end_of_last is None:
        log.add(
            "bounds_not_found",
            _(
                "Không tìm thấy đoạn đầu hoặc đoạn cuối của danh sách chỉ tiêu đã chọn trong văn bản."
            ),
        )
        return None
    line_start = doc.rfind("\n", 0, start.start()) + 1
    end = _line_end(doc, end_of_last.end())
    body = doc[line_start:end]
    heading = Heading(line_start, line_start, "")
    table = scan_table(body)
    if table is not None and table.indicators:
        return Section(
            heading, body, ScanResult([], table.groups), "table", table.target_year, table
        )
    scan = scan_list(body, _indicator_line, log, allow_bullets=True)
    if scan.items:
        family = _first_family(body, scan)
        layout = _LAYOUT_OF_FAMILY.get(family, "list") if family else "list"
        return Section(heading, body, scan, layout)
    found = scan_prose(body, _states_target)
    if found is not None:
        return Section(heading, body, found.scan, found.layout, found.lead_year)
    return None


def _find_words(doc: str, words: str, pos: int) -> re.Match[str] | None:
    """``words`` in ``doc`` from ``pos``, whatever the spacing and line wraps between them."""
    parts = words.split()
    if not parts:
        return None
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts), re.IGNORECASE)
    return pattern.search(doc, pos)


def _table_section(doc: str, headings: list[Heading]) -> Section | None:
    """A table (STT | Chỉ tiêu | Đơn vị tính | ... | Mục tiêu) right under a heading."""
    for heading in headings:
        body = doc[heading.body_start :]
        table = scan_table(body)
        if table is not None and table.indicators:
            return Section(
                heading,
                body[: table.end],
                ScanResult([], table.groups),
                "table",
                table.target_year,
                table,
            )
    return None


def _unnumbered_section(doc: str) -> Section | None:
    """Indicators without item numbers: prose sentences or one paragraph of clauses."""
    for heading in find_headings(doc, INDICATOR_HEADING):
        rest = doc[heading.body_start :]
        body = rest[: section_end(rest, _is_stop_line)]
        same_line = heading.body_start < _line_end(doc, heading.line_start)
        lead = heading.text.split(":", 1)[0] if same_line else ""
        found = scan_prose(body, _states_target, heading_lead=lead)
        if found is not None:
            return Section(heading, body, found.scan, found.layout, found.lead_year)
    return None


def _is_stop_line(line: str) -> bool:
    rest = heading_words(line)
    return rest is not None and is_other_heading(rest, BREAKTHROUGH_HEADING, TASK_HEADING)


def _states_target(text: str) -> bool:
    """Whether the parser reads at least one target in ``text`` (no warnings kept)."""
    return bool(read_targets(collapse(text), ItemContext(0, None, WarningLog())))


def _lookahead_end(body: str) -> int:
    starts = line_starts(body)
    return (
        _line_end(body, starts[_LOOKAHEAD_LINES]) if len(starts) > _LOOKAHEAD_LINES else len(body)
    )


def _closest_heading(candidates: list[tuple[Heading, int]]) -> Heading:
    """Among headings that lead to the same list, the nearest; among lists, the first."""
    first_list = min(list_start for _heading, list_start in candidates)
    return max((h for h, start in candidates if start == first_list), key=lambda h: h.line_start)


def _indicator_line(line: str, marker: Marker | None, groups: list[Group]) -> str | Group | None:
    rest = heading_words(line)
    if rest is None:
        return None
    if is_other_heading(rest, BREAKTHROUGH_HEADING, TASK_HEADING):
        return "stop"
    return _group_heading(line, marker, rest, groups)


def _group_heading(
    line: str, marker: Marker | None, rest: str, groups: list[Group]
) -> Group | None:
    head = rest.split(":", 1)[0] if ":" in rest else rest
    title = _COUNT_IN_BRACKETS.sub("", head).strip(" :.-–")
    if not title or len(title) > _MAX_GROUP_HEADING or find_figures(title):
        return None
    if not title[0].isupper():
        return None  # a wrapped line such as "- xã hội xã ..." is not a heading
    if marker is not None and marker.family is Family.LETTER and groups and groups[-1].rank == 0:
        return None  # under unmarked headings, "a) Về giáo dục:" is an item, not a group
    if marker is None or marker.family is Family.BULLET:
        if not _UNMARKED_GROUP.match(title):
            return None
    elif marker.family in NUMERIC_FAMILIES or not _GROUP_TOPIC.match(title):
        return None  # "(17) Chỉ tiêu về công tác ..." is an indicator, not a heading
    code, rank = _group_code(marker, groups)
    if code is None:
        return None
    return Group(
        code,
        collapse(title),
        declared_count(head) if _COUNT_IN_BRACKETS.search(head) else None,
        rank,
    )


def _group_code(marker: Marker | None, groups: list[Group]) -> tuple[str | None, int]:
    """A lettered or roman heading keeps its own code; others get a, b, c in order."""
    if marker is not None and marker.family in (Family.LETTER, Family.ROMAN):
        previous = groups[-1].rank if groups else 0
        if marker.number != previous + 1:
            return None, 0
        return marker.label, marker.number
    return "abcdefghiklmnopq"[len(groups) % 16], 0


# --- breakthroughs and tasks -----------------------------------------------


def titled_section(
    doc: str, pattern: re.Pattern[str], others: tuple[re.Pattern[str], ...], log: WarningLog
) -> Section | None:
    """The first heading matching ``pattern`` that is followed by a numbered list."""

    def classify(line: str, _marker: Marker | None, _groups: list[Group]) -> str | None:
        rest = heading_words(line)
        return "stop" if rest is not None and is_other_heading(rest, *others) else None

    for heading in find_headings(doc, pattern):
        body = doc[heading.body_start :]
        if scan_list(
            body[: _lookahead_end(body)], classify, WarningLog(), allow_bullets=False
        ).items:
            return Section(heading, body, scan_list(body, classify, log, allow_bullets=False))
    return None


def breakthrough_section(doc: str, log: WarningLog) -> Section | None:
    return titled_section(doc, BREAKTHROUGH_HEADING, (TASK_HEADING, INDICATOR_HEADING), log)


def task_section(doc: str, log: WarningLog) -> Section | None:
    return titled_section(doc, TASK_HEADING, (BREAKTHROUGH_HEADING, INDICATOR_HEADING), log)


def announced_count(section: Section) -> int | None:
    """'Ba khâu đột phá', 'xác định 04 khâu đột phá sau:' before the first item."""
    lead = section.heading.text + " " + section.body[: section.scan.items[0].start]
    return declared_count(lead)
