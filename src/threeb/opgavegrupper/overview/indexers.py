"""Catalog values the trail reads, so it never wakes a meeting.

plone.app.event indexes `location` only through its own location behavior,
which a Meeting does not have (its location is a field of its schema); the
catalog's `location` column would stay empty without this.
"""

from plone.indexer import indexer
from threeb.opgavegrupper.content.meeting import IMeeting


@indexer(IMeeting)
def meeting_location(obj):
    location = getattr(obj, "location", None)
    if not location:
        # No value: the catalog keeps nothing rather than an empty string.
        raise AttributeError("location")
    return location
