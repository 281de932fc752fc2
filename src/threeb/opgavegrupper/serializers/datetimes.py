"""A meeting's start and end over REST: a time without offset is the site's.

plone.restapi reads "2027-06-10T17:00:00" as UTC, so a meeting written for
17:00 in Copenhagen started at 19:00. As in the site's own forms, a time
without offset is read in the site's time zone (plone.app.event's setting);
a time with an offset is the same moment, kept in the site's time zone. A
wall-clock time the zone skips (the night the clocks go forward) or has twice
(the night they go back) is refused with a message.
"""

from datetime import datetime
from plone import api
from plone.event.utils import default_timezone
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.meeting import IMeeting
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.serializers.fields import DatetimeDeserializer
from threeb.opgavegrupper.serializers.fields import IExportImportRequestMarker
from threeb.opgavegrupper.serializers.fields import MUST_BE_DATETIME
from z3c.form.interfaces import IDataManager
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.schema.interfaces import IDatetime

import pytz


def site_timezone():
    """The site's time zone: plone.app.event's setting, else the server's."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return pytz.timezone(name or default_timezone())
    except pytz.UnknownTimeZoneError:
        return pytz.utc


@adapter(IDatetime, IMeeting, IBrowserLayer)
class MeetingDatetimeDeserializer(DatetimeDeserializer):
    """ISO 8601 text, read in the site's time zone when it has no offset."""

    def __new__(cls, field, context, request):
        if IExportImportRequestMarker.providedBy(request):
            # A content import sends its own aware values; plone.restapi's.
            return DatetimeFieldDeserializer(field, context, request)
        return super().__new__(cls, field, context, request)

    def convert(self, value):
        if not isinstance(value, str):
            self.fail(MUST_BE_DATETIME)
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            self.fail(MUST_BE_DATETIME)
        zone = site_timezone()
        if parsed.tzinfo is None:
            parsed = self._localize(zone, parsed)
        stored = super().convert(parsed.isoformat())
        current = queryMultiAdapter((self.context, self.field), IDataManager)
        current = current.get() if current is not None else None
        if stored is not None and stored.tzinfo is not None and current is None:
            # Nothing stored yet: plone.restapi keeps UTC; the site's zone is
            # what its pages, mails and calendar files name.
            stored = zone.normalize(stored.astimezone(zone))
        return stored

    def _localize(self, zone, wall):
        mapping = {"time": wall.isoformat(), "zone": zone.zone}
        try:
            return zone.localize(wall, is_dst=None)
        except pytz.NonExistentTimeError:
            self.fail(
                _(
                    "${time} does not exist in ${zone}: the clocks are put "
                    "forward that night. Please choose another time.",
                    mapping=mapping,
                )
            )
        except pytz.AmbiguousTimeError:
            earlier = zone.localize(wall, is_dst=True).isoformat()
            self.fail(
                _(
                    "${time} occurs twice in ${zone}: the clocks are put back "
                    "that night. Please write it with its offset, for example "
                    "${example}.",
                    mapping={**mapping, "example": earlier},
                )
            )
