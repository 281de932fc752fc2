"""A group with its people, a real SMTP server that keeps what is sent, and readers.

The site's own MailHost sends over SMTP to scripts/mailsink.py's server,
running in a thread of the test process: what a test reads is what a mail
server got, sent the way the running site sends it.
"""

from .. import helpers
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes
from email import policy
from pathlib import Path
from plone import api
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper.notifications import mails
from threeb.opgavegrupper.participation import following
from zope.component import getUtility

import importlib.util
import pytest
import transaction


SITE_SENDER = "opgavegrupper@example.org"

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
    # The text/calendar part next to the text and HTML (iMIP), or None.
    calendar: object = None


def lines(text):
    # Mail travels with SMTP's CRLF line ends; a mail program shows newlines.
    return text.replace("\r\n", "\n")


def invitation_part(message):
    """The text/calendar alternative of the text, as mail programs find it."""
    for part in message.walk():
        if part.get_content_type() == "multipart/alternative":
            for alternative in part.iter_parts():
                if alternative.get_content_type() == "text/calendar":
                    return alternative
    return None


def read(raw):
    message = message_from_bytes(raw, policy=policy.default)
    return Sent(
        to=message["To"],
        sender=message["From"],
        subject=message["Subject"],
        text=lines(message.get_body(("plain",)).get_content()),
        html=lines(message.get_body(("html",)).get_content()),
        attachments=list(message.iter_attachments()),
        message=message,
        calendar=invitation_part(message),
    )


def load_mailsink():
    """scripts/mailsink.py, which `make run` starts, as a module."""
    path = Path(__file__).parents[2] / "scripts" / "mailsink.py"
    spec = importlib.util.spec_from_file_location("mailsink", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SINK = []


def smtp_sink():
    """The test process's SMTP server, started once on a free port."""
    if not _SINK:
        sink = load_mailsink().MailSink()
        sink.start()
        _SINK.append(sink)
    return _SINK[0]


class SinkMailHost:
    """What the SMTP server got since the test began; it may refuse."""

    def __init__(self, sink):
        self.sink = sink

    @property
    def port(self):
        return self.sink.port

    @property
    def messages(self):
        return list(self.sink.messages)

    def refuse(self, reply="550 5.1.1 Mailbox unavailable"):
        self.sink.handler.refuse_with = reply

    def reset(self):
        self.sink.messages.clear()
        self.sink.handler.refuse_with = None


@contextmanager
def sink_mailhost(portal, port=None):
    """The site's MailHost sends to the test's SMTP server (or to ``port``).

    The site is Danish, as the demo site is, and has a sender address. On a
    functional site the test commits this, as it commits its content.
    """
    settings = {
        "plone.email_from_address": SITE_SENDER,
        "plone.email_from_name": "3B Opgavegrupper",
        "plone.default_language": "da",
        "plone.portal_timezone": "Europe/Copenhagen",
    }
    sink = smtp_sink()
    # Plone's MailHost takes the server from these records (its own
    # smtp_host and smtp_port are patched over by Products.CMFPlone).
    settings["plone.smtp_host"] = "127.0.0.1"
    settings["plone.smtp_port"] = port or sink.port
    registry = getUtility(IRegistry)
    saved = {key: registry[key] for key in settings}
    for key, value in settings.items():
        registry[key] = value
    kept = SinkMailHost(sink)
    kept.reset()
    try:
        yield kept
    finally:
        kept.reset()
        for key, value in saved.items():
            registry[key] = value


# The name tests of other areas import; it is no mock any more.
mock_mailhost = sink_mailhost


@pytest.fixture
def mailhost(portal):
    with sink_mailhost(portal) as kept:
        yield kept


def deliver_pending():
    """Send what the test's transaction queued, as its commit would.

    An integration test never commits; the functional tests go through the
    real commit of the web server.
    """
    mails.outbox().deliver()


class Outbox:
    """What the SMTP server has got, read back."""

    def __init__(self, mailhost):
        self.mailhost = mailhost

    @property
    def mails(self):
        deliver_pending()
        return [read(raw) for raw in self.mailhost.messages]

    @property
    def recipients(self):
        return sorted(mail.to for mail in self.mails)

    def clear(self):
        deliver_pending()
        self.mailhost.reset()


@pytest.fixture
def outbox(mailhost):
    return Outbox(mailhost)


def make_people():
    helpers.make_people(
        {user_id: (None, group_id) for user_id, (group_id, _role) in PEOPLE.items()}
    )
    api.user.get(userid="nomail").setMemberProperties({"email": ""})


def make_group(portal):
    """A recruiting group with a chair, members, a follower and a contact."""
    group = helpers.make_group(
        helpers.make_folder(portal),
        id="vaskeriet",
        summary="Nye regler i vaskeriet",
        roles={
            user_id: [role] for user_id, (_group_id, role) in PEOPLE.items() if role
        },
        contact="staff1",
        seats_external=1,
    )
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
    deliver_pending()
    mailhost.reset()
    return group


@pytest.fixture
def rest_group(functional_portal):
    """The same group on the functional site, committed for the web server.

    Each functional test has its own stacked storage, so these commits end
    with the test.
    """
    with sink_mailhost(functional_portal) as kept:
        make_people()
        group = make_group(functional_portal)
        transaction.commit()
        kept.reset()
        yield group, Outbox(kept)
        transaction.abort()
