"""Approving and rejecting a registration, and what a person may do meanwhile."""

from .conftest import make_group
from .conftest import queued
from .conftest import register
from datetime import datetime
from plone import api
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation.applications import allowed_constituencies
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.registration.requests import RegistrationError

import pytest


def groups_of(user_id):
    groups = api.group.get_groups(username=user_id)
    return {group.getId() for group in groups} - {"AuthenticatedUsers"}


def test_a_registration_waits_with_no_role(anna):
    assert groups_of("anna") == {"tilmeldte"}
    assert "Resident" not in anna.getRoles()
    assert requests.is_pending("anna")
    accepted = datetime.fromisoformat(anna.getProperty("privacy_accepted_on"))
    assert accepted.tzinfo is not None
    assert anna.getProperty("privacy_accepted") is True


def test_staff_are_told_without_the_address(anna):
    ((address, subject),) = queued()
    assert address == "staff1@example.org"
    assert subject == "A registration awaits approval"
    (mail,) = requests_mail()
    text = mail.get_body(("plain",)).get_content()
    assert "Anna Hansen" in text and "Tingbjerg" in text
    assert "Ruten" not in text
    assert "/@@registration-requests" in text


def requests_mail():
    from threeb.opgavegrupper.notifications import mails

    return [mail.message for mail in mails.outbox().outgoing]


def test_waiting_the_person_may_follow_and_apply_only_for_a_seat_without_role(
    anna, portal
):
    # "external" is the only constituency no role is needed for.
    assert allowed_constituencies(anna.getUser()) == ["external"]
    group = make_group(portal)
    with api.env.adopt_user(username="anna"):
        following.follow(group, "anna")
    assert following.followers(group) == ("anna",)


def test_approve_as_resident(anna):
    queued_before = len(queued())
    requests.approve("anna")
    assert groups_of("anna") == {"beboere"}
    user = api.user.get(userid="anna")
    assert "Resident" in user.getRoles()
    assert allowed_constituencies(user.getUser()) == ["resident"]
    assert not requests.is_pending("anna")
    assert queued()[queued_before:] == [
        ("anna@example.org", "Your registration is approved")
    ]


def test_approve_as_department_board_member_needs_staff_to_confirm(anna):
    with pytest.raises(RegistrationError) as refused:
        requests.approve("anna", requests.DEPARTMENT_BOARD)
    assert (refused.value.field, refused.value.status) == ("confirmed", 400)
    assert requests.is_pending("anna")

    requests.approve("anna", requests.DEPARTMENT_BOARD, confirmed=True)
    assert groups_of("anna") == {"afdelingsbestyrelser"}
    user = api.user.get(userid="anna")
    assert allowed_constituencies(user.getUser()) == ["department_board", "resident"]


@pytest.mark.parametrize(
    "user_id, approve_as, field, status",
    [
        ("anna", "chair", "approve_as", 400),
        ("nobody", "resident", "user_id", 404),
        ("", "resident", "user_id", 400),
        (None, "resident", "user_id", 400),
        ("resident1", "resident", "user_id", 409),
    ],
)
def test_approving_what_cannot_be_approved(anna, user_id, approve_as, field, status):
    with pytest.raises(RegistrationError) as refused:
        requests.approve(user_id, approve_as)
    assert (refused.value.field, refused.value.status) == (field, status)


def test_a_decided_registration_cannot_be_decided_again(anna):
    requests.approve("anna")
    with pytest.raises(RegistrationError) as refused:
        requests.reject("anna", "Forkert afdeling")
    assert refused.value.status == 409
    assert groups_of("anna") == {"beboere"}


def test_reject_needs_a_message(anna):
    for message in (None, "", "   ", 12):
        with pytest.raises(RegistrationError) as refused:
            requests.reject("anna", message)
        assert refused.value.field == "message"
    with pytest.raises(RegistrationError):
        requests.reject("anna", "x" * 2001)
    assert requests.is_pending("anna")


