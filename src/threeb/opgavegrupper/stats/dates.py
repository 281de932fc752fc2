"""Dates as the figures read them, from catalog metadata or from an object.

A moment counts on the day it was in the site's time zone (an application
sent at 00:30 Copenhagen time on 1 December counts in December, though it
is still 30 November in UTC), as every date the add-on shows (dates.py).
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from threeb.opgavegrupper.dates import local_date


def as_date(value):
    """A date from a DateTime, datetime or date, else None."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        # Plone's "no date" placeholders (year 1000 or 2499) are not dates.
        if value.year() < 1001 or value.year() > 2498:
            return None
        return local_date(value)
    if isinstance(value, datetime):
        return value.date() if value.tzinfo is None else local_date(value)
    if isinstance(value, date):
        return value
    return None
