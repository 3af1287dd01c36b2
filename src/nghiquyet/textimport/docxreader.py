"""Word (.docx) text in document order: paragraphs with their automatic list labels, and tables.

A resolution typed in Word often numbers its indicators with automatic
numbering; the "(1)" is then not in the text, so the labels are rebuilt from
numbering.xml the way Word counts them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.readers import ReadError

_LEVELS = 9
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def read_docx(data: bytes, name: str) -> str:
    try:
        document = Document(io.BytesIO(data))
        numbering = _Numbering(_numbering_element(document))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(numbering.label(block) + block.text)
            else:
                lines.extend(_table_lines(block))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, SyntaxError, ValueError) as exc:
        raise ReadError(_("Tệp “{name}” không phải tệp .docx hợp lệ.").format(name=name)) from exc
    return "\n".join(lines)


def _numbering_element(document: DocxDocument) -> BaseOxmlElement | None:
    try:
        part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None
    return part.element if isinstance(part, XmlPart) else None


def _table_lines(table: Table) -> list[str]:
    """One line per row, cells separated by ' | ' (merged cells once)."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs).strip())
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's list counters: one set per abstract list, as Word keeps them."""

    root: BaseOxmlElement | None
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    started_nums: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        for abstract in self.root.iter(qn("w:abstractNum")):
            self.levels[abstract.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): _read_level(lvl)
                for lvl in abstract.iter(qn("w:lvl"))
            }
        for num in self.root.iter(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.num_to_abstract[num_id] = ref.get(qn("w:val"))
            self.overrides[num_id] = {
                int(o.get(qn("w:ilvl"), "0")): int(s.get(qn("w:val"), "1"))
                for o in num.iter(qn("w:lvlOverride"))
                if (s := o.find(qn("w:startOverride"))) is not None
            }

    def label(self, paragraph: Paragraph) -> str:
        num_id, ilvl = _num_properties(paragraph)
        abstract_id = self.num_to_abstract.get(num_id or "")
        if abstract_id is None or abstract_id not in self.levels:
            return ""
        levels = self.levels[abstract_id]
        counts = self._count(num_id or "", abstract_id, ilvl, levels)
        level = levels.get(ilvl, _Level())
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return "- "
        text = level.text
        for depth in range(ilvl + 1):
            lvl = levels.get(depth, _Level())
            text = text.replace(f"%{depth + 1}", _format(counts[depth], lvl.fmt))
        return text + " " if text else ""

    def _count(
        self, num_id: str, abstract_id: str, ilvl: int, levels: dict[int, _Level]
    ) -> list[int]:
        counts = self.counters.setdefault(
            abstract_id, [levels.get(d, _Level()).start - 1 for d in range(_LEVELS)]
        )
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for depth, start in self.overrides.get(num_id, {}).items():
                counts[depth] = start - 1
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, _LEVELS):
            counts[deeper] = levels.get(deeper, _Level()).start - 1
        for shallower in range(ilvl):
            counts[shallower] = max(counts[shallower], levels.get(shallower, _Level()).start)
        return counts


def _read_level(lvl: BaseOxmlElement) -> _Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(qn(tag))
        return node.get(qn("w:val"), default) if node is not None else default

    return _Level(val("w:numFmt", "decimal"), val("w:lvlText", ""), int(val("w:start", "1")))


def _num_properties(paragraph: Paragraph) -> tuple[str | None, int]:
    """numId and level, from the paragraph or else from its style chain."""
    holders = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        holders.append(style.element.pPr)
        style = style.base_style
    for p_pr in holders:
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_pr is None or num_id is None:
            continue
        ilvl = num_pr.find(qn("w:ilvl"))
        level = ilvl.get(qn("w:val"), "0") if ilvl is not None else "0"
        return num_id.get(qn("w:val")), int(level) if level.isdigit() else 0
    return None, 0


def _format(value: int, fmt: str) -> str:
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "lowerRoman" else roman.upper()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out += letters
            value -= number
    return out
