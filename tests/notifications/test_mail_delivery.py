"""How the mails of one action reach the mail server and the mail programs.

- an invitation is an iMIP message (RFC 6047): a ``text/calendar`` part with
  its METHOD in the ``multipart/alternative`` next to the text and HTML;
- a mail that cannot be written is told like one that could not be sent;
- all mails of a transaction share one SMTP connection, and a server that
  accepts but never answers holds the person's request for one short
  timeout, not one per mail.
"""

from .conftest import invitation_part
from datetime import datetime
from email import message_from_bytes
from email import policy
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper.notifications import mails
from threeb.opgavegrupper.notifications import meetings
from threeb.opgavegrupper.notifications.mails import WARNING_HEADER

import icalendar
import pytest
import pytz
import socket
import transaction


COPENHAGEN = pytz.timezone("Europe/Copenhagen")
PASSWORD = "secret-pw-1"


def make_meeting(group, meeting_id="mode", **fields):
    values = {
        "title": "Møde",
        "start": COPENHAGEN.localize(datetime(2031, 6, 10, 17, 0)),
        "end": COPENHAGEN.localize(datetime(2031, 6, 10, 19, 0)),
        **fields,
    }
    with api.env.adopt_user(username="chair1"):
        return api.content.create(group, "Meeting", id=meeting_id, **values)


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_a_mail_program_finds_the_invitation_next_to_the_text(
    group, outbox, mailhost, do_transition, method
):
    meeting = make_meeting(group)
    do_transition(meeting, "publish", "chair1")
    if method == "CANCEL":
        outbox.clear()
        do_transition(meeting, "retract", "chair1")
    # Parsed from the bytes the SMTP server got, as a mail program does.
    message = message_from_bytes(
        outbox.mails[0].message.as_bytes(), policy=policy.default
    )
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in alternative.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    calendar_part = invitation_part(message)
    assert calendar_part.get_param("method") == method
    assert calendar_part.get_content_charset() == "utf-8"
    assert calendar_part.get_content_disposition() is None
    calendar = icalendar.Calendar.from_ical(calendar_part.get_content())
    assert calendar["METHOD"] == method
    # The same file to open, for programs that read only attachments.
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "mode.ics"
    attached = icalendar.Calendar.from_ical(attachment.get_content())
    assert attached.to_ical() == calendar.to_ical()


def warnings_shown(request):
    return [message.message for message in IStatusMessage(request).show()]


def test_a_mail_that_cannot_be_written_is_told_and_the_others_go(
    group, outbox, mailhost, do_transition, caplog
):
    """A lone surrogate (from a copy-paste) cannot be encoded for SMTP."""
    meeting = make_meeting(group, location="Salen \udcff")
    do_transition(meeting, "publish", "chair1")
    assert outbox.mails == []
    assert "Could not write 'Møde i Vaskeriet: Møde' to chair1" in caplog.text
    assert warnings_shown(meeting.REQUEST) == [
        'An e-mail notification ("Møde i Vaskeriet: Møde") could not be sent. '
        "What you did is saved."
    ]


def test_a_notification_that_fails_is_told(
    group, outbox, do_transition, caplog, monkeypatch
):
    def broken(meeting, group):
        raise ValueError("no mail today")

    monkeypatch.setattr(meetings, "published_mail", broken)
    meeting = make_meeting(group)
    assert do_transition(meeting, "publish", "chair1") == "published"
    assert outbox.mails == []
    assert "no mail today" in caplog.text
    assert warnings_shown(meeting.REQUEST) == [
        "An e-mail notification could not be written. What you did is saved."
    ]


class SilentServer:
    """Accepts connections and never says a word (no SMTP greeting).

    No thread accepts them: the kernel completes each connection into the
    listen queue, where it stays (closed by the client or not) until
    ``connections()`` takes them all. A thread calling accept() might not
    have run yet when the test counts, on a busy machine.
    """

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.setblocking(False)
        self.port = self.listener.getsockname()[1]
        self.accepted = []

    def connections(self):
        """Every connection made so far (all are queued once connect() returned)."""
        while True:
            try:
                connection, _address = self.listener.accept()
            except BlockingIOError:
                return len(self.accepted)
            self.accepted.append(connection)

    def stop(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.stop()


def test_a_server_that_never_answers_is_tried_once_per_action(
    rest_group, request_factory, silent_server, monkeypatch, caplog
):
    group, outbox = rest_group
    meeting = make_meeting(group)
    with api.env.adopt_user(username="chair1"):
        api.content.transition(meeting, transition="publish")
    transaction.commit()
    assert len(outbox.mails) == 3
    # The test need not wait the real timeout; how long is not checked.
    monkeypatch.setattr(mails, "SMTP_TIMEOUT", 0.5)
    api.portal.set_registry_record("plone.smtp_port", silent_server.port)
    transaction.commit()

    chair = request_factory(basic_auth=("chair1", PASSWORD))
    response = chair.post(f"/grupper/vaskeriet/{meeting.getId()}/@workflow/retract")

    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "internal"
    # One connection for the three cancellations; all three told as not sent.
    assert silent_server.connections() == 1
    assert response.headers[WARNING_HEADER] == "3"
    (warning,) = response.json()["warnings"]
    assert "Møde trukket tilbage i Vaskeriet: Møde" in warning["message"]
    assert "2 further mails of this transaction were not tried" in caplog.text


def test_a_long_subject_keeps_the_spaces_between_danish_words():
    from email import message_from_bytes
    from email import policy
    from email.message import EmailMessage
    from threeb.opgavegrupper.notifications.mails import HEADERS_UNFOLDED

    subject = (
        "Det kom der ud af Udlejningshjul: synlig udlejning: Hjulet kommer "
        "også på opslagstavlerne i år, så både ældre og unge læser det"
    )
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message.set_content("Hej")
    # Folded as Python folds it, a reader loses the space in "også på".
    folded = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert folded["Subject"] != subject
    read = message_from_bytes(
        message.as_bytes(policy=HEADERS_UNFOLDED), policy=policy.default
    )
    assert read["Subject"] == subject