def test_reject_tells_the_person_and_deletes_the_account_and_its_data(anna, portal):
    group = make_group(portal)
    following.follow(group, "anna")
    queued_before = len(queued())

    requests.reject("anna", "Vi kan ikke finde dit lejemål.")

    assert api.user.get(userid="anna") is None
    assert not requests.is_pending("anna")
    # The add-on's erasure ran: the follow went with the account.
    assert following.followers(group) == ()
    # Plone's member data went too: a new account of that name starts empty.
    api.user.create(email="anna2@example.org", username="anna", password="secret-pw-1")
    again = api.user.get(userid="anna")
    assert not again.getProperty("address_or_tenancy")
    assert not again.getProperty("privacy_accepted_on")
    ((address, subject),) = queued()[queued_before:]
    assert (address, subject) == (
        "anna@example.org",
        "Your registration was not approved",
    )
    text = requests_mail()[-1].get_body(("plain",)).get_content()
    assert "Vi kan ikke finde dit lejemål." in text


def test_pending_lists_the_requests_oldest_first(people):
    register("bodil", fullname="Bo Berg")
    register("caisa", fullname="Cai Carlsen", department_board=True)
    api.user.get(userid="bodil").setMemberProperties(
        {"privacy_accepted_on": "2026-01-02T10:00:00+00:00"}
    )
    api.user.get(userid="caisa").setMemberProperties(
        {
            "privacy_accepted_on": "2026-01-01T10:00:00+00:00",
            "email_verified_on": "2026-01-01T11:00:00+00:00",
        }
    )
    assert [item["id"] for item in requests.pending()] == ["caisa", "bodil"]
    cai = requests.pending()[0]
    assert cai == {
        "id": "caisa",
        "fullname": "Cai Carlsen",
        "email": "caisa@example.org",
        "department": "Tingbjerg",
        "address_or_tenancy": "Ruten 12, 2. tv.",
        "department_board": True,
        "registered": "2026-01-01T10:00:00+00:00",
        "email_verified": True,
        "email_verified_on": "2026-01-01T11:00:00+00:00",
    }


def test_the_first_password_set_while_waiting_verifies_the_address(people):
    register("bodil", verified=False)
    bodil = api.user.get(userid="bodil")
    assert requests.verified_on(bodil) == ""
    with pytest.raises(requests.NotPending) as raised:
        requests.approve("bodil")
    assert raised.value.field == "user_id"
    assert requests.is_pending("bodil")

    api.portal.get_tool("acl_users").userSetPassword("bodil", "another-pw-2")
    first = requests.verified_on(api.user.get(userid="bodil"))
    assert first
    requests.approve("bodil")
    assert not requests.is_pending("bodil")


def test_a_password_set_after_approval_records_nothing(people):
    api.portal.get_tool("acl_users").userSetPassword("resident1", "another-pw-2")
    assert requests.verified_on(api.user.get(userid="resident1")) == ""


@pytest.mark.parametrize(
    "change, field",
    [
        ({"fullname": " "}, "fullname"),
        ({"department": None}, "department"),
        ({"department": "Atlantis"}, "department"),
        ({"address_or_tenancy": ""}, "address_or_tenancy"),
        ({"address_or_tenancy": "x" * 201}, "address_or_tenancy"),
        ({"address_or_tenancy": 12}, "address_or_tenancy"),
        ({"department_board": "yes"}, "department_board"),
        ({"privacy_accepted": False}, "privacy_accepted"),
        ({"privacy_accepted": "true"}, "privacy_accepted"),
    ],
)
def test_the_registration_rules_name_the_wrong_field(portal, change, field):
    from .conftest import FIELDS

    with pytest.raises(RegistrationError) as refused:
        requests.check({**FIELDS, **change})
    assert refused.value.field == field
    assert refused.value.status == 400
