"""A meeting's start and end are stored with their time zone, on every road.

The forms and REST store aware times (serializers/datetimes.py), but a
script or an import through plone.api sets naive ones. plone.app.event's
start-before-end invariant then compared a naive stored start with an aware
new end (a REST PATCH of ``end`` alone): a 500. A naive time is read as the
site's wall-clock time, as the forms read it.
"""

from threeb.opgavegrupper.serializers.datetimes import as_stored
from threeb.opgavegrupper.serializers.datetimes import local_moment
from threeb.opgavegrupper.serializers.datetimes import MeetingTimeError
from threeb.opgavegrupper.serializers.datetimes import zone_name
from zoneinfo import ZoneInfo


def _aware(value, name):
    try:
        moment = local_moment(value, name)
    except MeetingTimeError:
        # Not for a person to answer here: the later of the two readings.
        moment = value.replace(tzinfo=ZoneInfo(name))
    return as_stored(moment, name)


def store_aware_times(meeting, event):
    """IObjectAddedEvent / IObjectModifiedEvent of a meeting."""
    name = None
    for attribute in ("start", "end"):
        value = getattr(meeting, attribute, None)
        if value is None or getattr(value, "tzinfo", None) is not None:
            continue
        if not hasattr(value, "hour"):
            continue  # a date, not a time
        name = name or zone_name()
        try:
            setattr(meeting, attribute, _aware(value, name))
        except (MeetingTimeError, ValueError, OverflowError):
            continue  # out of range: the forms and REST refuse it
