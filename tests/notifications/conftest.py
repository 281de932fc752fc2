"""A group with its people, a mail host that keeps what is sent, and readers."""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes
from email import policy
from plone import api
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from threeb.opgavegrupper.participation import following
from zope.component import getSiteManager
from zope.component import getUtility

import pytest
import transaction


SITE_SENDER = "opgavegrupper@example.org"
PASSWORD = "secret-pw-1"

# user id: (Plone group giving a global role, local role on the group)
PEOPLE = {
    "staff1": ("medarbejdere", None),  # the group's contact person
    "board1": ("organisationsbestyrelse", None),
    "board2": ("organisationsbestyrelse", None),
    "chair1": ("beboere", "TaskGroupChair"),
    "member1": ("beboere", "TaskGroupMember"),
    "member2": ("beboere", "TaskGroupMember"),
    "nomail": ("beboere", "TaskGroupMember"),  # has no e-mail address
    "follower1": ("beboere", None),  # follows the group
    "resident1": ("beboere", None),  # applies
    "outsider": (None, None),
}


@dataclass
class Sent:
    """One sent message, read back the way a mail program reads it."""

    to: str
    sender: str
    subject: str
    text: str
    html: str
    attachments: list
    message: object


def read(raw):
    message = message_from_bytes(raw, policy=policy.default)
    return Sent(
        to=message["To"],
        sender=message["From"],
        subject=message["Subject"],
        text=message.get_body(("plain",)).get_content(),
        html=message.get_body(("html",)).get_content(),
        attachments=list(message.iter_attachments()),
        message=message,
    )


@contextmanager
def mock_mailhost(portal):
    """Plone's MockMailHost in place of the site's, as MockMailHostLayer does.

    The site is Danish, as the demo site is, and has a sender address.
    """
    settings = {
        "plone.email_from_address": SITE_SENDER,
        "plone.email_from_name": "3B Opgavegrupper",
        "plone.default_language": "da",
        "plone.portal_timezone": "Europe/Copenhagen",
    }
    registry = getUtility(IRegistry)
    saved = {key: registry[key] for key in settings}
    for key, value in settings.items():
        registry[key] = value
    original = portal.MailHost
    mock = MockMailHost("MailHost")
    site_manager = getSiteManager(portal)
    portal.MailHost = mock
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(mock, provided=IMailHost)
    try:
        yield mock
    finally:
        portal.MailHost = original
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(original, provided=IMailHost)
        for key, value in saved.items():
            registry[key] = value


@pytest.fixture
def mailhost(portal):
    with mock_mailhost(portal) as mock:
        yield mock


class Outbox:
    """What the mock mail host has kept, read back."""

    def __init__(self, mailhost):
        self.mailhost = mailhost

    @property
    def mails(self):
        return [read(raw) for raw in self.mailhost.messages]

    @property
    def recipients(self):
        return sorted(mail.to for mail in self.mails)

    def clear(self):
        self.mailhost.reset()


@pytest.fixture
def outbox(mailhost):
    return Outbox(mailhost)


def address(user_id):
    return f"{user_id}@example.org"


def make_people():
    for user_id, (group_id, _role) in PEOPLE.items():
        user = api.user.create(
            username=user_id,
            email=address(user_id),
            password=PASSWORD,
            properties={"fullname": user_id.capitalize() + " Hansen"},
        )
        if user_id == "nomail":
            user.setMemberProperties({"email": ""})
        if group_id:
            api.group.add_user(groupname=group_id, username=user_id)


def make_group(portal):
    """A recruiting group with a chair, members, a follower and a contact."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeriet",
            title="Vaskeriet",
            summary="Nye regler i vaskeriet",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
            contact="staff1",
            seats_external=1,
        )
        for user_id, (_group_id, role) in PEOPLE.items():
            if role:
                api.user.grant_roles(username=user_id, obj=group, roles=[role])
        api.content.transition(group, transition="open_signup")
    following.follow(group, "follower1")
    return group


@pytest.fixture
def people(portal):
    make_people()
    return PEOPLE


@pytest.fixture
def group(portal, people, mailhost):
    group = make_group(portal)
    # Setting the group up mails nobody; start each test with an empty outbox.
    mailhost.reset()
    return group


@pytest.fixture
def rest_group(functional_portal):
    """The same group on the functional site, committed for the web server.

    Each functional test has its own stacked storage, so these commits end
    with the test.
    """
    with mock_mailhost(functional_portal) as mock:
        make_people()
        group = make_group(functional_portal)
        mock.reset()
        transaction.commit()
        yield group, Outbox(mock)
        transaction.abort()
