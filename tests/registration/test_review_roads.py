"""The roads around a registration a hostile reviewer tried: creating
accounts while logged in, CSV import, rewriting one's own registration.
Over the real server."""

from .conftest import FIELDS
from .conftest import PASSWORD
from .test_rest import BODY
from .test_rest import fresh
from .test_rest import kept  # noqa: F401 - fixture
from .test_rest import staff  # noqa: F401 - fixture
from plone import api
from threeb.opgavegrupper.registration import requests

import pytest
import transaction


NARNIA = {
    "username": "mallory",
    "email": "mallory@example.org",
    "fullname": "Mallory",
    "department": "Narnia",
}
CSV = "username,email,fullname,department\nmallory,mallory@example.org,M,Narnia\n"


def bearer(request_factory, user_id):
    """A session that sends a JWT as a Bearer token, as a REST client does."""
    session = request_factory()
    response = session.post("/@login", json={"login": user_id, "password": PASSWORD})
    assert response.status_code == 200, response.text
    session.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return session


@pytest.fixture
def waiting(anon_request, kept):  # noqa: F811
    response = anon_request.post("/@users", json=BODY)
    assert response.status_code == 201, response.text
    api.user.get(userid="anna")  # nothing to do: the server committed
    fresh()
    api.portal.get_tool("acl_users").userSetPassword("anna", PASSWORD)
    transaction.commit()


@pytest.mark.parametrize("user_id", ["resident1", "anna", "staff1"])
def test_a_logged_in_caller_creates_no_account(request_factory, waiting, user_id):
    session = bearer(request_factory, user_id)
    response = session.post("/@users", json=NARNIA)

    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "Forbidden"
    fresh()
    assert api.user.get(userid="mallory") is None


def test_a_logged_in_caller_cannot_send_a_password_either(request_factory, waiting):
    session = bearer(request_factory, "resident1")
    response = session.post("/@users", json={**NARNIA, "password": "x-secret-1"})
    assert response.status_code == 403, response.text
    fresh()
    assert api.user.get(userid="mallory") is None


def test_a_site_administrator_still_creates_accounts(request_factory, kept):  # noqa: F811
    api.user.create(
        email="siteadmin@example.org", username="siteadmin", password=PASSWORD
    )
    api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
    transaction.commit()
    session = bearer(request_factory, "siteadmin")
    response = session.post(
        "/@users",
        json={"username": "ole", "email": "ole@example.org", "password": PASSWORD},
    )
    assert response.status_code == 201, response.text
    fresh()
    assert api.user.get(userid="ole") is not None
    assert not requests.is_pending("ole")


@pytest.mark.parametrize("who", ["anonymous", "resident1", "staff1"])
def test_only_those_who_manage_users_import_a_csv_file(request_factory, kept, who):  # noqa: F811
    session = request_factory() if who == "anonymous" else bearer(request_factory, who)
    response = session.post("/@users", files={"file": ("users.csv", CSV, "text/csv")})
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "file"
    fresh()
    assert api.user.get(userid="mallory") is None


@pytest.mark.parametrize("role", ["Anonymous", "Manager"])
def test_a_file_that_is_no_file_is_a_4xx(request_factory, kept, role):  # noqa: F811
    response = request_factory(role=role).post("/@users?file=abc", json=BODY)
    assert response.status_code == (403 if role == "Anonymous" else 400), response.text
    assert response.json()["error"]["field"] == "file"
    fresh()
    assert api.user.get(userid="anna") is None


def test_a_manager_still_imports_a_csv_file(manager_request, kept):  # noqa: F811
    response = manager_request.post(
        "/@users",
        files={
            "file": (
                "users.csv",
                "username,email,password\nole,ole@example.org,secret-pw-9\n",
                "text/csv",
            )
        },
    )
    assert response.status_code == 201, response.text
    fresh()
    assert api.user.get(userid="ole") is not None


def test_an_unknown_path_under_users_is_a_404(anon_request, kept):  # noqa: F811
    response = anon_request.post("/@users/anna/something", json={})
    assert response.status_code == 404, response.text


def test_the_reset_password_road_is_still_plones(anon_request, waiting):
    response = anon_request.post("/@users/anna/reset-password", json={})
    assert response.status_code == 200, response.text


def test_an_address_another_account_has_is_refused(anon_request, kept):  # noqa: F811
    body = {**BODY, "email": "Resident1@Example.org"}
    response = anon_request.post("/@users", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "email"
    fresh()
    assert api.user.get(userid="anna") is None


assert FIELDS  # the registration's fields, shared with test_rest
