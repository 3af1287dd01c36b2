"""Shared by the parser tests: the reviewed files and ways to rebuild them as .docx."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nghiquyet.textimport.evaluate import COMPARED_FIELDS

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seed" / "phieng-khoai-2025-2030"
CORPUS = SHARED / "corpus"
CORPUS_NAMES = sorted(p.name[: -len(".expected.json")] for p in CORPUS.glob("*.expected.json"))
LAYOUTS = SHARED / "corpus-layouts"
LAYOUT_NAMES = sorted(p.name[: -len(".expected.json")] for p in LAYOUTS.glob("*.expected.json"))
# Case 12 writes no term: its reviewed registry assumes the user gave this one.
GIVEN_TERMS = {"12-na-pheo-2025-2030": (2025, 2030)}

# A line that opens a new paragraph in the seed's PDF extraction.
_PARAGRAPH_START = re.compile(
    r"^(?:\(\d+\)|\d+(?:\.\d+)*\.\s|[IVX]+[-.]\s?|[a-z]\)|[-–+•] |(?:Một|Hai|Ba|Bốn|Năm|Sáu) là|QUYẾT NGHỊ|Nơi nhận|T/M)"
)
_SECTION_HEADING = re.compile(r"^\d+(?:\.\d+)*\.\s")
_SHORT_LINE = 60


def text_of(path: Path) -> str:
    return (
        path.with_suffix(".txt").read_text(encoding="utf-8")
        if path.suffix != ".txt"
        else path.read_text("utf-8")
    )


def seed_text() -> str:
    return Path(f"{SEED}.txt").read_text(encoding="utf-8")


def seed_expected() -> dict[str, Any]:
    return json.loads(Path(f"{SEED}.expected.json").read_text(encoding="utf-8"))


def corpus_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def corpus_expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


def layout_text(name: str, suffix: str = ".txt") -> str:
    return (LAYOUTS / f"{name}{suffix}").read_text(encoding="utf-8")


def layout_expected(name: str) -> dict[str, Any]:
    return json.loads((LAYOUTS / f"{name}.expected.json").read_text(encoding="utf-8"))


def compared(registry: dict[str, Any]) -> dict[str, Any]:
    """What registry-format.md says two registries are compared on (labels left out)."""
    view = copy.deepcopy(registry)
    view.pop("notes", None)
    for indicator in view["indicators"]:
        indicator["targets"] = [{k: t[k] for k in COMPARED_FIELDS} for t in indicator["targets"]]
    return view


def paragraphs(text: str) -> list[str]:
    """The seed's wrapped lines joined back into paragraphs, as Word would hold them."""
    found: list[list[str]] = []
    previous = ""
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        after_heading = len(found[-1]) == 1 and _SECTION_HEADING.match(previous) if found else False
        new = (
            not found
            or _PARAGRAPH_START.match(line)
            or (
                line[0].isupper() and (len(previous) < _SHORT_LINE or previous.endswith((".", ":")))
            )
            or (line[0].isupper() and after_heading)
        )
        if new:
            found.append([line])
        else:
            found[-1].append(line)
        previous = line
    return [" ".join(p) for p in found]


def docx_bytes(paras: list[str], table_rows: list[list[str]] | None = None) -> bytes:
    document = Document()
    for text in paras:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    return _save(document)


def docx_with_numbering(paras: list[str], lists: list[tuple[list[int], str]]) -> bytes:
    """The paragraphs of each list lose their typed "(n) " and get Word numbering instead.

    ``lists`` holds (paragraph indexes, lvlText such as "(%1)"); each list is
    its own w:num, as two lists typed in Word are. Other paragraphs (group
    headings) may sit between the numbered ones without breaking the count.
    """
    document = Document()
    numbering = document.part.part_related_by(RT.NUMBERING).element
    owner: dict[int, int] = {}
    for number, (indexes, pattern) in enumerate(lists, start=901):
        _add_list(numbering, number, pattern)
        for i in indexes:
            paras[i] = re.sub(r"^\(\d+\)\.?\s*", "", paras[i])
            owner[i] = number
    for i, text in enumerate(paras):
        paragraph = document.add_paragraph(text)
        if i in owner:
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{owner[i]}"/></w:numPr>'
                )
            )
    return _save(document)


def _add_list(numbering: Any, num_id: int, pattern: str) -> None:
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{pattern}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements must precede num elements
    else:
        numbering.append(abstract)
    numbering.append(num)


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
