from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError, RegistryFileError, load_registry_file
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution
from nghiquyet.resolutions.services import (
    DuplicateResolution,
    registry_error_lines,
    registry_import,
)


def read_registry_path(path: Path, max_bytes: int) -> Any:
    """Read a registry JSON file, with Vietnamese errors that name the file."""
    if not path.is_file():
        raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": path})
    if path.stat().st_size > max_bytes:
        raise CommandError(_("Tệp %(file)s lớn quá giới hạn %(limit)d MB.")
                           % {"file": path, "limit": max_bytes // (1024 * 1024)})
    try:
        return load_registry_file(path.read_bytes(), str(path), max_bytes=max_bytes)
    except RegistryFileError as exc:
        raise CommandError(str(exc)) from exc


class Command(BaseCommand):
    help = "Nhập danh mục chỉ tiêu của một nghị quyết từ tệp JSON nghiquyet.registry/1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--orgunit", help="Mã đơn vị ban hành (mặc định: tìm theo tên).")
        parser.add_argument("--new-version-of", type=int, metavar="ID",
                            help="Lưu thành phiên bản mới của nghị quyết đã có (id).")
        parser.add_argument("--user", help="Nhập với quyền và tên của người dùng này "
                                           "(mặc định: người vận hành máy chủ).")

    def handle(self, *args: Any, **opts: Any) -> None:
        doc = read_registry_path(opts["file"], settings.NGHIQUYET_MAX_UPLOAD_BYTES)
        issuer = None
        if opts["orgunit"]:
            issuer = OrgUnit.objects.filter(code=opts["orgunit"]).first()
            if issuer is None:
                raise CommandError(_("Không có đơn vị mã “%(code)s”.") % {"code": opts["orgunit"]})
        actor = None
        if opts["user"]:
            actor = get_user_model().objects.filter(username=opts["user"], is_active=True).first()
            if actor is None:
                raise CommandError(_("Không có người dùng “%(name)s”.") % {"name": opts["user"]})
        previous = None
        if opts["new_version_of"] is not None:
            previous = Resolution.objects.filter(pk=opts["new_version_of"]).first()
            if previous is None:
                raise CommandError(_("Không có nghị quyết id %(id)d.") % {"id": opts["new_version_of"]})
        try:
            resolution = registry_import(doc=doc, issuer=issuer, actor=actor,
                                         new_version_of=previous)
        except DuplicateResolution as exc:
            existing = "\n  ".join(f"{r.pk}: {r.title} ({r.term_start}–{r.term_end})"
                                   for r in exc.existing)
            raise CommandError(
                _("Nghị quyết này đã có, chưa lưu gì. Dùng --new-version-of ID để lưu thành "
                  "phiên bản mới:") + "\n  " + existing) from exc
        except PermissionDenied as exc:
            raise CommandError(
                _("Người dùng “%(name)s” không có quyền nhập nghị quyết cho đơn vị này.")
                % {"name": opts["user"]}) from exc
        except RegistryError as exc:
            lines = registry_error_lines(exc)
            raise CommandError(
                _("Tệp %(file)s không hợp lệ, chưa lưu gì:") % {"file": opts["file"]}
                + "\n  " + "\n  ".join(lines)
            ) from exc
        self.stdout.write(
            _("Đã nhập nghị quyết “%(title)s” (id %(id)d).")
            % {"title": resolution.title, "id": resolution.pk}
        )
