"""An iCalendar feed of the published meetings a person may see.

Shared by the calendar.ics views and GET @calendar. Each event is the one the
meeting's mail attaches (notifications.ics), so a calendar that imported the
mail and one that subscribes to the feed hold the same event (same UID).
"""

from plone import api
from threeb.opgavegrupper.notifications.ics import meeting_calendar
from threeb.opgavegrupper.notifications.ics import PRODID

import icalendar


def published_meetings(context):
    """Brains of the published meetings under context the user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    # Restricted search: a published meeting of a draft group stays hidden
    # from those who may not see the group.
    return catalog.searchResults(
        portal_type="Meeting",
        review_state="published",
        path="/".join(context.getPhysicalPath()),
        sort_on="start",
    )


def calendar_feed(context):
    """The feed as bytes: one VEVENT per meeting, each time zone once."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", context.Title())
    timezones = {}
    for brain in published_meetings(context):
        # The meeting's own calendar, taken apart: the event and its zones.
        single = icalendar.Calendar.from_ical(meeting_calendar(brain.getObject()))
        for component in single.subcomponents:
            if component.name == "VTIMEZONE":
                timezones.setdefault(str(component["TZID"]), component)
            elif component.name == "VEVENT":
                calendar.add_component(component)
    for timezone in timezones.values():
        calendar.add_component(timezone)
    return calendar.to_ical()


def filename(context):
    return f"{context.getId() or 'opgavegrupper'}.ics"
