"""Drafts of a resolution read from a file (.txt, .docx, .pdf).

Upload creates a draft; the review page edits it; saving hands its registry to
``registry_import`` and removes it. A draft is never a resolution: nothing is
tracked against it. Every write here is atomic and leaves an audit row.
"""

from __future__ import annotations

import copy
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer, as_user, signed_in
from nghiquyet.audit.services import audit_record
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import compare_registries
from nghiquyet.lib.uploads import UploadRefused, run_with_budget
from nghiquyet.lib.vnformat import format_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import ImportDraft, Resolution
from nghiquyet.resolutions.services import registry_import, resolution_duplicates
from nghiquyet.textimport import ParseResult, ReadError, ReadLimits, parse_text, read_document
from nghiquyet.textimport.review import layout_name, recheck_warnings

ALLOWED_SUFFIXES = (".txt", ".docx", ".pdf")
MB = 1024 * 1024
_AUDIT_CHANGES = 50  # enough to see what a reviewer changed without storing the registry twice


# --- reading an upload ----------------------------------------------------------


def upload_limits() -> ReadLimits:
    return ReadLimits(max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES)


def check_upload(*, name: str, size: int | None) -> None:
    """Refuse by name and size before the file is read into memory."""
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise ReadError(
            _("Định dạng tệp “{name}” chưa được hỗ trợ; hãy dùng .txt, .docx hoặc .pdf.").format(
                name=name
            )
        )
    limit = settings.NGHIQUYET_MAX_UPLOAD_BYTES
    if size is not None and size > limit:
        raise ReadError(
            _("Tệp “{name}” quá lớn ({size} byte), vượt giới hạn {limit} MB.").format(
                name=name, size=format_number(size), limit=format_number(limit / MB)
            )
        )


def read_upload(*, name: str, data: bytes) -> str:
    """The text of an uploaded resolution; ReadError (naming the file) otherwise.

    The reader trusts a file's content over its name, so a .txt that is really a
    PDF or a zip is refused here: the extension and the content must agree.
    """
    check_upload(name=name, size=len(data))
    if Path(name).suffix.lower() == ".txt" and data.startswith((b"%PDF-", b"PK\x03\x04")):
        raise ReadError(
            _("Tệp “{name}” có đuôi .txt nhưng nội dung không phải văn bản thuần.").format(
                name=name
            )
        )
    limits = upload_limits()
    try:
        # In a child process with a CPU-time and memory budget (lib/uploads): a hostile
        # .docx or .pdf costs seconds of one process, never a worker stuck for minutes.
        text = run_with_budget(read_document, data, name, limits, name=name)
    except UploadRefused as exc:
        raise ReadError(str(exc)) from exc
    if text.count("\n") > limits.max_paragraphs:
        raise ReadError(_("Tệp “{name}” có quá {n} dòng; không xử lý.").format(
            name=name, n=format_number(limits.max_paragraphs)))
    return text



# --- selectors --------------------------------------------------------------------


def drafts_of(user: Viewer) -> QuerySet[ImportDraft]:
    """A user's own drafts, newest first, without the file bytes."""
    return ImportDraft.objects.filter(created_by=as_user(user)).defer("source").select_related("issuer")


def get_draft_for_user(user: Viewer, draft_id: int) -> ImportDraft:
    """Only the creator sees a draft; to anyone else it does not exist (404)."""
    draft = drafts_of(user).filter(pk=draft_id).first()
    if draft is None:
        raise Http404
    return draft


# --- services ---------------------------------------------------------------------


LAYOUT_CODE = "layout"  # the entry of a draft's warnings that records the layout read


def layout_entry(layout: str | None) -> dict[str, Any]:
    """How the parser found the indicator list, kept with the draft's warnings (shown apart)."""
    return {"code": LAYOUT_CODE, "layout": layout, "indicator": None, "excerpt": None,
            "message": _("Danh sách chỉ tiêu được đọc theo dạng: {layout}.").format(
                layout=layout_name(layout))}


