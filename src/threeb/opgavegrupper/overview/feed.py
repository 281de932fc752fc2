"""An iCalendar feed of the published meetings a person may see.

Shared by the calendar.ics views and GET @calendar. Each event is the one the
meeting's mail attaches (notifications.ics), so a calendar that imported the
mail and one that subscribes to the feed hold the same event (same UID).
"""

from plone import api
from threeb.opgavegrupper.notifications.ics import feed_calendar


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
    """The feed as bytes: one VEVENT per meeting, each time zone once, with
    rules for every meeting's year."""
    meetings = [brain.getObject() for brain in published_meetings(context)]
    return feed_calendar(context.Title(), meetings)


def filename(context):
    return f"{context.getId() or 'opgavegrupper'}.ics"
