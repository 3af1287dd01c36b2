"""Titles of breakthroughs and main tasks: the item's first sentence."""

from __future__ import annotations

import re

from nghiquyet.textimport.text import CAPITALISED_TERMS, capitalize_first, collapse

_SENTENCE_END = re.compile(r":|[.!?](?=\s|$)")
_CONTINUES = ",;(-–—/"


def item_title(raw: str) -> str:
    """Up to the first full stop, colon or paragraph break; no trailing punctuation."""
    text = raw.strip()
    end = len(text)
    if sentence := _SENTENCE_END.search(text):
        end = sentence.start()
    if paragraph := _paragraph_break(text[:end]):
        end = paragraph
    return capitalize_first(collapse(text[:end]).strip(" ;,.:-–"))


def _paragraph_break(text: str) -> int | None:
    """A line break before a new sentence (PDF text keeps no paragraph marks)."""
    for newline in re.finditer(r"\n\s*", text):
        before = text[: newline.start()].rstrip()
        after = text[newline.end() :]
        if not before or not after or before[-1] in _CONTINUES:
            continue
        if after[0].isupper() and not _continues_sentence(after):
            return newline.start()
    return None


def _continues_sentence(after: str) -> bool:
    words = after.split()
    first = words[0].strip("\"“”'‘’()")
    if CAPITALISED_TERMS.match(after) or (len(first) > 1 and first[1:] != first[1:].lower()):
        return True  # an institution, or an acronym such as OCOP, GRDP
    second = words[1] if len(words) > 1 else ""
    return bool(second) and second[0].isupper()  # a proper name: Phiêng Khoài, Lao Khô
