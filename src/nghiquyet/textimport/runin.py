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

# A marker after ". ", "; ", ": " or ") ", or alone at a line end ("... tấn. II.\nVề ...").
_RUN_IN_MARKER = re.compile(
    r"(?P<before>(?<=[.;:)])[ \t]+|(?<=\n)[ \t]*)"
    r"(?P<marker>(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)[ \t]*[.\-–)])(?P<after>\s+)(?=[^\W\d_])"
)
_GROUP_TOPIC = re.compile(
    r"(?:(?:các|nhóm)\s+)?(?:chỉ\s+tiêu\s+)?(?:về|thuộc\s+lĩnh\s+vực|lĩnh\s+vực)\s+[^:()]{2,100}?"
    r"(?:\s*\(\s*\d{1,3}\s+chỉ\s+tiêu\s*\))?\s*:",
    re.IGNORECASE,
)
_HEADING_LOOKAHEAD = 160


def split_run_in_headings(doc: str) -> str:
    """A line break before every heading that runs on after other text on its line.

    A marker left alone at a line end by a wrap ("II." then "Về văn hóa ..." on
    the next line) is joined to its words, so the heading reads as one line.
    """
    parts = []
    previous = 0
    for match in _RUN_IN_MARKER.finditer(doc):
        run_in = not match.group("before").startswith("\n") and match.start() > 0
        run_in = run_in and doc[match.start() - 1] != "\n"
        length = _run_in_heading_length(doc, match)
        if length is None:
            continue
        wrapped = "\n" in match.group("after") + doc[match.end() : match.end() + length]
        if not (run_in or wrapped):
            continue
        parts.append(doc[previous : match.start()].rstrip(" \t"))
        parts.append(("\n" if run_in else "") + match.group("marker") + " ")
        # A wrapped group title ("II. Về văn hóa\n- xã hội (06 chỉ tiêu):") is one line again.
        parts.append(doc[match.end() : match.end() + length].replace("\n", " "))
        previous = match.end() + length
    parts.append(doc[previous:])
    return "".join(parts)


def _run_in_heading_length(doc: str, match: re.Match[str]) -> int | None:
    """How far a group topic's words run (to its colon); 0 for a part's heading; None if
    the marker starts no heading."""
    words = doc[match.end() : match.end() + _HEADING_LOOKAHEAD]
    marker = match.group("marker")
    if marker[0] in "IVX" and (topic := _GROUP_TOPIC.match(words)):
        return topic.end()
    if not marker[0].isdigit():
        return None
    head = " ".join(re.split(r"(?<=[.;])\s", words, maxsplit=1)[0].split())
    if any(
        heading_tail(pattern, head) is not None
        for pattern in (INDICATOR_HEADING, BREAKTHROUGH_HEADING, TASK_HEADING)
    ):
        return 0
    return None
