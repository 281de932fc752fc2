"""A meeting made public: the members get the time, the place and a calendar file.

The update and cancellation of it: test_calendar_updates.py.
"""

from datetime import date
from datetime import datetime
from plone import api

import icalendar
import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")
MEMBERS = ["chair1@example.org", "member1@example.org", "member2@example.org"]


@pytest.fixture
def meeting(group, outbox):
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="forste-mode",
            title="Første møde",
            start=COPENHAGEN.localize(datetime(2030, 3, 10, 17, 0)),
            end=COPENHAGEN.localize(datetime(2030, 3, 10, 19, 0)),
            location="Fælleshuset, Vaskerivej 1",
        )
    return meeting


def calendar_of(mail, method="REQUEST"):
    """The invitation as a mail program reads it (iMIP, RFC 6047): a
    text/calendar alternative of the text with its method; the same file
    attached for programs that only open files."""
    part = mail.calendar
    assert part is not None
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == method
    assert part.get_content_disposition() is None
    (attachment,) = mail.attachments
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "forste-mode.ics"
    assert attachment.get_content() == part.get_content().encode("utf-8")
    return icalendar.Calendar.from_ical(part.get_content())


def test_an_internal_meeting_mails_nobody(meeting, outbox):
    assert api.content.get_state(meeting) == "internal"
    assert outbox.mails == []


def test_publishing_mails_the_members_and_the_chair(meeting, outbox, do_transition):
    do_transition(meeting, "publish", "chair1")
    # Not the follower, not the contact, not the member without an address.
    assert outbox.recipients == MEMBERS
    mail = outbox.mails[0]
    assert mail.subject == "Møde i Vaskeriet: Første møde"
    assert "Opgavegruppen Vaskeriet har offentliggjort et møde." in mail.text
    # The site's Danish date format, in the meeting's own time zone.
    assert "Hvornår:\n10. marts 2030 kl. 17.00–19.00" in mail.text
    assert "Sted:\nFælleshuset, Vaskerivej 1" in mail.text
    assert f'<a href="{meeting.absolute_url()}">' in mail.html
    assert "<dd>Fælleshuset, Vaskerivej 1</dd>" in mail.html


def test_the_calendar_file_holds_the_meeting(meeting, outbox, do_transition):
    do_transition(meeting, "publish", "chair1")
    calendar = calendar_of(outbox.mails[0])
    # An iTIP invitation: calendars put it in, and update it by its UID.
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Vaskeriet: Første møde"
    assert event["LOCATION"] == "Fælleshuset, Vaskerivej 1"
    assert event["URL"] == meeting.absolute_url()
    assert event["UID"].startswith(meeting.UID())
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event["ORGANIZER"] == "mailto:opgavegrupper@example.org"
    # The one the mail is for, not asked to answer; not the other members.
    (attendee,) = [event["ATTENDEE"]]
    assert attendee == f"mailto:{outbox.mails[0].to}"
    assert attendee.params["RSVP"] == "FALSE"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == COPENHAGEN.localize(datetime(2030, 3, 10, 17, 0))
    assert end == COPENHAGEN.localize(datetime(2030, 3, 10, 19, 0))
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    # The time zone travels with the file.
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Copenhagen"


def test_publishing_again_updates_the_calendar_entry(meeting, outbox, do_transition):
    do_transition(meeting, "publish", "chair1")
    first = calendar_of(outbox.mails[0]).walk("VEVENT")[0]
    do_transition(meeting, "retract", "chair1")
    # Retracting takes it out of the calendars (test_calendar_updates.py).
    assert len(outbox.mails) == 6
    outbox.clear()
    do_transition(meeting, "publish", "staff1")
    again = calendar_of(outbox.mails[0]).walk("VEVENT")[0]
    assert again["UID"] == first["UID"]
    # Above the cancellation's 1: calendars put it back in.
    assert again["SEQUENCE"] == 2
    assert again["STATUS"] == "CONFIRMED"


def test_a_follower_never_gets_a_meeting_mail(meeting, outbox, do_transition):
    do_transition(meeting, "publish", "chair1")
    do_transition(meeting, "retract", "chair1")
    do_transition(meeting, "publish", "chair1")
    assert "follower1@example.org" not in outbox.recipients
    assert "outsider@example.org" not in outbox.recipients


def test_a_failing_mail_host_does_not_stop_publishing(
    meeting, mailhost, outbox, do_transition, caplog
):
    mailhost.refuse("451 4.3.0 mail server down")
    assert do_transition(meeting, "publish", "chair1") == "published"
    assert outbox.mails == []
    assert "mail server down" in caplog.text


def test_a_whole_day_meeting_is_a_day_in_the_calendar(group, outbox, do_transition):
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="temadag",
            title="Temadag",
            start=COPENHAGEN.localize(datetime(2026, 4, 18, 0, 0)),
            end=COPENHAGEN.localize(datetime(2026, 4, 18, 23, 59)),
            whole_day=True,
        )
    do_transition(meeting, "publish", "chair1")
    mail = outbox.mails[0]
    assert "Hvornår:\n18. april 2026\n" in mail.text
    (attachment,) = mail.attachments
    (event,) = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 4, 18)
    # DTEND of a day is exclusive: the day after.
    assert event.decoded("DTEND") == date(2026, 4, 19)
    assert "LOCATION" not in event