def draft_warnings(result: ParseResult) -> list[dict[str, Any]]:
    return [layout_entry(result.layout), *(w.to_dict() for w in result.warnings)]


@transaction.atomic
def draft_create(
    *, actor: Viewer | None, filename: str, source: bytes, text: str, issuer: OrgUnit | None,
    term: tuple[int, int] | None = None,
) -> ImportDraft:
    """A draft of what ``text`` says; ``term`` is the user's, for a text that states none."""
    result = parse_text(text, term=term)
    draft = ImportDraft.objects.create(
        created_by=signed_in(actor), filename=filename[:255], source=source, registry=result.registry,
        warnings=draft_warnings(result), issuer=issuer,
    )
    audit_record(
        actor=actor, action="import_draft.create", target=draft, orgunit=issuer,
        new={"filename": draft.filename, **registry_counts(result.registry),
             "warnings": len(result.warnings)},
    )
    return draft


class StaleDraft(Exception):
    """The draft changed since the page that posted this edit was opened."""


@transaction.atomic
def draft_update(
    *, draft: ImportDraft, actor: Viewer | None, registry: dict[str, Any], version: int,
    edit: Edit | None = None,
) -> ImportDraft:
    """Store the reviewed registry (same shape as the draft's), then apply ``edit``.

    ``version`` is the one the page was opened at; an edit from an older page
    (another tab, a double submit) raises StaleDraft instead of overwriting.
    """
    current = ImportDraft.objects.select_for_update().filter(pk=draft.pk)
    if current.values_list("version", flat=True).first() != version:
        raise StaleDraft
    old = draft.registry
    # The text's warnings follow their indicator, then are checked again against what the
    # reviewer typed and added: settled ones go, new ones (a cut label, no year) appear.
    warnings = recheck_warnings(renumber_warnings(draft.warnings, old, registry), old, registry)
    if edit is not None:
        edited, warnings = apply_edit(registry, warnings, edit)
        warnings = recheck_warnings(warnings, registry, edited)
        registry = edited
    draft.registry = registry
    draft.warnings = warnings
    draft.version += 1
    draft.save(update_fields=["registry", "warnings", "version", "updated_at"])
    audit_record(
        actor=actor, action="import_draft.update", target=draft, orgunit=draft.issuer,
        new={"version": draft.version, "edit": edit.name if edit else None,
             "changes": compare_registries(old, registry)[:_AUDIT_CHANGES]},
    )
    return draft


@transaction.atomic
def draft_reparse(
    *, draft: ImportDraft, actor: Viewer | None, first: str, last: str, version: int
) -> ImportDraft:
    """Read the draft's file again, taking the indicator list between the lines the
    reviewer marked (``first`` and ``last``: their opening words). Replaces what was
    read and reviewed so far; StaleDraft if the page was older than the draft."""
    current = ImportDraft.objects.select_for_update().filter(pk=draft.pk)
    if current.values_list("version", flat=True).first() != version:
        raise StaleDraft
    meta = draft.registry.get("resolution") or {}
    start, end = meta.get("term_start"), meta.get("term_end")
    term = (int(start), int(end)) if start is not None and end is not None else None
    text = read_upload(name=draft.filename, data=bytes(draft.source))
    result = parse_text(text, term=term, bounds=(first, last))
    old = draft.registry
    draft.registry = result.registry
    draft.warnings = draft_warnings(result)
    draft.version += 1
    draft.save(update_fields=["registry", "warnings", "version", "updated_at"])
    audit_record(
        actor=actor, action="import_draft.reparse", target=draft, orgunit=draft.issuer,
        old=registry_counts(old),
        new={"version": draft.version, "first": first[:200], "last": last[:200],
             "layout": result.layout, **registry_counts(result.registry)},
    )
    return draft


