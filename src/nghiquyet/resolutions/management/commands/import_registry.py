from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.services import registry_error_lines, registry_import


def load_registry_file(path: Path, max_bytes: int) -> Any:
    """Read a registry JSON file, with Vietnamese errors that name the file."""
    if not path.is_file():
        raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": path})
    if path.stat().st_size > max_bytes:
        raise CommandError(_("Tệp %(file)s lớn quá giới hạn %(limit)d MB.")
                           % {"file": path, "limit": max_bytes // (1024 * 1024)})
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CommandError(_("Tệp %(file)s không phải văn bản UTF-8.") % {"file": path}) from exc
    except json.JSONDecodeError as exc:
        raise CommandError(
            _("Tệp %(file)s không phải JSON hợp lệ: dòng %(line)d, cột %(col)d.")
            % {"file": path, "line": exc.lineno, "col": exc.colno}
        ) from exc


class Command(BaseCommand):
    help = "Nhập danh mục chỉ tiêu của một nghị quyết từ tệp JSON nghiquyet.registry/1."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)
        parser.add_argument("--orgunit", help="Mã đơn vị ban hành (mặc định: tìm theo tên).")
        parser.add_argument("--user", help="Nhập với quyền và tên của người dùng này "
                                           "(mặc định: người vận hành máy chủ).")

    def handle(self, *args: Any, **opts: Any) -> None:
        doc = load_registry_file(opts["file"], settings.NGHIQUYET_MAX_UPLOAD_BYTES)
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
        try:
            resolution = registry_import(doc=doc, issuer=issuer, actor=actor)
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
