"""Report files over the API: the same selector, service and access rules as the page."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from nghiquyet.accounts import access
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.figures.figure_sets import DEFAULT_FIGURE_SET, parse_figure_set
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.reports import services
from nghiquyet.reports.report_periods import parse_report_period
from nghiquyet.reports.views import download

router = Router(tags=["Báo cáo"])


class _BadRequest(ValueError):
    pass


@router.get(
    "/resolutions/{int:resolution_id}/report",
    response={400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 503: ErrorOut},
    summary="Tải báo cáo (Word, Excel hoặc PDF)",
)
def get_report(
    request: HttpRequest, resolution_id: int, orgunit: str | None = None, period: str = "",
    format: str = "docx", figures: str = DEFAULT_FIGURE_SET.value, date: str | None = None,
    number: str = "", signer: str = "",
) -> HttpResponse | Status[dict[str, str]]:
    """The report file for an org unit (default: the issuer) and a period: ``2026``,
    ``2026H1``, ``giua-nhiem-ky``, ``nhiem-ky``. ``figures=all`` counts figures not yet
    approved; ``date`` is the report's date (YYYY-MM-DD, default today)."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    unit = access.get_unit_for_user(request.user, resolution,
                                           orgunit or resolution.issuer.code)
    try:
        built = services.report_build(
            actor=request.user, resolution=resolution, unit=unit,
            period=parse_report_period(period or _missing_period(),
                                       resolution.term_start, resolution.term_end),
            fmt=services.parse_format(format), approved_only=_approved_only(figures),
            report_date=_date(date), number=number[:20], signer_name=signer[:120],
        )
    except ValueError as exc:
        return Status(400, {"detail": str(exc)})
    except (services.PdfUnavailable, services.PdfConversionFailed) as exc:
        return Status(503, {"detail": str(exc)})
    return download(built)


def _missing_period() -> str:
    raise _BadRequest(_("Thiếu kỳ báo cáo (period): 2026, 2026H1, giua-nhiem-ky hoặc nhiem-ky."))


def _approved_only(figures: str) -> bool:
    return parse_figure_set(figures).approved_only  # ValueError: a 400 with its message


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise _BadRequest(_("Ngày báo cáo “{text}” không hợp lệ; viết YYYY-MM-DD, ví dụ 2026-12-20.")
                      .format(text=text))
