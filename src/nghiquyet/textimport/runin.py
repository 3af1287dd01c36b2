"""Headings run into one line, as PDF extraction gives them when line breaks are lost.

"2. Các chỉ tiêu chủ yếu (16 chỉ tiêu) I. Về kinh tế (06 chỉ tiêu): 1. ..." holds
the section heading, a group heading and the first items on one physical line.
The list scanner reads items inline, but headings only at a line start, so the
line is broken before each run-in heading: a roman or numbered marker, after a
sentence end or a closing bracket, followed by a group topic ("Về kinh tế") or
a part's heading ("Ba khâu đột phá"). Nothing else in the text moves.
"""

from __future__ import annotations

import re

from nghiquyet.textimport.headings import (
    BREAKTHROUGH_HEADING,
    INDICATOR_HEADING,
    TASK_HEADING,
    heading_tail,
)

# A marker after ". ", "; ", ": " or ") " on the same line.
_RUN_IN_MARKER = re.compile(
    r"(?<=[.;:)])[ \t]+(?P<marker>(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)[ \t]*[.\-–)][ \t]+)"
    r"(?=[^\W\d_])"
)
_GROUP_TOPIC = re.compile(
    r"(?:(?:các|nhóm)\s+)?(?:chỉ tiêu\s+)?(?:về|thuộc lĩnh vực|lĩnh vực)\s+[^:()]{2,100}?"
    r"(?:\s*\(\s*\d{1,3}\s+chỉ tiêu\s*\))?\s*:",
    re.IGNORECASE,
)
_HEADING_LOOKAHEAD = 160


def split_run_in_headings(doc: str) -> str:
    """A line break before every heading that runs on after other text on its line."""
    cuts = [m.start("marker") for m in _RUN_IN_MARKER.finditer(doc) if _is_run_in_heading(doc, m)]
    if not cuts:
        return doc
    parts = []
    previous = 0
    for cut in cuts:
        parts.append(doc[previous:cut].rstrip(" \t"))
        previous = cut
    parts.append(doc[previous:])
    return "\n".join(parts)


def _is_run_in_heading(doc: str, match: re.Match[str]) -> bool:
    words = doc[match.end() : match.end() + _HEADING_LOOKAHEAD].replace("\n", " ")
    marker = match.group("marker").strip()
    if marker[0] in "IVX" and _GROUP_TOPIC.match(words):
        return True
    if not marker[0].isdigit():
        return False
    head = re.split(r"(?<=[.;])\s", words, maxsplit=1)[0]
    return any(
        heading_tail(pattern, head) is not None
        for pattern in (INDICATOR_HEADING, BREAKTHROUGH_HEADING, TASK_HEADING)
    )
