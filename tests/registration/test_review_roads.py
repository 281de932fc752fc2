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


@pytest.mark.parametrize(
    "change, status",
    [
        ({"privacy_accepted_on": "2020-01-01T00:00:00+00:00"}, 403),
        ({"privacy_accepted": False}, 403),
        ({"department_board": True}, 403),
        ({"email": "other@example.org"}, 403),
        ({"roles": {"Manager": True}}, 403),
        ({"department": "Narnia"}, 400),
        ({"address_or_tenancy": "x" * 201}, 400),
        ({"address_or_tenancy": "  "}, 400),
        ({"fullname": "x" * 201}, 400),
        ({"favourite_colour": "blue"}, 400),
    ],
)
def test_a_person_cannot_rewrite_their_registration(
    request_factory, waiting, change, status
):
    (field,) = change
    session = bearer(request_factory, "anna")
    response = session.patch("/@users/anna", json=change)

    assert response.status_code == status, response.text
    assert response.json()["error"]["field"] == field
    fresh()
    anna = api.user.get(userid="anna")
    assert anna.getProperty("email") == "anna@example.org"
    assert anna.getProperty("department") == "Tingbjerg"
    assert anna.getProperty("department_board") is False
    assert anna.getProperty("privacy_accepted") is True
    assert anna.getProperty("privacy_accepted_on").startswith("20")
    assert anna.getProperty("privacy_accepted_on") != "2020-01-01T00:00:00+00:00"
    assert anna.getProperty("fullname") == FIELDS["fullname"]


def test_a_person_changes_name_and_address_within_the_limits(request_factory, waiting):
    session = bearer(request_factory, "anna")
    response = session.patch(
        "/@users/anna",
        json={"fullname": "Anna B. Hansen", "address_or_tenancy": "Ruten 14"},
    )
    assert response.status_code == 204, response.text
    fresh()
    anna = api.user.get(userid="anna")
    assert anna.getProperty("fullname") == "Anna B. Hansen"
    assert anna.getProperty("address_or_tenancy") == "Ruten 14"


def test_nobody_writes_the_consent_date(manager_request, waiting):
    response = manager_request.patch(
        "/@users/anna", json={"privacy_accepted_on": "2020-01-01T00:00:00+00:00"}
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "privacy_accepted_on"
    response = manager_request.patch("/@users/anna", json={"fullname": "x" * 201})
    assert response.status_code == 400, response.text
    response = manager_request.patch("/@users/anna", json={"department_board": True})
    assert response.status_code == 204, response.text


def test_someone_elses_account_stays_plones_403(request_factory, waiting):
    session = bearer(request_factory, "resident1")
    response = session.patch("/@users/anna", json={"fullname": "Mallory"})
    assert response.status_code == 403, response.text
    fresh()
    assert api.user.get(userid="anna").getProperty("fullname") == FIELDS["fullname"]


def personal_information(request_factory, field, value):
    """Anna saves her personal information with one field changed."""
    import re

    browser = request_factory(basic_auth=("anna", PASSWORD), api=False)
    page = browser.get("/@@personal-information")
    assert page.status_code == 200, page.text
    token = re.search(
        r'name="_authenticator"\s+(?:type="hidden"\s+)?value="([^"]+)"', page.text
    ).group(1)
    form = {
        "form.widgets.fullname": FIELDS["fullname"],
        "form.widgets.email": "anna@example.org",
        "form.widgets.department:list": "Tingbjerg",
        "form.widgets.address_or_tenancy": FIELDS["address_or_tenancy"],
        "form.buttons.save": "Save",
        "_authenticator": token,
    }
    form[f"form.widgets.{field}"] = value
    return browser.post("/@@personal-information", data=form)


def test_the_personal_information_form_saves_within_the_limits(
    request_factory, waiting
):
    page = personal_information(request_factory, "fullname", "Anna B. Hansen")
    assert page.status_code == 200
    fresh()
    assert api.user.get(userid="anna").getProperty("fullname") == "Anna B. Hansen"


@pytest.mark.parametrize(
    "field, value",
    [("fullname", "x" * 201), ("email", "other@example.org")],
)
def test_the_personal_information_form_keeps_the_limits(
    request_factory, waiting, field, value
):
    import re

    page = personal_information(request_factory, field, value)
    assert page.status_code == 200
    found = re.search(rf'<div[^>]+id="formfield-form-widgets-{field}"[^>]*>', page.text)
    assert found and "error" in found.group(0), page.text[:3000]
    fresh()
    anna = api.user.get(userid="anna")
    assert anna.getProperty("fullname") == FIELDS["fullname"]
    assert anna.getProperty("email") == "anna@example.org"


def test_staff_see_whether_the_address_is_verified_and_approve_only_then(
    anon_request,
    staff,  # noqa: F811
    kept,  # noqa: F811
):
    from .test_rest import set_password

    anon_request.post("/@users", json=BODY)
    (item,) = staff.get("/@registration-requests").json()["items"]
    assert item["email_verified"] is False
    assert item["email_verified_on"] == ""
    decision = {"user_id": "anna", "decision": "approve", "approve_as": "resident"}
    response = staff.post("/@registration-requests", json=decision)
    assert response.status_code == 409, response.text
    assert response.json()["error"]["field"] == "user_id"
    assert "verific" in response.json()["error"]["message"] or (
        "bekræftet" in response.json()["error"]["message"]
    )
    fresh()
    assert requests.is_pending("anna")

    set_password(anon_request, kept)
    (item,) = staff.get("/@registration-requests").json()["items"]
    assert item["email_verified"] is True
    assert item["email_verified_on"].startswith("20")
    response = staff.post("/@registration-requests", json=decision)
    assert response.status_code == 200, response.text


def test_the_staff_page_says_when_the_address_is_not_verified(
    anon_request,
    request_factory,
    kept,  # noqa: F811
):
    from .test_rest import set_password

    anon_request.post("/@users", json=BODY)
    browser = request_factory(basic_auth=("staff1", PASSWORD), api=False)
    page = browser.get("/@@registration-requests")
    assert "Ikke bekræftet endnu" in page.text
    set_password(anon_request, kept)
    page = browser.get("/@@registration-requests")
    assert "Ikke bekræftet endnu" not in page.text
    assert "Bekræftet" in page.text
