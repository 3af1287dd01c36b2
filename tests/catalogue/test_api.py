"""The catalogue and the province comparison over the API: the page's permissions."""

import pytest

from nghiquyet.accounts.models import ApiToken, hash_token

pytestmark = pytest.mark.urls("tests.catalogue.api_urls")

COMPARISON = "/api/v1/provinces/SL/comparison"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/catalogue", COMPARISON])
def test_anonymous_is_refused(client, compared, url):
    assert client.get(url).status_code == 401


@pytest.mark.django_db
def test_the_catalogue_lists_every_entry(client, users, catalogue):
    client.force_login(users["alice"])
    entries = client.get("/api/v1/catalogue").json()
    poverty = next(e for e in entries if e["code"] == "ho-ngheo")
    assert poverty == {"code": "ho-ngheo", "name": "Tỷ lệ hộ nghèo (%)", "unit": "%",
                       "measure": "level", "direction": "down", "theme": "society",
                       "theme_label": "Văn hóa - xã hội"}


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "status"), [
    ("admin", 200), ("sam", 200), ("alice", 403), ("bob", 403), ("charlie", 403),
    ("nobody", 403),
])
def test_who_may_compare(client, users, compared, username, status):
    client.force_login(users[username])
    response = client.get(COMPARISON)
    assert response.status_code == status
    if status == 403:
        assert "quyền" in response.json()["detail"]


@pytest.mark.django_db
def test_token_auth_and_the_comparison(client, users, compared):
    raw = ApiToken.new_key()
    ApiToken.objects.create(user=users["sam"], name="t", key_hash=hash_token(raw))
    data = client.get(COMPARISON + "?year=2026", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert data["province"] == "SL" and data["year"] == 2026
    assert {c["code"] for c in data["communes"]} == {"SL-PK", "SL-CH"}
    assert all("chỉ tiêu đạt, vượt hoặc có khả năng đạt" in c["summary"] for c in data["communes"])
    poverty = next(i for i in data["indicators"] if i["code"] == "ho-ngheo")
    assert poverty["communes"] == 2
    row = next(r for r in poverty["rows"] if r["commune"] == "SL-PK")
    assert row["target_text"] == "dưới 12%" and row["latest_value"] == 17.9
    assert row["status"] in {"on_track", "needs_acceleration", "limited_progress"}
    assert row["explanation"]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "status"), [("?year=2031", 400), ("?year=2025", 400),
                                               ("?year=abc", 422), ("?year=2030", 200)])
def test_the_year_is_checked(client, users, compared, query, status):
    client.force_login(users["sam"])
    assert client.get(COMPARISON + query).status_code == status


@pytest.mark.django_db
def test_unknown_province_is_404(client, users, compared):
    client.force_login(users["admin"])
    assert client.get("/api/v1/provinces/XX/comparison").status_code == 404
