"""A meeting as iCalendar: the invitation, update and cancellation mailed to
the members (iTIP, RFC 5546) and the entries of the calendar feed.

The event is plone.app.event's own export of the meeting (its UID, times,
location, URL), so an entry imported from the feed and one from a mail are
the same event. Every file carries the VTIMEZONE its times need, with rules
for all of its events' years (vtimezone.py).
"""

from email.utils import parseaddr
from plone.event.interfaces import IICalendarEventComponent
from threeb.opgavegrupper.notifications import sequence
from threeb.opgavegrupper.notifications.mails import Attachment
from threeb.opgavegrupper.notifications.mails import sender
from threeb.opgavegrupper.notifications.vtimezone import timezones_for
from threeb.opgavegrupper.participation.applications import group_of

import icalendar


PRODID = "-//threeb.opgavegrupper//Opgavegrupper//DA"
# The members are told, not asked: calendars put the meeting in (REQUEST),
# move it (REQUEST, higher SEQUENCE) or take it out (CANCEL) without a reply.
REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"


def meeting_event(meeting, number, cancelled=False):
    """The meeting as a VEVENT with SEQUENCE ``number``."""
    event = IICalendarEventComponent(meeting).to_ical()
    # plone.app.event writes the attendees' names as calendar addresses; they
    # are names on the meeting's page, not people a calendar could invite.
    event.pop("ATTENDEE", None)
    group = group_of(meeting)
    event.pop("SUMMARY", None)
    summary = meeting.Title()
    if group is not None:
        summary = f"{group.Title()}: {summary}"
    event.add("summary", summary)
    event.pop("URL", None)
    event.add("url", meeting.absolute_url())
    event.add("sequence", number)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(method, events):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    # The zones first: some programs read a TZID only once they know it.
    for timezone in timezones_for(events):
        calendar.add_component(timezone)
    for event in events:
        calendar.add_component(event)
    return calendar


def _address(value, **params):
    name, address = parseaddr(value)
    prop = icalendar.vCalAddress(f"mailto:{address}")
    if name:
        prop.params["CN"] = name
    prop.params.update(params)
    return prop


def itip_calendar(meeting, method, number, recipient):
    """The calendar file of one mail to ``recipient`` ("Name <address>").

    iTIP names the organiser (the site's sender address) and the attendee
    the message is for; RSVP=FALSE: nobody is asked to answer.
    """
    event = meeting_event(meeting, number, cancelled=method == CANCEL)
    from_address = sender()
    if from_address:
        event.add("organizer", _address(from_address))
    event.add(
        "attendee",
        _address(
            recipient, ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="FALSE"
        ),
    )
    return _calendar(method, [event]).to_ical()


def itip_attachment(meeting, method, number, recipient):
    return Attachment(
        filename=f"{meeting.getId()}.ics",
        maintype="text",
        subtype="calendar",
        data=itip_calendar(meeting, method, number, recipient),
        params={"method": method, "charset": "utf-8"},
    )


def feed_calendar(title, meetings):
    """The feed as bytes: each meeting at the SEQUENCE its members hold."""
    events = [meeting_event(meeting, sequence.current(meeting)) for meeting in meetings]
    calendar = _calendar(PUBLISH, events)
    calendar.add("x-wr-calname", title)
    return calendar.to_ical()
