"""Reading a numbered list out of a section: which markers are items, where each ends.

A marker is an item when it continues the list's sequence in the list's own
family; a line-initial marker of another kind (a section number, a roman
numeral) ends the list, so weaknesses or sections that reuse "(1)" or "1."
are never read as items.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.figures import find_figures
from nghiquyet.textimport.markers import (
    LINE_FAMILIES,
    NUMERIC_FAMILIES,
    ORDINAL_FAMILIES,
    Family,
    Marker,
    find_markers,
    line_starts,
    logical_line,
    match_marker,
)
from nghiquyet.textimport.text import collapse

_MAX_GAP = 2


@dataclass
class Group:
    code: str
    title: str
    declared_count: int | None
    rank: int  # 1-based position of a lettered or roman heading; 0 when unmarked


@dataclass
class Item:
    number: int
    start: int  # offsets in the section body
    end: int
    group: Group | None = None


@dataclass
class ScanResult:
    items: list[Item] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


# A line classifier returns "stop", a Group, or None (an ordinary line).
LineRule = Callable[[str, Marker | None, list[Group]], "str | Group | None"]


@dataclass
class _State:
    family: Family | None = None
    expected: int = 1  # the label the next item should carry
    next_number: int = 1  # the number it gets (differs once a group restarts at 1)
    last_was_group: bool = False
    result: ScanResult = field(default_factory=ScanResult)
    current_group: Group | None = None
    bullet: str | None = None  # the character of a bulleted list ("-", "–", "+", "•")


def scan_list(body: str, classify: LineRule, log: WarningLog, *, allow_bullets: bool) -> ScanResult:
    """Items and group headings of the list at the start of ``body``."""
    markers = find_markers(body)
    line_markers = {m.start: m for m in markers if m.line_start}
    events = _line_events(body, line_markers, classify)
    state = _State()
    for pos, kind, payload in _merge(events, markers):
        if kind == "stop":
            return _close(state, pos, body)
        if kind == "group":
            assert isinstance(payload, Group)
            _open_group(state, pos, payload)
            continue
        assert isinstance(payload, Marker)
        verdict = _judge(state, payload, body, allow_bullets, log)
        if verdict == "end":
            return _close(state, pos, body)
        if verdict == "item":
            _open_item(state, payload)
    return _close(state, len(body), body)


def _line_events(
    body: str, line_markers: dict[int, Marker], classify: LineRule
) -> list[tuple[int, str, Group | None]]:
    events: list[tuple[int, str, Group | None]] = []
    groups: list[Group] = []
    for start in line_starts(body):
        line, _end = logical_line(body, start)
        verdict = classify(line, line_markers.get(start), groups)
        if verdict == "stop":
            events.append((start, "stop", None))
        elif isinstance(verdict, Group):
            groups.append(verdict)
            events.append((start, "group", verdict))
    return events


def _merge(
    events: list[tuple[int, str, Group | None]], markers: list[Marker]
) -> list[tuple[int, str, Group | Marker | None]]:
    """Line events win over a marker at the same place (a heading's own marker)."""
    taken = {pos for pos, _kind, _payload in events}
    merged: list[tuple[int, str, Group | Marker | None]] = list(events)
    merged += [(m.start, "marker", m) for m in markers if m.start not in taken]
    return sorted(merged, key=lambda event: event[0])


def _judge(state: _State, marker: Marker, body: str, allow_bullets: bool, log: WarningLog) -> str:
    """'item', 'end' (the list is over) or 'text' (part of the current item)."""
    if state.family is None:
        return _judge_first(state, marker, body, allow_bullets)
    if marker.family is state.family:
        return _judge_same_family(state, marker, body, log)
    if marker.line_start and state.result.items and _ends_list(marker):
        return "end"
    return "text"


def _judge_first(state: _State, marker: Marker, body: str, allow_bullets: bool) -> str:
    if marker.number == 1 and (
        marker.family in NUMERIC_FAMILIES or marker.family in ORDINAL_FAMILIES
    ):
        state.family = marker.family
        return "item"
    if (
        allow_bullets
        and marker.line_start
        and (
            marker.family is Family.BULLET
            or (marker.family is Family.LETTER and marker.number == 1)
        )
        and _starts_item(body, marker)
        and _line_has_figure(body, marker)
    ):
        state.family = marker.family
        state.bullet = marker.label
        return "item"
    return "text"


def _judge_same_family(state: _State, marker: Marker, body: str, log: WarningLog) -> str:
    if marker.family is Family.BULLET:
        # The first item fixes the bullet: "– Có 20 đoạn đường "Sáng -\n- Sạch" is a wrap.
        same_bullet = marker.label == state.bullet
        return (
            "item" if marker.line_start and same_bullet and _starts_item(body, marker) else "text"
        )
    if marker.number == state.expected:
        return "item"
    if marker.number == 1 and state.last_was_group:
        # "a)", "b)" under every heading, or (1), (2) restarting: numbered straight through.
        log.add(
            "numbering_restart",
            _("Các chỉ tiêu được đánh số lại từ 1 trong từng nhóm; đã đánh số liên tục."),
        )
        return "item"
    if marker.line_start and state.expected < marker.number <= state.expected + _MAX_GAP:
        log.add(
            "numbering_gap",
            _("Số thứ tự các mục bị nhảy: sau mục {before} là mục {after}.").format(
                before=state.expected - 1, after=marker.number
            ),
            marker.number,
        )
        return "item"
    if marker.line_start and marker.number < state.expected and state.result.items:
        return "end"
    return "text"


def _starts_item(body: str, marker: Marker) -> bool:
    """A bullet item opens with a capital or a figure; '- xây dựng 38%' is a wrapped line
    ("công nghiệp\n- xây dựng") that happens to start with a dash."""
    first = body[marker.end : marker.end + 1]
    return first.isupper() or first.isdigit() or first in '"“('


def _ends_list(marker: Marker) -> bool:
    return marker.family not in (Family.BULLET, Family.LETTER)


_ITEM_LOOKAHEAD_LINES = 4


def _line_has_figure(body: str, marker: Marker) -> bool:
    """A figure in the item's first lines (a wrap may carry it onto the next line)."""
    end = marker.end
    for _line in range(_ITEM_LOOKAHEAD_LINES):
        end = body.find("\n", end + 1)
        if end < 0:
            end = len(body)
            break
        following = end + 1
        while following < len(body) and body[following] in " \t\n":
            following += 1
        if match_marker(body, following, LINE_FAMILIES, line_start=True) is not None:
            break
    return bool(find_figures(collapse(body[marker.end : end])))


def _open_item(state: _State, marker: Marker) -> None:
    items = state.result.items
    if items and items[-1].end < 0:
        items[-1].end = marker.start
    renumbered = marker.family is Family.BULLET or state.next_number != state.expected
    restarted = marker.family is not Family.BULLET and marker.number < state.expected
    number = state.next_number if (renumbered or restarted) else marker.number
    items.append(Item(number, marker.end, -1, state.current_group))
    state.expected = marker.number + 1
    state.next_number = number + 1
    state.last_was_group = False


def _open_group(state: _State, pos: int, group: Group) -> None:
    if state.result.items and state.result.items[-1].end < 0:
        state.result.items[-1].end = pos
    state.result.groups.append(group)
    state.current_group = group
    state.last_was_group = True


def _close(state: _State, pos: int, body: str) -> ScanResult:
    for item in state.result.items:
        if item.end < 0:
            item.end = pos
    return state.result
