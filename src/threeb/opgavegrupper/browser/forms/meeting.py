"""The Classic UI add and edit forms of a meeting.

Its start and end are read by the rule of the REST road
(serializers/datetimes.py ``local_moment``): the wall-clock time in the
site's zone by zoneinfo's rules, a day between 1900-01-01 and 2999-12-31, no
time the clocks skip or have twice. plone.app.z3cform's converter read them
with pytz (standard time after 2037, local mean time before 1902), took
02:30 on the night the clocks go forward as 01:30 UTC, and let year 1 and
9999 through, which broke the calendar feed and the catalog. The error shows
under the field; nothing is stored.

``sync_uid`` (plone.app.event's UID for calendars, a hidden field of
IEventBasic) is not in the forms: the add-on keeps it (notifications/
meetings.py); a posted value would have moved the meeting in everybody's
calendar to another entry.
"""

from datetime import datetime
from plone.app.event.base import default_timezone
from plone.app.z3cform.converters import DatetimeWidgetConverter
from plone.base.utils import safe_callable
from plone.z3cform import layout
from threeb.opgavegrupper.browser.forms.content import AddForm
from threeb.opgavegrupper.browser.forms.content import AddView
from threeb.opgavegrupper.browser.forms.content import EditForm
from threeb.opgavegrupper.serializers.datetimes import as_stored
from threeb.opgavegrupper.serializers.datetimes import local_moment
from threeb.opgavegrupper.serializers.datetimes import zone_name
from zope.component import adapter
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.schema.interfaces import IDatetime


TIME_FIELDS = ("IEventBasic.start", "IEventBasic.end")
OMITTED = ("IEventBasic.sync_uid",)


class IMeetingTimeWidget(Interface):
    """Marker of the start and end widgets of a meeting's forms."""


@adapter(IDatetime, IMeetingTimeWidget)
class MeetingTimeConverter(DatetimeWidgetConverter):
    """The widget's "2027-03-28T02:30" as a meeting stores it."""

    def _zone(self):
        zone = self.widget.default_timezone
        if safe_callable(zone):
            zone = zone(self.widget.context)
        return zone_name(zone or default_timezone(self.widget.context))

    def toFieldValue(self, value):
        if not value:
            return self.field.missing_value
        day, _sep, clock = value.partition("T")
        if not day:
            return self.field.missing_value
        if ":" not in clock:
            clock = self.widget.default_time
            if safe_callable(clock):
                clock = clock(self.widget.context)
        # A ValueError (not a date) is z3c.form's "could not process".
        wall = datetime(*map(int, day.split("-") + clock.split(":")))
        name = self._zone()
        return as_stored(local_moment(wall, name, offset_possible=False), name)


class MeetingForm:
    """What the add and edit forms of a meeting do alike."""

    def updateFields(self):
        super().updateFields()
        self.fields = self.fields.omit(*OMITTED)
        for group in getattr(self, "groups", ()):
            group.fields = group.fields.omit(*OMITTED)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        # The widgets exist now; their values are converted on extraction.
        for name in TIME_FIELDS:
            if name in self.widgets:
                alsoProvides(self.widgets[name], IMeetingTimeWidget)


class MeetingEditForm(MeetingForm, EditForm):
    pass


MeetingEditView = layout.wrap_form(MeetingEditForm)


class MeetingAddForm(MeetingForm, AddForm):
    pass


class MeetingAddView(AddView):
    form = MeetingAddForm
