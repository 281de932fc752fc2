"""calendar.ics: the feed of published meetings, to subscribe to."""

from Products.Five.browser import BrowserView
from threeb.opgavegrupper.overview.feed import calendar_feed
from threeb.opgavegrupper.overview.feed import filename


class CalendarView(BrowserView):
    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        # inline: a calendar program subscribing to the URL reads it directly.
        response.setHeader(
            "Content-Disposition", f'inline; filename="{filename(self.context)}"'
        )
        return calendar_feed(self.context)
