"""Shared bits of the management commands."""

from __future__ import annotations

from django.core.management.base import CommandError

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution


def resolution_from_arg(value: str) -> Resolution:
    """``<resolution>`` on the command line: its database id, or its exact title."""
    qs = Resolution.objects.select_related("issuer")
    if value.isdigit():
        found = qs.filter(pk=int(value)).first()
    else:
        found = qs.filter(title=value).first()
    if found is None:
        raise CommandError(
            _("Không tìm thấy nghị quyết “%(value)s”. Dùng mã số (id) của nghị quyết; "
              "xem danh sách trong trang quản trị hoặc API.") % {"value": value}
        )
    return found


def unit_from_arg(resolution: Resolution, code: str | None) -> OrgUnit:
    """``--orgunit CODE``: a unit inside the resolution's issuer (default: the issuer).

    An operator's command sees every unit, but a unit outside the resolution's
    subtree has no figures for it, so it is refused rather than read as empty.
    """
    if not code:
        return resolution.issuer
    unit = OrgUnit.objects.filter(code=code, path__startswith=resolution.issuer.path).first()
    if unit is None:
        raise CommandError(_("Không có đơn vị mã “%(code)s” thuộc %(issuer)s.")
                           % {"code": code, "issuer": resolution.issuer.name})
    return unit
