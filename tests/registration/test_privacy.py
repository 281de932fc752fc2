"""Who may see a registration's personal data, and who may decide on it."""

from .conftest import FIELDS
from .conftest import PASSWORD
from plone import api
from threeb.opgavegrupper.registration import requests

import pytest
import transaction


@pytest.fixture
def anna(functional_portal):
    for user_id, group in (
        ("staff1", "medarbejdere"),
        ("resident1", "beboere"),
        ("board1", "organisationsbestyrelse"),
    ):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=user_id)
    registration = api.portal.get_tool("portal_registration")
    registration.addMember(
        "anna",
        PASSWORD,
        properties={**FIELDS, "username": "anna", "email": "anna@example.org"},
    )
    requests.start("anna")
    transaction.commit()


def session(request_factory, user_id):
    return request_factory(basic_auth=(user_id, PASSWORD))


def test_the_person_sees_their_own_data(request_factory, anna):
    response = session(request_factory, "anna").get("/@users/anna")
    assert response.status_code == 200, response.text
    assert response.json()["address_or_tenancy"] == "Ruten 12, 2. tv."
    assert response.json()["department"] == "Tingbjerg"


@pytest.mark.parametrize("user_id", ["resident1", "board1", "staff1"])
def test_others_cannot_read_the_account(request_factory, anna, user_id):
    # plone.restapi's user information: the person, Site Administrators and
    # Managers. Staff read a request on their own page and service.
    response = session(request_factory, user_id).get("/@users/anna")
    assert response.status_code == 401


@pytest.mark.parametrize("user_id", ["resident1", "board1", "anna"])
def test_only_staff_see_the_requests(request_factory, anna, user_id):
    client = session(request_factory, user_id)
    assert client.get("/@registration-requests").status_code == 403
    response = client.post(
        "/@registration-requests", json={"user_id": "anna", "decision": "approve"}
    )
    assert response.status_code == 403
    page = request_factory(basic_auth=(user_id, PASSWORD), api=False).get(
        "/@@registration-requests"
    )
    assert "Ruten 12" not in page.text
    transaction.begin()
    assert requests.is_pending("anna")


def test_anonymous_sees_nothing(anon_request, request_factory, anna):
    assert anon_request.get("/@registration-requests").status_code == 401
    assert anon_request.get("/@users/anna").status_code == 401
    page = request_factory(api=False).get("/@@registration-requests")
    assert "Ruten 12" not in page.text


def test_staff_see_the_data_on_their_page(request_factory, anna):
    page = request_factory(basic_auth=("staff1", PASSWORD), api=False).get(
        "/@@registration-requests"
    )
    assert page.status_code == 200
    assert "Ruten 12, 2. tv." in page.text
    assert "anna@example.org" in page.text
