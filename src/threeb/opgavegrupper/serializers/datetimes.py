"""A meeting's start and end: a time without offset is the site's.

plone.restapi reads "2027-06-10T17:00:00" as UTC, so a meeting written for
17:00 in Copenhagen started at 19:00. As in the site's own forms, a time
without offset is read in the site's time zone (plone.app.event's setting);
a time with an offset is the same moment, kept in the site's time zone. A
wall-clock time the zone skips (the night the clocks go forward) or has twice
(the night they go back) is refused with a message, and so is a day before
1900-01-01 or after 2999-12-31 (the catalog's date index and time zone
arithmetic fail on year 1 or 9999).

The zone's rules are Python's own (``zoneinfo``, the IANA rules with their
yearly rule carried forward), the ones the pages, mails and calendar files
use: pytz knows no summer time after 2037 and only local mean time before
1902, so 17:00 on 10 June 2040 was stored as 16:00 UTC and shown as 18.00.
The stored value keeps a pytz tzinfo, as plone.app.event and plone.restapi
read its ``zone``: the one of the offset zoneinfo gives, so the stored wall
time is the one people wrote. ``local_moment`` is the one rule, used by the
REST deserializer here and by the Classic UI form (browser/forms/meeting.py).
"""

from datetime import UTC
from plone import api
from plone.event.utils import default_timezone
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.meeting import IMeeting
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.serializers.fields import DatetimeDeserializer
from threeb.opgavegrupper.serializers.fields import FieldValueError
from threeb.opgavegrupper.serializers.fields import FIRST_DATE
from threeb.opgavegrupper.serializers.fields import IExportImportRequestMarker
from threeb.opgavegrupper.serializers.fields import LAST_DATE
from threeb.opgavegrupper.serializers.fields import MUST_BE_DATETIME
from z3c.form.interfaces import IDataManager
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.schema.interfaces import IDatetime

import pytz


class MeetingTimeError(FieldValueError):
    """A time a meeting cannot have; ``doc()`` is the message to the person."""


def zone_name(name=None):
    """An IANA zone both zoneinfo and pytz know: ``name``, else the site's
    (plone.app.event's setting, else the server's), else UTC."""
    if not name:
        name = api.portal.get_registry_record("plone.portal_timezone", default=None)
        name = name or default_timezone()
    try:
        ZoneInfo(name)
        pytz.timezone(name)
    except (ZoneInfoNotFoundError, pytz.UnknownTimeZoneError, ValueError):
        return "UTC"
    return name


def stored_zone_name(value):
    """The IANA name of an aware value's zone (pytz or zoneinfo), or None."""
    tzinfo = getattr(value, "tzinfo", None)
    return getattr(tzinfo, "zone", None) or getattr(tzinfo, "key", None)


def check_range(day):
    """A meeting's local day lies between 1900-01-01 and 2999-12-31."""
    if day < FIRST_DATE:
        raise MeetingTimeError(
            _("At least ${min}.", mapping={"min": FIRST_DATE.isoformat()})
        )
    if day > LAST_DATE:
        raise MeetingTimeError(
            _("At most ${max}.", mapping={"max": LAST_DATE.isoformat()})
        )


def local_moment(wall, name, offset_possible=True):
    """The moment of the naive wall-clock time ``wall`` in zone ``name``.

    Raises MeetingTimeError if the day is out of range, or if the zone skips
    the time or has it twice; ``offset_possible``: the person can write an
    offset (REST), so the message for a time that occurs twice says how.
    """
    check_range(wall.date())
    zone = ZoneInfo(name)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    mapping = {"time": wall.isoformat(), "zone": name}
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
        raise MeetingTimeError(
            _(
                "${time} does not exist in ${zone}: the clocks are put "
                "forward that night. Please choose another time.",
                mapping=mapping,
            )
        )
    if first.utcoffset() != second.utcoffset():
        if not offset_possible:
            raise MeetingTimeError(
                _(
                    "${time} occurs twice in ${zone}: the clocks are put back "
                    "that night. Please choose another time.",
                    mapping=mapping,
                )
            )
        raise MeetingTimeError(
            _(
                "${time} occurs twice in ${zone}: the clocks are put back "
                "that night. Please write it with its offset, for example "
                "${example}.",
                mapping={**mapping, "example": first.isoformat()},
            )
        )
    return first


def as_stored(moment, name):
    """The aware ``moment`` as a meeting stores it in zone ``name``.

    The wall time is zoneinfo's; the tzinfo is the zone's pytz tzinfo of
    that offset (plone.app.event reads its ``zone``; it pickles by zone,
    offset and name). Where pytz has no such offset, pytz's own reading.
    """
    local = moment.astimezone(ZoneInfo(name))
    check_range(local.date())
    zone = pytz.timezone(name)
    known = getattr(zone, "_tzinfos", None) or {}
    offset, dst, abbreviation = local.utcoffset(), local.dst(), local.tzname()
    tzinfo = known.get((offset, dst, abbreviation))
    if tzinfo is None:
        # zoneinfo and pytz may tell the summer part of an offset apart.
        same = [info for key, info in known.items() if key[0] == offset]
        named = [
            info for key, info in known.items() if key[::2] == (offset, abbreviation)
        ]
        tzinfo = (named or same or [None])[0]
    if tzinfo is not None:
        return local.replace(tzinfo=tzinfo, fold=0)
    converted = moment.astimezone(zone)
    return zone.normalize(converted) if hasattr(zone, "normalize") else converted


@adapter(IDatetime, IMeeting, IBrowserLayer)
class MeetingDatetimeDeserializer(DatetimeDeserializer):
    """ISO 8601 text, read in the site's time zone when it has no offset."""

    def __new__(cls, field, context, request):
        if IExportImportRequestMarker.providedBy(request):
            # A content import sends its own aware values; plone.restapi's.
            return DatetimeFieldDeserializer(field, context, request)
        return super().__new__(cls, field, context, request)

    def convert(self, value):
        parsed = self.parse(value)
        current = queryMultiAdapter((self.context, self.field), IDataManager)
        current = current.get() if current is not None else None
        # A stored value keeps its zone (as plone.restapi does); a new one
        # gets the site's, which its pages, mails and calendar files name.
        name = zone_name(stored_zone_name(current))
        try:
            # Before any arithmetic: year 1 or 9999 overflows it.
            check_range(parsed.date())
            if parsed.tzinfo is None:
                parsed = local_moment(parsed, name)
            return as_stored(parsed, name)
        except MeetingTimeError as error:
            self.fail(error.message)
        except (ValueError, OverflowError):
            self.fail(MUST_BE_DATETIME)
