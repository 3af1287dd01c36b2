"""The pages to set a commune up, at 360 px and desktop width: nothing wider than the
screen, no serious accessibility fault, no error; screenshots in data/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_fits, shoot
from tests.browser.journey import Journey

pytestmark = pytest.mark.slow
SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.mark.parametrize(("size", "viewport"), SIZES)
def test_the_setup_pages_fit_and_read_well(browser: Any, live_server: Any, demo: Any,
                                           size: str, viewport: dict[str, int]) -> None:
    from django.contrib.auth import get_user_model

    from nghiquyet.resolutions.import_drafts import draft_create
    from tests.conftest import SEED_TXT

    leader = get_user_model().objects.get(username="bithu")
    draft = draft_create(actor=leader, filename="phieng-khoai.txt", source=b"",
                         text=SEED_TXT.read_text(encoding="utf-8"), issuer=demo.issuer)
    pages = {
        "units": "/units/",
        "unit": "/units/SL-PK/",
        "unit-change": "/units/SL-PK/sub/SL-PK-B02/",
        "people": "/people/?unit=SL-PK",
        "person": f"/people/{get_user_model().objects.get(username='truongban').pk}/",
        "password": "/account/password/",
        "assignments": f"/resolutions/{demo.pk}/assignments/",
        "manage": f"/resolutions/{demo.pk}/manage/",
        "duplicate": f"/resolutions/read/{draft.pk}/duplicate/",
        "home": "/",
    }
    j = Journey(browser, live_server.url, "setup-bithu", size, viewport).start("bithu")
    for name, path in pages.items():
        j.goto(path)
        j.check_axe(name)
        assert_fits(j.page)
        shoot(j.page, f"setup-{name}-{size}")
    j.close()
    admin = Journey(browser, live_server.url, "setup-quantri", size, viewport).start("quantri")
    admin.goto("/units/setup/?q=tan+thanh")
    admin.check_axe("setup")
    assert_fits(admin.page)
    shoot(admin.page, f"setup-official-{size}")
    admin.close()
