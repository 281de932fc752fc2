"""Every REST error carries {"error": {"type", "message"}}."""

from ..helpers import REQUEST_TIMEOUT
from plone import api

import ast
import transaction


def test_not_logged_in(functional_portal, anon_request):
    response = anon_request.get("/@my-taskgroups")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "Unauthorized"
    assert response.json()["error"]["message"]


def test_not_found(functional_portal, anon_request):
    response = anon_request.get("/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFound"


def test_bad_input_names_the_field(functional_portal, manager_request):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
    transaction.commit()
    response = manager_request.post(
        "/grupper",
        json={
            "@type": "TaskGroup",
            "title": "X",
            "summary": "Y",
            "theme": "Udlejning",
            "start": "2026-01-01",
            "deadline": "2026-02-01",
            "seats_resident": -1,
        },
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "seats_resident"
    # plone.restapi's own keys stay for its clients.
    assert ast.literal_eval(response.json()["message"])[0]["field"] == "seats_resident"


def test_browser_pages_keep_plones_login_redirect(functional_portal):
    import requests

    response = requests.get(
        functional_portal.absolute_url() + "/@@mine-opgavegrupper",
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 302
    assert "login" in response.headers["Location"]
