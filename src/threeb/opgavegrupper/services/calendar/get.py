"""GET @calendar: the iCalendar feed of published meetings (text/calendar)."""

from plone.restapi.services import Service
from threeb.opgavegrupper.overview.feed import calendar_feed
from threeb.opgavegrupper.overview.feed import filename


class CalendarGet(Service):
    content_type = "text/calendar; charset=utf-8"

    def render(self):
        # Not JSON: the feed is the body, as the calendar.ics view sends it.
        self.check_permission()
        response = self.request.response
        response.setHeader("Content-Type", self.content_type)
        response.setHeader(
            "Content-Disposition", f'inline; filename="{filename(self.context)}"'
        )
        return calendar_feed(self.context)
