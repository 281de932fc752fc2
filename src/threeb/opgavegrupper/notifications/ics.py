"""A meeting as an iCalendar file, to put it in one's own calendar."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone.event.interfaces import IEventAccessor
from threeb.opgavegrupper.notifications.mails import Attachment
from threeb.opgavegrupper.participation.applications import group_of

import icalendar


PRODID = "-//threeb.opgavegrupper//Opgavegrupper//DA"


def _sequence(meeting):
    """How often the meeting was published before; 0 the first time.

    A meeting made internal again to correct it, then published anew, keeps
    its UID; the higher SEQUENCE tells calendars to update the entry they have.
    """
    history = getattr(meeting, "workflow_history", {}).get("meeting_workflow", ())
    published = sum(1 for entry in history if entry.get("action") == "publish")
    return max(published - 1, 0)


def meeting_calendar(meeting):
    """The meeting as a VCALENDAR with one VEVENT, as bytes."""
    accessor = IEventAccessor(meeting)
    group = group_of(meeting)
    event = icalendar.Event()
    # plone.app.event's own export uses the same UID, so an entry imported
    # from the site's calendar and one from this mail are the same event.
    event.add("uid", accessor.sync_uid)
    event.add("dtstamp", datetime.now(UTC))
    event.add("sequence", _sequence(meeting))
    event.add("summary", f"{group.Title()}: {meeting.Title()}")
    if accessor.whole_day:
        # A whole-day event has dates; its DTEND is the day after (exclusive).
        event.add("dtstart", accessor.start.date())
        event.add("dtend", accessor.end.date() + timedelta(days=1))
    else:
        # Aware datetimes: icalendar writes them with their TZID.
        event.add("dtstart", accessor.start)
        if not accessor.open_end:
            event.add("dtend", accessor.end)
    if getattr(meeting, "location", None):
        event.add("location", meeting.location)
    event.add("url", meeting.absolute_url())
    if meeting.Description():
        event.add("description", meeting.Description())

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    # PUBLISH: for information; nobody is asked to answer the invitation.
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    # The VTIMEZONE each TZID names, so every calendar program reads the times
    # the same way; its rules for the meeting's year only, not since 1970.
    calendar.add_missing_timezones(
        first_date=date(accessor.start.year, 1, 1),
        last_date=date(accessor.end.year + 1, 1, 1),
    )
    return calendar.to_ical()


def meeting_attachment(meeting):
    return Attachment(
        filename=f"{meeting.getId()}.ics",
        maintype="text",
        subtype="calendar",
        data=meeting_calendar(meeting),
        params={"method": "PUBLISH", "charset": "utf-8"},
    )
