"""People who register, the staff who decide, and the mails they get."""

from .. import helpers
from ..helpers import notification_helpers
from plone import api
from threeb.opgavegrupper.notifications import mails
from threeb.opgavegrupper.registration import requests

import pytest


sink_mailhost = notification_helpers().sink_mailhost

PASSWORD = "secret-pw-1"
SENDER = "opgavegrupper@example.org"
FIELDS = {
    "fullname": "Anna Hansen",
    "department": "Tingbjerg",
    "address_or_tenancy": "Ruten 12, 2. tv.",
    "department_board": False,
    "privacy_accepted": True,
}


def register(user_id, verified=True, **changes):
    """A resident registered as the form and ``@users`` do it."""
    properties = {
        **FIELDS,
        **changes,
        "email": f"{user_id}@example.org",
        "username": user_id,
    }
    registration = api.portal.get_tool("portal_registration")
    registration.addMember(user_id, PASSWORD, properties=properties)
    requests.start(user_id)
    if verified:
        # As the mailed link does: a password set while waiting.
        api.portal.get_tool("acl_users").userSetPassword(user_id, PASSWORD)
    return api.user.get(userid=user_id)


def queued():
    """The mails this transaction will send: [(address, subject)]."""
    return [(mail.address, mail.subject) for mail in mails.outbox().outgoing]


@pytest.fixture
def people(portal):
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    for user_id, group in (
        ("staff1", "medarbejdere"),
        ("resident1", "beboere"),
        ("outsider", None),
    ):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        if group:
            api.group.add_user(groupname=group, username=user_id)
    yield
    # An integration test never commits: nothing may be sent afterwards.
    mails.outbox().outgoing.clear()


@pytest.fixture
def anna(people):
    return register("anna")


def make_group(portal):
    """A group open for sign-up, with a seat of every kind."""
    return helpers.make_group(
        helpers.make_folder(portal),
        id="vaskeriet",
        summary="Nye regler i vaskeriet",
        seats_resident=2,
        seats_org_board=1,
        seats_department_board=1,
        seats_staff=1,
        seats_external=1,
    )