@transaction.atomic
def draft_import(*, draft: ImportDraft, actor: Viewer | None) -> Resolution:
    """All or nothing: a RegistryError leaves both the database and the draft as they were.
    PermissionDenied when the actor may not import for the draft's issuer."""
    access.require_import_resolution(actor, draft.issuer)
    resolution = registry_import(
        doc=draft.registry, issuer=draft.issuer, actor=actor,
        source_document=ContentFile(bytes(draft.source), name=Path(draft.filename).name),
        new_version_of=draft.new_version_of,
    )
    audit_record(
        actor=actor, action="import_draft.import", target=draft, orgunit=resolution.issuer,
        new={"resolution": resolution.pk, "filename": draft.filename},
    )
    draft.delete()
    return resolution


# --- the same resolution read twice ---------------------------------------------------


@dataclass(frozen=True)
class Duplicates:
    resolutions: list[Resolution]  # saved, current: "save as a new version"
    drafts: list[ImportDraft]  # the same person's other unsaved drafts: "replace"

    def __bool__(self) -> bool:
        return bool(self.resolutions or self.drafts)


def _same(meta: dict[str, Any], other: dict[str, Any]) -> bool:
    from nghiquyet.resolutions.services import slug_code

    title, other_title = slug_code(meta.get("title") or ""), slug_code(other.get("title") or "")
    term = (meta.get("term_start"), meta.get("term_end"))
    return (bool(meta.get("title")) and title == other_title) or (
        None not in term and term == (other.get("term_start"), other.get("term_end")))


def draft_duplicates(draft: ImportDraft) -> Duplicates:
    """What this draft would repeat, found before anything is saved."""
    meta = draft.registry.get("resolution") or {}
    saved = [] if draft.issuer is None or draft.new_version_of_id is not None else (
        resolution_duplicates(meta=meta, issuer=draft.issuer))
    others = [d for d in drafts_of(draft.created_by).filter(issuer=draft.issuer)
              .exclude(pk=draft.pk) if _same(meta, d.registry.get("resolution") or {})]
    return Duplicates(resolutions=saved, drafts=others)


CHOICES = ("replace_draft", "new_version", "cancel")


@transaction.atomic
def draft_choose(*, draft: ImportDraft, actor: Viewer | None, choice: str,
                 resolution: Resolution | None = None) -> ImportDraft | None:
    """The reviewer's answer to "this resolution is already here": replace the earlier
    unsaved draft(s) with this one, save this one as a new version of ``resolution``
    (checked against the import rule), or cancel (this draft is removed)."""
    if choice == "cancel":
        draft_delete(draft=draft, actor=actor)
        return None
    if choice == "new_version":
        if resolution is None or resolution.issuer_id != draft.issuer_id:
            raise Http404
        access.require_import_resolution(actor, resolution.issuer)
        draft.new_version_of = resolution
        draft.save(update_fields=["new_version_of", "updated_at"])
        audit_record(actor=actor, action="import_draft.new_version", target=draft,
                     orgunit=draft.issuer, new={"resolution": resolution.pk})
        return draft
    if choice == "replace_draft":
        gone = draft_duplicates(draft).drafts
        audit_record(actor=actor, action="import_draft.replace", target=draft,
                     orgunit=draft.issuer, old={"drafts": [d.filename for d in gone]})
        ImportDraft.objects.filter(pk__in=[d.pk for d in gone]).delete()
        return draft
    raise ValueError(choice)


@transaction.atomic
def draft_delete(*, draft: ImportDraft, actor: Viewer | None) -> None:
    audit_record(actor=actor, action="import_draft.delete", target=draft, orgunit=draft.issuer,
                 old={"filename": draft.filename, "version": draft.version})
    draft.delete()


def registry_counts(registry: dict[str, Any]) -> dict[str, int]:
    indicators = registry.get("indicators") or []
    return {"indicators": len(indicators),
            "targets": sum(len(i.get("targets") or []) for i in indicators)}


