"""REST: an anonymous resident registers through POST @users; staff decide
through @registration-requests. Over the real server, mail to a real SMTP sink."""

from .conftest import FIELDS
from .conftest import PASSWORD
from .conftest import sink_mailhost
from dataclasses import dataclass
from email import message_from_bytes
from email import policy
from plone import api
from threeb.opgavegrupper.registration import requests

import pytest
import transaction


BODY = {"username": "anna", "email": "anna@example.org", **FIELDS}


@pytest.fixture
def kept(functional_portal):
    """A site that lets people register, its staff, and the SMTP server's inbox."""
    for user_id, group in (("staff1", "medarbejdere"), ("resident1", "beboere")):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=user_id)
    api.portal.set_registry_record("plone.enable_self_reg", True)
    with sink_mailhost(functional_portal) as kept:
        transaction.commit()
        yield kept


@pytest.fixture
def staff(request_factory, kept):
    return request_factory(basic_auth=("staff1", PASSWORD))


@dataclass
class Sent:
    to: str
    subject: str
    text: str


def read(raw):
    """Plone's own mails are plain text; the add-on's have an HTML part too."""
    message = message_from_bytes(raw, policy=policy.default)
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    return Sent(to=message["To"], subject=message["Subject"], text=text)


def mails(kept):
    return {mail.to: mail for mail in (read(raw) for raw in kept.messages)}


def fresh():
    transaction.begin()  # see what the server committed


def set_password(anon_request, kept, user_id="anna"):
    """What the person does with the mailed link, over REST."""
    import re

    text = mails(kept)[f"{user_id}@example.org"].text
    token = re.search(r"passwordreset/(\w+)", text).group(1)
    response = anon_request.post(
        f"/@users/{user_id}/reset-password",
        json={"reset_token": token, "new_password": "a-new-secret-9"},
    )
    assert response.status_code == 200, response.text


def test_anonymous_registers_with_the_residents_fields(anon_request, kept):
    response = anon_request.post("/@users", json=BODY)

    assert response.status_code == 201, response.text
    assert response.json()["id"] == "anna"
    fresh()
    anna = api.user.get(userid="anna")
    assert anna.getProperty("department") == "Tingbjerg"
    assert anna.getProperty("address_or_tenancy") == "Ruten 12, 2. tv."
    assert anna.getProperty("privacy_accepted") is True
    assert anna.getProperty("privacy_accepted_on")
    assert requests.is_pending("anna")
    assert "Resident" not in anna.getRoles()
    sent = mails(kept)
    # Plone's own mail with the link to set a password verifies the address.
    assert "passwordreset/" in sent["anna@example.org"].text
    assert sent["staff1@example.org"].subject == "En registrering venter på godkendelse"


@pytest.mark.parametrize(
    "change, field",
    [
        ({"department": "Atlantis"}, "department"),
        ({"address_or_tenancy": "  "}, "address_or_tenancy"),
        ({"privacy_accepted": False}, "privacy_accepted"),
        ({"fullname": None}, "fullname"),
        ({"privacy_accepted_on": "2020-01-01"}, "privacy_accepted_on"),
        ({"roles": ["Manager"]}, "roles"),
        ({"password": "a-password-1"}, "password"),
        ({"username": None}, "username"),
        # Another person's user name, a group's id, a reserved one.
        ({"username": "resident1"}, "username"),
        ({"username": "beboere"}, "username"),
        ({"username": "admin"}, "username"),
        # The same names in other case.
        ({"username": "Resident1"}, "username"),
        ({"username": "Beboere"}, "username"),
        ({"username": "ADMIN"}, "username"),
        ({"username": "Site Administrators"}, "username"),
        ({"email": "no-address"}, "email"),
        ({"email": "a@b"}, "email"),
    ],
)
def test_a_wrong_registration_is_a_400_naming_the_field(
    anon_request, kept, change, field
):
    body = {**BODY, **change}
    response = anon_request.post("/@users", json=body)

    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == field
    assert error["type"] == "BadRequest"
    assert error["message"]
    fresh()
    assert api.user.get(userid="anna") is None


