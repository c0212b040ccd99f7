"""Cross-origin use of /api/ from the configured front-end origins only."""

import pytest

pytestmark = pytest.mark.django_db

FRONT_END = "https://app.clinic.example"


@pytest.fixture(autouse=True)
def allowed_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


def test_an_allowed_front_end_may_read_the_apis(client, clinic):
    for url in ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/openapi.json"]:
        response = client.get(url, headers={"Origin": FRONT_END})
        assert response["Access-Control-Allow-Origin"] == FRONT_END
        assert "Access-Control-Allow-Credentials" not in response


def test_an_allowed_front_end_may_send_the_form(client, clinic):
    preflight = client.options(
        f"/api/v3/forms/{clinic.contact.pk}/submissions/",
        headers={
            "Origin": FRONT_END,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )

    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == FRONT_END
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    assert "content-type" in preflight["Access-Control-Allow-Headers"]


def test_other_origins_get_no_cross_origin_access(client, clinic):
    response = client.get("/api/v2/pages/", headers={"Origin": "https://evil.example"})

    assert response.status_code == 200  # CORS is for browsers to enforce
    assert "Access-Control-Allow-Origin" not in response


def test_the_html_site_and_admin_are_not_opened_to_other_origins(client, clinic):
    for url in ["/", "/admin/login/", clinic.contact.url]:
        response = client.get(url, headers={"Origin": FRONT_END})
        assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_unless_configured(client, clinic, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    response = client.get("/api/v2/pages/", headers={"Origin": FRONT_END})

    assert "Access-Control-Allow-Origin" not in response
