"""A meeting as iCalendar: the invitation, update and cancellation mailed to
the members (iTIP, RFC 5546) and the entries of the calendar feed.

The event is plone.app.event's own export of the meeting (its UID, times,
location, URL), so an entry imported from the feed and one from a mail are
the same event. Every file carries the VTIMEZONE its times need, with rules
for all of its events' years (vtimezone.py); the local times it writes are
read with the same rules (zoneinfo's), so both agree in every year.

A mail carries its file as iMIP (RFC 6047) asks: a ``text/calendar`` part
with the METHOD, next to the text and HTML (``mails.Invitation``).
"""

from datetime import datetime
from email.utils import parseaddr
from plone.event.interfaces import IICalendarEventComponent
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.notifications import sequence
from threeb.opgavegrupper.notifications.mails import Invitation
from threeb.opgavegrupper.notifications.mails import sender
from threeb.opgavegrupper.notifications.vtimezone import FIRST_YEAR
from threeb.opgavegrupper.notifications.vtimezone import LAST_YEAR
from threeb.opgavegrupper.notifications.vtimezone import timezones_for
from threeb.opgavegrupper.notifications.vtimezone import zone_name
from threeb.opgavegrupper.participation.applications import group_of
from ZODB.POSException import ConflictError
from zoneinfo import ZoneInfo

import icalendar


PRODID = "-//threeb.opgavegrupper//Opgavegrupper//DA"
# The members are told, not asked: calendars put the meeting in (REQUEST),
# move it (REQUEST, higher SEQUENCE) or take it out (CANCEL) without a reply.
REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"


def _zoneinfo_times(event):
    """DTSTART and DTEND as zoneinfo reads the moment, in the same zone.

    A time stored by pytz's rules (before serializers/datetimes.py used
    zoneinfo's) may carry the offset pytz guessed, e.g. standard time in
    June 2040; the VTIMEZONE's rules are zoneinfo's, so the local time
    written must be too, or a calendar would move the meeting an hour.
    """
    for key in ("DTSTART", "DTEND"):
        if key not in event:
            continue
        value = event[key].dt
        name = zone_name(value)
        if not isinstance(value, datetime) or not name:
            continue
        del event[key]
        event.add(key.lower(), value.astimezone(ZoneInfo(name)))


def meeting_event(meeting, number, cancelled=False):
    """The meeting as a VEVENT with SEQUENCE ``number``."""
    event = IICalendarEventComponent(meeting).to_ical()
    _zoneinfo_times(event)
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


def itip_invitation(meeting, method, number, recipient):
    """The calendar part of one mail (``mails.Invitation``)."""
    return Invitation(
        method=method,
        data=itip_calendar(meeting, method, number, recipient),
        filename=f"{meeting.getId()}.ics",
    )


def _in_range(event):
    """Whether the event's times lie in the years a meeting can have.

    A value stored before the forms refused such years (year 1, 9999)
    would break the file's time zone rules or the calendar programs.
    """
    for key in ("DTSTART", "DTEND"):
        if key in event and not FIRST_YEAR <= event[key].dt.year <= LAST_YEAR:
            return False
    return True


def feed_events(meetings):
    """The feed's events: a meeting whose event cannot be made is left out
    (and logged), so one odd meeting never takes the whole feed down."""
    events = []
    for meeting in meetings:
        try:
            event = meeting_event(meeting, sequence.current(meeting))
        except ConflictError:
            raise
        except Exception:
            logger.exception("Meeting %s left out of the calendar feed", meeting)
            continue
        if not _in_range(event):
            logger.warning(
                "Meeting %s left out of the calendar feed: its time is outside %d-%d",
                "/".join(meeting.getPhysicalPath()),
                FIRST_YEAR,
                LAST_YEAR,
            )
            continue
        events.append(event)
    return events


def feed_calendar(title, meetings):
    """The feed as bytes: each meeting at the SEQUENCE its members hold."""
    events = feed_events(meetings)
    calendar = _calendar(PUBLISH, events)
    calendar.add("x-wr-calname", title)
    return calendar.to_ical()
