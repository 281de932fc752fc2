"""Meetings take their location and attendees from plone.app.event.

Earlier versions gave the Meeting type its own ``location`` and ``attendees``
fields and an indexer of their own. The type now has plone.app.event's
location and attendees behaviors, whose fields have the same names; the
values move to what the behaviors read (a tuple of names, not a list) and the
catalog is filled from plone.app.event's own location indexer.
"""

from plone import api
from plone.app.event.dx.behaviors import IEventAttendees
from plone.app.event.dx.behaviors import IEventLocation
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.notifications.sequence import seed


BEHAVIORS = ("plone.eventlocation", "plone.eventattendees")


def _add_behaviors():
    """The Meeting type gets the behaviors; the others it has stay."""
    fti = api.portal.get_tool("portal_types").getTypeInfo("Meeting")
    behaviors = list(fti.behaviors)
    missing = [name for name in BEHAVIORS if name not in behaviors]
    if missing:
        # Set through the property, so dexterity drops its cached schemas.
        fti._updateProperty("behaviors", tuple(behaviors + missing))


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def _move_values(meeting):
    """The old fields' values, as the behaviors' fields take them."""
    stored = meeting.__dict__
    location = _text(stored.get("location"))
    attendees = tuple(
        name
        for name in (_text(entry) for entry in stored.get("attendees") or ())
        if name
    )
    IEventLocation(meeting).location = location or None
    IEventAttendees(meeting).attendees = attendees


def upgrade_calendar(context):
    """Give the Meeting type plone.app.event's location and attendees
    behaviors, move existing meetings' values there and reindex them.

    Published meetings also start their calendar record (notifications/
    sequence.py) from what their members were sent, so that the next change
    of time or place goes out as an update of the same calendar entry.
    """
    _add_behaviors()
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Meeting"):
        meeting = brain._unrestrictedGetObject()
        _move_values(meeting)
        seed(meeting)
        meeting.reindexObject(idxs=["location", "SearchableText"])
        count += 1
    logger.info("Meetings' location and attendees moved to plone.app.event: %s", count)