def test_without_self_registration_anonymous_cannot_register(
    anon_request, kept, functional_portal
):
    api.portal.set_registry_record("plone.enable_self_reg", False)
    transaction.commit()
    response = anon_request.post("/@users", json=BODY)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "Forbidden"
    fresh()
    assert api.user.get(userid="anna") is None


def test_a_manager_still_adds_users_as_plone_does(request_factory, kept):
    manager = request_factory(role="Manager")
    response = manager.post(
        "/@users",
        json={"username": "ole", "email": "ole@example.org", "password": PASSWORD},
    )
    assert response.status_code == 201, response.text
    fresh()
    assert not requests.is_pending("ole")


def test_staff_list_and_approve(anon_request, staff, kept):
    anon_request.post("/@users", json=BODY)
    set_password(anon_request, kept)
    response = staff.get("/@registration-requests")
    assert response.status_code == 200, response.text
    (item,) = response.json()["items"]
    assert item["id"] == "anna"
    assert item["address_or_tenancy"] == "Ruten 12, 2. tv."
    kept.reset()

    response = staff.post(
        "/@registration-requests",
        json={"user_id": "anna", "decision": "approve", "approve_as": "resident"},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "user_id": "anna",
        "decision": "approved",
        "approved_as": "resident",
    }
    fresh()
    assert "Resident" in api.user.get(userid="anna").getRoles()
    assert mails(kept)["anna@example.org"].subject == "Din registrering er godkendt"
    assert staff.get("/@registration-requests").json()["items"] == []


def test_staff_reject_with_a_message(anon_request, staff, kept):
    anon_request.post("/@users", json=BODY)
    kept.reset()
    response = staff.post(
        "/@registration-requests",
        json={"user_id": "anna", "decision": "reject", "message": "Ukendt lejemål"},
    )
    assert response.status_code == 200, response.text
    fresh()
    assert api.user.get(userid="anna") is None
    assert "Ukendt lejemål" in mails(kept)["anna@example.org"].text


@pytest.mark.parametrize(
    "body, status, field",
    [
        ({"user_id": "anna", "decision": "maybe"}, 400, "decision"),
        ({"user_id": "anna", "decision": "reject"}, 400, "message"),
        (
            {
                "user_id": "anna",
                "decision": "approve",
                "approve_as": "department_board",
            },
            400,
            "confirmed",
        ),
        (
            {"user_id": "anna", "decision": "approve", "confirmed": "ja"},
            400,
            "confirmed",
        ),
        ({"user_id": "anna", "decision": "approve", "extra": 1}, 400, "extra"),
        ({"user_id": "nobody", "decision": "approve"}, 404, "user_id"),
        ({"user_id": "resident1", "decision": "approve"}, 409, "user_id"),
    ],
)
def test_a_wrong_decision_names_the_field(
    anon_request, staff, kept, body, status, field
):
    anon_request.post("/@users", json=BODY)
    response = staff.post("/@registration-requests", json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["field"] == field
    fresh()
    assert requests.is_pending("anna")


def test_a_list_that_is_no_object_is_a_400(staff, kept):
    response = staff.post("/@registration-requests", json=["anna"])
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "decision"


def test_a_refused_verification_mail_keeps_nothing(anon_request, kept):
    kept.refuse("550 5.1.1 Mailbox unavailable")
    response = anon_request.post("/@users", json=BODY)

    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "email"
    fresh()
    assert api.user.get(userid="anna") is None
    assert not requests.is_pending("anna")


def test_a_password_is_chosen_from_the_mail_not_sent(anon_request, kept):
    response = anon_request.post("/@users", json={**BODY, "password": "a-pass-1"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "password"
    assert "Adgangskode" not in error["message"]
    assert "link" in error["message"]
