"""From a programme's table to reviewed items: what the import understood (anchors,
units matched with suggestions, dates), kept in a draft until it is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes import tables, unitmatch
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.services import ItemSpec
from nghiquyet.resolutions.models import Breakthrough, Indicator, MainTask, Resolution, Target


def candidate_units(resolution: Resolution) -> list[OrgUnit]:
    return list(OrgUnit.objects.subtree(resolution.issuer).order_by("path"))


def _when_dict(text: str, resolution: Resolution, first_year: int) -> dict[str, Any]:
    try:
        when = whenmod.parse_when(text, first_year=first_year, last_year=resolution.term_end)
    except whenmod.WhenError as exc:
        return {"error": str(exc)}
    return {"start": when.start.isoformat() if when.start else None, "due": when.due.isoformat(),
            "recurrence": when.recurrence, "quarter": when.quarter,
            "label": whenmod.describe_when(when)}


def draft_data(table: tables.Table, resolution: Resolution,
               today: dt.date) -> dict[str, Any]:
    """The draft a review page shows: every task row with what was understood of it."""
    units = candidate_units(resolution)
    candidates = [unitmatch.Candidate(u.pk, u.name, u.code) for u in units]
    names = {u.pk: u.name for u in units}
    heading = tables.programme_heading(table.preamble)
    issued = heading["issued_on"]
    # A yearly task first falls due in the term's second year, or in the year of import.
    first_year = max(resolution.term_start + 1, issued.year if issued else today.year)
    anchor = ""
    items: list[dict[str, Any]] = []
    for row in table.rows:
        if row.heading:
            found = tables.heading_anchor(row.content)
            anchor = f"{found[0][0]}{found[1]}" if found else ""
            continue
        lead = unitmatch.match_unit(row.lead, candidates)
        coordinating, unmatched = [], []
        for name in tables.split_units(row.coordinating):
            match = unitmatch.match_unit(name, candidates)
            if match.id is not None:
                coordinating.append(match.id)
            else:
                unmatched.append(name)
        items.append({
            "line": row.line, "number": row.number, "content": row.content,
            "lead_text": row.lead, "lead_unit": lead.id,
            "lead_suggestions": [[uid, names[uid]] for uid, _score in lead.suggestions],
            "coordinating_units": list(dict.fromkeys(coordinating)),
            "coordinating_names": [names[u] for u in dict.fromkeys(coordinating)],
            "coordinating_text": "; ".join(unmatched), "coordinating_raw": row.coordinating,
            "when_text": row.when, "when": _when_dict(row.when, resolution, first_year),
            "product": row.product, "anchor": anchor,
            "indicators": tables.indicator_refs(row.content),
        })
    return {"title": heading["title"] or _("Chương trình hành động"),
            "number": heading["number"],
            "issued_on": heading["issued_on"].isoformat() if heading["issued_on"] else "",
            "first_year": first_year, "items": items}


def reparse_when(item: dict[str, Any], resolution: Resolution, first_year: int) -> None:
    item["when"] = _when_dict(item["when_text"], resolution, first_year)


def specs_from_draft(data: dict[str, Any], resolution: Resolution,
                     filename: str) -> tuple[list[ItemSpec], list[str]]:
    """Item specs for the save service, or the errors (naming file, row and column) that
    stop the save. Nothing is saved unless every row is right."""
    units = {u.pk: u for u in candidate_units(resolution)}
    breakthroughs = {b.number: b for b in Breakthrough.objects.filter(resolution=resolution)}
    tasks = {t.number: t for t in MainTask.objects.filter(resolution=resolution)}
    indicators = {i.number: i for i in Indicator.objects.filter(resolution=resolution)}
    targets: dict[int, list[Target]] = {}
    for target in Target.objects.filter(indicator__resolution=resolution).select_related(
            "indicator"):
        targets.setdefault(target.indicator.number, []).append(target)
    specs: list[ItemSpec] = []
    errors: list[str] = []
    for item in data["items"]:
        def where(column: str, item: dict[str, Any] = item) -> str:
            return _("Tệp %(file)s, dòng %(line)s, cột “%(col)s”: ") % {
                "file": filename, "line": item["line"], "col": tables.column_label(column)}

        lead = units.get(item.get("lead_unit") or 0)
        if lead is None:
            errors.append(where("lead") + _("chưa chọn đơn vị cho “%(name)s”.")
                          % {"name": item["lead_text"] or "—"})
        when = item["when"]
        if "error" in when:
            errors.append(where("when") + when["error"])
        kind, number = (item.get("anchor") or " ")[:1], (item.get("anchor") or "")[1:]
        anchor: dict[str, Any] = {}
        if number.isdigit():
            tables_by_kind: dict[str, dict[int, Any]] = {
                "b": breakthroughs, "t": tasks, "i": indicators}
            table = tables_by_kind.get(kind, {})
            found = table.get(int(number))
            if found is None:
                errors.append(where("content") + _("nghị quyết không có mục “%(a)s”.")
                              % {"a": item["anchor"]})
            else:
                anchor = {{"b": "breakthrough", "t": "main_task", "i": "indicator"}[kind]: found}
        missing = [n for n in item.get("indicators", []) if n not in indicators]
        if missing:
            errors.append(where("content") + _("nghị quyết không có chỉ tiêu %(n)s.")
                          % {"n": ", ".join(str(n) for n in missing)})
        if lead is None or "error" in when or missing:
            continue
        specs.append(ItemSpec(
            content=item["content"], lead_unit=lead, number=item["number"],
            due_date=dt.date.fromisoformat(when["due"]),
            start_date=dt.date.fromisoformat(when["start"]) if when.get("start") else None,
            recurrence=when["recurrence"], recurrence_quarter=when.get("quarter"),
            due_text=item["when_text"], product=item["product"],
            coordinating_units=[units[u] for u in item["coordinating_units"] if u in units],
            coordinating_text=item["coordinating_text"],
            targets=[t for n in item.get("indicators", []) for t in targets.get(n, [])],
            **anchor))
    return specs, errors