# --- edits the review page makes besides typing ---------------------------------


@dataclass(frozen=True)
class Edit:
    """Add or remove an item: ``Edit("remove_target", (3, 1))`` removes indicator 3's
    second target (indices are positions in the lists, as the form numbers them)."""

    name: str
    at: tuple[int, ...] = ()


def blank_target(registry: dict[str, Any]) -> dict[str, Any]:
    term_end = (registry.get("resolution") or {}).get("term_end")
    return {"label": "", "kind": "level", "comparator": ">=", "value": None, "upper": None,
            "unit": "", "denominator": None, "year": term_end, "each_year": False}


def _next_number(items: list[dict[str, Any]]) -> int:
    numbers = [i["number"] for i in items if isinstance(i.get("number"), int)]
    return max(numbers, default=0) + 1


def _next_group_code(groups: list[dict[str, Any]]) -> str:
    taken = {g.get("code") for g in groups}
    return next((c for c in string.ascii_lowercase if c not in taken), str(len(groups) + 1))


def apply_edit(
    registry: dict[str, Any], warnings: list[dict[str, Any]], edit: Edit
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A copy of the registry with the item added or removed; an index out of range
    (a stale page) changes nothing."""
    doc = copy.deepcopy(registry)
    indicators = doc.setdefault("indicators", [])
    at = edit.at
    try:
        if edit.name == "add_target":
            indicators[at[0]].setdefault("targets", []).append(blank_target(doc))
        elif edit.name == "remove_target":
            del indicators[at[0]]["targets"][at[1]]
        elif edit.name == "add_indicator":
            group = indicators[-1].get("group") if indicators else None
            indicators.append({"number": _next_number(indicators), "group": group, "text": "",
                               "targets": [blank_target(doc)]})
        elif edit.name == "remove_indicator":
            gone = indicators.pop(at[0]).get("number")
            warnings = [w for w in warnings if w.get("indicator") is None
                        or w.get("indicator") != gone]
        elif edit.name == "add_group":
            groups = doc.setdefault("groups", [])
            groups.append({"code": _next_group_code(groups), "title": "", "declared_count": None})
        elif edit.name == "remove_group":
            code = doc["groups"].pop(at[0]).get("code")
            for ind in indicators:
                if ind.get("group") == code:
                    ind["group"] = None
        elif edit.name in ("add_breakthrough", "add_task"):
            items = doc.setdefault(_LISTS[edit.name], [])
            items.append({"number": _next_number(items), "title": ""})
        elif edit.name in ("remove_breakthrough", "remove_task"):
            del doc[_LISTS[edit.name]][at[0]]
    except (IndexError, KeyError):
        return registry, warnings
    return doc, warnings


_LISTS = {"add_breakthrough": "breakthroughs", "remove_breakthrough": "breakthroughs",
          "add_task": "tasks", "remove_task": "tasks"}
EDITS = ("add_target", "remove_target", "add_indicator", "remove_indicator", "add_group",
         "remove_group", "add_breakthrough", "remove_breakthrough", "add_task", "remove_task")


def renumber_warnings(
    warnings: list[dict[str, Any]], old: dict[str, Any], new: dict[str, Any]
) -> list[dict[str, Any]]:
    """Warnings follow their indicator when the reviewer renumbers it.

    ``old`` and ``new`` have the same indicators in the same places (the form
    edits fields, not the list), so the n-th indicator's old number maps to its new one.
    """
    before = [i.get("number") for i in old.get("indicators") or []]
    after = [i.get("number") for i in new.get("indicators") or []]
    if len(before) != len(after):
        return warnings
    moved = {b: a for b, a in zip(before, after, strict=True) if b is not None}
    return [{**w, "indicator": moved.get(w.get("indicator"), w.get("indicator"))}
            if w.get("indicator") is not None else w for w in warnings]
