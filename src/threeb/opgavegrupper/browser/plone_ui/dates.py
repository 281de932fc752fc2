"""Plone's own dates in the add-on's one format.

Plone writes the dates of its own pages (the byline's "Sidst opdateret",
search results, folder listings, the dashboard's portlets) through the
``@@plone`` view's ``toLocalizedTime``, which fills plone.app.locales'
``date_format_short`` ("${d}/${m} ${Y}" in Danish: "30/11 2026"). A
catalogue of the add-on's for ``plonelocales`` cannot take its place
(zope.i18n asks a domain's catalogues in the order they were registered,
plone.app.locales' first), and Plone's registry override
(``Products.CMFPlone.i18nl10n.override_dateformat``) has only zero-padded
days and one text for every language. So on the add-on's layer the view
writes Plone's dates as the add-on's pages do (``threeb.opgavegrupper.dates``):
"30. november 2026", "30. november 2026 kl. 17.00", "17.00".
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from DateTime.interfaces import DateTimeError
from Products.CMFPlone.browser.ploneview import Plone
from threeb.opgavegrupper import dates


class PloneView(Plone):
    def toLocalizedTime(self, time, long_format=None, time_only=None):
        """``time`` (DateTime, datetime, date or DateTime text) as people read it.

        Read as Plone reads it (``DateTime(time)``), a naive datetime as the
        server's local time, then written in the site's time zone.

        ``long_format`` true adds the time of day; ``time_only`` gives only
        that. An explicit format text in ``long_format``, and values that
        are no date, go to Plone's own formatting (which returns None for
        what it cannot read).
        """
        if isinstance(long_format, str) or not time:
            return super().toLocalizedTime(time, long_format, time_only)
        if not isinstance(time, DateTime | date) or isinstance(time, datetime):
            try:
                time = DateTime(time)
            except (DateTimeError, ValueError, TypeError, IndexError):
                return super().toLocalizedTime(time, long_format, time_only)
            if time.timezoneNaive():
                # A naive datetime is the server's clock (Plone's own mails
                # pass utcnow()-based expiry times), not the site's.
                time = time.toZone(time.timezone())
        try:
            if time_only:
                return dates.time_text(time)
            if long_format:
                return dates.datetime_text(time)
            return dates.date_text(time)
        except (TypeError, ValueError, OverflowError):
            return super().toLocalizedTime(time, long_format, time_only)
