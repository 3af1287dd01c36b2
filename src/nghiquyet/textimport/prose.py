"""Indicators written without item numbers: sentences in topic paragraphs, or one paragraph.

Two layouts of the genre carry no markers at all:

- prose paragraphs under run-in topics ("Về kinh tế: Tốc độ tăng trưởng ... đạt
  8%. Cơ cấu kinh tế ..."): each sentence that states a target is an indicator,
  and a sentence that states none (an orientation) is skipped;
- one paragraph after a lead-in ("Đến năm 2030, phấn đấu: a; b; c"): each ";"
  clause is an indicator (each "," piece when there is no ";"), and the
  lead-in's year is the deadline of every clause that writes none.

The result is the same ``ScanResult`` a numbered list gives (offsets in the
section body), so the rest of the parser does not know the difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from nghiquyet.textimport.figures import find_figures
from nghiquyet.textimport.headings import declared_count
from nghiquyet.textimport.listscan import Group, Item, ScanResult
from nghiquyet.textimport.markers import (
    LINE_FAMILIES,
    Family,
    Marker,
    line_starts,
    match_marker,
)
from nghiquyet.textimport.text import collapse

# "Về kinh tế:", "- Chỉ tiêu về văn hóa - xã hội (05 chỉ tiêu):" at the start of a paragraph.
_TOPIC = re.compile(
    r"(?P<title>(?:Về|Các\s+chỉ\s+tiêu\s+về|Chỉ\s+tiêu\s+về|Nhóm\s+chỉ\s+tiêu\s+về|Lĩnh\s+vực)\s[^:;.]{1,100}?)"
    r"\s*(?P<count>\(\s*\d{1,3}\s+chỉ\s+tiêu\s*\))?\s*:"
)
# "Đến năm 2030, phấn đấu:", "Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:", "Cụ thể:".
_LEAD_IN = re.compile(
    r"(?P<lead>(?:[^:;.]{0,60}?\b(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|như\s+sau|cụ\s+thể|các\s+mặt)\b"
    r"|(?:Đến|Tới|Trong|Giai\s+đoạn)\s[^:;.]{0,60}?)[^:;.]{0,40}?):\s*",
    re.IGNORECASE,
)
_LEAD_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b|\b(?:đến|tới)\s+((?:19|20)\d\d)\b")
# A sentence ends at ".", "!", "?" or "…" before a capital letter or a digit.
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?(?=\s+[\"“'‘(]?(?:[^\W\d_]|\d))")

# Does this piece of text state a target? (the parser's own target reader)
TargetTest = Callable[[str], bool]


@dataclass
class ProseScan:
    scan: ScanResult
    lead_year: int | None
    layout: str  # "prose" or "paragraph"


def section_end(body: str, is_stop: Callable[[str], bool]) -> int:
    """Where unnumbered indicators end: the next marked line (3., III-, 2.3.) or heading."""
    for start in line_starts(body):
        line_end = body.find("\n", start)
        line = body[start : line_end if line_end >= 0 else len(body)]
        marker = match_marker(body, start, LINE_FAMILIES, line_start=True)
        if start == 0:
            continue
        if _ends_section(body, marker) or is_stop(line):
            return start
    return len(body)


def _ends_section(body: str, marker: Marker | None) -> bool:
    """A numbered or roman line ends it, unless it only marks a topic ("1. Về kinh tế:")."""
    if marker is None or marker.family in (Family.BULLET, Family.LETTER):
        return False
    return not _TOPIC.match(body, marker.end)


def scan_prose(body: str, states_target: TargetTest, *, heading_lead: str = "") -> ProseScan | None:
    """Indicators of an unnumbered section ``body`` (already cut at its end).

    ``heading_lead`` is the heading when the body goes on after its colon on the
    same line ("Các chỉ tiêu chủ yếu đến năm 2030: a; b; c"): the heading is then
    the lead-in of one paragraph of clauses.
    """
    items: list[Item] = []
    groups: list[Group] = []
    lead_year: int | None = None
    layout = "prose"
    for start, end in _paragraphs(body):
        pos = _skip_space(body, start)
        group, pos = _topic(body, pos, groups)
        if group is not None:
            groups.append(group)
        lead = _LEAD_IN.match(body, pos)
        own_lead = lead if lead and not find_figures(lead.group("lead")) else None
        after_heading = start == 0 and heading_lead and _has_clauses(body, pos, end)
        if (own_lead and _has_clauses(body, own_lead.end(), end)) or after_heading:
            words = own_lead.group("lead") if own_lead else heading_lead
            year = _LEAD_YEAR.search(words)
            lead_year = int(year.group(1) or year.group(2)) if year else lead_year
            spans = _clauses(body, own_lead.end() if own_lead else pos, end)
            layout = "paragraph"
        else:
            spans = _sentences(body, pos, end)
        for span_start, span_end in spans:
            if states_target(body[span_start:span_end]):
                items.append(
                    Item(len(items) + 1, span_start, span_end, groups[-1] if groups else None)
                )
    if not items:
        return None
    return ProseScan(ScanResult(items, groups), lead_year, layout)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """Paragraphs: split at lines opening a topic ("Về ...:").

    Blank lines are not paragraph breaks: PDF text has stray ones mid-sentence.
    """
    cuts = {0, len(body)}
    for start in line_starts(body):
        pos = _after_bullet(body, start)
        if _TOPIC.match(body, pos):
            cuts.add(start)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if body[a:b].strip()]


def _after_bullet(body: str, pos: int) -> int:
    marker = match_marker(body, pos, (Family.BULLET,), line_start=True)
    return marker.end if marker else pos


def _skip_space(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] in " \t\n":
        pos += 1
    return pos


def _topic(body: str, pos: int, groups: list[Group]) -> tuple[Group | None, int]:
    topic = _TOPIC.match(body, _after_bullet(body, pos))
    if topic is None:
        return None, pos
    count = topic.group("count")
    group = Group(
        "abcdefghiklmnopq"[len(groups) % 16],
        collapse(topic.group("title")),
        declared_count(count) if count else None,
        0,
    )
    return group, _skip_space(body, topic.end())


def _has_clauses(body: str, start: int, end: int) -> bool:
    return len(_clauses(body, start, end)) >= 2


def _clauses(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """';' clauses (the ';' stays with its clause); ',' pieces when there is no ';'."""
    separator = ";" if _outside_brackets(body, start, end, ";") else ","
    cuts = [start]
    cuts += [pos + 1 for pos in _outside_brackets(body, start, end, separator)]
    cuts.append(end)
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if body[a:b].strip(" \n;,.…")]
    if separator == ",":
        spans = _merge_figureless(body, spans)
    return [(_skip_space(body, a), b) for a, b in spans]


def _outside_brackets(body: str, start: int, end: int, char: str) -> list[int]:
    found, depth = [], 0
    for pos in range(start, end):
        ch = body[pos]
        depth += 1 if ch == "(" else -1 if ch == ")" and depth else 0
        if ch == char and depth == 0 and not (char == "," and body[pos + 1 : pos + 2].isdigit()):
            found.append(pos)
    return found


def _merge_figureless(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'nông, lâm nghiệp 18%': a piece without a figure belongs to the next one."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in spans:
        if not find_figures(body[a:b]):
            pending = a if pending is None else pending
            continue
        merged.append((pending if pending is not None else a, b))
        pending = None
    if pending is not None and merged:
        merged[-1] = (merged[-1][0], spans[-1][1])
    return merged


def _sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for found in _SENTENCE_END.finditer(body, start, end):
        if _depth(body, start, found.start()) == 0:
            spans.append((start, found.end()))
            start = _skip_space(body, found.end())
    if body[start:end].strip():
        spans.append((start, end))
    return spans


def _depth(body: str, start: int, pos: int) -> int:
    return max(0, body.count("(", start, pos) - body.count(")", start, pos))
