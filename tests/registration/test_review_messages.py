"""What a waiting person and staff are told, in Danish titles; the person's
data export. Over the real server."""

from .conftest import make_group
from .conftest import PASSWORD
from .test_rest import BODY
from .test_rest import fresh
from .test_rest import kept  # noqa: F401 - fixture
from .test_rest import set_password
from .test_rest import staff  # noqa: F401 - fixture
from plone import api

import json
import pytest
import transaction


WAITING = "Din registrering venter på, at en medarbejder godkender den"


@pytest.fixture
def waiting(anon_request, kept):  # noqa: F811
    response = anon_request.post("/@users", json=BODY)
    assert response.status_code == 201, response.text
    assert response.json()["registration"]["status"] == "waiting"
    assert WAITING in response.json()["registration"]["message"]
    set_password(anon_request, kept)


def as_anna(request_factory, api_=False):
    return request_factory(basic_auth=("anna", "a-new-secret-9"), api=api_)


def test_mine_opgavegrupper_says_the_registration_waits(request_factory, waiting):
    page = as_anna(request_factory).get("/@@mine-opgavegrupper")
    assert page.status_code == 200
    assert WAITING in page.text


def test_the_apply_form_says_it_and_the_refusal_names_titles(
    request_factory, waiting, functional_portal
):
    group = make_group(functional_portal)
    transaction.commit()
    path = "/" + "/".join(group.getPhysicalPath()[2:])
    page = as_anna(request_factory).get(f"{path}/@@apply")
    assert page.status_code == 200
    assert WAITING in page.text

    response = as_anna(request_factory, api_=True).post(
        f"{path}/@apply",
        json={"constituency": "resident", "motivation": "Jeg bor her."},
    )
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "Ekstern rådgiver" in message
    assert "external" not in message


def test_approve_as_names_the_titles(staff, waiting):  # noqa: F811
    response = staff.post(
        "/@registration-requests",
        json={"user_id": "anna", "decision": "approve", "approve_as": "chair"},
    )
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "Beboer" in message
    assert "resident" not in message
    assert "department_board" not in message


def test_the_data_export_has_the_registration(request_factory, waiting):
    response = as_anna(request_factory).get("/@@mine-opgavegrupper/data.json")
    assert response.status_code == 200
    member = json.loads(response.text)["member"]
    assert member["department"] == "Tingbjerg"
    assert member["address_or_tenancy"] == "Ruten 12, 2. tv."
    assert member["department_board"] is False
    assert member["privacy_accepted"] is True
    assert member["privacy_accepted_on"].startswith("20")
    assert member["email_verified_on"].startswith("20")
    assert member["waiting_for_approval"] is True
    fresh()
    assert api.user.get(userid="anna") is not None


assert PASSWORD
